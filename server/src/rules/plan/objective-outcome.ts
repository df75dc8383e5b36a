// plan/objective-outcome: every objective serves an outcome (PSI 19/2014 para 2.3).
import type { Rule } from '../../engine/rule.js';
import { itemLabel } from '../../engine/privacy.js';
import { hasValue } from './support.js';

export const objectiveOutcome: Rule = {
  meta: {
    id: 'plan/objective-outcome',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.3',
    description: 'Every objective names the overall outcome it serves.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      missing:
        'Objective {objective} does not say which outcome it serves. Each objective supports one of the plan\'s overall outcomes ({cite}): add `outcome:` with an outcome id{hint}.',
      onlyOutcome: ' (the plan\'s only outcome is `{outcome}`)',
    },
    docs: {
      rationale:
        'Objectives are what the person aims to achieve in support of the plan\'s overall outcomes (PSI 19/2014 para 2.3). An objective that serves no outcome is either missing its link or does not belong in the plan. Name the outcome with `outcome: OUT-n` (an id from the `outcomes` list).',
      bad: 'objectives:\n  - id: OBJ-1\n    need: accommodation\n    description: Secure a tenancy or approved premises place before release.',
      good: 'objectives:\n  - id: OBJ-1\n    outcome: OUT-1\n    need: accommodation\n    description: Secure a tenancy or approved premises place before release.',
    },
  },
  check(ctx) {
    for (const o of ctx.plan.objectives) {
      if (hasValue(ctx.root, [...o.path, 'outcome'])) continue;
      const ids = ctx.plan.outcomes.map((x) => x.id).filter((x): x is string => !!x);
      ctx.report({
        path: [...o.path, 'outcome'],
        messageId: 'missing',
        data: { objective: itemLabel(o, 'objective'), hint: ids.length === 1 ? { id: 'onlyOutcome', data: { outcome: ids[0] } } : '' },
        cite: 'PSI 19/2014 para 2.3',
      });
    }
  },
};
