// The Welsh rule summaries (server/src/locales/cy/docs/rules.json): every rule has a description,
// what it checks and what to do; the policy placeholders are the English ones, rendered in Welsh
// from the policy data, so a changed window changes the Welsh too; the file is one id a line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyTemplates } from '../../server/src/docs/policyText.js';
import { RULE_DOCS, policyWords, ruleText } from '../../server/src/docs/ruleText.js';
import { familyOf } from '../../server/src/docs/render.js';
import { buildPolicy, defaultPolicy } from '../../server/src/policy/index.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const file = join(__dirname, '../../server/src/locales/cy/docs/rules.json');
const cy = RULE_DOCS.cy;
const TEXTS = ['description', 'checks', 'todo'] as const;

/** The policy values a text names (`{{x|and}}` names x; a range names both ends). */
function policyNames(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^}|]+?)\s*(?:\|\s*(\w+)\s*)?\}\}/g)) {
    const words = m[1].split(/\s+/);
    for (const w of words[0] === 'range' ? words.slice(1) : words) out.add(w);
  }
  return [...out].sort();
}
const codeSpans = (s: string): string[] => [...s.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort();
const english = (id: string): { description: string; rationale: string } => {
  const r = ALL_RULES.find((x) => x.meta.id === id)!;
  return policyTemplates(id) ?? { description: r.meta.description, rationale: r.meta.docs.rationale };
};

describe('Welsh rule summaries', () => {
  it('the file is one id a line, sorted, two-space indent (as the catalogue files)', () => {
    const text = readFileSync(file, 'utf8');
    const table = JSON.parse(text) as Record<string, string>;
    const keys = Object.keys(table);
    expect(keys).toEqual([...keys].sort());
    expect(text).toBe(`{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(table[k])}`).join(',\n')}\n}\n`);
  });

  it.each(ALL_RULES.map((r) => [r.meta.id] as const))('%s has a Welsh description, what it checks and what to do', (id) => {
    for (const t of TEXTS) {
      const text = cy[`${id}.${t}`];
      expect(text, `${id}.${t}`).toBeTypeOf('string');
      expect(text.trim().length, `${id}.${t}`).toBeGreaterThan(10);
      expect(text, `${id}.${t} is the English`).not.toBe(english(id).description);
    }
  });

  it('has no id that is not a rule text, a family title or page furniture', () => {
    const ids = new Set(ALL_RULES.flatMap((r) => TEXTS.map((t) => `${r.meta.id}.${t}`)));
    const families = new Set(ALL_RULES.map((r) => familyOf(r.meta.id)));
    const stray = Object.keys(cy).filter((k) => !ids.has(k) && !(k.startsWith('family.') && families.has(k.slice(7))) && !k.startsWith('page.'));
    expect(stray).toEqual([]);
    for (const f of families) expect(cy[`family.${f}`], f).toMatch(new RegExp(`^${f} — `));
  });

  it('a description names the same policy values and code spans as the English; a summary names only values the English page does', () => {
    let withPlaceholders = 0;
    for (const r of ALL_RULES) {
      const en = english(r.meta.id);
      const d = cy[`${r.meta.id}.description`];
      expect(policyNames(d), r.meta.id).toEqual(policyNames(en.description));
      expect(codeSpans(d), r.meta.id).toEqual(codeSpans(en.description));
      if (policyNames(d).length) withPlaceholders++;
      const known = new Set([...policyNames(en.description), ...policyNames(en.rationale)]);
      for (const t of ['checks', 'todo']) expect(policyNames(cy[`${r.meta.id}.${t}`]).filter((n) => !known.has(n)), `${r.meta.id}.${t}`).toEqual([]);
    }
    // The review rules, plan/crc-handover (and plan/responsibility's summary) say policy numbers.
    expect(withPlaceholders).toBeGreaterThanOrEqual(10);
  });

  it('every Welsh text renders with the shipped policy: no placeholder left, no English unit', () => {
    for (const r of ALL_RULES) {
      const t = ruleText(r, 'cy');
      expect(t.locale).toBe('cy');
      for (const s of [t.description, t.checks, t.todo]) {
        expect(s, r.meta.id).not.toContain('{{');
        expect(s, r.meta.id).not.toMatch(/\d (weeks?|months?|years?|days?)\b/);
      }
    }
  });

  it('says policy numbers in Welsh through the catalogue plurals', () => {
    const w = policyWords('cy');
    expect(w.unit(12, 'weeks')).toBe('12 wythnos');
    expect(w.unit(2, 'years')).toBe('2 flynedd');
    expect(w.unit(3, 'years')).toBe('3 blynedd');
    expect(w.unit(6, 'months')).toBe('6 mis');
    const d = (id: string): string => ruleText(ALL_RULES.find((r) => r.meta.id === id)!, 'cy').description;
    expect(d('review/pre-release')).toContain('rhwng 8 a 2 wythnos cyn y dyddiad rhyddhau');
    expect(d('review/pre-release')).toContain('MAPPA lefel 2 a 3');
    expect(d('review/pre-tariff')).toContain('2 flynedd 24 wythnos cyn');
    expect(d('review/periodic')).toContain('bob 2 flynedd');
    expect(d('plan/crc-handover')).toContain('o fewn 12 wythnos');
  });

  it('a changed policy number changes the Welsh description (and the English), not the shipped one', () => {
    const changed = buildPolicy({
      policy: {
        review: {
          pre_release: { window_opens_before_release: { weeks: 10 }, due_before_release: { weeks: 3 } },
          pre_tariff: { due_before_ped: { years: 3, weeks: 2 } },
          crc_release_window: { earliest_before_release: { weeks: 13 } },
        },
      },
    });
    expect(changed.problems).toEqual([]);
    const rule = (id: string) => ALL_RULES.find((r) => r.meta.id === id)!;
    expect(ruleText(rule('review/pre-release'), 'cy', changed.policy).description).toContain('rhwng 10 a 3 wythnos');
    expect(ruleText(rule('review/pre-release'), 'cy', changed.policy).description).not.toContain('8 a 2 wythnos');
    expect(ruleText(rule('review/pre-tariff'), 'cy', changed.policy).description).toContain('3 blynedd 2 wythnos cyn');
    expect(ruleText(rule('plan/crc-handover'), 'cy', changed.policy).description).toContain('o fewn 13 wythnos');
    expect(ruleText(rule('plan/crc-handover'), 'cy', changed.policy).checks).toContain('o 13 wythnos cyn');
    expect(ruleText(rule('plan/crc-handover'), 'en', changed.policy).description).toContain('within 13 weeks of release');
    expect(ruleText(rule('plan/crc-handover'), 'cy', defaultPolicy().policy).description).toContain('o fewn 12 wythnos');
  });

  it('English, and a locale without rule texts, give the English description', () => {
    for (const r of ALL_RULES) {
      expect(ruleText(r, 'en')).toEqual({ locale: 'en', description: r.meta.description });
      expect(ruleText(r, 'qps')).toEqual({ locale: 'en', description: r.meta.description });
      expect(ruleText(r.meta, 'xx').description).toBe(r.meta.description);
    }
  });
});
