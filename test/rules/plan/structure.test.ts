// plan/outcomes-required, plan/owner-required, plan/objective-outcome, plan/action-objective,
// plan/objectives-required, plan/need-coverage, in the rule tester. plan/not-required: no-plan.test.ts.
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/engine/edits.js';
import { lint } from '../../../server/src/engine/lint.js';
import { ruleTester } from '../tester.js';
import { AS_OF, basePlan, item, plan, rule } from './helpers.js';

ruleTester(rule('plan/outcomes-required')).run({
  valid: [
    { name: 'one overall outcome', plan: plan() },
    { name: 'a template whose outcome is a placeholder', plan: plan({ kind: 'template', outcomes: [{ id: 'OUT-1', description: '${outcome}' }] }) },
  ],
  invalid: [
    {
      name: 'no outcomes key: reported at the top of the file',
      plan: plan({ outcomes: undefined }),
      errors: [{ messageId: 'missing', line: 1, cite: 'PSI 19/2014 para 2.3', severity: 'warning' }],
    },
    { name: 'an empty list, at its key', plan: plan({ outcomes: [] }), errors: [{ messageId: 'empty', text: 'outcomes', cite: 'PSI 19/2014 para 2.3' }] },
    { name: 'templates are judged too', plan: plan({ kind: 'template', outcomes: [] }), errors: [{ messageId: 'empty' }] },
  ],
});

const team = (t: string) => t.replace('  community_offender_manager: COM Example 2\n', '  community_offender_manager: COM Example 2\n  plan_owner: PLACEHOLDER\n');
const noOwner = plan({ team: { plan_owner: undefined } });
const lifeNoOwner = plan({ team: { plan_owner: undefined }, sentence: { type: 'life', length_months: undefined, release_date: undefined, sentence_end_date: undefined } });
const flowTeam = plan({ team: undefined }).replace('kind: plan\n', 'kind: plan\nteam: { key_worker: KW 1 } # the team\n');

ruleTester(rule('plan/owner-required')).run({
  valid: [
    { name: 'the prison offender manager owns the plan', plan: plan() },
    { name: 'a wrong value is left to schema/shape', plan: plan({ team: { plan_owner: 'POM' } }) },
    { name: 'a template keeps a placeholder', plan: plan({ kind: 'template', team: { plan_owner: '${plan_owner}' } }) },
  ],
  invalid: [
    {
      name: 'no owner: at the team key, with the owner plan/responsibility expects as a quick fix',
      plan: noOwner,
      errors: [
        {
          messageId: 'missing',
          text: 'team',
          cite: 'PSI 19/2014 para 2.3',
          data: { hint: { id: 'expected', data: { why: { id: 'whyNpsCustody', data: { min: 12, rosh: 'medium' } } } } },
          suggestions: [team(noOwner).replace('PLACEHOLDER', 'prison_offender_manager')],
        },
      ],
      output: null,
    },
    {
      name: 'a life sentence in custody: both offender managers are offered',
      plan: lifeNoOwner,
      errors: [
        {
          messageId: 'missing',
          data: { hint: { id: 'expected', data: { why: { id: 'whyLifeCustody' } } } },
          suggestions: [team(lifeNoOwner).replace('PLACEHOLDER', 'prison_offender_manager'), team(lifeNoOwner).replace('PLACEHOLDER', 'community_offender_manager')],
        },
      ],
    },
    {
      name: 'no allocation: the owner cannot be told, so no hint and no fix',
      plan: plan({ team: { plan_owner: undefined }, sentence: { allocation: undefined } }),
      errors: [{ messageId: 'missing', data: { hint: '' }, suggestions: [] }],
    },
    { name: 'no team map: reported at the top of the file', plan: plan({ team: undefined }), errors: [{ messageId: 'missing', line: 1 }] },
    {
      name: 'the fix keeps comments and flow style',
      plan: flowTeam,
      errors: [{ messageId: 'missing', suggestions: [flowTeam.replace('team: { key_worker: KW 1 } # the team\n', 'team: { key_worker: KW 1, plan_owner: prison_offender_manager } # the team\n')] }],
    },
    {
      name: 'a CRC case 12 weeks before release: the CRC offender manager is offered too (it depends on the as-of date)',
      plan: plan({ team: { plan_owner: undefined }, sentence: { allocation: 'crc', length_months: 18, release_date: '2027-02-15' } }),
      errors: [{ messageId: 'missing', data: { hint: { id: 'expected', data: { why: { id: 'whyCrcLastWeeks' } } } } }],
    },
    { name: 'a template with no owner is told, but offered no fix', plan: plan({ kind: 'template', team: { plan_owner: undefined } }), errors: [{ messageId: 'missing', data: { hint: '' }, suggestions: [] }] },
  ],
});

describe('plan/owner-required: the fix', () => {
  it('creates the team map when it is missing', () => {
    const t = plan({ team: undefined });
    const f = lint(t, { asOf: AS_OF, rules: [rule('plan/owner-required')] }).findings[0];
    const out = applyEdits(t, f.fixes[0].edits);
    expect(out).toMatch(/\nteam:\n {2}plan_owner: prison_offender_manager\n/);
    expect(lint(out, { asOf: AS_OF, rules: [rule('plan/owner-required')] }).findings).toEqual([]);
  });
  it('after the fix neither rule reports', () => {
    const f = lint(noOwner, { asOf: AS_OF, rules: [rule('plan/owner-required')] }).findings[0];
    expect(f.fixes[0].title).toContain('prison_offender_manager');
    const out = team(noOwner).replace('PLACEHOLDER', 'prison_offender_manager');
    expect(lint(out, { asOf: AS_OF, rules: [rule('plan/owner-required'), rule('plan/responsibility')] }).findings).toEqual([]);
  });
});

ruleTester(rule('plan/objective-outcome')).run({
  valid: [
    { name: 'every objective names an outcome', plan: plan() },
    { name: 'an outcome that does not exist is schema/dangling-reference\u2019s finding', plan: plan({ objectives: [item('objectives', 0, { outcome: 'OUT-9' })] }) },
  ],
  invalid: [
    {
      name: 'an objective with no outcome, at its id, hinting at the only outcome',
      plan: plan({ objectives: [item('objectives', 0, { outcome: undefined }), item('objectives', 1, {})] }),
      errors: [
        { messageId: 'missing', text: 'OBJ-1', severity: 'warning', cite: 'PSI 19/2014 para 2.3', data: { objective: 'OBJ-1', hint: { id: 'onlyOutcome', data: { outcome: 'OUT-1' } } } },
      ],
    },
    {
      name: 'with two outcomes there is no hint',
      plan: plan({ outcomes: [{ id: 'OUT-1', description: 'Stays drug free.' }, { id: 'OUT-2', description: 'Has a settled home.' }], objectives: [item('objectives', 0, { outcome: undefined })] }),
      errors: [{ messageId: 'missing', data: { hint: '' } }],
    },
  ],
});

ruleTester(rule('plan/action-objective')).run({
  valid: [{ name: 'every action names an objective', plan: plan() }],
  invalid: [
    {
      name: 'an action serving no objective, at its id',
      plan: plan({ actions: [item('actions', 0, {}), item('actions', 1, { objective: undefined })] }),
      errors: [{ messageId: 'missing', text: 'ACT-2', data: { action: 'ACT-2' }, cite: 'PSI 19/2014 para 2.8' }],
    },
    {
      name: 'an action whose id may not be quoted is named by position',
      plan: plan({ actions: [item('actions', 0, { id: 'A1234BC', objective: undefined })] }),
      errors: [{ messageId: 'missing', data: { action: { id: 'common.action', data: { n: 1 } } } }],
    },
  ],
});

ruleTester(rule('plan/objectives-required')).run({
  valid: [
    { name: 'a plan with objectives', plan: plan() },
    { name: 'a termination review with every objective achieved still has them', plan: plan({ objectives: [item('objectives', 0, { status: 'achieved', achieved_on: '2026-10-01' })] }) },
    { name: 'templates are not judged', plan: plan({ kind: 'template', objectives: [] }) },
  ],
  invalid: [
    { name: 'an empty list, at its key', plan: plan({ objectives: [], actions: [] }), errors: [{ messageId: 'none', text: 'objectives', cite: 'PSI 19/2014 para 2.3' }] },
    { name: 'no objectives key, at the top of the file', plan: plan({ objectives: undefined }), errors: [{ messageId: 'none', line: 1 }] },
  ],
});

ruleTester(rule('plan/removal-reason')).run({
  valid: [
    { name: 'a withdrawn action with its reason', plan: plan({ actions: [item('actions', 0, { status: 'withdrawn', reason: 'Course closed.' })] }) },
    { name: 'an action no longer appropriate with its reason', plan: plan({ actions: [item('actions', 0, { status: 'no_longer_appropriate', reason: 'Moved to open conditions.' })] }) },
    { name: 'edge: completed and not started actions need no reason', plan: plan({ actions: [item('actions', 0, { status: 'completed' }), item('actions', 1, { status: 'not_started' })] }) },
  ],
  invalid: [
    ...(['withdrawn', 'no_longer_appropriate'] as const).map((status) => ({
      name: `an action marked ${status} without a reason, at its status`,
      plan: plan({ actions: [item('actions', 0, { status })] }),
      errors: [{ messageId: 'action', text: status, data: { action: 'ACT-1', status }, cite: 'PSI 19/2014 para 2.20' }],
    })),
    {
      name: 'an objective no longer appropriate without a reason',
      plan: plan({ objectives: [item('objectives', 0, { status: 'no_longer_appropriate' })] }),
      errors: [{ messageId: 'objective', text: 'no_longer_appropriate', data: { objective: 'OBJ-1' } }],
    },
  ],
});

const needs = (extra: object[]) => ({ assessment: { needs: [...(basePlan().assessment as { needs: object[] }).needs, ...extra] } });
ruleTester(rule('plan/need-coverage')).run({
  valid: [
    { name: 'every need linked to offending has an objective', plan: plan() },
    { name: 'a need not linked to offending needs none', plan: plan(needs([{ area: 'accommodation', linked_to_offending: false }])) },
    { name: 'templates are not judged', plan: plan({ kind: 'template', objectives: [] }) },
  ],
  invalid: [
    {
      name: 'a linked need with no objective, at the area value',
      plan: plan(needs([{ area: 'accommodation', linked_to_offending: true, severity: 'high' }])),
      errors: [{ messageId: 'uncovered', text: 'accommodation', data: { need: 'accommodation' }, cite: 'PSI 19/2014 para 2.8' }],
    },
    {
      name: 'an objective no longer appropriate does not count',
      plan: plan({ objectives: [item('objectives', 0, { status: 'no_longer_appropriate' }), item('objectives', 1, {})] }),
      errors: [{ messageId: 'uncovered', text: 'drug_misuse' }],
    },
  ],
});

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
