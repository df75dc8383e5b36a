// Fuzzing the hostile shapes of issue 18 (shapes.mjs): deep flow nesting, many keys, many
// anchors and aliases, long references, many objectives and actions, a syntax error on
// every line, at random sizes. Each input gets an answer within a generous bound: no throw,
// no failed rule, findings capped, every span inside the document, and a file over the
// work budget says so with `meta/too-complex`. With `npm run fuzz`, more inputs and a random seed.
import { describe, expect, it } from 'vitest';
import { WORK_BUDGET } from '../../server/src/engine/budget.js';
import { lint } from '../../server/src/engine/lint.js';
import { AS_OF, fuzzSettings, TIME_FACTOR, Timings } from './mutate.js';
import { randomShape } from './shapes.mjs';

/** The hostile files are up to 1 MB: 2 s is the target, times the shared-machine factor. */
const BOUND_MS = 2_000 * TIME_FACTOR;

describe('fuzz: hostile shapes through the engine', () => {
  const { seed, numRuns } = fuzzSettings('hostile shapes', 12, 300);
  it(`${numRuns} random hostile shapes are answered, within the work budget`, () => {
    // A small linear congruential generator: reproducible from the printed seed.
    let state = seed >>> 0 || 1;
    const rnd = (): number => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const times = new Timings();
    for (let i = 0; i < numRuns; i++) {
      const { shape, text } = randomShape(rnd);
      const t0 = performance.now();
      const r = lint(text, { asOf: AS_OF });
      const ms = performance.now() - t0;
      times.add(ms, `${shape}, ${text.length} chars`);
      expect({ shape, ms: ms < BOUND_MS }).toEqual({ shape, ms: true });
      expect(r.findings.filter((f) => f.ruleId === 'meta/internal-error')).toEqual([]);
      expect(r.findings.length).toBeLessThanOrEqual(WORK_BUDGET.maxFindings + 10);
      for (const f of r.findings) {
        expect(f.span.start).toBeGreaterThanOrEqual(0);
        expect(f.span.end).toBeLessThanOrEqual(text.length);
      }
      // Nesting past the budget is always reported, never silently dropped.
      if (shape.startsWith('flow') && /[[{]{70}/.test(text)) expect(r.findings.some((f) => f.ruleId === 'meta/too-complex')).toBe(true);
    }
    console.log(times.summary('hostile shapes'));
  });
});
