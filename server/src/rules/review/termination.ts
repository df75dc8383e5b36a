// review/termination: a termination review at the end of the sentence.
import { obligationRule } from './support.js';

export const termination = obligationRule({
  id: 'review/termination',
  severity: 'error',
  description: 'Once the sentence end date has passed, a review of type `termination` is recorded in the {{review.termination.window_opens_before_end}} up to it.',
  docs: {
    rationale:
      'A termination review must always take place at the end of the sentence, looking back at the progress made and forward at how the person can keep it up (PSI 19/2014 para 2.21, mandatory). It is due on `sentence.sentence_end_date` and planlint accepts one from {{review.termination.window_opens_before_end}} before that date (planlint\'s default window: the PSI gives none).\n\n' +
      'Only a review of `type: termination` counts: an ordinary review near the end does not assess the whole sentence. Past the end date with none in the window: error "overdue by N days"; a termination review after the end date: warning "done late". The quick fix adds a `termination` review dated on the end date for you to correct. The window is policy data (`policy.review.termination`).',
    bad: 'sentence:\n  type: community_order\n  sentenced_on: 2024-10-01\n  sentence_end_date: 2026-10-01\nreviews:\n  - { date: 2024-11-01, type: initial }\n  - { date: 2026-09-01, type: periodic }',
    good: 'sentence:\n  type: community_order\n  sentenced_on: 2024-10-01\n  sentence_end_date: 2026-10-01\nreviews:\n  - { date: 2024-11-01, type: initial }\n  - { date: 2026-09-20, type: termination }',
  },
});
