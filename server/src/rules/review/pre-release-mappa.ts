// review/pre-release-mappa: MAPPA level 2 or 3, in custody: reviewed 6 months before release.
import { obligationRule } from './support.js';

export const preReleaseMappa = obligationRule({
  id: 'review/pre-release-mappa',
  severity: 'warning',
  description: 'A MAPPA level {{review.pre_release_mappa.mappa_levels}} case in custody is reviewed in the {{review.pre_release_mappa.window}} up to {{review.pre_release_mappa.due_before_release}} before release.',
  docs: {
    rationale:
      'Cases managed at MAPPA level {{review.pre_release_mappa.mappa_levels}} need their release planned earlier: the assessment is reviewed {{review.pre_release_mappa.due_before_release}} before release rather than in the last weeks (PRT: OASys timelines; PSI 19/2014 para 2.17). planlint treats any review in the {{review.pre_release_mappa.window}} up to that due date as meeting it (planlint\'s default window: PRT gives only the date).\n\n' +
      'Past the due date with none: warning "overdue by N days" on `sentence.release_date`; a review after the due date but before release: info "done late". It takes the place of the ordinary review {{range review.pre_release.window_opens_before_release review.pre_release.due_before_release|to}} before release (policy data `policy.review.pre_release.mappa_levels_instead`, levels {{review.pre_release.mappa_levels_instead|and}}). The quick fix adds a `pre_release` review dated on the due date for you to correct. The levels and intervals are policy data (`policy.review.pre_release_mappa`).',
    bad: 'sentence:\n  type: determinate\n  length_months: 60\n  sentenced_on: 2024-01-10\n  release_date: 2027-01-09   # MAPPA review due 2026-07-09\n  setting: custody\nassessment:\n  mappa: { category: 2, level: 2 }\nreviews:\n  - { date: 2024-03-05, type: initial }',
    good: 'sentence:\n  type: determinate\n  length_months: 60\n  sentenced_on: 2024-01-10\n  release_date: 2027-01-09\n  setting: custody\nassessment:\n  mappa: { category: 2, level: 2 }\nreviews:\n  - { date: 2024-03-05, type: initial }\n  - { date: 2026-06-20, type: pre_release }',
  },
});
