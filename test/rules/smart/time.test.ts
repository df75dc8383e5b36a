// smart/time-bound and smart/overdue.
import { describe, expect, it } from 'vitest';
import { applyFix, at, item, plan, run } from '../plan/helpers.js';

describe('smart/time-bound', () => {
  const ID = 'smart/time-bound';
  const noTarget = (sentence: Record<string, unknown> = {}, kind = 'plan') =>
    plan({ kind, sentence, objectives: [item('objectives', 0, { target_date: undefined }), item('objectives', 1, {})] });
  it('reports an objective with no target date, as a warning (PSI 2.7: should be SMART)', () => {
    const t = noTarget();
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('warning');
    expect(at(t, fs[0])).toBe('OBJ-1');
    expect(fs[0].message).toBe('Objective OBJ-1 has no target date. Objectives must be time-bound (PSI 19/2014 para 2.7): add `target_date`.');
  });
  it('passes with a target date', () => {
    expect(run(plan(), ID)).toEqual([]);
  });
  it('fix: 6 months from as-of when release is later', () => {
    const t = noTarget();
    expect(run(t, ID)[0].fixes[0].fixAll).toBe(false);
    const out = applyFix(t, ID);
    expect(out).toContain('    status: in_progress\n    target_date: 2027-05-23\n  - id: OBJ-2');
    expect(run(out, ID)).toEqual([]);
    expect(run(out, 'smart/realistic')).toEqual([]);
  });
  it('fix: capped at release for custody-phase work', () => {
    const out = applyFix(noTarget({ release_date: '2027-02-01' }), ID);
    expect(out).toContain('    target_date: 2027-02-01\n');
    // OBJ-2 (2027-05-31) is now after release; OBJ-1's new date is not.
    expect(run(out, 'smart/realistic').map((f) => f.message.slice(0, 15))).toEqual(['Objective OBJ-2']);
  });
  it('fix: not capped at release when the work goes on in the community, but capped at the sentence end', () => {
    const t = plan({
      sentence: { release_date: '2027-02-01', sentence_end_date: '2027-04-30' },
      objectives: [item('objectives', 0, { target_date: undefined }), item('objectives', 1, {})],
      actions: [item('actions', 0, { phase: 'community', agreed_with_com: true }), item('actions', 1, {})],
    });
    expect(applyFix(t, ID)).toContain('    target_date: 2027-04-30\n');
  });
  it('fix: a release date already past does not cap the date', () => {
    expect(applyFix(noTarget({ release_date: '2026-10-01' }), ID)).toContain('    target_date: 2027-05-23\n');
  });
  it('in a template a placeholder satisfies it, and the fix inserts one', () => {
    expect(run(plan({ kind: 'template', objectives: [item('objectives', 0, { target_date: '${target_date}' })] }), ID)).toEqual([]);
    const out = applyFix(noTarget({}, 'template'), ID);
    expect(out).toContain('    target_date: ${target_date}\n');
    expect(run(out, ID)).toEqual([]);
  });
  it('quotes the placeholder in a flow map', () => {
    const t = 'sentence_plan: 1\nkind: template\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody }\n';
    const out = applyFix(t, ID);
    expect(out).toContain('{ id: OBJ-1, description: Complete the drug programme in custody, target_date: "${target_date}" }');
  });
  it('leaves a wrong value to schema/shape (no finding, no fix)', () => {
    expect(run(plan({ objectives: [item('objectives', 0, { target_date: 'soon' })] }), ID)).toEqual([]);
  });
});

describe('smart/overdue', () => {
  const ID = 'smart/overdue';
  const due = (d: string, status = 'in_progress') => plan({ objectives: [item('objectives', 0, { target_date: d, status }), item('objectives', 1, {})] });
  it('edge: due today is not overdue; due yesterday is overdue by 1 day', () => {
    expect(run(due('2026-11-23'), ID)).toEqual([]);
    const t = due('2026-11-22');
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('2026-11-22');
    expect(fs[0].message).toContain('passed 1 day ago');
  });
  it('counts the days', () => {
    expect(run(due('2026-09-30'), ID)[0].message).toContain('passed 54 days ago');
  });
  it('is quiet for achieved or no-longer-appropriate objectives, but not for not_achieved', () => {
    expect(run(due('2026-01-01', 'achieved'), ID)).toEqual([]);
    expect(run(due('2026-01-01', 'no_longer_appropriate'), ID)).toEqual([]);
    expect(run(due('2026-01-01', 'not_achieved'), ID)).toHaveLength(1);
  });
  it('judges against the as-of date, and not in templates', () => {
    expect(run(due('2026-11-22'), ID, '2026-11-01')).toEqual([]);
    expect(run(due('2026-01-01').replace('kind: plan', 'kind: template'), ID)).toEqual([]);
  });
});
