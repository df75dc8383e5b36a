// Shared by the review/* rules: each rule reports the overdue and late obligations of its
// kind from the engine's dueDates(), with the same wording and the same quick fix.
import { isMap, isSeq } from 'yaml';
import { dueDates, type Obligation, type ObligationRule } from '../../engine/obligations.js';
import { addDays, daysBetween } from '../../engine/dates.js';
import type { Plan } from '../../engine/model.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { FixSpec, RuleDocs, RuleMeta, Severity } from '../../engine/types.js';
import type { MessageData, MessageValue, Msg } from '../../engine/messages.js';
import { EVENT_TYPES } from '../../engine/model.js';
import type { Duration } from '../../policy/review.js';
import { defaultPolicy, type Policy } from '../../policy/index.js';
import { withPolicyTexts } from '../../docs/policyText.js';

/**
 * A review rule's policy reference: the full citation of its first entry in the shipped
 * obligations table (policy/review.json), so the citation is written down once.
 */
export function rulePolicy(rule: ObligationRule): string {
  const spec = Object.values(defaultPolicy().policy.review.obligations).find((o) => o.rule === rule);
  return spec?.citation.full ?? '';
}

// dueDates() is computed once per lint and shared by the review rules.
const cache = new WeakMap<Plan, { asOf: string; policy: Policy; result: Obligation[] }>();
export function obligationsFor(ctx: RuleContext): Obligation[] {
  const hit = cache.get(ctx.plan);
  if (hit && hit.asOf === ctx.asOf && hit.policy === ctx.policy) return hit.result;
  const result = dueDates(ctx.plan, ctx.asOf, ctx.policy);
  cache.set(ctx.plan, { asOf: ctx.asOf, policy: ctx.policy, result });
  return result;
}

/** The first letter lowered ("Pre-release review" -> "pre-release review"), as the old wording did. */
const lower = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const weeksBetween = (from: string, to: string): number => Math.floor(daysBetween(from, to) / 7);

const escapeTemplate = (s: string): string => s.replace(/'/g, "''").replace(/[{}]/g, "'$&'");

/** A policy-data text (a label or a basis from the table) as a message template: `{x}` placeholders become arguments. */
function tableTemplate(text: string, dates: readonly string[]): string {
  return text
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeTemplate(part);
      return dates.includes(m[1]) ? `{${m[1]}, date}` : `{${m[1]}}`;
    })
    .join('');
}

/**
 * The review family's messages, shared by every obligation rule. The labels and bases of the
 * shipped obligations are messages too (`label_pre_release`, `basis_pre_release`), built from the
 * table once, so a locale can translate them; an obligation a configuration adds says its own
 * label and basis as data.
 */
function familyMessages(): Record<string, string> {
  const out: Record<string, string> = {
    overdue:
      '{kind} overdue by {days}: it was due on {due, date} ({basis}) and no {what} is recorded between {from, date} and {to, date} ({cite}). Hold the review and record it in `reviews`.',
    late:
      '{kind} done late: it was due on {due, date} ({basis}) but the {what} came on {on, date}, {days} late, and none is recorded between {from, date} and {to, date} ({cite}). ' +
      '{source, select, reviews {Note the reason for the delay in its `reason`, and keep the next review on time.} other {Keep the next review on time.}}',
    missingSince:
      "{kind}: no review is recorded since {since, select, release {release on {from, date}} other {it ({from, date})}}. The policy ({cite}) asks for a review then but gives no number of weeks; " +
      'planlint reports it once its default of {weeks} has passed. Review the assessment and plan and record the review in `reviews`.',
    notBefore:
      'The move to open conditions on {move, date} is to be reviewed before it ({cite}), but {last}. Review the assessment and plan before a move to open conditions, and record the review in `reviews`.',
    lastBefore: "the latest review was on {date, date}, {weeks} before the move; planlint's default window is {window}",
    noneBefore: 'no review is recorded before it',
    relatedDue: 'The {kind} is due {basis}.',
    fixRecord: 'Record the {kind} due on {due, date} in `reviews` (confirm its real date)',
    what:
      '{what, select, oasys {OASys assessment or review} initial {initial review} periodic {periodic review} significant_event {significant event review} pre_release {pre release review} ' +
      'pre_tariff {pre tariff review} pre_parole {pre parole review} termination {termination review} other {review}}',
    durationJoin: '{a} {b}',
  };
  for (const [id, o] of Object.entries(defaultPolicy().policy.review.obligations)) {
    out[`label_${id}`] = `{case, select, lower {${tableTemplate(lower(o.label), [])}} other {${tableTemplate(o.label, [])}}}`;
    out[`basis_${id}`] = tableTemplate(o.basis, ['anchor']);
    for (const [type, noun] of Object.entries(o.anchor.event_nouns ?? {})) out[`event_${type}`] = escapeTemplate(noun);
  }
  for (const type of EVENT_TYPES) out[`event_${type}`] ??= escapeTemplate(type.replace(/_/g, ' '));
  return out;
}

let messages: Record<string, string> | undefined;
/**
 * The review family's English messages, under family ids (`review.overdue`): every review rule
 * reports them (`review/periodic.overdue` reads `review.overdue`, engine/messages.ts).
 */
export function reviewMessages(): Record<string, string> {
  return (messages ??= Object.fromEntries(Object.entries(familyMessages()).map(([k, v]) => [`review.${k}`, v])));
}

const UNIT_IDS = { years: 'common.years', months: 'common.months', weeks: 'common.weeks', days: 'common.days' } as const;

/** A duration as a message: "2 years 24 weeks" from common.years and common.weeks. */
export function durationMsg(d: Duration, unit?: keyof Duration): MessageValue {
  const parts: Msg[] = (['years', 'months', 'weeks', 'days'] as const).filter((u) => d[u]).map((u) => ({ id: UNIT_IDS[u], data: { n: d[u] as number } }));
  if (!parts.length) return { id: UNIT_IDS[unit ?? 'days'], data: { n: 0 } };
  return parts.reduce((a: MessageValue, b) => ({ id: 'durationJoin', data: { a, b } }));
}

/**
 * Whether an obligation's `field` is the shipped wording: then it is said by the family's message
 * (translatable); an entry a configuration adds or rewords says its own text as data.
 */
function shippedText(o: Obligation, policy: Policy, field: 'label' | 'basis'): boolean {
  if (o.id === undefined || !o.basisData) return false;
  const mine = defaultPolicy().policy.review.obligations[o.id];
  const active = policy.review.obligations[o.id];
  return mine !== undefined && active !== undefined && mine[field] === active[field];
}

/** The obligation's label as message data. */
export function kindMsg(o: Obligation, policy: Policy, lowerCase = false): MessageValue {
  if (!shippedText(o, policy, 'label')) return lowerCase ? lower(o.kind) : o.kind;
  const v = o.basisData!.values;
  const data: Record<string, MessageValue> = { case: lowerCase ? 'lower' : 'sentence' };
  if (v.event_type !== undefined) data.event = { id: `event_${v.event_type}` };
  if (v.objective !== undefined) data.objective = v.objective;
  return { id: `label_${o.id}`, data };
}

/** Why it is due then, as message data. */
export function basisMsg(o: Obligation, policy: Policy): MessageValue {
  if (!shippedText(o, policy, 'basis')) return o.basis;
  const b = o.basisData!;
  const data: Record<string, MessageValue> = { anchor: b.anchor, due_offset: durationMsg(b.dueOffset, b.dueOffsetUnit), window: durationMsg(b.window) };
  if (b.values.mappa_level !== undefined) data.mappa_level = Number(b.values.mappa_level);
  if (b.values.event_type !== undefined) data.event = { id: `event_${b.values.event_type}` };
  if (b.values.objective !== undefined) data.objective = b.values.objective;
  return { id: `basis_${o.id}`, data };
}

/** "no review", "no termination review", "no OASys assessment or review": a select in the family's `what`. */
const what = (o: Obligation): Msg => ({ id: 'what', data: { what: o.accepts !== 'any' ? o.accepts : o.rule === 'review/initial-oasys' ? 'oasys' : 'any' } });

const cite = (o: Obligation): string => o.cite ?? o.policy;

/**
 * An obligation whose due date is planlint's default (significant events, open conditions,
 * post-release): said as what is missing and what the default is, never "overdue by N days"
 * against a deadline the policy never set.
 */
export function defaultDeadlineReport(o: Obligation, policy: Policy): { messageId: string; data: MessageData } {
  if (o.reviewedBefore) {
    const move = addDays(o.due, 1);
    const last: Msg = o.lastBefore
      ? { id: 'lastBefore', data: { date: o.lastBefore.date, weeks: { id: 'common.weeks', data: { n: weeksBetween(o.lastBefore.date, move) } }, window: { id: 'common.weeks', data: { n: weeksBetween(o.windowStart, move) } } } }
      : { id: 'noneBefore' };
    return { messageId: 'notBefore', data: { move, last } };
  }
  return {
    messageId: 'missingSince',
    data: { kind: kindMsg(o, policy), since: o.rule === 'review/post-release' ? 'release' : 'event', from: o.windowStart, weeks: { id: 'common.weeks', data: { n: weeksBetween(o.windowStart, o.due) } } },
  };
}

export function overdueReport(o: Obligation, policy: Policy): { messageId: string; data: MessageData } {
  if (o.defaultDeadline) return defaultDeadlineReport(o, policy);
  return {
    messageId: 'overdue',
    data: { kind: kindMsg(o, policy), days: { id: 'common.days', data: { n: o.daysPast } }, due: o.due, basis: basisMsg(o, policy), what: what(o), from: o.windowStart, to: o.windowEnd },
  };
}

export function lateReport(o: Obligation, policy: Policy): { messageId: string; data: MessageData } {
  return {
    messageId: 'late',
    data: {
      kind: kindMsg(o, policy),
      due: o.due,
      basis: basisMsg(o, policy),
      what: what(o),
      on: o.metOn ?? '',
      days: { id: 'common.days', data: { n: o.daysPast } },
      from: o.windowStart,
      to: o.windowEnd,
      source: o.metBy?.[0] === 'reviews' ? 'reviews' : 'assessment',
    },
  };
}

/**
 * A quick fix that records the missing review: a `reviews` entry with the due date and type
 * filled in and `by` set to the plan owner when known. Never fix-all: a review is a fact the
 * author must confirm (and correct the date of).
 */
export function recordReviewFix(ctx: RuleContext, o: Obligation): FixSpec[] {
  const fields: [string, string][] = [
    ['date', o.due],
    ['type', o.reviewType],
  ];
  const owner = ctx.plan.team?.plan_owner;
  if (owner) fields.push(['by', owner]);
  const loc = ctx.locate(['reviews']);
  const seq = loc.found ? loc.node : undefined;
  const flow = isSeq(seq) && (seq.flow || (seq.items.length > 0 && isMap(seq.items[seq.items.length - 1]) && (seq.items[seq.items.length - 1] as { flow?: boolean }).flow));
  const item = flow ? `{ ${fields.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : fields.map(([k, v]) => `${k}: ${v}`);
  const edit = ctx.edit.appendItem(['reviews'], item);
  if (!edit) return [];
  return [{ title: { id: 'fixRecord', data: { kind: kindMsg(o, ctx.policy, true), due: o.due } }, edits: [edit], fixAll: false }];
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

/**
 * Report the overdue obligations of one rule at its severity, and the ones done late one level
 * lower. An obligation's own `severity` (policy data) gives a finding's level when it differs from
 * the rule's (the move to open conditions under review/significant-event is a warning: PRT's "should").
 */
export function reportObligations(ctx: RuleContext, rule: ObligationRule, base: Severity): void {
  for (const o of obligationsFor(ctx)) {
    if (o.rule !== rule) continue;
    const own = o.severity;
    if (o.state === 'overdue') {
      ctx.report({ path: o.path, at: 'value', ...overdueReport(o, ctx.policy), cite: cite(o), fixes: recordReviewFix(ctx, o), ...(own ? { severity: own } : {}) });
    } else if (o.state === 'late' && o.metBy) {
      const datePath = o.metBy[0] === 'reviews' ? [...o.metBy, 'date'] : [...o.metBy, 'completed_on'];
      ctx.report({
        path: datePath,
        at: 'value',
        severity: LOWER[own ?? base],
        ...lateReport(o, ctx.policy),
        cite: cite(o),
        related: [{ path: o.path, at: 'value', message: { id: 'relatedDue', data: { kind: kindMsg(o, ctx.policy, true), basis: basisMsg(o, ctx.policy) } } }],
      });
    }
  }
}

/**
 * Build a review rule over dueDates(): overdue at the rule's severity, done late one level lower.
 * Its description and rationale may say policy numbers as `{{review.…}}` placeholders (docs/policyText.ts).
 */
export function obligationRule(meta: Omit<RuleMeta, 'fixable' | 'inTemplates' | 'usesAsOf' | 'docs' | 'demandsPlan' | 'policy'> & { id: ObligationRule; docs: RuleDocs }): Rule {
  const id = meta.id;
  return {
    meta: withPolicyTexts({ ...meta, policy: rulePolicy(id), fixable: 'fix', inTemplates: false, usesAsOf: true, demandsPlan: true }, defaultPolicy().policy),
    check: (ctx) => reportObligations(ctx, id, meta.severity),
  };
}
