// review/pre-parole: life/IPP with a PED, reviewed 24 weeks before the PED.
import { OBLIGATION_POLICY } from '../../engine/obligations.js';
import { obligationRule } from './support.js';

export const preParole = obligationRule({
  id: 'review/pre-parole',
  policy: OBLIGATION_POLICY['review/pre-parole'],
  description: 'Life and IPP sentences in custody are reviewed in the 8 weeks up to 24 weeks before the parole eligibility date.',
  docs: {
    rationale:
      'The assessment and plan are reviewed when a parole review approaches (PSI 19/2014 para 2.17): for a life or IPP sentence, 24 weeks before the parole eligibility date (PRT: OASys timelines), so the Parole Board sees a current assessment. planlint treats any review in the 8 weeks up to that due date as meeting it.\n\n' +
      'Past the due date with none: error "overdue by N days" on `sentence.parole_eligibility_date`; a review after the due date but before the PED: warning "done late". The quick fix adds a `pre_parole` review dated on the due date for you to correct. Intervals are policy data (`policy.review.pre_parole`).',
    bad: 'sentence:\n  type: ipp\n  sentenced_on: 2012-01-10\n  parole_eligibility_date: 2027-03-01   # review due 2026-09-14\n  setting: custody\nreviews:\n  - { date: 2025-01-15, type: periodic }',
    good: 'sentence:\n  type: ipp\n  sentenced_on: 2012-01-10\n  parole_eligibility_date: 2027-03-01\n  setting: custody\nreviews:\n  - { date: 2025-01-15, type: periodic }\n  - { date: 2026-09-01, type: pre_parole }',
  },
});
