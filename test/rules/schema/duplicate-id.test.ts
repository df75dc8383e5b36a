// schema/duplicate-id: ids are unique across outcomes, objectives and actions.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, at, edit, findings, run } from './fixtures.js';

const ID = 'schema/duplicate-id';
const dup = (text: string) => findings(text, ID);

const TWO_OBJECTIVES = edit(
  EXAMPLE,
  'actions:\n',
  `  - id: OBJ-1
    outcome: OUT-1
    need: thinking_behaviour
    description: Complete the Thinking Skills Programme.
    measure: Certificate of completion.
    target_date: 2026-06-30
actions:
`,
);

describe('schema/duplicate-id', () => {
  it('unique ids pass', () => {
    expect(dup(EXAMPLE)).toEqual([]);
    expect(dup(TWO_OBJECTIVES.replace('  - id: OBJ-1\n    outcome: OUT-1\n    need: thinking', '  - id: OBJ-2\n    outcome: OUT-1\n    need: thinking'))).toEqual([]);
  });

  it('two objectives with one id: reported on the second, related to the first', () => {
    const r = run(TWO_OBJECTIVES);
    const [f, ...rest] = r.findings.filter((x) => x.ruleId === ID);
    expect(rest).toEqual([]);
    expect(at(TWO_OBJECTIVES, f)).toBe('OBJ-1');
    expect(f.span.start).toBe(TWO_OBJECTIVES.indexOf('- id: OBJ-1\n    outcome: OUT-1\n    need: thinking') + 6);
    expect(f.message).toBe(
      'The id `OBJ-1` is already used by another objective: ids must be unique across outcomes, objectives and actions so that references to them are clear. Give this objective a new id.',
    );
    expect(f.related).toHaveLength(1);
    expect(f.related[0].span.start).toBe(TWO_OBJECTIVES.indexOf('OBJ-1'));
    expect(f.related[0].message).toBe('`OBJ-1` first used here (objective)');
  });

  it('an id shared across kinds is a duplicate too', () => {
    const text = edit(EXAMPLE, '  - id: ACT-1', '  - id: OUT-1');
    const [f] = dup(text);
    expect(f.message).toMatch(/^The id `OUT-1` is already used by an outcome: .* Give this action a new id\.$/);
    expect(f.span.start).toBe(text.indexOf('id: OUT-1', text.indexOf('actions:')) + 4);
  });

  it('reports in document order whatever order the sections are in', () => {
    // actions written before outcomes: the outcome is the second use.
    const text = 'sentence_plan: 1\nactions:\n  - id: X-1\noutcomes:\n  - id: X-1\n';
    const [f] = dup(text);
    expect(f.span.start).toBe(text.lastIndexOf('X-1'));
    expect(f.message).toContain('already used by an action');
  });

  it('three uses give two findings, each related to the first', () => {
    const text = 'sentence_plan: 1\noutcomes:\n  - id: A\n  - id: A\n  - id: A\n';
    const f = dup(text);
    expect(f).toHaveLength(2);
    for (const x of f) expect(x.related[0].span.start).toBe(text.indexOf('A'));
  });

  it('ids are case-sensitive, and items without an id are left to schema/shape', () => {
    expect(dup('sentence_plan: 1\noutcomes:\n  - id: out-1\n  - id: OUT-1\n  - description: none\n  - description: none\n')).toEqual([]);
  });
});
