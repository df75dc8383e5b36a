// review/periodic: in custody, the assessment is reviewed at least every 2 years (3 for life/IPP).
import { obligationRule } from './support.js';

export const periodic = obligationRule({
  id: 'review/periodic',
  severity: 'warning',
  description: 'In custody, the assessment and plan are reviewed at least every {{review.periodic.determinate.interval}} (determinate over {{review.periodic.determinate.applies_over_months}} months) or {{review.periodic.indeterminate.interval}} (life, IPP).',
  docs: {
    rationale:
      'The assessment and plan must be reviewed throughout the sentence (PSI 19/2014 para 1.2). While the person is in custody, a determinate sentence of **more than** {{review.periodic.determinate.applies_over_months}} months, and every extended sentence (its custodial term is at least 4 years), is reviewed at least every {{review.periodic.determinate.interval}}, and a life or IPP sentence at least every {{review.periodic.indeterminate.interval}} (PRT: OASys timelines). Exactly {{review.periodic.determinate.applies_over_months}} months has no periodic deadline.\n\n' +
      'Each review (of any type, including the initial OASys assessment) starts a new interval; the next review is due one interval later. For a determinate sentence an interval that would end on or after the release date is left to the pre-release review. With no review after the latest one past its due date, the rule reports "overdue by N days" on the latest review\'s date; a gap longer than the interval between two recorded reviews is reported "done late" on the later one.\n\n' +
      '"In custody" means `sentence.setting: custody`; when the setting is not recorded, a custodial sentence whose release date has not passed. The quick fix adds a `periodic` review dated on the due date for you to correct. Intervals are policy data (`policy.review.periodic`).',
    bad: 'sentence:\n  type: life\n  sentenced_on: 2019-01-10\n  setting: custody\nreviews:\n  - { date: 2019-04-01, type: initial }\n  - { date: 2022-10-01, type: periodic }   # more than 3 years after the last\n  - { date: 2025-06-01, type: periodic }',
    good: 'sentence:\n  type: life\n  sentenced_on: 2019-01-10\n  setting: custody\nreviews:\n  - { date: 2019-04-01, type: initial }\n  - { date: 2022-03-01, type: periodic }\n  - { date: 2025-02-01, type: periodic }',
  },
});
