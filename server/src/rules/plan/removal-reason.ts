// plan/removal-reason: an objective or action marked no longer appropriate or withdrawn records why (PSI 19/2014 para 2.20).
import type { Rule } from '../../engine/rule.js';
import { itemLabel } from '../../engine/privacy.js';
import { hasValue } from './support.js';

export const removalReason: Rule = {
  meta: {
    id: 'plan/removal-reason',
    severity: 'warning',
    policy: "PSI 19/2014 paras 2.19, 2.20; parity with the government's Sentence Plan service",
    description: 'An objective marked `no_longer_appropriate`, or an action marked `withdrawn` or `no_longer_appropriate`, records why in `reason`.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      objective:
        'Objective {objective} is marked no longer appropriate without a reason. Record why in `reason`, so the review that changed it is documented ({cite}).',
      action:
        'Action {action} is marked {status, select, withdrawn {withdrawn} other {no longer appropriate}} without a reason. Record why in `reason`, so the review that changed it is documented ({cite}).',
    },
    docs: {
      rationale:
        'A review adapts or changes actions that are no longer appropriate (PSI 19/2014 para 2.19), and it must be accurately recorded (para 2.20). While such an item is still listed, its `reason` says why it was stopped, as the government\'s Sentence Plan service asks when an item is removed. Write the reason in the project\'s usual way: planlint never echoes it.',
      bad: 'actions:\n  - id: ACT-3\n    objective: OBJ-2\n    type: employment\n    status: withdrawn',
      good: 'actions:\n  - id: ACT-3\n    objective: OBJ-2\n    type: employment\n    status: withdrawn\n    reason: Workshop closed; replaced by ACT-4.',
    },
  },
  check(ctx) {
    for (const o of ctx.plan.objectives) {
      if (o.status !== 'no_longer_appropriate' || hasValue(ctx.root, [...o.path, 'reason'])) continue;
      ctx.report({
        path: [...o.path, 'status'],
        at: 'value',
        messageId: 'objective',
        data: { objective: itemLabel(o, 'objective') },
        cite: 'PSI 19/2014 para 2.20',
      });
    }
    for (const a of ctx.plan.actions) {
      if ((a.status !== 'no_longer_appropriate' && a.status !== 'withdrawn') || hasValue(ctx.root, [...a.path, 'reason'])) continue;
      ctx.report({
        path: [...a.path, 'status'],
        at: 'value',
        messageId: 'action',
        data: { action: itemLabel(a, 'action'), status: a.status },
        cite: 'PSI 19/2014 para 2.20',
      });
    }
  },
};
