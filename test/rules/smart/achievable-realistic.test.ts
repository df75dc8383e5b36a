// smart/achievable and smart/realistic.
import { describe, expect, it } from 'vitest';
import { readDuration } from '../../../server/src/rules/smart/realistic.js';
import { at, basePlan, item, plan, run, withProgrammes } from '../plan/helpers.js';

describe('smart/achievable', () => {
  const ID = 'smart/achievable';
  const acts = (second: Record<string, unknown>) => ({ actions: [item('actions', 0, {}), item('actions', 1, second)] });
  it('reports an objective with no action', () => {
    const t = plan({ actions: [item('actions', 0, {})] });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('OBJ-2');
    expect(fs[0].message).toContain('no action serving it');
  });
  for (const [what, over] of [
    ['withdrawn', { status: 'withdrawn' }],
    ['no longer appropriate', { status: 'no_longer_appropriate' }],
    ['not eligible', { eligibility: 'not_eligible' }],
  ] as const) {
    it(`reports an objective whose only action is ${what}`, () => {
      const fs = run(plan(acts(over)), ID);
      expect(fs).toHaveLength(1);
      expect(fs[0].message).toContain('no action left');
    });
  }
  it('passes with one live action', () => {
    expect(run(plan(), ID)).toEqual([]);
  });
  it('asks for `outside_control` when a programme place is not yet secured', () => {
    const t = plan(acts({ type: 'programme', programme: 'thinking_skills_programme', eligibility: 'passed', status: 'not_started' }));
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('OBJ-2');
    expect(fs[0].message).toContain('ACT-2 (a programme place)');
    expect(fs[0].related).toHaveLength(1);
  });
  it('asks for `outside_control` for a transfer with no status', () => {
    expect(run(plan(acts({ type: 'transfer', status: undefined })), ID)[0].message).toContain('ACT-2 (a transfer)');
  });
  it('passes when the dependency is noted, or the programme has started', () => {
    const objs = [item('objectives', 0, {}), item('objectives', 1, { outside_control: 'Depends on a place on the next cohort.' })];
    expect(run(plan({ ...acts({ type: 'programme', status: 'not_started' }), objectives: objs }), ID)).toEqual([]);
    expect(run(plan(acts({ type: 'programme', status: 'in_progress' })), ID)).toEqual([]);
  });
  it('does not judge achieved objectives', () => {
    expect(run(plan({ objectives: [item('objectives', 0, {}), item('objectives', 1, { status: 'achieved' })], actions: [item('actions', 0, {})] }), ID)).toEqual([]);
  });
});

describe('smart/realistic: target dates', () => {
  const ID = 'smart/realistic';
  const target = (d: string, over: Record<string, unknown> = {}) => plan({ objectives: [item('objectives', 0, { target_date: d, ...over }), item('objectives', 1, {})] });
  it('edge: a target date exactly on the sentence end date passes, the day after does not', () => {
    // OBJ-1 is custody work; make its action community-phase so only the sentence end applies.
    const community = { actions: [item('actions', 0, { phase: 'community', agreed_with_com: true }), item('actions', 1, {})] };
    expect(run(plan({ ...community, objectives: [item('objectives', 0, { target_date: '2029-06-09' }), item('objectives', 1, {})] }), ID)).toEqual([]);
    const t = plan({ ...community, objectives: [item('objectives', 0, { target_date: '2029-06-10' }), item('objectives', 1, {})] });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('2029-06-10');
    expect(fs[0].message).toContain('after the end of the sentence (2029-06-09)');
    expect(fs[0].message).toContain('PSI 19/2014 paras 2.7, 2.9');
  });
  it('custody-phase objectives must end by release; on the release date passes', () => {
    expect(run(target('2027-06-09'), ID)).toEqual([]);
    const fs = run(target('2027-06-10'), ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('release date (2027-06-09)');
  });
  it('an objective with community-phase work may go past release', () => {
    const t = plan({
      objectives: [item('objectives', 0, { target_date: '2028-01-31' }), item('objectives', 1, {})],
      actions: [item('actions', 0, {}), item('actions', 1, {}), { ...item('actions', 0, { id: 'ACT-3', priority: 3, phase: 'community', agreed_with_com: true, status: 'not_started' }) }],
    });
    expect(run(t, ID)).toEqual([]);
  });
  it('does not judge achieved objectives, or templates', () => {
    expect(run(target('2030-01-01', { status: 'achieved' }), ID)).toEqual([]);
    expect(run(target('2030-01-01').replace('kind: plan', 'kind: template'), ID)).toEqual([]);
  });
});

describe('smart/realistic: programme durations (PSI 2.9)', () => {
  const ID = 'smart/realistic';
  const kaizen = (min_duration: unknown) => withProgrammes([{ id: 'kaizen', name: 'Kaizen', accredited: true, min_duration }]);
  const prog = (over: Record<string, unknown>) =>
    plan({ actions: [item('actions', 0, {}), item('actions', 1, { type: 'programme', programme: 'kaizen', eligibility: 'passed', status: 'not_started', ...over })] });
  it('edge: 6 months from the start date ending exactly on release passes; a day later does not', () => {
    const cfg = kaizen({ months: 6 });
    expect(run(prog({ start_date: '2026-12-09' }), ID, undefined, cfg)).toEqual([]);
    const t = prog({ start_date: '2026-12-10' });
    const fs = run(t, ID, undefined, cfg);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('kaizen');
    expect(fs[0].message).toContain('Kaizen takes at least 6 months');
    expect(fs[0].message).toContain('2027-06-10');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.9');
  });
  it('counts from the as-of date when there is no start date, or the planned start has passed', () => {
    const cfg = kaizen({ months: 6 });
    // as-of 2026-11-23 + 6 months = 2027-05-23, before release.
    expect(run(prog({ start_date: undefined }), ID, undefined, cfg)).toEqual([]);
    expect(run(prog({ start_date: undefined }), ID, '2026-12-10', cfg)).toHaveLength(1);
    const late = run(prog({ start_date: '2026-01-01' }), ID, '2026-12-10', cfg);
    expect(late[0].message).toContain('no earlier than the as-of date');
  });
  it('understands weeks, sessions with a week estimate, and per-setting durations', () => {
    expect(run(prog({ start_date: '2027-04-01' }), ID, undefined, kaizen({ weeks: 10 }))).toHaveLength(1);
    expect(run(prog({ start_date: '2027-03-01' }), ID, undefined, kaizen({ weeks: 10 }))).toEqual([]);
    const s = run(prog({ start_date: '2027-04-01' }), ID, undefined, kaizen({ sessions: 19, weeks_estimate: 10 }));
    expect(s[0].message).toContain('19 sessions (about 10 weeks)');
    expect(run(prog({ start_date: '2027-01-01' }), ID, undefined, kaizen({ custody: { months: 6 }, community: { months: 12 } }))).toHaveLength(1);
  });
  it('says when it relied on an uncertain duration', () => {
    const fs = run(prog({ start_date: '2027-04-01' }), ID, undefined, kaizen({ months: 6, uncertain: true }));
    expect(fs[0].message).toContain('uncertain');
  });
  it('community-phase programmes must fit before the end of the sentence', () => {
    const cfg = kaizen({ months: 12 });
    expect(run(prog({ phase: 'community', agreed_with_com: true, start_date: '2028-06-09' }), ID, undefined, cfg)).toEqual([]);
    expect(run(prog({ phase: 'community', agreed_with_com: true, start_date: '2028-06-10' }), ID, undefined, cfg)).toHaveLength(1);
  });
  it('skips completed, withdrawn, not-eligible and in-progress-without-start programmes, unknown durations and non-accredited ones', () => {
    const cfg = kaizen({ months: 6 });
    const late = { start_date: '2027-04-01' };
    expect(run(prog({ ...late, status: 'completed' }), ID, undefined, cfg)).toEqual([]);
    expect(run(prog({ ...late, status: 'withdrawn' }), ID, undefined, cfg)).toEqual([]);
    expect(run(prog({ ...late, eligibility: 'not_eligible' }), ID, undefined, cfg)).toEqual([]);
    expect(run(prog({ status: 'in_progress', start_date: undefined }), ID, '2027-04-01', cfg)).toEqual([]);
    expect(run(prog(late), ID, undefined, kaizen({ sessions: 5 }))).toEqual([]);
    expect(run(prog(late), ID, undefined, withProgrammes([{ id: 'kaizen', name: 'Kaizen', accredited: false, min_duration: { months: 6 } }]))).toEqual([]);
  });
  it('reads durations defensively', () => {
    expect(readDuration('6 months', undefined)).toMatchObject({ months: 6, text: '6 months' });
    expect(readDuration({ days: 28 }, 'custody')).toMatchObject({ days: 28 });
    expect(readDuration({ custody: { months: 6 } }, 'community')).toBeUndefined();
    expect(readDuration('uncertain', 'custody')).toBeUndefined();
    expect(readDuration(42, 'custody')).toBeUndefined();
    expect(basePlan()).toBeDefined();
  });
});

describe('smart/realistic with the shipped programme catalogue', () => {
  const ID = 'smart/realistic';
  const prog = (programme: string, over: Record<string, unknown>) =>
    plan({ actions: [item('actions', 0, {}), item('actions', 1, { type: 'programme', programme, eligibility: 'passed', status: 'not_started', ...over })] });
  it('Kaizen (6 months) starting 4 months before release does not fit', () => {
    const fs = run(prog('kaizen', { start_date: '2027-02-09' }), ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('Kaizen takes at least 6 months');
  });
  it('the Thinking Skills Programme (19 sessions, about 10 weeks) fits in the same time', () => {
    expect(run(prog('thinking_skills_programme', { start_date: '2027-02-09' }), ID)).toEqual([]);
    expect(run(prog('thinking_skills_programme', { start_date: '2027-04-01' }), ID)[0].message).toContain('19 sessions (about 10 weeks)');
  });
  it('names an uncertain duration the catalogue relies on', () => {
    const cfg = withProgrammes([{ id: 'kaizen', name: 'Kaizen', min_duration: { months: 6 }, uncertain: { min_duration: "Kaizen's duration" } }]);
    expect(run(prog('kaizen', { start_date: '2027-04-01' }), ID, undefined, cfg)[0].message).toContain("The catalogue marks Kaizen's duration as uncertain");
  });
});

describe('smart/specific with the shipped programme catalogue', () => {
  it('flags a description that is only a catalogue programme name', () => {
    const d = (description: string) => plan({ objectives: [item('objectives', 0, { description }), item('objectives', 1, {})] });
    expect(run(d('Building Choices (high intensity) programme'), 'smart/specific')[0].message).toContain('only a programme name');
    expect(run(d('The Thinking Skills Programme (TSP)'), 'smart/specific')[0].message).toContain('only a programme name');
    expect(run(d('Complete the Thinking Skills Programme and use the skills on the wing'), 'smart/specific')).toEqual([]);
  });
});
