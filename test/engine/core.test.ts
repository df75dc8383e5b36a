import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits.js';
import { lint } from '../../server/src/engine/lint.js';
import { parseText } from '../../server/src/engine/parse.js';
import { appendItem, insertPair, removeItem, reorderItems, replaceValue } from '../../server/src/engine/edits.js';
import { spanFor } from '../../server/src/engine/locate.js';

const TEXT = `sentence_plan: 1
kind: plan
team:
  key_worker: X   # comment
objectives:
  # first
  - id: OBJ-1
    description: hi
  - { id: OBJ-2 }
reviews:
`;

describe('parse + model', () => {
  it('builds a typed plan with item paths', () => {
    const r = lint(TEXT, { asOf: '2026-11-23', rules: [] });
    expect(r.plan.objectives.map((o) => o.id)).toEqual(['OBJ-1', 'OBJ-2']);
    expect(r.plan.objectives[1].path).toEqual(['objectives', 1]);
    expect(r.plan.team?.key_worker).toBe('X');
    expect(r.parsed.comments.map((c) => c.text.trim())).toEqual(['comment', 'first']);
  });
  it('points item findings at the id value', () => {
    const pt = parseText(TEXT);
    const s = spanFor(pt.doc, pt.lines, ['objectives', 0, 'target_date']);
    expect(TEXT.slice(s.start, s.end)).toBe('OBJ-1');
    const k = spanFor(pt.doc, pt.lines, ['team', 'key_worker'], 'key');
    expect(TEXT.slice(k.start, k.end)).toBe('key_worker');
    const v = spanFor(pt.doc, pt.lines, ['team', 'key_worker'], 'value');
    expect(TEXT.slice(v.start, v.end)).toBe('X');
  });
});

describe('edits', () => {
  const pt = parseText(TEXT);
  const apply = (e: ReturnType<typeof insertPair>) => applyEdits(TEXT, [e!]);
  it('inserts a pair into a block map at its indentation', () => {
    expect(apply(insertPair(pt, ['team'], 'plan_owner', 'prison_offender_manager'))).toContain(
      'key_worker: X   # comment\n  plan_owner: prison_offender_manager\nobjectives:',
    );
  });
  it('inserts into a flow map', () => {
    expect(apply(insertPair(pt, ['objectives', 1], 'outcome', 'OUT-1'))).toContain('{ id: OBJ-2, outcome: OUT-1 }');
  });
  it('inserts into a block map item of a sequence', () => {
    expect(apply(insertPair(pt, ['objectives', 0], 'target_date', '2027-01-01'))).toContain('    description: hi\n    target_date: 2027-01-01\n  - {');
  });
  it('creates missing maps', () => {
    const out = apply(insertPair(pt, ['engagement'], 'involved', 'true'));
    expect(out).toContain('reviews:\nengagement:\n  involved: true');
    expect(parseText(out).problems).toEqual([]);
  });
  it('appends to an empty key and to a block sequence', () => {
    const a = apply(appendItem(pt, ['reviews'], ['date: 2026-01-01', 'type: periodic']));
    expect(a).toContain('reviews:\n  - date: 2026-01-01\n    type: periodic');
    const b = apply(appendItem(pt, ['objectives'], ['id: OBJ-3']));
    expect(b).toContain('  - { id: OBJ-2 }\n  - id: OBJ-3\nreviews:');
  });
  it('removes an item with its comment', () => {
    const out = apply(removeItem(pt, ['objectives'], 0));
    expect(out).toContain('objectives:\n  - { id: OBJ-2 }\nreviews:');
    const last = apply(removeItem(pt, ['objectives'], 1));
    expect(last).toContain('    description: hi\nreviews:');
  });
  it('reorders items keeping comments', () => {
    const out = apply(reorderItems(pt, ['objectives'], [1, 0]));
    expect(out).toContain('objectives:\n  - { id: OBJ-2 }\n  # first\n  - id: OBJ-1\n    description: hi\nreviews:');
  });
  it('replaces a scalar', () => {
    expect(apply(replaceValue(pt, ['team', 'key_worker'], 'Y'))).toContain('key_worker: Y   # comment');
  });
});
