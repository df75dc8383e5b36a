// programme/gender: the programme is delivered to the other gender (PSI 19/2014 para 2.9).
import type { Rule } from '../../engine/rule.js';
import { eligibilityOf, label, plannedProgrammes, semiMsg, uncertainMsg } from './support.js';

export const gender: Rule = {
  meta: {
    id: 'programme/gender',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.8, 2.9',
    description: 'The programme is delivered only to the other gender.',
    fixable: 'none',
    inTemplates: false,
    messages: {
      otherGender:
        'Action {action}: {why}, which does not match `person.gender`. A programme the person cannot be accepted onto should not be in the plan ({cite}): choose one delivered to them.{uncertain}',
      relatedGender: 'The gender recorded.',
    },
    docs: {
      rationale:
        'Most accredited programmes are delivered to men only (Kaizen, Horizon, Building Better Relationships, …); some are for men and women (the Thinking Skills Programme, Building Choices). A programme the person cannot be accepted onto makes the plan unachievable (PSI 19/2014 paras 2.8, 2.9): choose one delivered to them. The catalogue\'s `genders` say who each programme is for; with `person.gender` not recorded nothing is reported.',
      bad: 'person:\n  gender: female\nactions:\n  - id: ACT-2\n    type: programme\n    programme: kaizen\n    eligibility: passed',
      good: 'person:\n  gender: female\nactions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    eligibility: passed',
    },
  },
  check(ctx) {
    for (const { action: a, programme: p } of plannedProgrammes(ctx)) {
      const g = eligibilityOf(ctx, a, p).aspects.gender;
      if (g.result !== false) continue;
      ctx.report({
        path: [...a.path, 'programme'],
        at: 'value',
        messageId: 'otherGender',
        data: { action: label(a), why: semiMsg(g.reasons), uncertain: uncertainMsg(g.relied) },
        cite: 'PSI 19/2014 paras 2.8, 2.9',
        related: [{ path: ['person', 'gender'], at: 'value', message: { id: 'relatedGender' } }],
      });
    }
  },
};
