// Reviews as the seeds say (issue 11): the plan that breaks each obligation, the one that just
// passes, and the edge between.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { periodic } from '../../../server/src/rules/review/periodic.js';
import { postRelease } from '../../../server/src/rules/review/post-release.js';
import { preParole } from '../../../server/src/rules/review/pre-parole.js';
import { preReleaseMappa } from '../../../server/src/rules/review/pre-release-mappa.js';
import { preRelease } from '../../../server/src/rules/review/pre-release.js';
import { preTariff } from '../../../server/src/rules/review/pre-tariff.js';
import { significantEvent } from '../../../server/src/rules/review/significant-event.js';
import { at, planYaml, run } from './helpers.js';

const AS_OF = '2026-11-23';

describe('review/pre-tariff: a short tariff puts the sift before sentencing', () => {
  // PED 2028-03-01: the sift is due 2 years 24 weeks before, on 2025-09-14.
  const life = (sentenced_on: string) => ({ type: 'life', sentenced_on, parole_eligibility_date: '2028-03-01', setting: 'custody' });
  it('sentenced after the sift date: not owed', () => {
    expect(run(preTariff, planYaml({ sentence: life('2025-10-01') }), AS_OF)).toEqual([]);
  });
  it('edge: sentenced on the sift date itself: owed (and overdue here)', () => {
    expect(run(preTariff, planYaml({ sentence: life('2025-09-14') }), AS_OF)[0].message).toMatch(/^Pre-tariff review overdue by .* due on 2025-09-14/);
  });
  it('edge: sentenced the day after it: not owed', () => {
    expect(run(preTariff, planYaml({ sentence: life('2025-09-15') }), AS_OF)).toEqual([]);
  });
});

describe('after the PED: pre-tariff and pre-parole are history; the next parole review drives the next one', () => {
  const lifer = { type: 'life', sentenced_on: '2002-05-10', parole_eligibility_date: '2014-08-01', setting: 'custody' };
  it('a lifer with a PED years ago and no next parole review: nothing (no "overdue by 4,447 days")', () => {
    const text = planYaml({ sentence: lifer, reviews: [['2025-06-01', 'periodic']] });
    expect(run(preTariff, text, AS_OF)).toEqual([]);
    expect(run(preParole, text, AS_OF)).toEqual([]);
  });
  it('with a next parole review: due 24 weeks before it (planlint\'s default), on `next_parole_review`', () => {
    const text = planYaml({ sentence: { ...lifer, next_parole_review: '2027-03-01' }, reviews: [['2025-06-01', 'periodic']] });
    const [f] = run(preParole, text, '2026-09-15');
    expect(f.message).toMatch(/^Pre-parole review overdue by 1 day: it was due on 2026-09-14 \(24 weeks before the next parole review on 2027-03-01\)/);
    expect(at(text, f)).toBe('2027-03-01');
    expect(run(preParole, text, '2026-09-14')).toEqual([]);
    expect(run(preParole, planYaml({ sentence: { ...lifer, next_parole_review: '2027-03-01' }, reviews: [['2026-07-20', 'pre_parole']] }), '2026-09-15')).toEqual([]);
  });
  it('edge: a PED passed less than 24 weeks ago is still judged; after that it is history', () => {
    const s = { ...lifer, parole_eligibility_date: '2026-09-01' };
    expect(run(preParole, planYaml({ sentence: s }), '2026-11-23')[0].message).toMatch(/^Pre-parole review overdue/);
    expect(run(preParole, planYaml({ sentence: s }), '2027-02-16')).toHaveLength(1);
    expect(run(preParole, planYaml({ sentence: s }), '2027-02-17')).toEqual([]);
  });
});

describe('MAPPA level 2 or 3: the 6-month review replaces the 8-to-2-weeks one (PRT)', () => {
  const det = { type: 'determinate', length_months: 60, sentenced_on: '2023-01-10', release_date: '2027-01-09', setting: 'custody' };
  it('level 2 with the 6-month review held: nothing owed for the last weeks', () => {
    const text = planYaml({ sentence: det, mappa: 2, reviews: [['2026-06-20', 'pre_release']] });
    expect(run(preReleaseMappa, text, '2027-01-05')).toEqual([]);
    expect(run(preRelease, text, '2027-01-05')).toEqual([]);
  });
  it('level 1: the ordinary pre-release review is owed, the MAPPA one is not', () => {
    const text = planYaml({ sentence: det, mappa: 1, reviews: [['2026-06-20', 'pre_release']] });
    expect(run(preRelease, text, '2027-01-05')).toHaveLength(1);
    expect(run(preReleaseMappa, text, '2027-01-05')).toEqual([]);
  });
  it('a policy team can require both (pre_release.mappa_levels_instead: [])', () => {
    const { config, problems } = loadConfigText('policy:\n  review:\n    pre_release:\n      mappa_levels_instead: []\n', 'c.yaml', []);
    expect(problems).toEqual([]);
    const text = planYaml({ sentence: det, mappa: 2, reviews: [['2026-06-20', 'pre_release']] });
    expect(lint(text, { asOf: '2027-01-05', rules: [preRelease], config }).findings).toHaveLength(1);
  });
});

describe('extended sentences', () => {
  const eds = { type: 'extended_determinate', sentenced_on: '2021-03-01', parole_eligibility_date: '2027-09-01', setting: 'custody' };
  it('join the 2-yearly periodic review whatever the recorded length', () => {
    const text = planYaml({ sentence: eds, reviews: [['2024-01-15', 'periodic']] });
    expect(run(periodic, text, AS_OF)[0].message).toMatch(/^Periodic review overdue by .* \(2 years after the review on 2024-01-15\)/);
    expect(run(periodic, planYaml({ sentence: eds, reviews: [['2024-01-15', 'periodic'], ['2026-01-10', 'periodic']] }), AS_OF)).toEqual([]);
  });
  it('with a PED: the pre-parole review 24 weeks before it', () => {
    const text = planYaml({ sentence: eds, reviews: [['2026-01-10', 'periodic']] });
    expect(run(preParole, text, '2027-03-17')).toEqual([]);
    expect(run(preParole, text, '2027-03-18')[0].message).toMatch(/^Pre-parole review overdue by 1 day: it was due on 2027-03-17 \(24 weeks before the parole eligibility date on 2027-09-01\)/);
  });
});

describe('review/significant-event: an objective achieved after the latest review', () => {
  const base = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2027-11-25', setting: 'custody' };
  const obj = (achieved_on: string) => `objectives:\n  - { id: OBJ-2, status: achieved, achieved_on: ${achieved_on} }`;
  it('is an event due a review: reported after planlint\'s default 4 weeks, on its achieved_on', () => {
    const text = planYaml({ sentence: base, reviews: [['2026-05-01', 'periodic']], extra: obj('2026-09-01') });
    const [f] = run(significantEvent, text, AS_OF);
    expect(f.message).toMatch(/^Significant-event review \(objective OBJ-2 achieved\): no review is recorded since it \(2026-09-01\)/);
    expect(at(text, f)).toBe('2026-09-01');
    expect(run(significantEvent, text, '2026-09-29')).toEqual([]);
  });
  it('edge: achieved on the day of the latest review, or before it: already reviewed', () => {
    expect(run(significantEvent, planYaml({ sentence: base, reviews: [['2026-09-01', 'periodic']], extra: obj('2026-09-01') }), AS_OF)).toEqual([]);
    expect(run(significantEvent, planYaml({ sentence: base, reviews: [['2026-09-02', 'periodic']], extra: obj('2026-09-01') }), AS_OF)).toEqual([]);
  });
  it('the same achievement recorded in events is one finding, not two', () => {
    const text = planYaml({ sentence: base, reviews: [['2026-05-01', 'periodic']], events: [['2026-09-01', 'objective_achieved']], extra: obj('2026-09-01') });
    expect(run(significantEvent, text, AS_OF)).toHaveLength(1);
  });
});

describe('review/post-release (PSI 1.9: completed post-release)', () => {
  const crc = { type: 'determinate', length_months: 18, sentenced_on: '2026-01-05', release_date: '2026-09-01', allocation: 'crc', setting: 'community' };
  it('a CRC case released with no review since: reported after planlint\'s default of 4 weeks, never "overdue by"', () => {
    const text = planYaml({ sentence: crc, reviews: [['2026-08-10', 'pre_release']] });
    const [f] = run(postRelease, text, AS_OF);
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^Review after release: no review is recorded since release on 2026-09-01\. .* default of 4 weeks has passed/);
    expect(f.message).not.toMatch(/overdue by/);
    expect(run(postRelease, text, '2026-09-29')).toEqual([]);
    expect(run(postRelease, text, '2026-09-30')).toHaveLength(1);
  });
  it('edge: a review on the day of release counts; any later review too', () => {
    expect(run(postRelease, planYaml({ sentence: crc, reviews: [['2026-09-01', 'significant_event']] }), AS_OF)).toEqual([]);
    expect(run(postRelease, planYaml({ sentence: crc, reviews: [['2026-11-01', 'significant_event']] }), AS_OF)).toEqual([]);
  });
  it('life cases too; NPS determinate cases are not judged; a release event is judged here only', () => {
    const life = { type: 'life', sentenced_on: '2005-01-05', release_date: '2026-09-01', setting: 'community' };
    expect(run(postRelease, planYaml({ sentence: life }), AS_OF)).toHaveLength(1);
    expect(run(postRelease, planYaml({ sentence: { ...crc, allocation: 'nps' } }), AS_OF)).toEqual([]);
    const withEvent = planYaml({ sentence: crc, events: [['2026-09-01', 'release']] });
    expect(run(significantEvent, withEvent, AS_OF)).toEqual([]);
    expect(run(postRelease, withEvent, AS_OF)).toHaveLength(1);
  });
});
