// Issue 11: new rules (risk escalation, CRC handover), parity with the government's Sentence Plan
// service, the open requirements list, and one meaning of "highest RoSH".
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { buildPlan } from '../../../server/src/engine/model.js';
import { highestRosh } from '../../../server/src/engine/risk.js';
import { checkEligibility, findProgramme } from '../../../server/src/policy/eligibility.js';
import { defaultPolicy } from '../../../server/src/policy/index.js';
import { AS_OF, at, item, plan, run } from './helpers.js';

const shape = (text: string) => lint(text, { asOf: AS_OF }).findings.filter((f) => f.ruleId === 'schema/shape');

describe('plan/objectives-required (parity: at least one objective)', () => {
  it('an empty list is reported; one objective of any status passes, achieved included', () => {
    const t = plan({ objectives: [], actions: [] });
    const [f] = run(t, 'plan/objectives-required');
    expect(f.severity).toBe('warning');
    expect(at(t, f)).toBe('objectives');
    expect(run(plan({ objectives: [item('objectives', 0, { status: 'achieved', achieved_on: '2026-10-01' })] }), 'plan/objectives-required')).toEqual([]);
  });
  it('no objectives key at all is reported too; a template is not judged', () => {
    expect(run(plan({ objectives: undefined, actions: [] }), 'plan/objectives-required')).toHaveLength(1);
    expect(run(plan({ kind: 'template', objectives: [] }), 'plan/objectives-required')).toEqual([]);
  });
});

describe('plan/action-owner', () => {
  it('an action with no owner is reported; any owner passes; a placeholder in a template passes', () => {
    const t = plan({ actions: [item('actions', 0, { owner: undefined })] });
    expect(run(t, 'plan/action-owner')).toHaveLength(1);
    expect(run(plan({ actions: [item('actions', 0, { owner: 'provider' })] }), 'plan/action-owner')).toEqual([]);
    expect(run(plan({ kind: 'template', actions: [item('actions', 0, { owner: '${owner}' })] }), 'plan/action-owner')).toEqual([]);
  });
});

describe('plan/removal-reason', () => {
  it('withdrawn or no longer appropriate without a reason is reported; with one it passes', () => {
    for (const status of ['withdrawn', 'no_longer_appropriate']) {
      const t = plan({ actions: [item('actions', 0, { status })] });
      const [f] = run(t, 'plan/removal-reason');
      expect(at(t, f)).toBe(status);
      expect(run(plan({ actions: [item('actions', 0, { status, reason: 'Course closed.' })] }), 'plan/removal-reason')).toEqual([]);
    }
    expect(run(plan({ objectives: [item('objectives', 0, { status: 'no_longer_appropriate' })] }), 'plan/removal-reason')).toHaveLength(1);
  });
  it('edge: a completed or not_started action needs no reason', () => {
    expect(run(plan({ actions: [item('actions', 0, { status: 'completed' }), item('actions', 1, { status: 'not_started' })] }), 'plan/removal-reason')).toEqual([]);
  });
});

describe('plan/risk-escalation (PSI 2.17)', () => {
  const crc = (rosh: Record<string, string>, extra: Record<string, unknown> = {}) =>
    plan({ sentence: { type: 'community_order', allocation: 'crc', setting: 'community', length_months: undefined, release_date: undefined }, team: { plan_owner: 'crc_offender_manager' }, assessment: { rosh: { overall: undefined, public: undefined, known_adult: undefined, children: undefined, staff: undefined, ...rosh }, ...extra } });
  it('a CRC case at high RoSH to any group with no referral is reported, on that band', () => {
    const t = crc({ overall: 'medium', children: 'high' });
    const [f] = run(t, 'plan/risk-escalation');
    expect(at(t, f)).toBe('high');
  });
  it('just passes with the referral date; edge: medium is not escalated; NPS cases are not judged', () => {
    expect(run(crc({ overall: 'very_high' }, { risk_review_referred_on: '2026-10-12' }), 'plan/risk-escalation')).toEqual([]);
    expect(run(crc({ overall: 'medium', public: 'medium' }), 'plan/risk-escalation')).toEqual([]);
    expect(run(plan({ assessment: { rosh: { overall: 'high' } } }), 'plan/risk-escalation')).toEqual([]);
  });
});

describe('plan/crc-handover (PSI 2.18, mandatory)', () => {
  // Release 2027-02-15: 12 weeks before is 2026-11-23 (AS_OF).
  const crc = (release: string, extra: Record<string, unknown> = {}) =>
    plan({ sentence: { length_months: 18, release_date: release, allocation: 'crc', setting: 'custody' }, ...extra });
  it('within 12 weeks of release with no handover: an error on the release date', () => {
    const t = crc('2027-02-15');
    const [f] = run(t, 'plan/crc-handover');
    expect(f.severity).toBe('error');
    expect(at(t, f)).toBe('2027-02-15');
  });
  it('edge: one day more than 12 weeks before release, not yet', () => {
    expect(run(crc('2027-02-16'), 'plan/crc-handover')).toEqual([]);
  });
  it('just passes with the handover recorded; NPS and released cases are not judged', () => {
    expect(run(crc('2027-02-15', { handover: { completed_on: '2026-11-20', with: 'crc_offender_manager' } }), 'plan/crc-handover')).toEqual([]);
    expect(run(plan({ sentence: { release_date: '2027-01-15' } }), 'plan/crc-handover')).toEqual([]);
    expect(run(plan({ sentence: { length_months: 18, release_date: '2026-11-01', allocation: 'crc', setting: 'community' } }), 'plan/crc-handover')).toEqual([]);
  });
});

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

describe('plan/interpreter (PSI 2.16: one-to-one offence-focused work)', () => {
  const p = (a: Record<string, unknown>) => plan({ person: { english_first_language: false }, actions: [item('actions', 0, {}), item('actions', 1, a)] });
  it('a one-to-one intervention is noted: consider an interpreter', () => {
    const t = p({ type: 'intervention', delivery: 'one_to_one' });
    const [f] = run(t, 'plan/interpreter');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('one-to-one offence-focused work (ACT-2): consider delivering it through an interpreter');
  });
  it('group work that is not an accredited programme is not; nor one-to-one work already planned with an interpreter', () => {
    expect(run(p({ type: 'intervention', delivery: 'group' }), 'plan/interpreter')).toEqual([]);
    expect(run(p({ type: 'education', delivery: 'one_to_one' }), 'plan/interpreter')).toEqual([]);
    expect(run(p({ type: 'behaviour', delivery: 'one_to_one', description: 'Victim awareness sessions with an interpreter.' }), 'plan/interpreter')).toEqual([]);
  });
  it('edge: the same work with English as first language is not noted', () => {
    expect(run(plan({ person: { english_first_language: true }, actions: [item('actions', 1, { type: 'intervention', delivery: 'one_to_one' })] }), 'plan/interpreter')).toEqual([]);
  });
});

describe('plan/deportation (PSI 2.4): never for a person supervised in the community', () => {
  const fn = { foreign_national: { liable_to_deportation: true } };
  it('in custody, liable to deportation with no home-country preparation: noted', () => {
    expect(run(plan({ person: fn }), 'plan/deportation')).toHaveLength(1);
  });
  it('under supervision in the community (released, or a community order): not noted, even with a deportation order', () => {
    expect(run(plan({ person: fn, sentence: { setting: 'community' } }), 'plan/deportation')).toEqual([]);
    expect(run(plan({ person: { foreign_national: { deportation_order: true } }, sentence: { setting: 'community' } }), 'plan/deportation')).toEqual([]);
    expect(run(plan({ person: fn, sentence: { type: 'community_order', setting: undefined, length_months: undefined, release_date: undefined } }), 'plan/deportation')).toEqual([]);
  });
  it('edge: custody with no setting recorded, the day before release: still noted; on release day: not', () => {
    const t = plan({ person: fn, sentence: { setting: undefined, release_date: '2026-11-24' } });
    expect(run(t, 'plan/deportation', '2026-11-23')).toHaveLength(1);
    expect(run(t, 'plan/deportation', '2026-11-24')).toEqual([]);
  });
});
