// smart/specific and smart/measurable.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/src/engine/config.js';
import { applyFix, at, item, plan, run, withProgrammes } from '../plan/helpers.js';

const desc = (description: string | undefined, over: Record<string, unknown> = {}) =>
  plan({ objectives: [item('objectives', 0, { description, ...over }), item('objectives', 1, {})] });

describe('smart/specific', () => {
  const ID = 'smart/specific';
  it('edge: a 3-word description fails, a 4-word one passes', () => {
    const t = desc('Get CSCS card');
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('Get CSCS card');
    expect(fs[0].message).toContain('3 words');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.7');
    expect(run(desc('Get a CSCS card'), ID)).toEqual([]);
  });
  it('names the vague words of a description made only of vague phrases', () => {
    const t = desc('Address offending behaviour and improve attitude generally.');
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('`address offending behaviour` and `improve attitude`');
  });
  it('names the vague words of a short description too', () => {
    const fs = run(desc('Engage'), ID);
    expect(fs[0].message).toContain('1 word,');
    expect(fs[0].message).toContain('`engage`');
  });
  it('edge: a vague phrase with an object passes', () => {
    expect(run(desc('Address offending behaviour by completing the Thinking Skills Programme.'), ID)).toEqual([]);
    expect(run(desc('Improve reading to Entry Level 3.'), ID)).toEqual([]);
  });
  for (const vague of ['Work on his issues and attitude', 'Look at offending behaviour more', 'Think about his offending behaviour', 'Engage with the plan and work on issues']) {
    it(`flags "${vague}"`, () => expect(run(desc(vague), ID)).toHaveLength(1));
  }
  it('flags a bare programme name from the catalogue, with or without "the" and "programme"', () => {
    const cfg = withProgrammes([{ id: 'building_better_relationships', name: 'Building Better Relationships', accredited: true }]);
    const fs = run(desc('The Building Better Relationships programme'), ID, undefined, cfg);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('only a programme name');
    expect(run(desc('Building better relationships (BBR)'), ID, undefined, cfg)).toHaveLength(1);
    expect(run(desc('Complete Building Better Relationships and apply it at home'), ID, undefined, cfg)).toEqual([]);
  });
  it('reports a missing description; skips placeholders and objectives no longer appropriate', () => {
    expect(run(desc(undefined), ID)[0].message).toContain('no description');
    expect(run(desc('${objective}').replace('kind: plan', 'kind: template'), ID)).toEqual([]);
    expect(run(desc('Engage', { status: 'no_longer_appropriate' }), ID)).toEqual([]);
  });
  it('uses the word lists and threshold from policy data', () => {
    const d = defaultConfig();
    const cfg = { ...d, policy: { ...d.policy, smart: { ...d.policy.smart, min_description_words: 6, vague_phrases: ['obtain'] } } };
    expect(run(desc('Get a CSCS card'), ID, undefined, cfg)[0].message).toContain('at least 6');
    expect(run(desc('Engage with the plan and work on issues'), ID, undefined, cfg)).toEqual([]);
  });
});

describe('smart/measurable', () => {
  const ID = 'smart/measurable';
  it('passes observable measures: a number, a completion, a qualification, a test, attendance', () => {
    for (const m of ['Negative drug tests for 12 weeks.', 'Programme completed.', 'Gains a Level 1 qualification in maths.', 'Passes the theory test.', 'Full attendance at the group.', 'Improved attendance at work.']) {
      expect(run(desc(undefined, { measure: m }).replace(/description: .*\n/, 'description: Complete the programme and keep going.\n'), ID)).toEqual([]);
    }
  });
  it('flags vague measures and names the vague words', () => {
    const t = desc('Complete a drug treatment programme with the prison substance misuse service.', { measure: 'Shows improved insight.' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('Shows improved insight.');
    expect(fs[0].message).toContain('`improved` and `insight`');
    expect(run(desc('Complete a drug treatment programme.', { measure: 'Better attitude' }), ID)).toHaveLength(1);
  });
  it('inserts `measure: ""` with a prompt as a quick fix; a second round offers nothing', () => {
    const t = desc('Complete a drug treatment programme with the service.', { measure: undefined });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].fixes[0].fixAll).toBe(false);
    const out = applyFix(t, ID);
    expect(out).toMatch(/ {4}status: in_progress\n {4}measure: "" # how achievement will be shown[^\n]*\n {2}- id: OBJ-2/);
    const again = run(out, ID);
    expect(again).toHaveLength(1);
    expect(again[0].message).toContain('empty');
    expect(again[0].fixes).toEqual([]);
  });
  it('inserts without a comment in a flow map', () => {
    const t = 'sentence_plan: 1\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody }\n';
    const out = applyFix(t, ID);
    expect(out).toBe('sentence_plan: 1\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody, measure: "" }\n');
  });
  it('accepts a template placeholder; skips objectives no longer appropriate', () => {
    expect(run(desc('Complete the drug programme.', { measure: '${measure}' }).replace('kind: plan', 'kind: template'), ID)).toEqual([]);
    expect(run(desc('Complete the drug programme.', { measure: 'better', status: 'no_longer_appropriate' }), ID)).toEqual([]);
  });
});

describe('smart/specific word count', () => {
  it('counts hyphenated words once, as a reader does', () => {
    const t = plan({ objectives: [item('objectives', 0, { description: 'Build self-control skills' }), item('objectives', 1, {})] });
    expect(run(t, 'smart/specific')[0].message).toContain('3 words');
  });
});
