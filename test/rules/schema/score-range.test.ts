// schema/score-range, in the rule tester: OGRS3, OGP, OVP and RSR are fractions from 0 to 1. A
// value in (1, 100], or text ending in %, is read as a percentage and fixed unattended; below 0
// or above 100, no fix.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../server/src/engine/fix.js';
import { rules } from '../../../server/src/rules/schema/index.js';
import { ruleTester } from '../tester.js';
import { AS_OF, EXAMPLE, edit, rule } from './fixtures.js';

const withScore = (key: string, v: string) => edit(EXAMPLE, 'scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', `scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34, ${key}: ${v} }`);
const scoreText = (v: string) => edit(EXAMPLE, 'ogrs3_2yr: 0.61', `ogrs3_2yr: ${v}`);

const CERTAIN: [string, string, 'percent' | 'quoted'][] = [
  ['48', '0.48', 'percent'],
  ['61.5', '0.615', 'percent'],
  ['100', '1', 'percent'],
  ['7', '0.07', 'percent'],
  ['1.01', '0.0101', 'percent'],
  ['1.5', '0.015', 'percent'],
  ["'2.5%'", '0.025', 'percent'],
  ['"0%"', '0', 'percent'],
  ['"100 %"', '1', 'percent'],
  ['"0.48"', '0.48', 'quoted'],
  ['"33"', '0.33', 'percent'],
];

ruleTester(rule('schema/score-range')).run({
  valid: [
    ...['0', '1', '0.0', '1.0', '0.5', '0.999'].map((v) => ({ name: `${v} is a valid fraction`, plan: scoreText(v) })),
    // Banded scores (OSP) and the AUDIT total are not fractions; text that is not a number is schema/shape's.
    { name: 'text that is not a number is left to schema/shape', plan: scoreText('high') },
    { name: 'an AUDIT total of 45 is not a fraction', plan: withScore('audit', '45') },
    { name: 'a banded OSP score', plan: withScore('osp_c', 'high') },
    { name: 'a template keeps a placeholder for the score', plan: 'sentence_plan: 1\nkind: template\nassessment:\n  scores:\n    ogrs3_2yr: ${ogrs}\n' },
  ],
  invalid: [
    {
      name: "the brief's example: 61 is 0.61, fixed unattended",
      plan: scoreText('61'),
      errors: [{ messageId: 'percent', data: { key: 'ogrs3_2yr', tool: 'OGRS3', shown: '61', fraction: '0.61' }, text: '61', suggestions: [EXAMPLE] }],
      output: EXAMPLE,
    },
    {
      name: 'a quoted percentage "48%" is 0.48',
      plan: scoreText('"48%"'),
      errors: [{ messageId: 'percent', data: { shown: '48%', fraction: '0.48' }, text: '"48%"' }],
      output: scoreText('0.48'),
    },
    ...CERTAIN.map(([v, fixed, messageId]) => ({
      name: `${v} is certainly ${fixed}`,
      plan: scoreText(v),
      errors: [{ messageId, data: { fraction: fixed }, suggestions: [scoreText(fixed)] }],
      output: scoreText(fixed),
    })),
    ...['-0.1', '-5', '100.5', '150', '"150%"', '"-3%"', '.inf'].map((v) => ({
      name: `${v} is out of range, with no fix`,
      plan: scoreText(v),
      errors: [{ messageId: 'outOfRange', data: { key: 'ogrs3_2yr', tool: 'OGRS3' }, suggestions: [] }],
      output: null,
    })),
    { name: 'RSR is named by its tool', plan: withScore('rsr', '3'), errors: [{ messageId: 'percent', data: { key: 'rsr', tool: 'RSR', fraction: '0.03' } }] },
    { name: 'OGP too', plan: withScore('ogp_2yr', '40'), errors: [{ messageId: 'percent', data: { key: 'ogp_2yr', tool: 'OGP' } }] },
    { name: 'OVP too', plan: edit(EXAMPLE, 'ovp_2yr: 0.34', 'ovp_2yr: 34'), errors: [{ messageId: 'percent', data: { key: 'ovp_2yr', tool: 'OVP', fraction: '0.34' } }] },
    {
      name: 'in a template a real value is still checked, the placeholder is not',
      plan: 'sentence_plan: 1\nkind: template\nassessment:\n  scores:\n    ogrs3_2yr: ${ogrs}\n    rsr: 2\n',
      errors: [{ messageId: 'percent', line: 6, text: '2' }],
    },
  ],
});

describe('schema/score-range fix-all', () => {
  it('keeps comments when fixing, and fixes every percentage', () => {
    const text = edit(EXAMPLE, '  scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', '  scores:\n    ogrs3_2yr: 61 # from OASys\n    ovp_2yr: "34%"');
    const r = fixAll(text, { asOf: AS_OF, rules });
    expect(r.text).toBe(edit(EXAMPLE, '  scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', '  scores:\n    ogrs3_2yr: 0.61 # from OASys\n    ovp_2yr: 0.34'));
    expect(r.remaining).toEqual([]);
  });
});
