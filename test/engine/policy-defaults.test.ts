// Every number the seeds do not give is labelled planlint's default in the policy data (a `$comment`
// beside it), so a policy team reading the data can tell policy from planlint's choices.
import { describe, expect, it } from 'vitest';
import plan from '../../server/src/policy/plan.json';
import review from '../../server/src/policy/review.json';
import rmp from '../../server/src/policy/rmp.json';
import smart from '../../server/src/policy/smart.json';
import { defaultPolicy } from '../../server/src/policy/index.js';

type J = Record<string, unknown>;
/** The note on `key` in `obj`: a `$comment` inside it (a duration) or a `$comment <key>` beside it. */
function note(obj: J, key: string): string | undefined {
  const v = obj[key] as J | undefined;
  if (v && typeof v === 'object' && typeof v.$comment === 'string') return v.$comment;
  const beside = obj[`$comment ${key}`];
  return typeof beside === 'string' ? beside : undefined;
}
const at = (root: J, path: string[]): [J, string] => [path.slice(0, -1).reduce((o, k) => o[k] as J, root), path[path.length - 1]];

const DEFAULTS: [string, J, string[]][] = [
  ['the 8-week window before the pre-tariff due date', review as J, ['pre_tariff', 'window']],
  ['the 8-week window before the MAPPA pre-release due date', review as J, ['pre_release_mappa', 'window']],
  ['the 8-week window before the pre-parole due date', review as J, ['pre_parole', 'window']],
  ['24 weeks before the PED for extended sentences', review as J, ['pre_parole', 'extended_due_before_ped']],
  ['24 weeks before a next parole review', review as J, ['pre_parole', 'next_review_due_before']],
  ['how long a passed PED is still judged', review as J, ['pre_parole', 'ped_history_after']],
  ['the 4 weeks after a significant event', review as J, ['significant_event_weeks']],
  ['the 8 weeks before a move to open conditions', review as J, ['open_conditions', 'window_before_move']],
  ['the termination window', review as J, ['termination', 'window_opens_before_end']],
  ['the 4 weeks after release', review as J, ['post_release', 'within']],
  ['the 0-day RMP gap', rmp as J, ['reviewed_with_plan_gap_days']],
  ['under 18', plan as J, ['adult_age']],
  ['the 6 months of the time-bound fix', smart as J, ['time_bound_default_months']],
];

describe("planlint's defaults are labelled in the policy data", () => {
  it.each(DEFAULTS)('%s', (_what, root, path) => {
    const [obj, key] = at(root, path);
    expect(obj[key]).toBeDefined();
    expect(note(obj, key)).toMatch(/planlint's default/);
  });
  it('the notes are dropped on load: the loaded policy has no $comment keys and the values are unchanged', () => {
    const { policy } = defaultPolicy();
    expect(JSON.stringify(policy)).not.toContain('$comment');
    expect(policy.review.significant_event_weeks).toBe(4);
    expect(policy.review.pre_tariff.window).toEqual({ weeks: 8 });
    expect(policy.plan.adult_age).toBe(18);
  });
});
