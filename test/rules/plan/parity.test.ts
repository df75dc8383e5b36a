// Issue 11: parity with the government's Sentence Plan
// service, the open requirements list, and one meaning of "highest RoSH".
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { buildPlan } from '../../../server/src/engine/model.js';
import { highestRosh } from '../../../server/src/engine/risk.js';
import { checkEligibility, findProgramme } from '../../../server/src/policy/eligibility.js';
import { defaultPolicy } from '../../../server/src/policy/index.js';
import { AS_OF, item, plan, run } from './helpers.js';

const shape = (text: string) => lint(text, { asOf: AS_OF }).findings.filter((f) => f.ruleId === 'schema/shape');

describe('format parity: free text, future objectives, actions that cannot start yet', () => {
  it('free text of 4,000 characters passes; 4,001 is a shape error', () => {
    const long = (n: number) => 'a'.repeat(n);
    expect(shape(plan({ objectives: [item('objectives', 0, { description: long(4000) })] }))).toEqual([]);
    const [f] = shape(plan({ objectives: [item('objectives', 0, { description: long(4001) })] }));
    expect(f.message).toMatch(/too long \(at most 4000 characters\)/);
    expect(f.message).not.toContain('aaaa');
    expect(shape(plan({ engagement: { views: long(4001) } }))).toHaveLength(1);
  });
  it('an objective with status future needs no target date; not_started still does', () => {
    expect(run(plan({ objectives: [item('objectives', 0, { status: 'future', target_date: undefined })] }), 'smart/time-bound')).toEqual([]);
    expect(run(plan({ objectives: [item('objectives', 0, { status: 'not_started', target_date: undefined })] }), 'smart/time-bound')).toHaveLength(1);
  });
  it('`cannot_start_yet` is an action status, and such an action keeps its objective achievable', () => {
    const t = plan({ actions: [item('actions', 0, { status: 'cannot_start_yet' }), item('actions', 1, {})] });
    expect(shape(t)).toEqual([]);
    expect(run(t, 'smart/achievable')).toEqual([]);
  });
});

describe('sentence.requirements is an open list', () => {
  const reqs = (r: string[]) => plan({ sentence: { type: 'community_order', requirements: r, length_months: undefined, release_date: undefined, setting: 'community' }, team: { plan_owner: 'community_offender_manager' } });
  it('known values pass, including every one the format names', () => {
    expect(shape(reqs(['rehabilitation_activity', 'unpaid_work', 'electronic_monitoring']))).toEqual([]);
    const named = ['unpaid_work', 'curfew', 'exclusion', 'electronic_monitoring', 'rehabilitation_activity', 'drug_rehabilitation', 'alcohol_treatment',
      'mental_health_treatment', 'accredited_programme', 'residence', 'prohibited_activity', 'attendance_centre'];
    expect(shape(reqs(named))).toEqual([]);
  });
  it('a near miss is a warning with a did-you-mean and a fix; never an error', () => {
    const t = reqs(['unpaid_wrok']);
    const [f] = shape(t);
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('did you mean `unpaid_work`?');
    expect(f.fixes[0].title).toBe('Change to `unpaid_work`');
  });
  it('a new requirement far from any known one is a warning that does not quote it back', () => {
    const [f] = shape(reqs(['a_brand_new_court_requirement_type']));
    expect(f.severity).toBe('warning');
    expect(f.message).not.toContain('brand_new');
  });
});

describe('one meaning of "highest RoSH" (overall and every group)', () => {
  it('highestRosh takes the highest of all, preferring overall on a tie', () => {
    expect(highestRosh(buildPlan({ assessment: { rosh: { overall: 'low', staff: 'high' } } }))).toMatchObject({ group: 'staff', band: 'high' });
    expect(highestRosh(buildPlan({ assessment: { rosh: { overall: 'high', staff: 'high' } } }))).toMatchObject({ group: 'overall' });
  });
  it('programme eligibility uses it too: Identity Matters (RoSH medium or high) with overall low but public medium passes the risk part', () => {
    const { policy, catalogue } = defaultPolicy();
    const f = findProgramme('identity_matters', catalogue);
    if (f?.kind !== 'programme') throw new Error('identity_matters');
    const p = (rosh: Record<string, string>) => buildPlan({ assessment: { scores: { ogrs3_2yr: 0.55 }, rosh, offence: { index: 'violence', gang_affiliation: true } } });
    expect(checkEligibility(f.programme, p({ overall: 'low', public: 'medium' }), catalogue, policy).aspects.risk.result).toBe(true);
    expect(checkEligibility(f.programme, p({ overall: 'low', public: 'low' }), catalogue, policy).aspects.risk.result).toBe(false);
    expect(checkEligibility(f.programme, p({ overall: 'medium', children: 'very_high' }), catalogue, policy).aspects.risk.result).toBe(false);
  });
});

// plan/objectives-required, plan/action-owner, plan/removal-reason, plan/risk-escalation, plan/crc-handover,
// plan/interpreter and plan/deportation: in the rule tester (structure.test.ts, action-owner.test.ts, person.test.ts).
