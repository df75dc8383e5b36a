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
// The seeds' cases (issue 11): PRT "OASys timelines", PSI 19/2014 paras 1.9, 2.17.
const SIFT_LIFE = (sentenced_on: string) => ({ type: 'life', sentenced_on, parole_eligibility_date: '2028-03-01', setting: 'custody' });
const LIFER = { type: 'life', sentenced_on: '2002-05-10', parole_eligibility_date: '2014-08-01', setting: 'custody' };
const MAPPA_DET = { type: 'determinate', length_months: 60, sentenced_on: '2023-01-10', release_date: '2027-01-09', setting: 'custody' };
const EDS = { type: 'extended_determinate', sentenced_on: '2021-03-01', parole_eligibility_date: '2027-09-01', setting: 'custody' };
const OBJ_BASE = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2027-11-25', setting: 'custody' };
const objAchieved = (achieved_on: string) => `objectives:\n  - { id: OBJ-2, status: achieved, achieved_on: ${achieved_on} }`;
const CRC_OUT = { type: 'determinate', length_months: 18, sentenced_on: '2026-01-05', release_date: '2026-09-01', allocation: 'crc', setting: 'community' };
const BOTH_MAPPA = 'policy:\n  review:\n    pre_release:\n      mappa_levels_instead: []\n';
const days = (n: number) => ({ id: 'common.days', data: { n } });
const weeks = (n: number) => ({ id: 'common.weeks', data: { n } });
const label = (id: string, extra: Record<string, unknown> = {}) => ({ id: `label_${id}`, data: { case: 'sentence', ...extra } });

ruleTester(preRelease).run({
  valid: [
    { name: 'MAPPA level 2 with the 6-month review held: nothing owed for the last weeks', plan: planYaml({ sentence: MAPPA_DET, mappa: 2, reviews: [['2026-06-20', 'pre_release']] }), asOf: '2027-01-05' },
    { name: "a review on the window's first day", plan: planYaml({ sentence: DET, reviews: [['2026-09-30', 'pre_release']] }) },
    { name: "a periodic review on the window's last day counts (any review brings OASys up to date)", plan: planYaml({ sentence: DET, reviews: [['2026-11-11', 'periodic']] }) },
    { name: 'on the due date nothing is reported yet', plan: planYaml({ sentence: DET }), asOf: '2026-11-11' },
    { name: 'MAPPA level 2: replaced by the review 6 months before', plan: planYaml({ sentence: DET, mappa: 2 }) },
    { name: 'released to the community', plan: planYaml({ sentence: { ...DET, setting: 'community' } }) },
  ],
  invalid: [
    {
      name: 'MAPPA level 1: the ordinary pre-release review is owed',
      plan: planYaml({ sentence: MAPPA_DET, mappa: 1, reviews: [['2026-06-20', 'pre_release']] }),
      asOf: '2027-01-05',
      errors: [{ messageId: 'overdue', line: 7 }],
    },
    {
      name: 'a policy team can require both (pre_release.mappa_levels_instead: [])',
      plan: planYaml({ sentence: MAPPA_DET, mappa: 2, reviews: [['2026-06-20', 'pre_release']] }),
      asOf: '2027-01-05',
      config: BOTH_MAPPA,
      errors: [{ messageId: 'overdue', data: { due: '2026-12-26' } }],
    },
    {
      name: 'the day after the due date: overdue by 1 day',
      plan: planYaml({ sentence: DET }),
      asOf: '2026-11-12',
      errors: [{ messageId: 'overdue', data: { days: days(1) }, suggestions: [planYaml({ sentence: DET }) + 'reviews:\n  - date: 2026-11-11\n    type: pre_release\n'] }],
    },
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
    { name: 'extended sentence reviewed within 2 years', plan: planYaml({ sentence: EDS, reviews: [['2024-01-15', 'periodic'], ['2026-01-10', 'periodic']] }) },
    { name: 'leap day: a review on 2028-02-29 is due again on 2030-02-28', plan: planYaml({ sentence: { ...DET, release_date: '2035-01-01', length_months: 120 }, reviews: [['2028-02-29', 'periodic']] }), asOf: '2030-02-28' },
    { name: 'exactly 24 months: no periodic deadline', plan: planYaml({ sentence: { ...DET, release_date: '2032-01-01', length_months: 24 }, reviews: [['2025-03-05', 'initial']] }), asOf: '2027-04-01' },
    { name: 'an interval ending after release is left to the pre-release review', plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']] }), asOf: '2026-01-01' },
    { name: 'in the community: none', plan: planYaml({ sentence: { ...LIFE, setting: 'community' }, reviews: [['2020-04-01', 'initial']] }), asOf: '2026-01-01' },
  ],
  invalid: [
    {
      name: 'extended sentences join the 2-yearly review whatever the recorded length',
      plan: planYaml({ sentence: EDS, reviews: [['2024-01-15', 'periodic']] }),
      errors: [{ messageId: 'overdue', data: { due: '2026-01-15', basis: { id: 'basis_periodic_determinate', data: { anchor: '2024-01-15' } } } }],
    },
    {
      name: 'leap day: the day after 2030-02-28 it is overdue by 1 day',
      plan: planYaml({ sentence: { ...DET, release_date: '2035-01-01', length_months: 120 }, reviews: [['2028-02-29', 'periodic']] }),
      asOf: '2030-03-01',
      errors: [{ messageId: 'overdue', data: { due: '2030-02-28', days: days(1) } }],
    },
    {
      name: 'life: the fix records a periodic review',
      plan: planYaml({ sentence: LIFE, reviews: [['2020-04-01', 'initial']] }),
      asOf: '2023-05-01',
      errors: [{ messageId: 'overdue', suggestions: [planYaml({ sentence: LIFE, reviews: [['2020-04-01', 'initial']] }) + '  - { date: 2023-04-01, type: periodic }\n'] }],
    },
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
    { name: 'sentenced after the sift date: not owed', plan: planYaml({ sentence: SIFT_LIFE('2025-10-01') }) },
    { name: 'edge: sentenced the day after the sift date: not owed', plan: planYaml({ sentence: SIFT_LIFE('2025-09-15') }) },
    { name: 'a review on the first day of the 8-week window', plan: planYaml({ sentence: LIFE, reviews: [['2027-11-04', 'periodic']] }), asOf: '2028-01-01' },
    { name: 'a short tariff puts the sift before sentencing: not owed', plan: planYaml({ sentence: { type: 'life', sentenced_on: '2025-10-01', parole_eligibility_date: '2028-03-01', setting: 'custody' } }) },
    { name: 'the PED has passed: history', plan: planYaml({ sentence: { type: 'life', sentenced_on: '2002-05-10', parole_eligibility_date: '2014-08-01', setting: 'custody' }, reviews: [['2025-06-01', 'periodic']] }) },
  ],
  invalid: [
    {
      name: 'edge: sentenced on the sift date itself: owed (and overdue here)',
      plan: planYaml({ sentence: SIFT_LIFE('2025-09-14') }),
      errors: [{ messageId: 'overdue', data: { due: '2025-09-14' } }],
    },
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
    { name: 'a lifer with a PED years ago and no next parole review: nothing (no "overdue by 4,447 days")', plan: planYaml({ sentence: LIFER, reviews: [['2025-06-01', 'periodic']] }) },
    { name: 'with a next parole review: not before its due date', plan: planYaml({ sentence: { ...LIFER, next_parole_review: '2027-03-01' }, reviews: [['2025-06-01', 'periodic']] }), asOf: '2026-09-14' },
    { name: 'with a next parole review: a review in the window', plan: planYaml({ sentence: { ...LIFER, next_parole_review: '2027-03-01' }, reviews: [['2026-07-20', 'pre_parole']] }), asOf: '2026-09-15' },
    { name: 'edge: a PED passed more than 24 weeks ago is history', plan: planYaml({ sentence: { ...LIFER, parole_eligibility_date: '2026-09-01' } }), asOf: '2027-02-17' },
    { name: 'an extended sentence: not before 24 weeks before the PED', plan: planYaml({ sentence: EDS, reviews: [['2026-01-10', 'periodic']] }), asOf: '2027-03-17' },
    { name: 'nothing before the due date', plan: planYaml({ sentence: LIFE }), asOf: '2029-12-29' },
    { name: 'a determinate sentence has no pre-parole review', plan: planYaml({ sentence: { ...LIFE, type: 'determinate', length_months: 48 } }), asOf: '2030-01-01' },
  ],
  invalid: [
    {
      name: 'edge: a PED passed less than 24 weeks ago is still judged',
      plan: planYaml({ sentence: { ...LIFER, parole_eligibility_date: '2026-09-01' } }),
      errors: [{ messageId: 'overdue' }],
    },
    {
      name: 'edge: the last day it is still judged',
      plan: planYaml({ sentence: { ...LIFER, parole_eligibility_date: '2026-09-01' } }),
      asOf: '2027-02-16',
      errors: 1,
    },
    {
      name: 'an extended sentence: the pre-parole review 24 weeks before the PED',
      plan: planYaml({ sentence: EDS, reviews: [['2026-01-10', 'periodic']] }),
      asOf: '2027-03-18',
      errors: [{ messageId: 'overdue', data: { days: days(1), due: '2027-03-17', basis: { id: 'basis_pre_parole_extended', data: { anchor: '2027-09-01', due_offset: weeks(24) } } } }],
    },
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
    { name: 'level 2 with the 6-month review held', plan: planYaml({ sentence: MAPPA_DET, mappa: 2, reviews: [['2026-06-20', 'pre_release']] }), asOf: '2027-01-05' },
    { name: 'level 1: the MAPPA review is not owed', plan: planYaml({ sentence: MAPPA_DET, mappa: 1, reviews: [['2026-06-20', 'pre_release']] }), asOf: '2027-01-05' },
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
    { name: 'an objective achieved on the day of the latest review: already reviewed', plan: planYaml({ sentence: OBJ_BASE, reviews: [['2026-09-01', 'periodic']], extra: objAchieved('2026-09-01') }) },
    { name: 'an objective achieved before the latest review', plan: planYaml({ sentence: OBJ_BASE, reviews: [['2026-09-02', 'periodic']], extra: objAchieved('2026-09-01') }) },
    { name: 'an objective achieved, not yet 4 weeks ago', plan: planYaml({ sentence: OBJ_BASE, reviews: [['2026-05-01', 'periodic']], extra: objAchieved('2026-09-01') }), asOf: '2026-09-29' },
    { name: "a CRC case's release event is post-release's", plan: planYaml({ sentence: CRC_OUT, events: [['2026-09-01', 'release']] }) },
    { name: 'a review 8 weeks before a move to open conditions', plan: planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']], reviews: [['2026-04-06', 'periodic']] }), asOf: '2026-07-01' },
    { name: 'the day before a move with no review: nothing yet', plan: planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']] }), asOf: '2026-05-31' },
    { name: 'a configured 6 weeks: not yet after 4', plan: planYaml({ sentence: DET, events: [['2026-01-10', 'risk_change']] }), asOf: '2026-02-08', config: 'policy:\n  review:\n    significant_event_weeks: 6\n' },
    { name: 'a later review followed the transfer (history)', plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial'], ['2026-05-01', 'periodic']], events: [['2026-01-10', 'transfer']] }) },
    { name: 'a review on the day of the event', plan: planYaml({ sentence: DET, reviews: [['2026-01-10', 'significant_event']], events: [['2026-01-10', 'transfer']] }) },
    { name: 'a review the day before a move to open conditions', plan: planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']], reviews: [['2026-05-31', 'significant_event']] }), asOf: '2026-07-01' },
    { name: 'not yet 4 weeks after the event', plan: planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']], events: [['2026-01-10', 'transfer']] }), asOf: '2026-02-07' },
  ],
  invalid: [
    {
      name: 'an objective achieved after the latest review is an event, reported on its achieved_on',
      plan: planYaml({ sentence: OBJ_BASE, reviews: [['2026-05-01', 'periodic']], extra: objAchieved('2026-09-01') }),
      errors: [{ messageId: 'missingSince', text: '2026-09-01', data: { kind: label('objective_achieved', { objective: 'OBJ-2' }), from: '2026-09-01' } }],
    },
    {
      name: 'an achieved objective whose id is not id-shaped is named by its position, never by the id',
      plan: planYaml({ sentence: OBJ_BASE, reviews: [['2026-05-01', 'periodic']], extra: 'objectives:\n  - { id: Jo Bloggs, status: achieved, achieved_on: 2026-09-01 }' }),
      errors: [{ messageId: 'missingSince', data: { kind: label('objective_achieved', { objective: '1' }) } }],
    },
    {
      name: 'the same achievement recorded in events is one finding, not two',
      plan: planYaml({ sentence: OBJ_BASE, reviews: [['2026-05-01', 'periodic']], events: [['2026-09-01', 'objective_achieved']], extra: objAchieved('2026-09-01') }),
      errors: [{ messageId: 'missingSince', data: { kind: label('significant_event', { event: { id: 'event_objective_achieved' } }) } }],
    },
    {
      name: 'a configured 6 weeks',
      plan: planYaml({ sentence: DET, events: [['2026-01-10', 'risk_change']] }),
      asOf: '2026-02-22',
      config: 'policy:\n  review:\n    significant_event_weeks: 6\n',
      errors: [{ messageId: 'missingSince', data: { kind: label('significant_event', { event: { id: 'event_risk_change' } }), weeks: weeks(6) } }],
    },
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
    { name: 'a termination review on the end date', plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-10-01', 'termination']] }) },
    { name: 'a termination review 8 weeks before the end', plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-08-06', 'termination']] }) },
    { name: 'nothing before the end date passes', plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' } }), asOf: '2026-10-01' },
  ],
  invalid: [
    {
      name: 'a termination review a day before the window opens',
      plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-08-05', 'termination']] }),
      errors: [{ messageId: 'overdue', suggestions: [planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-08-05', 'termination']] }) + '  - { date: 2026-10-01, type: termination }\n'] }],
    },
    {
      name: 'a periodic review near the end does not count',
      plan: planYaml({ sentence: { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' }, reviews: [['2026-09-01', 'periodic']] }),
      errors: [{ messageId: 'overdue', line: 6, severity: 'error', cite: 'PSI 19/2014 para 2.21', data: { days: days(53), what: { id: 'what', data: { what: 'termination' } }, basis: { id: 'basis_termination', data: { window: weeks(8) } } } }],
    },
  ],
});

ruleTester(postRelease).run({
  valid: [
    { name: 'a review on the day of release counts', plan: planYaml({ sentence: CRC_OUT, reviews: [['2026-09-01', 'significant_event']] }) },
    { name: 'any later review too', plan: planYaml({ sentence: CRC_OUT, reviews: [['2026-11-01', 'significant_event']] }) },
    { name: "not before planlint's default of 4 weeks", plan: planYaml({ sentence: CRC_OUT, reviews: [['2026-08-10', 'pre_release']] }), asOf: '2026-09-29' },
    { name: 'a review after release', plan: planYaml({ sentence: { type: 'determinate', length_months: 18, release_date: '2026-09-01', allocation: 'crc', setting: 'community' }, reviews: [['2026-08-10', 'pre_release'], ['2026-09-15', 'significant_event']] }) },
    { name: 'an NPS determinate case is not judged here', plan: planYaml({ sentence: { type: 'determinate', length_months: 18, release_date: '2026-09-01', allocation: 'nps', setting: 'community' }, reviews: [['2026-08-10', 'pre_release']] }) },
  ],
  invalid: [
    {
      name: 'the day after the 4 weeks',
      plan: planYaml({ sentence: CRC_OUT, reviews: [['2026-08-10', 'pre_release']] }),
      asOf: '2026-09-30',
      errors: [{ messageId: 'missingSince', severity: 'warning', cite: 'PSI 19/2014 para 1.9' }],
    },
    {
      name: 'life cases too',
      plan: planYaml({ sentence: { type: 'life', sentenced_on: '2005-01-05', release_date: '2026-09-01', setting: 'community' } }),
      errors: [{ messageId: 'missingSince', data: { since: 'release' } }],
    },
    {
      name: 'a release event of a CRC case is judged here',
      plan: planYaml({ sentence: CRC_OUT, events: [['2026-09-01', 'release']] }),
      errors: 1,
    },
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
