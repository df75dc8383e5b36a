// Policy packs through the command line and the project's config reader: `extends:` read from
// files relative to the config and from npm packages, under the same guards as the config.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFiles } from '../../server/src/project/configFiles.js';
import { nodeConfigFs } from '../../server/src/project/nodeFs.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { tempTrees, cli, REPO } from './helpers.js';

const PACKS = join(REPO, 'test/policy/fixtures/packs');
const PLANS = join(REPO, 'test/policy/fixtures/plans');
const tree = tempTrees();
const KNOWN = ALL_RULES.map((r) => r.meta.id);

describe('planlint with a policy pack', () => {
  it("lints with the pack's check and severities, the config's own setting winning", async () => {
    const r = await cli(['--format', 'json', '--as-of', '2026-11-23', '--config', join(PACKS, 'team/.planlintrc.yaml'), join(PLANS, 'mappa-no-accommodation.plan.yaml')], { rules: ALL_RULES });
    const rules = JSON.parse(r.stdout)[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('local/mappa-accommodation');
    expect(rules).not.toContain('plan/interpreter');
  });
  it('--print-config names the packs applied, base first', async () => {
    const r = await cli(['--print-config', join(PLANS, 'community.plan.yaml'), '--config', join(PACKS, 'team/.planlintrc.yaml')], { rules: ALL_RULES });
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout);
    expect(cfg.packs.map((p: { name: string; version: string }) => `${p.name}@${p.version}`)).toEqual(['psi-19-2014@2015-10-05', 'yorkshire-humber-mappa@1.0.0']);
    expect(cfg.rules['plan/interpreter']).toBe('off');
  });
  it("`checks test` runs a pack's examples relative to the pack", async () => {
    const r = await cli(['checks', 'test', '--config', join(PACKS, 'team/.planlintrc.yaml'), '--as-of', '2026-11-23'], { rules: ALL_RULES });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('pass     local/mappa-accommodation  should fail  ../plans/mappa-no-accommodation.plan.yaml');
    expect(r.code).toBe(0);
  });
  it('a missing pack is a located configuration error (exit 2)', async () => {
    const d = tree({ '.planlintrc.yaml': 'rules: {}\nextends: ./policy/missing.yaml\n', 'a.plan.yaml': 'sentence_plan: 1\nkind: plan\n' });
    const r = await cli(['a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.planlintrc.yaml:2:10: cannot read policy pack `./policy/missing.yaml`: no such file or folder');
  });
});

describe('the config reader and packs', () => {
  const PACK = (gap: number) => `name: region\nversion: 1.0.${gap}\neffective_from: 2025-01-01\npolicy:\n  rmp:\n    reviewed_with_plan_gap_days: ${gap}\n`;
  it('finds an npm package that ships planlint-policy.yaml, walking up node_modules', () => {
    const d = tree({ 'node_modules/@region/planlint-policy/planlint-policy.yaml': PACK(21), 'repo/.planlintrc.yaml': 'extends: "@region/planlint-policy"\n' });
    const r = new ConfigFiles(nodeConfigFs, KNOWN).load(join(d, 'repo/.planlintrc.yaml'));
    expect(r.problems).toEqual([]);
    expect(r.config.policy.rmp.reviewed_with_plan_gap_days).toBe(21);
    expect(r.config.packs?.map((p) => p.name)).toEqual(['psi-19-2014', 'region']);
    const miss = tree({ '.planlintrc.yaml': 'extends: some-policy\n' });
    expect(new ConfigFiles(nodeConfigFs, KNOWN).load(join(miss, '.planlintrc.yaml')).problems[0].message).toMatch(/no package `some-policy` with a planlint-policy\.yaml in node_modules/);
  });
  it('a cached configuration is read again when a pack it extends changes', () => {
    const d = tree({ '.planlintrc.yaml': 'extends: ./p.yaml\n', 'p.yaml': PACK(7) });
    const files = new ConfigFiles(nodeConfigFs, KNOWN);
    expect(files.load(join(d, '.planlintrc.yaml')).config.policy.rmp.reviewed_with_plan_gap_days).toBe(7);
    writeFileSync(join(d, 'p.yaml'), PACK(14));
    utimesSync(join(d, 'p.yaml'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(files.load(join(d, '.planlintrc.yaml')).config.policy.rmp.reviewed_with_plan_gap_days).toBe(14);
  });
  it('a pack that is a folder, too large, or outside the workspace is refused like a config file', () => {
    const d = tree({ 'ws/.planlintrc.yaml': 'extends: [./dir.yaml, ./big.yaml, ../outside.yaml]\n', 'ws/big.yaml': `name: big\n# ${'x'.repeat(2_000)}\n`, 'outside.yaml': PACK(3) });
    mkdirSync(join(d, 'ws/dir.yaml'));
    const files = new ConfigFiles(nodeConfigFs, KNOWN, 1_000);
    const r = files.load(join(d, 'ws/.planlintrc.yaml'), { roots: [join(d, 'ws')], confine: 'inside' });
    const msgs = r.problems.map((p) => p.message);
    expect(msgs[0]).toMatch(/`\.\/dir\.yaml`: it is a folder, not a file/);
    expect(msgs[1]).toMatch(/`\.\/big\.yaml`: it is 2,\d{3} bytes, over the limit/);
    expect(msgs[2]).toMatch(/`\.\.\/outside\.yaml`: the file is outside the workspace folders/);
    expect(r.config.policy.rmp.reviewed_with_plan_gap_days).toBe(0);
  });
});
