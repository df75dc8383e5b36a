// plan/objectives-required: a plan has at least one objective (parity with the government's Sentence Plan service).
import type { Rule } from '../../engine/rule.js';

export const objectivesRequired: Rule = {
  meta: {
    id: 'plan/objectives-required',
    severity: 'warning',
    policy: "PSI 19/2014 paras 2.3, 2.11; parity with the government's Sentence Plan service",
    description: 'A plan has at least one objective, of any status.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      none: "The plan has no objective. Add at least one objective that serves an outcome ({cite}); the government's Sentence Plan service requires one too.",
    },
    docs: {
      rationale:
        'The government\'s own Sentence Plan service does not let a plan be saved without an objective, and a plan file should not either: objectives are what the person aims to achieve towards the outcomes (PSI 19/2014 para 2.3). This is a parity check, not a PSI requirement, and a warning: where a person is not motivated to change only limited objectives may be possible (para 2.11), but even then there is at least one.\n\n' +
        'Any objective counts, whatever its status, so a plan at its termination review with every objective achieved passes. Templates are not judged.',
      bad: 'outcomes:\n  - id: OUT-1\n    description: Stays out of acquisitive offending.\nobjectives: []',
      good: 'outcomes:\n  - id: OUT-1\n    description: Stays out of acquisitive offending.\nobjectives:\n  - id: OBJ-1\n    outcome: OUT-1\n    status: achieved',
    },
  },
  check(ctx) {
    if (ctx.plan.objectives.length > 0) return;
    ctx.report({
      path: ctx.plan.present.has('objectives') ? ['objectives'] : [],
      messageId: 'none',
      cite: 'PSI 19/2014 para 2.3',
    });
  },
};
