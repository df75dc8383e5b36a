// plan/action-owner: every action says who carries it out (PSI 19/2014 para 2.13; parity with the government's Sentence Plan service).
import type { Rule } from '../../engine/rule.js';
import { itemLabel } from '../../engine/privacy.js';
import { hasValue } from './support.js';

export const actionOwner: Rule = {
  meta: {
    id: 'plan/action-owner',
    severity: 'warning',
    policy: "PSI 19/2014 paras 2.3, 2.13; parity with the government's Sentence Plan service",
    description: 'Every action says who carries it out (`owner`).',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      missing:
        'Action {action} does not say who carries it out. Each step names who does it: the person, an offender manager, the key worker or a provider ({cite}): add `owner`.',
    },
    docs: {
      rationale:
        'Actions are set out as manageable steps for the person, the offender manager, the offender supervisor and the providers (PSI 19/2014 para 2.13), and the plan says how each activity will be delivered (para 2.3). The government\'s Sentence Plan service asks who does each step; a plan file records it in `owner`: `person`, `prison_offender_manager`, `community_offender_manager`, `key_worker` or `provider`. In a template a placeholder satisfies it.',
      bad: 'actions:\n  - id: ACT-1\n    objective: OBJ-1\n    type: accommodation\n    description: Refer to the housing advice service before release.',
      good: 'actions:\n  - id: ACT-1\n    objective: OBJ-1\n    type: accommodation\n    description: Refer to the housing advice service before release.\n    owner: prison_offender_manager',
    },
  },
  check(ctx) {
    for (const a of ctx.plan.actions) {
      if (hasValue(ctx.root, [...a.path, 'owner'])) continue;
      ctx.report({
        path: [...a.path, 'owner'],
        messageId: 'missing',
        data: { action: itemLabel(a, 'action') },
        cite: 'PSI 19/2014 para 2.13',
      });
    }
  },
};
