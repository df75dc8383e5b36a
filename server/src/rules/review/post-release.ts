// review/post-release: a CRC or life case released to the community has a review after release (PSI 19/2014 para 1.9).
import { obligationRule } from './support.js';

export const postRelease = obligationRule({
  id: 'review/post-release',
  severity: 'warning',
  description: 'A CRC or life case released to the community has a review after release (reported after planlint\'s default of {{review.post_release.within}}).',
  docs: {
    rationale:
      'For CRC cases the plan for release is prepared before release and completed after it; for life sentences the community offender manager prepares it before release and completes it post-release (PSI 19/2014 para 1.9). A released case (`sentence.setting: community`, `release_date` passed) that is CRC-allocated or serving a life sentence therefore has a review dated on or after the release date.\n\n' +
      'The PSI gives no number of weeks: planlint reports the missing review once **planlint\'s default of {{review.post_release.within}}** after release has passed (policy data `policy.review.post_release.within`), and says so; it never says "overdue by N days". A `release` event in `events` of such a case is judged here, not by `review/significant-event`. The quick fix adds a review entry for you to date.',
    bad: 'sentence:\n  type: determinate\n  length_months: 18\n  release_date: 2026-09-01\n  allocation: crc\n  setting: community\nreviews:\n  - { date: 2026-08-10, type: pre_release }',
    good: 'sentence:\n  type: determinate\n  length_months: 18\n  release_date: 2026-09-01\n  allocation: crc\n  setting: community\nreviews:\n  - { date: 2026-08-10, type: pre_release }\n  - { date: 2026-09-15, type: significant_event, reason: plan completed after release }',
  },
});
