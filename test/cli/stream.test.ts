// Streaming reports (emit.ts): stylish, json, github and compact are written file by file as
// findings arrive, so the first file's results are out before the last file is checked;
// report files go to a temporary file renamed into place at the end.
import { say } from '../rules/inline.js';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../server/src/engine/rule.js';
import { run } from '../../server/src/cli/run.js';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tempTrees, AS_OF, bundleCli, cli, PLAN, REPO } from './helpers.js';

const docs = { rationale: 'A rule used only by the streaming tests.', bad: '', good: '' };

/** A rule that logs which file it checks (by its `n`) and reports one finding there. */
function loggingRule(log: string[]): Rule {
  return {
    meta: { id: 'stream-test/seen', severity: 'warning', policy: '', description: 'Logs.', fixable: 'none', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root as { n?: number };
      log.push(`lint ${root.n}`);
      ctx.report({ path: ['n'], at: 'value', ...say(`File ${root.n}.`) });
    },
  };
}

const files = Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`p${n}.plan.yaml`, PLAN(`n: ${n}\n`)]));
const tree = tempTrees();

async function runLogged(argv: string[], cwd: string): Promise<{ code: number; log: string[]; stdout: string }> {
  const log: string[] = [];
  let stdout = '';
  const code = await run(['--as-of', AS_OF, ...argv], {
    cwd,
    stdout: (s) => {
      if (s) log.push(`out ${s}`);
      stdout += s;
    },
    stderr: () => undefined,
    readStdin: async () => new Uint8Array(),
    color: false,
    rules: [loggingRule(log)],
  });
  return { code, log, stdout };
}

describe('streaming reports', () => {
  it('writes each file\'s findings before the next files are checked (compact, json, stylish, github)', async () => {
    const d = tree(files);
    for (const format of ['compact', 'json', 'stylish', 'github']) {
      const { code, log } = await runLogged(['--format', format, '.'], d);
      expect(code).toBe(0);
      const firstOut = log.findIndex((l) => l.startsWith('out ') && l.includes('p1.plan.yaml'));
      expect(firstOut, format).toBeGreaterThanOrEqual(0);
      expect(firstOut, `${format}: ${log.join(' | ')}`).toBeLessThan(log.indexOf('lint 5'));
      // Files come out in order.
      const order = log.filter((l) => l.startsWith('out ')).map((l) => /p(\d)\.plan\.yaml/.exec(l)?.[1]).filter(Boolean);
      expect(order, format).toEqual([...order].sort());
    }
  });

  it('the streamed json is the whole report, valid and in file order', async () => {
    const d = tree(files);
    const { stdout } = await runLogged(['--format', 'json', '.'], d);
    const report = JSON.parse(stdout) as { file: string; findings: { message: string }[] }[];
    expect(report.map((r) => r.file)).toEqual(['p1.plan.yaml', 'p2.plan.yaml', 'p3.plan.yaml', 'p4.plan.yaml', 'p5.plan.yaml']);
    expect(report.map((r) => r.findings[0].message)).toEqual(['File 1.', 'File 2.', 'File 3.', 'File 4.', 'File 5.']);
    const empty = tree({});
    const none = await cli(['--format', 'json', '--no-error-on-unmatched-pattern', '.'], { cwd: empty });
    expect(none.stdout).toBe('[]\n');
  });

  it('whole-document formats and --fix runs write at the end', async () => {
    const d = tree(files);
    for (const argv of [['--format', 'sarif'], ['--format', 'json', '--format', 'junit', '-o', 'r.xml'], ['--fix', '--format', 'compact']]) {
      const { log } = await runLogged([...argv, '.'], d);
      const firstOut = log.findIndex((l) => l.startsWith('out ') && l.includes('p1.plan.yaml'));
      expect(firstOut, argv.join(' ')).toBeGreaterThan(log.indexOf('lint 5'));
    }
  });

  it('a report file appears whole at the end: no temporary file is left behind', async () => {
    const d = tree(files);
    const r = await cli(['--format', 'json', '-o', 'out/report.json', '--format', 'compact', '-o', 'out/report.txt', '.'], { cwd: d, rules: [loggingRule([])] });
    expect(r.code).toBe(0); // warnings only
    expect(readdirSync(join(d, 'out')).sort()).toEqual(['report.json', 'report.txt']);
    expect(JSON.parse(readFileSync(join(d, 'out/report.json'), 'utf8'))).toHaveLength(5);
    expect(readFileSync(join(d, 'out/report.txt'), 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });

  it('a report that cannot be written is an I/O failure (exit 2); the other reports are still written', async () => {
    const d = tree(files);
    mkdirSync(join(d, 'taken.json')); // a folder where the report should go
    const r = await cli(['--format', 'json', '-o', 'taken.json', '--format', 'compact', '.'], { cwd: d, rules: [loggingRule([])] });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the json report to taken\.json: /);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stops quietly with status 2 when the reader of standard output goes away (`| head`)', async () => {
    const bundle = await bundleCli();
    const d = tree({});
    const { makeCorpus } = (await import(join(REPO, 'bench/plans.mjs'))) as { makeCorpus: (n: number, o?: { seed?: number }) => { name: string; text: string }[] };
    for (const p of makeCorpus(150, { seed: 9 })) writeFileSync(join(d, p.name), p.text);
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(bundle)} --as-of ${AS_OF} --format compact . | head -c 20 >/dev/null; echo "status \${PIPESTATUS[0]}"`], { cwd: d, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status 2');
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  }, 60_000);
});
