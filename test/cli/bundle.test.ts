// The real bundled CLI (built with esbuild.mjs's options) as a child process, with the real
// rule set: the things only a process shows — exit status, standard input through a pipe,
// output ordering, and that the CommonJS bundle starts at all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, bundleCli, removeTree, REPO, spawnCli, tempTree } from './helpers.js';

let bundle = '';
const dirs: string[] = [];
beforeAll(async () => {
  bundle = await bundleCli();
}, 60_000);
afterAll(() => dirs.forEach(removeTree));

const PLAN = readFileSync(join(REPO, 'test/cli/fixtures/real/example.plan.yaml'), 'utf8');

describe('the bundled CLI', () => {
  it('prints its version and help', () => {
    const v = spawnCli(bundle, ['--version'], { cwd: REPO });
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
    const h = spawnCli(bundle, ['--help'], { cwd: REPO });
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Usage:');
  });

  it('exit 2 for a usage error, with nothing on stdout', () => {
    const r = spawnCli(bundle, ['--as-of', 'tomorrow'], { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^planlint: --as-of/);
  });

  it('lints standard input through a pipe with the real rules, same result as the file', () => {
    const d = tempTree({ 'p/example.plan.yaml': PLAN });
    dirs.push(d);
    const viaFile = spawnCli(bundle, ['--format', 'json', '--as-of', AS_OF, 'p/example.plan.yaml'], { cwd: d });
    const viaStdin = spawnCli(bundle, ['--format', 'json', '--as-of', AS_OF, '--stdin', '--stdin-filename', 'p/example.plan.yaml'], { cwd: d, input: PLAN });
    expect(viaStdin.stdout).toBe(viaFile.stdout);
    expect(viaStdin.code).toBe(viaFile.code);
    expect([0, 1]).toContain(viaFile.code);
  });

  it('exit 1 when the real rules find an error; --exit-zero makes it 0', () => {
    const d = tempTree({ 'bad.plan.yaml': 'sentence_plan: 1\nkind: plan\nobjectives: [\n' });
    dirs.push(d);
    const r = spawnCli(bundle, ['--as-of', AS_OF, 'bad.plan.yaml'], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?, \d+ infos?\)/);
    expect(r.stdout).not.toContain('\u001b['); // NO_COLOR
    expect(spawnCli(bundle, ['--exit-zero', '--as-of', AS_OF, 'bad.plan.yaml'], { cwd: d }).code).toBe(0);
  });

  it('FORCE_COLOR turns colour on when piped', () => {
    const d = tempTree({ 'bad.plan.yaml': 'sentence_plan: 1\nkind: plan\nobjectives: [\n' });
    dirs.push(d);
    const r = spawnCli(bundle, ['--as-of', AS_OF, 'bad.plan.yaml'], { cwd: d, env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[');
  });

  it('--format json on samples/ follows the contract', () => {
    const r = spawnCli(bundle, ['--format', 'json', '--as-of', AS_OF, '--no-error-on-unmatched-pattern', 'samples/'], { cwd: REPO });
    expect(r.code).not.toBe(2);
    const rep = JSON.parse(r.stdout) as { file: string; findings: Record<string, unknown>[] }[];
    for (const f of rep) {
      expect(Object.keys(f)).toEqual(['file', 'findings']);
      expect(f.file.startsWith('samples/')).toBe(true);
      for (const x of f.findings) expect(Object.keys(x)).toEqual(['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'policy', 'fixable']);
    }
  });
});
