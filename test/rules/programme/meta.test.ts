// The programme/* rules' metadata: catalogue order, severities, template scoping, fixability,
// and docs examples that really break and pass their rule.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { AS_OF, RULES, config } from './helpers.js';

const ORDER = ['unknown', 'legacy', 'eligibility-not-passed', 'not-eligible-listed', 'risk-too-low', 'gender', 'offence', 'adapted-version', 'not-available'];
const NOT_IN_TEMPLATES = ['programme/risk-too-low', 'programme/gender', 'programme/offence', 'programme/adapted-version'];
const WARNINGS = ['programme/adapted-version', 'programme/not-available', 'programme/eligibility-not-passed', 'programme/not-eligible-listed', 'programme/risk-too-low', 'programme/gender', 'programme/offence'];
const FIXABLE: Record<string, string> = {
  'programme/unknown': 'fix',
  'programme/legacy': 'fix-all',
  'programme/eligibility-not-passed': 'fix',
  'programme/not-eligible-listed': 'fix',
  'programme/adapted-version': 'fix',
  'programme/not-available': 'fix',
};

describe('programme rule metadata', () => {
  it('lists the rules in catalogue order (rules.md)', () => {
    expect(RULES.map((r) => r.meta.id)).toEqual(ORDER.map((x) => `programme/${x}`));
  });
  for (const r of RULES) {
    it(`${r.meta.id}: severity, scoping, fixability, policy and docs`, () => {
      const m = r.meta;
      expect(m.severity).toBe(WARNINGS.includes(m.id) ? 'warning' : 'error');
      expect(m.inTemplates).toBe(!NOT_IN_TEMPLATES.includes(m.id));
      expect(m.fixable).toBe(FIXABLE[m.id] ?? 'none');
      expect(m.policy).toMatch(/^PSI 19\/2014 paras? 2\.(8|9|14|15|16)\b/);
      expect(m.usesAsOf).toBeFalsy();
      expect(m.description.length).toBeGreaterThan(30);
      expect(m.docs.rationale.length).toBeGreaterThan(200);
    });
  }
});

describe('docs examples', () => {
  // The not-available example says its configuration in a comment.
  const cfg = config('availability:\n  HMP Leeds: [thinking_skills_programme]\n');
  for (const r of RULES) {
    it(`${r.meta.id}: the bad example breaks the rule and the good one passes`, () => {
      const count = (t: string) => lint(t, { asOf: AS_OF, rules: [r], config: cfg }).findings.filter((f) => f.ruleId === r.meta.id).length;
      expect(count(r.meta.docs.bad)).toBeGreaterThan(0);
      expect(count(r.meta.docs.good)).toBe(0);
    });
  }
});
