// Text edits computed from the YAML source, so that fixes keep comments, quoting and
// indentation. Each builder returns undefined when it cannot be sure of the result
// (an alias, an odd layout): a fix that cannot be sure is not offered.

import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { findPairIn, locate, nodeRange } from './locate.js';
import type { ParsedText } from './parse.js';
import type { Path, TextEdit } from './types.js';

const INDENT_UNIT = 2;

/** Apply non-overlapping edits (any order) to text. Overlapping edits: the later-starting one is dropped. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) continue;
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** True when two edit lists touch overlapping text (insertions at the same point overlap). */
export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a)
    for (const y of b) {
      if (x.start === y.start) return true;
      if (x.start < y.end && y.start < x.end) return true;
    }
  return false;
}

const PLAIN_SAFE = /^[A-Za-z0-9_][A-Za-z0-9_ .\-/]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~|[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.inf|\.nan))$/i;

/** YAML source for a scalar value: plain where that is unambiguous, else double-quoted. */
export function scalarSource(value: string | number | boolean | null, like?: Node | null): string {
  if (value === null) return 'null';
  if (typeof value !== 'string') return String(value);
  const type = isScalar(like) ? like.type : undefined;
  if (type === Scalar.QUOTE_SINGLE && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (PLAIN_SAFE.test(value) && !RESERVED.test(value) && !/\s$/.test(value) && !value.includes(' #') && !value.includes(': ')) return value;
  // Dates are plain in YAML 1.2's core schema (they stay strings).
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return JSON.stringify(value);
}

/** Replace the value at `path` with `source` (YAML text). */
export function replaceValue(pt: ParsedText, path: Path, source: string): TextEdit | undefined {
  const loc = locate(pt.doc, path);
  if (!loc.found) return undefined;
  const r = nodeRange(loc.node);
  if (!r || (loc.node as Node & { source?: unknown } | null) === null) return undefined;
  if (!isScalar(loc.node)) return undefined;
  if ((loc.node as Node).tag && (loc.node as Node).tag!.startsWith('!')) return undefined;
  return { start: r[0], end: r[1], newText: source };
}

/** Column of a node's first character. */
function colOf(pt: ParsedText, offset: number): number {
  return pt.lines.positionAt(offset).character;
}

/** End of the last non-blank source before `offset`. */
function backOverSpace(text: string, from: number, floor: number): number {
  let e = from;
  while (e > floor && /[ \t\r\n]/.test(text[e - 1])) e--;
  return e;
}

/** Indent a block of YAML lines (already relative) to `indent` columns. */
function indentLines(lines: readonly string[], indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return lines.map((l) => (l === '' ? '' : pad + l)).join(eol);
}

/**
 * Insert `key: value` into the map at `mapPath`. `value` is either a scalar source
 * (one line) or block lines relative to the key (each nested by INDENT_UNIT).
 * Creates missing parent maps down from the nearest existing one.
 */
export function insertPair(pt: ParsedText, mapPath: Path, key: string, value: string | readonly string[]): TextEdit | undefined {
  const loc = locate(pt.doc, mapPath);
  if (!loc.found) {
    // Build the missing maps as a nested block and insert at the deepest existing map.
    const have = mapPath.slice(0, loc.depth);
    const missing = mapPath.slice(loc.depth);
    if (missing.some((s) => typeof s === 'number')) return undefined;
    let block: string[] = typeof value === 'string' ? [`${key}: ${value}`] : [`${key}:`, ...value.map((l) => ' '.repeat(INDENT_UNIT) + l)];
    for (let i = missing.length - 1; i >= 1; i--) block = [`${missing[i]}:`, ...block.map((l) => ' '.repeat(INDENT_UNIT) + l)];
    return insertPair(pt, have, String(missing[0]), block);
  }
  const map = loc.node;
  const text = pt.text;
  const eol = pt.eol;
  const valueText = (indent: number): string =>
    typeof value === 'string'
      ? ` ${value}`
      : eol + indentLines(value, indent + INDENT_UNIT, eol);

  if (map === null || map === undefined || (isScalar(map) && (map.value === null || map.value === ''))) {
    // `key:` with nothing after it: the new pair goes on the next line, one level in.
    const kr = loc.pair ? nodeRange(loc.pair.key as Node) : undefined;
    if (!kr) {
      if (mapPath.length !== 0) return undefined;
      // An empty document: write the pair at the top.
      return { start: 0, end: 0, newText: `${key}:${valueText(0)}${eol}` };
    }
    const indent = colOf(pt, kr[0]) + INDENT_UNIT;
    const lineEnd = pt.lines.lineEnd(pt.lines.positionAt(kr[1]).line);
    if (isScalar(map) && nodeRange(map) && nodeRange(map)![1] > lineEnd) return undefined;
    // Replace anything after the colon on that line (e.g. `~` or `null`), but keep a comment.
    const colon = text.indexOf(':', kr[1]);
    if (colon < 0 || colon > lineEnd) return undefined;
    const rest = text.slice(colon + 1, lineEnd);
    const hash = rest.search(/(^|\s)#/);
    const keep = hash >= 0 ? rest.slice(hash) : '';
    return { start: colon + 1, end: lineEnd, newText: `${keep}${eol}${' '.repeat(indent)}${key}:${valueText(indent)}` };
  }
  if (!isMap(map)) return undefined;
  if (findPairIn(map, key)) return undefined;
  const last = map.items[map.items.length - 1];
  if (!last) {
    const r = nodeRange(map);
    if (!r || !map.flow) return undefined;
    // `{}`
    const open = text.indexOf('{', r[0]);
    if (open < 0) return undefined;
    return typeof value === 'string' ? { start: open + 1, end: open + 1, newText: ` ${key}:${valueText(0)} ` } : undefined;
  }
  const lastEnd = nodeRange((last.value as Node | null) ?? (last.key as Node));
  const firstKey = nodeRange(map.items[0].key as Node);
  if (!lastEnd || !firstKey) return undefined;
  if (map.flow) {
    if (typeof value !== 'string') return undefined;
    const at = backOverSpace(text, lastEnd[1], firstKey[0]);
    return { start: at, end: at, newText: `, ${key}:${valueText(0)}` };
  }
  const indent = colOf(pt, firstKey[0]);
  const end = backOverSpace(text, lastEnd[1], firstKey[0]);
  const line = pt.lines.positionAt(Math.max(firstKey[0], end - 1)).line;
  const at = pt.lines.lineEnd(line);
  return { start: at, end: at, newText: `${eol}${' '.repeat(indent)}${key}:${valueText(indent)}` };
}

/**
 * Append an item to the sequence at `seqPath`. `item` is block lines for a map item
 * (the first line follows `- `), or one scalar source. Creates the key when missing.
 */
export function appendItem(pt: ParsedText, seqPath: Path, item: string | readonly string[]): TextEdit | undefined {
  const lines = typeof item === 'string' ? [item] : item;
  const loc = locate(pt.doc, seqPath);
  if (!loc.found || loc.node === null || loc.node === undefined || (isScalar(loc.node) && loc.node.value === null)) {
    if (seqPath.length === 0 || typeof seqPath[seqPath.length - 1] !== 'string') return undefined;
    const block = [`- ${lines[0]}`, ...lines.slice(1).map((l) => (l === '' ? l : `  ${l}`))];
    if (loc.found) {
      // `reviews:` with nothing: put the items below.
      return insertPairBody(pt, seqPath, block);
    }
    return insertPair(pt, seqPath.slice(0, -1), String(seqPath[seqPath.length - 1]), block);
  }
  const seq = loc.node;
  if (!isSeq(seq)) return undefined;
  const text = pt.text;
  if (seq.flow) {
    if (lines.length !== 1) return undefined;
    const r = nodeRange(seq);
    if (!r) return undefined;
    const close = backOverSpace(text, r[1], r[0]) - 1;
    if (text[close] !== ']') return undefined;
    const at = backOverSpace(text, close, r[0]);
    const sep = seq.items.length ? ', ' : '';
    return { start: at, end: at, newText: `${sep}${lines[0]}` };
  }
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  const lr = nodeRange(last);
  if (!lr) return undefined;
  const firstItemStart = nodeRange(seq.items[0] as Node)![0];
  // The dash of the first item sets the column.
  const dash = text.lastIndexOf('-', firstItemStart);
  if (dash < 0) return undefined;
  const dashCol = colOf(pt, dash);
  const itemCol = colOf(pt, firstItemStart);
  const end = backOverSpace(text, lr[1], lr[0]);
  const at = pt.lines.lineEnd(pt.lines.positionAt(Math.max(lr[0], end - 1)).line);
  const pad = ' '.repeat(dashCol);
  const inner = ' '.repeat(itemCol);
  const body = [`${pad}-${' '.repeat(Math.max(1, itemCol - dashCol - 1))}${lines[0]}`, ...lines.slice(1).map((l) => (l === '' ? '' : inner + l))];
  return { start: at, end: at, newText: pt.eol + body.join(pt.eol) };
}

/** Put block lines under an existing `key:` that has no value. */
function insertPairBody(pt: ParsedText, path: Path, block: readonly string[]): TextEdit | undefined {
  const loc = locate(pt.doc, path);
  const kr = loc.pair ? nodeRange(loc.pair.key as Node) : undefined;
  if (!kr) return undefined;
  const indent = colOf(pt, kr[0]) + INDENT_UNIT;
  const line = pt.lines.positionAt(kr[1]).line;
  const lineEnd = pt.lines.lineEnd(line);
  const colon = pt.text.indexOf(':', kr[1]);
  if (colon < 0 || colon > lineEnd) return undefined;
  const rest = pt.text.slice(colon + 1, lineEnd);
  const hash = rest.search(/(^|\s)#/);
  const keep = hash >= 0 ? rest.slice(hash) : '';
  return { start: colon + 1, end: lineEnd, newText: `${keep}${pt.eol}${indentLines(block, indent, pt.eol)}` };
}

/** The source lines of each item of a block sequence: from its dash line (with the comments just above it) to the line before the next. */
function blockItemSpans(pt: ParsedText, seqPath: Path): { start: number; end: number }[] | undefined {
  const loc = locate(pt.doc, seqPath);
  if (!loc.found || !isSeq(loc.node) || loc.node.flow) return undefined;
  const seq = loc.node;
  const text = pt.text;
  const spans: { start: number; end: number }[] = [];
  for (const it of seq.items as Node[]) {
    const r = nodeRange(it);
    if (!r) return undefined;
    const dash = text.lastIndexOf('-', r[0]);
    if (dash < 0) return undefined;
    let line = pt.lines.positionAt(dash).line;
    // Own-line comments directly above the dash travel with the item.
    while (line > 0 && /^\s*#/.test(pt.lines.lineText(line - 1))) line--;
    spans.push({ start: pt.lines.starts[line], end: -1 });
  }
  const last = seq.items[seq.items.length - 1] as Node;
  const lr = nodeRange(last)!;
  const end = backOverSpace(text, lr[1], lr[0]);
  const lastLine = pt.lines.positionAt(Math.max(lr[0], end - 1)).line;
  const seqEnd = pt.lines.lineEnd(lastLine);
  for (let i = 0; i < spans.length; i++) spans[i].end = i + 1 < spans.length ? spans[i + 1].start : seqEnd;
  // Dash must start its line (ignoring indentation), else the layout is too unusual to edit.
  for (const s of spans) if (!/^\s*(#.*(\r\n|\r|\n)\s*)*-/.test(text.slice(s.start, s.end))) return undefined;
  return spans;
}

/** Remove item `index` of the sequence at `seqPath` (block or flow), with its comment lines. */
export function removeItem(pt: ParsedText, seqPath: Path, index: number): TextEdit | undefined {
  const loc = locate(pt.doc, seqPath);
  if (!loc.found || !isSeq(loc.node)) return undefined;
  const seq = loc.node;
  if (index < 0 || index >= seq.items.length) return undefined;
  const text = pt.text;
  if (seq.flow) {
    const r = nodeRange(seq.items[index] as Node);
    if (!r) return undefined;
    if (seq.items.length === 1) {
      const sr = nodeRange(seq)!;
      return { start: sr[0], end: backOverSpace(text, sr[1], sr[0]), newText: '[]' };
    }
    if (index < seq.items.length - 1) {
      const next = nodeRange(seq.items[index + 1] as Node)!;
      return { start: r[0], end: next[0], newText: '' };
    }
    const prev = nodeRange(seq.items[index - 1] as Node)!;
    return { start: backOverSpace(text, prev[1], prev[0]), end: r[1], newText: '' };
  }
  const spans = blockItemSpans(pt, seqPath);
  if (!spans) return undefined;
  if (seq.items.length === 1) {
    // Leave an explicit empty list so the key keeps its meaning.
    const kr = loc.pair ? nodeRange(loc.pair.key as Node) : undefined;
    if (!kr) return undefined;
    const colon = text.indexOf(':', kr[1]);
    return { start: colon + 1, end: spans[0].end, newText: ' []' };
  }
  const s = spans[index];
  // Remove whole lines, including the line break that ends the item's last line.
  if (index === spans.length - 1) {
    const prevEnd = spans[index - 1].end;
    // prevEnd === s.start; remove the break before the item instead of after it.
    const breakStart = backOverSpace(text, prevEnd, spans[index - 1].start);
    return { start: breakStart, end: s.end, newText: '' };
  }
  return { start: s.start, end: s.end, newText: '' };
}

/**
 * Reorder a block sequence's items to `order` (a permutation of indices), keeping each
 * item's text and comments. Returns one edit over the whole list.
 */
export function reorderItems(pt: ParsedText, seqPath: Path, order: readonly number[]): TextEdit | undefined {
  const spans = blockItemSpans(pt, seqPath);
  if (!spans || order.length !== spans.length) return undefined;
  const seen = new Set(order);
  if (seen.size !== order.length || order.some((i) => i < 0 || i >= spans.length)) return undefined;
  const text = pt.text;
  const eol = pt.eol;
  const chunk = (i: number): string => {
    let t = text.slice(spans[i].start, spans[i].end);
    // Every chunk ends with exactly one line break, whatever its position was.
    t = t.replace(/(\r\n|\r|\n)*$/, '');
    return t;
  };
  const start = spans[0].start;
  const end = spans[spans.length - 1].end;
  return { start, end, newText: order.map(chunk).join(eol) };
}

/** The column at which keys of the map at `path` are written (for building snippets). */
export function mapIndent(pt: ParsedText, path: Path): number | undefined {
  const loc = locate(pt.doc, path);
  if (!loc.found || !isMap(loc.node) || !loc.node.items.length) return undefined;
  const r = nodeRange(loc.node.items[0].key as Node);
  return r ? colOf(pt, r[0]) : undefined;
}
