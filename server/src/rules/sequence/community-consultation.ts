// sequence/community-consultation: community-phase work in a custodial case is planned with the COM (PSI 19/2014 para 2.13).
import { isCustodialSentence } from '../../engine/obligations.js';
import type { Rule } from '../../engine/rule.js';
import { isLive, label } from './support.js';

export const communityConsultation: Rule = {
  meta: {
    id: 'sequence/community-consultation',
    severity: 'error',
    policy: 'PSI 19/2014 para 2.13',
    description: 'In a custodial case, every `phase: community` action is recorded as agreed with the community offender manager (`agreed_with_com: true`).',
    fixable: 'none',
    inTemplates: true,
    docs: {
      rationale:
        'Some objectives of a custodial sentence are better met after release, following on from the work done inside. That work must be planned with the community offender manager, so that what it needs is in place on release (PSI 19/2014 para 2.13, mandatory).\n\n' +
        'In a custodial case (a determinate, extended, life or IPP sentence, or `sentence.setting: custody`), every action with `phase: community` that is not withdrawn needs `agreed_with_com: true`. Set it once the COM has agreed the action; planlint does not set it for you, because it records something that happened.',
      bad: 'sentence:\n  type: determinate\n  setting: custody\nactions:\n  - { id: ACT-4, type: accommodation, phase: community }',
      good: 'sentence:\n  type: determinate\n  setting: custody\nactions:\n  - { id: ACT-4, type: accommodation, phase: community, agreed_with_com: true }',
    },
  },
  check(ctx) {
    const s = ctx.plan.sentence;
    if (!s || !(isCustodialSentence(s.type) || s.setting === 'custody')) return;
    for (const a of ctx.plan.actions) {
      if (a.phase !== 'community' || !isLive(a) || a.agreed_with_com === true) continue;
      const explicit = a.agreed_with_com === false;
      ctx.report({
        path: explicit ? [...a.path, 'agreed_with_com'] : [...a.path, 'phase'],
        at: 'value',
        message: `${label(a)} is work for after release in a custodial case, but it is ${explicit ? 'recorded as not' : 'not recorded as'} agreed with the community offender manager. Community-phase work must be planned with the COM (PSI 19/2014 para 2.13): agree it and set \`agreed_with_com: true\`.`,
      });
    }
  },
};
