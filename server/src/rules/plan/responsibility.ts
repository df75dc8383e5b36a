// plan/responsibility: `team.plan_owner` is the role PSI 19/2014 para 1.9 makes responsible
// for the plan. `expectedOwners` is shared with plan/owner-required's fix.
import type { Rule } from '../../engine/rule.js';
import type { Plan, PlanOwner } from '../../engine/model.js';
import { addDuration, describeDuration } from '../../engine/obligations.js';
import { highestRoshBand } from '../../engine/risk.js';
import { unpaidWorkOnly } from '../../engine/scope.js';
import type { Policy } from '../../policy/index.js';

const ROLE: Record<PlanOwner, string> = {
  prison_offender_manager: 'the prison offender manager',
  community_offender_manager: 'the community offender manager',
  crc_offender_manager: 'the CRC offender manager',
  unpaid_work_provider: 'the unpaid work provider',
};
export const roleName = (o: PlanOwner): string => ROLE[o];

export interface Expected {
  /** The roles that may own the plan (life sentences in custody: either offender manager). */
  owners: PlanOwner[];
  /** Why, in plain words: "for an NPS case on a community order". */
  why: string;
  /** IPP, extended and life sentences recorded `allocation: crc`: PSI 1.9 lists them among NPS cases. */
  wrongAllocation?: boolean;
}

const NPS_ONLY: Record<string, string> = { ipp: 'an IPP sentence', extended_determinate: 'an extended determinate sentence', life: 'a life sentence' };

/**
 * Who should own the plan under PSI 19/2014 para 1.9 at the plan's current stage, or undefined
 * when the plan does not say enough to tell (no sentence type, no allocation, a case the table
 * does not cover). `asOf` places a CRC custody case inside or outside the last 12 weeks before release.
 */
export function expectedOwners(plan: Plan, policy: Policy, asOf: string): Expected | undefined {
  const s = plan.sentence;
  if (!s?.type) return undefined;
  const min = policy.plan.responsibility_min_custodial_months;
  const inCustody = s.setting === 'custody';
  const inCommunity = s.setting === 'community';
  const longEnough = s.length_months === undefined ? undefined : s.length_months >= min;
  const wrongAllocation = s.allocation === 'crc' && s.type in NPS_ONLY ? { wrongAllocation: true } : {};

  // An order whose only requirement is unpaid work: the unpaid work provider, whatever the allocation.
  if (unpaidWorkOnly(plan)) {
    return { owners: ['unpaid_work_provider'], why: `for a ${s.type === 'community_order' ? 'community order' : 'suspended sentence order'} whose only requirement is unpaid work` };
  }

  if (s.type === 'life') {
    if (inCommunity) {
      return { owners: ['community_offender_manager'], why: 'for a life sentence after release (the community offender manager completes the plan post-release)', ...wrongAllocation };
    }
    return {
      owners: ['prison_offender_manager', 'community_offender_manager'],
      why: 'for a life sentence in custody (the community offender manager produces the initial plan; the prison offender manager reviews it during custody)',
      ...wrongAllocation,
    };
  }
  // IPP and extended determinate sentences are NPS cases whatever the allocation field says.
  if (s.type === 'ipp' || s.type === 'extended_determinate') {
    return { owners: ['community_offender_manager'], why: `for ${NPS_ONLY[s.type]}`, ...wrongAllocation };
  }

  if (s.allocation === 'crc') {
    if (s.type === 'community_order' || s.type === 'suspended_sentence_order') {
      return { owners: ['crc_offender_manager'], why: `for a CRC-allocated ${s.type === 'community_order' ? 'community order' : 'suspended sentence order'}` };
    }
    if (s.type !== 'determinate') return undefined;
    if (inCommunity) return { owners: ['crc_offender_manager'], why: 'for a CRC-allocated case after release' };
    if (longEnough === false) return { owners: ['crc_offender_manager'], why: `for a CRC-allocated determinate sentence under ${min} months` };
    if (longEnough === true && inCustody) {
      // The CRC offender manager prepares the plan for release no more than 12 weeks before it.
      const release = s.release_date;
      const from = release ? addDuration(release, policy.review.crc_release_window.earliest_before_release, -1) : undefined;
      if (from && asOf >= from) {
        return {
          owners: ['prison_offender_manager', 'crc_offender_manager'],
          why: `for a CRC-allocated determinate sentence in the last ${describeDuration(policy.review.crc_release_window.earliest_before_release)} before release`,
        };
      }
      return { owners: ['prison_offender_manager'], why: `for a CRC-allocated determinate sentence of ${min} months or more, during custody` };
    }
    return { owners: ['prison_offender_manager', 'crc_offender_manager'], why: 'for a CRC-allocated determinate sentence' };
  }

  if (s.allocation !== 'nps') return undefined;
  if (s.type === 'community_order' || s.type === 'suspended_sentence_order') {
    return { owners: ['community_offender_manager'], why: `for an NPS case on a ${s.type === 'community_order' ? 'community order' : 'suspended sentence order'}` };
  }
  // NPS determinate.
  const rosh = highestRoshBand(plan);
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
    severity: 'error',
    policy: 'PSI 19/2014 para 1.9',
    description: '`team.plan_owner` is the role PSI 19/2014 makes responsible for the plan at its current stage, given the sentence, allocation, RoSH, setting and weeks to release.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    docs: {
      rationale:
        'PSI 19/2014 para 1.9 sets who produces the assessment and plan and oversees it, and who that is can change with the stage of the sentence:\n\n' +
        '- **Unpaid work only**: a community order or suspended sentence order whose single requirement is unpaid work is planned by the unpaid work provider (`plan_owner: unpaid_work_provider`), whatever the allocation.\n' +
        '- **CRC-allocated cases**: the CRC offender manager for community orders and suspended sentence orders, for short sentences and after release; for a determinate sentence of 12 months or more the prison offender manager plans during custody, **except in the last 12 weeks before release**, when the CRC offender manager may prepare the plan for release (either is accepted then).\n' +
        '- **NPS-allocated cases**: the community offender manager for community orders and suspended sentence orders, IPP and extended determinate sentences, and determinate sentences with high or very high risk of serious harm (the highest of `rosh.overall` and every group); the prison offender manager for other determinate sentences of 12 months or more during custody.\n' +
        '- **Life sentences**: the community offender manager produces the initial plan and the prison offender manager reviews it in custody, so either is accepted in custody; **after release only the community offender manager** (who completes the plan post-release).\n\n' +
        'IPP, extended and life sentences are listed by 1.9 among the NPS\'s cases: `allocation: crc` on one is reported on `sentence.allocation` as a likely wrong allocation (planlint\'s reading of 1.9). The rule is quiet when the plan does not record enough to tell (no sentence type, no allocation, or a case the table does not cover). The 12 months and the 12 weeks are policy data (`plan.responsibility_min_custodial_months`, `review.crc_release_window`).',
      bad: 'sentence:\n  type: determinate\n  length_months: 36\n  allocation: nps\n  setting: custody\nassessment:\n  rosh: { overall: high }\nteam:\n  plan_owner: prison_offender_manager',
      good: 'sentence:\n  type: determinate\n  length_months: 36\n  allocation: nps\n  setting: custody\nassessment:\n  rosh: { overall: high }\nteam:\n  plan_owner: community_offender_manager',
    },
  },
  check(ctx) {
    const exp = expectedOwners(ctx.plan, ctx.policy, ctx.asOf);
    if (!exp) return;
    if (exp.wrongAllocation) {
      const t = ctx.plan.sentence?.type ?? '';
      ctx.report({
        path: ['sentence', 'allocation'],
        at: 'value',
        message: `The case is allocated to a CRC, but PSI 19/2014 para 1.9 lists ${NPS_ONLY[t]} among the cases the NPS plans (planlint's reading of 1.9): check the allocation, which is likely to be \`nps\`.`,
      });
    }
    const owner = ctx.plan.team?.plan_owner;
    if (!owner || exp.owners.includes(owner)) return;
    const want = exp.owners.map((o) => `${roleName(o)} (\`${o}\`)`).join(' or ');
    ctx.report({
      path: ['team', 'plan_owner'],
      at: 'value',
      message: `The plan owner is ${roleName(owner)}, but ${exp.why} the plan belongs to ${want} (PSI 19/2014 para 1.9). Check the allocation and set \`plan_owner\` accordingly.`,
    });
  },
};
