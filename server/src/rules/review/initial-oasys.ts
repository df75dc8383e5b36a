// review/initial-oasys: the first OASys assessment is done within 10 weeks of sentence (16 for life/IPP).
import { obligationRule } from './support.js';

export const initialOasys = obligationRule({
  id: 'review/initial-oasys',
  severity: 'warning',
  description: 'The initial OASys assessment is completed within {{review.initial_oasys.determinate.due_after_sentencing}} of sentence (determinate over {{review.initial_oasys.determinate.applies_over_months}} months) or {{review.initial_oasys.indeterminate.due_after_sentencing}} (life, IPP).',
  docs: {
    rationale:
      'A plan rests on an assessment of the person\'s risks and needs (PSI 19/2014 para 1.2). For a determinate or extended sentence of **more than** {{review.initial_oasys.determinate.applies_over_months}} months the initial OASys assessment is due {{review.initial_oasys.determinate.due_after_sentencing}} after sentencing (an extended sentence always qualifies: its custodial term is at least 4 years); for life and IPP sentences, {{review.initial_oasys.indeterminate.due_after_sentencing}} after (PRT: OASys timelines). A sentence of exactly {{review.initial_oasys.determinate.applies_over_months}} months has no such deadline.\n\n' +
      'The obligation is met by `assessment.oasys.completed_on`, or by any review in `reviews`, dated between sentencing and the due date. Past the due date with nothing recorded, the rule reports a warning "overdue by N days" on `sentence.sentenced_on`; a first assessment recorded after the due date is an info "done late" on that date.\n\n' +
      'The quick fix adds a `reviews` entry of type `initial` dated on the due date: it only saves typing, so change the date to the day the assessment was really completed. Intervals are policy data (`policy.review.initial_oasys`); see docs/reviews.md.',
    bad: 'sentence:\n  type: determinate\n  length_months: 18\n  sentenced_on: 2025-01-10\nassessment:\n  oasys: { completed_on: 2025-04-30 }   # due by 2025-03-21',
    good: 'sentence:\n  type: determinate\n  length_months: 18\n  sentenced_on: 2025-01-10\nassessment:\n  oasys: { completed_on: 2025-03-05 }',
  },
});
