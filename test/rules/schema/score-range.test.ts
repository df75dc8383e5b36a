// schema/score-range: OGRS3, OGP, OVP and RSR are fractions from 0 to 1. A value in (1, 100],
// or text ending in %, is read as a percentage and fixed unattended; below 0 or above 100, no fix.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../server/src/engine/fix.js';
import { rules } from '../../../server/src/rules/schema/index.js';
import { AS_OF, EXAMPLE, applyFix, at, edit, findings } from './fixtures.js';

const ID = 'schema/score-range';
const withScore = (key: string, v: string) => edit(EXAMPLE, 'scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', `scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34, ${key}: ${v} }`);
const scoreText = (v: string) => edit(EXAMPLE, 'ogrs3_2yr: 0.61', `ogrs3_2yr: ${v}`);
const range = (text: string) => findings(text, ID);

describe('schema/score-range', () => {
  it.each(['0', '1', '0.0', '1.0', '0.5', '0.999'])('%s is a valid fraction', (v) => {
    expect(range(scoreText(v))).toEqual([]);
  });

  it('the brief\'s examples: 61 → 0.61 and "48%" → 0.48, by fix-all', () => {
    const t1 = scoreText('61');
    const [a] = range(t1);
    expect(at(t1, a)).toBe('61');
    expect(a.message).toBe('`ogrs3_2yr` is 61, which reads as a percentage: OGRS3 is recorded as a fraction from 0 to 1, so write 0.61.');
    expect(a.fixes[0]).toMatchObject({ title: 'Change to 0.61', fixAll: true });
    applyFix(t1, a, EXAMPLE);
    const t2 = scoreText('"48%"');
    const [b] = range(t2);
    expect(at(t2, b)).toBe('"48%"');
    applyFix(t2, b, scoreText('0.48'));
  });

  it.each([
    ['48', '0.48'],
    ['61.5', '0.615'],
    ['100', '1'],
    ['7', '0.07'],
    ['1.01', '0.0101'],
    ['1.5', '0.015'],
    ["'2.5%'", '0.025'],
    ['"0%"', '0'],
    ['"100 %"', '1'],
    ['"0.48"', '0.48'],
    ['"33"', '0.33'],
  ])('%s → %s (certain)', (v, fixed) => {
    const text = scoreText(v);
    const [f, ...rest] = range(text);
    expect(rest).toEqual([]);
    expect(f.fixes[0].fixAll).toBe(true);
    applyFix(text, f, scoreText(fixed));
  });

  it.each(['-0.1', '-5', '100.5', '150', '"150%"', '"-3%"', '.inf'])('%s is out of range with no fix', (v) => {
    const [f] = range(scoreText(v));
    expect(f.message).toMatch(/outside the valid range: OGRS3 is a fraction from 0 to 1/);
    expect(f.fixes).toEqual([]);
  });

  it('checks every 0..1 score and names its tool', () => {
    expect(range(withScore('rsr', '3'))[0].message).toContain('RSR is recorded as a fraction');
    expect(range(withScore('ogp_2yr', '40'))[0].message).toContain('OGP is recorded as a fraction');
    expect(range(scoreText('0.61').replace('ovp_2yr: 0.34', 'ovp_2yr: 34'))[0].message).toContain('OVP is recorded as a fraction');
  });

  it('leaves banded scores and non-numeric text to schema/shape', () => {
    expect(range(scoreText('high'))).toEqual([]);
    expect(range(withScore('audit', '45'))).toEqual([]);
    expect(range(withScore('osp_c', 'high'))).toEqual([]);
  });

  it('keeps comments when fixing, and fix-all fixes every percentage', () => {
    const text = edit(EXAMPLE, '  scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', '  scores:\n    ogrs3_2yr: 61 # from OASys\n    ovp_2yr: "34%"');
    const r = fixAll(text, { asOf: AS_OF, rules });
    expect(r.text).toBe(edit(EXAMPLE, '  scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', '  scores:\n    ogrs3_2yr: 0.61 # from OASys\n    ovp_2yr: 0.34'));
    expect(r.remaining).toEqual([]);
  });

  it('runs in templates, where a placeholder is not a score problem', () => {
    const t = 'sentence_plan: 1\nkind: template\nassessment:\n  scores:\n    ogrs3_2yr: ${ogrs}\n    rsr: 2\n';
    const f = range(t);
    expect(f).toHaveLength(1);
    expect(at(t, f[0])).toBe('2');
  });
});
