// review/pre-release-mappa: MAPPA level 2 or 3, in custody: reviewed 6 months before release.
import { OBLIGATION_POLICY } from '../../engine/obligations.js';
import { obligationRule } from './support.js';

export const preReleaseMappa = obligationRule({
  id: 'review/pre-release-mappa',
  severity: 'warning',
  policy: OBLIGATION_POLICY['review/pre-release-mappa'],
  description: 'A MAPPA level 2 or 3 case in custody is reviewed in the 8 weeks up to 6 months before release.',
  docs: {
    rationale:
      'Cases managed at MAPPA level 2 or 3 need their release planned earlier: the assessment is reviewed 6 months before release rather than in the last weeks (PRT: OASys timelines; PSI 19/2014 para 2.17). planlint treats any review in the 8 weeks up to that due date as meeting it (planlint\'s default window: PRT gives only the date).\n\n' +
      'Past the due date with none: warning "overdue by N days" on `sentence.release_date`; a review after the due date but before release: info "done late". It takes the place of the ordinary review 8 to 2 weeks before release (policy data `policy.review.pre_release.mappa_levels_instead`, default levels 2 and 3). The quick fix adds a `pre_release` review dated on the due date for you to correct. The levels and intervals are policy data (`policy.review.pre_release_mappa`).',
    bad: 'sentence:\n  type: determinate\n  length_months: 60\n  sentenced_on: 2024-01-10\n  release_date: 2027-01-09   # MAPPA review due 2026-07-09\n  setting: custody\nassessment:\n  mappa: { category: 2, level: 2 }\nreviews:\n  - { date: 2024-03-05, type: initial }',
    good: 'sentence:\n  type: determinate\n  length_months: 60\n  sentenced_on: 2024-01-10\n  release_date: 2027-01-09\n  setting: custody\nassessment:\n  mappa: { category: 2, level: 2 }\nreviews:\n  - { date: 2024-03-05, type: initial }\n  - { date: 2026-06-20, type: pre_release }',
  },
});
