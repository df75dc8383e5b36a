// plan/not-required: a community order or SSO with a single curfew or exclusion requirement needs no plan (PSI 19/2014 para 1.2).
import type { Rule } from '../../engine/rule.js';

export const notRequired: Rule = {
  meta: {
    id: 'plan/not-required',
    severity: 'info',
    policy: 'PSI 19/2014 paras 1.2, 1.7, 1.9',
    description: 'A community order or suspended sentence order whose only requirement is a curfew or an exclusion needs no sentence plan.',
    fixable: 'none',
    inTemplates: true,
    docs: {
      rationale:
        'Community orders and suspended sentence orders need an assessment and a plan, except where the single requirement is an electronically monitored curfew or exclusion (PSI 19/2014 paras 1.2, 1.7). planlint says so as advice, in case the plan was written by mistake. The requirements that need no plan are policy data (`plan.no_plan_requirements`). An order with two or more requirements still needs a plan.',
      bad: 'sentence:\n  type: community_order\n  requirements: [curfew]',
      good: 'sentence:\n  type: community_order\n  requirements: [curfew, rehabilitation_activity]',
    },
  },
  check(ctx) {
    const s = ctx.plan.sentence;
    if (!s || (s.type !== 'community_order' && s.type !== 'suspended_sentence_order')) return;
    const reqs = [...new Set((s.requirements ?? []).map((r) => r.trim().toLowerCase()).filter((r) => r !== ''))];
    if (reqs.length !== 1) return;
    const only = reqs[0];
    if (!ctx.policy.plan.no_plan_requirements.map((r) => r.toLowerCase()).includes(only)) return;
    const order = s.type === 'community_order' ? 'community order' : 'suspended sentence order';
    ctx.report({
      path: ['sentence', 'requirements'],
      at: 'value',
      message: `This ${order}'s only requirement is \`${only}\`: no sentence plan is needed for a single curfew or exclusion requirement (PSI 19/2014 para 1.2). Check that a plan is wanted here.`,
    });
  },
};
