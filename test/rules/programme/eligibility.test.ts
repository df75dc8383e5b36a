// The pure eligibility functions (server/src/policy/eligibility.ts), from the facts in spec/programmes.md.
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../server/src/engine/model.js';
import {
  adaptedVersionFor, availabilityAt, bandOf, checkActionEligibility, checkEligibility, eligibilitySummary, findProgramme,
  inferStrand, pct, replacementFor, resolveStrand, riskOfReoffending,
} from '../../../server/src/policy/eligibility.js';
import { buildPolicy, defaultPolicy } from '../../../server/src/policy/index.js';
import type { Programme } from '../../../server/src/policy/programmes.js';
import { merge, model } from './helpers.js';

const { policy, catalogue } = defaultPolicy();
const prog = (id: string): Programme => {
  const f = findProgramme(id, catalogue);
  if (f?.kind !== 'programme') throw new Error(id);
  return f.programme;
};
const person = (scores: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  buildPlan(merge({ person: { gender: 'male' }, sentence: { setting: 'custody' }, assessment: { scores, offence: { index: 'acquisitive' } } }, extra));

describe('risk bands (percent cut-offs, inclusive)', () => {
  it('OVP exactly 0.60 is high; 0.5999 is medium; 0.30 medium; 0.2999 low', () => {
    expect(bandOf('ovp_2yr', 0.6, policy.risk)?.band).toBe('high');
    expect(bandOf('ovp_2yr', 0.5999, policy.risk)?.band).toBe('medium');
    expect(bandOf('ovp_2yr', 0.3, policy.risk)?.band).toBe('medium');
    expect(bandOf('ovp_2yr', 0.2999, policy.risk)?.band).toBe('low');
  });
  it('OGRS3 bands: 0.5 medium, 0.75 high, 0.9 very high (marked uncertain)', () => {
    expect(bandOf('ogrs3_2yr', 0.4999, policy.risk)?.band).toBe('low');
    expect(bandOf('ogrs3_2yr', 0.5, policy.risk)?.band).toBe('medium');
    expect(bandOf('ogrs3_2yr', 0.75, policy.risk)?.band).toBe('high');
    const vh = bandOf('ogrs3_2yr', 0.9, policy.risk)!;
    expect(vh.band).toBe('very_high');
    expect(vh.relied.join()).toMatch(/very high OGRS3 band/);
  });
  it('OGP is not banded', () => {
    expect(bandOf('ogp_2yr', 0.9, policy.risk)).toBeUndefined();
  });
  it('RSR uses the programme-eligibility cut (1%, 3%) by default, the tiering cut (3%, 7%) when policy says so', () => {
    expect(bandOf('rsr', 0.03, policy.risk)?.band).toBe('high');
    expect(bandOf('rsr', 0.0299, policy.risk)?.band).toBe('medium');
    const tiering = buildPolicy({ policy: { risk: { rsr: { use: 'tiering' } } } });
    expect(tiering.problems).toEqual([]);
    expect(bandOf('rsr', 0.03, tiering.policy.risk)?.band).toBe('medium');
    expect(bandOf('rsr', 0.07, tiering.policy.risk)?.band).toBe('high');
  });
  it('percentages are shown on the right side of a threshold', () => {
    expect(pct(0.61)).toBe('61%');
    expect(pct(0.4999, 0.5)).toBe('49.99%');
    expect(pct(0.49999, 0.5)).toBe('49.999%');
    expect(pct(0.5)).toBe('50%');
    expect(pct(0.012)).toBe('1.2%');
  });
});

describe('riskOfReoffending', () => {
  it('high on any high score, with the score named', () => {
    const r = riskOfReoffending(person({ ogrs3_2yr: 0.31, ovp_2yr: 0.66 }), policy);
    expect(r.level).toBe('high');
    expect(r.because).toEqual(['OVP 66% (high)']);
  });
  it('medium at OGRS3 exactly 50%; low just below', () => {
    expect(riskOfReoffending(person({ ogrs3_2yr: 0.5 }), policy).level).toBe('medium');
    const low = riskOfReoffending(person({ ogrs3_2yr: 0.4999 }), policy);
    expect(low.level).toBe('low');
    expect(low.known).toBe(true);
    expect(low.because).toEqual(['OGRS3 49.99%']);
  });
  it('SARA and OSP/I count; RSR by its band', () => {
    expect(riskOfReoffending(person({ sara_partner: 'high' }), policy).level).toBe('high');
    expect(riskOfReoffending(person({ osp_i: 'medium' }), policy).level).toBe('medium');
    expect(riskOfReoffending(person({ rsr: 0.012 }), policy).level).toBe('medium');
  });
  it('a woman with OSP scores: OSP is ignored', () => {
    const scores = { ogrs3_2yr: 0.3, osp_c: 'high', osp_i: 'high' };
    expect(riskOfReoffending(person(scores), policy).level).toBe('high');
    const w = riskOfReoffending(person(scores, { person: { gender: 'female' } }), policy);
    expect(w.level).toBe('low');
    expect(w.because).toEqual(['OGRS3 30%']);
  });
  it('no scores at all: low, but not known', () => {
    const r = riskOfReoffending(person({}), policy);
    expect(r).toMatchObject({ level: 'low', known: false });
  });
});

describe('strands', () => {
  const off = (o: Record<string, unknown>) => buildPlan({ assessment: { offence: o } });
  it('are inferred from the index offence (sexual motivation first)', () => {
    expect(inferStrand(off({ index: 'sexual' }), policy)).toBe('sexual_offence');
    expect(inferStrand(off({ index: 'violence', sexual_motivation: true }), policy)).toBe('sexual_offence');
    expect(inferStrand(off({ index: 'domestic_abuse' }), policy)).toBe('intimate_partner_violence');
    expect(inferStrand(off({ index: 'violence' }), policy)).toBe('general_violence');
    expect(inferStrand(off({ index: 'acquisitive' }), policy)).toBe('general');
    expect(inferStrand(buildPlan({}), policy)).toBeUndefined();
  });
  it('resolve: the action strand, else the inferred one the programme has, else its only strand, else none', () => {
    expect(resolveStrand(prog('kaizen'), off({ index: 'domestic_abuse' }), policy)).toEqual({ strand: 'intimate_partner_violence', source: 'inferred' });
    expect(resolveStrand(prog('kaizen'), off({ index: 'domestic_abuse' }), policy, 'general_violence')).toEqual({ strand: 'general_violence', source: 'action' });
    expect(resolveStrand(prog('horizon'), off({ index: 'acquisitive' }), policy)).toEqual({ strand: 'sexual_offence', source: 'only' });
    expect(resolveStrand(prog('kaizen'), off({ index: 'acquisitive' }), policy)).toEqual({ source: 'none' });
  });
  it('Kaizen for a domestic abuse offence takes the IPV criteria (SARA partner), not OVP', () => {
    const p = buildPlan({ person: { gender: 'male' }, assessment: { scores: { ovp_2yr: 0.7, sara_partner: 'medium' }, offence: { index: 'domestic_abuse' } } });
    const e = checkEligibility(prog('kaizen'), p, catalogue, policy, undefined, { setting: 'custody' });
    expect(e.strand).toBe('intimate_partner_violence');
    expect(e.eligible).toBe(false);
    expect(e.aspects.risk.reasons.join()).toContain('SARA (partner) is medium, below the high Kaizen needs');
  });
  it('an action strand the programme does not have is a strand failure', () => {
    const e = checkEligibility(prog('kaizen'), person({ ovp_2yr: 0.7 }), catalogue, policy, 'general');
    expect(e.aspects.strand.result).toBe(false);
    expect(e.aspects.strand.reasons[0]).toContain('Kaizen has no general offending strand');
  });
  it('with no strand to go on, any strand that fits makes the person eligible', () => {
    const e = checkEligibility(prog('kaizen'), person({ ovp_2yr: 0.7 }), catalogue, policy, undefined, { setting: 'custody' });
    expect(e.strandSource).toBe('none');
    expect(e.eligible).toBe(true);
  });
});

describe('checkEligibility: thresholds', () => {
  const tsp = prog('thinking_skills_programme');
  it('OGRS3 exactly 0.50 passes the Thinking Skills Programme', () => {
    const e = checkEligibility(tsp, person({ ogrs3_2yr: 0.5 }), catalogue, policy, undefined, { setting: 'custody' });
    expect(e.eligible).toBe(true);
    expect(eligibilitySummary(e)).toBe('eligible: OGRS3 50%');
  });
  it('OGRS3 0.4999 fails it, saying what was relied on', () => {
    const e = checkEligibility(tsp, person({ ogrs3_2yr: 0.4999 }), catalogue, policy);
    expect(e.eligible).toBe(false);
    expect(e.aspects.risk.reasons).toEqual(['OGRS3 is 49.99%, below the 50% the Thinking Skills Programme needs']);
    expect(e.aspects.risk.needs).toEqual(['OGRS3 50% or more']);
  });
  it('a score not recorded is unknown, never a fail: it says what to record', () => {
    const e = checkEligibility(tsp, person({ ovp_2yr: 0.7 }), catalogue, policy, undefined, { setting: 'custody' });
    expect(e.eligible).toBe('unknown');
    expect(eligibilitySummary(e)).toBe('eligibility unknown: OGRS3 is not recorded: record `assessment.scores.ogrs3_2yr`');
  });
  it('Horizon: OSP/C medium passes, low fails (needs medium or above)', () => {
    const sexual = { assessment: { offence: { index: 'sexual' } } };
    const ok = checkEligibility(prog('horizon'), person({ osp_c: 'medium' }, sexual), catalogue, policy, undefined, { setting: 'custody' });
    expect(ok.eligible).toBe(true);
    const low = checkEligibility(prog('horizon'), person({ osp_c: 'low' }, sexual), catalogue, policy);
    expect(low.eligible).toBe(false);
    expect(low.aspects.risk.reasons[0]).toBe('OSP/C is low, not medium, high or very high as Horizon is for');
  });
  it('Kaizen needs OVP high: exactly 60% passes, 59.99% fails', () => {
    expect(checkEligibility(prog('kaizen'), person({ ovp_2yr: 0.6 }), catalogue, policy, 'general_violence').aspects.risk.result).toBe(true);
    const e = checkEligibility(prog('kaizen'), person({ ovp_2yr: 0.5999 }), catalogue, policy, 'general_violence');
    expect(e.aspects.risk.reasons[0]).toBe('OVP is 59.99% (medium), below the high (60% and over) band Kaizen needs');
  });
  it('Building Better Relationships: SARA (partner) high passes in the community, fails in custody (marked uncertain)', () => {
    const p = person({ sara_partner: 'high' }, { assessment: { offence: { index: 'domestic_abuse' } } });
    const bbr = prog('building_better_relationships');
    expect(checkEligibility(bbr, p, catalogue, policy, undefined, { setting: 'community' }).eligible).toBe(true);
    const c = checkEligibility(bbr, p, catalogue, policy, undefined, { setting: 'custody' });
    expect(c.aspects.risk.result).toBe(false);
    expect(c.aspects.risk.relied).toContain('custody delivery of Building Better Relationships');
  });
  it('COVAID: an upper limit on OGRS3 and AUDIT under 20, marked uncertain', () => {
    const e = checkEligibility(prog('covaid'), person({ ogrs3_2yr: 0.8, audit: 20 }), catalogue, policy);
    expect(e.aspects.risk.result).toBe(false);
    expect(e.aspects.risk.reasons[0]).toBe('AUDIT is 20, not under the 20 COVAID allows; OGRS3 is 80%, above the 75% COVAID allows'.replace(/COVAID/g, 'Control of Violence for Angry Impulsive Drinkers (COVAID)'));
    expect(e.aspects.risk.relied.join()).toMatch(/COVAID's OGRS3 range/);
    expect(checkEligibility(prog('covaid'), person({ ogrs3_2yr: 0.75, audit: 19 }), catalogue, policy).aspects.risk.result).toBe(true);
  });
  it('Building Choices (moderate) is for medium risk with no high score', () => {
    const e = checkEligibility(prog('building_choices_moderate'), person({ ogrs3_2yr: 0.8 }), catalogue, policy);
    expect(e.aspects.risk.result).toBe(false);
    expect(e.aspects.risk.reasons[0]).toContain('the risk of reoffending is high (OGRS3 80% (high))');
    expect(checkEligibility(prog('building_choices_moderate'), person({ ogrs3_2yr: 0.55 }), catalogue, policy).aspects.risk.result).toBe(true);
  });
  it('a programme without criteria of its own needs a medium risk of reoffending (iHorizon, marked uncertain)', () => {
    const e = checkEligibility(prog('i_horizon'), person({ ogrs3_2yr: 0.2 }, { assessment: { offence: { index: 'sexual' } } }), catalogue, policy);
    expect(e.aspects.risk.result).toBe(false);
    expect(e.aspects.risk.reasons[0]).toMatch(/risk of reoffending is low .*no criteria of its own/);
    expect(e.aspects.risk.relied).toContain("iHorizon's eligibility criteria");
  });
  it('Healthy Identity Intervention needs a completed ERG22+ assessment', () => {
    const hii = prog('healthy_identity_intervention');
    expect(checkEligibility(hii, person({}, { assessment: { erg22_completed: true } }), catalogue, policy).aspects.risk.result).toBe(true);
    expect(checkEligibility(hii, person({}, { assessment: { erg22_completed: false } }), catalogue, policy).aspects.risk.result).toBe(false);
    expect(checkEligibility(hii, person({}), catalogue, policy).aspects.risk.result).toBe('unknown');
  });
  it('Identity Matters: RoSH medium or high and OGRS3 50% or more; offending linked to group affiliation', () => {
    const im = prog('identity_matters');
    const p = (aff?: boolean) => buildPlan({ assessment: { scores: { ogrs3_2yr: 0.55 }, rosh: { overall: 'high' }, offence: { index: 'violence', ...(aff === undefined ? {} : { gang_affiliation: aff }) } } });
    expect(checkEligibility(im, p(true), catalogue, policy).aspects.risk.result).toBe(true);
    expect(checkEligibility(im, p(true), catalogue, policy).aspects.offence.result).toBe(true);
    // Once the index offence is recorded, an unwritten flag counts as false.
    expect(checkEligibility(im, p(), catalogue, policy).aspects.offence.result).toBe(false);
    expect(checkEligibility(im, buildPlan({ assessment: { scores: { ogrs3_2yr: 0.55 } } }), catalogue, policy).aspects.offence.result).toBe('unknown');
  });
  it('Living as New Me: completed New Me Strengths first, else unknown (never a fail)', () => {
    const lanm = prog('living_as_new_me');
    const base = { person: { gender: 'male' }, assessment: { scores: { ogrs3_2yr: 0.6 }, offence: { index: 'sexual' } } };
    const act = { id: 'ACT-9', type: 'programme', programme: 'living_as_new_me', phase: 'custody' };
    const done = buildPlan({ ...base, actions: [{ id: 'ACT-1', type: 'programme', programme: 'new_me_strengths', status: 'completed' }, act] });
    const e = checkActionEligibility(done.actions[1], lanm, done, catalogue, policy);
    expect(e.aspects.prerequisite).toMatchObject({ result: true, reasons: ['New Me Strengths completed (ACT-1)'] });
    const none = buildPlan({ ...base, actions: [act] });
    const u = checkActionEligibility(none.actions[0], lanm, none, catalogue, policy);
    expect(u.aspects.prerequisite.result).toBe('unknown');
    expect(u.eligible).toBe('unknown');
  });
  it('gender and setting are aspects of their own', () => {
    const w = person({ ovp_2yr: 0.7 }, { person: { gender: 'female' } });
    const e = checkEligibility(prog('kaizen'), w, catalogue, policy, 'general_violence', { setting: 'community' });
    expect(e.aspects.gender).toMatchObject({ result: false, reasons: ['Kaizen is for men only'] });
    expect(e.aspects.setting).toMatchObject({ result: false, reasons: ['Kaizen is delivered in custody only, and this work is in the community'] });
    expect(e.aspects.risk.result).toBe(true);
    expect(e.eligible).toBe(false);
    // New Me Strengths runs in the community only for sexual offending.
    const nms = checkEligibility(prog('new_me_strengths'), person({ ovp_2yr: 0.4 }), catalogue, policy, 'general_violence', { setting: 'community' });
    expect(nms.aspects.setting.reasons[0]).toBe('New Me Strengths is delivered for general violence in custody only, and this work is in the community');
  });
  it('the model is the typed one: a percentage written as 48 (out of range) reads as not recorded', () => {
    const e = checkEligibility(prog('thinking_skills_programme'), model({ assessment: { scores: { ogrs3_2yr: 48 } } }), catalogue, policy);
    expect(e.aspects.risk.result).toBe('unknown');
  });
});

describe('adapted versions and legacy replacements', () => {
  it('Kaizen and the Thinking Skills Programme have one adapted version each', () => {
    expect(adaptedVersionFor(prog('kaizen'), person({}), catalogue, policy)?.chosen).toBe('becoming_new_me_plus');
    expect(adaptedVersionFor(prog('thinking_skills_programme'), person({}), catalogue, policy)?.chosen).toBe('new_me_strengths');
    expect(adaptedVersionFor(prog('new_me_strengths'), person({}), catalogue, policy)).toBeUndefined();
  });
  it('Horizon: New Me Strengths at OSP/C medium, Becoming New Me Plus at high (marked uncertain); unsettled without OSP/C', () => {
    const h = prog('horizon');
    expect(adaptedVersionFor(h, person({ osp_c: 'medium' }), catalogue, policy)).toMatchObject({ chosen: 'new_me_strengths', relied: [expect.stringContaining('sources disagree')] });
    expect(adaptedVersionFor(h, person({ osp_c: 'very_high' }), catalogue, policy)?.chosen).toBe('becoming_new_me_plus');
    const u = adaptedVersionFor(h, person({}), catalogue, policy)!;
    expect(u.chosen).toBeUndefined();
    expect(u.options.map((o) => o.result)).toEqual(['unknown', 'unknown']);
  });
  it('SOTP is replaced by Kaizen at OSP/C high, Horizon at medium; ETS by TSP whoever the person is', () => {
    const legacy = (id: string) => catalogue.legacy.find((l) => l.id === id)!;
    expect(replacementFor(legacy('sotp'), person({ osp_c: 'high' }), catalogue, policy).chosen).toBe('kaizen');
    expect(replacementFor(legacy('core_sotp'), person({ osp_c: 'medium' }), catalogue, policy).chosen).toBe('horizon');
    expect(replacementFor(legacy('sotp'), person({}), catalogue, policy).chosen).toBeUndefined();
    expect(replacementFor(legacy('enhanced_thinking_skills'), person({}), catalogue, policy).chosen).toBe('thinking_skills_programme');
    expect(replacementFor(legacy('internet_sotp'), person({}), catalogue, policy).chosen).toBe('i_horizon');
    const calm = replacementFor(legacy('calm'), person({ ovp_2yr: 0.4, ogrs3_2yr: 0.55 }), catalogue, policy);
    expect(calm.chosen).toBe('building_choices_moderate');
    expect(calm.relied.join()).toMatch(/Kaizen and Building Choices/);
  });
});

describe('availability', () => {
  it('matches establishment names loosely; an unlisted establishment has no known restriction', () => {
    const cat = { ...catalogue, availability: { 'HMP Leeds': ['thinking_skills_programme'] } };
    expect(availabilityAt('kaizen', 'hmp  leeds', cat)).toEqual({ delivered: false, establishment: 'HMP Leeds' });
    expect(availabilityAt('thinking_skills_programme', 'HMP Leeds', cat)?.delivered).toBe(true);
    expect(availabilityAt('kaizen', 'HMP Wakefield', cat)).toBeUndefined();
    expect(availabilityAt('kaizen', undefined, cat)).toBeUndefined();
  });
});

describe('programmeEligibilityText (completion and hover)', () => {
  it('one line per programme id for this person', async () => {
    const { programmeEligibilityText } = await import('../../../server/src/policy/eligibility.js');
    const p = person({ ogrs3_2yr: 0.61, ovp_2yr: 0.34 });
    expect(programmeEligibilityText(p, 'thinking_skills_programme', catalogue, policy)).toBe('eligible: OGRS3 61%');
    expect(programmeEligibilityText(p, 'horizon', catalogue, policy)).toMatch(/^not eligible: Horizon is for people with an index offence of `sexual`/);
    expect(programmeEligibilityText(person({ osp_c: 'high' }), 'sotp', catalogue, policy)).toBe('withdrawn: replaced by `kaizen` for this person');
    expect(programmeEligibilityText(p, 'sotp', catalogue, policy)).toBe('withdrawn: replaced by `kaizen` or `horizon`');
    expect(programmeEligibilityText(p, 'nonsense', catalogue, policy)).toBeUndefined();
  });
});

describe('no strand to go on', () => {
  it('only strands the offending could fit are judged on risk (Kaizen for an acquisitive offence: general violence)', () => {
    const e = checkEligibility(prog('kaizen'), person({ ovp_2yr: 0.34 }), catalogue, policy, undefined, { setting: 'custody' });
    expect(e.strandSource).toBe('none');
    expect(e.aspects.offence.result).toBe(true);
    expect(e.aspects.risk.result).toBe(false);
    expect(e.aspects.risk.reasons).toEqual(['OVP is 34% (medium), below the high (60% and over) band Kaizen needs']);
  });
});
