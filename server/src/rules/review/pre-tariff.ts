// review/pre-tariff: life/IPP with a PED, reviewed 2 years 24 weeks before the PED for the pre-tariff sift.
import { obligationRule } from './support.js';

export const preTariff = obligationRule({
  id: 'review/pre-tariff',
  severity: 'warning',
  description: 'Life and IPP sentences in custody are reviewed {{review.pre_tariff.due_before_ped}} before the parole eligibility date (pre-tariff sift); not owed when that date falls before sentencing, history once the PED has passed.',
  docs: {
    rationale:
      'For a life or IPP sentence the assessment is reviewed {{review.pre_tariff.due_before_ped|and}} before the parole eligibility date, in time for the pre-tariff sift (PRT: OASys timelines). planlint treats any review in the {{review.pre_tariff.window}} up to that due date as meeting it (planlint\'s default window: PRT gives only the date).\n\n' +
      'A short tariff can put that date before `sentence.sentenced_on`: then the review is not owed. Once the PED has passed, the sift is history and is not reported (the next parole review is `review/pre-parole`\'s). ' +
      'Past the due date with no review in the window: warning "overdue by N days" on `sentence.parole_eligibility_date`. A review after the due date (up to the PED) with none in the window: info "done late". The quick fix adds a `pre_tariff` review dated on the due date for you to correct. Intervals are policy data (`policy.review.pre_tariff`).',
    bad: 'sentence:\n  type: life\n  sentenced_on: 2016-01-10\n  parole_eligibility_date: 2029-01-15   # review due 2026-07-31\n  setting: custody\nreviews:\n  - { date: 2026-05-01, type: pre_tariff }   # before the window opens on 2026-06-05',
    good: 'sentence:\n  type: life\n  sentenced_on: 2016-01-10\n  parole_eligibility_date: 2029-01-15\n  setting: custody\nreviews:\n  - { date: 2026-07-01, type: pre_tariff }',
  },
});
