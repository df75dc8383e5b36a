// Shared by the review/* rules: each rule reports the overdue and late obligations of its
// kind from the engine's dueDates(), with the same wording and the same quick fix.
import { isMap, isSeq } from 'yaml';
import { dueDates, plural, type Obligation, type ObligationRule } from '../../engine/obligations.js';
import { addDays, daysBetween } from '../../engine/dates.js';
import type { Plan } from '../../engine/model.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { Fix, RuleDocs, RuleMeta, Severity } from '../../engine/types.js';
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

const lower = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "no review", "no termination review", "no OASys assessment or review". */
function what(o: Obligation): string {
  if (o.accepts !== 'any') return `${o.accepts.replace(/_/g, ' ')} review`;
  return o.rule === 'review/initial-oasys' ? 'OASys assessment or review' : 'review';
}

const weeksBetween = (from: string, to: string): number => Math.floor(daysBetween(from, to) / 7);

/**
 * An obligation whose due date is planlint's default (significant events, open conditions,
 * post-release): said as what is missing and what the default is, never "overdue by N days"
 * against a deadline the policy never set.
 */
export function defaultDeadlineMessage(o: Obligation): string {
  if (o.reviewedBefore) {
    const move = addDays(o.due, 1);
    const last = o.lastBefore
      ? `the latest review was on ${o.lastBefore.date}, ${plural(weeksBetween(o.lastBefore.date, move), 'week')} before the move; planlint's default window is ${plural(weeksBetween(o.windowStart, move), 'week')}`
      : 'no review is recorded before it';
    return (
      `The move to open conditions on ${move} is to be reviewed before it (PRT: OASys timelines), but ${last}. ` +
      'Review the assessment and plan before a move to open conditions, and record the review in `reviews`.'
    );
  }
  const weeks = plural(weeksBetween(o.windowStart, o.due), 'week');
  const since = o.rule === 'review/post-release' ? `release on ${o.windowStart}` : `it (${o.windowStart})`;
  return (
    `${o.kind}: no review is recorded since ${since}. The policy (${o.cite ?? o.policy}) asks for a review then but gives no number of weeks; ` +
    `planlint reports it once its default of ${weeks} has passed. Review the assessment and plan and record the review in \`reviews\`.`
  );
}

export function overdueMessage(o: Obligation): string {
  if (o.defaultDeadline) return defaultDeadlineMessage(o);
  return (
    `${o.kind} overdue by ${plural(o.daysPast, 'day')}: it was due on ${o.due} (${o.basis}) and no ${what(o)} is recorded ` +
    `between ${o.windowStart} and ${o.windowEnd} (${o.cite ?? o.policy}). Hold the review and record it in \`reviews\`.`
  );
}

export function lateMessage(o: Obligation): string {
  const inReviews = o.metBy?.[0] === 'reviews';
  return (
    `${o.kind} done late: it was due on ${o.due} (${o.basis}) but the ${what(o)} came on ${o.metOn}, ${plural(o.daysPast, 'day')} late, ` +
    `and none is recorded between ${o.windowStart} and ${o.windowEnd} (${o.cite ?? o.policy}). ` +
    (inReviews ? 'Note the reason for the delay in its `reason`, and keep the next review on time.' : 'Keep the next review on time.')
  );
}

/**
 * A quick fix that records the missing review: a `reviews` entry with the due date and type
 * filled in and `by` set to the plan owner when known. Never fix-all: a review is a fact the
 * author must confirm (and correct the date of).
 */
export function recordReviewFix(ctx: RuleContext, o: Obligation): Fix[] {
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
  return [{ title: `Record the ${lower(o.kind)} due on ${o.due} in \`reviews\` (confirm its real date)`, edits: [edit], fixAll: false }];
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
      ctx.report({ path: o.path, at: 'value', message: overdueMessage(o), fixes: recordReviewFix(ctx, o), ...(own ? { severity: own } : {}) });
    } else if (o.state === 'late' && o.metBy) {
      const datePath = o.metBy[0] === 'reviews' ? [...o.metBy, 'date'] : [...o.metBy, 'completed_on'];
      ctx.report({
        path: datePath,
        at: 'value',
        severity: LOWER[own ?? base],
        message: lateMessage(o),
        related: [{ path: o.path, at: 'value', message: `The ${lower(o.kind)} is due ${o.basis}.` }],
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
