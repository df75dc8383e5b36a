// Locales (groundwork for issue 16): choosing one, Welsh dates and plurals, and the pseudo-locale
// that makes any string outside the catalogue stand out.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { chooseLocale, normalise, pseudoTemplate, welshDate } from '../../server/src/engine/locales.js';
import { formatTemplate, templateArguments } from '../../server/src/engine/messages.js';
import { englishCatalogue } from '../../server/src/engine/l10n.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { loadConfigText } from '../../server/src/engine/config.js';

describe('choosing a locale', () => {
  const av = ['en', 'cy', 'qps'];
  it('flag, then PLANLINT_LOCALE, then the editor, then the team default, then the system', () => {
    expect(chooseLocale({ flag: 'cy', env: { PLANLINT_LOCALE: 'en' } }, av, av)).toBe('cy');
    expect(chooseLocale({ env: { PLANLINT_LOCALE: 'cy', LANG: 'en_GB.UTF-8' } }, av, av)).toBe('cy');
    expect(chooseLocale({ client: 'cy', config: 'en', env: { LANG: 'en_GB.UTF-8' } }, av, av)).toBe('cy');
    expect(chooseLocale({ config: 'cy', env: { LANG: 'en_GB.UTF-8' } }, av, av)).toBe('cy');
    expect(chooseLocale({ env: { LC_ALL: 'cy_GB.UTF-8' } }, av, av)).toBe('cy');
    expect(chooseLocale({ env: { LANG: 'cy_GB' } }, av, av)).toBe('cy');
  });
  it('an inherited choice takes only a complete locale (no report mixes languages unasked); a named one any', () => {
    const complete = ['en', 'qps'];
    expect(chooseLocale({ env: { LANG: 'cy_GB.UTF-8' } }, av, complete)).toBe('en');
    expect(chooseLocale({ client: 'cy' }, av, complete)).toBe('en');
    expect(chooseLocale({ flag: 'cy', env: { LANG: 'en_GB' } }, av, complete)).toBe('cy');
    expect(chooseLocale({ env: { PLANLINT_LOCALE: 'cy' } }, av, complete)).toBe('cy');
  });
  it('an unknown or C locale is passed over; nothing known means English', () => {
    expect(chooseLocale({ flag: 'fr', env: { LANG: 'cy_GB.UTF-8' } }, av, av)).toBe('cy');
    expect(chooseLocale({ env: { LC_ALL: 'C', LANG: 'POSIX' } }, av, av)).toBe('en');
    expect(chooseLocale({}, av, av)).toBe('en');
    expect([normalise('cy-GB'), normalise('CY'), normalise('C.UTF-8'), normalise('../../etc')]).toEqual(['cy', 'cy', undefined, undefined]);
  });
});

describe('Welsh', () => {
  it('writes dates with Welsh month names', () => {
    expect(welshDate('2026-12-01')).toBe('1 Rhagfyr 2026');
    expect(welshDate('2027-01-09')).toBe('9 Ionawr 2027');
    expect(welshDate('not a date')).toBe('not a date');
  });
  it('renders a lint in Welsh where a message is translated, English where it is not yet', () => {
    const text = 'sentence_plan: 1\nkind: plan\nactions:\n  - id: Jo Bloggs\n    objective: OBJ-1\n    description: Attend.\n';
    const rules = ALL_RULES.filter((r) => r.meta.id === 'plan/action-owner');
    const [f] = lint(text, { asOf: '2026-11-23', rules, locale: 'cy' }).findings;
    // The label is a shared message (translated); the sentence around it falls back to English.
    expect(f.message).toContain('cam gweithredu 1');
  });
});

describe('the pseudo-locale', () => {
  it('accents text, keeps placeholders, plurals and `code`, and brackets the whole', () => {
    const t = 'Add `owner` to {action} within {n, plural, one {# day} other {# days}} ({cite}).';
    const p = pseudoTemplate(t);
    expect(p.startsWith('⟦') && p.endsWith('⟧')).toBe(true);
    expect(p).toContain('`owner`');
    expect(templateArguments(p)).toEqual(templateArguments(t));
    const out = formatTemplate(p, { action: 'ACT-1', n: 2, cite: 'PSI 19/2014 para 2.13' }, { locale: 'qps', messages: {} });
    expect(out).toBe('⟦Ádd `owner` tó ACT-1 wíthíñ 2 dáýš (PSI 19/2014 para 2.13).⟧');
  });
  it("keeps quoted braces and apostrophes meaning the same", () => {
    const t = "Objective {id}'s placeholder '{'name'}' isn''t filled";
    expect(formatTemplate(pseudoTemplate(t), { id: 'OBJ-1' }, { locale: 'qps', messages: {} })).toBe("⟦Óbjéçtívé OBJ-1'š pláçéhóldér {ñámé} íšñ't fílléd⟧");
  });
  it('every English message has a pseudo-translation that parses with the same placeholders', () => {
    for (const [id, t] of Object.entries(englishCatalogue().messages)) expect(templateArguments(pseudoTemplate(t)), id).toEqual(templateArguments(t));
  });
  it('a lint in qps marks every converted message', () => {
    const text = 'sentence_plan: 1\nkind: plan\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Attend.\n';
    const rules = ALL_RULES.filter((r) => r.meta.id === 'plan/action-owner');
    const [f] = lint(text, { asOf: '2026-11-23', rules, locale: 'qps' }).findings;
    expect(f.message).toMatch(/^⟦Áçtíóñ ACT-1 .*⟧$/);
  });
});

describe("a team's default locale in .planlintrc.yaml", () => {
  const known = ALL_RULES.map((r) => r.meta.id);
  it('`locale: cy` is read, and is only a default: a named choice wins', () => {
    const { config, problems } = loadConfigText('locale: cy\nrules:\n  smart/*: warning\n', '.planlintrc.yaml', known);
    expect(problems).toEqual([]);
    expect(config.locale).toBe('cy');
    expect(chooseLocale({ config: config.locale, flag: 'en' }, ['en', 'cy'], ['en', 'cy'])).toBe('en');
    expect(chooseLocale({ config: config.locale }, ['en', 'cy'], ['en', 'cy'])).toBe('cy');
  });
  it('an unknown locale is a located problem and no locale is set', () => {
    const { config, problems } = loadConfigText('rules: {}\nlocale: fr\n', '.planlintrc.yaml', known);
    expect(config.locale).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ line: 2, column: 9, message: '`fr` is not a locale planlint speaks: use en or cy', kind: 'schema' })]);
    expect(loadConfigText('locale: 3\n', '.planlintrc.yaml', known).problems.map((p) => p.message)).toEqual(['`3` is not a locale planlint speaks: use en or cy']);
  });
});
