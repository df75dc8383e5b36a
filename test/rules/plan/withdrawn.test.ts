// plan/withdrawn-still-listed and its removal fix.
import { describe, expect, it } from 'vitest';
import { AS_OF, applyFix, at, run } from './helpers.js';

const ID = 'plan/withdrawn-still-listed';
const TEXT = `sentence_plan: 1
kind: plan
objectives:
  - id: OBJ-1
    description: Complete a drug treatment programme with the prison substance misuse service.
    status: in_progress
  # dropped at the March review
  - id: OBJ-2
    description: Obtain a forklift licence through the prison workshop.
    status: no_longer_appropriate
actions:
  - id: ACT-1
    objective: OBJ-1
    status: in_progress
  - id: ACT-2 # housing
    objective: OBJ-1
    status: no_longer_appropriate
  - id: ACT-3
    objective: OBJ-1
    status: not_started
`;

describe('plan/withdrawn-still-listed', () => {
  it('reports each item marked no longer appropriate, at its status', () => {
    const fs = run(TEXT, ID);
    expect(fs).toHaveLength(2);
    expect(fs.map((f) => at(TEXT, f))).toEqual(['no_longer_appropriate', 'no_longer_appropriate']);
    expect(fs[0].message).toContain('OBJ-2');
    expect(fs[1].message).toContain('ACT-2');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.20');
  });
  it('a warning until a review is recorded after the item was marked; then an error (PSI 2.20 "must")', () => {
    const marked = TEXT.replace('    status: no_longer_appropriate\nactions:', '    status: no_longer_appropriate\n    status_since: 2026-03-02\nactions:');
    // marked, no review since: a warning
    const before = run(marked + 'reviews:\n  - date: 2026-03-02\n    type: significant_event\n', ID);
    expect(before.map((f) => f.severity)).toEqual(['warning', 'warning']);
    // a review the day after: the objective is an error, the action (no date) stays a warning
    const after = run(marked + 'reviews:\n  - date: 2026-03-03\n    type: significant_event\n', ID);
    expect(after.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(after[0].message).toContain('The review of 2026-03-03 came after it was marked (2026-03-02)');
    // without status_since, when it was marked is not known: a warning whatever the reviews
    expect(run(TEXT + 'reviews:\n  - date: 2026-11-01\n    type: periodic\n', ID).map((f) => f.severity)).toEqual(['warning', 'warning']);
  });
  it('passes for withdrawn or completed items (only no_longer_appropriate is named by the PSI)', () => {
    expect(run(TEXT.replace(/no_longer_appropriate/g, 'completed'), ID)).toEqual([]);
  });
  it('removes an unreferenced objective with its comment, as a quick fix only', () => {
    const fs = run(TEXT, ID);
    expect(fs[0].fixes[0].fixAll).toBe(false);
    const out = applyFix(TEXT, ID, 0);
    expect(out).toContain('    status: in_progress\nactions:\n');
    expect(out).not.toContain('dropped at the March review');
    expect(out).not.toContain('OBJ-2');
    const again = run(out, ID);
    expect(again).toHaveLength(1); // the action is still reported
    expect(again[0].message).toContain('ACT-2');
  });
  it('removes an unreferenced action; a second round has nothing left to fix', () => {
    const once = run(TEXT, ID)[1];
    expect(once.fixes).toHaveLength(1);
    let out = TEXT;
    out = applyFix(out, ID, 0); // OBJ-2
    out = applyFix(out, ID, 0); // ACT-2
    expect(out).toContain('  - id: ACT-1\n    objective: OBJ-1\n    status: in_progress\n  - id: ACT-3\n');
    expect(run(out, ID, AS_OF)).toEqual([]);
  });
  it('offers no removal while something refers to the item', () => {
    const objRef = TEXT.replace('  - id: ACT-3\n    objective: OBJ-1', '  - id: ACT-3\n    objective: OBJ-2');
    const fo = run(objRef, ID);
    expect(fo[0].fixes).toEqual([]);
    expect(fo[0].message).toContain('ACT-3');
    const actRef = TEXT.replace('    status: not_started\n', '    status: not_started\n    after: [ACT-2]\n');
    const fa = run(actRef, ID);
    expect(fa[1].fixes).toEqual([]);
    expect(fa[1].message).toContain('`after` list of ACT-3');
  });
  it('removing the only item leaves an empty list that still parses', () => {
    const t = 'sentence_plan: 1\nobjectives:\n  - id: OBJ-1\n    status: no_longer_appropriate\noutcomes: []\n';
    const out = applyFix(t, ID);
    expect(out).toBe('sentence_plan: 1\nobjectives: []\noutcomes: []\n');
  });
});
