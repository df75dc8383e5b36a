// plan/owner-required: `team.plan_owner` says who reviews and updates the plan (PSI 19/2014 para 2.3).
import type { Rule } from '../../engine/rule.js';
import type { FixSpec } from '../../engine/types.js';
import { expectedOwners, RESPONSIBILITY_MESSAGES, roleName } from './responsibility.js';
import { code, hasValue, list } from './support.js';

export const ownerRequired: Rule = {
  meta: {
    id: 'plan/owner-required',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 1.9, 2.3; PRT "What can be included on my sentence plan?"',
    description: '`team.plan_owner` says who is responsible for reviewing and updating the plan.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      ...RESPONSIBILITY_MESSAGES,
      missing:
        'The plan does not say who owns it. A plan must name who is responsible for reviewing and updating it ({cite}): add `team.plan_owner`.{hint}',
      expected: ' For {why} that is {owners} (para 1.9).',
      fixSetOwner: 'Set the plan owner to {role} (`{owner}`)',
    },
    docs: {
      rationale:
        'Every plan must say who has overall responsibility for reviewing and updating it as it is delivered (PSI 19/2014 para 2.3). Record the role in `team.plan_owner`: `prison_offender_manager`, `community_offender_manager`, `crc_offender_manager` or `unpaid_work_provider` (an order whose only requirement is unpaid work, PSI 19/2014 para 1.9).\n\nThe quick fix inserts the owner that `plan/responsibility` would expect from the sentence, allocation, RoSH and setting (for a life sentence it offers both offender managers); when the plan does not say enough to tell, no fix is offered. It is never applied unattended: check the owner before saving.',
      bad: 'team:\n  prison_offender_manager: POM Example 1\n  community_offender_manager: COM Example 2',
      good: 'team:\n  prison_offender_manager: POM Example 1\n  community_offender_manager: COM Example 2\n  plan_owner: prison_offender_manager',
    },
  },
  check(ctx) {
    if (hasValue(ctx.root, ['team', 'plan_owner'])) return;
    const fixes: FixSpec[] = [];
    const exp = ctx.isTemplate ? undefined : expectedOwners(ctx.plan, ctx.policy, ctx.asOf);
    for (const o of exp?.owners ?? []) {
      const e = ctx.edit.insertPair(['team'], 'plan_owner', o);
      if (e) fixes.push({ title: { id: 'fixSetOwner', data: { role: roleName(o), owner: o } }, edits: [e], fixAll: false });
    }
    ctx.report({
      path: ['team', 'plan_owner'],
      messageId: 'missing',
      data: { hint: exp ? { id: 'expected', data: { why: exp.why, owners: list(exp.owners.map(code), 'or') } } : '' },
      cite: 'PSI 19/2014 para 2.3',
      fixes,
    });
  },
};
