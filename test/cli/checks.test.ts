// `planlint checks test`, `planlint explain local/...`, and local checks in reports.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTrees, cli, REPO } from './helpers.js';

const POLICY_FIXTURES = join(REPO, 'test/policy/fixtures');
const CONFIG = join(POLICY_FIXTURES, 'mappa.planlintrc.yaml');
const fixture = (rel: string): string => readFileSync(resolve(POLICY_FIXTURES, rel), 'utf8');
const tree = tempTrees();

describe('planlint checks test', () => {
  it('runs each example, warns about a check without examples, and exits 0 when all pass', async () => {
    const r = await cli(['checks', 'test', '--config', CONFIG, '--as-of', '2026-11-23']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pass     local/mappa-accommodation  should fail  plans/mappa-no-accommodation.plan.yaml');
    expect(r.stdout).toContain('pass     local/mappa-accommodation  should pass  plans/mappa-with-accommodation.plan.yaml');
    expect(r.stdout).toContain('pass     local/mappa-accommodation  should pass  plans/community.plan.yaml');
    expect(r.stdout).toMatch(/warning  local\/no-examples  has no examples/);
    expect(r.stdout).toContain('3 examples: 3 passed, 0 failed; 1 check without examples (as of 2026-11-23)');
  });
  it('fails (exit 1) when an example does not behave, naming which and why', async () => {
    // A year later the release date has passed: the check no longer applies to the failing example.
    const r = await cli(['checks', 'test', '--config', CONFIG, '--as-of', '2027-11-23']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL     local/mappa-accommodation  should fail  plans/mappa-no-accommodation.plan.yaml: expected a finding, got none');
    const dir = tree({
      '.planlintrc.yaml': [
        'rules:',
        '  local/outcomes: off', // turned off for linting, still tested
        'checks:',
        '  - id: local/outcomes',
        '    message: "needs an outcome"',
        '    require: { some: outcomes }',
        '    examples:',
        '      passes: [bad.plan.yaml, missing.plan.yaml]',
        '',
      ].join('\n'),
      'bad.plan.yaml': 'sentence_plan: 1\nkind: plan\n',
    });
    const r2 = await cli(['checks', 'test'], { cwd: dir });
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('FAIL     local/outcomes  should pass  bad.plan.yaml: expected no finding, got 1 (1:1 needs an outcome)');
    expect(r2.stdout).toMatch(/FAIL {5}local\/outcomes {2}should pass {2}missing\.plan\.yaml: cannot read it/);
  });
  it('stops with located configuration errors (exit 2)', async () => {
    const dir = tree({ '.planlintrc.yaml': 'checks:\n  - id: local/x\n    message: m\n    require: { path: sentence.setting, equal: custody }\n' });
    const r = await cli(['checks', 'test'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^\.planlintrc\.yaml:4:40: unexpected key `equal`/);
  });
  it('refuses unknown arguments', async () => {
    expect((await cli(['checks'])).code).toBe(2);
    expect((await cli(['checks', 'test', '--as-of', 'soon', '--config', CONFIG])).code).toBe(2);
  });
});

describe('planlint explain local/...', () => {
  it("prints the check's page from the configuration", async () => {
    const r = await cli(['explain', 'local/mappa-accommodation', '--config', CONFIG]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^## `local\/mappa-accommodation`/);
    expect(r.stdout).toContain('Policy: Regional MAPPA protocol (example), section 4');
    expect(r.stdout).toContain('"some": "objectives"');
    expect(r.stdout).toContain('fails:  plans/mappa-no-accommodation.plan.yaml');
    expect(r.stdout).toContain('local/mappa-accommodation: off');
  });
  it('names the checks there are when the id is unknown', async () => {
    const r = await cli(['explain', 'local/nope', '--config', CONFIG]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its checks: local/mappa-accommodation, local/no-examples');
  });
});

describe('local checks in a lint run', () => {
  const config = readFileSync(CONFIG, 'utf8');
  it('report like rules, with a SARIF rule entry (help: planlint explain), and obey rules: off', async () => {
    const dir = tree({ '.planlintrc.yaml': config, 'p.plan.yaml': fixture('plans/mappa-no-accommodation.plan.yaml') });
    const r = await cli(['--format', 'sarif', '--as-of', '2026-11-23', 'p.plan.yaml'], { cwd: dir });
    const log = JSON.parse(r.stdout);
    const results = log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === 'local/mappa-accommodation');
    expect(results).toHaveLength(1);
    expect(results[0].message.text).toBe('A MAPPA 2 case due for release within 26 weeks needs an accommodation objective.');
    expect(results[0].locations[0].physicalLocation.region.startLine).toBe(10); // `objectives:`
    const rule = log.runs[0].tool.driver.rules.find((x: { id: string }) => x.id === 'local/mappa-accommodation');
    expect(rule.helpUri).toBeUndefined();
    expect(rule.help.text).toContain('planlint explain local/mappa-accommodation');
    expect(rule.properties.policy).toBe('Regional MAPPA protocol (example), section 4');
    const off = tree({ '.planlintrc.yaml': 'rules:\n  local/mappa-accommodation: off\n' + config, 'p.plan.yaml': fixture('plans/mappa-no-accommodation.plan.yaml') });
    const r2 = await cli(['--format', 'json', '--as-of', '2026-11-23', 'p.plan.yaml'], { cwd: off });
    expect(r2.stdout).not.toContain('local/mappa-accommodation');
    const r3 = await cli(['--format', 'json', '--as-of', '2026-11-23', '--rule', 'local/mappa-accommodation:off', 'p.plan.yaml'], { cwd: dir });
    expect(r3.code).not.toBe(2);
    expect(r3.stdout).not.toContain('local/mappa-accommodation');
  });
});
