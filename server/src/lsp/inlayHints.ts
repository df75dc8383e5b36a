// Inlay hints (LSP 3.17) after the dates of a plan: how far each is from the as-of date
// ("in 12 days", "3 weeks ago", "overdue 3 days" for an objective not achieved), and, for
// work dated before release, how long before release it falls ("2 weeks before release").
// Only dates and numbers: never plan text. Turned off with the setting `inlayHints.dates`.

import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import { daysBetween, isValidDate } from '../engine/dates.js';
import { spanFor } from '../engine/locate.js';
import type { Path } from '../engine/types.js';
import type { ServerState } from './context.js';
import type { Linted } from './documents.js';
import { msg, render, type Msg } from './messages.js';

/** 12 → "12 days", 21 → "3 weeks", 75 → "10 weeks", 400 → "13 months", 800 → "2 years" (the shared unit messages). */
export function spanMsg(days: number): Msg {
  const d = Math.abs(days);
  if (d < 14) return msg('common.days', { n: d });
  if (d < 120) return msg('common.weeks', { n: Math.round(d / 7) });
  if (d < 730) return msg('common.months', { n: Math.round(d / 30.44) });
  return msg('common.years', { n: Math.round(d / 365.25) });
}
export const spanText = (days: number, locale?: string): string => render(locale, spanMsg(days));

/** "today", "in 12 days", "3 weeks ago". */
export function relativeMsg(date: string, asOf: string): Msg {
  const n = daysBetween(asOf, date);
  if (n === 0) return msg('lsp.hint.today');
  return msg(n > 0 ? 'lsp.hint.in' : 'lsp.hint.ago', { span: spanMsg(n) });
}
export const relativeText = (date: string, asOf: string, locale?: string): string => render(locale, relativeMsg(date, asOf));

interface DateSite {
  path: Path;
  date: string;
  /** An objective's target: past it and not achieved, the hint says "overdue". */
  overdueUnless?: boolean;
  /** Work meant to finish before release: say how long before release. */
  beforeRelease?: boolean;
}

function sites(l: Linted): DateSite[] {
  const plan = l.result.plan;
  const out: DateSite[] = [];
  const add = (path: Path, date: string | undefined, extra: Partial<DateSite> = {}) => {
    if (date && isValidDate(date)) out.push({ path, date, ...extra });
  };
  const s = plan.sentence;
  if (s) {
    for (const k of ['release_date', 'parole_eligibility_date', 'tariff_expiry_date', 'sentence_end_date', 'next_parole_review'] as const) {
      add(['sentence', k], (s as Record<string, unknown>)[k] as string | undefined);
    }
  }
  for (const o of plan.objectives) {
    const done = o.status === 'achieved' || o.status === 'no_longer_appropriate';
    add([...o.path, 'target_date'], o.target_date, { overdueUnless: !done, beforeRelease: true });
  }
  for (const a of plan.actions) {
    const custody = a.phase !== 'community';
    add([...a.path, 'start_date'], a.start_date);
    add([...a.path, 'target_date'], a.target_date, { beforeRelease: custody });
  }
  for (const r of plan.reviews) add([...r.path, 'date'], r.date);
  for (const e of plan.events) add([...e.path, 'date'], e.date);
  return out;
}

export function buildInlayHints(l: Linted, range?: { startLine: number; endLine: number }): InlayHint[] {
  const asOf = l.options.asOf;
  const release = l.result.plan.sentence?.setting === 'custody' ? l.result.plan.sentence?.release_date : undefined;
  const hints: InlayHint[] = [];
  for (const site of sites(l)) {
    const span = spanFor(l.result.parsed.doc, l.result.parsed.lines, site.path, 'value');
    const position = l.conv.toPosition(span.end);
    if (range && (position.line < range.startLine || position.line > range.endLine)) continue;
    const past = daysBetween(asOf, site.date) < 0;
    let label: Msg = past && site.overdueUnless ? msg('lsp.hint.overdue', { span: spanMsg(daysBetween(site.date, asOf)) }) : relativeMsg(site.date, asOf);
    if (site.beforeRelease && release && isValidDate(release)) {
      const before = daysBetween(site.date, release);
      const when = before > 0 ? msg('lsp.hint.beforeRelease', { span: spanMsg(before) }) : msg(before === 0 ? 'lsp.hint.onRelease' : 'lsp.hint.afterRelease');
      label = msg('lsp.hint.withRelease', { when: label, release: when });
    }
    hints.push({ position, label: render(l.options.locale, label), kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  return hints;
}

export async function inlayHints(s: ServerState, p: InlayHintParams): Promise<InlayHint[]> {
  const settings = await s.settings(p.textDocument.uri);
  if (!settings.inlayHints.dates) return [];
  const l = await s.linted(p.textDocument.uri);
  if (!l) return [];
  return buildInlayHints(l, { startLine: p.range.start.line, endLine: p.range.end.line });
}
