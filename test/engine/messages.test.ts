// engine/messages.ts: the template language messages are written in, and the catalogue checks
// that keep every rule's messages renderable.
import { describe, expect, it } from 'vitest';
import { englishCatalogue, registerLocale, catalogueFor } from '../../server/src/engine/l10n.js';
import { formatTemplate, parseTemplate, renderMsg, templateArguments, TemplateError, type MessageCatalogue } from '../../server/src/engine/messages.js';
import { lint } from '../../server/src/engine/lint.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const en: MessageCatalogue = { locale: 'en', messages: { 'x.label': 'objective {n}' } };
const f = (t: string, data: Record<string, never> | Record<string, unknown> = {}) => formatTemplate(t, data as never, en);

describe('templates', () => {
  it('fills arguments, numbers and dates; a missing value shows as {name}', () => {
    expect(f('Objective {id} is due on {d, date} ({n, number}).', { id: 'OBJ-1', d: '2026-12-01', n: 3 })).toBe('Objective OBJ-1 is due on 2026-12-01 (3).');
    expect(f('Add {what}.')).toBe('Add {what}.');
  });
  it('plural: exact matches, categories from Intl.PluralRules, # is the number', () => {
    const t = '{n, plural, =0 {no reviews} one {# review} other {# reviews}}';
    expect([0, 1, 2, 12].map((n) => f(t, { n }))).toEqual(['no reviews', '1 review', '2 reviews', '12 reviews']);
    // Welsh has six categories: 2 is "two", 3 is "few", 6 is "many".
    const cy: MessageCatalogue = { locale: 'cy', messages: {} };
    const w = '{n, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}';
    expect([0, 1, 2, 3, 6, 7].map((n) => formatTemplate(w, { n }, cy))).toEqual(['z', 'o', 't', 'f', 'm', 'x']);
  });
  it('select picks a branch by value, other as the fallback; branches nest', () => {
    const t = '{setting, select, custody {in custody} community {in the community} other {somewhere}}{n, plural, one { (# day)} other {}}';
    expect(f(t, { setting: 'custody', n: 1 })).toBe('in custody (1 day)');
    expect(f(t, { setting: 'open', n: 2 })).toBe('somewhere');
  });
  it("quotes: '{' is a literal brace, '' an apostrophe, a lone apostrophe is text", () => {
    expect(f("Objective {id}'s placeholder '{'name'}' isn''t filled", { id: 'OBJ-1' })).toBe("Objective OBJ-1's placeholder {name} isn't filled");
  });
  it('a value may be a message, rendered in the same catalogue', () => {
    expect(renderMsg({ id: 'x.msg', data: { item: { id: 'x.label', data: { n: 3 } } } }, { locale: 'en', messages: { ...en.messages, 'x.msg': 'Add an owner to {item}.' } })).toBe(
      'Add an owner to objective 3.',
    );
    expect(renderMsg({ id: 'nowhere.id' }, en)).toBe('nowhere.id');
  });
  it('malformed templates are refused by the parser (and rendered raw, never thrown, at lint time)', () => {
    for (const bad of ['{', '{n, plural, one {x}}', '{n, plural one {x} other {y}}', 'a }', '{n, frobnicate}', "'{ unclosed"])
      expect(() => parseTemplate(bad), bad).toThrow(TemplateError);
    expect(f('{')).toBe('{');
  });
  it('templateArguments lists every placeholder, in branches too', () => {
    expect([...templateArguments('{a} {n, plural, one {{b}} other {{c, date}}}')].sort()).toEqual(['a', 'b', 'c', 'n']);
  });
});

describe('catalogues', () => {
  it('every built-in rule message parses and ids are unique per rule', () => {
    const all = englishCatalogue().messages;
    for (const r of ALL_RULES) for (const [id, t] of Object.entries(r.meta.messages ?? {})) {
      expect(() => parseTemplate(t), `${r.meta.id}.${id}`).not.toThrow();
      expect(all[`${r.meta.id}.${id}`]).toBe(t);
    }
  });
  it('another locale falls back to English per id, and a lint renders in it', () => {
    registerLocale('qps-test', { 'plan/action-owner.missing': '[{action} ~ {cite}]' });
    expect(catalogueFor('qps-test').fallback).toBe(englishCatalogue());
    const text = 'sentence_plan: 1\nkind: plan\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Attend.\n';
    const rules = ALL_RULES.filter((r) => r.meta.id === 'plan/action-owner');
    const [cy] = lint(text, { asOf: '2026-11-23', rules, locale: 'qps-test' }).findings;
    const [plain] = lint(text, { asOf: '2026-11-23', rules }).findings;
    expect(cy.message).toBe('[ACT-1 ~ PSI 19/2014 para 2.13]');
    expect(plain.message).toMatch(/^Action ACT-1 does not say who carries it out\./);
    expect([cy.messageId, cy.data, cy.cite]).toEqual(['plan/action-owner.missing', { action: 'ACT-1' }, 'PSI 19/2014 para 2.13']);
  });
});
