// review/significant-event: every significant event is reviewed within 4 weeks; a move to open conditions before it.
import { OBLIGATION_POLICY } from '../../engine/obligations.js';
import { obligationRule } from './support.js';

export const significantEvent = obligationRule({
  id: 'review/significant-event',
  policy: OBLIGATION_POLICY['review/significant-event'],
  description: 'Each significant event in `events` is followed by a review within 4 weeks; a move to open conditions is reviewed before the move.',
  docs: {
    rationale:
      'The assessment and plan must be reviewed whenever something significant changes: a transfer, release, recall, an objective achieved, a lack of progress, a change in risk, an approaching parole review (PSI 19/2014 paras 1.9, 2.17, mandatory). planlint expects a review (of any type) within 4 weeks of each event in `events`. A move to open conditions is different: it is reviewed **before** the move (PRT: OASys timelines), in the 8 weeks up to the day before it.\n\n' +
      'An event with no review in its window past the due date: error "overdue by N days" on the event\'s date. A review after the window: warning "done late" on that review. One review can answer several events in the same window. The quick fix adds a `significant_event` review dated on the due date for you to correct. The weeks are policy data (`policy.review.significant_event_weeks`, `policy.review.open_conditions`).',
    bad: 'events:\n  - { date: 2026-06-01, type: transfer_to_open_conditions }\nreviews:\n  - { date: 2026-06-02, type: significant_event }   # after the move',
    good: 'events:\n  - { date: 2026-06-01, type: transfer_to_open_conditions }\nreviews:\n  - { date: 2026-05-31, type: significant_event }',
  },
});
