// sequence/community-consultation: community-phase work in a custodial case is planned with the COM (PSI 19/2014 para 2.13).
import { inCustody } from '../../engine/obligations.js';
import type { Rule } from '../../engine/rule.js';
import { isLive, label } from './support.js';

export const communityConsultation: Rule = {
  meta: {
    id: 'sequence/community-consultation',
    severity: 'error',
    policy: 'PSI 19/2014 para 2.13',
    description: 'While the person is in custody and the prison offender manager owns the plan, every `phase: community` action is recorded as agreed with the community offender manager (`agreed_with_com: true`).',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      notAgreed:
        '{action} is work for after release, planned in custody by the prison offender manager, but it is {explicit, select, yes {recorded as not} other {not recorded as}} agreed with the community offender manager. Work to follow release must be planned with the COM ({cite}): agree it and set `agreed_with_com: true`.',
    },
    docs: {
      rationale:
        'Where a person is serving a custodial sentence, some objectives are better met after release, following on from the work done inside. That work must be planned with the community offender manager, so that what it needs is in place on release (PSI 19/2014 para 2.13, mandatory).\n\n' +
        'The rule applies while the person is in custody (`sentence.setting: custody`; with no setting recorded, a custodial sentence whose release date has not been reached) and the plan is owned by the prison offender manager (`team.plan_owner: prison_offender_manager`). When the community offender manager produces the plan (PSI 19/2014 para 1.9: IPP, extended, high-RoSH and life cases, and every case after release) the consultation is part of planning, so the rule does not apply; nor from the day of release. Then every action with `phase: community` that is not withdrawn needs `agreed_with_com: true`. Set it once the COM has agreed the action; planlint does not set it for you, because it records something that happened.',
      bad: 'sentence:\n  type: determinate\n  setting: custody\nteam:\n  plan_owner: prison_offender_manager\nactions:\n  - { id: ACT-4, type: accommodation, phase: community }',
      good: 'sentence:\n  type: determinate\n  setting: custody\nteam:\n  plan_owner: prison_offender_manager\nactions:\n  - { id: ACT-4, type: accommodation, phase: community, agreed_with_com: true }',
    },
  },
  check(ctx) {
    if (!inCustody(ctx.plan, ctx.asOf) || ctx.plan.team?.plan_owner !== 'prison_offender_manager') return;
    for (const a of ctx.plan.actions) {
      if (a.phase !== 'community' || !isLive(a) || a.agreed_with_com === true) continue;
      const explicit = a.agreed_with_com === false;
      ctx.report({
        path: explicit ? [...a.path, 'agreed_with_com'] : [...a.path, 'phase'],
        at: 'value',
        messageId: 'notAgreed',
        data: { action: label(a), explicit: explicit ? 'yes' : 'no' },
        cite: 'PSI 19/2014 para 2.13',
      });
    }
  },
};
