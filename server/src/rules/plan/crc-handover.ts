// plan/crc-handover: a CRC case in custody near release records the handover to the home CRC (PSI 19/2014 para 2.18, mandatory).
import { withPolicyTexts } from '../../docs/policyText.js';
import { defaultPolicy } from '../../policy/index.js';
import { addDuration, inCustody } from '../../engine/obligations.js';
import type { Rule } from '../../engine/rule.js';
import { duration, JOIN_MESSAGES } from './support.js';

export const crcHandover: Rule = {
  meta: withPolicyTexts({
    id: 'plan/crc-handover',
    severity: 'error',
    policy: 'PSI 19/2014 paras 1.9, 2.18',
    description: 'A CRC-allocated case in custody within {{review.crc_release_window.earliest_before_release}} of release records the handover from the offender supervisor to the home CRC offender manager (`handover.completed_on`).',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      ...JOIN_MESSAGES,
      missing:
        'Release on {release, date} is within {window} and the case is allocated to a CRC, but no handover to the home CRC\'s offender manager is recorded. There must be one before release ({cite}): record it in `handover.completed_on`.',
    },
    docs: {
      rationale:
        'When a prisoner allocated to a CRC is to be released, there must be a handover between the offender supervisor in custody and the offender manager of the home CRC, to support planning for release (PSI 19/2014 para 2.18, mandatory). It may be in person, by video or telephone, or in writing. The CRC prepares the plan for release in the last {{review.crc_release_window.earliest_before_release}} before it (para 1.9), so from {{review.crc_release_window.earliest_before_release}} before `sentence.release_date` a CRC-allocated case in custody records the handover in `handover.completed_on`. The {{review.crc_release_window.earliest_before_release}} are policy data (`review.crc_release_window`).',
      bad: 'sentence:\n  type: determinate\n  length_months: 18\n  release_date: 2027-01-20\n  allocation: crc\n  setting: custody',
      good: 'sentence:\n  type: determinate\n  length_months: 18\n  release_date: 2027-01-20\n  allocation: crc\n  setting: custody\nhandover:\n  completed_on: 2026-11-10\n  with: crc_offender_manager',
    },
  }, defaultPolicy().policy),
  check(ctx) {
    const s = ctx.plan.sentence;
    if (s?.allocation !== 'crc' || !s.release_date || !inCustody(ctx.plan, ctx.asOf)) return;
    const d = ctx.policy.review.crc_release_window.earliest_before_release;
    const from = addDuration(s.release_date, d, -1);
    if (ctx.asOf < from || ctx.plan.handover?.completed_on) return;
    ctx.report({
      path: ['sentence', 'release_date'],
      at: 'value',
      messageId: 'missing',
      data: { release: s.release_date, window: duration(d) },
      cite: 'PSI 19/2014 para 2.18',
    });
  },
};
