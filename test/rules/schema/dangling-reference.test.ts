// schema/dangling-reference: outcome, objective and after name ids that exist, of the right kind.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, applyFix, at, edit, findings } from './fixtures.js';

const ID = 'schema/dangling-reference';
const refs = (text: string) => findings(text, ID);

const TWO_ACTIONS = edit(
  EXAMPLE,
  'engagement:',
  `  - id: ACT-2
    objective: OBJ-1
    type: intervention
    description: Weekly key work sessions on managing cravings.
    priority: 2
    after: [ACT-1]
engagement:`,
);

describe('schema/dangling-reference', () => {
  it('references that resolve pass', () => {
    expect(refs(EXAMPLE)).toEqual([]);
    expect(refs(TWO_ACTIONS)).toEqual([]);
  });

  it('an objective naming no outcome, with a quick fix to the nearest outcome id', () => {
    const text = edit(EXAMPLE, '    outcome: OUT-1', '    outcome: OUT-2');
    const [f, ...rest] = refs(text);
    expect(rest).toEqual([]);
    expect(at(text, f)).toBe('OUT-2');
    expect(f.message).toBe('Objective OBJ-1 names `OUT-2` in `outcome`, but the plan has no outcome with that id. Did you mean `OUT-1`?');
    expect(f.fixes[0]).toMatchObject({ title: 'Change to `OUT-1`', fixAll: false });
    applyFix(text, f, EXAMPLE);
  });

  it('an action naming no objective', () => {
    const text = edit(EXAMPLE, '    objective: OBJ-1', '    objective: OBJ-01');
    const [f] = refs(text);
    expect(at(text, f)).toBe('OBJ-01');
    applyFix(text, f, EXAMPLE);
  });

  it('an `after` naming no action, by item', () => {
    const text = edit(TWO_ACTIONS, 'after: [ACT-1]', 'after: [ACT-1, ACT-3]');
    const [f] = refs(text);
    expect(at(text, f)).toBe('ACT-3');
    expect(f.message).toBe('Action ACT-2 names `ACT-3` in `after`, but the plan has no action with that id. Did you mean `ACT-1`?');
    applyFix(text, f, edit(TWO_ACTIONS, 'after: [ACT-1]', 'after: [ACT-1, ACT-1]'));
  });

  it('never offers an action as its own prerequisite', () => {
    const text = edit(TWO_ACTIONS, 'after: [ACT-1]', 'after: [ACT-9]');
    const [f] = refs(text);
    expect(f.fixes.map((x) => x.title)).toEqual(['Change to `ACT-1`']);
    const solo = edit(EXAMPLE, '    priority: 1', '    priority: 1\n    after: [ACT-9]');
    expect(refs(solo)[0].fixes).toEqual([]);
  });

  it('names the kind when the id belongs to another kind of item', () => {
    const text = edit(TWO_ACTIONS, 'after: [ACT-1]', 'after: [OBJ-1]');
    const [f] = refs(text);
    expect(f.message).toMatch(/^Action ACT-2 names `OBJ-1` in `after`, but that is an objective: `after` must name an action\./);
  });

  it('no fix when nothing is near; says to add the item when there is none', () => {
    const text = edit(EXAMPLE, '    outcome: OUT-1', '    outcome: HOUSING');
    const [f] = refs(text);
    expect(f.fixes).toEqual([]);
    const none = 'sentence_plan: 1\nobjectives:\n  - id: OBJ-1\n    outcome: OUT-1\n';
    expect(refs(none)[0].message).toBe('Objective OBJ-1 names `OUT-1` in `outcome`, but the plan has no outcome with that id. Add the outcome, or correct the reference.');
  });

  it('a single `after` written without brackets is still checked', () => {
    const text = edit(TWO_ACTIONS, 'after: [ACT-1]', 'after: ACT-7');
    const [f] = refs(text);
    expect(at(text, f)).toBe('ACT-7');
  });

  it('placeholders in a template are not dangling', () => {
    const t = 'sentence_plan: 1\nkind: template\noutcomes:\n  - id: OUT-1\nobjectives:\n  - id: OBJ-1\n    outcome: ${outcome}\nactions:\n  - id: ACT-1\n    objective: OBJ-9\n';
    const f = refs(t);
    expect(f.map((x) => at(t, x))).toEqual(['OBJ-9']);
  });
});
