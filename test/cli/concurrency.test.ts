// --concurrency: worker threads give the same report, in the same order, as one thread.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadCount } from '../../server/src/cli/pool.js';
import { AS_OF, bundleCli, cli, PLAN, REPO, removeTree, spawnCli, tempTree } from './helpers.js';

type Corpus = { name: string; text: string }[];
let bundle: string;
let dir: string;

beforeAll(async () => {
  bundle = await bundleCli();
  const { makeCorpus } = (await import(pathToFileURL(join(REPO, 'bench/plans.mjs')).href)) as { makeCorpus: (n: number, o?: { seed?: number }) => Corpus };
  dir = tempTree();
  // Real plans (some with defects, some CRLF) plus two files that cannot be checked normally.
  for (const p of makeCorpus(70, { seed: 3 })) writeFileSync(join(dir, p.name.replace('plan-', 'a-')), p.text);
  writeFileSync(join(dir, 'broken.plan.yaml'), 'sentence_plan: 1\nkind: plan\n  bad: [indent\n');
  writeFileSync(join(dir, 'latin1.plan.yaml'), Buffer.from([0x73, 0x65, 0x6e, 0x74, 0x3a, 0x20, 0xe9, 0x0a]));
}, 60_000);

afterAll(() => removeTree(dir));

const lintJson = (concurrency: string, format = 'json') =>
  spawnCli(bundle, ['--as-of', AS_OF, '--format', format, '--exit-zero', '--concurrency', concurrency, '.'], { cwd: dir });

describe('--concurrency', () => {
  it('worker threads report exactly what one thread reports (json and stylish)', () => {
    const off = lintJson('off');
    expect(off.code).toBe(0);
    const report = JSON.parse(off.stdout) as { file: string; findings: unknown[] }[];
    expect(report).toHaveLength(readdirSync(dir).filter((f) => f.endsWith('.plan.yaml')).length);
    expect(report.some((r) => r.findings.length > 0)).toBe(true);
    expect(report.map((r) => r.file)).toEqual([...report.map((r) => r.file)].sort());
    const two = lintJson('2');
    expect(two.stderr).toBe(off.stderr);
    expect(two.stdout).toBe(off.stdout);
    expect(lintJson('3', 'stylish').stdout).toBe(lintJson('off', 'stylish').stdout);
  }, 60_000);

  it('auto uses threads only when there are enough files per core', () => {
    expect(threadCount('auto', 10, 8)).toBe(0);
    expect(threadCount('auto', 99, 2)).toBe(0);
    expect(threadCount('auto', 100, 2)).toBe(2);
    expect(threadCount('auto', 10_000, 2)).toBe(2);
    expect(threadCount('auto', 10_000, 1)).toBe(0);
    expect(threadCount('off', 10_000, 8)).toBe(0);
    expect(threadCount(4, 3, 8)).toBe(3);
    expect(threadCount(4, 0, 8)).toBe(0);
  });

  it('without a worker script (in-process use) it lints in this thread with the same result', async () => {
    const t = tempTree({ 'a.plan.yaml': PLAN('score: 42\n'), 'b.plan.yaml': PLAN() });
    try {
      const a = await cli(['--format', 'json', '--concurrency', '2', '.'], { cwd: t });
      const b = await cli(['--format', 'json', '--concurrency', 'off', '.'], { cwd: t });
      expect(a.code).toBe(1);
      expect(a.stdout).toBe(b.stdout);
    } finally {
      removeTree(t);
    }
  });

  it.each(['0', '-1', 'many', '2.5', '1000'])('--concurrency %s is a usage error', async (v) => {
    const r = await cli([`--concurrency=${v}`, '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--concurrency takes auto, off or a number');
  });
});
