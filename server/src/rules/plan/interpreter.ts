// plan/interpreter: one-to-one offence-focused work through an interpreter, and English for accredited programmes, when English is not the first language (PSI 19/2014 para 2.16).
import type { Rule } from '../../engine/rule.js';
import type { MessageValue } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import { isLiveAction, JOIN_MESSAGES, list, mentions } from './support.js';

export const interpreter: Rule = {
  meta: {
    id: 'plan/interpreter',
    severity: 'info',
    policy: 'PSI 19/2014 para 2.16',
    description: 'English is not the first language and the plan has one-to-one offence-focused work (consider an interpreter) or accredited programme work (most need comprehension of English).',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...JOIN_MESSAGES,
      consider: 'English is not the person\'s first language and the plan has {work} ({cite}). Record what was decided in the plan.',
      oneToOne: 'one-to-one offence-focused work ({actions}): consider delivering it through an interpreter',
      programmes: 'accredited programme work ({actions}): most programmes need a level of comprehension of English, so discuss the options',
      both: '{a}; and {b}',
      relatedWork: '{kind, select, programme {Accredited programme} other {One-to-one}} work ({action}).',
    },
    docs: {
      rationale:
        'Some offence-focused work to reduce the risk of serious harm is done one to one with specially developed materials; where English is not the person\'s first language, delivering that material through an interpreter should be considered (PSI 19/2014 para 2.16). Most accredited programmes need a level of comprehension of English to be of full benefit (the same paragraph), so the options should be discussed and recorded in the plan.\n\n' +
        'The note appears when `person.english_first_language: false` and the plan has a live one-to-one offence-focused action (`type: intervention` or `behaviour` with `delivery: one_to_one`), or a live accredited programme action, unless an objective or action already mentions an interpreter (the words are policy data, `plan.interpreter_phrases`). Group work that is not an accredited programme (education, employment) does not bring the note.',
      bad: 'person:\n  english_first_language: false\nactions:\n  - id: ACT-2\n    type: intervention\n    delivery: one_to_one\n    description: Work through the victim awareness pack with the offender manager.',
      good: 'person:\n  english_first_language: false\nactions:\n  - id: ACT-2\n    type: intervention\n    delivery: one_to_one\n    description: Work through the victim awareness pack with the offender manager, with an interpreter.',
    },
  },
  check(ctx) {
    if (ctx.plan.person?.english_first_language !== false) return;
    const accredited = (id: string | undefined): boolean => {
      if (!id) return true;
      const p = ctx.catalogue.programmes.find((x) => x.id === id);
      return p ? p.accredited !== false : true;
    };
    const live = ctx.plan.actions.filter((a) => isLiveAction(a) && a.status !== 'completed');
    const oneToOne = live.filter((a) => (a.type === 'intervention' || a.type === 'behaviour') && a.delivery === 'one_to_one');
    const progs = live.filter((a) => a.type === 'programme' && accredited(a.programme));
    if (!oneToOne.length && !progs.length) return;
    const texts = [...ctx.plan.actions.map((a) => a.description), ...ctx.plan.objectives.flatMap((o) => [o.description, o.outside_control])];
    if (mentions(texts, ctx.policy.plan.interpreter_phrases)) return;
    const labels = (as: typeof live): MessageValue => list(as.map((a) => itemLabel(a, 'action')));
    const parts: MessageValue[] = [];
    if (oneToOne.length) parts.push({ id: 'oneToOne', data: { actions: labels(oneToOne) } });
    if (progs.length) parts.push({ id: 'programmes', data: { actions: labels(progs) } });
    ctx.report({
      path: ['person', 'english_first_language'],
      at: 'value',
      messageId: 'consider',
      data: { work: parts.length === 2 ? { id: 'both', data: { a: parts[0], b: parts[1] } } : parts[0] },
      cite: 'PSI 19/2014 para 2.16',
      related: [...oneToOne, ...progs].map((a) => ({
        path: a.path,
        message: { id: 'relatedWork', data: { kind: a.type === 'programme' ? 'programme' : 'oneToOne', action: itemLabel(a, 'action') } },
      })),
    });
  },
};
