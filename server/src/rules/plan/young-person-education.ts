// plan/young-person-education: a person under 18 when sentenced has an education, training or employment objective (PSI 19/2014 para 1.9).
import type { Rule } from '../../engine/rule.js';
import { ageOn } from '../../engine/dates.js';

export const youngPersonEducation: Rule = {
  meta: {
    id: 'plan/young-person-education',
    severity: 'error',
    policy: 'PSI 19/2014 paras 1.2, 1.9',
    description: 'A person under 18 on the date of sentence has at least one education, training or employment objective.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      noEducation:
        'The person was under {age} when sentenced (planlint\'s default age for the PSI\'s "young people"), so this is a training plan that must keep its emphasis on education ({cite}), but no objective addresses education, training or employment: add one with `need: education_training_employment`.',
      relatedAge: 'Under {age} on the date of sentence.',
    },
    docs: {
      rationale:
        'For young people the plan is a training plan, and it must keep its emphasis on education as well as on reducing risk; this applies to cases moved from the juvenile estate to the adult estate too (PSI 19/2014 para 1.9). When the person was under 18 on `sentence.sentenced_on` (from `person.date_of_birth`), the plan needs at least one objective with `need: education_training_employment` that is not marked `no_longer_appropriate`. The age is planlint\'s default reading of "young people" (the seeds give no age), in policy data (`plan.adult_age`).',
      bad: 'person:\n  date_of_birth: 2008-03-02\nsentence:\n  sentenced_on: 2025-09-15\nobjectives:\n  - id: OBJ-1\n    need: thinking_behaviour',
      good: 'person:\n  date_of_birth: 2008-03-02\nsentence:\n  sentenced_on: 2025-09-15\nobjectives:\n  - id: OBJ-1\n    need: thinking_behaviour\n  - id: OBJ-2\n    need: education_training_employment',
    },
  },
  check(ctx) {
    const dob = ctx.plan.person?.date_of_birth;
    const on = ctx.plan.sentence?.sentenced_on;
    if (!dob || !on || dob > on) return;
    const adult = ctx.policy.plan.adult_age;
    if (ageOn(dob, on) >= adult) return;
    const has = ctx.plan.objectives.some((o) => o.need === 'education_training_employment' && o.status !== 'no_longer_appropriate');
    if (has) return;
    ctx.report({
      path: ctx.plan.present.has('objectives') ? ['objectives'] : ['person', 'date_of_birth'],
      messageId: 'noEducation',
      data: { age: adult },
      cite: 'PSI 19/2014 para 1.9',
      related: [{ path: ['person', 'date_of_birth'], at: 'value', message: { id: 'relatedAge', data: { age: adult } } }],
    });
  },
};
