// Safe --fix (issue 7 item 3). test/cli/cli.test.ts already covers: temporary file + rename
// keeping the mode (0640) and inode change; CRLF/BOM kept; symlinks; abandoning a write with
// more errors than before; an I/O error on one file (exit 2) while the others are fixed;
// writeIfUnchanged() refusing a changed file; a second run being a no-op (test rules).
// Added here: a file changed on disk *during* a real --fix run is not overwritten; a fix that
// would break the YAML is not written; --fix with the real rules on every bad sample is
// idempotent and never adds a syntax error.
import { say, titled } from '../rules/inline.js';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { rules as metaRules } from '../../server/src/rules/meta/index.js';
import { tempTrees, cli } from '../cli/helpers.js';

const AS_OF = '2026-11-23';
const ROOT = join(__dirname, '../..');
const tree = tempTrees();
const docs = { rationale: 'A rule used only by the reliability tests.', bad: '', good: '' };
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A certain fix (score 48 -> 0.48) whose check also edits the file on disk, as another program would mid-run. */
function meddlingRules(file: string): Rule[] {
  let saved = false;
  return [
    {
      meta: { id: 'rel-test/score', severity: 'error', policy: '', description: 'Score above 1.', fixable: 'fix-all', inTemplates: true, docs },
      check(ctx) {
        const root = ctx.root;
        if (!isObj(root) || typeof root.score !== 'number' || root.score <= 1) return;
        // Someone saves the file in their editor while planlint is working on it.
        if (!saved) writeFileSync(file, readFileSync(file, 'utf8') + 'saved_by: someone else\n');
        saved = true;
        const e = ctx.edit.replaceValue(['score'], String(root.score / 100));
        ctx.report({ path: ['score'], at: 'value', ...say('Score above 1.'), fixes: e ? [{ title: titled('Divide by 100'), edits: [e], fixAll: true }] : [] });
      },
    },
    ...metaRules,
  ];
}

/** A "certain" fix that produces broken YAML (an unclosed flow sequence). */
const BREAKING_RULES: Rule[] = [
  {
    meta: { id: 'rel-test/breaks', severity: 'error', policy: '', description: 'Bad fix.', fixable: 'fix-all', inTemplates: true, docs },
    check(ctx) {
      const root = ctx.root;
      if (!isObj(root) || root.flag !== 'on') return;
      const e = ctx.edit.replaceValue(['flag'], '[off, {');
      ctx.report({ path: ['flag'], at: 'value', ...say('flag is on.'), fixes: e ? [{ title: titled('Break it'), edits: [e], fixAll: true }] : [] });
    },
  },
  ...metaRules,
];

describe('--fix never loses a line', () => {
  it('a file changed on disk during the run is not overwritten, and the change is reported', async () => {
    const d = tree({ 'a.plan.yaml': 'sentence_plan: 1\nscore: 48\n' });
    const file = join(d, 'a.plan.yaml');
    const r = await cli(['--fix', 'a.plan.yaml'], { cwd: d, rules: meddlingRules(file) });
    // The other program's save survives; planlint's fix was not written over it.
    expect(readFileSync(file, 'utf8')).toBe('sentence_plan: 1\nscore: 48\nsaved_by: someone else\n');
    expect(r.stdout + r.stderr).toMatch(/changed on disk|changed since|not written|modified/i);
    expect(readdirSync(d).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('a fix that would leave YAML that does not parse is not written', async () => {
    const d = tree({ 'a.plan.yaml': 'sentence_plan: 1\nflag: on\n', 'b.plan.yaml': 'sentence_plan: 1\n' });
    const file = join(d, 'a.plan.yaml');
    const mtime = statSync(file).mtimeMs;
    const r = await cli(['--fix', 'a.plan.yaml', 'b.plan.yaml'], { cwd: d, rules: BREAKING_RULES });
    expect(readFileSync(file, 'utf8')).toBe('sentence_plan: 1\nflag: on\n');
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(r.stdout + r.stderr).not.toMatch(/fixed a\.plan\.yaml/);
  });

  it('with the real rules on every bad sample: never more syntax errors, and a second --fix changes nothing', async () => {
    const names = readdirSync(join(ROOT, 'samples/bad')).filter((n) => n.endsWith('.yaml'));
    const files = Object.fromEntries(names.map((n) => [n, readFileSync(join(ROOT, 'samples/bad', n), 'utf8')]));
    const d = tree(files);
    await cli(['--fix', '--as-of', AS_OF, ...names], { cwd: d, rules: ALL_RULES });
    const once = names.map((n) => readFileSync(join(d, n), 'utf8'));
    const errs = (t: string) => lint(t, { asOf: AS_OF }).findings.filter((f) => f.ruleId === 'schema/yaml-syntax' && f.severity === 'error').length;
    names.forEach((n, i) => expect(errs(once[i]), n).toBeLessThanOrEqual(errs(files[n])));
    // Some samples really were fixed (so the idempotence check below means something).
    expect(names.filter((n, i) => once[i] !== files[n]).length).toBeGreaterThan(3);
    const again = await cli(['--fix', '--as-of', AS_OF, ...names], { cwd: d, rules: ALL_RULES });
    names.forEach((n, i) => expect(readFileSync(join(d, n), 'utf8'), n).toBe(once[i]));
    expect(again.stdout + again.stderr).not.toMatch(/planlint: fixed /);
  }, 60_000);
});
