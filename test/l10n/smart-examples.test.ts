// The examples smart/specific and smart/measurable quote: the shipped ones are messages (said in
// the locale), a team's own examples from configuration are its own text, quoted as written.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { loadConfigText } from '../../server/src/engine/config.js';
import '../../server/src/engine/locales.js';
import { ensureLocales } from '../../server/src/engine/locales.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const PLAN = `sentence_plan: 1
outcomes:
  - { id: OUT-1, description: Settled housing on release }
objectives:
  - id: OBJ-1
    outcome: OUT-1
    need: accommodation
    description: Address accommodation issues
    measure: Engages well
    target_date: 2027-03-01
`;
const rules = ALL_RULES.filter((r) => r.meta.id === 'smart/specific' || r.meta.id === 'smart/measurable');
const known = ALL_RULES.map((r) => r.meta.id);

describe('SMART examples', () => {
  ensureLocales();
  it('the shipped example is said in the locale', () => {
    const en = lint(PLAN, { asOf: '2026-11-23', rules }).findings;
    const cy = lint(PLAN, { asOf: '2026-11-23', rules, locale: 'cy' }).findings;
    expect(en.map((f) => f.ruleId).sort()).toEqual(['smart/measurable', 'smart/specific']);
    const spec = (fs: typeof en) => fs.find((f) => f.ruleId === 'smart/specific')!.message;
    expect(spec(en)).toContain('"Complete a housing referral with the prison resettlement team 12 weeks before release"');
    expect(spec(cy)).toContain("\"Cwblhau atgyfeiriad tai gyda thîm adsefydlu'r carchar 12 wythnos cyn rhyddhau\"");
    expect(spec(cy)).not.toContain('housing referral');
  });
  it("a team's own example is quoted as the team wrote it, in every locale", () => {
    const { config, problems } = loadConfigText(
      'policy:\n  smart:\n    examples:\n      accommodation:\n        specific: Book a viewing with Cartrefi Conwy\n        measurable: Keys collected\n',
      '.planlintrc.yaml',
      known,
    );
    expect(problems).toEqual([]);
    const cy = lint(PLAN, { asOf: '2026-11-23', rules, config, locale: 'cy' }).findings;
    expect(cy.find((f) => f.ruleId === 'smart/specific')!.message).toContain('"Book a viewing with Cartrefi Conwy"');
  });
});
