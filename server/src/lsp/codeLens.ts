// A code lens above `reviews` listing the next review obligations and their states
// (the engine's dueDates: the same dates the review/* rules judge).

import { obligationWords } from './timeline.js';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isMap, isPair, isScalar } from 'yaml';
import { dueDates, type Obligation } from '../engine/obligations.js';
import type { ServerState } from './context.js';
import type { Linted } from './documents.js';
import { obligationKey } from './timeline.js';
import { msg, text } from './messages.js';

const ORDER: Record<string, number> = { overdue: 0, upcoming: 1, late: 2, met: 3 };

/** The open obligations the lens names, first the one it leads to. */
function shown(obligations: readonly Obligation[]): Obligation[] {
  const open = obligations.filter((o) => o.state === 'overdue' || o.state === 'upcoming');
  return [...open].sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.due.localeCompare(b.due)).slice(0, 3);
}

export function lensTitle(obligations: readonly Obligation[], locale?: string): string | undefined {
  if (!obligations.length) return undefined;
  const next = shown(obligations);
  if (!next.length) return text(locale, 'lsp.lens.allMet', { n: obligations.length });
  const state = (o: Obligation) =>
    o.state !== 'overdue' ? msg(o.defaultDeadline ? 'lsp.lens.upcomingDefault' : 'lsp.lens.upcoming') : o.defaultDeadline ? msg('lsp.lens.noReviewYet') : msg('lsp.lens.overdueBy', { n: o.daysPast });
  const items = next.map((o) => text(locale, 'lsp.lens.item', { kind: obligationWords(o, locale).kind, due: o.due, state: state(o) })).join(' · ');
  return text(locale, 'lsp.lens.next', { items });
}

export function buildLenses(l: Linted, uri = '', lensCommand = ''): CodeLens[] {
  const cfg = l.options.config;
  if (!cfg) return [];
  const root = l.result.parsed.doc?.contents;
  if (!isMap(root)) return [];
  // Above `reviews:`, or above `sentence:` when the plan has no reviews yet.
  const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'reviews') ?? root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'sentence');
  const start = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (start === undefined) return [];
  const obligations = dueDates(l.result.plan, l.options.asOf, cfg.policy);
  const title = lensTitle(obligations, l.options.locale);
  if (!title) return [];
  // The first obligation named: the timeline opens at it (its key, timeline.ts).
  const first = shown(obligations)[0];
  const line = l.conv.toPosition(start).line;
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  // Clicking runs the client's command (VS Code: the sentence timeline, at that obligation), when it named one.
  return [{ range, command: lensCommand ? { title, command: lensCommand, arguments: first ? [uri, obligationKey(first)] : [uri] } : { title, command: '' } }];
}

export async function codeLenses(s: ServerState, p: CodeLensParams): Promise<CodeLens[]> {
  const l = await s.linted(p.textDocument.uri);
  return l ? buildLenses(l, p.textDocument.uri, s.client.lensCommand) : [];
}
