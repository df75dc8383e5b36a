// plan/not-required: no sentence plan is needed (PSI 19/2014 paras 1.2, 1.7, 1.9): a community order whose only
// requirement is a curfew or an exclusion, or a custodial sentence with no supervision after release.
import type { Rule } from '../../engine/rule.js';
import { noPlanNeeded } from '../../engine/scope.js';

export const notRequired: Rule = {
  meta: {
    id: 'plan/not-required',
    severity: 'info',
    policy: 'PSI 19/2014 paras 1.2, 1.7, 1.9',
    description: 'No sentence plan is needed: a community order whose only requirement is a curfew or an exclusion, or a custodial sentence with no supervision after release. The rules that demand plan content stay quiet.',
    fixable: 'none',
    inTemplates: false,
    messages: {
      notNeeded:
        'No sentence plan is needed here: {why, select, unsupervised {the person will not be supervised after release from custody} other {the community order\'s only requirement is `{requirement}`{monitored, select, yes { (electronically monitored)} other {}}}} ({cite}). planlint does not ask for plan content in this file; check that a plan is wanted.',
    },
    docs: {
      rationale:
        'PSI 19/2014 asks for an assessment and a plan for community orders, suspended sentence orders and custodial sentences followed by supervision (paras 1.2, 1.9), with two exceptions (paras 1.2, 1.7):\n\n' +
        '- a **community order** whose single requirement is a curfew or an exclusion, also when it is electronically monitored (`[curfew, electronic_monitoring]` is the case of para 1.7, managed by an EM contractor). A suspended sentence order always needs a plan: paras 1.2 and 1.9 attach the exception to community orders only;\n' +
        '- a **custodial sentence with no supervision after release** (`sentence.supervised_on_release: false`).\n\n' +
        'Then planlint reports this one note and nothing that demands plan content: the `plan/*` requirements, `engagement/*`, `smart/*`, `sequence/*`, `review/*` and `rmp/*` do not run: with no plan there is no assessment update, so no risk management plan is asked for either (PSI 19/2014 paras 1.2, 1.4). The syntax and shape of the file and the programme catalogue checks still run. The requirements are policy data (`plan.no_plan_requirements`, `plan.monitoring_requirements`). An order with two requirements that are not just monitoring still needs a plan.',
      bad: 'sentence:\n  type: community_order\n  requirements: [curfew, electronic_monitoring]\noutcomes: []',
      good: 'sentence:\n  type: community_order\n  requirements: [curfew, rehabilitation_activity]',
    },
  },
  check(ctx) {
    const why = noPlanNeeded(ctx.plan, ctx.policy.plan);
    if (!why) return;
    ctx.report({
      path: why.path,
      at: 'value',
      messageId: 'notNeeded',
      data: { why: why.why, requirement: why.requirement ?? '', monitored: why.monitored ? 'yes' : 'no' },
      cite: why.cite,
    });
  },
};
