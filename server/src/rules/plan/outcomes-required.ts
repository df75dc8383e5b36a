// plan/outcomes-required: the plan names at least one overall outcome (PSI 19/2014 para 2.3).
import type { Rule } from '../../engine/rule.js';

export const outcomesRequired: Rule = {
  meta: {
    id: 'plan/outcomes-required',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.3; PRT "What can be included on my sentence plan?"',
    description: 'The plan names at least one overall outcome it is to achieve.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      empty:
        'The `outcomes` list is empty. A plan must say what it is to achieve overall ({cite}): add at least one outcome with an `id` and a `description`.',
      missing:
        'The plan has no overall outcomes. A plan must say what it is to achieve overall ({cite}): add an `outcomes` list with at least one outcome (`id`, `description`).',
    },
    docs: {
      rationale:
        'A sentence plan is built around the overall outcomes it is meant to achieve; objectives and actions are the steps towards them (PSI 19/2014 para 2.3). Actions change as the sentence goes on, but the outcomes usually stay the same, so a plan without any outcome has nothing to measure progress against.\n\nAdd an `outcomes` list with at least one outcome, each with an `id` and a `description`, and link each objective to one with `outcome:`.',
      bad: 'outcomes: []\nobjectives:\n  - id: OBJ-1\n    description: Complete an accredited drug treatment programme in custody.',
      good: 'outcomes:\n  - id: OUT-1\n    description: Lives free of illicit drugs and stays out of acquisitive offending.\nobjectives:\n  - id: OBJ-1\n    outcome: OUT-1\n    description: Complete an accredited drug treatment programme in custody.',
    },
  },
  check(ctx) {
    if (ctx.plan.outcomes.length > 0) return;
    const present = ctx.plan.present.has('outcomes');
    ctx.report({
      path: ['outcomes'],
      at: 'key',
      messageId: present ? 'empty' : 'missing',
      cite: 'PSI 19/2014 para 2.3',
    });
  },
};
