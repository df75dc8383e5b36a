import { describe, expect, it } from 'vitest';
import { say } from '../rules/inline.js';
import { applyEdits } from '../../server/src/engine/edits.js';
import { fixAll } from '../../server/src/engine/fix.js';
import { lint } from '../../server/src/engine/lint.js';
import type { Rule } from '../../server/src/engine/rule.js';

// A rule that flags every objective id, so suppressions have something to silence.
const flagObjectives: Rule = {
  meta: {
    id: 'smart/specific', severity: 'warning', policy: 'PSI 19/2014 para 2.7', description: 'test double', fixable: 'none', inTemplates: true,
    docs: { rationale: 'test', bad: '', good: '' },
  },
  check(ctx) {
    for (const o of ctx.plan.objectives) ctx.report({ path: [...o.path, 'id'], at: 'value', ...say(`flag ${o.id}`) });
  },
};
const quiet: Rule = { ...flagObjectives, meta: { ...flagObjectives.meta, id: 'smart/measurable' }, check: () => undefined };
const boom: Rule = { ...flagObjectives, meta: { ...flagObjectives.meta, id: 'plan/interpreter' }, check: () => { throw new Error('secret A1234BC'); } };
const run = (text: string, rules: Rule[] = [flagObjectives, quiet]) => lint(text, { asOf: '2026-11-23', rules });
const ids = (text: string, rules?: Rule[]) => run(text, rules).findings.map((f) => `${f.ruleId}@${run(text, rules).parsed.lines.positionAt(f.span.start).line + 1}`);

const PLAN = (comment: string) => `sentence_plan: 1
objectives:
${comment}
  - id: OBJ-1
  - id: OBJ-2
`;

describe('suppression comments', () => {
  it('next-line silences the named rule on the next content line only', () => {
    expect(ids(PLAN('  # planlint-disable-next-line smart/specific -- agreed with the panel'))).toEqual(['smart/specific@5']);
  });
  it('skips blank and comment lines to find the next line', () => {
    expect(ids(PLAN('  # planlint-disable-next-line smart/specific -- reason\n  # another comment\n'))).toEqual(['smart/specific@7']);
  });
  it('a family pattern and a list both work; the unused member of a list is reported', () => {
    expect(ids(PLAN('  # planlint-disable-next-line smart/* -- reason'))).toEqual(['smart/specific@5']);
    const r = run(PLAN('  # planlint-disable-next-line smart/measurable, smart/specific -- reason'));
    expect(r.findings.map((f) => f.ruleId)).toEqual(['meta/unused-disable', 'smart/specific']);
    expect(r.findings[0].message).toMatch(/`smart\/measurable` reports nothing.*or those rules from it/);
    expect(r.findings[0].fixes).toEqual([]);
  });
  it('disable-line silences on its own line', () => {
    const text = 'sentence_plan: 1\nobjectives:\n  - id: OBJ-1 # planlint-disable-line smart/specific -- reason\n';
    expect(ids(text)).toEqual([]);
  });
  it('disable-file silences everywhere', () => {
    expect(ids(PLAN('# planlint-disable-file smart/specific -- a pilot template'))).toEqual([]);
  });
  it('reports a directive with no reason, but still honours it', () => {
    const r = run(PLAN('  # planlint-disable-next-line smart/specific'));
    expect(r.findings.map((f) => f.ruleId)).toEqual(['meta/unused-disable', 'smart/specific']);
    expect(r.findings[0].message).toMatch(/no reason/);
  });
  it('reports an unused directive, with a fix that removes its line', () => {
    const text = PLAN('  # planlint-disable-next-line smart/measurable -- obsolete');
    const r = run(text);
    const unused = r.findings.find((f) => f.ruleId === 'meta/unused-disable')!;
    expect(unused.message).toMatch(/Unused suppression: `smart\/measurable`/);
    const fixed = applyEdits(text, unused.fixes[0].edits);
    expect(fixed).toBe(PLAN('').replace('objectives:\n\n', 'objectives:\n'));
    expect(run(fixed).findings.map((f) => f.ruleId)).toEqual(['smart/specific', 'smart/specific']);
  });
  it('names an unknown rule with a suggestion', () => {
    const r = run(PLAN('  # planlint-disable-next-line smart/specfic -- typo'));
    expect(r.findings.some((f) => f.ruleId === 'meta/unused-disable' && /did you mean `smart\/specific`/.test(f.message))).toBe(true);
  });
  it('fix-all removes unused directives and is idempotent', () => {
    const text = PLAN('  # planlint-disable-next-line smart/measurable -- obsolete');
    const once = fixAll(text, { asOf: '2026-11-23', rules: [flagObjectives, quiet] });
    expect(once.changed).toBe(true);
    expect(fixAll(once.text, { asOf: '2026-11-23', rules: [flagObjectives, quiet] }).changed).toBe(false);
  });
});

describe('a failing rule', () => {
  it('is reported once on line 1 by name, without content, and others still run', () => {
    const r = run(PLAN(''), [boom, flagObjectives]);
    const err = r.findings.filter((f) => f.ruleId === 'meta/internal-error');
    expect(err).toHaveLength(1);
    expect(err[0].message).toContain('plan/interpreter');
    expect(err[0].message).not.toContain('A1234BC');
    expect(r.parsed.lines.positionAt(err[0].span.start).line).toBe(0);
    expect(r.findings.filter((f) => f.ruleId === 'smart/specific')).toHaveLength(2);
  });
});
