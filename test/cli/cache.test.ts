// --cache: unchanged files are not linted again; content, configuration, version, rule set and
// (for time-dependent rules) the date invalidate; a damaged cache is ignored with a warning.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Rule } from '../../server/src/engine/rule.js';
import { cli, PLAN, removeTree, tempTree, TEST_RULES } from './helpers.js';

let checks = 0;
const counter: Rule = {
  meta: { id: 'cli-test/counter', severity: 'info', policy: '', description: 'Counts how often files are linted.', fixable: 'none', inTemplates: true, docs: { rationale: 'x', bad: '', good: '' } },
  check() {
    checks++;
  },
};
const RULES = [...TEST_RULES, counter];

let dir: string;
beforeEach(() => {
  checks = 0;
  dir = tempTree({ 'a.plan.yaml': PLAN('score: 42\n'), 'b.plan.yaml': PLAN('due: 2020-01-01\n'), 'sub/c.plan.yaml': PLAN() });
});
afterEach(() => removeTree(dir));

const run = (args: string[] = [], rules: readonly Rule[] = RULES) => cli(['--format', 'json', '--cache', ...args, '.'], { cwd: dir, rules });
const linted = async (args: string[] = [], rules?: readonly Rule[]): Promise<{ n: number; stdout: string; stderr: string; code: number }> => {
  checks = 0;
  const r = await run(args, rules);
  return { n: checks, ...r };
};

describe('--cache', () => {
  it('a second run lints nothing and reports the same', async () => {
    const first = await linted();
    expect(first.n).toBe(3);
    expect(existsSync(join(dir, '.planlintcache'))).toBe(true);
    const second = await linted();
    expect(second.n).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    expect(JSON.parse(second.stdout)[0].findings[0].rule).toBe('cli-test/score');
  });

  it('a changed file is linted again, the others are not', async () => {
    await linted();
    writeFileSync(join(dir, 'a.plan.yaml'), PLAN('score: 0.4\n'));
    const r = await linted();
    expect(r.n).toBe(1);
    expect(JSON.parse(r.stdout)[0].findings).toEqual([]);
  });

  it('a changed configuration invalidates the files it applies to', async () => {
    await linted();
    writeFileSync(join(dir, 'sub/.planlintrc.yaml'), 'rules:\n  cli-test/owner: error\n');
    expect((await linted()).n).toBe(1);
    writeFileSync(join(dir, '.planlintrc.yaml'), 'rules:\n  cli-test/note: off\n');
    expect((await linted()).n).toBe(2);
    expect((await linted(['--rule', 'cli-test/note:warning'])).n).toBe(3);
  });

  it('another planlint version or rule set discards the whole cache', async () => {
    await linted();
    const path = join(dir, '.planlintcache');
    const [first, ...rest] = readFileSync(path, 'utf8').split('\n');
    const head = JSON.parse(first) as { format: string; header: { version: string } };
    expect(head.format).toBe('planlint-cache/2');
    head.header.version = '0.0.0-old';
    writeFileSync(path, [JSON.stringify(head), ...rest].join('\n'));
    expect((await linted()).n).toBe(3);
    expect((await linted()).n).toBe(0);
    const fewer = RULES.filter((r) => r.meta.id !== 'cli-test/note');
    expect((await linted([], fewer)).n).toBe(3);
  });

  it('the date is part of the key only while a time-dependent rule is on', async () => {
    await linted(['--as-of', '2026-01-01']);
    const later = await linted(['--as-of', '2026-06-01']);
    expect(later.n).toBe(3);
    await linted(['--as-of', '2026-01-01', '--rule', 'cli-test/overdue:off']);
    expect((await linted(['--as-of', '2026-06-01', '--rule', 'cli-test/overdue:off'])).n).toBe(0);
  });

  it('a damaged cache is ignored with a warning and replaced', async () => {
    const first = await linted();
    for (const junk of ['{"format":"planlint-cache/1","header":', '[1,2,3]', '\u0000\u0001binary']) {
      writeFileSync(join(dir, '.planlintcache'), junk);
      const r = await linted();
      expect(r.n).toBe(3);
      expect(r.code).toBe(first.code);
      expect(r.stdout).toBe(first.stdout);
      expect(r.stderr).toContain('is not a planlint cache');
      expect((await linted()).n).toBe(0);
    }
  });

  it('one line per file, kept as text: a damaged line is a miss for that file only; an older format is dropped silently', async () => {
    await linted();
    const path = join(dir, '.planlintcache');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(4); // the header and three files
    expect(lines.slice(1).map((l) => JSON.parse(l.split('\t')[0]))).toEqual(['a.plan.yaml', 'b.plan.yaml', 'sub/c.plan.yaml']);
    // Break b's findings: b is linted again, a and c come from the cache, and the line is rewritten.
    writeFileSync(path, lines.map((l) => (l.startsWith('"b.plan.yaml"') ? l.slice(0, -5) : l)).join('\n') + '\n');
    const r = await linted();
    expect(r.n).toBe(1);
    expect(r.stderr).toBe('');
    expect((await linted()).n).toBe(0);
    // A cache written by an older planlint (one JSON object) is replaced without a warning.
    writeFileSync(path, JSON.stringify({ format: 'planlint-cache/1', header: { version: '0.1.0', rules: 'x', maxFileSize: 1 }, entries: {} }));
    const old = await linted();
    expect(old.n).toBe(3);
    expect(old.stderr).toBe('');
    expect(readFileSync(path, 'utf8').startsWith('{"format":"planlint-cache/2"')).toBe(true);
  });

  it('--cache-location chooses the file; no temporary files are left behind', async () => {
    await linted(['--cache-location', 'out/lint.cache']);
    expect(existsSync(join(dir, 'out/lint.cache'))).toBe(true);
    expect(existsSync(join(dir, '.planlintcache'))).toBe(false);
    expect((await linted(['--cache-location', 'out/lint.cache'])).n).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['lint.cache']);
  });

  it('--fix lints a cached file with fixable findings, fixes it, and does not cache the old result', async () => {
    await linted();
    const fixed = await linted(['--fix']);
    expect(fixed.n).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(dir, 'a.plan.yaml'), 'utf8')).toContain('score: 0.42');
    const after = await linted();
    expect(after.n).toBe(1);
    expect(JSON.parse(after.stdout)[0].findings).toEqual([]);
  });

  it('--cache-location without --cache and --cache with --stdin are usage errors', async () => {
    expect((await cli(['--cache-location', 'x', '.'], { cwd: dir })).code).toBe(2);
    expect((await cli(['--cache', '--stdin'], { cwd: dir, stdin: PLAN() })).code).toBe(2);
  });
});
