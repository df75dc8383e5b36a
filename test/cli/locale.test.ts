// --locale (issue 16 groundwork): findings are rendered in the chosen locale in every format.
// Under the pseudo-locale qps every catalogue message is bracketed, so a finding whose text did
// not come from the catalogue shows up here.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { AS_OF, cli, removeTree, REPO, tempTree } from './helpers.js';

const BAD = join(REPO, 'samples/bad');
const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

interface JsonFinding {
  rule: string;
  message: string;
}

describe('planlint --locale', () => {
  it('qps: every finding of every rule on samples/bad comes from the catalogue', async () => {
    const r = await cli(['--locale', 'qps', '--format', 'json', '--as-of', AS_OF, BAD], { rules: ALL_RULES });
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }[]).flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(80);
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules.size).toBeGreaterThan(50);
    const outside = findings.filter((f) => !(f.message.startsWith('⟦') && f.message.endsWith('⟧')));
    expect(outside.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
  it('qps in SARIF: message.text in the locale, rule ids unchanged', async () => {
    const r = await cli(['--locale', 'qps', '--format', 'sarif', '--as-of', AS_OF, join(BAD, 'plan-action-owner.plan.yaml')], { rules: ALL_RULES });
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; message: { text: string } }[];
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) {
      expect(x.ruleId).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(x.message.text).toMatch(/^⟦.*⟧$/s);
    }
  });
  it('the default is English; an environment locale planlint has only in part is not taken unasked', async () => {
    const r = await cli(['--format', 'json', '--as-of', AS_OF, join(BAD, 'plan-action-owner.plan.yaml')], { rules: ALL_RULES });
    const [f] = JSON.parse(r.stdout)[0].findings as JsonFinding[];
    expect(f.message).toMatch(/^Action /);
  });
  it('an unknown locale is a usage error (exit 2)', async () => {
    const r = await cli(['--locale', 'fr', 'x.plan.yaml'], { rules: ALL_RULES });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--locale is one of en, cy, qps, not `fr`');
  });
  it('the cache keeps no finding across locales', async () => {
    const d = tempTree({ 'a.plan.yaml': 'sentence_plan: 1\nkind: plan\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Attend.\n' });
    trees.push(d);
    const en = await cli(['--cache', '--format', 'json', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    const qps = await cli(['--cache', '--locale', 'qps', '--format', 'json', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    const first = (s: string) => (JSON.parse(s)[0].findings as JsonFinding[]).map((f) => f.message);
    expect(first(en.stdout).every((m) => !m.startsWith('⟦'))).toBe(true);
    expect(first(qps.stdout).every((m) => m.startsWith('⟦'))).toBe(true);
  });
});
