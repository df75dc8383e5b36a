// Cursor context for the features: which YAML node (and plan path) is at an offset, the
// id definitions and references in a plan, and a text-only fallback that finds the path
// from indentation when the document does not parse (completion while typing).

import { isMap, isPair, isScalar, isSeq, Scalar, type Document, type Node, type ParsedNode } from 'yaml';
import type { Path, Span } from '../engine/types.js';
import type { LineIndex } from '../engine/lines.js';

export interface NodeAt {
  path: (string | number)[];
  /** On a map key, or on a value (scalar) / item. */
  on: 'key' | 'value';
  /** The scalar under the cursor, if any. */
  scalar?: Scalar;
  span?: Span;
}

const range = (n: unknown): [number, number] | undefined => {
  const r = (n as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
};
const within = (r: [number, number] | undefined, o: number): boolean => !!r && o >= r[0] && o <= r[1];

/** The deepest node at `offset`, with its path from the document root. */
export function nodeAt(doc: Document.Parsed<ParsedNode> | null, offset: number): NodeAt | undefined {
  if (!doc?.contents) return undefined;
  const path: (string | number)[] = [];
  let node: Node | null = doc.contents as Node;
  for (let guard = 0; guard < 1000 && node; guard++) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const p of node.items) {
        if (!isPair(p)) continue;
        const kr = range(p.key);
        const key = isScalar(p.key) ? String(p.key.value) : undefined;
        if (key === undefined) continue;
        if (within(kr, offset)) {
          path.push(key);
          return { path, on: 'key', scalar: p.key as Scalar, span: { start: kr![0], end: kr![1] } };
        }
        if (p.value && within(range(p.value), offset)) {
          path.push(key);
          next = p.value as Node;
          break;
        }
      }
      if (!next) return { path, on: 'value' };
      node = next;
    } else if (isSeq(node)) {
      let next: Node | null = null;
      node.items.forEach((it, i) => {
        if (!next && it && within(range(it), offset)) {
          path.push(i);
          next = it as Node;
        }
      });
      if (!next) return { path, on: 'value' };
      node = next;
    } else if (isScalar(node)) {
      const r = range(node)!;
      return { path, on: 'value', scalar: node, span: { start: r[0], end: r[1] } };
    } else return { path, on: 'value' };
  }
  return { path, on: 'value' };
}

export type IdKind = 'outcome' | 'objective' | 'action';
export interface IdSite {
  id: string;
  kind: IdKind;
  /** The id's text without quotes. */
  span: Span;
  path: Path;
  def: boolean;
}

const LISTS: [string, IdKind][] = [
  ['outcomes', 'outcome'],
  ['objectives', 'objective'],
  ['actions', 'action'],
];

function siteOf(n: unknown, kind: IdKind, path: Path, def: boolean): IdSite | undefined {
  if (!isScalar(n) || typeof n.value !== 'string' || !n.range) return undefined;
  let [s, e] = [n.range[0], n.range[1]];
  if (n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE) {
    s += 1;
    e -= 1;
  }
  return { id: n.value, kind, span: { start: s, end: Math.max(s, e) }, path, def };
}

/** Every id definition (`id:` of outcomes/objectives/actions) and reference (`outcome`, `objective`, `after`). */
export function idSites(doc: Document.Parsed<ParsedNode> | null): IdSite[] {
  const out: IdSite[] = [];
  const root = doc?.contents;
  if (!isMap(root)) return out;
  for (const [key, kind] of LISTS) {
    const seq = root.get(key, true);
    if (!isSeq(seq)) continue;
    seq.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const def = siteOf(item.get('id', true), kind, [key, i, 'id'], true);
      if (def) out.push(def);
      if (kind === 'objective') {
        const r = siteOf(item.get('outcome', true), 'outcome', [key, i, 'outcome'], false);
        if (r) out.push(r);
      }
      if (kind === 'action') {
        const r = siteOf(item.get('objective', true), 'objective', [key, i, 'objective'], false);
        if (r) out.push(r);
        const after = item.get('after', true);
        if (isSeq(after)) {
          after.items.forEach((a, j) => {
            const s = siteOf(a, 'action', [key, i, 'after', j], false);
            if (s) out.push(s);
          });
        } else {
          const s = siteOf(after, 'action', [key, i, 'after'], false);
          if (s) out.push(s);
        }
      }
    });
  }
  return out;
}

export function siteAt(sites: readonly IdSite[], offset: number): IdSite | undefined {
  return sites.find((s) => offset >= s.span.start && offset <= s.span.end);
}

// ---------------------------------------------------------------------------
// Text-only context (works while the document does not parse).

export interface LineContext {
  /** Path of the mapping the cursor's key belongs to; '#' marks a sequence item. */
  mapPath: (string | number)[];
  /** The key being typed (on a key) or whose value is being typed. */
  key?: string;
  /** Typing a value (after `key:`), or a key. */
  on: 'key' | 'value';
  /** The partial word before the cursor. */
  prefix: string;
  /** Offset where the partial word starts. */
  wordStart: number;
  /** The cursor line starts a new sequence item (`- `). */
  newItem: boolean;
  /** Inside a flow sequence `[a, b` on a value. */
  inFlowSeq: boolean;
  /** Column where the key at the cursor starts (for snippet indentation). */
  keyColumn: number;
  /** Column of the `- ` marker when newItem. */
  dashColumn: number;
  /** The cursor is right after `key:` with no space: a value needs one first. */
  afterColon?: boolean;
}

interface LineShape {
  /** Column of the first non-space char. */
  indent: number;
  /** Columns of `- ` markers at the start. */
  dashes: number[];
  /** Column of the key after any dashes, if the line is `key:` / `key: value`. */
  keyCol?: number;
  key?: string;
  /** Text after `key:` (trimmed). */
  rest?: string;
  blank: boolean;
}

const KEY_RE = /^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;

function shape(line: string): LineShape {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  const indent = i;
  const t = line.slice(i);
  if (t === '' || t.startsWith('#')) return { indent, dashes: [], blank: true };
  const dashes: number[] = [];
  while (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === undefined || line[i + 1] === '\t')) {
    dashes.push(i);
    i++;
    while (line[i] === ' ' || line[i] === '\t') i++;
  }
  const body = line.slice(i).replace(/[ \t]+#.*$/, '');
  const m = KEY_RE.exec(body);
  if (m) return { indent, dashes, keyCol: i, key: m[2], rest: (m[3] ?? '').trim(), blank: false };
  return { indent, dashes, keyCol: i, blank: false };
}

/** The path of the mapping whose keys sit at column `col` below `line`, from the lines above. */
function pathAbove(lines: LineIndex, line: number, col: number, depth = 0): (string | number)[] {
  if (depth > 100) return [];
  for (let l = line - 1; l >= 0 && col > 0; l--) {
    const sh = shape(lines.lineText(l));
    if (sh.blank || sh.indent >= col) continue;
    // The first line less indented than the block is its parent: a key or a sequence item.
    if (sh.dashes.length) {
      const d = sh.dashes[0];
      if (sh.key !== undefined && sh.keyCol! < col && sh.rest === '') return [...seqPathOf(lines, l, d, depth + 1), '#', sh.key];
      return [...seqPathOf(lines, l, d, depth + 1), '#'];
    }
    if (sh.key !== undefined) return [...pathAbove(lines, l, sh.indent, depth + 1), sh.key];
    return pathAbove(lines, l, sh.indent, depth + 1);
  }
  return [];
}

/** The path of the sequence whose item marker is at column `dashCol` on `line`. */
function seqPathOf(lines: LineIndex, line: number, dashCol: number, depth = 0): (string | number)[] {
  if (depth > 100) return [];
  for (let k = line - 1; k >= 0; k--) {
    const sh = shape(lines.lineText(k));
    if (sh.blank || sh.indent > dashCol) continue;
    if (sh.indent === dashCol && sh.dashes.length) continue; // an earlier item of the same sequence
    if (sh.key === undefined) return pathAbove(lines, line, dashCol, depth + 1);
    if (sh.dashes.length) return [...seqPathOf(lines, k, sh.dashes[0], depth + 1), '#', sh.key];
    return [...pathAbove(lines, k, sh.indent, depth + 1), sh.key];
  }
  return [];
}

/** Where the cursor is, from the text alone. */
export function lineContext(lines: LineIndex, offset: number): LineContext {
  const { line, character } = lines.positionAt(offset);
  const lineStart = lines.starts[line];
  const before = lines.text.slice(lineStart, lineStart + character);
  let i = 0;
  while (i < before.length && (before[i] === ' ' || before[i] === '\t')) i++;
  let dashColumn = -1;
  let newItem = false;
  while (before[i] === '-' && (before[i + 1] === ' ' || before[i + 1] === '\t')) {
    dashColumn = i;
    newItem = true;
    i++;
    while (before[i] === ' ' || before[i] === '\t') i++;
  }
  const keyColumn = i;
  const rest = before.slice(i);
  const kv = /^(["']?)([A-Za-z_][\w-]*)\1[ \t]*:[ \t]*(.*)$/.exec(rest);
  const mapPath: (string | number)[] = newItem ? [...seqPathOf(lines, line, dashColumn), '#'] : pathAbove(lines, line, keyColumn);
  if (kv) {
    const value = kv[3];
    const flow = value.lastIndexOf('[');
    const inFlowSeq = flow >= 0 && value.indexOf(']', flow) < 0;
    const partial = (inFlowSeq ? value.slice(flow + 1).split(',').pop()! : value).replace(/^[ \t"']+/, '');
    return {
      mapPath,
      key: kv[2],
      on: 'value',
      prefix: partial,
      wordStart: lineStart + character - partial.length,
      newItem,
      inFlowSeq,
      keyColumn,
      dashColumn,
      afterColon: before.endsWith(':'),
    };
  }
  const word = /[\w-]*$/.exec(rest)?.[0] ?? '';
  if (rest.length > word.length && !newItem) {
    // Not a key position (e.g. free text): treat as a value of an item in a block sequence.
    return { mapPath, on: 'value', prefix: word, wordStart: lineStart + character - word.length, newItem, inFlowSeq: false, keyColumn, dashColumn };
  }
  return { mapPath, key: undefined, on: 'key', prefix: word, wordStart: lineStart + character - word.length, newItem, inFlowSeq: false, keyColumn, dashColumn };
}

/** Keys already present in the mapping whose keys sit at column `col` around `line`. */
export function siblingKeys(lines: LineIndex, line: number, col: number): Set<string> {
  const keys = new Set<string>();
  for (let l = line - 1; l >= 0; l--) {
    const sh = shape(lines.lineText(l));
    if (sh.blank) continue;
    if (sh.keyCol === col && sh.key !== undefined) keys.add(sh.key);
    if (sh.indent < col || (sh.indent === col && sh.dashes.length)) break;
  }
  for (let l = line + 1; l < lines.lineCount; l++) {
    const sh = shape(lines.lineText(l));
    if (sh.blank) continue;
    if (sh.indent < col) break;
    if (sh.indent === col && sh.key !== undefined) keys.add(sh.key);
  }
  return keys;
}
