// `planlint/timeline` (protocol.ts): the sentence timeline of an open plan, computed here from
// the cached lint result (the plan model, the document's resolved configuration and as-of
// date), so the VS Code client draws it without bundling the engine. Also what the status
// bar and the code lens show: the next obligation, described.

import { defaultConfig } from '../engine/config.js';
import { catalogueFor } from '../engine/l10n.js';
import { ensureLocales } from '../engine/locales.js';
import { daysBetween, isValidDate } from '../engine/dates.js';
import { dueDates, type Obligation } from '../engine/obligations.js';
import { renderTimeline, timelineModel, type TimelineModel, type TimelineRow } from '../engine/timeline.js';
import type { Plan } from '../engine/model.js';
import { idOr } from '../engine/privacy.js';
import type { ServerState } from './context.js';
import type { TimelineObligation, TimelineParams, TimelineResult } from './protocol.js';
import { baseName } from '../project/planFiles.js';
import { msg, render, text, type Msg } from './messages.js';
import { basisMsg, kindMsg } from '../rules/review/support.js';
import type { Policy } from '../policy/index.js';

/** The key of an obligation within a document version (the code lens names it, the timeline highlights it). */
export const obligationKey = (o: Obligation): string => `${o.rule}@${o.due}`;

const byDue = (a: Obligation, b: Obligation): number => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

/** The obligation to show: the longest-overdue one, else the next upcoming one; none when all are met. */
export function nextObligation(obligations: readonly Obligation[]): Obligation | undefined {
  const overdue = obligations.filter((o) => o.state === 'overdue').sort(byDue);
  if (overdue.length) return overdue[0];
  return obligations.filter((o) => o.state === 'upcoming').sort(byDue)[0];
}

/** "Pre-release review due in 5 days", "… due today", "Periodic review overdue by 3 days" (the kind is policy data). */
/**
 * An obligation's label and basis in the locale: the shipped obligations' are the review family's
 * messages (`review.label_*`, `review.basis_*`); a team's own obligation says its own text.
 */
export function obligationWords(o: Obligation, locale: string | undefined, policy: Policy = defaultConfig().policy): { kind: string; basis: string } {
  if (!locale || locale === 'en') return { kind: o.kind, basis: o.basis };
  return { kind: render(locale, kindMsg(o, policy), o.rule), basis: render(locale, basisMsg(o, policy), o.rule) };
}

export function describeNext(o: Obligation, asOf: string, locale?: string, policy?: Policy): string {
  const { kind } = obligationWords(o, locale, policy);
  if (o.state === 'overdue') return text(locale, 'lsp.timeline.overdue', { kind, n: o.daysPast });
  const n = daysBetween(asOf, o.due);
  if (n === 0) return text(locale, 'lsp.timeline.dueToday', { kind });
  if (n === 1) return text(locale, 'lsp.timeline.dueTomorrow', { kind });
  return text(locale, 'lsp.timeline.dueIn', { kind, n });
}

/** An obligation's state in words: "met on 2026-01-02", "overdue by 3 days", "upcoming". */
export function obligationStateMsg(o: Obligation): Msg {
  switch (o.state) {
    case 'met':
      return msg('lsp.obligation.metOn', { date: String(o.metOn) });
    case 'late':
      return msg('lsp.obligation.lateOn', { date: String(o.metOn), n: o.daysPast });
    case 'overdue':
      return msg('lsp.obligation.overdueBy', { n: o.daysPast });
    default:
      return msg('lsp.obligation.upcoming');
  }
}

const STATUS = (status: string): Msg => msg('lsp.status', { status, text: status.replace(/_/g, ' ') });
const isDate = (d: string | undefined): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d);

const HEADERS: Record<string, string> = { Sentence: 'sentence', Reviews: 'reviews', Objectives: 'objectives', Actions: 'actions' };
const SPANS: Record<string, string> = { 'In custody': 'inCustody', 'On licence': 'onLicence', 'In the community': 'inCommunity' };
const KEY_DATES: Record<string, string> = {
  Sentenced: 'sentenced',
  'Tariff expiry': 'tariffExpiry',
  'Parole eligibility (PED)': 'paroleEligibility',
  Release: 'release',
  'Sentence end': 'sentenceEnd',
};

/**
 * The timeline model (engine/timeline.ts, whose labels are English) with its labels, titles and
 * notes in the session's locale: the rows are rebuilt, in the engine's order, from what each row
 * is (its kind and dates) and the plan items and obligations it was drawn from. A row this does
 * not recognise keeps the engine's words.
 */
export function localiseModel(model: TimelineModel, plan: Plan, obligations: readonly Obligation[], locale: string | undefined, policy: Policy = defaultConfig().policy): TimelineModel {
  if (!locale || locale === 'en') return model;
  const t = (m: Msg): string => render(locale, m);
  const obs = obligations.filter((o) => isDate(o.due) && isDate(o.windowStart));
  const objectives = plan.objectives.filter((o) => isDate(o.target_date));
  const actions = plan.actions.filter((a) => isDate(a.target_date) || isDate(a.start_date));
  let section = '';
  let i = 0;
  const rows = model.rows.map((row): TimelineRow => {
    if (row.kind === 'header') {
      section = HEADERS[row.label] ?? '';
      i = 0;
      return section ? { ...row, label: text(locale, `lsp.timeline.${section}`) } : row;
    }
    const n = i++;
    if (row.kind === 'span' && SPANS[row.label] && row.bar) {
      const label = text(locale, `lsp.timeline.${SPANS[row.label]}`);
      return { ...row, label, title: text(locale, 'lsp.timeline.span', { label, from: row.bar.from, to: row.bar.to }) };
    }
    if (row.kind === 'date' && KEY_DATES[row.label] && row.mark) {
      const label = text(locale, `lsp.timeline.${KEY_DATES[row.label]}`);
      return { ...row, label, title: text(locale, 'lsp.timeline.keyDate', { label, date: row.mark.at }), note: text(locale, 'lsp.timeline.date', { date: row.mark.at }) };
    }
    if (row.kind === 'obligation' && section === 'reviews' && obs[n]?.kind === row.label) {
      const o = obs[n];
      const state = obligationStateMsg(o);
      // The shipped obligations' labels and bases are the review family's messages; a team's own are its text.
      const { kind, basis } = obligationWords(o, locale, policy);
      return {
        ...row,
        label: kind,
        title: t(msg('lsp.timeline.obligationTitle', { kind, due: o.due, from: o.windowStart, to: o.windowEnd, state, basis })),
        note: t(msg('lsp.timeline.obligationNote', { due: o.due, state })),
      };
    }
    if (row.kind === 'target' && section === 'objectives' && objectives[n]) {
      const o = objectives[n];
      const id = idOr(o.id, text(locale, 'common.objective', { n: n + 1 }));
      const data = { id, date: o.target_date!, ...(o.status ? { status: STATUS(o.status) } : {}) };
      return { ...row, label: id, title: t(msg(o.status ? 'lsp.timeline.objectiveTitleStatus' : 'lsp.timeline.objectiveTitle', data)), note: text(locale, 'lsp.timeline.targetNote', { date: o.target_date! }) };
    }
    if (row.kind === 'target' && section === 'actions' && actions[n]) {
      const a = actions[n];
      const id = idOr(a.id, text(locale, 'common.action', { n: n + 1 }));
      const end = a.target_date ?? a.start_date!;
      const start = isDate(a.start_date) && a.start_date <= end ? a.start_date : undefined;
      const base = start ? (a.target_date ? 'actionFromTitle' : 'actionFromStartsTitle') : a.target_date ? 'actionTitle' : 'actionStartsTitle';
      const id_ = `lsp.timeline.${base}${a.status ? 'Status' : ''}`;
      const data = { id, date: a.target_date ?? '', start: start ?? a.start_date ?? '', ...(a.status ? { status: STATUS(a.status) } : {}) };
      const note = a.target_date ? text(locale, 'lsp.timeline.targetNote', { date: a.target_date }) : text(locale, 'lsp.timeline.startsNote', { date: a.start_date! });
      return { ...row, label: id, title: t(msg(id_, data)), note };
    }
    return row;
  });
  return { ...model, rows };
}

/** An obligation as the protocol carries it (protocol.ts). */
export function obligationView(o: Obligation, locale?: string): TimelineObligation {
  return {
    key: obligationKey(o),
    rule: o.rule,
    kind: o.kind,
    windowStart: o.windowStart,
    due: o.due,
    state: o.state,
    description: render(locale, obligationStateMsg(o)),
    basis: o.basis,
    daysPast: o.daysPast,
    defaultDeadline: !!o.defaultDeadline,
  };
}

export async function timeline(s: ServerState, p: TimelineParams): Promise<TimelineResult | null> {
  if (typeof p.uri !== 'string') return null;
  const l = await s.linted(p.uri);
  if (!l) return null;
  const asOf = typeof p.asOf === 'string' && isValidDate(p.asOf) ? p.asOf : l.options.asOf;
  const { plan, isTemplate } = l.result;
  const obligations = isTemplate ? [] : dueDates(plan, asOf, (l.options.config ?? defaultConfig()).policy);
  const locale = l.options.locale;
  if (locale && locale !== 'en') ensureLocales();
  const model = localiseModel(timelineModel(plan, asOf, obligations), plan, obligations, locale, (l.options.config ?? defaultConfig()).policy);
  // The file's base name titles the chart (a name, not plan content; the engine escapes it).
  const svg = renderTimeline(model, { title: text(locale, 'lsp.timeline.title', { name: baseName(p.uri) || text(locale, 'lsp.timeline.plan') }), catalogue: catalogueFor(locale) });
  const next = nextObligation(obligations);
  return {
    uri: p.uri,
    version: l.version,
    asOf,
    isTemplate,
    svg,
    rows: model.rows,
    obligations: obligations.map((o) => obligationView(o, locale)),
    ...(next ? { next: { key: obligationKey(next), state: next.state, text: describeNext(next, asOf, locale, (l.options.config ?? defaultConfig()).policy) } } : {}),
  };
}
