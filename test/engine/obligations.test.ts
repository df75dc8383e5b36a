import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { addDuration, describeDuration, dueDates, crcPlanWindow, type Obligation } from '../../server/src/engine/obligations.js';
import { buildPolicy, defaultPolicy } from '../../server/src/policy/index.js';
import { planYaml, type PlanSpec } from '../rules/review/helpers.js';

const policy = defaultPolicy().policy;
const plan = (p: PlanSpec) => lint(planYaml(p), { asOf: '2000-01-01', rules: [] }).plan;
const dues = (p: PlanSpec, asOf: string, pol = policy): Obligation[] => dueDates(plan(p), asOf, pol);
const only = (p: PlanSpec, asOf: string, rule: string): Obligation[] => dues(p, asOf).filter((o) => o.rule === rule);

const DET = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };
const LIFE = { type: 'life', sentenced_on: '2025-01-10', parole_eligibility_date: '2030-06-15', setting: 'custody' };

describe('durations', () => {
  it('adds and subtracts largest unit first', () => {
    expect(addDuration('2030-06-15', { years: 2, weeks: 24 }, -1)).toBe('2027-12-30');
    expect(addDuration('2028-02-29', { years: 2 })).toBe('2030-02-28');
    expect(addDuration('2027-01-09', { months: 6 }, -1)).toBe('2026-07-09');
    expect(describeDuration({ years: 2, weeks: 24 })).toBe('2 years 24 weeks');
    expect(describeDuration({ weeks: 1 })).toBe('1 week');
    expect(describeDuration({})).toBe('0 days');
  });
});

describe('dueDates: pre-release', () => {
  const asOf = '2026-11-23';
  it('is overdue by 12 days with no review in the window (release 2026-11-25)', () => {
    const [o] = only({ sentence: DET }, asOf, 'review/pre-release');
    expect(o).toMatchObject({
      kind: 'Pre-release review',
      due: '2026-11-11',
      windowStart: '2026-09-30',
      windowEnd: '2026-11-11',
      state: 'overdue',
      daysPast: 12,
      basis: '2 weeks before release on 2026-11-25',
      path: ['sentence', 'release_date'],
      reviewType: 'pre_release',
      accepts: 'any',
    });
    expect(o.metBy).toBeUndefined();
  });
  it("is met by a review on the window's first and last day", () => {
    for (const d of ['2026-09-30', '2026-11-11']) {
      const [o] = only({ sentence: DET, reviews: [['2025-03-05', 'initial'], [d, 'pre_release']] }, asOf, 'review/pre-release');
      expect(o.state).toBe('met');
      expect(o.metBy).toEqual(['reviews', 1]);
      expect(o.metOn).toBe(d);
    }
  });
  it('a review one day before the window opens does not meet it', () => {
    const [o] = only({ sentence: DET, reviews: [['2026-09-29', 'pre_release']] }, asOf, 'review/pre-release');
    expect(o.state).toBe('overdue');
    expect(o.daysPast).toBe(12);
  });
  it('is overdue by 1 day on the day after the due date, upcoming on it', () => {
    expect(only({ sentence: DET }, '2026-11-12', 'review/pre-release')[0]).toMatchObject({ state: 'overdue', daysPast: 1 });
    expect(only({ sentence: DET }, '2026-11-11', 'review/pre-release')[0]).toMatchObject({ state: 'upcoming', daysPast: 0 });
  });
  it('a review after the due date (before release) is late', () => {
    const [o] = only({ sentence: DET, reviews: [['2026-11-12', 'periodic']] }, asOf, 'review/pre-release');
    expect(o).toMatchObject({ state: 'late', metBy: ['reviews', 0], metOn: '2026-11-12', daysPast: 1 });
  });
  it('ignores reviews dated after asOf', () => {
    const [o] = only({ sentence: DET, reviews: [['2026-11-01', 'pre_release']] }, '2026-10-15', 'review/pre-release');
    expect(o.state).toBe('upcoming');
  });
  it('does not apply in the community or without a release date', () => {
    expect(only({ sentence: { ...DET, setting: 'community' } }, asOf, 'review/pre-release')).toEqual([]);
    const { release_date: _r, ...noRelease } = DET;
    expect(only({ sentence: noRelease }, asOf, 'review/pre-release')).toEqual([]);
  });
  it('infers custody from the release date when the setting is not recorded', () => {
    const { setting: _s, ...noSetting } = DET;
    expect(only({ sentence: noSetting }, asOf, 'review/pre-release')).toHaveLength(1);
    expect(only({ sentence: noSetting }, '2026-11-26', 'review/pre-release')).toEqual([]);
  });
});

describe('dueDates: initial OASys', () => {
  it('determinate over 10 months: due 10 weeks after sentencing', () => {
    const [o] = only({ sentence: { ...DET, length_months: 10.5 } }, '2025-02-01', 'review/initial-oasys');
    expect(o).toMatchObject({ due: '2025-03-21', windowStart: '2025-01-10', state: 'upcoming', path: ['sentence', 'sentenced_on'], reviewType: 'initial' });
    expect(o.basis).toBe('10 weeks after sentencing on 2025-01-10');
  });
  it('exactly 10 months: no obligation ("over 10 months")', () => {
    expect(only({ sentence: { ...DET, length_months: 10 } }, '2025-06-01', 'review/initial-oasys')).toEqual([]);
  });
  it('life: due 16 weeks after sentencing; met by the OASys completion date', () => {
    const [o] = only({ sentence: LIFE, oasys: '2025-05-02' }, '2025-06-01', 'review/initial-oasys');
    expect(o).toMatchObject({ due: '2025-05-02', state: 'met', metBy: ['assessment', 'oasys'], metOn: '2025-05-02' });
  });
  it('a first review after the due date is late', () => {
    const [o] = only({ sentence: DET, reviews: [['2025-04-01', 'initial']] }, '2025-06-01', 'review/initial-oasys');
    expect(o).toMatchObject({ state: 'late', daysPast: 11 });
  });
  it('community sentences have none', () => {
    expect(only({ sentence: { type: 'community_order', sentenced_on: '2025-01-10' } }, '2025-06-01', 'review/initial-oasys')).toEqual([]);
  });
});

describe('dueDates: periodic', () => {
  it('exactly 24 months: none; 25 months: 2 years after the latest review', () => {
    const base = { ...DET, release_date: '2030-01-01' };
    expect(only({ sentence: { ...base, length_months: 24 }, reviews: [['2025-03-05', 'initial']] }, '2026-01-01', 'review/periodic')).toEqual([]);
    const [o] = only({ sentence: { ...base, length_months: 25 }, reviews: [['2025-03-05', 'initial']] }, '2026-01-01', 'review/periodic');
    expect(o).toMatchObject({ due: '2027-03-05', windowStart: '2025-03-06', state: 'upcoming', basis: '2 years after the review on 2025-03-05', path: ['reviews', 0, 'date'] });
  });
  it('leap day: 2028-02-29 + 2 years is 2030-02-28', () => {
    const s = { ...DET, release_date: '2035-01-01', length_months: 120 };
    const os = only({ sentence: s, reviews: [['2028-02-29', 'periodic']] }, '2030-03-01', 'review/periodic');
    expect(os).toHaveLength(1);
    expect(os[0]).toMatchObject({ due: '2030-02-28', state: 'overdue', daysPast: 1 });
  });
  it('chains reviews: on time, late, then the open interval', () => {
    const os = only({ sentence: LIFE, reviews: [['2025-03-01', 'initial'], ['2028-02-01', 'periodic'], ['2031-06-01', 'periodic']] }, '2032-01-01', 'review/periodic');
    expect(os.map((o) => [o.due, o.state, o.metOn])).toEqual([
      ['2028-03-01', 'met', '2028-02-01'],
      ['2031-02-01', 'late', '2031-06-01'],
      ['2034-06-01', 'upcoming', undefined],
    ]);
  });
  it('stops at release for determinate sentences', () => {
    expect(only({ sentence: DET, reviews: [['2025-03-05', 'initial']] }, '2026-01-01', 'review/periodic')).toEqual([]);
  });
});

describe('dueDates: life and IPP', () => {
  it('pre-tariff: PED − 2 years 24 weeks, 8-week window', () => {
    const [o] = only({ sentence: LIFE }, '2028-01-01', 'review/pre-tariff');
    expect(o).toMatchObject({ due: '2027-12-30', windowStart: '2027-11-04', state: 'overdue', daysPast: 2 });
  });
  it('pre-parole: PED − 24 weeks, 8-week window; met inside', () => {
    const [o] = only({ sentence: LIFE, reviews: [['2029-11-03', 'pre_parole']] }, '2030-01-01', 'review/pre-parole');
    expect(o).toMatchObject({ due: '2029-12-29', windowStart: '2029-11-03', state: 'met' });
  });
});

describe('dueDates: MAPPA', () => {
  it('level 2 or 3: release − 6 months, 8-week window', () => {
    const s = { ...DET, release_date: '2027-01-09' };
    const [o] = only({ sentence: s, mappa: 2 }, '2026-07-10', 'review/pre-release-mappa');
    expect(o).toMatchObject({ due: '2026-07-09', windowStart: '2026-05-14', state: 'overdue', daysPast: 1, reviewType: 'pre_release' });
    expect(only({ sentence: s, mappa: 1 }, '2026-07-10', 'review/pre-release-mappa')).toEqual([]);
  });
});

describe('dueDates: significant events', () => {
  it('an event is due a review 4 weeks after it', () => {
    const [o] = only({ sentence: DET, events: [['2026-01-10', 'transfer']] }, '2026-03-01', 'review/significant-event');
    expect(o).toMatchObject({ kind: 'Significant-event review (transfer)', due: '2026-02-07', windowStart: '2026-01-10', state: 'overdue', path: ['events', 0, 'date'] });
  });
  it('the weeks come from policy (override 6)', () => {
    const pol = buildPolicy({ policy: { review: { significant_event_weeks: 6 } } });
    expect(pol.problems).toEqual([]);
    const [o] = dues({ sentence: DET, events: [['2026-01-10', 'transfer']] }, '2026-03-01', pol.policy).filter((x) => x.rule === 'review/significant-event');
    expect(o.due).toBe('2026-02-21');
  });
  it('a move to open conditions is reviewed before it: a review after the move does not meet it (no "late")', () => {
    const ev: [string, string][] = [['2026-06-01', 'transfer_to_open_conditions']];
    const before = only({ sentence: DET, events: ev, reviews: [['2026-05-31', 'significant_event']] }, '2026-07-01', 'review/significant-event')[0];
    expect(before).toMatchObject({ kind: 'Review before the move to open conditions', due: '2026-05-31', windowStart: '2026-04-06', state: 'met' });
    const after = only({ sentence: DET, events: ev, reviews: [['2026-06-02', 'significant_event']] }, '2026-07-01', 'review/significant-event')[0];
    expect(after).toMatchObject({ state: 'overdue', defaultDeadline: true });
    expect(after.lastBefore).toBeUndefined();
    const none = only({ sentence: DET, events: ev }, '2026-05-20', 'review/significant-event')[0];
    expect(none.state).toBe('upcoming');
  });
});

describe('dueDates: termination', () => {
  it('only a termination review counts, from 8 weeks before the end', () => {
    const s = { type: 'community_order', sentenced_on: '2025-01-10', sentence_end_date: '2026-10-01' };
    const [o] = only({ sentence: s, reviews: [['2026-09-01', 'periodic']] }, '2026-11-23', 'review/termination');
    expect(o).toMatchObject({ due: '2026-10-01', windowStart: '2026-08-06', state: 'overdue', daysPast: 53, accepts: 'termination' });
    const [m] = only({ sentence: s, reviews: [['2026-08-06', 'termination']] }, '2026-11-23', 'review/termination');
    expect(m.state).toBe('met');
  });
});

describe('dueDates: output', () => {
  it('is sorted by due date and stable', () => {
    const p = { sentence: { ...DET, sentence_end_date: '2028-11-25' }, mappa: 3, events: [['2026-01-10', 'transfer']] as [string, string][] };
    const a = dues(p, '2026-11-23');
    expect(a.map((o) => o.due)).toEqual([...a.map((o) => o.due)].sort());
    // MAPPA level 3: the review 6 months before release takes the place of the 8-to-2-weeks one.
    expect(a.map((o) => o.rule)).toEqual(['review/initial-oasys', 'review/significant-event', 'review/pre-release-mappa', 'review/termination']);
    expect(dues(p, '2026-11-23')).toEqual(a);
  });
  it('crcPlanWindow: 12 weeks before release for CRC custody cases', () => {
    expect(crcPlanWindow(plan({ sentence: { ...DET, allocation: 'crc' } }), '2026-01-01', policy)).toMatchObject({ earliest: '2026-09-02', release: '2026-11-25' });
    expect(crcPlanWindow(plan({ sentence: { ...DET, allocation: 'nps' } }), '2026-01-01', policy)).toBeUndefined();
  });
});
