// The review rules in the rule tester: plans that pass and plans that fail, asserting message ids,
// data and lines (not English). The English each id renders to is pinned once in review.test.ts
// and seeds.test.ts (byte-identical to the wording before message ids).
import { ruleTester } from '../tester.js';
import { crcReleaseWindow } from '../../../server/src/rules/review/crc-release-window.js';
import { initialOasys } from '../../../server/src/rules/review/initial-oasys.js';
import { periodic } from '../../../server/src/rules/review/periodic.js';
import { postRelease } from '../../../server/src/rules/review/post-release.js';
import { preParole } from '../../../server/src/rules/review/pre-parole.js';
import { preReleaseMappa } from '../../../server/src/rules/review/pre-release-mappa.js';
import { preRelease } from '../../../server/src/rules/review/pre-release.js';
import { preTariff } from '../../../server/src/rules/review/pre-tariff.js';
import { significantEvent } from '../../../server/src/rules/review/significant-event.js';
import { termination } from '../../../server/src/rules/review/termination.js';
import { planYaml } from './helpers.js';

// planYaml writes `sentence:` on line 3 and its keys from line 4 in the order given.
const DET = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };
const LIFE = { type: 'life', sentenced_on: '2020-01-10', parole_eligibility_date: '2030-06-15', setting: 'custody' };
const days = (n: number) => ({ id: 'common.days', data: { n } });
const weeks = (n: number) => ({ id: 'common.weeks', data: { n } });
const label = (id: string, extra: Record<string, unknown> = {}) => ({ id: `label_${id}`, data: { case: 'sentence', ...extra } });

ruleTester(preRelease).run({
  valid: [
    { name: "a review on the window's first day", plan: planYaml({ sentence: DET, reviews: [['2026-09-30', 'pre_release']] }) },
    { name: "a periodic review on the window's last day counts (any review brings OASys up to date)", plan: planYaml({ sentence: DET, reviews: [['2026-11-11', 'periodic']] }) },
    { name: 'on the due date nothing is reported yet', plan: planYaml({ sentence: DET }), asOf: '2026-11-11' },
    { name: 'MAPPA level 2: replaced by the review 6 months before', plan: planYaml({ sentence: DET, mappa: 2 }) },
    { name: 'released to the community', plan: planYaml({ sentence: { ...DET, setting: 'community' } }) },
  ],
  invalid: [
    {
      name: 'no review in the window: overdue on the release date',
      plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']] }),
      errors: [
        {
          messageId: 'overdue',
          line: 7,
          text: '2026-11-25',
          severity: 'warning',
          cite: 'PSI 19/2014 para 2.17; PRT: OASys timelines',
          data: {
            kind: label('pre_release'),
            days: days(12),
            due: '2026-11-11',
            basis: { id: 'basis_pre_release', data: { anchor: '2026-11-25', due_offset: weeks(2) } },
            what: { id: 'what', data: { what: 'any' } },
            from: '2026-09-30',
            to: '2026-11-11',
          },
        },
      ],
    },
    {
      name: 'a review the day before the window opens does not count',
      plan: planYaml({ sentence: DET, reviews: [['2026-09-29', 'pre_release']] }),
      errors: [{ messageId: 'overdue', data: { days: days(12) } }],
    },
    {
      name: 'a review after the due date: done late, one level lower, on that review',
      plan: planYaml({ sentence: DET, reviews: [['2026-11-20', 'pre_release']] }),
      errors: [{ messageId: 'late', line: 10, text: '2026-11-20', severity: 'info', data: { on: '2026-11-20', days: days(9), source: 'reviews' } }],
    },
    {
      name: 'the quick fix records the review (never fix-all)',
      plan: planYaml({ sentence: DET, planOwner: 'prison_offender_manager', reviews: [['2025-03-05', 'initial']] }),
      errors: [
        {
          messageId: 'overdue',
          suggestions: [planYaml({ sentence: DET, planOwner: 'prison_offender_manager', reviews: [['2025-03-05', 'initial']] }) + '  - { date: 2026-11-11, type: pre_release, by: prison_offender_manager }\n'],
        },
      ],
      output: null,
    },
  ],
});

ruleTester(initialOasys).run({
  valid: [
    { name: 'exactly 10 months has no deadline', plan: planYaml({ sentence: { ...DET, length_months: 10 } }), asOf: '2025-06-01' },
    { name: 'OASys completed on the due date', plan: planYaml({ sentence: { ...DET, length_months: 12 }, oasys: '2025-03-21' }), asOf: '2025-06-01' },
    { name: 'a community order has none', plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2025-01-10' } }), asOf: '2025-06-01' },
  ],
  invalid: [
    {
      name: '10.5 months, nothing recorded: overdue on the sentencing date',
      plan: planYaml({ sentence: { ...DET, length_months: 10.5 } }),
      asOf: '2025-06-01',
      errors: [{ messageId: 'overdue', line: 6, data: { kind: label('initial_oasys_determinate'), days: days(72), what: { id: 'what', data: { what: 'oasys' } } }, cite: 'PRT: OASys timelines' }],
    },
    {
      name: 'OASys completed a day late: done late on it',
      plan: planYaml({ sentence: { ...DET, length_months: 12 }, oasys: '2025-03-22' }),
      asOf: '2025-06-01',
      errors: [{ messageId: 'late', severity: 'info', text: '2025-03-22', data: { days: days(1), source: 'assessment' } }],
    },
    {
      name: 'life: 16 weeks after sentencing',
      plan: planYaml({ sentence: { ...LIFE, sentenced_on: '2025-01-10' } }),
      asOf: '2025-05-03',
      errors: [{ messageId: 'overdue', data: { kind: label('initial_oasys_indeterminate'), due: '2025-05-02', basis: { id: 'basis_initial_oasys_indeterminate', data: { due_offset: weeks(16) } } } }],
    },
  ],
});

ruleTester(periodic).run({
  valid: [
    { name: 'exactly 24 months: no periodic deadline', plan: planYaml({ sentence: { ...DET, release_date: '2032-01-01', length_months: 24 }, reviews: [['2025-03-05', 'initial']] }), asOf: '2027-04-01' },
    { name: 'an interval ending after release is left to the pre-release review', plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']] }), asOf: '2026-01-01' },
    { name: 'in the community: none', plan: planYaml({ sentence: { ...LIFE, setting: 'community' }, reviews: [['2020-04-01', 'initial']] }), asOf: '2026-01-01' },
  ],
  invalid: [
    {
      name: '25 months: due 2 years after the latest review, on that review',
      plan: planYaml({ sentence: { ...DET, release_date: '2032-01-01', length_months: 25 }, reviews: [['2025-03-05', 'initial']] }),
      asOf: '2027-04-01',
      errors: [{ messageId: 'overdue', line: 10, text: '2025-03-05', data: { days: days(27), basis: { id: 'basis_periodic_determinate', data: { anchor: '2025-03-05', due_offset: { id: 'common.years', data: { n: 2 } } } } } }],
    },
    {
      name: 'a gap longer than 3 years between reviews (life): done late on the later one',
      plan: planYaml({ sentence: LIFE, reviews: [['2020-04-01', 'initial'], ['2023-04-02', 'periodic']] }),
      asOf: '2024-01-01',
      errors: [{ messageId: 'late', line: 10, severity: 'info', data: { due: '2023-04-01', on: '2023-04-02', days: days(1) } }],
    },
  ],
});

ruleTester(preTariff).run({
  valid: [
    { name: 'a review on the first day of the 8-week window', plan: planYaml({ sentence: LIFE, reviews: [['2027-11-04', 'periodic']] }), asOf: '2028-01-01' },
    { name: 'a short tariff puts the sift before sentencing: not owed', plan: planYaml({ sentence: { type: 'life', sentenced_on: '2025-10-01', parole_eligibility_date: '2028-03-01', setting: 'custody' } }) },
    { name: 'the PED has passed: history', plan: planYaml({ sentence: { type: 'life', sentenced_on: '2002-05-10', parole_eligibility_date: '2014-08-01', setting: 'custody' }, reviews: [['2025-06-01', 'periodic']] }) },
  ],
  invalid: [
    {
      name: 'due 2 years 24 weeks before the PED, reported on the PED',
      plan: planYaml({ sentence: LIFE, reviews: [['2027-11-03', 'pre_tariff']] }),
      asOf: '2028-01-01',
      errors: [
        {
          messageId: 'overdue',
          line: 6,
          text: '2030-06-15',
          cite: 'PRT: OASys timelines, pre-tariff sift',
          data: { due: '2027-12-30', from: '2027-11-04', basis: { id: 'basis_pre_tariff', data: { due_offset: { id: 'durationJoin', data: { a: { id: 'common.years', data: { n: 2 } }, b: weeks(24) } } } } },
        },
      ],
    },
  ],
});

ruleTester(preParole).run({
  valid: [
    { name: 'nothing before the due date', plan: planYaml({ sentence: LIFE }), asOf: '2029-12-29' },
    { name: 'a determinate sentence has no pre-parole review', plan: planYaml({ sentence: { ...LIFE, type: 'determinate', length_months: 48 } }), asOf: '2030-01-01' },
  ],
  invalid: [
    {
      name: 'extended sentence with a PED: 24 weeks before it (PSI 2.17)',
      plan: planYaml({ sentence: { ...LIFE, type: 'extended_determinate' } }),
      asOf: '2030-01-01',
      errors: [{ messageId: 'overdue', line: 6, data: { kind: label('pre_parole_extended'), days: days(3), due: '2029-12-29' } }],
    },
    {
      name: 'a review after the due date but before the PED: done late',
      plan: planYaml({ sentence: LIFE, reviews: [['2027-12-01', 'pre_tariff'], ['2030-01-05', 'pre_parole']] }),
      asOf: '2030-02-01',
      errors: [{ messageId: 'late', severity: 'info', data: { on: '2030-01-05', days: days(7) } }],
    },
    {
      name: 'PED passed: the next parole review drives it, on next_parole_review',
      plan: planYaml({ sentence: { type: 'life', sentenced_on: '2002-05-10', parole_eligibility_date: '2014-08-01', setting: 'custody', next_parole_review: '2027-03-01' }, reviews: [['2025-06-01', 'periodic']] }),
      asOf: '2026-09-15',
      errors: [{ messageId: 'overdue', line: 8, text: '2027-03-01', data: { kind: label('pre_parole_next_review'), basis: { id: 'basis_pre_parole_next_review' } } }],
    },
  ],
});

ruleTester(preReleaseMappa).run({
  valid: [
    { name: 'MAPPA level 1: not this review', plan: planYaml({ sentence: { ...DET, release_date: '2027-01-09' }, mappa: 1 }), asOf: '2026-07-10' },
    { name: 'level 3, a review on the first day of the window', plan: planYaml({ sentence: { ...DET, release_date: '2027-01-09' }, mappa: 3, reviews: [['2026-05-14', 'pre_release']] }), asOf: '2026-07-10' },
  ],
  invalid: [
    {
      name: 'level 2: due 6 months before release',
      plan: planYaml({ sentence: { ...DET, release_date: '2027-01-09' }, mappa: 2 }),
      asOf: '2026-07-10',
      errors: [{ messageId: 'overdue', line: 7, data: { days: days(1), due: '2026-07-09', from: '2026-05-14', basis: { id: 'basis_pre_release_mappa', data: { mappa_level: 2, due_offset: { id: 'common.months', data: { n: 6 } } } } } }],
    },
  ],
});

ruleTester(significantEvent).run({
  valid: [
    { name: 'a later review followed the transfer (history)', plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial'], ['2026-05-01', 'periodic']], events: [['2026-01-10', 'transfer']] }) },
    { name: 'a review on the day of the event', plan: planYaml({ sentence: DET, reviews: [['2026-01-10', 'significant_event']], events: [['2026-01-10', 'transfer']] }) },
    { name: 'a review the day before a move to open conditions', plan: planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']], reviews: [['2026-05-31', 'significant_event']] }), asOf: '2026-07-01' },
    { name: 'not yet 4 weeks after the event', plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']], events: [['2026-01-10', 'transfer']] }), asOf: '2026-02-07' },
  ],
  invalid: [
    {
      name: "a transfer with no review after it, once planlint's default 4 weeks have passed",
      plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']], events: [['2026-01-10', 'transfer']] }),
      asOf: '2026-02-08',
      errors: [{ messageId: 'missingSince', line: 12, severity: 'error', cite: 'PSI 19/2014 paras 1.9, 2.17', data: { kind: label('significant_event', { event: { id: 'event_transfer' } }), since: 'event', from: '2026-01-10', weeks: weeks(4) } }],
    },
    {
      name: 'a move to open conditions reviewed too early: a warning with the latest review and the default window',
      plan: planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']], reviews: [['2026-03-02', 'periodic'], ['2026-06-02', 'significant_event']] }),
      asOf: '2026-07-01',
      errors: [{ messageId: 'notBefore', severity: 'warning', cite: 'PRT: OASys timelines', data: { move: '2026-06-01', last: { id: 'lastBefore', data: { date: '2026-03-02', weeks: weeks(13), window: weeks(8) } } } }],
    },
    {
      name: 'a move to open conditions with no review before it, from the day of the move',
      plan: planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']] }),
      asOf: '2026-06-01',
      errors: [{ messageId: 'notBefore', data: { last: { id: 'noneBefore' } } }],
    },
  ],
});

ruleTester(termination).run({
  valid: [
    { name: 'a termination review 8 weeks before the end', plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-08-06', 'termination']] }) },
    { name: 'nothing before the end date passes', plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' } }), asOf: '2026-10-01' },
  ],
  invalid: [
    {
      name: 'a periodic review near the end does not count',
      plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-09-01', 'periodic']] }),
      errors: [{ messageId: 'overdue', line: 6, severity: 'error', cite: 'PSI 19/2014 para 2.21', data: { days: days(53), what: { id: 'what', data: { what: 'termination' } }, basis: { id: 'basis_termination', data: { window: weeks(8) } } } }],
    },
  ],
});

ruleTester(postRelease).run({
  valid: [
    { name: 'a review after release', plan: planYaml({ sentence: { type: 'determinate', length_months: 18, release_date: '2026-09-01', allocation: 'crc', setting: 'community' }, reviews: [['2026-08-10', 'pre_release'], ['2026-09-15', 'significant_event']] }) },
    { name: 'an NPS determinate case is not judged here', plan: planYaml({ sentence: { type: 'determinate', length_months: 18, release_date: '2026-09-01', allocation: 'nps', setting: 'community' }, reviews: [['2026-08-10', 'pre_release']] }) },
  ],
  invalid: [
    {
      name: "a CRC case with no review since release, after planlint's default 4 weeks",
      plan: planYaml({ sentence: { type: 'determinate', length_months: 18, release_date: '2026-09-01', allocation: 'crc', setting: 'community' }, reviews: [['2026-08-10', 'pre_release']] }),
      errors: [{ messageId: 'missingSince', line: 6, data: { kind: label('post_release'), since: 'release', from: '2026-09-01', weeks: weeks(4) } }],
    },
  ],
});

ruleTester(crcReleaseWindow).run({
  valid: [
    { name: 'exactly 12 weeks before release', plan: planYaml({ sentence: { ...DET, length_months: 18, allocation: 'crc' }, reviews: [['2026-09-02', 'pre_release']] }), asOf: '2026-10-01' },
    { name: 'an NPS case', plan: planYaml({ sentence: { ...DET, length_months: 18, allocation: 'nps' }, reviews: [['2026-09-01', 'pre_release']] }), asOf: '2026-10-01' },
    { name: 'a periodic review is not the plan for release', plan: planYaml({ sentence: { ...DET, length_months: 18, allocation: 'crc' }, reviews: [['2026-09-01', 'periodic']] }), asOf: '2026-10-01' },
  ],
  invalid: [
    {
      name: 'a pre-release review a day before the 12-week window',
      plan: planYaml({ sentence: { ...DET, length_months: 18, allocation: 'crc' }, reviews: [['2026-09-01', 'pre_release']] }),
      asOf: '2026-10-01',
      errors: [{ messageId: 'tooEarly', line: 11, text: '2026-09-01', cite: 'PSI 19/2014 para 1.9', data: { date: '2026-09-01', days: days(1), limit: weeks(12), release: '2026-11-25', earliest: '2026-09-02' } }],
    },
  ],
});
