// Local checks: the predicate language operator by operator, compile problems located in the
// config file, and checks running as ordinary rules through lint (severity, suppression).
import { configText } from '../../server/src/engine/config.js';
import { readFileSync } from 'node:fs';
import configSchema from '../../schemas/config.schema.json';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import { CHECK_LIMITS, compileChecks, evaluateCheck, globMatch, parseGlob, shownValue, type LocalCheck } from '../../server/src/policy/checks.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const AS_OF = '2026-11-23';
const BUILT_IN = ALL_RULES.map((r) => r.meta.id);

/** Compile one check from its parts (require/when given as plain data). */
function check(parts: Record<string, unknown>): LocalCheck {
  const { checks, problems } = compileChecks([{ id: 'local/t', message: 'm', ...parts }], BUILT_IN);
  expect(problems).toEqual([]);
  return checks[0];
}
/** Does `require` hold on this plan value? */
const holds = (require: unknown, root: unknown, asOf = AS_OF): boolean => evaluateCheck(check({ require }), root, asOf).findings.length === 0;

describe('predicate operators', () => {
  const plan = {
    sentence: { setting: 'custody', release_date: '2027-03-01', sentenced_on: '2025-06-10', length_months: 48 },
    assessment: { mappa: { level: 2 } },
    person: { english_first_language: false, name: 'Secret Name' },
    objectives: [
      { id: 'OBJ-1', need: 'accommodation', target_date: '2027-01-10' },
      { id: 'OBJ-2', need: 'finance' },
    ],
  };
  it('equals', () => {
    expect(holds({ path: 'sentence.setting', equals: 'custody' }, plan)).toBe(true);
    expect(holds({ path: 'sentence.setting', equals: 'community' }, plan)).toBe(false);
    expect(holds({ path: 'assessment.mappa.level', equals: '2' }, plan)).toBe(false); // no coercion
    expect(holds({ path: 'person.english_first_language', equals: false }, plan)).toBe(true);
  });
  it('in', () => {
    expect(holds({ path: 'assessment.mappa.level', in: [2, 3] }, plan)).toBe(true);
    expect(holds({ path: 'assessment.mappa.level', in: [1] }, plan)).toBe(false);
    expect(holds({ path: 'no.such', in: [1] }, plan)).toBe(false);
  });
  it('exists and missing', () => {
    expect(holds({ path: 'sentence.release_date', exists: true }, plan)).toBe(true);
    expect(holds({ path: 'sentence.tariff_date', exists: true }, plan)).toBe(false);
    expect(holds({ path: 'sentence.tariff_date', missing: true }, plan)).toBe(true);
    expect(holds({ path: 'sentence.tariff_date', exists: false }, plan)).toBe(true);
    expect(holds({ path: 'objectives.1.need', exists: true }, plan)).toBe(true);
    expect(holds({ path: 'objectives.7.need', exists: true }, plan)).toBe(false);
  });
  it('matches (anchored glob)', () => {
    expect(holds({ path: 'objectives.0.id', matches: 'OBJ-*' }, plan)).toBe(true);
    expect(holds({ path: 'objectives.0.id', matches: 'OBJ' }, plan)).toBe(false); // anchored
    expect(holds({ path: 'objectives.0.id', matches: 'OBJ-?' }, plan)).toBe(true);
    expect(holds({ path: 'assessment.mappa.level', matches: '*' }, plan)).toBe(false); // not text
    expect(globMatch(parseGlob('a\\*b')!, 'a*b')).toBe(true);
    expect(globMatch(parseGlob('a\\*b')!, 'axb')).toBe(false);
    expect(globMatch(parseGlob('*a*b*c')!, 'xxaxxbxxc')).toBe(true);
    expect(globMatch(parseGlob('*a*b*c')!, 'xxaxxcxxb')).toBe(false);
    expect(globMatch(parseGlob('')!, '')).toBe(true);
    expect(parseGlob('bad\\')).toBeUndefined();
  });
  it('numeric comparisons', () => {
    expect(holds({ path: 'sentence.length_months', gte: 48, lt: 49 }, plan)).toBe(true);
    expect(holds({ path: 'sentence.length_months', gt: 48 }, plan)).toBe(false);
    expect(holds({ path: 'sentence.length_months', lte: 47 }, plan)).toBe(false);
    expect(holds({ path: 'sentence.setting', gt: 0 }, plan)).toBe(false);
  });
  it('dates: before, after, within … of as_of, of a path, negative durations', () => {
    expect(holds({ path: 'sentence.release_date', after: 'as_of' }, plan)).toBe(true);
    expect(holds({ path: 'sentence.release_date', before: '2027-03-01' }, plan)).toBe(false);
    expect(holds({ path: 'sentence.sentenced_on', before: 'sentence.release_date' }, plan)).toBe(true);
    expect(holds({ path: 'sentence.release_date', within: { weeks: 26 }, of: 'as_of' }, plan)).toBe(true);
    expect(holds({ path: 'sentence.release_date', within: { weeks: 12 } }, plan)).toBe(false);
    // 2026-11-23 + 14 weeks = 2027-03-01: the end is inclusive.
    expect(holds({ path: 'sentence.release_date', within: { weeks: 14 } }, plan)).toBe(true);
    expect(holds({ path: 'sentence.sentenced_on', within: { years: -2 }, of: 'as_of' }, plan)).toBe(true);
    expect(holds({ path: 'sentence.sentenced_on', within: { months: 6 }, of: { path: 'sentence.release_date' } }, plan)).toBe(false);
    expect(holds({ path: 'sentence.setting', after: 'as_of' }, plan)).toBe(false); // not a date
    expect(holds({ path: 'sentence.release_date', after: 'sentence.nothing' }, plan)).toBe(false);
  });
  it('dates: on_or_before, on_or_after, and a date moved by a duration', () => {
    expect(holds({ path: 'sentence.release_date', on_or_before: '2027-03-01' }, plan)).toBe(true);
    expect(holds({ path: 'sentence.release_date', on_or_after: '2027-03-02' }, plan)).toBe(false);
    // An adult on the day: born on or before as_of minus 18 years (2008-11-23 turns 18 on 2026-11-23).
    const adult = { path: 'person.date_of_birth', on_or_before: { of: 'as_of', plus: { years: -18 } } };
    expect(holds(adult, { person: { date_of_birth: '2008-11-23' } })).toBe(true);
    expect(holds(adult, { person: { date_of_birth: '2008-11-24' } })).toBe(false);
    expect(holds({ path: 'sentence.sentenced_on', before: { of: 'sentence.release_date', plus: { months: -12 } } }, plan)).toBe(true);
  });
  it('all, any, not, and a list meaning all', () => {
    const a = { path: 'sentence.setting', equals: 'custody' };
    const b = { path: 'sentence.setting', equals: 'community' };
    expect(holds({ all: [a, a] }, plan)).toBe(true);
    expect(holds({ all: [a, b] }, plan)).toBe(false);
    expect(holds({ any: [b, a] }, plan)).toBe(true);
    expect(holds({ any: [b, b] }, plan)).toBe(false);
    expect(holds({ not: b }, plan)).toBe(true);
    expect(holds([a, b], plan)).toBe(false);
  });
  it('some, every, count with where relative to each item, and $. from the root', () => {
    expect(holds({ some: 'objectives', where: { path: 'need', equals: 'accommodation' } }, plan)).toBe(true);
    expect(holds({ some: 'objectives', where: { path: 'need', equals: 'drug_misuse' } }, plan)).toBe(false);
    expect(holds({ some: 'objectives' }, plan)).toBe(true);
    expect(holds({ some: 'outcomes' }, plan)).toBe(false);
    expect(holds({ every: 'objectives', where: { path: 'target_date', exists: true } }, plan)).toBe(false);
    expect(holds({ every: 'outcomes', where: { path: 'x', exists: true } }, plan)).toBe(true); // vacuous
    expect(holds({ count: 'objectives', equals: 2 }, plan)).toBe(true);
    expect(holds({ count: 'objectives', where: { path: 'need', equals: 'finance' }, gte: 2 }, plan)).toBe(false);
    expect(holds({ every: 'objectives', where: { path: 'target_date', before: '$.sentence.release_date' } }, { ...plan, objectives: [plan.objectives[0]] })).toBe(true);
    expect(holds({ some: 'sentence' }, plan)).toBe(false); // not a list
  });
});

describe('findings', () => {
  it('point at the failing item, or at the list, or fall back to the parent', () => {
    const root = { objectives: [{ need: 'a', target_date: '2027-01-01' }, { need: 'b' }] };
    expect(evaluateCheck(check({ require: { every: 'objectives', where: { path: 'target_date', exists: true } } }), root, AS_OF).findings[0].path).toEqual(['objectives', 1, 'target_date']);
    expect(evaluateCheck(check({ require: { some: 'objectives', where: { path: 'need', equals: 'c' } } }), root, AS_OF).findings[0].path).toEqual(['objectives']);
    expect(evaluateCheck(check({ require: { path: 'sentence.release_date', exists: true } }), root, AS_OF).findings[0].path).toEqual(['sentence', 'release_date']);
  });
  it('each: one finding per failing item, paths relative to the item', () => {
    const root = { objectives: [{ need: 'accommodation' }, { need: 'finance', measure: 'x' }, { need: 'accommodation', measure: 'y' }] };
    const c = check({ each: 'objectives', when: { path: 'need', equals: 'accommodation' }, require: { path: 'measure', exists: true } });
    expect(evaluateCheck(c, root, AS_OF).findings.map((f) => f.path)).toEqual([['objectives', 0, 'measure']]);
  });
  it('when gates the check', () => {
    const c = check({ when: { path: 'sentence.setting', equals: 'custody' }, require: { path: 'x', exists: true } });
    expect(evaluateCheck(c, { sentence: { setting: 'community' } }, AS_OF).findings).toEqual([]);
    expect(evaluateCheck(c, { sentence: { setting: 'custody' } }, AS_OF).findings).toHaveLength(1);
  });
  it('fill placeholders with enums, numbers, booleans, dates and ids only, never free text', () => {
    const c = check({
      message: 'L{{assessment.mappa.level}} {{sentence.setting}} {{sentence.release_date}} {{person.name}} {{person.english_first_language}} {{nothing.here}} {{ objectives.0.id }}',
      require: { path: 'x', exists: true },
    });
    const root = { assessment: { mappa: { level: 3 } }, sentence: { setting: 'custody', release_date: '2027-01-01' }, person: { name: 'Secret Name', english_first_language: true }, objectives: [{ id: 'OBJ-4' }] };
    expect(evaluateCheck(c, root, AS_OF).findings[0].message).toBe('L3 custody 2027-01-01 … true … OBJ-4');
    expect(shownValue('smith', ['person', 'name'])).toBe('…'); // a one-word name is not an enum
    expect(shownValue('custody', ['sentence', 'setting'])).toBe('custody');
  });
});

describe('compile problems', () => {
  const problemsOf = (c: unknown) => compileChecks([c], BUILT_IN).problems.map((p) => ({ ...p, message: configText(p.message) }));
  it('refuses ids outside local/ and built-in or duplicate ids', () => {
    expect(problemsOf({ id: 'smart/specific', message: 'm', require: { path: 'a', exists: true } })[0]).toMatchObject({ path: ['checks', 0, 'id'] });
    expect(problemsOf({ id: 'Local/X', message: 'm', require: { path: 'a', exists: true } })[0].message).toMatch(/local\/name/);
    const dup = compileChecks([{ id: 'local/a', message: 'm', require: { path: 'a', exists: true } }, { id: 'local/a', message: 'm', require: { path: 'a', exists: true } }], BUILT_IN);
    expect(dup.checks).toHaveLength(1);
    expect(dup.problems[0]).toMatchObject({ path: ['checks', 1, 'id'] });
    // Even a built-in list that contained a local id (it never does) could not be shadowed.
    expect(compileChecks([{ id: 'local/x', message: 'm', require: { path: 'a', exists: true } }], ['local/x']).problems[0].message).toEqual({ id: 'config.checkBuiltIn', data: { id: 'local/x' } });
  });
  it('locates bad operators, paths, durations, patterns', () => {
    expect(problemsOf({ id: 'local/a', message: 'm', require: { path: 'a', equal: 1 } })[0]).toMatchObject({ path: ['checks', 0, 'require', 'equal'] });
    expect(problemsOf({ id: 'local/a', message: 'm', require: { path: 'a..b', exists: true } })[0]).toMatchObject({ path: ['checks', 0, 'require', 'path'] });
    expect(problemsOf({ id: 'local/a', message: 'm', require: { path: 'a', within: { fortnights: 2 } } })[0]).toMatchObject({ path: ['checks', 0, 'require', 'within', 'fortnights'] });
    expect(problemsOf({ id: 'local/a', message: 'm', require: { path: 'a', matches: 'x'.repeat(101) } })[0].message).toMatch(/regular expressions are not accepted/);
    expect(problemsOf({ id: 'local/a', message: 'm', require: { every: 'a' } })[0].message).toMatch(/needs a `where`/);
    expect(problemsOf({ id: 'local/a', message: 'm', require: { count: 'a' } })[0].message).toMatch(/comparison/);
    expect(problemsOf({ id: 'local/a', message: 'm' })[0].message).toMatch(/needs `require`/);
    expect(problemsOf({ id: 'local/a', require: { path: 'a', exists: true } })[0].message).toMatch(/needs a `message`/);
    expect(problemsOf({ id: 'local/a', message: 'm', require: { path: 'a', exists: true }, severity: 'fatal' })[0]).toMatchObject({ path: ['checks', 0, 'severity'] });
  });
  it('bounds nesting depth', () => {
    let p: unknown = { path: 'a', exists: true };
    for (let i = 0; i < 20; i++) p = { not: p };
    expect(problemsOf({ id: 'local/a', message: 'm', require: p })[0].message).toMatch(/nested too deeply/);
  });
});

describe('in configuration and lint', () => {
  const cfgText = [
    'rules:',
    '  local/needs-outcomes: error',
    'checks:',
    '  - id: local/needs-outcomes',
    '    severity: warning',
    '    policy: "Local protocol 1"',
    '    message: "A {{sentence.setting}} plan needs an outcome."',
    '    require: { some: outcomes }',
    '',
  ].join('\n');
  const plan = 'sentence_plan: 1\nkind: plan\nsentence:\n  setting: custody\n';
  it('runs as a rule with the configured severity and policy', () => {
    const { config, problems } = loadConfigText(cfgText, '.planlintrc.yaml', BUILT_IN);
    expect(problems).toEqual([]);
    const r = lint(plan, { asOf: AS_OF, config, rules: [] });
    const f = r.findings.filter((x) => x.ruleId === 'local/needs-outcomes');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', policy: 'Local protocol 1', message: 'A custody plan needs an outcome.' });
  });
  it('can be turned off and suppressed like a built-in rule', () => {
    const off = loadConfigText(cfgText.replace('local/needs-outcomes: error', 'local/needs-outcomes: off'), 'c.yaml', BUILT_IN).config;
    expect(lint(plan, { asOf: AS_OF, config: off, rules: [] }).findings).toEqual([]);
    const { config } = loadConfigText(cfgText, 'c.yaml', BUILT_IN);
    const suppressed = '# planlint-disable-file local/needs-outcomes -- tested elsewhere\n' + plan;
    expect(lint(suppressed, { asOf: AS_OF, config, rules: [] }).findings).toEqual([]);
  });
  it('gives located config errors (file, line, column)', () => {
    const bad = 'checks:\n  - id: local/x\n    message: m\n    require:\n      path: sentence.setting\n      equal: custody\n';
    const { problems, config } = loadConfigText(bad, 'c.yaml', BUILT_IN);
    expect(problems).toEqual([{ file: 'c.yaml', line: 6, column: 7, message: expect.stringMatching(/unexpected key `equal`/), msg: expect.objectContaining({ id: 'config.unexpectedKey' }) }]);
    expect(config.checks).toBeUndefined();
    const shadow = loadConfigText('checks:\n  - id: smart/specific\n    message: m\n    require: { path: a, exists: true }\n', 'c.yaml', BUILT_IN).problems;
    expect(shadow[0]).toMatchObject({ line: 2, column: 9 });
  });
  it('the issue example reads cleanly', () => {
    const text = readFileSync(new URL('./fixtures/mappa.planlintrc.yaml', import.meta.url), 'utf8');
    expect(loadConfigText(text, 'x.yaml', BUILT_IN).problems).toEqual([]);
  });
});

describe('the JSON Schema states the same bounds as the code', () => {
  it('checks, lists, patterns, paths', () => {
    const defs = configSchema.definitions;
    expect(configSchema.properties.checks.maxItems).toBe(CHECK_LIMITS.checks);
    expect(defs.predicate.properties.all.maxItems).toBe(CHECK_LIMITS.listItems);
    expect(defs.predicate.maxItems).toBe(CHECK_LIMITS.listItems);
    expect(defs.predicate.properties.in.maxItems).toBe(CHECK_LIMITS.inValues);
    expect(defs.predicate.properties.matches.maxLength).toBe(CHECK_LIMITS.patternChars);
    expect(defs.path.maxLength).toBe(CHECK_LIMITS.pathChars);
    expect(configSchema.properties.checks.items.properties.message.maxLength).toBe(CHECK_LIMITS.messageChars);
    expect(configSchema.properties.checks.items.properties.examples.properties.fails.maxItems).toBe(CHECK_LIMITS.examples);
  });
});

describe('docs/policy-teams.md', () => {
  const doc = readFileSync(new URL('../../docs/policy-teams.md', import.meta.url), 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
  it('its check examples read without problems', () => {
    for (const b of blocks.filter((x) => x.startsWith('checks:'))) expect(loadConfigText(b, 'doc.yaml', BUILT_IN).problems).toEqual([]);
  });
  it('the worked example from the seeds behaves on its example plans', () => {
    const block = blocks.find((b) => b.includes('local/osp-for-adult-men'))!;
    const { config } = loadConfigText(block, 'doc.yaml', BUILT_IN);
    const check = config.checks![0];
    const run = (file: string) => lint(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'), { asOf: AS_OF, config, rules: [] }).findings;
    for (const f of check.examples.fails) expect(run(f).map((x) => x.ruleId), f).toEqual(['local/osp-for-adult-men']);
    for (const f of check.examples.passes) expect(run(f), f).toEqual([]);
    expect(check.examples.fails.length + check.examples.passes.length).toBe(3);
  });
  it('the second worked example, a pack, behaves on its example plans and points at objectives', () => {
    const block = blocks.find((b) => b.includes('local/resettlement-before-release'))!;
    const { config, problems } = loadConfigText('extends: ./pack.yaml\n', 'doc.planlintrc.yaml', BUILT_IN, {
      resolvePack: (ref) => (ref === './pack.yaml' ? { file: 'pack.yaml', origin: 'pack.yaml', text: block } : { error: 'none' }),
    });
    expect(problems).toEqual([]);
    expect(config.packs?.map((p) => p.name)).toEqual(['psi-19-2014', 'resettlement-before-release']);
    const check = config.checks![0];
    const run = (file: string) => {
      const text = readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
      return lint(text, { asOf: AS_OF, config, rules: [] }).findings.map((f) => [f.ruleId, f.severity, text.slice(f.span.start, f.span.end)]);
    };
    for (const f of check.examples.fails) expect(run(f), f).toEqual([['local/resettlement-before-release', 'info', 'objectives']]);
    for (const f of check.examples.passes) expect(run(f), f).toEqual([]);
    expect(check.examples.fails.length + check.examples.passes.length).toBe(3);
  });
});
