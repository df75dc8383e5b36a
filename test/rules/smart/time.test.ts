// smart/time-bound and smart/overdue, in the rule tester.
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../tester.js';
import { applyFix, item, plan, rule, run } from '../plan/helpers.js';

const noTarget = (sentence: Record<string, unknown> = {}, kind = 'plan') =>
  plan({ kind, sentence, objectives: [item('objectives', 0, { target_date: undefined }), item('objectives', 1, {})] });
/** The plan with OBJ-1's target date inserted where the quick fix puts it (after its last key). */
const withTarget = (t: string, date: string): string => {
  const out = t.replace('    status: in_progress\n  - id: OBJ-2', `    status: in_progress\n    target_date: ${date}\n  - id: OBJ-2`);
  expect(out).not.toBe(t);
  return out;
};
const communityWork = plan({
  sentence: { release_date: '2027-02-01', sentence_end_date: '2027-04-30' },
  objectives: [item('objectives', 0, { target_date: undefined }), item('objectives', 1, {})],
  actions: [item('actions', 0, { phase: 'community', agreed_with_com: true }), item('actions', 1, {})],
});

ruleTester(rule('smart/time-bound')).run({
  valid: [
    { name: 'every objective has a target date', plan: plan() },
    { name: 'a template keeps a placeholder', plan: plan({ kind: 'template', objectives: [item('objectives', 0, { target_date: '${target_date}' })] }) },
    // A wrong value is schema/shape's (one defect, one finding).
    { name: 'a target date that is not a date is left to schema/shape', plan: plan({ objectives: [item('objectives', 0, { target_date: 'soon' })] }) },
    { name: 'an objective that cannot start yet', plan: plan({ objectives: [item('objectives', 0, { target_date: undefined, status: 'future' }), item('objectives', 1, {})] }) },
  ],
  invalid: [
    {
      name: 'no target date: a warning on the objective, a quick fix 6 months from the as-of date',
      plan: noTarget(),
      errors: [{ messageId: 'missing', data: { objective: 'OBJ-1' }, cite: 'PSI 19/2014 para 2.7', severity: 'warning', text: 'OBJ-1', suggestions: [withTarget(noTarget(), '2027-05-23')] }],
      output: null,
    },
    {
      name: 'the date is capped at release for custody-phase work',
      plan: noTarget({ release_date: '2027-02-01' }),
      errors: [{ messageId: 'missing', suggestions: [withTarget(noTarget({ release_date: '2027-02-01' }), '2027-02-01')] }],
    },
    { name: 'a release date already past does not cap it', plan: noTarget({ release_date: '2026-10-01' }), errors: [{ messageId: 'missing', suggestions: [withTarget(noTarget({ release_date: '2026-10-01' }), '2027-05-23')] }] },
    { name: 'community work is capped at the sentence end, not release', plan: communityWork, errors: [{ messageId: 'missing', suggestions: [withTarget(communityWork, '2027-04-30')] }] },
    { name: 'in a template the fix inserts a placeholder', plan: noTarget({}, 'template'), errors: [{ messageId: 'missing', suggestions: [withTarget(noTarget({}, 'template'), '${target_date}')] }] },
    {
      name: 'a flow map gets a quoted placeholder',
      plan: 'sentence_plan: 1\nkind: template\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody }\n',
      errors: [{ messageId: 'missing', suggestions: ['sentence_plan: 1\nkind: template\nobjectives:\n  - { id: OBJ-1, description: Complete the drug programme in custody, target_date: "${target_date}" }\n'] }],
    },
  ],
});

const due = (d: string, status = 'in_progress') => plan({ objectives: [item('objectives', 0, { target_date: d, status }), item('objectives', 1, {})] });

ruleTester(rule('smart/overdue')).run({
  valid: [
    { name: 'due today is not overdue', plan: due('2026-11-23') },
    { name: 'an achieved objective', plan: due('2026-01-01', 'achieved') },
    { name: 'an objective no longer appropriate', plan: due('2026-01-01', 'no_longer_appropriate') },
    { name: 'judged against the as-of date', plan: due('2026-11-22'), asOf: '2026-11-01' },
    { name: 'not in templates', plan: due('2026-01-01').replace('kind: plan', 'kind: template') },
  ],
  invalid: [
    {
      name: 'due yesterday is overdue by 1 day',
      plan: due('2026-11-22'),
      errors: [{ messageId: 'overdue', data: { objective: 'OBJ-1', days: { id: 'common.days', data: { n: 1 } } }, cite: 'PSI 19/2014 paras 2.17, 2.19', text: '2026-11-22' }],
    },
    { name: 'counts the days', plan: due('2026-09-30'), errors: [{ messageId: 'overdue', data: { days: { id: 'common.days', data: { n: 54 } } } }] },
    { name: 'not achieved is still overdue', plan: due('2026-01-01', 'not_achieved'), errors: [{ messageId: 'overdue' }] },
  ],
});

describe('smart/time-bound and smart/overdue beyond one finding', () => {
  it('the fixed plan is time-bound and realistic; a date capped at release leaves only OBJ-2 after it', () => {
    const out = applyFix(noTarget(), 'smart/time-bound');
    expect(run(out, 'smart/time-bound')).toEqual([]);
    expect(run(out, 'smart/realistic')).toEqual([]);
    const capped = applyFix(noTarget({ release_date: '2027-02-01' }), 'smart/time-bound');
    expect(run(capped, 'smart/realistic').map((f) => f.data?.objective)).toEqual(['OBJ-2']);
  });
  it('the messages read as they always have', () => {
    expect(run(noTarget(), 'smart/time-bound')[0].message).toBe('Objective OBJ-1 has no target date. Objectives must be time-bound (PSI 19/2014 para 2.7): add `target_date`.');
    expect(run(noTarget(), 'smart/time-bound')[0].fixes[0].title).toBe('Add `target_date: 2027-05-23` (confirm the date)');
    expect(run(due('2026-11-22'), 'smart/overdue')[0].message).toContain('passed 1 day ago');
    expect(run(due('2026-09-30'), 'smart/overdue')[0].message).toContain('passed 54 days ago');
  });
});
