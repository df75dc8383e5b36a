// plan/responsibility: `team.plan_owner` is the role PSI 19/2014 para 1.9 makes responsible
// for the plan. `expectedOwners` is shared with plan/owner-required's fix.
import type { Rule } from '../../engine/rule.js';
import type { Band4, Plan, PlanOwner } from '../../engine/model.js';
import type { PlanPolicy } from '../../policy/plan.js';

const ROLE: Record<PlanOwner, string> = {
  prison_offender_manager: 'the prison offender manager',
  community_offender_manager: 'the community offender manager',
  crc_offender_manager: 'the CRC offender manager',
};
export const roleName = (o: PlanOwner): string => ROLE[o];

const RANK: Record<Band4, number> = { low: 0, medium: 1, high: 2, very_high: 3 };

/** The highest RoSH recorded (overall or any group), or undefined when none is. */
export function highestRosh(plan: Plan): Band4 | undefined {
  const r = plan.assessment?.rosh;
  if (!r) return undefined;
  let best: Band4 | undefined;
  for (const b of [r.overall, r.public, r.known_adult, r.children, r.staff]) if (b && (best === undefined || RANK[b] > RANK[best])) best = b;
  return best;
}

export interface Expected {
  /** The roles that may own the plan (life sentences: either). */
  owners: PlanOwner[];
  /** Why, in plain words: "for an NPS case on a community order". */
  why: string;
}

/**
 * Who should own the plan under PSI 19/2014 para 1.9, or undefined when the plan does not
 * say enough to tell (no sentence type, no allocation, a case the table does not cover).
 */
export function expectedOwners(plan: Plan, policy: PlanPolicy): Expected | undefined {
  const s = plan.sentence;
  if (!s?.type) return undefined;
  const min = policy.responsibility_min_custodial_months;
  const custodial = s.type === 'determinate' || s.type === 'extended_determinate' || s.type === 'life' || s.type === 'ipp';
  const inCustody = s.setting === 'custody';
  const inCommunity = s.setting === 'community';
  const longEnough = s.length_months === undefined ? undefined : s.length_months >= min;

  if (s.type === 'life') {
    return {
      owners: ['prison_offender_manager', 'community_offender_manager'],
      why: 'for a life sentence (the community offender manager produces the initial plan; the prison offender manager reviews it in custody)',
    };
  }

  if (s.allocation === 'crc') {
    if (s.type === 'community_order' || s.type === 'suspended_sentence_order') {
      return { owners: ['crc_offender_manager'], why: `for a CRC-allocated ${s.type === 'community_order' ? 'community order' : 'suspended sentence order'}` };
    }
    if (s.type !== 'determinate') return undefined;
    if (inCommunity) return { owners: ['crc_offender_manager'], why: 'for a CRC-allocated case after release' };
    if (longEnough === false) return { owners: ['crc_offender_manager'], why: `for a CRC-allocated determinate sentence under ${min} months` };
    if (longEnough === true && inCustody) {
      return { owners: ['prison_offender_manager'], why: `for a CRC-allocated determinate sentence of ${min} months or more, during custody` };
    }
    return { owners: ['prison_offender_manager', 'crc_offender_manager'], why: 'for a CRC-allocated determinate sentence' };
  }

  const nps = s.allocation === 'nps';
  // IPP and extended determinate sentences are NPS cases whatever the allocation field says.
  if (s.type === 'ipp' || s.type === 'extended_determinate') {
    return { owners: ['community_offender_manager'], why: `for ${s.type === 'ipp' ? 'an IPP sentence' : 'an extended determinate sentence'}` };
  }
  if (!nps) return undefined;
  if (s.type === 'community_order' || s.type === 'suspended_sentence_order') {
    return { owners: ['community_offender_manager'], why: `for an NPS case on a ${s.type === 'community_order' ? 'community order' : 'suspended sentence order'}` };
  }
  if (!custodial) return undefined;
  // NPS determinate.
  const rosh = highestRosh(plan);
  if (rosh === 'high' || rosh === 'very_high') {
    return { owners: ['community_offender_manager'], why: `for an NPS determinate sentence with ${rosh === 'high' ? 'high' : 'very high'} risk of serious harm` };
  }
  if (inCommunity) return { owners: ['community_offender_manager'], why: 'for an NPS determinate sentence after release' };
  if (longEnough === true && (rosh === 'low' || rosh === 'medium') && inCustody) {
    return {
      owners: ['prison_offender_manager'],
      why: `for an NPS determinate sentence of ${min} months or more with ${rosh} risk of serious harm, during custody`,
    };
  }
  // Not enough recorded to choose between them, but an NPS case is never the CRC's.
  return { owners: ['prison_offender_manager', 'community_offender_manager'], why: 'for an NPS-allocated case' };
}

export const responsibility: Rule = {
  meta: {
    id: 'plan/responsibility',
    severity: 'warning',
    policy: 'PSI 19/2014 para 1.9',
    description: '`team.plan_owner` is the role PSI 19/2014 makes responsible for the plan, given the sentence, allocation, RoSH and setting.',
    fixable: 'none',
    inTemplates: false,
    docs: {
      rationale:
        'PSI 19/2014 para 1.9 sets who produces the assessment and plan and oversees it:\n\n' +
        '- **CRC-allocated cases**: the CRC offender manager, except that for a determinate sentence of 12 months or more the prison offender manager plans during custody.\n' +
        '- **NPS-allocated cases**: the community offender manager for community orders and suspended sentence orders, IPP and extended determinate sentences, and determinate sentences with high or very high risk of serious harm (the highest of `rosh.overall` and the groups); the prison offender manager for other determinate sentences of 12 months or more during custody.\n' +
        '- **Life sentences**: the community offender manager produces the initial plan and the prison offender manager reviews it in custody, so either is accepted.\n\n' +
        'The rule is quiet when the plan does not record enough to tell (no sentence type, no allocation, or a case the table does not cover). The 12-month threshold is policy data (`plan.responsibility_min_custodial_months`).',
      bad: 'sentence:\n  type: determinate\n  length_months: 36\n  allocation: nps\n  setting: custody\nassessment:\n  rosh: { overall: high }\nteam:\n  plan_owner: prison_offender_manager',
      good: 'sentence:\n  type: determinate\n  length_months: 36\n  allocation: nps\n  setting: custody\nassessment:\n  rosh: { overall: high }\nteam:\n  plan_owner: community_offender_manager',
    },
  },
  check(ctx) {
    const owner = ctx.plan.team?.plan_owner;
    if (!owner) return;
    const exp = expectedOwners(ctx.plan, ctx.policy.plan);
    if (!exp || exp.owners.includes(owner)) return;
    const want = exp.owners.map((o) => `${roleName(o)} (\`${o}\`)`).join(' or ');
    ctx.report({
      path: ['team', 'plan_owner'],
      at: 'value',
      message: `The plan owner is ${roleName(owner)}, but ${exp.why} the plan belongs to ${want} (PSI 19/2014 para 1.9). Check the allocation and set \`plan_owner\` accordingly.`,
    });
  },
};
