// plan/young-person-education, plan/deportation, plan/interpreter.
import { describe, expect, it } from 'vitest';
import { at, item, plan, run } from './helpers.js';

describe('plan/young-person-education', () => {
  const ID = 'plan/young-person-education';
  // Sentenced on 2025-06-10; an 18th birthday on 2025-06-11 means 17 on the day of sentence.
  const young = (dob: string, objectives?: unknown[]) => plan({ person: { date_of_birth: dob }, ...(objectives ? { objectives } : {}) });
  it('edge: under 18 the day before the 18th birthday is reported', () => {
    const t = young('2007-06-11');
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('objectives');
    expect(fs[0].message).toContain('under 18');
    expect(fs[0].related[0].message).toContain('Under 18');
  });
  it('edge: 18 on the day of sentence (the birthday itself) passes', () => {
    expect(run(young('2007-06-10'), ID)).toEqual([]);
  });
  it('passes for a young person with an education, training or employment objective', () => {
    const objs = [item('objectives', 0, {}), item('objectives', 1, { need: 'education_training_employment' })];
    expect(run(young('2008-01-01', objs), ID)).toEqual([]);
  });
  it('does not count an ETE objective that is no longer appropriate', () => {
    const objs = [item('objectives', 0, {}), item('objectives', 1, { need: 'education_training_employment', status: 'no_longer_appropriate' })];
    expect(run(young('2008-01-01', objs), ID)).toHaveLength(1);
  });
  it('is quiet without both dates, and in templates', () => {
    expect(run(plan({ person: { date_of_birth: undefined } }), ID)).toEqual([]);
    expect(run(plan({ kind: 'template', person: { date_of_birth: '2008-01-01' } }), ID)).toEqual([]);
  });
});

describe('plan/deportation', () => {
  const ID = 'plan/deportation';
  it('notes that planning may stop once a deportation order is made', () => {
    const t = plan({ person: { foreign_national: { liable_to_deportation: true, deportation_order: true } } });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('info');
    expect(at(t, fs[0])).toBe('true');
    expect(fs[0].message).toContain('deportation order');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.4');
  });
  it('asks for preparation for release in the home country when liable to deportation', () => {
    const t = plan({ person: { foreign_national: { liable_to_deportation: true, deportation_order: false } } });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('home country');
  });
  it('passes when an action prepares for the home country', () => {
    const acts = [item('actions', 0, {}), item('actions', 1, { description: 'Meet the Home Office team about the Facilitated Returns Scheme.' })];
    expect(run(plan({ person: { foreign_national: { liable_to_deportation: true } }, actions: acts }), ID)).toEqual([]);
  });
  it('is quiet for a person not liable to deportation', () => {
    expect(run(plan({ person: { foreign_national: { liable_to_deportation: false } } }), ID)).toEqual([]);
    expect(run(plan(), ID)).toEqual([]);
  });
});

describe('plan/interpreter', () => {
  const ID = 'plan/interpreter';
  const prog = (over: Record<string, unknown> = {}) =>
    item('actions', 1, { type: 'programme', programme: 'thinking_skills_programme', eligibility: 'passed', description: 'Complete the Thinking Skills Programme.', ...over });
  it('suggests an interpreter for accredited programme work when English is not the first language', () => {
    const t = plan({ person: { english_first_language: false }, actions: [item('actions', 0, {}), prog()] });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('info');
    expect(at(t, fs[0])).toBe('false');
    expect(fs[0].message).toContain('ACT-2');
    expect(fs[0].related).toHaveLength(1);
  });
  it('passes when an interpreter is already planned, or English is the first language, or there is no programme work', () => {
    const withInterp = prog({ description: 'Complete the Thinking Skills Programme, delivered with an interpreter.' });
    expect(run(plan({ person: { english_first_language: false }, actions: [item('actions', 0, {}), withInterp] }), ID)).toEqual([]);
    expect(run(plan({ person: { english_first_language: true }, actions: [item('actions', 0, {}), prog()] }), ID)).toEqual([]);
    expect(run(plan({ person: { english_first_language: false } }), ID)).toEqual([]);
  });
  it('ignores completed or withdrawn programme work', () => {
    expect(run(plan({ person: { english_first_language: false }, actions: [item('actions', 0, {}), prog({ status: 'completed' })] }), ID)).toEqual([]);
    expect(run(plan({ person: { english_first_language: false }, actions: [item('actions', 0, {}), prog({ status: 'withdrawn' })] }), ID)).toEqual([]);
  });
});
