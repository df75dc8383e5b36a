// plan/responsibility: `team.plan_owner` is the role PSI 19/2014 para 1.9 makes responsible
// for the plan. `expectedOwners` is shared with plan/owner-required's fix.
import { withPolicyTexts } from '../../docs/policyText.js';
import { defaultPolicy } from '../../policy/index.js';
import type { Rule } from '../../engine/rule.js';
import type { Plan, PlanOwner } from '../../engine/model.js';
import type { Msg } from '../../engine/messages.js';
import { addDuration } from '../../engine/obligations.js';
import { highestRoshBand } from '../../engine/risk.js';
import { unpaidWorkOnly } from '../../engine/scope.js';
import type { Policy } from '../../policy/index.js';
import { duration, JOIN_MESSAGES, list } from './support.js';

const ROLE =
  '{owner, select, prison_offender_manager {the prison offender manager} community_offender_manager {the community offender manager} crc_offender_manager {the CRC offender manager} other {the unpaid work provider}}';
const ORDER = '{type, select, community_order {community order} other {suspended sentence order}}';

/**
 * Who owns a plan, and why (for plan/responsibility and plan/owner-required): spread into each
 * rule's `meta.messages`. Each `why*` reads after "for": "for {why} the plan belongs to…".
 */
export const RESPONSIBILITY_MESSAGES = {
  ...JOIN_MESSAGES,
  role: ROLE,
  roleWithCode: `${ROLE} (\`{owner}\`)`,
  sentenceName: '{type, select, ipp {an IPP sentence} extended_determinate {an extended determinate sentence} other {a life sentence}}',
  whyUnpaidWork: `a ${ORDER} whose only requirement is unpaid work`,
  whyLifeCommunity: 'a life sentence after release (the community offender manager completes the plan post-release)',
  whyLifeCustody: 'a life sentence in custody (the community offender manager produces the initial plan; the prison offender manager reviews it during custody)',
  whyCrcOrder: `a CRC-allocated ${ORDER}`,
  whyCrcCommunity: 'a CRC-allocated case after release',
  whyCrcShort: 'a CRC-allocated determinate sentence under {min} months',
  whyCrcLastWeeks: 'a CRC-allocated determinate sentence in the last {window} before release',
  whyCrcCustody: 'a CRC-allocated determinate sentence of {min} months or more, during custody',
  whyCrcDeterminate: 'a CRC-allocated determinate sentence',
  whyNpsOrder: `an NPS case on a ${ORDER}`,
  whyNpsHighRosh: 'an NPS determinate sentence with {rosh, select, high {high} other {very high}} risk of serious harm',
  whyNpsCommunity: 'an NPS determinate sentence after release',
  whyNpsCustody: 'an NPS determinate sentence of {min} months or more with {rosh, select, low {low} other {medium}} risk of serious harm, during custody',
  whyNps: 'an NPS-allocated case',
} as const;

/** A role as a message: "the prison offender manager". */
export const roleName = (o: PlanOwner): Msg => ({ id: 'role', data: { owner: o } });
/** A role with its code: "the prison offender manager (`prison_offender_manager`)". */
export const roleWithCode = (o: PlanOwner): Msg => ({ id: 'roleWithCode', data: { owner: o } });

export interface Expected {
  /** The roles that may own the plan (life sentences in custody: either offender manager). */
  owners: PlanOwner[];
  /** Why, as a message that reads after "for": "an NPS case on a community order". */
  why: Msg;
  /** IPP, extended and life sentences recorded `allocation: crc`: PSI 1.9 lists them among NPS cases. */
  wrongAllocation?: boolean;
}

const NPS_ONLY = new Set(['ipp', 'extended_determinate', 'life']);
const why = (id: keyof typeof RESPONSIBILITY_MESSAGES, data?: Msg['data']): Msg => (data ? { id, data } : { id });

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
  const wrongAllocation = s.allocation === 'crc' && NPS_ONLY.has(s.type) ? { wrongAllocation: true } : {};

  // An order whose only requirement is unpaid work: the unpaid work provider, whatever the allocation.
  if (unpaidWorkOnly(plan)) {
    return { owners: ['unpaid_work_provider'], why: why('whyUnpaidWork', { type: s.type }) };
  }

  if (s.type === 'life') {
    if (inCommunity) {
      return { owners: ['community_offender_manager'], why: why('whyLifeCommunity'), ...wrongAllocation };
    }
    return {
      owners: ['prison_offender_manager', 'community_offender_manager'],
      why: why('whyLifeCustody'),
      ...wrongAllocation,
    };
  }
  // IPP and extended determinate sentences are NPS cases whatever the allocation field says.
  if (s.type === 'ipp' || s.type === 'extended_determinate') {
    return { owners: ['community_offender_manager'], why: why('sentenceName', { type: s.type }), ...wrongAllocation };
  }

  if (s.allocation === 'crc') {
    if (s.type === 'community_order' || s.type === 'suspended_sentence_order') {
      return { owners: ['crc_offender_manager'], why: why('whyCrcOrder', { type: s.type }) };
    }
    if (s.type !== 'determinate') return undefined;
    if (inCommunity) return { owners: ['crc_offender_manager'], why: why('whyCrcCommunity') };
    if (longEnough === false) return { owners: ['crc_offender_manager'], why: why('whyCrcShort', { min }) };
    if (longEnough === true && inCustody) {
      // The CRC offender manager prepares the plan for release no more than 12 weeks before it.
      const release = s.release_date;
      const from = release ? addDuration(release, policy.review.crc_release_window.earliest_before_release, -1) : undefined;
      if (from && asOf >= from) {
        return {
          owners: ['prison_offender_manager', 'crc_offender_manager'],
          why: why('whyCrcLastWeeks', { window: duration(policy.review.crc_release_window.earliest_before_release) }),
        };
      }
      return { owners: ['prison_offender_manager'], why: why('whyCrcCustody', { min }) };
    }
    return { owners: ['prison_offender_manager', 'crc_offender_manager'], why: why('whyCrcDeterminate') };
  }

  if (s.allocation !== 'nps') return undefined;
  if (s.type === 'community_order' || s.type === 'suspended_sentence_order') {
    return { owners: ['community_offender_manager'], why: why('whyNpsOrder', { type: s.type }) };
  }
  // NPS determinate.
  const rosh = highestRoshBand(plan);
  if (rosh === 'high' || rosh === 'very_high') {
    return { owners: ['community_offender_manager'], why: why('whyNpsHighRosh', { rosh }) };
  }
  if (inCommunity) return { owners: ['community_offender_manager'], why: why('whyNpsCommunity') };
  if (longEnough === true && (rosh === 'low' || rosh === 'medium') && inCustody) {
    return {
      owners: ['prison_offender_manager'],
      why: why('whyNpsCustody', { min, rosh }),
    };
  }
  // Not enough recorded to choose between them, but an NPS case is never the CRC's.
  return { owners: ['prison_offender_manager', 'community_offender_manager'], why: why('whyNps') };
}

export const responsibility: Rule = {
  meta: withPolicyTexts({
    id: 'plan/responsibility',
    severity: 'error',
    policy: 'PSI 19/2014 para 1.9',
    description: '`team.plan_owner` is the role PSI 19/2014 makes responsible for the plan at its current stage, given the sentence, allocation, RoSH, setting and weeks to release.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      ...RESPONSIBILITY_MESSAGES,
      likelyNps:
        'The case is allocated to a CRC, but {cite} lists {sentence} among the cases the NPS plans (planlint\'s reading of 1.9): check the allocation, which is likely to be `nps`.',
      wrongOwner:
        'The plan owner is {owner}, but for {why} the plan belongs to {want} ({cite}). Check the allocation and set `plan_owner` accordingly.',
    },
    docs: {
      rationale:
        'PSI 19/2014 para 1.9 sets who produces the assessment and plan and oversees it, and who that is can change with the stage of the sentence:\n\n' +
        '- **Unpaid work only**: a community order or suspended sentence order whose single requirement is unpaid work is planned by the unpaid work provider (`plan_owner: unpaid_work_provider`), whatever the allocation.\n' +
        '- **CRC-allocated cases**: the CRC offender manager for community orders and suspended sentence orders, for short sentences and after release; for a determinate sentence of {{plan.responsibility_min_custodial_months|months}} or more the prison offender manager plans during custody, **except in the last {{review.crc_release_window.earliest_before_release}} before release**, when the CRC offender manager may prepare the plan for release (either is accepted then).\n' +
        '- **NPS-allocated cases**: the community offender manager for community orders and suspended sentence orders, IPP and extended determinate sentences, and determinate sentences with high or very high risk of serious harm (the highest of `rosh.overall` and every group); the prison offender manager for other determinate sentences of {{plan.responsibility_min_custodial_months|months}} or more during custody.\n' +
        '- **Life sentences**: the community offender manager produces the initial plan and the prison offender manager reviews it in custody, so either is accepted in custody; **after release only the community offender manager** (who completes the plan post-release).\n\n' +
        'IPP, extended and life sentences are listed by 1.9 among the NPS\'s cases: `allocation: crc` on one is reported on `sentence.allocation` as a likely wrong allocation (planlint\'s reading of 1.9). The rule is quiet when the plan does not record enough to tell (no sentence type, no allocation, or a case the table does not cover). The {{plan.responsibility_min_custodial_months|months}} and the {{review.crc_release_window.earliest_before_release}} are policy data (`plan.responsibility_min_custodial_months`, `review.crc_release_window`).',
      bad: 'sentence:\n  type: determinate\n  length_months: 36\n  allocation: nps\n  setting: custody\nassessment:\n  rosh: { overall: high }\nteam:\n  plan_owner: prison_offender_manager',
      good: 'sentence:\n  type: determinate\n  length_months: 36\n  allocation: nps\n  setting: custody\nassessment:\n  rosh: { overall: high }\nteam:\n  plan_owner: community_offender_manager',
    },
  }, defaultPolicy().policy),
  check(ctx) {
    const exp = expectedOwners(ctx.plan, ctx.policy, ctx.asOf);
    if (!exp) return;
    if (exp.wrongAllocation) {
      const t = ctx.plan.sentence?.type ?? '';
      ctx.report({
        path: ['sentence', 'allocation'],
        at: 'value',
        messageId: 'likelyNps',
        data: { sentence: { id: 'sentenceName', data: { type: t } } },
        cite: 'PSI 19/2014 para 1.9',
      });
    }
    const owner = ctx.plan.team?.plan_owner;
    if (!owner || exp.owners.includes(owner)) return;
    ctx.report({
      path: ['team', 'plan_owner'],
      at: 'value',
      messageId: 'wrongOwner',
      data: { owner: roleName(owner), why: exp.why, want: list(exp.owners.map(roleWithCode), 'or') },
      cite: 'PSI 19/2014 para 1.9',
    });
  },
};
