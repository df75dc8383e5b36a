// plan/interpreter: consider an interpreter for accredited programme work when English is not the first language (PSI 19/2014 para 2.16).
import type { Rule } from '../../engine/rule.js';
import { isLiveAction, label, mentions } from './support.js';

export const interpreter: Rule = {
  meta: {
    id: 'plan/interpreter',
    severity: 'info',
    policy: 'PSI 19/2014 para 2.16',
    description: 'English is not the first language and the plan has accredited programme work: consider delivery through an interpreter.',
    fixable: 'none',
    inTemplates: true,
    docs: {
      rationale:
        'Most accredited programmes need a good command of English to benefit from them. Where English is not the person\'s first language, delivering the material through an interpreter should be considered, and the options discussed recorded in the plan (PSI 19/2014 para 2.16). The note appears when `person.english_first_language: false` and an action of `type: programme` names an accredited programme, unless an objective or action already mentions an interpreter (the words are policy data, `plan.interpreter_phrases`).',
      bad: 'person:\n  english_first_language: false\nactions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    description: Complete the Thinking Skills Programme.',
      good: 'person:\n  english_first_language: false\nactions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    description: Complete the Thinking Skills Programme, delivered with an interpreter.',
    },
  },
  check(ctx) {
    if (ctx.plan.person?.english_first_language !== false) return;
    const accredited = (id: string | undefined): boolean => {
      if (!id) return true;
      const p = ctx.catalogue.programmes.find((x) => x.id === id);
      return p ? p.accredited !== false : true;
    };
    const progs = ctx.plan.actions.filter((a) => a.type === 'programme' && isLiveAction(a) && a.status !== 'completed' && accredited(a.programme));
    if (!progs.length) return;
    const texts = [...ctx.plan.actions.map((a) => a.description), ...ctx.plan.objectives.flatMap((o) => [o.description, o.outside_control])];
    if (mentions(texts, ctx.policy.plan.interpreter_phrases)) return;
    const ids = progs.map((a) => label(a, 'action'));
    ctx.report({
      path: ['person', 'english_first_language'],
      at: 'value',
      message: `English is not the person's first language and the plan includes accredited programme work (${ids.join(', ')}). Consider delivering it through an interpreter and record the options discussed (PSI 19/2014 para 2.16).`,
      related: progs.map((a) => ({ path: a.path, message: `Accredited programme work (${label(a, 'action')}).` })),
    });
  },
};
