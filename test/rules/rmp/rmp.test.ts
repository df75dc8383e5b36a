import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { rules } from '../../../server/src/rules/rmp/index.js';
import { mappaLevel } from '../../../server/src/rules/rmp/mappa-level.js';
import { required } from '../../../server/src/rules/rmp/required.js';
import { reviewedWithPlan } from '../../../server/src/rules/rmp/reviewed-with-plan.js';
import { applyFix, at, planYaml, run, syntaxErrors } from '../review/helpers.js';

const AS_OF = '2026-11-23';
const RMP = 'risk_management_plan:\n  completed_on: 2025-03-12\n  summary: Monitoring.\n  contingency: Recall.';

describe('metadata', () => {
  it('catalogue order, not in templates', () => {
    expect(rules.map((r) => r.meta.id)).toEqual(['rmp/required', 'rmp/reviewed-with-plan', 'rmp/mappa-level']);
    for (const r of rules) expect(r.meta.inTemplates).toBe(false);
    const t = planYaml({ rosh: '{ overall: high }' }).replace('kind: plan', 'kind: template');
    expect(lint(t, { asOf: AS_OF, rules }).findings).toEqual([]);
  });
});

describe('rmp/required', () => {
  it('RoSH exactly medium needs a plan; low does not', () => {
    const text = planYaml({ rosh: '{ overall: medium }' });
    const [f] = run(required, text, AS_OF);
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'The risk of serious harm overall is medium but the plan has no `risk_management_plan`. A RoSH of medium or above needs a risk management plan (PSI 19/2014 para 1.4): add one with `completed_on`, `summary` and `contingency`.',
    );
    expect(at(text, f)).toBe('medium');
    expect(run(required, planYaml({ rosh: '{ overall: low, public: low }' }), AS_OF)).toEqual([]);
    expect(run(required, planYaml({ rosh: '{ overall: medium }', extra: RMP }), AS_OF)).toEqual([]);
  });
  it('a group at medium with overall low still needs one, pointing at the group', () => {
    const text = planYaml({ rosh: '{ overall: low, public: low, children: medium }' });
    const [f] = run(required, text, AS_OF);
    expect(f.message).toMatch(/^The risk of serious harm to children is medium/);
    expect(text.slice(f.span.start - 'children: '.length, f.span.end)).toBe('children: medium');
  });
  it('reports the highest band, overall first on a tie', () => {
    const [f] = run(required, planYaml({ rosh: '{ overall: high, staff: very_high }' }), AS_OF);
    expect(f.message).toMatch(/to staff is very high/);
  });
  it('policy can raise the threshold', () => {
    const { config } = loadConfigText('policy:\n  rmp:\n    required_from: high\n', 'c.yaml', []);
    expect(lint(planYaml({ rosh: '{ overall: medium }' }), { asOf: AS_OF, rules: [required], config }).findings).toEqual([]);
  });
  it('fix inserts a skeleton with placeholders (quick fix only); the finding is gone and the text parses', () => {
    const text = planYaml({ rosh: '{ overall: medium }' });
    const [f] = run(required, text, AS_OF);
    expect(f.fixes[0].fixAll).toBe(false);
    const out = applyFix(text, f);
    expect(out).toBe(text + 'risk_management_plan:\n  completed_on: ${date}\n  summary: ${summary}\n  contingency: ${contingency}\n');
    expect(syntaxErrors(out)).toEqual([]);
    expect(run(required, out, AS_OF)).toEqual([]);
  });
  it('an empty `risk_management_plan:` is reported without a fix', () => {
    const [f] = run(required, planYaml({ rosh: '{ overall: medium }', extra: 'risk_management_plan:' }), AS_OF);
    expect(f.fixes).toEqual([]);
  });
});

describe('rmp/reviewed-with-plan', () => {
  const reviews: [string, string][] = [['2025-03-05', 'initial'], ['2026-03-01', 'significant_event']];
  it('warns when the RMP was last reviewed before the latest plan review', () => {
    const text = planYaml({ reviews, extra: RMP + '\n  last_reviewed_on: 2026-02-28' });
    const [f] = run(reviewedWithPlan, text, AS_OF);
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      "The risk management plan was last reviewed on 2026-02-28, 1 day before the latest plan review on 2026-03-01 (planlint's default allows 0 days). Review it together with the plan (PSI 19/2014 paras 1.4, 2.12) and record the date in `last_reviewed_on`.",
    );
    expect(at(text, f)).toBe('2026-02-28');
  });
  it('same day is fine; falls back to completed_on; reviews after asOf are ignored', () => {
    expect(run(reviewedWithPlan, planYaml({ reviews, extra: RMP + '\n  last_reviewed_on: 2026-03-01' }), AS_OF)).toEqual([]);
    const [f] = run(reviewedWithPlan, planYaml({ reviews, extra: RMP }), AS_OF);
    expect(f.message).toMatch(/^The risk management plan was completed on 2025-03-12, 354 days before/);
    expect(run(reviewedWithPlan, planYaml({ reviews, extra: RMP }), '2026-02-01')).toEqual([]);
    expect(run(reviewedWithPlan, planYaml({ reviews: [reviews[0]], extra: RMP }), AS_OF)).toEqual([]);
  });
  it('the allowed gap is policy data', () => {
    const { config } = loadConfigText('policy:\n  rmp:\n    reviewed_with_plan_gap_days: 1\n', 'c.yaml', []);
    const text = planYaml({ reviews, extra: RMP + '\n  last_reviewed_on: 2026-02-28' });
    expect(lint(text, { asOf: AS_OF, rules: [reviewedWithPlan], config }).findings).toEqual([]);
  });
});

describe('rmp/mappa-level', () => {
  it('level 2 with overall low is inconsistent', () => {
    const text = planYaml({ rosh: '{ overall: low }', mappa: 2 });
    const [f] = run(mappaLevel, text, AS_OF);
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/^MAPPA level 2 means active multi-agency management, but the risk of serious harm is recorded as low/);
    expect(at(text, f)).toBe('2');
  });
  it('level 1, or a RoSH above low, is consistent; no overall: every group low counts as low', () => {
    expect(run(mappaLevel, planYaml({ rosh: '{ overall: low }', mappa: 1 }), AS_OF)).toEqual([]);
    expect(run(mappaLevel, planYaml({ rosh: '{ overall: medium }', mappa: 3 }), AS_OF)).toEqual([]);
    expect(run(mappaLevel, planYaml({ rosh: '{ public: low, children: low }', mappa: 3 }), AS_OF)).toHaveLength(1);
    expect(run(mappaLevel, planYaml({ rosh: '{ public: low, children: high }', mappa: 3 }), AS_OF)).toEqual([]);
    expect(run(mappaLevel, planYaml({ mappa: 3 }), AS_OF)).toEqual([]);
  });
});

describe('rmp/required: any MAPPA case (PRT: a MAPPA assessment is used to make a risk management plan)', () => {
  it('MAPPA level 1 with a low RoSH and no risk management plan is reported, on the level', () => {
    const text = planYaml({ rosh: '{ overall: low }', mappa: 1 });
    const [f] = run(required, text, AS_OF);
    expect(f.message).toMatch(/^The person is managed under MAPPA \(at MAPPA level 1\) but the plan has no `risk_management_plan`/);
    expect(at(text, f)).toBe('1');
    expect(f.fixes).toHaveLength(1);
  });
  it('just passes with a risk management plan; no MAPPA and a low RoSH needs none', () => {
    expect(run(required, planYaml({ rosh: '{ overall: low }', mappa: 1, extra: 'risk_management_plan:\n  completed_on: 2026-01-05\n  summary: Licence conditions agreed with MAPPA.' }), AS_OF)).toEqual([]);
    expect(run(required, planYaml({ rosh: '{ overall: low }' }), AS_OF)).toEqual([]);
  });
  it('a medium RoSH and MAPPA: one finding, on the RoSH', () => {
    const text = planYaml({ rosh: '{ overall: medium }', mappa: 2 });
    const fs = run(required, text, AS_OF);
    expect(fs).toHaveLength(1);
    expect(at(text, fs[0])).toBe('medium');
  });
});
