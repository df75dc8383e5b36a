// Fuzzing the engine with mutated samples: `lint` with every rule and `fixAll` never throw,
// no rule fails (no meta/internal-error), each run stays within the time budget, every
// finding, related location and fix edit lies inside the document, and applying a fix (one
// quick fix, or fix-all) never raises the number of YAML syntax errors.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits.js';
import { fixAll } from '../../server/src/engine/fix.js';
import { lint } from '../../server/src/engine/lint.js';
import { parseText } from '../../server/src/engine/parse.js';
import type { Finding, Span, TextEdit } from '../../server/src/engine/types.js';
import { AS_OF, BUDGET_MS, fuzzSettings, LONG, mutantArb, SAMPLES, TIME_FACTOR, Timings } from './mutate.js';

const inRange = (s: Span, len: number): void => {
  expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
  expect(s.start).toBeGreaterThanOrEqual(0);
  expect(s.start).toBeLessThanOrEqual(s.end);
  expect(s.end).toBeLessThanOrEqual(len);
};

const editsDisjoint = (edits: readonly TextEdit[]): boolean => {
  const s = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < s.length; i++) if (s[i].start < s[i - 1].end) return false;
  return true;
};

const syntaxErrors = (text: string): number => parseText(text).problems.filter((p) => p.severity === 'error').length;
const lintSyntaxErrors = (fs: readonly Finding[]): number => fs.filter((f) => f.ruleId === 'schema/yaml-syntax' && f.severity === 'error').length;

const lintTimes = new Timings();
const fixTimes = new Timings();
let quickFixesApplied = 0;

/** Check one lint result; returns the findings. */
function checkLint(text: string, what = ''): Finding[] {
  const t0 = performance.now();
  const r = lint(text, { asOf: AS_OF });
  lintTimes.add(performance.now() - t0, `${what}, ${text.length} chars, ${r.findings.length} findings`);
  const internal = r.findings.filter((f) => f.ruleId === 'meta/internal-error');
  expect(internal.map((f) => f.message)).toEqual([]);
  for (const f of r.findings) {
    inRange(f.span, text.length);
    for (const rel of f.related) inRange(rel.span, text.length);
    for (const fix of f.fixes) {
      expect(fix.edits.length).toBeGreaterThan(0);
      for (const e of fix.edits) inRange(e, text.length);
      expect(editsDisjoint(fix.edits)).toBe(true);
    }
  }
  return r.findings;
}

describe('fuzz: the engine on mutated samples', () => {
  it('samples load (and the first lint, which compiles the schemas, is not timed)', () => {
    expect(SAMPLES.length).toBeGreaterThan(50);
    lint(SAMPLES[0].text, { asOf: AS_OF });
    fixAll(SAMPLES[0].text, { asOf: AS_OF });
  });

  const lintRun = fuzzSettings('engine lint + quick fixes', 300, 10_000);
  // Async properties that yield between inputs: a long synchronous run starves the vitest
  // worker's RPC ("Timeout calling onTaskUpdate").
  it(`lint (every rule) and each quick fix: ${lintRun.numRuns} mutants`, async () => {
    await fc.assert(
      fc.asyncProperty(mutantArb, async ({ text, sample }) => {
        await new Promise((r) => setImmediate(r));
        const findings = checkLint(text, sample);
        // Apply up to three quick fixes (certain or not): never more syntax errors.
        const before = syntaxErrors(text);
        let n = 0;
        for (const f of findings) {
          for (const fix of f.fixes) {
            if (n++ >= 3) break;
            const after = applyEdits(text, fix.edits);
            quickFixesApplied++;
            expect(syntaxErrors(after), `${f.ruleId}: ${fix.title}`).toBeLessThanOrEqual(before);
          }
        }
      }),
      { seed: lintRun.seed, numRuns: lintRun.numRuns },
    );
  }, LONG ? 3_600_000 : 120_000);

  const fixRun = fuzzSettings('engine fixAll', 60, 2_000);
  it(`fixAll: ${fixRun.numRuns} mutants`, async () => {
    await fc.assert(
      fc.asyncProperty(mutantArb, async ({ text }) => {
        await new Promise((r) => setImmediate(r));
        const before = lint(text, { asOf: AS_OF });
        const t0 = performance.now();
        const r = fixAll(text, { asOf: AS_OF });
        fixTimes.add(performance.now() - t0, `${r.applied.length} fixes applied`);
        for (const f of r.remaining) inRange(f.span, r.text.length);
        expect(lintSyntaxErrors(r.remaining)).toBeLessThanOrEqual(lintSyntaxErrors(before.findings));
        if (r.changed) checkLint(r.text);
      }),
      { seed: fixRun.seed, numRuns: fixRun.numRuns },
    );
  }, LONG ? 3_600_000 : 120_000);

  it('held the time budget', () => {
    const l = lintTimes.stats();
    expect(l.n).toBeGreaterThanOrEqual(lintRun.numRuns);
    expect(l.median).toBeLessThan(BUDGET_MS);
    expect(l.max).toBeLessThan(BUDGET_MS * TIME_FACTOR);
    // fixAll re-lints between passes (up to 10): its budget is the same per pass.
    expect(fixTimes.stats().max).toBeLessThan(BUDGET_MS * TIME_FACTOR * 3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  afterAll(() => {
    console.log(lintTimes.summary('lint (all rules)'));
    console.log(fixTimes.summary('fixAll'));
    console.log(`quick fixes applied: ${quickFixesApplied}`);
  });
});
