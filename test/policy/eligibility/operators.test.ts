// The one operator of the criteria language (server/src/policy/eligibility/operators.ts):
// numeric thresholds, AUDIT counts, bands and risk levels all compare through it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandHolds, holds, ORDINAL, rankOf } from '../../../server/src/policy/eligibility/operators.js';

describe('holds: numbers', () => {
  it('at_least and at_most include the threshold, below excludes it', () => {
    expect(holds('at_least', 0.5, 0.5)).toBe(true);
    expect(holds('at_least', 0.4999, 0.5)).toBe(false);
    expect(holds('below', 20, 20)).toBe(false);
    expect(holds('below', 19, 20)).toBe(true);
    expect(holds('at_most', 0.75, 0.75)).toBe(true);
    expect(holds('at_most', 0.7501, 0.75)).toBe(false);
  });
  it('in is membership', () => {
    expect(holds('in', 2, [1, 2])).toBe(true);
    expect(holds('in', 3, [1, 2])).toBe(false);
    expect(holds('in', 1, [])).toBe(false);
  });
  it('below is the negation of at_least, and at_most is below or equal (any finite numbers)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (v, x) => {
        expect(holds('below', v, x)).toBe(!holds('at_least', v, x));
        expect(holds('at_most', v, x)).toBe(holds('below', v, x) || v === x);
      }),
    );
  });
});

describe('bands and levels by rank', () => {
  it('one ordinal scale: low < medium < high < very high', () => {
    expect(ORDINAL.map(rankOf)).toEqual([0, 1, 2, 3]);
    expect(rankOf('extreme')).toBe(-1);
  });
  it('at_least on bands: OSP/C high meets "at least medium", low does not; very high meets "at least high"', () => {
    expect(bandHolds('at_least', 'high', 'medium')).toBe(true);
    expect(bandHolds('at_least', 'medium', 'medium')).toBe(true);
    expect(bandHolds('at_least', 'low', 'medium')).toBe(false);
    expect(bandHolds('at_least', 'very_high', 'high')).toBe(true);
  });
  it('in on bands is membership, not order', () => {
    expect(bandHolds('in', 'medium', ['medium'])).toBe(true);
    expect(bandHolds('in', 'high', ['medium'])).toBe(false);
    expect(bandHolds('in', 'very_high', ['high', 'very_high'])).toBe(true);
  });
  it('risk levels (low, medium, high) and three-band scores rank as the four bands do', () => {
    const levels = ['low', 'medium', 'high'];
    for (const a of levels) for (const b of levels) expect(bandHolds('at_least', a, b)).toBe(levels.indexOf(a) >= levels.indexOf(b));
  });
  it('a band test agrees with the numeric operator on ranks (every pair)', () => {
    for (const a of ORDINAL) for (const b of ORDINAL) {
      expect(bandHolds('at_least', a, b)).toBe(holds('at_least', rankOf(a), rankOf(b)));
      expect(bandHolds('in', a, [b])).toBe(a === b);
    }
  });
});
