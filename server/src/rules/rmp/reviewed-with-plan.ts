// rmp/reviewed-with-plan: the risk management plan is reviewed together with the sentence plan.
import { daysBetween } from '../../engine/dates.js';
import { reviewRecords } from '../../engine/obligations.js';
import type { Rule } from '../../engine/rule.js';

export const reviewedWithPlan: Rule = {
  meta: {
    id: 'rmp/reviewed-with-plan',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 1.4, 2.12; PRT "Risk of Serious Harm (RoSH)"',
    description: 'The risk management plan was reviewed no earlier than the latest plan review (planlint\'s default gap: 0 days).',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      notReviewed:
        'The risk management plan {field, select, last_reviewed_on {was last reviewed} other {was completed}} on {rmp, date}, {gap} before the latest plan review on {review, date} (planlint\'s default allows {allowed}). Review it together with the plan ({cite}) and record the date in `last_reviewed_on`.',
      relatedReview: 'The latest plan review.',
    },
    docs: {
      rationale:
        'The risk management plan should be reviewed as well as completed (PSI 19/2014 para 1.4), and the sentence plan is cross-referenced with it (para 2.12). planlint expects it to be reviewed together with the plan: its `last_reviewed_on` (or `completed_on` when it has never been reviewed) is not older than the latest review in `reviews` (or the initial OASys assessment).\n\n' +
        'The allowed gap is planlint\'s default, not a PSI figure (PSI 19/2014 para 1.4 says only that the risk management plan should be reviewed): 0 days, the same day or later, in policy data `policy.rmp.reviewed_with_plan_gap_days`. Reviews dated after the as-of date are ignored. Update `last_reviewed_on` when the risk management plan has been looked at in the review.',
      bad: 'risk_management_plan:\n  completed_on: 2025-03-12\n  last_reviewed_on: 2025-03-12\nreviews:\n  - { date: 2025-03-05, type: initial }\n  - { date: 2026-03-01, type: significant_event }',
      good: 'risk_management_plan:\n  completed_on: 2025-03-12\n  last_reviewed_on: 2026-03-01\nreviews:\n  - { date: 2025-03-05, type: initial }\n  - { date: 2026-03-01, type: significant_event }',
    },
  },
  check(ctx) {
    const rmp = ctx.plan.risk_management_plan;
    if (!rmp) return;
    const field = rmp.last_reviewed_on ? 'last_reviewed_on' : rmp.completed_on ? 'completed_on' : undefined;
    if (!field) return;
    const rmpDate = rmp[field]!;
    const records = reviewRecords(ctx.plan, ctx.asOf);
    const latest = records[records.length - 1];
    if (!latest) return;
    const gap = daysBetween(rmpDate, latest.date);
    const allowed = ctx.policy.rmp.reviewed_with_plan_gap_days;
    if (gap <= allowed) return;
    ctx.report({
      path: ['risk_management_plan', field],
      at: 'value',
      messageId: 'notReviewed',
      data: { field, rmp: rmpDate, gap: { id: 'common.days', data: { n: gap } }, review: latest.date, allowed: { id: 'common.days', data: { n: allowed } } },
      cite: 'PSI 19/2014 paras 1.4, 2.12',
      related: [{ path: latest.datePath, at: 'value', message: { id: 'relatedReview' } }],
    });
  },
};
