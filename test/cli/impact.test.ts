// `planlint impact`: the difference a configuration change makes, by rule, on samples/
// (golden files; regenerate with UPDATE_GOLDEN=1 after an intended change to rules or samples).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { AS_OF, cli, removeTree, REPO, tempTree } from './helpers.js';

const GOLDEN = join(__dirname, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const NEW = 'test/cli/fixtures/impact/new.planlintrc.yaml';
// Named, so no configuration above the repository can change the baseline.
const CURRENT = 'test/cli/fixtures/impact/current.planlintrc.yaml';

function matchGolden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) writeFileSync(path, actual);
  else if (!existsSync(path)) throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 to create it`);
  else expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('planlint impact', () => {
  it('a shorter significant-event window and a new local check on samples/ (text)', async () => {
    const r = await cli(['impact', '--config', NEW, '--baseline-config', CURRENT, '--as-of', AS_OF, 'samples/'], { cwd: REPO, rules: ALL_RULES });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^review\/significant-event +\d+ +\d+ +\d+$/m);
    expect(r.stdout).toMatch(/^local\/objective-target-date +[1-9]\d* +0 +[1-9]\d*$/m);
    matchGolden('impact.txt', r.stdout);
  });
  it('json: counts add up', async () => {
    const r = await cli(['impact', '--config', NEW, '--baseline-config', CURRENT, '--as-of', AS_OF, '--format', 'json', 'samples/'], { cwd: REPO, rules: ALL_RULES });
    const j = JSON.parse(r.stdout);
    const net = j.rules.reduce((s: number, x: { added: number; removed: number }) => s + x.added - x.removed, 0);
    expect(j.after - j.before).toBe(net);
    matchGolden('impact.json', r.stdout);
  });
  it('html: the same numbers as json, on a self-contained page with every name escaped', async () => {
    const args = ['impact', '--config', NEW, '--baseline-config', CURRENT, '--as-of', AS_OF, 'samples/'];
    const j = JSON.parse((await cli([...args, '--format', 'json'], { cwd: REPO, rules: ALL_RULES })).stdout);
    const r = await cli([...args, '--format', 'html'], { cwd: REPO, rules: ALL_RULES });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(r.stdout).toContain(`findings ${j.before} &rarr; ${j.after}`);
    for (const x of j.rules) expect(r.stdout).toContain(`<tr><td><code>${x.rule}</code></td><td class="n">${x.added}</td><td class="n">${x.removed}</td><td class="n">${x.files}</td></tr>`);
    expect(r.stdout).not.toMatch(/<script|\son\w+=/i);
    expect(r.stdout).toContain("default-src 'none'");
  });
  it('html: a hostile file name is escaped', async () => {
    const d = tempTree({ 'cfg.yaml': 'rules:\n  plan/owner-required: "off"\n', '<img src=x onerror=alert(1)>.plan.yaml': 'sentence_plan: 1\nkind: plan\n' });
    try {
      const r = await cli(['impact', '--config', 'cfg.yaml', '--as-of', AS_OF, '--format', 'html', '.'], { cwd: d, rules: ALL_RULES });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;.plan.yaml');
      expect(r.stdout).not.toContain('<img');
    } finally {
      removeTree(d);
    }
  });
  it('the same configuration on both sides changes nothing', async () => {
    const r = await cli(['impact', '--config', NEW, '--baseline-config', NEW, '--as-of', AS_OF, 'samples/'], { cwd: REPO, rules: ALL_RULES });
    expect(r.stdout).toContain('No finding is added or removed.');
  });
  it('needs --config, and reports configuration problems with their location (exit 2)', async () => {
    expect((await cli(['impact', 'samples/'], { cwd: REPO })).code).toBe(2);
    const r = await cli(['impact', '--config', 'test/policy/fixtures/mappa.planlintrc.yaml', '--baseline-config', 'package.json', 'samples/good'], { cwd: REPO, rules: ALL_RULES });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^package\.json:\d+:\d+: /);
  });
});
