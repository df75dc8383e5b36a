// sequence/harm-actions: with RoSH medium or above, the plan has work that addresses the risk of serious harm.
import { BANDS4 } from '../../engine/model.js';
import type { Rule } from '../../engine/rule.js';
import { bandName, groupName, highestRosh, ROSH_MESSAGES } from '../rmp/support.js';
import { isLive } from './support.js';

export const harmActions: Rule = {
  meta: {
    id: 'sequence/harm-actions',
    severity: 'warning',
    policy: 'PRT "Your Sentence Plan"; PSI 19/2014 para 2.12',
    description: 'With a risk of serious harm of medium or above, at least one objective or action is marked `harm_reduction: true`.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...ROSH_MESSAGES,
      noHarmWork:
        'The risk of serious harm {group} is {band}, but no objective or action is marked `harm_reduction: true`. With a RoSH of {from} or above the plan should include work that reduces the risk of serious harm, not only of reoffending ({cite}): mark that work, or add it.',
    },
    docs: {
      rationale:
        'A sentence plan addresses the risk of reoffending; where the risk of serious harm is medium, high or very high it also has to include what will be done to reduce the risk of harm (PRT: Your Sentence Plan), cross-referenced with the risk management plan (PSI 19/2014 para 2.12).\n\n' +
        'When the highest RoSH recorded (overall or any group) is at or above the band that calls for a risk management plan (`policy.rmp.required_from`, default medium), at least one objective or live action should be marked `harm_reduction: true`. Mark the work that reduces the risk of harm, or add some.',
      bad: 'assessment:\n  rosh: { overall: high }\nobjectives:\n  - { id: OBJ-1, need: education_training_employment }',
      good: 'assessment:\n  rosh: { overall: high }\nobjectives:\n  - { id: OBJ-1, need: education_training_employment }\n  - { id: OBJ-2, need: relationships, harm_reduction: true }',
    },
  },
  check(ctx) {
    const top = highestRosh(ctx.plan);
    const from = ctx.policy.rmp.required_from;
    if (!top || BANDS4.indexOf(top.band) < BANDS4.indexOf(from)) return;
    const has =
      ctx.plan.objectives.some((o) => o.harm_reduction === true && o.status !== 'no_longer_appropriate') ||
      ctx.plan.actions.some((a) => a.harm_reduction === true && isLive(a));
    if (has) return;
    ctx.report({
      path: top.path,
      at: 'value',
      messageId: 'noHarmWork',
      data: { group: groupName(top.group), band: bandName(top.band), from: bandName(from) },
      cite: 'PRT: Your Sentence Plan',
    });
  },
};
