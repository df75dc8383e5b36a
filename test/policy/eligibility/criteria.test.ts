// Criteria evaluation (server/src/policy/eligibility/criteria.ts) on realistic plans: the
// structured result (what was tested, against what, how it came out), then the wording the
// rules and the editor show for it (wording.ts).
import { describe, expect, it } from 'vitest';
import { buildPlan, type Plan } from '../../../server/src/engine/model.js';
import { adaptedVersions, findProgramme, programmeStanding, replacements } from '../../../server/src/policy/eligibility/catalogue.js';
import { assessRiskOfReoffending, evaluateActionEligibility, evaluateCriterion, evaluateEligibility, type Fact, type Tri } from '../../../server/src/policy/eligibility/criteria.js';
import { describeEligibility, describeRiskOfReoffending, eligibilitySummary, needText, passText, whyText } from '../../../server/src/policy/eligibility/wording.js';
import { defaultPolicy } from '../../../server/src/policy/index.js';
import type { Programme } from '../../../server/src/policy/programmes.js';

const { policy, catalogue } = defaultPolicy();
const prog = (id: string): Programme => {
  const f = findProgramme(id, catalogue);
  if (f?.kind !== 'programme') throw new Error(id);
  return f.programme;
};

/** A plan as a probation practitioner writes it: a person in custody with one programme action. */
function planFor(over: { gender: 'male' | 'female'; scores: Record<string, unknown>; rosh?: string; offence: Record<string, unknown>; programme: string; actions?: Record<string, unknown>[] }): Plan {
  return buildPlan({
    sentence_plan: 1,
    kind: 'plan',
    person: { prison_number: 'A0000AA', gender: over.gender, date_of_birth: '1988-02-03', learning_disability: false },
    sentence: { type: 'determinate', length_months: 36, sentenced_on: '2025-09-01', setting: 'custody', establishment: 'HMP Exampleton' },
    assessment: { scores: over.scores, ...(over.rosh ? { rosh: { overall: over.rosh } } : {}), offence: over.offence },
    objectives: [{ id: 'OBJ-1', description: 'Manage anger without drinking.' }],
    actions: [
      ...(over.actions ?? []),
      { id: 'ACT-9', objective: 'OBJ-1', type: 'programme', programme: over.programme, eligibility: 'passed', phase: 'custody', status: 'not_started' },
    ],
  });
}
const actionOf = (p: Plan) => p.actions[p.actions.length - 1];
const riskFacts = (r: ReturnType<typeof evaluateEligibility>): { result: Tri; fact: Fact }[] =>
  r.aspects.risk.best.lists.flatMap((l) => l.alternatives.flatMap((a) => a.tests.map((t) => ({ result: t.result, fact: t.fact }))));

describe('a medium-RoSH man, OGRS3 48%, AUDIT 12, a violent index offence linked to a gang', () => {
  const man = (programme: string) =>
    planFor({ gender: 'male', scores: { ogrs3_2yr: 0.48, ovp_2yr: 0.41, audit: 12 }, rosh: 'medium', offence: { index: 'violence', gang_affiliation: true }, programme });

  it('is eligible for COVAID: every test of its one alternative holds, on a value marked uncertain', () => {
    const p = man('covaid');
    const r = evaluateActionEligibility(actionOf(p), prog('covaid'), p, catalogue, policy);
    expect(r.eligible).toBe(true);
    expect(r.strand).toBe('general_violence');
    expect(riskFacts(r)).toEqual([
      { result: true, fact: { kind: 'value', key: 'audit', scale: 'count', op: 'below', threshold: 20, value: 12 } },
      { result: true, fact: { kind: 'value', key: 'ogrs3_2yr', scale: 'fraction', op: 'at_least', threshold: 0.35, value: 0.48 } },
      { result: true, fact: { kind: 'value', key: 'ogrs3_2yr', scale: 'fraction', op: 'at_most', threshold: 0.75, value: 0.48 } },
    ]);
    expect(r.relied).toEqual(["COVAID's OGRS3 range of 35% to 75%, as written"]);
    // The same OGRS3 passing twice is said once.
    expect(eligibilitySummary(describeEligibility(r, prog('covaid')))).toBe('eligible: AUDIT 12; OGRS3 48%');
  });

  it('is just below Identity Matters: RoSH medium holds, OGRS3 48% fails the 50% threshold; the gang link holds', () => {
    const p = man('identity_matters');
    const r = evaluateActionEligibility(actionOf(p), prog('identity_matters'), p, catalogue, policy);
    expect(r.eligible).toBe(false);
    expect(r.explaining).toEqual(['risk']);
    expect(r.aspects.offence.result).toBe(true);
    expect(r.aspects.gender.result).toBe(true);
    expect(riskFacts(r)).toEqual([
      { result: true, fact: { kind: 'band', key: 'rosh_overall', op: 'in', bands: ['medium', 'high'], value: 'medium' } },
      { result: false, fact: { kind: 'value', key: 'ogrs3_2yr', scale: 'fraction', op: 'at_least', threshold: 0.5, value: 0.48 } },
    ]);
    // Only the failing test explains the verdict.
    expect(describeEligibility(r, prog('identity_matters')).aspects.risk.reasons).toEqual(['OGRS3 is 48%, below the 50% Identity Matters needs']);
  });

  it('his risk of reoffending is medium on OVP (41%), not OGRS3 (48% is low)', () => {
    const roo = assessRiskOfReoffending(man('covaid'), policy);
    expect(roo.level).toBe('medium');
    expect(roo.known).toBe(true);
    expect(roo.because).toEqual([{ kind: 'score_band', key: 'ovp_2yr', op: 'at_least', bands: ['medium'], from: [30], value: 0.41, band: 'medium' }]);
    expect(describeRiskOfReoffending(roo).because).toEqual(['OVP 41% (medium)']);
  });

  it('so Building Choices (moderate) suits him and the high-intensity one does not', () => {
    const p = man('building_choices_moderate');
    expect(evaluateActionEligibility(actionOf(p), prog('building_choices_moderate'), p, catalogue, policy).eligible).toBe(true);
    const high = evaluateActionEligibility(actionOf(p), prog('building_choices_high'), p, catalogue, policy);
    expect(high.aspects.risk.result).toBe(false);
    expect(riskFacts(high)[0].fact).toMatchObject({ kind: 'risk_of_reoffending', op: 'in', levels: ['high'] });
  });

  it('the catalogue query agrees: a standing per programme id, the legacy CALM with its replacements', () => {
    const p = man('covaid');
    const s = programmeStanding(p, 'thinking_skills_programme', catalogue, policy);
    expect(s?.kind === 'programme' && s.eligibility.eligible).toBe(false);
    const calm = programmeStanding(p, 'calm', catalogue, policy);
    expect(calm?.kind).toBe('legacy');
    if (calm?.kind === 'legacy') {
      // OVP 41% is below Kaizen's high band; medium risk of reoffending: Building Choices (moderate).
      expect(calm.replacement.options.map((o) => [o.id, o.when.result])).toEqual([['kaizen', false], ['building_choices_high', false], ['building_choices_moderate', true]]);
      expect(calm.replacement.chosen).toBe('building_choices_moderate');
    }
    expect(programmeStanding(p, 'no_such_programme', catalogue, policy)).toBeUndefined();
  });
});

describe('a woman with an AUDIT score at the COVAID boundary (under 20)', () => {
  const woman = (audit: number) =>
    planFor({ gender: 'female', scores: { ogrs3_2yr: 0.4, audit, osp_c: 'high' }, offence: { index: 'violence' }, programme: 'covaid' });

  it('AUDIT 19 passes; AUDIT 20 fails, and only the AUDIT test explains it', () => {
    const ok = woman(19);
    expect(evaluateActionEligibility(actionOf(ok), prog('covaid'), ok, catalogue, policy).eligible).toBe(true);
    const at = woman(20);
    const r = evaluateActionEligibility(actionOf(at), prog('covaid'), at, catalogue, policy);
    expect(r.eligible).toBe(false);
    const failing = riskFacts(r).filter((t) => t.result === false);
    expect(failing).toEqual([{ result: false, fact: { kind: 'value', key: 'audit', scale: 'count', op: 'below', threshold: 20, value: 20 } }]);
    expect(whyText(failing[0], 'COVAID')).toBe('AUDIT is 20, not under the 20 COVAID allows');
    expect(needText(failing[0].fact)).toBe('AUDIT under 20');
  });

  it('her OSP/C is not used: her risk of reoffending is low on OGRS3 40%', () => {
    const roo = assessRiskOfReoffending(woman(19), policy);
    expect(roo.level).toBe('low');
    expect(roo.recorded).toEqual([{ key: 'ogrs3_2yr', fraction: 0.4 }]);
    // A criterion on OSP/C is unknown for her, never a pass or a fail.
    const c = evaluateCriterion({ osp_c: { at_least: 'medium' } }, woman(19), policy);
    expect(c.result).toBe('unknown');
    expect(c.tests[0].fact).toMatchObject({ kind: 'band', key: 'osp_c', notForWomen: true, value: 'high' });
  });

  it('Kaizen is for men: a gender failure of its own, whatever the scores', () => {
    const p = woman(19);
    const r = evaluateActionEligibility(actionOf(p), prog('kaizen'), p, catalogue, policy);
    expect(r.aspects.gender).toMatchObject({ result: false });
    expect(r.aspects.gender.best).toMatchObject({ programme: 'Kaizen', genders: ['male'] });
  });
});

describe('unrecorded data is unknown, never a fail', () => {
  it('a man with no OGRS3: the Thinking Skills Programme is unknown, and the fact says what is missing', () => {
    const p = planFor({ gender: 'male', scores: { ovp_2yr: 0.7 }, offence: { index: 'acquisitive' }, programme: 'thinking_skills_programme' });
    const r = evaluateActionEligibility(actionOf(p), prog('thinking_skills_programme'), p, catalogue, policy);
    expect(r.eligible).toBe('unknown');
    const [t] = riskFacts(r);
    expect(t).toEqual({ result: 'unknown', fact: { kind: 'value', key: 'ogrs3_2yr', scale: 'fraction', op: 'at_least', threshold: 0.5, value: undefined } });
    expect(whyText(t)).toBe('OGRS3 is not recorded: record `assessment.scores.ogrs3_2yr`');
  });

  it('Living as New Me after a completed New Me Strengths: the prerequisite names the action', () => {
    const p = planFor({
      gender: 'male', scores: { ogrs3_2yr: 0.6 }, offence: { index: 'sexual' }, programme: 'living_as_new_me',
      actions: [{ id: 'ACT-1', objective: 'OBJ-1', type: 'programme', programme: 'new_me_strengths', eligibility: 'passed', phase: 'custody', status: 'completed' }],
    });
    const r = evaluateActionEligibility(actionOf(p), prog('living_as_new_me'), p, catalogue, policy);
    const fact = r.aspects.prerequisite.best.lists.flatMap((l) => l.alternatives.flatMap((a) => a.tests))[0].fact;
    expect(fact).toEqual({ kind: 'completed_first', names: ['New Me Strengths', 'Becoming New Me Plus'], done: { id: 'ACT-1', index: 0, programme: 'New Me Strengths' } });
    expect(passText(fact)).toBe('New Me Strengths completed (ACT-1)');
  });
});

describe('privacy', () => {
  it('a prerequisite action whose id is free text is named by its position, never quoted', () => {
    const p = planFor({
      gender: 'male', scores: { ogrs3_2yr: 0.6 }, offence: { index: 'sexual' }, programme: 'living_as_new_me',
      actions: [{ id: 'Course with Sam', objective: 'OBJ-1', type: 'programme', programme: 'new_me_strengths', eligibility: 'passed', phase: 'custody', status: 'not_started' }],
    });
    const r = evaluateActionEligibility(actionOf(p), prog('living_as_new_me'), p, catalogue, policy);
    const [t] = r.aspects.prerequisite.best.lists.flatMap((l) => l.alternatives.flatMap((a) => a.tests));
    expect(t.result).toBe('unknown');
    expect(whyText(t)).toBe('it relies on action 1 (New Me Strengths) being completed first');
    expect(eligibilitySummary(describeEligibility(r, prog('living_as_new_me')))).not.toContain('Sam');
  });
});

describe('versions', () => {
  it('Horizon for a man with a learning disability and OSP/C high: Becoming New Me Plus, on a choice marked uncertain', () => {
    const p = planFor({ gender: 'male', scores: { osp_c: 'high' }, offence: { index: 'sexual' }, programme: 'horizon' });
    const v = adaptedVersions(prog('horizon'), p, catalogue, policy)!;
    expect(v.chosen).toBe('becoming_new_me_plus');
    expect(v.options.map((o) => o.when.result)).toEqual([false, true]);
    expect(v.relied).toHaveLength(1);
  });
  it('SOTP with no OSP/C recorded: no replacement is chosen (both unknown)', () => {
    const p = planFor({ gender: 'male', scores: {}, offence: { index: 'sexual' }, programme: 'sotp' });
    const r = replacements(catalogue.legacy.find((l) => l.id === 'sotp')!, p, catalogue, policy);
    expect(r.chosen).toBeUndefined();
    expect(r.options.map((o) => o.when.result)).toEqual(['unknown', 'unknown']);
  });
});
