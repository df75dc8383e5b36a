// Local checks are total: compiling any configuration value and evaluating any compiled check
// on any plan value terminates without throwing; hostile configurations (deep nesting, huge
// lists, pathological patterns) are refused or bounded, and stay under a second per plan.
import { configText } from '../../server/src/engine/config.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import { CHECK_LIMITS, compileChecks, evaluateCheck } from '../../server/src/policy/checks.js';

const AS_OF = '2026-11-23';
const KEYS = ['a', 'b', 'need', 'objectives', 'release_date', '0', '1'];
const pathArb = fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
const scalarArb = fc.oneof(fc.constantFrom('accommodation', 'x', '2027-01-01', 'as_of'), fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.constant(null));
const dateRefArb = fc.oneof(
  fc.constant('as_of'),
  fc.constant('2026-02-29'),
  fc.constant('2027-03-01'),
  pathArb,
  pathArb.map((path) => ({ path })),
  fc.record({ of: fc.oneof(fc.constant('as_of'), pathArb), plus: fc.record({ years: fc.integer({ min: -200, max: 200 }), days: fc.integer({ min: -73000, max: 73000 }) }) }),
);

const predArb = fc.letrec<{ pred: unknown }>((tie) => ({
  pred: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ path: pathArb, equals: scalarArb }),
    fc.record({ path: pathArb, in: fc.array(scalarArb, { minLength: 1, maxLength: 4 }) }),
    fc.record({ path: pathArb, exists: fc.boolean() }),
    fc.record({ path: pathArb, missing: fc.boolean() }),
    fc.record({ path: pathArb, matches: fc.string({ maxLength: 12 }) }),
    fc.record({ path: pathArb, gte: fc.integer(), lt: fc.double() }),
    fc.record({ path: pathArb, before: dateRefArb }),
    fc.record({ path: pathArb, on_or_after: dateRefArb }),
    fc.record({ path: pathArb, within: fc.record({ weeks: fc.integer({ min: -300, max: 300 }) }), of: dateRefArb }),
    fc.record({ all: fc.array(tie('pred'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('pred'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('pred') }),
    fc.record({ some: pathArb, where: tie('pred') }),
    fc.record({ every: pathArb, where: tie('pred') }),
    fc.record({ count: pathArb, where: tie('pred'), gte: fc.integer({ min: 0, max: 3 }) }),
    fc.array(tie('pred'), { minLength: 1, maxLength: 3 }),
    // Some garbage too: compile must refuse it cleanly.
    fc.anything({ maxDepth: 2 }),
  ),
}));

// Plan-like values: objects with the keys paths use, lists, dates, numbers, text, odd values.
const planArb = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalarArb,
    fc.string(),
    fc.constantFrom('2027-02-30', '0000-01-01', '9999-12-31', '__proto__'),
    fc.dictionary(fc.constantFrom(...KEYS, '__proto__', 'constructor'), tie('v'), { maxKeys: 5 }),
    fc.array(tie('v'), { maxLength: 5 }),
  ),
}));

describe('local checks are total', () => {
  it('compiling any value and evaluating on any plan never throws', () => {
    fc.assert(
      fc.property(predArb.pred, fc.option(predArb.pred), fc.option(pathArb), planArb.v, fc.constantFrom(AS_OF, '2026-02-28', '9999-12-31'), (require, when, each, plan, asOf) => {
        const raw = { id: 'local/p', message: 'value {{a.b}} {{need}} {{$.objectives.0}}', require, ...(when !== null ? { when } : {}), ...(each !== null ? { each } : {}) };
        const { checks, problems } = compileChecks([raw], []);
        expect(checks.length + Math.min(problems.length, 1)).toBe(1);
        for (const c of checks) {
          const out = evaluateCheck(c, plan, asOf);
          expect(Array.isArray(out.findings)).toBe(true);
          for (const f of out.findings) expect(f.message).not.toMatch(/\{\{/);
        }
      }),
      { numRuns: 1500 },
    );
  });
  it('compiling arbitrary configuration never throws', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (raw) => {
        expect(() => compileChecks(raw, [])).not.toThrow();
        expect(() => compileChecks([raw], [])).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hostile configurations', () => {
  const plan = (n: number): string => {
    const lines = ['sentence_plan: 1', 'kind: plan', 'objectives:'];
    for (let i = 0; i < n; i++) lines.push(`  - { id: OBJ-${i + 1}, need: ${'a'.repeat(60)}, actions: [${Array(20).fill('x').join(', ')}] }`);
    return lines.join('\n') + '\n';
  };
  const timed = <T>(f: () => T): { ms: number; value: T } => {
    const t0 = performance.now();
    const value = f();
    return { ms: performance.now() - t0, value };
  };

  it('refuses deep nesting with a located problem, without throwing', () => {
    const deep = 'checks:\n  - id: local/deep\n    message: m\n    require: ' + '{ not: '.repeat(2000) + '{ path: a, exists: true }' + ' }'.repeat(2000) + '\n';
    const r = timed(() => loadConfigText(deep, 'c.yaml', []));
    expect(r.value.problems.some((p) => /nested too deeply/.test(p.message) && p.line === 4)).toBe(true);
    expect(r.value.config.checks).toBeUndefined();
    expect(r.ms).toBeLessThan(5000);
  });
  it('never throws on configuration nested thousands deep (the schema validator is spared it)', () => {
    for (const n of [1000, 3500, 5000, 10_000, 50_000]) {
      const flow = 'checks:\n  - id: local/deep\n    message: m\n    require: ' + '{ not: '.repeat(n) + '{ path: a, exists: true }' + ' }'.repeat(n) + '\n';
      const seqs = 'checks:\n  - id: local/deep\n    message: m\n    require: ' + '['.repeat(n) + ']'.repeat(n) + '\n';
      for (const text of [flow, seqs]) {
        const r = loadConfigText(text, 'c.yaml', []);
        expect(r.problems.length).toBeGreaterThan(0);
        expect(r.config.checks).toBeUndefined();
      }
    }
  });
  it('refuses huge lists and long patterns', () => {
    const huge = { id: 'local/huge', message: 'm', require: { path: 'a', in: Array.from({ length: 100_000 }, (_, i) => i) } };
    const wide = { id: 'local/wide', message: 'm', require: { any: Array.from({ length: 100_000 }, () => ({ path: 'a', exists: true })) } };
    const long = { id: 'local/long', message: 'm', require: { path: 'a', matches: '*a'.repeat(5000) } };
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `local/c${i}`, message: 'm', require: { path: 'a', exists: true } }));
    const r = compileChecks([huge, wide, long], []);
    expect(r.checks).toEqual([]);
    expect(r.problems.map((p) => p.path.slice(0, 2))).toEqual([['checks', 0], ['checks', 1], ['checks', 2]]);
    const m = compileChecks(many, []);
    expect(m.checks).toHaveLength(CHECK_LIMITS.checks);
    expect(configText(m.problems[0].message)).toMatch(/too many checks/);
  });
  it('the worst accepted checks stay under a second per plan', () => {
    // 100 checks (the maximum), each nesting quantifiers over 2,000 objectives × 20 actions,
    // with a pathological glob (every `*` retried) on long text: the step budget stops them.
    let where: unknown = { path: 'need', matches: '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b' };
    where = { some: 'actions', where: { not: { path: '$.objectives.0.need', matches: '*a*a*a*a*a*a*a*a*b' } } };
    where = { all: [{ every: '$.objectives', where: { path: 'need', matches: '*a*a*a*a*a*a*a*a*a*a*b' } }, where] };
    const checks = Array.from({ length: CHECK_LIMITS.checks }, (_, i) => ({ id: `local/w${i}`, message: 'm {{need}}', each: 'objectives', require: { count: '$.objectives', where, gte: 1 } }));
    const { checks: compiled, problems } = compileChecks(checks, []);
    expect(problems).toEqual([]);
    const text = plan(2000);
    const config = { ...loadConfigText('', 'c.yaml', []).config, checks: compiled };
    const linted = lint(text, { asOf: AS_OF, config, rules: [] });
    // Every check ran out of budget and said so (info), none threw.
    const stopped = linted.findings.filter((f) => f.severity === 'info' && /stopped after/.test(f.message));
    expect(stopped).toHaveLength(CHECK_LIMITS.checks);
    expect(linted.findings.some((f) => f.ruleId === 'meta/internal-error')).toBe(false);
    // The checks' own time on this plan (parsing the 2,000-objective plan is not theirs).
    const r = timed(() => compiled.map((c) => evaluateCheck(c, linted.root, AS_OF)));
    expect(r.value.every((o) => o.stopped)).toBe(true);
    expect(r.ms).toBeLessThan(1000);
  });
});
