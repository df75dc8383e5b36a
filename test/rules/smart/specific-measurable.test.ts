// smart/specific and smart/measurable, in the rule tester. Valid cases are objectives and
// measures an offender manager would write and a reviewer would accept; the analysis itself
// (analysis.test.ts) has its own tests.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../server/src/engine/config.js';
import { ruleTester } from '../tester.js';
import { applyFix, at, item, plan, rule, run, withProgrammes } from '../plan/helpers.js';

const desc = (description: string | undefined, over: Record<string, unknown> = {}) =>
  plan({ objectives: [item('objectives', 0, { description, ...over }), item('objectives', 1, {})] });
const measure = (m: string | undefined, over: Record<string, unknown> = {}) => desc('Complete a drug treatment programme with the prison substance misuse service.', { measure: m, ...over });
const template = (text: string) => text.replace('kind: plan', 'kind: template');
const BBR = withProgrammes([{ id: 'building_better_relationships', name: 'Building Better Relationships', accredited: true }]);
const OWN_VOCABULARY = (() => {
  const d = defaultConfig();
  const light = d.policy.smart.light_verbs.filter((v) => v !== 'address');
  const examples = { ...d.policy.smart.examples, drug_misuse: { specific: 'Our own example', measurable: 'Our own measure' } };
  return { ...d, policy: { ...d.policy, smart: { ...d.policy.smart, light_verbs: light, examples } } };
})();
const OBJ1 = 'OBJ-1';

ruleTester(rule('smart/specific')).run({
  valid: [
    // What a probation officer would accept as a specific objective.
    { name: 'a housing objective with its deadline', plan: desc('Secure a tenancy or supported housing place before the release date') },
    { name: 'a light verb followed by a concrete act', plan: desc('Address offending behaviour by completing the Thinking Skills Programme.') },
    { name: 'an improvement with an amount', plan: desc('Improve reading to Entry Level 3.') },
    ...['Open bank account', 'NA weekly on release', 'Sign his tenancy', 'Get CSCS card'].map((d) => ({ name: `a terse note that is specific: ${d}`, plan: desc(d) })),
    { name: 'a programme named with what the person will do', plan: desc('Complete Building Better Relationships and apply it at home'), config: BBR },
    { name: 'a template keeps a placeholder', plan: template(desc('${objective}')) },
    { name: 'an objective no longer appropriate is not judged', plan: desc('Engage', { status: 'no_longer_appropriate' }) },
    { name: 'a light verb taken out of the policy vocabulary', plan: desc('Address his rent arrears with the council'), config: OWN_VOCABULARY },
  ],
  invalid: [
    {
      name: 'a light verb with an abstract object: the short phrase and an example from the need area',
      plan: desc('Address his offending behaviour and work on his attitude.', { need: 'thinking_behaviour' }),
      errors: [
        {
          messageId: 'vague',
          data: { objective: OBJ1, subject: { id: 'phrase', data: { phrase: 'address his offending behaviour' } }, reason: 'light-verb' },
          cite: 'PSI 19/2014 para 2.7',
          text: 'Address his offending behaviour and work on his attitude.',
        },
      ],
    },
    { name: 'a long vague sentence', plan: desc('Engage positively with the full range of services available to him in custody and in the community.'), errors: [{ messageId: 'vague' }] },
    ...['Work on his issues and attitude', 'Look at offending behaviour more', 'Think about his offending behaviour', 'Engage with the plan and work on issues', 'Engage'].map((d) => ({
      name: `vague: ${d}`,
      plan: desc(d),
      errors: [{ messageId: 'vague' }],
    })),
    { name: 'the light verb is vague by the shipped vocabulary', plan: desc('Address his rent arrears with the council'), errors: [{ messageId: 'vague' }] },
    { name: 'the example comes from policy data', plan: desc('Work on issues'), config: OWN_VOCABULARY, errors: [{ messageId: 'vague', data: { example: 'Our own example' } }] },
    { name: 'a bare programme name, with "the" and "programme"', plan: desc('The Building Better Relationships programme'), config: BBR, errors: [{ messageId: 'programmeOnly', data: { objective: OBJ1 }, cite: 'PSI 19/2014 paras 2.7, 2.8' }] },
    { name: 'a bare programme name with its abbreviation', plan: desc('Building better relationships (BBR)'), config: BBR, errors: [{ messageId: 'programmeOnly' }] },
    { name: 'no description', plan: desc(undefined), errors: [{ messageId: 'missing', data: { objective: OBJ1 }, cite: 'PSI 19/2014 para 2.7' }] },
  ],
});

ruleTester(rule('smart/measurable')).run({
  valid: [
    ...[
      'Negative drug tests for 12 weeks.',
      'Programme completed.',
      'Gains a Level 1 qualification in maths.',
      'Passes the theory test.',
      'Full attendance at the group recorded on the register.',
      'Housing officer confirms the tenancy start in writing.',
    ].map((m) => ({ name: `checkable: ${m}`, plan: measure(m) })),
    { name: 'a template keeps a placeholder', plan: template(measure('${measure}')) },
    { name: 'an objective no longer appropriate is not judged', plan: measure('better', { status: 'no_longer_appropriate' }) },
  ],
  invalid: [
    {
      name: 'an opinion, naming the opinion word, with an example from the need area',
      plan: measure('Shows improved insight.', { need: 'drug_misuse' }),
      errors: [{ messageId: 'unverifiable', data: { objective: OBJ1, reason: 'opinion', quoted: { id: 'quoted', data: { phrase: 'improved' } } }, cite: 'PSI 19/2014 para 2.7', text: 'Shows improved insight.' }],
    },
    { name: 'a bare opinion', plan: measure('Better attitude'), errors: [{ messageId: 'unverifiable', data: { reason: 'opinion' } }] },
    { name: 'an opinion attributed to a report', plan: measure('Course report says he is more settled.'), errors: [{ messageId: 'unverifiable', data: { reason: 'opinion', quoted: { id: 'quoted', data: { phrase: 'more' } } } }] },
    { name: 'a check with no criterion', plan: measure('Drug tests are reviewed in supervision.'), errors: [{ messageId: 'unverifiable', data: { reason: 'no-result', quoted: { id: 'quoted', data: { phrase: 'reviewed' } } } }] },
    {
      name: 'no measure: a quick fix inserts an empty one with a prompt',
      plan: measure(undefined),
      errors: [{ messageId: 'missing', data: { objective: OBJ1 }, cite: 'PSI 19/2014 para 2.7' }],
      output: null,
    },
    { name: 'an empty measure: no fix', plan: measure(''), errors: [{ messageId: 'empty', suggestions: [] }] },
    {
      name: 'a flow map gets the empty measure without a comment',
      plan: 'sentence_plan: 1\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody }\n',
      errors: [{ messageId: 'missing', suggestions: ['sentence_plan: 1\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody, measure: "" }\n'] }],
    },
  ],
});

describe('smart/specific and smart/measurable beyond one finding', () => {
  it('specific never quotes a name, a number or a long stretch of the description', () => {
    const fs = run(desc('Mr Smith to address the issues Ms Jones raised at HMP Leeds on 12 May, as discussed with A1234BC and the wider team'), 'smart/specific');
    expect(fs).toHaveLength(1);
    const quoted = /: "([^"]*)"/.exec(fs[0].message)?.[1] ?? '';
    expect(quoted.length).toBeLessThanOrEqual(40);
    expect(fs[0].message).not.toMatch(/Smith|Jones|Leeds|A1234BC|12 May/);
    expect(JSON.stringify(fs[0].data)).not.toMatch(/Smith|Jones|Leeds|A1234BC|12 May/);
  });
  it('the messages read as they always have', () => {
    const [s] = run(desc('Address his offending behaviour and work on his attitude.', { need: 'thinking_behaviour' }), 'smart/specific');
    expect(s.message).toMatch(/^Objective OBJ-1's description does not say what will be done: "address his offending behaviour" names no act anyone could check\. Objectives must be specific \(PSI 19\/2014 para 2\.7\): .* e\.g\. "Complete the Thinking Skills Programme/);
    const [m] = run(measure('Shows improved insight.', { need: 'drug_misuse' }), 'smart/measurable');
    expect(m.message).toMatch(/^Objective OBJ-1's measure cannot be verified: it rests on an opinion \("improved"\), which a review could not check/);
    expect(m.message).toContain('e.g. "Attendance at every weekly appointment confirmed by the keyworker');
  });
  it('measurable: the inserted measure keeps the layout, and a second round offers nothing', () => {
    const t = measure(undefined);
    const out = applyFix(t, 'smart/measurable');
    expect(out).toMatch(/ {4}status: in_progress\n {4}measure: "" # how achievement will be shown[^\n]*\n {2}- id: OBJ-2/);
    const again = run(out, 'smart/measurable');
    expect(again.map((f) => [f.messageId, f.fixes.length])).toEqual([['smart/measurable.empty', 0]]);
    expect(at(out, again[0])).toBe('""');
  });
});
