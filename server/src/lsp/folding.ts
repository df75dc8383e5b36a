// Folding ranges from the YAML collections: every mapping or sequence value, and every
// sequence item, that spans more than one line.

import { isMap, isPair, isSeq, type Node } from 'yaml';
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { ServerState } from './context.js';
import type { Linted } from './documents.js';

const rangeOf = (n: unknown): [number, number] | undefined => (n as { range?: [number, number, number] } | null)?.range?.slice(0, 2) as [number, number] | undefined;

export function buildFolding(l: Linted): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lines = l.conv.lines;
  const text = lines.text;
  const lastLine = (end: number): number => {
    let e = end;
    while (e > 0 && /\s/.test(text[e - 1])) e--;
    return lines.positionAt(Math.max(0, e - 1)).line;
  };
  const add = (start: number, end: number): void => {
    const a = lines.positionAt(start).line;
    const b = lastLine(end);
    if (b > a) out.push({ startLine: a, endLine: b });
  };
  const visit = (n: Node | null | undefined, depth: number): void => {
    if (!n || depth > 200) return;
    if (isMap(n)) {
      for (const p of n.items) {
        if (!isPair(p)) continue;
        const k = rangeOf(p.key);
        const v = rangeOf(p.value);
        if (k && v && (isMap(p.value) || isSeq(p.value))) add(k[0], v[1]);
        visit(p.value as Node, depth + 1);
      }
    } else if (isSeq(n)) {
      for (const it of n.items) {
        const r = rangeOf(it);
        if (r && (isMap(it) || isSeq(it))) add(r[0], r[1]);
        visit(it as Node, depth + 1);
      }
    }
  };
  visit(l.result.parsed.doc?.contents as Node, 0);
  // One range per start line (the outermost), as editors expect.
  const byStart = new Map<number, FoldingRange>();
  for (const r of out) {
    const prev = byStart.get(r.startLine);
    if (!prev || r.endLine > prev.endLine) byStart.set(r.startLine, r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

export async function foldingRanges(s: ServerState, p: FoldingRangeParams): Promise<FoldingRange[]> {
  const l = await s.linted(p.textDocument.uri);
  return l ? buildFolding(l) : [];
}
