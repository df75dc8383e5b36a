// The metadata of the plan/engagement/smart rules: complete, and its examples true.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { rules as engagementRules } from '../../../server/src/rules/engagement/index.js';
import { rules as planRules } from '../../../server/src/rules/plan/index.js';
import { rules as smartRules } from '../../../server/src/rules/smart/index.js';
import { AS_OF, MY_RULES, withProgrammes } from './helpers.js';

const CATALOGUE_ORDER = {
  plan: ['outcomes-required', 'objectives-required', 'owner-required', 'objective-outcome', 'action-objective', 'action-owner', 'need-coverage', 'not-required', 'responsibility', 'young-person-education', 'withdrawn-still-listed', 'removal-reason', 'deportation', 'interpreter', 'risk-escalation', 'crc-handover'],
  engagement: ['recorded', 'views', 'discretionary-release'],
  smart: ['specific', 'measurable', 'achievable', 'realistic', 'time-bound', 'overdue'],
};
const NOT_IN_TEMPLATES = ['engagement/recorded', 'engagement/views', 'engagement/discretionary-release', 'plan/responsibility', 'plan/need-coverage', 'plan/young-person-education', 'smart/overdue', 'smart/realistic', 'plan/not-required', 'plan/objectives-required', 'plan/risk-escalation', 'plan/crc-handover'];
const SEVERITY: Record<string, string> = {
  'plan/outcomes-required': 'warning', 'plan/owner-required': 'warning', 'plan/objective-outcome': 'warning', 'plan/action-objective': 'warning',
  'plan/need-coverage': 'warning', 'plan/not-required': 'info', 'plan/responsibility': 'error', 'plan/young-person-education': 'error',
  'plan/withdrawn-still-listed': 'warning', 'plan/deportation': 'info', 'plan/interpreter': 'info',
  'plan/objectives-required': 'warning', 'plan/action-owner': 'warning', 'plan/removal-reason': 'warning', 'plan/risk-escalation': 'warning', 'plan/crc-handover': 'error',
  'engagement/recorded': 'error', 'engagement/views': 'warning', 'engagement/discretionary-release': 'error',
  'smart/specific': 'warning', 'smart/measurable': 'warning', 'smart/achievable': 'warning', 'smart/realistic': 'error', 'smart/time-bound': 'warning', 'smart/overdue': 'warning',
};
const FIXABLE = ['plan/owner-required', 'plan/withdrawn-still-listed', 'engagement/discretionary-release', 'smart/measurable', 'smart/time-bound'];

describe('rule metadata', () => {
  it('lists each family in catalogue order', () => {
    expect(planRules.map((r) => r.meta.id)).toEqual(CATALOGUE_ORDER.plan.map((x) => `plan/${x}`));
    expect(engagementRules.map((r) => r.meta.id)).toEqual(CATALOGUE_ORDER.engagement.map((x) => `engagement/${x}`));
    expect(smartRules.map((r) => r.meta.id)).toEqual(CATALOGUE_ORDER.smart.map((x) => `smart/${x}`));
  });
  for (const r of MY_RULES) {
    it(`${r.meta.id}: severity, scoping, fixability, policy and docs`, () => {
      const m = r.meta;
      expect(m.severity).toBe(SEVERITY[m.id]);
      expect(m.inTemplates).toBe(!NOT_IN_TEMPLATES.includes(m.id));
      // Quick fixes only: none of these fixes is certain enough to apply unattended.
      expect(m.fixable).toBe(FIXABLE.includes(m.id) ? 'fix' : 'none');
      expect(m.policy).toMatch(/^PSI 19\/2014 paras? \d/);
      expect(m.description.length).toBeGreaterThan(20);
      expect(m.docs.rationale.length).toBeGreaterThan(100);
      expect(m.docs.bad).not.toBe('');
      expect(m.docs.good).not.toBe('');
      if (['smart/overdue', 'smart/realistic', 'smart/time-bound'].includes(m.id)) expect(m.usesAsOf).toBe(true);
    });
  }
});

describe('docs examples', () => {
  // smart/realistic's example needs programme durations from the catalogue.
  const config = withProgrammes([
    { id: 'kaizen', name: 'Kaizen', accredited: true, min_duration: { months: 6 } },
    { id: 'thinking_skills_programme', name: 'Thinking Skills Programme', accredited: true, min_duration: { sessions: 19, weeks_estimate: 10 } },
  ]);
  for (const r of MY_RULES) {
    it(`${r.meta.id}: the bad example breaks the rule and the good one passes`, () => {
      const count = (t: string) => lint(t, { asOf: AS_OF, rules: [r], config }).findings.filter((f) => f.ruleId === r.meta.id).length;
      expect(count(r.meta.docs.bad)).toBeGreaterThan(0);
      expect(count(r.meta.docs.good)).toBe(0);
    });
  }
});
