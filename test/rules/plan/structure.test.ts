// plan/outcomes-required, plan/owner-required, plan/objective-outcome, plan/action-objective,
// plan/need-coverage, plan/not-required.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { AS_OF, applyFix, at, basePlan, item, plan, rule, run } from './helpers.js';

describe('plan/outcomes-required', () => {
  it('reports a plan with no outcomes key, at the top of the file', () => {
    const t = plan({ outcomes: undefined });
    const fs = run(t, 'plan/outcomes-required');
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.3');
  });
  it('reports an empty list at its key', () => {
    const t = plan({ outcomes: [] });
    const fs = run(t, 'plan/outcomes-required');
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('outcomes');
    expect(fs[0].message).toContain('empty');
  });
  it('passes with exactly one outcome', () => {
    expect(run(plan(), 'plan/outcomes-required')).toEqual([]);
  });
  it('runs in templates, where a placeholder outcome satisfies it', () => {
    expect(run(plan({ kind: 'template', outcomes: [] }), 'plan/outcomes-required')).toHaveLength(1);
    expect(run(plan({ kind: 'template', outcomes: [{ id: 'OUT-1', description: '${outcome}' }] }), 'plan/outcomes-required')).toEqual([]);
  });
});

describe('plan/owner-required', () => {
  it('reports a missing plan owner at the team key and offers the owner plan/responsibility would pick', () => {
    const t = plan({ team: { plan_owner: undefined } });
    const fs = run(t, 'plan/owner-required');
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('team');
    expect(fs[0].fixes).toHaveLength(1);
    expect(fs[0].fixes[0].fixAll).toBe(false);
    expect(fs[0].fixes[0].title).toContain('prison_offender_manager');
    const out = applyFix(t, 'plan/owner-required');
    expect(out).toContain('  community_offender_manager: COM Example 2\n  plan_owner: prison_offender_manager\n');
    expect(run(out, 'plan/owner-required')).toEqual([]);
    expect(run(out, 'plan/responsibility')).toEqual([]);
  });
  it('offers both offender managers for a life sentence', () => {
    const t = plan({ team: { plan_owner: undefined }, sentence: { type: 'life', length_months: undefined, release_date: undefined, sentence_end_date: undefined } });
    const fs = run(t, 'plan/owner-required');
    expect(fs[0].fixes.map((f) => f.title)).toEqual([
      expect.stringContaining('prison_offender_manager'),
      expect.stringContaining('community_offender_manager'),
    ]);
    const out = applyFix(t, 'plan/owner-required', 1);
    expect(out).toContain('plan_owner: community_offender_manager');
    expect(run(out, 'plan/owner-required')).toEqual([]);
  });
  it('offers no fix when the owner cannot be told (no allocation)', () => {
    const t = plan({ team: { plan_owner: undefined }, sentence: { allocation: undefined } });
    const fs = run(t, 'plan/owner-required');
    expect(fs).toHaveLength(1);
    expect(fs[0].fixes).toEqual([]);
  });
  it('creates the team map when it is missing', () => {
    const t = plan({ team: undefined });
    const out = applyFix(t, 'plan/owner-required');
    expect(out).toMatch(/\nteam:\n {2}plan_owner: prison_offender_manager\n/);
    expect(run(out, 'plan/owner-required')).toEqual([]);
  });
  it('leaves a wrong value to schema/shape, and accepts a template placeholder', () => {
    expect(run(plan({ team: { plan_owner: 'POM' } }), 'plan/owner-required')).toEqual([]);
    expect(run(plan({ kind: 'template', team: { plan_owner: '${plan_owner}' } }), 'plan/owner-required')).toEqual([]);
  });
  it('keeps comments and flow style when inserting', () => {
    const t = plan({ team: undefined }).replace('kind: plan\n', 'kind: plan\nteam: { key_worker: KW 1 } # the team\n');
    const out = applyFix(t, 'plan/owner-required');
    expect(out).toContain('team: { key_worker: KW 1, plan_owner: prison_offender_manager } # the team\n');
  });
});

describe('plan/objective-outcome', () => {
  it('reports an objective with no outcome, pointing at its id', () => {
    const t = plan({ objectives: [item('objectives', 0, { outcome: undefined }), item('objectives', 1, {})] });
    const fs = run(t, 'plan/objective-outcome');
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('OBJ-1');
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].message).toContain("the plan's only outcome is `OUT-1`");
  });
  it('passes when every objective names an outcome (even one that does not exist: schema/dangling-reference reports that)', () => {
    expect(run(plan(), 'plan/objective-outcome')).toEqual([]);
    expect(run(plan({ objectives: [item('objectives', 0, { outcome: 'OUT-9' })] }), 'plan/objective-outcome')).toEqual([]);
  });
});

describe('plan/action-objective', () => {
  it('reports an action serving no objective', () => {
    const t = plan({ actions: [item('actions', 0, {}), item('actions', 1, { objective: undefined })] });
    const fs = run(t, 'plan/action-objective');
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('ACT-2');
    expect(fs[0].message).toContain('PSI 19/2014 para 2.8');
  });
  it('passes when every action names an objective', () => {
    expect(run(plan(), 'plan/action-objective')).toEqual([]);
  });
});

describe('plan/need-coverage', () => {
  const needs = (extra: object[]) => ({ assessment: { needs: [...(basePlan().assessment as { needs: object[] }).needs, ...extra] } });
  it('reports a need linked to offending with no objective, at the area value', () => {
    const t = plan(needs([{ area: 'accommodation', linked_to_offending: true, severity: 'high' }]));
    const fs = run(t, 'plan/need-coverage');
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('accommodation');
    expect(fs[0].message).toContain('`need: accommodation`');
  });
  it('passes for a need not linked to offending', () => {
    expect(run(plan(needs([{ area: 'accommodation', linked_to_offending: false }])), 'plan/need-coverage')).toEqual([]);
  });
  it('does not count an objective that is no longer appropriate', () => {
    const t = plan({ objectives: [item('objectives', 0, { status: 'no_longer_appropriate' }), item('objectives', 1, {})] });
    const fs = run(t, 'plan/need-coverage');
    expect(fs.map((f) => at(t, f))).toEqual(['drug_misuse']);
  });
  it('does not run in templates', () => {
    expect(run(plan({ kind: 'template', objectives: [] }), 'plan/need-coverage')).toEqual([]);
  });
});

// plan/not-required: test/rules/plan/no-plan.test.ts.

describe('metadata', () => {
  it('follows the catalogue: severities, template scoping, fixability', () => {
    const m = (id: string) => rule(id).meta;
    expect(m('plan/outcomes-required').severity).toBe('warning');
    expect(m('plan/owner-required')).toMatchObject({ severity: 'warning', fixable: 'fix', inTemplates: true });
    expect(m('plan/need-coverage')).toMatchObject({ severity: 'warning', inTemplates: false });
    expect(m('plan/responsibility').inTemplates).toBe(false);
    expect(m('plan/young-person-education').inTemplates).toBe(false);
    expect(m('plan/withdrawn-still-listed').fixable).toBe('fix');
    expect(m('plan/not-required').severity).toBe('info');
    expect(m('plan/deportation').severity).toBe('info');
    expect(m('plan/interpreter').severity).toBe('info');
  });
  it('a rule never sees template files when it judges a person', () => {
    const t = plan({ kind: 'template', team: { plan_owner: 'crc_offender_manager' } });
    expect(lint(t, { asOf: AS_OF, rules: [rule('plan/responsibility')] }).findings).toEqual([]);
  });
});
