// The programme/* rules: for each, a plan that breaks it, one that passes, the edges, and its fixes.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../server/src/engine/fix.js';
import { lint } from '../../../server/src/engine/lint.js';
import { rules as sequenceRules } from '../../../server/src/rules/sequence/index.js';
import { AS_OF, applyFix, at, config, plan, run } from './helpers.js';

const kaizenMan = { assessment: { scores: { ovp_2yr: 0.66 } } };

describe('programme/unknown', () => {
  const ID = 'programme/unknown';
  it('reports a programme id outside the catalogue, with "did you mean" fixes', () => {
    const t = plan({}, { programme: 'thinking_skils' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('thinking_skils');
    expect(fs[0].message).toBe(
      'Action ACT-2: `thinking_skils` is not a programme in the catalogue, so the person\'s eligibility for it cannot be checked (PSI 19/2014 para 2.8). Did you mean `thinking_skills_programme` (Thinking Skills Programme)? Use a catalogue id, or add a local programme under `programmes:` in .planlintrc.yaml.',
    );
    expect(fs[0].fixes.every((f) => !f.fixAll)).toBe(true);
    const out = applyFix(t, ID);
    expect(out).toContain('programme: thinking_skills_programme\n');
  });
  it('knows initials and names: TSP, "Building Better Relationships"', () => {
    expect(run(plan({}, { programme: 'TSP' }), ID)[0].fixes[0].title).toContain('thinking_skills_programme');
    expect(run(plan({}, { programme: 'bbr' }), ID)[0].fixes[0].title).toContain('building_better_relationships');
    expect(run(plan({}, { programme: 'Building Better Relationships' }), ID)[0].fixes[0].title).toContain('building_better_relationships');
  });
  it('applies to assessments for a programme too, not to other action types', () => {
    expect(run(plan({}, { type: 'assessment', programme: 'kaizn', eligibility: 'pending' }), ID)).toHaveLength(1);
    expect(run(plan({}, { type: 'education', programme: 'kaizn' }), ID)).toEqual([]);
  });
  it('passes catalogue ids, legacy ids (programme/legacy\'s) and template placeholders', () => {
    expect(run(plan(), ID)).toEqual([]);
    expect(run(plan({}, { programme: 'enhanced_thinking_skills' }), ID)).toEqual([]);
    expect(run(plan({ kind: 'template' }, { programme: '${programme:thinking_skills_programme}' }), ID)).toEqual([]);
  });
  it('a programme added in configuration is known', () => {
    const cfg = config('programmes:\n  - id: local_money_skills\n    name: Money Skills (local)\n    accredited: false\n');
    const t = plan({}, { programme: 'local_money_skills' });
    expect(run(t, ID)).toHaveLength(1);
    expect(run(t, ID, cfg)).toEqual([]);
  });
  it('never quotes back free text', () => {
    const fs = run(plan({}, { programme: 'Course agreed with Sam Example' }), ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).not.toContain('Sam');
  });
});

describe('programme/legacy', () => {
  const ID = 'programme/legacy';
  it('Enhanced Thinking Skills: fix-all to the Thinking Skills Programme', () => {
    const t = plan({}, { programme: 'enhanced_thinking_skills' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('enhanced_thinking_skills');
    expect(fs[0].message).toContain('names Enhanced Thinking Skills, which has been withdrawn');
    expect(fs[0].message).toContain('It was replaced by the Thinking Skills Programme.');
    expect(fs[0].fixes).toHaveLength(1);
    expect(fs[0].fixes[0].fixAll).toBe(true);
    const out = applyFix(t, ID);
    expect(out).toContain('programme: thinking_skills_programme\n');
    // What --fix does unattended.
    expect(fixAll(t, { asOf: AS_OF }).text).toContain('programme: thinking_skills_programme\n');
  });
  it('SOTP with OSP/C high: Kaizen, unambiguously', () => {
    const t = plan({ assessment: { scores: { osp_c: 'high' }, offence: { index: 'sexual' } } }, { programme: 'sotp' });
    const f = run(t, ID)[0];
    expect(f.message).toContain('For this person it is replaced by Kaizen (OSP/C high).');
    expect(f.fixes.map((x) => [x.title, x.fixAll])).toEqual([['Change to `kaizen` (Kaizen)', true]]);
    expect(applyFix(t, ID)).toContain('programme: kaizen\n');
  });
  it('SOTP with no OSP/C recorded: a quick fix for each replacement, none applied unattended', () => {
    const t = plan({}, { programme: 'core_sotp' });
    const f = run(t, ID)[0];
    expect(f.message).toContain('It was replaced by Kaizen or Horizon, depending on risk: OSP/C is not recorded: record `assessment.scores.osp_c`.');
    expect(f.fixes.map((x) => x.fixAll)).toEqual([false, false]);
    expect(applyFix(t, ID, 1)).toContain('programme: horizon\n');
  });
  it('internet SOTP -> iHorizon', () => {
    expect(applyFix(plan({}, { programme: 'internet_sotp' }), ID)).toContain('programme: i_horizon\n');
  });
  it('CALM: chosen by risk, but the catalogue marks that choice uncertain, so it is a quick fix only', () => {
    const f = run(plan({ assessment: { scores: { ovp_2yr: 0.7 } } }, { programme: 'calm' }), ID)[0];
    expect(f.fixes.map((x) => [x.title, x.fixAll])).toEqual([['Change to `kaizen` (Kaizen)', false]]);
    expect(f.message).toContain('(catalogue value marked uncertain: how the choice between Kaizen and Building Choices follows risk)');
  });
  it('applies to assessments for a legacy programme; not to completed or withdrawn work', () => {
    expect(run(plan({}, { type: 'assessment', programme: 'resolve', eligibility: 'pending' }), ID)).toHaveLength(1);
    expect(run(plan({}, { programme: 'enhanced_thinking_skills', status: 'completed' }), ID)).toEqual([]);
    expect(run(plan({}, { programme: 'enhanced_thinking_skills', status: 'withdrawn' }), ID)).toEqual([]);
    expect(run(plan(), ID)).toEqual([]);
  });
});

describe('programme/eligibility-not-passed', () => {
  const ID = 'programme/eligibility-not-passed';
  it('pending: reported on the value; the fix makes it the assessment', () => {
    const t = plan({}, { eligibility: 'pending' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('pending');
    expect(fs[0].message).toBe(
      'Action ACT-2 puts the Thinking Skills Programme on the plan, but its eligibility is still pending. A programme is added only once the person has passed its assessments (PSI 19/2014 para 2.8): plan the assessment (`type: assessment`) for now, or record `eligibility: passed` if it has been passed.',
    );
    const out = applyFix(t, ID);
    expect(out).toContain('    type: assessment\n    programme: thinking_skills_programme\n    eligibility: pending\n');
  });
  it('not recorded: reported on `type`; the fix inserts `eligibility: pending`', () => {
    const t = plan({}, { eligibility: undefined });
    const f = run(t, ID)[0];
    expect(at(t, f)).toBe('programme');
    expect(f.message).toContain('its eligibility is not recorded');
    const out = applyFix(t, ID);
    expect(out).toContain('    type: assessment\n');
    expect(out).toMatch(/status: not_started\n {4}eligibility: pending\n/);
  });
  it('a flow-style action is fixed in place', () => {
    const t = 'sentence_plan: 1\nkind: plan\nactions:\n  - { id: ACT-1, type: programme, programme: kaizen, eligibility: not_assessed }\n';
    expect(run(t, ID)[0].message).toContain('not assessed');
    expect(applyFix(t, ID)).toBe('sentence_plan: 1\nkind: plan\nactions:\n  - { id: ACT-1, type: assessment, programme: kaizen, eligibility: pending }\n');
  });
  it('passes: passed; not_eligible (the next rule\'s); completed or withdrawn work; assessments; placeholders', () => {
    expect(run(plan(), ID)).toEqual([]);
    expect(run(plan({}, { eligibility: 'not_eligible' }), ID)).toEqual([]);
    expect(run(plan({}, { eligibility: 'pending', status: 'completed' }), ID)).toEqual([]);
    expect(run(plan({}, { eligibility: 'pending', status: 'withdrawn' }), ID)).toEqual([]);
    expect(run(plan({}, { type: 'assessment', eligibility: 'pending' }), ID)).toEqual([]);
    expect(run(plan({ kind: 'template' }, { eligibility: '${eligibility:passed}' }), ID)).toEqual([]);
    // A misspelt value is schema/shape's finding, not this rule's.
    expect(run(plan({}, { eligibility: 'Passed' }), ID)).toEqual([]);
  });
  it('runs in templates', () => {
    expect(run(plan({ kind: 'template' }, { eligibility: 'pending' }), ID)).toHaveLength(1);
  });
});

describe('programme/not-eligible-listed', () => {
  const ID = 'programme/not-eligible-listed';
  const t = plan({}, { eligibility: 'not_eligible' });
  it('reports a future action assessed not eligible', () => {
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('not_eligible');
    expect(fs[0].message).toContain('the person was assessed as not eligible for the Thinking Skills Programme, so it must not be listed as future work (PSI 19/2014 para 2.8)');
    expect(fs[0].fixes.map((f) => [f.title, f.fixAll])).toEqual([['Remove ACT-2 from the plan', false], ['Mark ACT-2 as withdrawn', false]]);
  });
  it('fix: remove it', () => {
    const out = applyFix(t, ID, 0);
    expect(out).not.toContain('ACT-2');
    expect(out).toContain('ACT-1');
  });
  it('fix: mark it withdrawn (or insert the status)', () => {
    expect(applyFix(t, ID, 1)).toContain('    status: withdrawn\n');
    const noStatus = plan({}, { eligibility: 'not_eligible', status: undefined });
    expect(applyFix(noStatus, ID, 1)).toMatch(/eligibility: not_eligible\n[\s\S]*status: withdrawn\n/);
  });
  it('an action named in another\'s `after` is not removed by the fix', () => {
    const base = plan({}, { eligibility: 'not_eligible' }).replace('    status: in_progress\n', '    status: in_progress\n    after: [ACT-2]\n');
    const f = run(base, ID)[0];
    expect(f.message).toContain('It is named in the `after` of ACT-1');
    expect(f.fixes.map((x) => x.title)).toEqual(['Mark ACT-2 as withdrawn']);
  });
  it('passes when completed, withdrawn or no longer appropriate, and for assessments', () => {
    for (const status of ['completed', 'withdrawn', 'no_longer_appropriate']) expect(run(plan({}, { eligibility: 'not_eligible', status }), ID)).toEqual([]);
    expect(run(plan({}, { type: 'assessment', eligibility: 'not_eligible' }), ID)).toEqual([]);
    expect(run(plan({}, { eligibility: 'not_eligible', status: 'in_progress' }), ID)).toHaveLength(1);
  });
});

describe('programme/risk-too-low', () => {
  const ID = 'programme/risk-too-low';
  const tsp = (ogrs: number) => plan({ assessment: { scores: { ogrs3_2yr: ogrs } } });
  it('OGRS3 31% is below the 50% the Thinking Skills Programme needs', () => {
    const t = tsp(0.31);
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('thinking_skills_programme');
    expect(fs[0].message).toBe(
      'Action ACT-2: OGRS3 is 31%, below the 50% the Thinking Skills Programme needs. A programme the person will not be accepted onto should not be in the plan, and offending behaviour programmes suit a medium or higher risk of reoffending (PSI 19/2014 paras 2.8, 2.15): check the scores, or choose work that fits the assessed risk instead of the Thinking Skills Programme (para 2.9).',
    );
  });
  it('edge: OGRS3 exactly 0.50 passes, 0.4999 fails', () => {
    expect(run(tsp(0.5), ID)).toEqual([]);
    expect(run(tsp(0.4999), ID)[0].message).toContain('OGRS3 is 49.99%, below the 50%');
  });
  it('a score not recorded is not a failure', () => {
    expect(run(plan({ assessment: { scores: { ogrs3_2yr: undefined, ovp_2yr: 0.2 } } }), ID)).toEqual([]);
  });
  it('Kaizen: OVP exactly 60% is high (passes), 59% fails', () => {
    const k = (ovp: number) => plan({ assessment: { scores: { ovp_2yr: ovp }, offence: { index: 'violence' } } }, { programme: 'kaizen' });
    expect(run(k(0.6), ID)).toEqual([]);
    expect(run(k(0.59), ID)[0].message).toContain('OVP is 59% (medium), below the high (60% and over) band Kaizen needs');
  });
  it('Horizon: OSP/C medium passes, low fails', () => {
    const h = (osp: string) => plan({ assessment: { scores: { osp_c: osp }, offence: { index: 'sexual' } } }, { programme: 'horizon' });
    expect(run(h('medium'), ID)).toEqual([]);
    expect(run(h('low'), ID)[0].message).toContain('OSP/C is low, not medium, high or very high as Horizon is for');
  });
  it('a woman with OSP scores: OSP is not used, so her risk of reoffending is low', () => {
    const t = plan({ person: { gender: 'female' }, assessment: { scores: { ogrs3_2yr: 0.3, osp_c: 'high' } } }, { programme: 'building_choices_moderate' });
    expect(run(t, ID)[0].message).toContain('the risk of reoffending is low (OGRS3 30%), not medium as Building Choices (moderate intensity) is for');
    const man = plan({ assessment: { scores: { ogrs3_2yr: 0.3, osp_c: 'medium' } } }, { programme: 'building_choices_moderate' });
    expect(run(man, ID)).toEqual([]);
  });
  it('says what it relied on where the catalogue is uncertain (custody delivery of BBR)', () => {
    const t = plan({ assessment: { scores: { sara_partner: 'high' }, offence: { index: 'domestic_abuse' } } }, { programme: 'building_better_relationships' });
    const f = run(t, ID)[0];
    expect(f.message).toContain('SARA (partner) is high, not medium as Building Better Relationships is for');
    expect(f.message).toMatch(/\(catalogue value marked uncertain: custody delivery of Building Better Relationships\)$/);
    expect(run(plan({ sentence: { setting: 'community' }, assessment: { scores: { sara_partner: 'high' }, offence: { index: 'domestic_abuse' } } }, { programme: 'building_better_relationships', phase: 'community' }), ID)).toEqual([]);
  });
  it('a strand inferred from the index offence picks the criteria', () => {
    // Domestic abuse: Kaizen's IPV strand (SARA partner high), whatever OVP says.
    const t = plan({ assessment: { scores: { ovp_2yr: 0.7, sara_partner: 'medium' }, offence: { index: 'domestic_abuse' } } }, { programme: 'kaizen' });
    expect(run(t, ID)[0].message).toContain('SARA (partner) is medium, below the high Kaizen needs');
    // An explicit strand wins.
    expect(run(plan({ assessment: { scores: { ovp_2yr: 0.7, sara_partner: 'medium' }, offence: { index: 'domestic_abuse' } } }, { programme: 'kaizen', strand: 'general_violence' }), ID)).toEqual([]);
  });
  it('a configured programme replaces the shipped criteria', () => {
    const cfg = config('programmes:\n  - id: thinking_skills_programme\n    name: Thinking Skills Programme\n    eligibility:\n      all_strands:\n        - ogrs3_2yr: { at_least: 0.3 }\n');
    expect(run(tsp(0.31), ID, cfg)).toEqual([]);
  });
  it('does not run in templates; leaves not_eligible and completed actions alone', () => {
    expect(run(plan({ kind: 'template', assessment: { scores: { ogrs3_2yr: 0.31 } } }), ID)).toEqual([]);
    expect(run(plan({ assessment: { scores: { ogrs3_2yr: 0.31 } } }, { eligibility: 'not_eligible' }), ID)).toEqual([]);
    expect(run(plan({ assessment: { scores: { ogrs3_2yr: 0.31 } } }, { status: 'completed' }), ID)).toEqual([]);
  });
});

describe('programme/gender', () => {
  const ID = 'programme/gender';
  it('Kaizen for a woman', () => {
    const t = plan({ person: { gender: 'female' }, ...kaizenMan }, { programme: 'kaizen' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toBe(
      'Action ACT-2: Kaizen is for men only, which does not match `person.gender`. A programme the person cannot be accepted onto should not be in the plan (PSI 19/2014 paras 2.8, 2.9): choose one delivered to them.',
    );
    expect(fs[0].message).not.toMatch(/female|woman/i);
  });
  it('passes for a man, for a programme for both, and with no gender recorded', () => {
    expect(run(plan(kaizenMan, { programme: 'kaizen' }), ID)).toEqual([]);
    expect(run(plan({ person: { gender: 'female' } }), ID)).toEqual([]);
    expect(run(plan({ person: { gender: undefined } }, { programme: 'kaizen' }), ID)).toEqual([]);
  });
  it('does not run in templates', () => {
    expect(run(plan({ kind: 'template', person: { gender: 'female' } }, { programme: 'kaizen' }), ID)).toEqual([]);
  });
});

describe('programme/offence', () => {
  const ID = 'programme/offence';
  const horizon = (offence: Record<string, unknown>) => plan({ assessment: { scores: { osp_c: 'medium' }, offence } }, { programme: 'horizon' });
  it('a sexual-offending programme without a sexual index offence, previous sexual offence or sexual motivation', () => {
    const t = horizon({ index: 'violence' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('horizon');
    expect(fs[0].message).toContain('Horizon is for people with an index offence of `sexual`, a previous sexual offence or sexual motivation, and the plan records an index offence of `violence`');
  });
  it('passes with any one of them', () => {
    expect(run(horizon({ index: 'sexual' }), ID)).toEqual([]);
    expect(run(horizon({ index: 'violence', previous_sexual: true }), ID)).toEqual([]);
    expect(run(horizon({ index: 'violence', sexual_motivation: true }), ID)).toEqual([]);
  });
  it('with no offence recorded nothing is reported', () => {
    expect(run(plan({ assessment: { offence: undefined, scores: { osp_c: 'medium' } } }, { programme: 'horizon' }), ID)).toEqual([]);
  });
  it('an intimate partner violence programme without domestic abuse', () => {
    const t = plan({ assessment: { scores: { sara_partner: 'medium' }, offence: { index: 'violence' } } }, { programme: 'building_better_relationships' });
    expect(run(t, ID)[0].message).toContain('Building Better Relationships is for people with an index offence of `domestic_abuse`');
    expect(run(t.replace('index: violence', 'index: domestic_abuse'), ID)).toEqual([]);
  });
  it('Kaizen: the sexual strand needs sexual offending, the violence strand does not', () => {
    const k = (strand: string) => plan({ ...kaizenMan, assessment: { ...kaizenMan.assessment, offence: { index: 'violence' } } }, { programme: 'kaizen', strand });
    expect(run(k('sexual_offence'), ID)).toHaveLength(1);
    expect(run(k('general_violence'), ID)).toEqual([]);
  });
  it('a strand the programme does not have is reported on the strand', () => {
    const t = plan(kaizenMan, { programme: 'kaizen', strand: 'general' });
    const f = run(t, ID)[0];
    expect(at(t, f)).toBe('general');
    expect(f.message).toContain('Kaizen has no general offending strand (`general`)');
  });
  it('does not run in templates', () => {
    expect(run(plan({ kind: 'template', assessment: { offence: { index: 'violence' } } }, { programme: 'horizon' }), ID)).toEqual([]);
  });
});

describe('programme/adapted-version', () => {
  const ID = 'programme/adapted-version';
  const ld = { person: { learning_disability: true } };
  it('Kaizen with a learning disability: fix to Becoming New Me Plus', () => {
    const t = plan({ ...ld, ...kaizenMan }, { programme: 'kaizen' });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toBe('Action ACT-2: the person has a learning disability, and Kaizen has an adapted version for people who need it (PSI 19/2014 para 2.16): use its adapted version, Becoming New Me Plus, instead.');
    expect(fs[0].fixes.map((f) => f.fixAll)).toEqual([false]);
    expect(applyFix(t, ID)).toContain('programme: becoming_new_me_plus\n');
  });
  it('Horizon: by OSP/C, saying the sources disagree', () => {
    const t = plan({ ...ld, assessment: { scores: { osp_c: 'medium' }, offence: { index: 'sexual' } } }, { programme: 'horizon' });
    const f = run(t, ID)[0];
    expect(f.message).toContain('use its adapted version, New Me Strengths (OSP/C medium), instead.');
    expect(f.message).toContain('(catalogue value marked uncertain: the adapted equivalent of Horizon by risk (sources disagree))');
    expect(applyFix(t, ID)).toContain('programme: new_me_strengths\n');
    const unknown = run(plan({ ...ld, assessment: { offence: { index: 'sexual' } } }, { programme: 'horizon' }), ID)[0];
    expect(unknown.fixes.map((x) => x.title)).toEqual([
      'Change to `new_me_strengths` (New Me Strengths), the adapted version',
      'Change to `becoming_new_me_plus` (Becoming New Me Plus), the adapted version',
    ]);
  });
  it('passes without a learning disability, and for programmes already suitable', () => {
    expect(run(plan(kaizenMan, { programme: 'kaizen' }), ID)).toEqual([]);
    expect(run(plan(ld, { programme: 'new_me_strengths' }), ID)).toEqual([]);
    expect(run(plan(ld, { programme: 'building_choices_moderate' }), ID)).toEqual([]);
  });
  it('does not run in templates', () => {
    expect(run(plan({ kind: 'template', ...ld }), ID)).toEqual([]);
  });
});

describe('programme/not-available', () => {
  const ID = 'programme/not-available';
  const cfg = config('availability:\n  HMP Exampleton: [thinking_skills_programme]\n  HMP Wakefield: [kaizen, thinking_skills_programme]\n');
  const kaizen = (over: Record<string, unknown> = {}, action: Record<string, unknown> = {}) => plan({ ...kaizenMan, ...over }, { programme: 'kaizen', ...action });
  it('a programme the establishment does not deliver, with no transfer before it', () => {
    const t = kaizen();
    expect(run(t, ID)).toEqual([]); // without availability data nothing is known
    const fs = run(t, ID, cfg);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('kaizen');
    expect(fs[0].message).toBe(
      'Action ACT-2: Kaizen is not delivered at HMP Exampleton (programme availability in the configuration), and no transfer comes before it. Plan the transfer to an establishment that runs it (e.g. HMP Wakefield) first, as early as possible, and the work that can be done meanwhile (PSI 19/2014 para 2.14).',
    );
    expect(run(plan(), ID, cfg)).toEqual([]);
  });
  it('uses the action\'s location over the establishment', () => {
    const t = kaizen({}, { location: 'HMP Wakefield' });
    expect(run(t, ID, cfg)).toEqual([]);
    const away = plan({}, { location: 'hmp wakefield', programme: 'thinking_skills_programme' });
    expect(run(away, ID, cfg)).toEqual([]);
    const f = run(kaizen({ sentence: { establishment: 'HMP Wakefield' } }, { location: 'HMP Exampleton' }), ID, cfg)[0];
    expect(f.message).toContain('not delivered at HMP Exampleton');
  });
  it('a transfer earlier in priority, or named in `after`, is enough', () => {
    const withTransfer = (p: number, after?: string[]) => {
      const t = kaizen();
      return t.replace('actions:\n', `actions:\n  - { id: ACT-3, type: transfer, priority: ${p}, phase: custody, status: not_started }\n`).replace('    programme: kaizen\n', `    programme: kaizen\n${after ? `    after: [${after.join(', ')}]\n` : ''}`);
    };
    expect(run(withTransfer(1), ID, cfg)).toEqual([]);
    expect(run(withTransfer(3), ID, cfg)).toHaveLength(1);
    expect(run(withTransfer(3, ['ACT-3']), ID, cfg)).toEqual([]);
  });
  it('fix: inserts a transfer before it and renumbers the priorities', () => {
    const t = kaizen();
    const out = applyFix(t, ID, 0, cfg);
    expect(out).toContain(
      '  - id: ACT-3\n    objective: OBJ-2\n    type: transfer\n    description: Transfer to HMP Wakefield or another establishment that delivers Kaizen.\n    priority: 2\n    phase: custody\n    owner: prison_offender_manager\n    status: not_started\n  - id: ACT-2\n',
    );
    expect(out).toMatch(/id: ACT-2\n[\s\S]*priority: 3\n/);
    // The sequence stays in order: no priority gaps or ties, the transfer before the programme.
    const order = sequenceRules.filter((r) => ['sequence/priority-order', 'sequence/prerequisite-order', 'sequence/cycle'].includes(r.meta.id));
    expect(order).toHaveLength(3);
    expect(lint(out, { asOf: AS_OF, rules: order, config: cfg }).findings).toEqual([]);
  });
  it('fix without priorities: inserted before, no priority', () => {
    const t = 'sentence_plan: 1\nkind: plan\nsentence:\n  setting: custody\n  establishment: HMP Exampleton\nactions:\n  # the programme\n  - id: ACT-1\n    type: programme\n    programme: kaizen\n    eligibility: passed\n';
    const out = applyFix(t, ID, 0, cfg);
    expect(out).toBe(
      'sentence_plan: 1\nkind: plan\nsentence:\n  setting: custody\n  establishment: HMP Exampleton\nactions:\n  - id: ACT-2\n    type: transfer\n    description: Transfer to HMP Wakefield or another establishment that delivers Kaizen.\n    phase: custody\n    owner: prison_offender_manager\n    status: not_started\n  # the programme\n  - id: ACT-1\n    type: programme\n    programme: kaizen\n    eligibility: passed\n',
    );
  });
  it('fix with some priorities missing: the transfer goes into `after`', () => {
    const t = kaizen().replace('    priority: 1\n', '');
    const out = applyFix(t, ID, 0, cfg);
    expect(out).toContain('after: [ACT-3]');
  });
  it('a programme not run in the action\'s setting (no fix), saying what it relied on', () => {
    const t = kaizen({}, { phase: 'community' });
    const f = run(t, ID)[0];
    expect(at(t, f)).toBe('community');
    expect(f.message).toBe('Action ACT-2: Kaizen is delivered in custody only, and this work is in the community. Plan it for a phase in which it is delivered (PSI 19/2014 para 2.14), or choose a programme delivered in the community.');
    expect(f.fixes).toEqual([]);
    const ih = run(plan({ assessment: { offence: { index: 'sexual' } } }, { programme: 'i_horizon' }), ID)[0];
    expect(ih.message).toContain('(catalogue value marked uncertain: iHorizon delivered in the community only)');
    // New Me Strengths runs in the community for sexual offending only.
    const nms = (index: string) => plan({ sentence: { setting: 'community' }, assessment: { offence: { index } } }, { programme: 'new_me_strengths', phase: 'community' });
    expect(run(nms('sexual'), ID)).toEqual([]);
    expect(run(nms('violence'), ID)[0].message).toContain('New Me Strengths is delivered for general violence in custody only');
  });
  it('runs in templates', () => {
    expect(run(plan({ kind: 'template', ...kaizenMan }, { programme: 'kaizen' }), ID, cfg)).toHaveLength(1);
  });
});

describe('personal data', () => {
  it('no programme finding echoes a name or prison number', () => {
    const person = { name: 'Sam Example', prison_number: 'Z9999ZZ', gender: 'female', learning_disability: true };
    const texts = [
      plan({ person }, { programme: 'kaizen' }),
      plan({ person, assessment: { scores: { ogrs3_2yr: 0.2 } } }),
      plan({ person }, { programme: 'Sam Example course' }),
      plan({ person }, { programme: 'sotp', eligibility: 'pending' }),
    ];
    for (const t of texts)
      for (const f of lint(t, { asOf: AS_OF }).findings.filter((x) => x.ruleId.startsWith('programme/'))) {
        expect(f.message).not.toContain('Sam');
        expect(f.message).not.toContain('Z9999ZZ');
      }
  });
});

describe('programme/legacy: fix-all only when certain', () => {
  it('a replacement the recorded scores rule out is a quick fix, not applied by --fix', () => {
    const t = plan({ assessment: { scores: { ogrs3_2yr: 0.31 } } }, { programme: 'enhanced_thinking_skills' });
    const f = run(t, 'programme/legacy')[0];
    expect(f.fixes.map((x) => x.fixAll)).toEqual([false]);
    expect(f.message).toContain("The plan's records do not meet the Thinking Skills Programme's criteria either: check before swapping.");
    expect(fixAll(t, { asOf: AS_OF }).text).toBe(t);
  });
});
