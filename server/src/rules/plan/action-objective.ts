// plan/action-objective: every action serves an objective (PSI 19/2014 para 2.8).
import type { Rule } from '../../engine/rule.js';
import { itemLabel } from '../../engine/privacy.js';
import { hasValue } from './support.js';

export const actionObjective: Rule = {
  meta: {
    id: 'plan/action-objective',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.3, 2.8',
    description: 'Every action names the objective it serves: a plan is not a list of available interventions.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      missing:
        'Action {action} does not say which objective it serves. Every action should be directly related to an objective, not just an available intervention ({cite}): add `objective:` with an objective id, or remove the action.',
    },
    docs: {
      rationale:
        'A plan should not simply list the programmes and activities that happen to be available; each action is there because it helps meet an objective drawn from the assessed risks and needs (PSI 19/2014 para 2.8). Link each action to its objective with `objective: OBJ-n`, or remove actions that serve none.',
      bad: 'actions:\n  - id: ACT-1\n    type: education\n    description: Enrol on the Level 1 functional skills maths course.\n    priority: 1',
      good: 'actions:\n  - id: ACT-1\n    objective: OBJ-2\n    type: education\n    description: Enrol on the Level 1 functional skills maths course.\n    priority: 1',
    },
  },
  check(ctx) {
    for (const a of ctx.plan.actions) {
      if (hasValue(ctx.root, [...a.path, 'objective'])) continue;
      ctx.report({
        path: [...a.path, 'objective'],
        messageId: 'missing',
        data: { action: itemLabel(a, 'action') },
        cite: 'PSI 19/2014 para 2.8',
      });
    }
  },
};
