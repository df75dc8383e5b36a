// `planlint explain`: a rule's page offline, from the metadata bundled in the CLI.
import { describe, expect, it } from 'vitest';
import { explain } from '../../server/src/cli/explain.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = explain(args, ALL_RULES, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('planlint explain', () => {
  it('prints a rule page: what it checks, the policy paragraph, failing and passing examples, how to configure it', () => {
    const rule = ALL_RULES.find((r) => r.meta.id === 'smart/time-bound')!;
    const r = run(['smart/time-bound']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^## `smart\/time-bound`\n/);
    expect(r.stdout).toContain(rule.meta.description);
    expect(r.stdout).toContain(`**Policy:** ${rule.meta.policy}`);
    expect(r.stdout).toContain('PSI 19/2014');
    expect(r.stdout).toContain('### Fails');
    expect(r.stdout).toContain('### Passes');
    expect(r.stdout).toContain('rules:\n  smart/time-bound:');
    expect(r.stdout).toContain('planlint-disable-next-line smart/time-bound');
  });
  it('every rule has a page', () => {
    for (const rule of ALL_RULES) {
      const r = run([rule.meta.id]);
      expect(r.code, rule.meta.id).toBe(0);
      expect(r.stdout, rule.meta.id).toContain(rule.meta.description);
    }
  });
  it('--list lists every rule by family, with its default severity', () => {
    const r = run(['--list']);
    expect(r.code).toBe(0);
    for (const rule of ALL_RULES) expect(r.stdout).toMatch(new RegExp(`^  ${rule.meta.id.replace('/', '\\/')} +${rule.meta.severity} `, 'm'));
    expect(r.stdout.indexOf('schema — ')).toBeLessThan(r.stdout.indexOf('smart — '));
  });
  it('a family name lists that family only', () => {
    const r = run(['review']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('review/periodic');
    expect(r.stdout).not.toContain('smart/time-bound');
  });
  it('an unknown rule is exit 2 with a did-you-mean, and nothing on stdout', () => {
    const r = run(['smart/timebound']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('did you mean `smart/time-bound`?');
  });
  it('does not echo an argument that is not rule-shaped (it could be anything: a name, escapes)', () => {
    const r = run(['Zebedee A1234BC\u001b[2J']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('A1234BC');
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain('that is not a planlint rule or family');
  });
  it('no argument is a usage error', () => {
    const r = run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^usage: planlint explain/);
  });
});
