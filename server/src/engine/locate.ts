// Path -> YAML node -> source span. The one place that walks the `yaml` Document
// by path, so rules and fixes never touch node internals.

import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type ParsedNode } from 'yaml';
import type { LineIndex } from './lines.js';
import type { Anchor, Path, Span } from './types.js';

export interface Located {
  /** The node at the path (a pair's value, or a sequence item). Undefined for `key:` with no value. */
  node: Node | null | undefined;
  /** The pair holding the node when its parent is a map. */
  pair?: Pair<ParsedNode, ParsedNode | null>;
  /** How many path segments were found (path.length when fully found). */
  depth: number;
  /** True when every segment of the path was found. */
  found: boolean;
}

type AnyPair = Pair<ParsedNode, ParsedNode | null>;

export function keyString(p: { key: unknown }): string | undefined {
  const k = p.key;
  if (isScalar(k)) return k.value === null ? undefined : String(k.value);
  return undefined;
}

export function findPairIn(map: Node, key: string): AnyPair | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) if (isPair(item) && keyString(item) === key) return item as AnyPair;
  return undefined;
}

/** Walk the document along `path` as far as it goes. */
export function locate(doc: Document.Parsed<ParsedNode> | null, path: Path): Located {
  let node: Node | null | undefined = doc?.contents ?? null;
  let pair: AnyPair | undefined;
  let depth = 0;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(node) || seg < 0 || seg >= node.items.length) break;
      node = node.items[seg] as Node | null;
      pair = undefined;
    } else {
      const p: AnyPair | undefined = node ? findPairIn(node, seg) : undefined;
      if (!p) break;
      pair = p;
      node = p.value;
    }
    depth++;
  }
  if (depth < path.length) {
    // Re-walk to the deepest ancestor that exists, so `pair` matches it.
    return { ...locate(doc, path.slice(0, depth)), found: false };
  }
  return { node, pair, depth, found: true };
}

export function nodeRange(n: Node | null | undefined): [number, number] | undefined {
  const r = (n as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Span of a collection limited to its first line, so a finding never paints a whole block. */
function firstLine(span: Span, lines: LineIndex): Span {
  const { line } = lines.positionAt(span.start);
  return { start: span.start, end: Math.max(span.start, Math.min(span.end, lines.lineEnd(line))) };
}

function trimEnd(span: Span, text: string): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

/**
 * The span for a finding about `path`. Missing paths fall back to the nearest
 * existing ancestor; sequence items point at their `id` value when they have one.
 */
export function spanFor(doc: Document.Parsed<ParsedNode> | null, lines: LineIndex, path: Path, at: Anchor = 'key'): Span {
  const loc = locate(doc, path);
  const text = lines.text;
  const keyR = loc.pair ? nodeRange(loc.pair.key as Node) : undefined;
  const valR = nodeRange(loc.node);
  const lastSeg = path[loc.depth - 1];
  const isItem = typeof lastSeg === 'number';

  if (isItem || loc.depth === 0) {
    if (loc.node && isMap(loc.node)) {
      const idPair = findPairIn(loc.node, 'id');
      const idR = idPair && nodeRange(idPair.value as Node);
      if (idR && idR[1] > idR[0]) return { start: idR[0], end: idR[1] };
    }
    if (valR) return firstLine(trimEnd({ start: valR[0], end: valR[1] }, text), lines);
    return { start: 0, end: Math.min(text.length, lines.lineEnd(0)) };
  }
  const useValue = (at === 'value' || !loc.found) && valR && valR[1] > valR[0];
  if (at === 'pair' && keyR && valR) return firstLine(trimEnd({ start: keyR[0], end: valR[1] }, text), lines);
  if (loc.found && useValue && valR) {
    const s = trimEnd({ start: valR[0], end: valR[1] }, text);
    return isMap(loc.node) || isSeq(loc.node) ? firstLine(s, lines) : s;
  }
  if (keyR) return { start: keyR[0], end: keyR[1] };
  if (valR) return firstLine({ start: valR[0], end: valR[1] }, lines);
  return { start: 0, end: Math.min(text.length, lines.lineEnd(0)) };
}
