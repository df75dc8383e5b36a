// programme/offence: the programme targets an offence history the person does not have (PSI 19/2014 para 2.8).
import type { Rule } from '../../engine/rule.js';
import { eligibilityOf, label, plannedProgrammes, semiMsg, uncertainMsg } from './support.js';

export const offence: Rule = {
  meta: {
    id: 'programme/offence',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.8, 2.9',
    description: 'The programme (or its strand) targets an offence type the person has no history of, e.g. a sexual-offending programme without a sexual offence or motivation.',
    fixable: 'none',
    inTemplates: false,
    messages: {
      strand:
        'Action {action}: {why}. Name the strand that fits the offending ({cite}), or leave `strand` out to have it inferred from the index offence.{uncertain}',
      offence:
        'Action {action}: {why}. A person is not accepted onto a programme for offending they have no history of ({cite}): check `assessment.offence`, or choose a programme that targets the offending.{uncertain}',
      relatedOffence: 'The offence recorded.',
    },
    docs: {
      rationale:
        'A person may not be accepted onto a programme because of their index offence (PSI 19/2014 para 2.8). Programmes for sexual offending (Horizon, iHorizon, the Healthy Sex Programme, the sexual offence strands of Kaizen, Becoming New Me Plus, New Me Strengths and Building Choices) need a sexual index offence, a previous sexual offence or a sexual motivation; programmes for intimate partner violence (Building Better Relationships, those strands of Kaizen and the New Me programmes) need an index offence of `domestic_abuse`; Identity Matters needs offending linked to group affiliation. The targets are catalogue data (`offence_targets`).\n\n' +
        'Once `assessment.offence.index` is recorded, the flags `previous_sexual`, `sexual_motivation` and `gang_affiliation` count as false when not written. With no offence recorded nothing is reported. The rule also reports an action `strand` the programme does not have.',
      bad: 'assessment:\n  offence: { index: violence }\nactions:\n  - id: ACT-2\n    type: programme\n    programme: horizon\n    eligibility: passed',
      good: 'assessment:\n  offence: { index: violence, sexual_motivation: true }\nactions:\n  - id: ACT-2\n    type: programme\n    programme: horizon\n    eligibility: passed',
    },
  },
  check(ctx) {
    for (const { action: a, programme: p } of plannedProgrammes(ctx)) {
      const e = eligibilityOf(ctx, a, p);
      const s = e.aspects.strand;
      if (s.result === false) {
        ctx.report({
          path: [...a.path, 'strand'],
          at: 'value',
          messageId: 'strand',
          data: { action: label(a), why: semiMsg(s.reasons), uncertain: uncertainMsg(s.relied) },
          cite: 'PSI 19/2014 para 2.8',
        });
        continue;
      }
      const o = e.aspects.offence;
      if (o.result !== false) continue;
      ctx.report({
        path: [...a.path, 'programme'],
        at: 'value',
        messageId: 'offence',
        data: { action: label(a), why: semiMsg(o.reasons), uncertain: uncertainMsg(o.relied) },
        cite: 'PSI 19/2014 paras 2.8, 2.9',
        related: [{ path: ['assessment', 'offence'], at: 'key', message: { id: 'relatedOffence' } }],
      });
    }
  },
};
