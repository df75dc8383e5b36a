// review/pre-parole: life/IPP with a PED, reviewed 24 weeks before the PED.
import { obligationRule } from './support.js';

export const preParole = obligationRule({
  id: 'review/pre-parole',
  severity: 'warning',
  description: 'Life, IPP and extended sentences in custody are reviewed {{review.pre_parole.due_before_ped}} before the parole eligibility date, or before `next_parole_review` once the PED has passed.',
  docs: {
    rationale:
      'The assessment and plan are reviewed when a parole review approaches (PSI 19/2014 para 2.17): for a life or IPP sentence, {{review.pre_parole.due_before_ped}} before the parole eligibility date (PRT: OASys timelines), so the Parole Board sees a current assessment. An extended sentence with a PED approaches a parole review too; the PRT gives its 24 weeks for indeterminate sentences only, so for extended sentences the {{review.pre_parole.extended_due_before_ped}} are planlint\'s default. planlint treats any review in the {{review.pre_parole.window}} up to the due date as meeting it (planlint\'s default window).\n\n' +
      'Once the PED has passed, the review before it is history (still judged for planlint\'s default of {{review.pre_parole.ped_history_after}} after the PED, then not reported), and `sentence.next_parole_review` drives the next one: due {{review.pre_parole.next_review_due_before}} before it (planlint\'s default). With the PED passed and no next parole review recorded, nothing is reported.\n\n' +
      'Past the due date with none: warning "overdue by N days" on `sentence.parole_eligibility_date` (or `next_parole_review`); a review after the due date but before the parole review: info "done late". The quick fix adds a `pre_parole` review dated on the due date for you to correct. Intervals are policy data (`policy.review.pre_parole`).',
    bad: 'sentence:\n  type: ipp\n  sentenced_on: 2012-01-10\n  parole_eligibility_date: 2027-03-01   # review due 2026-09-14\n  setting: custody\nreviews:\n  - { date: 2025-01-15, type: periodic }',
    good: 'sentence:\n  type: ipp\n  sentenced_on: 2012-01-10\n  parole_eligibility_date: 2027-03-01\n  setting: custody\nreviews:\n  - { date: 2025-01-15, type: periodic }\n  - { date: 2026-09-01, type: pre_parole }',
  },
});
