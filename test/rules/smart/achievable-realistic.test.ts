// smart/achievable and smart/realistic, in the rule tester.
import { describe, expect, it } from 'vitest';
import { readDuration } from '../../../server/src/rules/smart/realistic.js';
import { ruleTester } from '../tester.js';
import { basePlan, item, plan, rule, run, withProgrammes } from '../plan/helpers.js';

const acts = (second: Record<string, unknown>) => ({ actions: [item('actions', 0, {}), item('actions', 1, second)] });
const tsp = { type: 'programme', programme: 'thinking_skills_programme', eligibility: 'passed', status: 'not_started' };

ruleTester(rule('smart/achievable')).run({
  valid: [
    { name: 'every objective has a live action', plan: plan() },
    {
      name: 'a programme place not yet secured, noted in outside_control',
      plan: plan({ ...acts({ type: 'programme', status: 'not_started' }), objectives: [item('objectives', 0, {}), item('objectives', 1, { outside_control: 'Depends on a place on the next cohort.' })] }),
    },
    { name: 'a programme already started', plan: plan(acts({ type: 'programme', status: 'in_progress' })) },
    { name: 'an achieved objective is not judged', plan: plan({ objectives: [item('objectives', 0, {}), item('objectives', 1, { status: 'achieved' })], actions: [item('actions', 0, {})] }) },
  ],
  invalid: [
    {
      name: 'an objective with no action',
      plan: plan({ actions: [item('actions', 0, {})] }),
      errors: [{ messageId: 'noAction', data: { objective: 'OBJ-2', ref: 'OBJ-2' }, cite: 'PSI 19/2014 para 2.7', text: 'OBJ-2' }],
    },
    ...(
      [
        ['withdrawn', { status: 'withdrawn' }],
        ['no longer appropriate', { status: 'no_longer_appropriate' }],
        ['not eligible', { eligibility: 'not_eligible' }],
      ] as const
    ).map(([what, over]) => ({
      name: `an objective whose only action is ${what}`,
      plan: plan(acts(over)),
      errors: [{ messageId: 'noLiveAction', data: { objective: 'OBJ-2' }, cite: 'PSI 19/2014 paras 2.7, 2.9' }],
    })),
    {
      name: 'a programme place not yet secured and not noted',
      plan: plan(acts(tsp)),
      errors: [{ messageId: 'outsideControl', data: { objective: 'OBJ-2', deps: { id: 'dependency', data: { action: 'ACT-2', type: 'programme' } } }, text: 'OBJ-2' }],
    },
    { name: 'a transfer with no status', plan: plan(acts({ type: 'transfer', status: undefined })), errors: [{ messageId: 'outsideControl', data: { deps: { id: 'dependency', data: { type: 'transfer' } } } }] },
    {
      name: 'an objective whose id is not id-shaped is named by position, and the fix hint does not quote it',
      plan: plan({ objectives: [item('objectives', 0, {}), item('objectives', 1, { id: 'Jo Bloggs' })], actions: [item('actions', 0, {})] }),
      errors: [{ messageId: 'noAction', data: { objective: { id: 'common.objective', data: { n: 2 } }, ref: { id: 'itsId' } } }],
    },
  ],
});

const target = (d: string, over: Record<string, unknown> = {}) => plan({ objectives: [item('objectives', 0, { target_date: d, ...over }), item('objectives', 1, {})] });
const community = { actions: [item('actions', 0, { phase: 'community', agreed_with_com: true }), item('actions', 1, {})] };
const communityTarget = (d: string) => plan({ ...community, objectives: [item('objectives', 0, { target_date: d }), item('objectives', 1, {})] });
const kaizen = (min_duration: unknown) => withProgrammes([{ id: 'kaizen', name: 'Kaizen', accredited: true, min_duration }]);
const prog = (over: Record<string, unknown>, programme = 'kaizen') =>
  plan({ actions: [item('actions', 0, {}), item('actions', 1, { type: 'programme', programme, eligibility: 'passed', status: 'not_started', ...over })] });
const SIX = kaizen({ months: 6 });
const LATE = { start_date: '2027-04-01' };

ruleTester(rule('smart/realistic')).run({
  valid: [
    { name: 'a target date exactly on the sentence end date', plan: communityTarget('2029-06-09') },
    { name: 'custody work ending on the release date', plan: target('2027-06-09') },
    {
      name: 'an objective with community-phase work may go past release',
      plan: plan({
        objectives: [item('objectives', 0, { target_date: '2028-01-31' }), item('objectives', 1, {})],
        actions: [item('actions', 0, {}), item('actions', 1, {}), { ...item('actions', 0, { id: 'ACT-3', priority: 3, phase: 'community', agreed_with_com: true, status: 'not_started' }) }],
      }),
    },
    { name: 'an achieved objective is not judged', plan: target('2030-01-01', { status: 'achieved' }) },
    { name: 'not in templates', plan: target('2030-01-01').replace('kind: plan', 'kind: template') },
    { name: '6 months of Kaizen ending exactly on release', plan: prog({ start_date: '2026-12-09' }), config: SIX },
    { name: 'no start date: counted from the as-of date, before release', plan: prog({ start_date: undefined }), config: SIX },
    { name: '10 weeks starting in March', plan: prog({ start_date: '2027-03-01' }), config: kaizen({ weeks: 10 }) },
    { name: '12 months of community work ending on the sentence end', plan: prog({ phase: 'community', agreed_with_com: true, start_date: '2028-06-09' }), config: kaizen({ months: 12 }) },
    { name: 'a completed programme', plan: prog({ ...LATE, status: 'completed' }), config: SIX },
    { name: 'a withdrawn programme', plan: prog({ ...LATE, status: 'withdrawn' }), config: SIX },
    { name: 'a programme the person is not eligible for', plan: prog({ ...LATE, eligibility: 'not_eligible' }), config: SIX },
    { name: 'in progress with no start date', plan: prog({ status: 'in_progress', start_date: undefined }), config: SIX, asOf: '2027-04-01' },
    { name: 'sessions with no week estimate cannot be placed on a calendar', plan: prog(LATE), config: kaizen({ sessions: 5 }) },
    { name: 'a programme that is not accredited', plan: prog(LATE), config: withProgrammes([{ id: 'kaizen', name: 'Kaizen', accredited: false, min_duration: { months: 6 } }]) },
    { name: 'the shipped Thinking Skills Programme fits in 4 months', plan: prog({ start_date: '2027-02-09' }, 'thinking_skills_programme') },
  ],
  invalid: [
    {
      name: 'a target date the day after the sentence end',
      plan: communityTarget('2029-06-10'),
      errors: [{ messageId: 'afterEnd', data: { objective: 'OBJ-1', target: '2029-06-10', end: '2029-06-09' }, cite: 'PSI 19/2014 paras 2.7, 2.9', text: '2029-06-10', severity: 'error' }],
    },
    {
      name: 'custody work ending the day after release: a warning',
      plan: target('2027-06-10'),
      errors: [{ messageId: 'afterRelease', data: { target: '2027-06-10', release: '2027-06-09' }, severity: 'warning' }],
    },
    {
      name: '6 months of Kaizen from a start date a day too late',
      plan: prog({ start_date: '2026-12-10' }),
      config: SIX,
      errors: [
        {
          messageId: 'tooLong',
          data: { action: 'ACT-2', programme: 'Kaizen', duration: { id: 'common.months', data: { n: 6 } }, from: 'start', start: '2026-12-10', finish: '2027-06-10', phase: 'custody', limit: '2027-06-09', uncertain: 'no' },
          cite: 'PSI 19/2014 para 2.9',
          text: 'kaizen',
          severity: 'warning',
        },
      ],
    },
    { name: 'no start date, as of a later day', plan: prog({ start_date: undefined }), config: SIX, asOf: '2026-12-10', errors: [{ messageId: 'tooLong', data: { from: 'none', start: '2026-12-10' } }] },
    { name: 'a planned start that has passed', plan: prog({ start_date: '2026-01-01' }), config: SIX, asOf: '2026-12-10', errors: [{ messageId: 'tooLong', data: { from: 'notStarted' } }] },
    { name: '10 weeks starting in April', plan: prog({ start_date: '2027-04-01' }), config: kaizen({ weeks: 10 }), errors: [{ messageId: 'tooLong', data: { duration: { id: 'common.weeks', data: { n: 10 } } } }] },
    {
      name: 'sessions with a week estimate',
      plan: prog(LATE),
      config: kaizen({ sessions: 19, weeks_estimate: 10 }),
      errors: [{ messageId: 'tooLong', data: { duration: { id: 'sessions', data: { n: 19, about: { id: 'common.weeks', data: { n: 10 } } } } } }],
    },
    { name: 'a per-setting duration', plan: prog({ start_date: '2027-01-01' }), config: kaizen({ custody: { months: 6 }, community: { months: 12 } }), errors: [{ messageId: 'tooLong' }] },
    { name: 'an uncertain duration', plan: prog(LATE), config: kaizen({ months: 6, uncertain: true }), errors: [{ messageId: 'tooLong', data: { uncertain: 'duration' } }] },
    {
      name: 'community work past the sentence end',
      plan: prog({ phase: 'community', agreed_with_com: true, start_date: '2028-06-10' }),
      config: kaizen({ months: 12 }),
      errors: [{ messageId: 'tooLong', data: { phase: 'community', limit: '2029-06-09' } }],
    },
    { name: 'the shipped Kaizen (6 months) 4 months before release', plan: prog({ start_date: '2027-02-09' }), errors: [{ messageId: 'tooLong', data: { programme: 'Kaizen' } }] },
    { name: 'the shipped Thinking Skills Programme starting in April', plan: prog(LATE, 'thinking_skills_programme'), errors: [{ messageId: 'tooLong', data: { duration: { id: 'sessions', data: { n: 19 } } } }] },
    {
      name: 'an uncertain duration the catalogue names',
      plan: prog(LATE),
      config: withProgrammes([{ id: 'kaizen', name: 'Kaizen', min_duration: { months: 6 }, uncertain: { min_duration: "Kaizen's duration" } }]),
      errors: [{ messageId: 'tooLong', data: { uncertain: 'note', note: "Kaizen's duration" } }],
    },
  ],
});

describe('smart/realistic beyond one finding', () => {
  it('the messages read as they always have', () => {
    const [end] = run(communityTarget('2029-06-10'), 'smart/realistic');
    expect(end.message).toContain('after the end of the sentence (2029-06-09)');
    expect(end.message).toContain('PSI 19/2014 paras 2.7, 2.9');
    expect(end.related.map((r) => r.message)).toEqual(['End of the sentence.']);
    const [k] = run(prog({ start_date: '2026-12-10' }), 'smart/realistic', undefined, SIX);
    expect(k.message).toContain('Kaizen takes at least 6 months, so from its start date (2026-12-10) it would end around 2027-06-10, after the release date (2027-06-09).');
    expect(run(prog(LATE), 'smart/realistic', undefined, kaizen({ sessions: 19, weeks_estimate: 10 }))[0].message).toContain('19 sessions (about 10 weeks)');
    const cfg = withProgrammes([{ id: 'kaizen', name: 'Kaizen', min_duration: { months: 6 }, uncertain: { min_duration: "Kaizen's duration" } }]);
    expect(run(prog(LATE), 'smart/realistic', undefined, cfg)[0].message).toContain("The catalogue marks Kaizen's duration as uncertain");
    const [a] = run(plan(acts(tsp)), 'smart/achievable');
    expect(a.message).toContain('ACT-2 (a programme place)');
    expect(a.related.map((r) => r.message)).toEqual(['Not started: a place is not yet secured.']);
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

describe('smart/specific with the shipped programme catalogue', () => {
  it('flags a description that is only a catalogue programme name', () => {
    const d = (description: string) => plan({ objectives: [item('objectives', 0, { description }), item('objectives', 1, {})] });
    expect(run(d('Building Choices (high intensity) programme'), 'smart/specific').map((f) => f.messageId)).toEqual(['smart/specific.programmeOnly']);
    expect(run(d('The Thinking Skills Programme (TSP)'), 'smart/specific').map((f) => f.messageId)).toEqual(['smart/specific.programmeOnly']);
    expect(run(d('Complete the Thinking Skills Programme and use the skills on the wing'), 'smart/specific')).toEqual([]);
  });
});
