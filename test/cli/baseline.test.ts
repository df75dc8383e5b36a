// Baselines: count-based per file and rule; only findings beyond the count are reported.
import { say } from '../rules/inline.js';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../server/src/engine/rule.js';
import { cli, removeTree, tempTree, TEST_RULES } from './helpers.js';

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** One warning per `bad` entry of `items`. */
const badItem: Rule = {
  meta: { id: 'cli-test/bad-item', severity: 'warning', policy: '', description: 'A bad item.', fixable: 'none', inTemplates: true, docs: { rationale: 'x', bad: '', good: '' } },
  check(ctx) {
    const root = ctx.root;
    if (!isObj(root) || !Array.isArray(root.items)) return;
    root.items.forEach((v, i) => v === 'bad' && ctx.report({ path: ['items', i], at: 'value', ...say(`Item ${i + 1} is bad.`) }));
  },
};
const RULES = [...TEST_RULES, badItem];
const plan = (items: string[], extra = ''): string => `sentence_plan: 1\nkind: plan\nowner: POM 1\n${extra}items:\n${items.map((x) => `  - ${x}\n`).join('')}`;

let dir: string;
beforeEach(() => {
  dir = tempTree({ 'a.plan.yaml': plan(['bad', 'ok', 'bad'], 'score: 42\n'), 'team/b.plan.yaml': plan(['bad']), 'c.plan.yaml': plan(['ok']) });
});
afterEach(() => removeTree(dir));

const run = (args: string[], format = 'json') => cli(['--format', format, ...args, '.'], { cwd: dir, rules: RULES });
type Report = { file: string; findings: { rule: string; line: number }[] }[];

describe('--baseline-write', () => {
  it('records counts per file and rule, sorted, with POSIX paths relative to the baseline, and exits 0', async () => {
    const r = await run(['--baseline-write']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote the baseline planlint-baseline.json: 4 findings in 2 files');
    expect(readFileSync(join(dir, 'planlint-baseline.json'), 'utf8')).toBe(
      JSON.stringify({ files: { 'a.plan.yaml': { 'cli-test/bad-item': 2, 'cli-test/score': 1 }, 'team/b.plan.yaml': { 'cli-test/bad-item': 1 } } }, null, 2) + '\n',
    );
    expect((JSON.parse(r.stdout) as Report).every((f) => f.findings.length === 0)).toBe(true);
  });

  it('--baseline=PATH puts it elsewhere, with paths relative to that file', async () => {
    mkdirSync(join(dir, 'ci'));
    expect((await run(['--baseline-write=ci/base.json'])).code).toBe(0);
    const data = JSON.parse(readFileSync(join(dir, 'ci/base.json'), 'utf8'));
    expect(Object.keys(data.files)).toEqual(['../a.plan.yaml', '../team/b.plan.yaml']);
    expect((await run(['--baseline', '--baseline-file', 'ci/base.json'])).code).toBe(0);
  });
});

describe('--baseline', () => {
  it('hides recorded findings and reports only those beyond the count (the last by position)', async () => {
    await run(['--baseline-write']);
    expect((await run(['--baseline'])).code).toBe(0);
    writeFileSync(join(dir, 'a.plan.yaml'), plan(['bad', 'bad', 'ok', 'bad'], 'score: 42\n'));
    const r = await run(['--baseline']);
    expect(r.code).toBe(0);
    const a = (JSON.parse(r.stdout) as Report).find((f) => f.file === 'a.plan.yaml')!;
    expect(a.findings.map((f) => [f.rule, f.line])).toEqual([['cli-test/bad-item', 9]]);
    expect(r.stderr).toContain('planlint: 4 findings hidden by the baseline planlint-baseline.json');
    const s = await run(['--baseline'], 'stylish');
    expect(s.stdout).toContain('1 problem (0 errors, 1 warning, 0 infos)');
    expect(s.stdout).toContain('4 problems hidden by the baseline');
  });

  it('a new rule in a file, or a new file, is reported in full', async () => {
    await run(['--baseline-write']);
    writeFileSync(join(dir, 'c.plan.yaml'), plan(['bad'], 'score: 7\n'));
    const r = await run(['--baseline']);
    expect(r.code).toBe(1);
    const c = (JSON.parse(r.stdout) as Report).find((f) => f.file === 'c.plan.yaml')!;
    expect(c.findings.map((f) => f.rule).sort()).toEqual(['cli-test/bad-item', 'cli-test/score']);
  });

  it('a missing or damaged baseline is an error (exit 2)', async () => {
    const missing = await run(['--baseline']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--baseline-write');
    writeFileSync(join(dir, 'planlint-baseline.json'), '{"files": {"a.plan.yaml": {"x": -1}}}');
    const bad = await run(['--baseline']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not a planlint baseline');
  });
});

describe('--baseline-prune', () => {
  it('lowers counts to what still occurs and drops entries and files that no longer occur', async () => {
    await run(['--baseline-write']);
    writeFileSync(join(dir, 'a.plan.yaml'), plan(['bad', 'ok']));
    rmSync(join(dir, 'team/b.plan.yaml'));
    const r = await run(['--baseline-prune']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('pruned the baseline');
    expect(JSON.parse(readFileSync(join(dir, 'planlint-baseline.json'), 'utf8'))).toEqual({ files: { 'a.plan.yaml': { 'cli-test/bad-item': 1 } } });
    // Pruning never raises a count: a new finding is still reported.
    writeFileSync(join(dir, 'a.plan.yaml'), plan(['bad', 'bad']));
    const again = await run(['--baseline-prune']);
    expect((JSON.parse(again.stdout) as Report).find((f) => f.file === 'a.plan.yaml')!.findings).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(dir, 'planlint-baseline.json'), 'utf8')).files['a.plan.yaml']['cli-test/bad-item']).toBe(1);
  });

  it('keeps the entries of files not checked in this run', async () => {
    await run(['--baseline-write']);
    const r = await cli(['--format', 'json', '--baseline-prune', 'c.plan.yaml'], { cwd: dir, rules: RULES });
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'planlint-baseline.json'), 'utf8')).files)).toEqual(['a.plan.yaml', 'team/b.plan.yaml']);
  });
});

describe('baseline usage errors', () => {
  it.each([
    [['--baseline', '--baseline-write']],
    [['--baseline-file', 'x.json']],
    [['--baseline', '--fix']],
  ])('%j', async (args) => {
    const r = await cli([...args, '.'], { cwd: dir, rules: RULES });
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'planlint-baseline.json'))).toBe(false);
  });
});
