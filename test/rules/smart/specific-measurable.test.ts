// smart/specific and smart/measurable.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/src/engine/config.js';
import { applyFix, at, item, plan, run, withProgrammes } from '../plan/helpers.js';

const desc = (description: string | undefined, over: Record<string, unknown> = {}) =>
  plan({ objectives: [item('objectives', 0, { description, ...over }), item('objectives', 1, {})] });

describe('smart/specific', () => {
  const ID = 'smart/specific';
  it('flags a light verb with an abstract object, quoting the short phrase and an example from the need area', () => {
    const t = desc('Address his offending behaviour and work on his attitude.', { need: 'thinking_behaviour' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('Address his offending behaviour and work on his attitude.');
    expect(fs[0].message).toContain('"address his offending behaviour" names no act anyone could check');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.7');
    expect(fs[0].message).toContain('e.g. "Complete the Thinking Skills Programme');
  });
  it('word count is not the test: terse specific notes pass, a long vague sentence fails', () => {
    for (const ok of ['Open bank account', 'NA weekly on release', 'Sign his tenancy', 'Get CSCS card']) expect(run(desc(ok), ID), ok).toEqual([]);
    expect(run(desc('Engage positively with the full range of services available to him in custody and in the community.'), ID)).toHaveLength(1);
  });
  it('passes a light verb followed by a concrete act, or with an amount', () => {
    expect(run(desc('Address offending behaviour by completing the Thinking Skills Programme.'), ID)).toEqual([]);
    expect(run(desc('Improve reading to Entry Level 3.'), ID)).toEqual([]);
  });
  for (const vague of ['Work on his issues and attitude', 'Look at offending behaviour more', 'Think about his offending behaviour', 'Engage with the plan and work on issues', 'Engage']) {
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
  it('never quotes a name, a number or a long stretch of the description', () => {
    const fs = run(desc('Mr Smith to address the issues Ms Jones raised at HMP Leeds on 12 May, as discussed with A1234BC and the wider team'), ID);
    expect(fs).toHaveLength(1);
    const quoted = /: "([^"]*)"/.exec(fs[0].message)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(40);
    expect(fs[0].message).not.toMatch(/Smith|Jones|Leeds|A1234BC|12 May/);
  });
  it('uses the vocabularies and examples from policy data', () => {
    const d = defaultConfig();
    const light = d.policy.smart.light_verbs.filter((v) => v !== 'address');
    const examples = { ...d.policy.smart.examples, drug_misuse: { specific: 'Our own example', measurable: 'Our own measure' } };
    const cfg = { ...d, policy: { ...d.policy, smart: { ...d.policy.smart, light_verbs: light, examples } } };
    expect(run(desc('Address his rent arrears with the council'), ID)).toHaveLength(1);
    expect(run(desc('Address his rent arrears with the council'), ID, undefined, cfg)).toEqual([]);
    expect(run(desc('Work on issues'), ID, undefined, cfg)[0].message).toContain('e.g. "Our own example"');
  });
});

describe('smart/measurable', () => {
  const ID = 'smart/measurable';
  it('passes checkable measures: a number, a completion, a document, a test with its criterion, attendance, a confirmation', () => {
    for (const m of ['Negative drug tests for 12 weeks.', 'Programme completed.', 'Gains a Level 1 qualification in maths.', 'Passes the theory test.', 'Full attendance at the group recorded on the register.', 'Housing officer confirms the tenancy start in writing.']) {
      expect(run(desc(undefined, { measure: m }).replace(/description: .*\n/, 'description: Complete the programme at HMP Leeds.\n'), ID), m).toEqual([]);
    }
  });
  it('flags an opinion, naming the opinion word and giving an example from the need area', () => {
    const t = desc('Complete a drug treatment programme with the prison substance misuse service.', { measure: 'Shows improved insight.', need: 'drug_misuse' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('Shows improved insight.');
    expect(fs[0].message).toContain('rests on an opinion ("improved")');
    expect(fs[0].message).toContain('e.g. "Attendance at every weekly appointment confirmed by the keyworker');
    expect(run(desc('Complete a drug treatment programme.', { measure: 'Better attitude' }), ID)).toHaveLength(1);
  });
  it('flags an opinion attributed to a report, and a test with no criterion', () => {
    expect(run(desc('Complete the course.', { measure: 'Course report says he is more settled.' }), ID)[0].message).toContain('"more"');
    expect(run(desc('Complete the course.', { measure: 'Drug tests are reviewed in supervision.' }), ID)[0].message).toContain('names a check ("reviewed")');
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
