// review/significant-event: an event with no review after it (planlint's default: reported after 4 weeks); a move to open conditions reviewed before it.
import { obligationRule } from './support.js';

export const significantEvent = obligationRule({
  id: 'review/significant-event',
  severity: 'error',
  description: 'A significant event (or an objective achieved since the latest review) with no review after it; a move to open conditions with no review before it.',
  docs: {
    rationale:
      'The assessment and plan must be reviewed whenever something significant changes: a transfer, release, recall, an objective achieved, a lack of progress, a change in risk, an approaching parole review (PSI 19/2014 paras 1.9, 2.17, mandatory). The PSI gives no number of weeks, so planlint reports only an event **with no review after it**, once **planlint\'s default of {{review.significant_event_weeks|weeks}}** has passed (policy data `policy.review.significant_event_weeks`). An event that a later review followed is met, however long after: history is shown in the timeline, not reported. The message says what is missing and that the {{review.significant_event_weeks|weeks}} are planlint\'s default; it never says "overdue by N days".\n\n' +
      'An objective recorded `status: achieved` with an `achieved_on` date after the latest review is a significant event like any in `events` (PSI 2.17: "one or more objectives in the plan has been achieved"), reported on its `achieved_on`.\n\n' +
      'A move to open conditions is different: it is reviewed **before** the move (PRT: OASys timelines). How long before counts is again planlint\'s default, {{review.open_conditions.window_before_move}} (`policy.review.open_conditions`); that case is a warning (PRT\'s "should"), and the message gives the date of the latest review before the move and the default window. ' +
      'A CRC or life case\'s release is judged by `review/post-release` instead. The quick fix adds a `significant_event` review for you to date.',
    bad: 'events:\n  - { date: 2026-06-01, type: transfer_to_open_conditions }\nreviews:\n  - { date: 2026-06-02, type: significant_event }   # after the move',
    good: 'events:\n  - { date: 2026-06-01, type: transfer_to_open_conditions }\nreviews:\n  - { date: 2026-05-31, type: significant_event }',
  },
});
