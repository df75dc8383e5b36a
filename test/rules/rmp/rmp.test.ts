// rmp/required, rmp/reviewed-with-plan, rmp/mappa-level, in the rule tester.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { rules } from '../../../server/src/rules/rmp/index.js';
import { mappaLevel } from '../../../server/src/rules/rmp/mappa-level.js';
import { required } from '../../../server/src/rules/rmp/required.js';
import { reviewedWithPlan } from '../../../server/src/rules/rmp/reviewed-with-plan.js';
import { ruleTester } from '../tester.js';
import { planYaml } from '../review/helpers.js';

const AS_OF = '2026-11-23';
const RMP = 'risk_management_plan:\n  completed_on: 2025-03-12\n  summary: Monitoring.\n  contingency: Recall.';
const SKELETON = 'risk_management_plan:\n  completed_on: ${date}\n  summary: ${summary}\n  contingency: ${contingency}\n';
const band = (b: string) => ({ id: 'band', data: { band: b } });
const group = (g: string) => ({ id: 'group', data: { group: g } });

describe('metadata', () => {
  it('catalogue order, not in templates', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(['rmp/required', 'rmp/reviewed-with-plan', 'rmp/mappa-level']);
    for (const r of rules) expect(r.meta.inTemplates).toBe(false);
    const t = planYaml({ rosh: '{ overall: high }' }).replace('kind: plan', 'kind: template');
    expect(lint(t, { asOf: AS_OF, rules }).findings).toEqual([]);
  });
});

const medium = planYaml({ rosh: '{ overall: medium }' });
const mappa1 = planYaml({ rosh: '{ overall: low }', mappa: 1 });

ruleTester(required, { asOf: AS_OF }).run({
  valid: [
    { name: 'a low RoSH and no MAPPA needs none', plan: planYaml({ rosh: '{ overall: low, public: low }' }) },
    { name: 'a medium RoSH with a risk management plan', plan: planYaml({ rosh: '{ overall: medium }', extra: RMP }) },
    { name: 'MAPPA level 1 with a risk management plan agreed with MAPPA', plan: planYaml({ rosh: '{ overall: low }', mappa: 1, extra: 'risk_management_plan:\n  completed_on: 2026-01-05\n  summary: Licence conditions agreed with MAPPA.' }) },
    { name: 'policy can raise the threshold to high', plan: medium, config: 'policy:\n  rmp:\n    required_from: high\n' },
  ],
  invalid: [
    {
      name: 'edge: RoSH exactly medium, on the band, with a skeleton to fill in as a quick fix',
      plan: medium,
      errors: [
        {
          messageId: 'byRosh',
          line: 4,
          text: 'medium',
          severity: 'error',
          cite: 'PSI 19/2014 para 1.4',
          data: { group: group('overall'), band: band('medium'), from: band('medium') },
          suggestions: [medium + SKELETON],
        },
      ],
      output: null,
    },
    {
      name: 'a group at medium with overall low, on the group',
      plan: planYaml({ rosh: '{ overall: low, public: low, children: medium }' }),
      errors: [{ messageId: 'byRosh', text: 'medium', line: 4, column: 48, data: { group: group('children'), band: band('medium') } }],
    },
    {
      name: 'the highest band is reported, overall first on a tie',
      plan: planYaml({ rosh: '{ overall: high, staff: very_high }' }),
      errors: [{ messageId: 'byRosh', text: 'very_high', data: { group: group('staff'), band: band('very_high') } }],
    },
    {
      name: 'an empty `risk_management_plan:` is reported without a fix',
      plan: planYaml({ rosh: '{ overall: medium }', extra: 'risk_management_plan:' }),
      errors: [{ messageId: 'byRosh', suggestions: [] }],
    },
    {
      name: 'MAPPA level 1 with a low RoSH (PRT: a MAPPA assessment is used to make a risk management plan), on the level',
      plan: mappa1,
      errors: [{ messageId: 'byMappa', text: '1', cite: 'PRT: MAPPA', data: { by: 'level', level: 1 }, suggestions: [mappa1 + SKELETON] }],
    },
    {
      name: 'a MAPPA category without a level, on the category',
      plan: 'sentence_plan: 1\nkind: plan\nassessment:\n  rosh: { overall: low }\n  mappa: { category: 2 }\n',
      errors: [{ messageId: 'byMappa', line: 5, text: '2', data: { by: 'category', category: 2 } }],
    },
    {
      name: 'a medium RoSH and MAPPA: one finding, on the RoSH',
      plan: planYaml({ rosh: '{ overall: medium }', mappa: 2 }),
      errors: [{ messageId: 'byRosh', text: 'medium' }],
    },
  ],
});

const reviews: [string, string][] = [['2025-03-05', 'initial'], ['2026-03-01', 'significant_event']];
const days = (n: number) => ({ id: 'common.days', data: { n } });

ruleTester(reviewedWithPlan, { asOf: AS_OF }).run({
  valid: [
    { name: 'reviewed on the same day as the plan review', plan: planYaml({ reviews, extra: RMP + '\n  last_reviewed_on: 2026-03-01' }) },
    { name: 'a plan review after the as-of date is not yet counted', plan: planYaml({ reviews, extra: RMP }), asOf: '2026-02-01' },
    { name: 'completed after the only plan review', plan: planYaml({ reviews: [reviews[0]], extra: RMP }) },
    { name: 'the allowed gap is policy data', plan: planYaml({ reviews, extra: RMP + '\n  last_reviewed_on: 2026-02-28' }), config: 'policy:\n  rmp:\n    reviewed_with_plan_gap_days: 1\n' },
    { name: 'no risk management plan: rmp/required\u2019s concern', plan: planYaml({ reviews }) },
  ],
  invalid: [
    {
      name: 'last reviewed the day before the latest plan review',
      plan: planYaml({ reviews, extra: RMP + '\n  last_reviewed_on: 2026-02-28' }),
      errors: [
        {
          messageId: 'notReviewed',
          text: '2026-02-28',
          severity: 'warning',
          cite: 'PSI 19/2014 paras 1.4, 2.12',
          data: { field: 'last_reviewed_on', rmp: '2026-02-28', gap: days(1), review: '2026-03-01', allowed: days(0) },
        },
      ],
    },
    {
      name: 'no last review: falls back to completed_on',
      plan: planYaml({ reviews, extra: RMP }),
      errors: [{ messageId: 'notReviewed', text: '2025-03-12', data: { field: 'completed_on', gap: days(354) } }],
    },
  ],
});

ruleTester(mappaLevel, { asOf: AS_OF }).run({
  valid: [
    { name: 'level 1 with a low RoSH', plan: planYaml({ rosh: '{ overall: low }', mappa: 1 }) },
    { name: 'level 3 with a medium RoSH', plan: planYaml({ rosh: '{ overall: medium }', mappa: 3 }) },
    { name: 'no overall, a group above low', plan: planYaml({ rosh: '{ public: low, children: high }', mappa: 3 }) },
    { name: 'no RoSH recorded', plan: planYaml({ mappa: 3 }) },
  ],
  invalid: [
    {
      name: 'level 2 with overall low, on the level, the RoSH as related',
      plan: planYaml({ rosh: '{ overall: low }', mappa: 2 }),
      errors: [{ messageId: 'lowRosh', line: 5, text: '2', severity: 'info', cite: 'PRT: MAPPA; RoSH', data: { level: 2 } }],
    },
    { name: 'no overall: every group low counts as low', plan: planYaml({ rosh: '{ public: low, children: low }', mappa: 3 }), errors: [{ messageId: 'lowRosh', data: { level: 3 } }] },
  ],
});
