// Shared by the review/* rules: each rule reports the overdue and late obligations of its
// kind from the engine's dueDates(), with the same wording and the same quick fix.
import { isMap, isSeq } from 'yaml';
import { dueDates, plural, type Obligation, type ObligationRule } from '../../engine/obligations.js';
import type { Plan } from '../../engine/model.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { Fix, RuleDocs, RuleMeta } from '../../engine/types.js';
import type { Policy } from '../../policy/index.js';

/** Short citations used inside messages (the full reference is the rule's `policy`). */
export const CITE: Record<ObligationRule, string> = {
  'review/initial-oasys': 'PRT: OASys timelines',
  'review/periodic': 'PRT: OASys timelines',
  'review/pre-tariff': 'PRT: OASys timelines, pre-tariff sift',
  'review/pre-release': 'PSI 19/2014 para 2.17; PRT: OASys timelines',
  'review/pre-release-mappa': 'PSI 19/2014 para 2.17; PRT: OASys timelines',
  'review/pre-parole': 'PSI 19/2014 para 2.17; PRT: OASys timelines',
  'review/significant-event': 'PSI 19/2014 paras 1.9, 2.17',
  'review/termination': 'PSI 19/2014 para 2.21',
};

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

export function overdueMessage(o: Obligation): string {
  return (
    `${o.kind} overdue by ${plural(o.daysPast, 'day')}: it was due on ${o.due} (${o.basis}) and no ${what(o)} is recorded ` +
    `between ${o.windowStart} and ${o.windowEnd} (${CITE[o.rule]}). Hold the review and record it in \`reviews\`.`
  );
}

export function lateMessage(o: Obligation): string {
  const inReviews = o.metBy?.[0] === 'reviews';
  return (
    `${o.kind} done late: it was due on ${o.due} (${o.basis}) but the ${what(o)} came on ${o.metOn}, ${plural(o.daysPast, 'day')} late, ` +
    `and none is recorded between ${o.windowStart} and ${o.windowEnd} (${CITE[o.rule]}). ` +
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

/** Report the overdue (error) and late (warning) obligations of one rule. */
export function reportObligations(ctx: RuleContext, rule: ObligationRule): void {
  for (const o of obligationsFor(ctx)) {
    if (o.rule !== rule) continue;
    if (o.state === 'overdue') {
      ctx.report({ path: o.path, at: 'value', message: overdueMessage(o), fixes: recordReviewFix(ctx, o) });
    } else if (o.state === 'late' && o.metBy) {
      const datePath = o.metBy[0] === 'reviews' ? [...o.metBy, 'date'] : [...o.metBy, 'completed_on'];
      ctx.report({
        path: datePath,
        at: 'value',
        severity: 'warning',
        message: lateMessage(o),
        related: [{ path: o.path, at: 'value', message: `The ${lower(o.kind)} is due ${o.basis}.` }],
      });
    }
  }
}

/** Build a review rule over dueDates(): overdue is an error, done late a warning. */
export function obligationRule(meta: Omit<RuleMeta, 'severity' | 'fixable' | 'inTemplates' | 'usesAsOf' | 'docs'> & { id: ObligationRule; docs: RuleDocs }): Rule {
  const id = meta.id;
  return {
    meta: { ...meta, severity: 'error', fixable: 'fix', inTemplates: false, usesAsOf: true },
    check: (ctx) => reportObligations(ctx, id),
  };
}
