// review/crc-release-window: for CRC-allocated custody cases, the pre-release plan review is
// not earlier than 12 weeks before release (PSI 19/2014 para 1.9).
import { crcPlanWindow, reviewRecords } from '../../engine/obligations.js';
import { durationMsg } from './support.js';
import { daysBetween } from '../../engine/dates.js';
import type { Rule } from '../../engine/rule.js';
import { withPolicyTexts } from '../../docs/policyText.js';
import { defaultPolicy } from '../../policy/index.js';

export const crcReleaseWindow: Rule = {
  meta: withPolicyTexts({
    id: 'review/crc-release-window',
    severity: 'error',
    policy: 'PSI 19/2014 para 1.9',
    description: 'For a CRC-allocated case in custody, a pre-release plan review is not dated earlier than {{review.crc_release_window.earliest_before_release}} before release.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      tooEarly:
        'The pre-release plan review on {date, date} is {days} too early: for a CRC-allocated case the plan for release is prepared ' +
        'no earlier than {limit} before release on {release, date}, i.e. from {earliest, date} ({cite}). Review the plan again between {earliest, date} and the release date.',
      relatedRelease: 'Release on {release, date}.',
    },
    docs: {
      rationale:
        'When a CRC-allocated person is due to be released from custody to supervision, the CRC offender manager prepares the plan for release no more than {{review.crc_release_window.earliest_before_release}} before the release date and completes it after release (PSI 19/2014 para 1.9, mandatory). A plan prepared earlier is likely to be out of date by release.\n\n' +
        'The rule looks at every `reviews` entry of `type: pre_release` in a case with `sentence.allocation: crc` that is in custody and has a `release_date`, and reports one dated before the window opens. Review the plan again inside the window (the `review/pre-release` rule says when it is due). The {{review.crc_release_window.earliest_before_release}} are policy data (`policy.review.crc_release_window`).',
      bad: 'sentence:\n  type: determinate\n  length_months: 18\n  sentenced_on: 2025-12-01\n  release_date: 2026-11-25\n  allocation: crc\n  setting: custody\nreviews:\n  - { date: 2026-08-01, type: pre_release }   # window opens 2026-09-02',
      good: 'sentence:\n  type: determinate\n  length_months: 18\n  sentenced_on: 2025-12-01\n  release_date: 2026-11-25\n  allocation: crc\n  setting: custody\nreviews:\n  - { date: 2026-10-15, type: pre_release }',
    },
  }, defaultPolicy().policy),
  check(ctx) {
    const w = crcPlanWindow(ctx.plan, ctx.asOf, ctx.policy);
    if (!w) return;
    for (const r of reviewRecords(ctx.plan, ctx.asOf)) {
      if (r.type !== 'pre_release' || r.date >= w.earliest) continue;
      const early = daysBetween(r.date, w.earliest);
      ctx.report({
        path: r.datePath,
        at: 'value',
        messageId: 'tooEarly',
        data: { date: r.date, days: { id: 'common.days', data: { n: early } }, limit: durationMsg(w.limit), release: w.release, earliest: w.earliest },
        cite: 'PSI 19/2014 para 1.9',
        related: [{ path: ['sentence', 'release_date'], at: 'value', message: { id: 'relatedRelease', data: { release: w.release } } }],
      });
    }
  },
};
