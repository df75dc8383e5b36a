// `--format sarif` against the official SARIF 2.1.0 JSON Schema (vendored from an npm
// package; see test/fixtures/sarif-2.1.0-rtm.5.README.md), plus the parts GitHub code
// scanning relies on: rule metadata, ruleIndex, levels and relative artifact URIs.
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { AS_OF, cli, PLAN, REPO, removeTree, tempTree } from './helpers.js';
import { sarifValidator as validator } from './sarifSchema.js';

const SCHEMA_FILE = join(REPO, 'test/fixtures/sarif-2.1.0-rtm.5.json');
const raw = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

describe('SARIF output', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTree));

  it('the vendored schema is the SARIF 2.1.0 schema and uses no draft-04-only keyword form', () => {
    expect(raw.title).toMatch(/SARIF\) Version 2\.1\.0/);
    expect((raw.properties as { version: { enum: string[] } }).version.enum).toEqual(['2.1.0']);
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    expect(text).not.toMatch(/"exclusive(Minimum|Maximum)"\s*:\s*(true|false)/);
  });

  it('the schema rejects a broken log (the validator really validates)', () => {
    const validate = validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
  });

  it('a run with findings of every level and an unreadable file is valid', async () => {
    const r = await cli(['--format', 'sarif', '--as-of', AS_OF, 'plans/', 'plans/missing.plan.yaml']);
    const log = JSON.parse(r.stdout);
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain('plans/missing.plan.yaml');
    const levels = new Set(run.results.map((x: { level: string }) => x.level));
    expect(levels).toEqual(new Set(['error', 'warning', 'note']));
    for (const res of run.results) {
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      const uri = res.locations[0].physicalLocation.artifactLocation.uri;
      expect(uri).toMatch(/^plans\//);
    }
    const score = run.results.find((x: { ruleId: string }) => x.ruleId === 'cli-test/score');
    expect(score.locations[0].physicalLocation.region).toEqual({ startLine: 4, startColumn: 8, endLine: 4, endColumn: 10 });
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'cli-test/score');
    expect(rule.helpUri).toBe('https://github.com/planlint/planlint/blob/main/docs/rules/cli-test.md#score');
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.properties.policy).toBe('Test policy para 1');
  });

  it('a clean run is valid, with no rules and no results', async () => {
    const r = await cli(['--format', 'sarif', '--as-of', AS_OF, 'plans/clean.plan.yaml']);
    const log = JSON.parse(r.stdout);
    expect(validator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });

  it('paths with spaces and unusual characters become valid URI references; files outside the working directory become file: URLs', async () => {
    const dir = tempTree({ 'my plans/a #1.plan.yaml': PLAN('score: 5\n') });
    dirs.push(dir);
    const inside = await cli(['--format', 'sarif', '--as-of', AS_OF, 'my plans'], { cwd: dir });
    const log = JSON.parse(inside.stdout);
    expect(validator()(log)).toBe(true);
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20plans/a%20%231.plan.yaml');
    const other = tempTree();
    dirs.push(other);
    const outside = await cli(['--format', 'sarif', '--as-of', AS_OF, join(dir, 'my plans')], { cwd: other });
    const uri = JSON.parse(outside.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toMatch(/^file:\/\/\/.*my%20plans\/a%20%231\.plan\.yaml$/);
  });

  it('is valid with the real rule set on the repository samples', async () => {
    const r = await cli(['--format', 'sarif', '--as-of', AS_OF, '--no-error-on-unmatched-pattern', 'samples/'], { cwd: REPO, rules: ALL_RULES });
    expect(r.code).not.toBe(2);
    const log = JSON.parse(r.stdout);
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('a broken symbolic link is reported as a tool notification too', async () => {
    const dir = tempTree();
    dirs.push(dir);
    symlinkSync(join(dir, 'nowhere.plan.yaml'), join(dir, 'dangling.plan.yaml'));
    const r = await cli(['--format', 'sarif', '--as-of', AS_OF, 'dangling.plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const log = JSON.parse(r.stdout);
    expect(validator()(log)).toBe(true);
    expect(log.runs[0].results[0].ruleId).toBe('meta/unreadable');
    expect(r.stderr).toContain('a broken symbolic link');
  });
});
