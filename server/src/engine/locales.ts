// Locales beyond English: which one a run uses, how a locale writes dates, and the pseudo-locale
// `qps` that shows any string which escaped the catalogue. A locale's messages are a flat table
// (id → template) registered with engine/l10n.ts; any id it lacks falls back to English.

import { englishCatalogue, knownLocales, registerLocale } from './l10n.js';
import { parseTemplate, registerDateFormat } from './messages.js';
import { WELSH } from '../locales/cy/index.js';

/** The pseudo-locale: every message accented and bracketed, placeholders and `code` untouched. */
export const PSEUDO_LOCALE = 'qps';

export interface LocaleSources {
  /** `--locale` (CLI) or the editor's setting. */
  flag?: string;
  /** `locale:` in the team's `.planlintrc.yaml`. */
  config?: string;
  /** The environment: PLANLINT_LOCALE, then LC_ALL, LC_MESSAGES, LANG. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The client's display language (LSP `initialize.locale`). */
  client?: string;
}

/**
 * The locale a run speaks, from the most personal choice to the most ambient: the flag, then
 * PLANLINT_LOCALE, then the editor's display language, then the team default in configuration,
 * then the system locale (`cy_GB.UTF-8` → `cy`), else English. An unknown locale is skipped.
 */
export function chooseLocale(s: LocaleSources, available: readonly string[] = availableLocales(), complete: readonly string[] = completeLocales()): string {
  const env = s.env ?? {};
  // Asked for by name (the flag, PLANLINT_LOCALE): any locale planlint has, even a partial one.
  for (const c of [s.flag, env.PLANLINT_LOCALE]) {
    const l = normalise(c);
    if (l && available.includes(l)) return l;
  }
  // Inherited (the editor's language, the team default, the system's): only a locale with every
  // message, so a report never mixes two languages unasked.
  for (const c of [s.client, s.config, env.LC_ALL, env.LC_MESSAGES, env.LANG]) {
    const l = normalise(c);
    if (l && complete.includes(l)) return l;
  }
  return 'en';
}

/** Locales with a message for every English id (the pseudo-locale always; Welsh once translated). */
export function completeLocales(): string[] {
  ensureLocales();
  const ids = Object.keys(englishCatalogue().messages);
  return availableLocales().filter((l) => l === 'en' || l === PSEUDO_LOCALE || (l === 'cy' && ids.every((id) => id in WELSH)));
}

/** `cy_GB.UTF-8`, `cy-GB`, `CY` → `cy`; `C` and `POSIX` → undefined. */
export function normalise(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const base = tag.trim().split(/[._@-]/)[0].toLowerCase();
  if (!base || base === 'c' || base === 'posix') return undefined;
  return /^[a-z]{2,3}$/.test(base) ? base : undefined;
}

export function availableLocales(): string[] {
  ensureLocales();
  return knownLocales();
}

// ---------------------------------------------------------------------------------------------
// Welsh.

const CY_MONTHS = ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'];

/** `2026-12-01` → `1 Rhagfyr 2026`. */
export function welshDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const month = CY_MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

// ---------------------------------------------------------------------------------------------
// The pseudo-locale.

const ACCENTS: Record<string, string> = {
  a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', y: 'ý', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', Y: 'Ý', c: 'ç', n: 'ñ', s: 'š', z: 'ž',
};

/**
 * Accent the letters of plain text, leaving `code spans` alone (keys and values a user types). A
 * span may wrap a placeholder (`` `{value}` ``), so whether text is inside one is carried across
 * the template's parts in `state`.
 */
function accent(text: string, state: { code: boolean }): string {
  let out = '';
  for (const ch of text) {
    if (ch === '`') state.code = !state.code;
    out += state.code || ch === '`' ? ch : (ACCENTS[ch] ?? ch);
  }
  return out;
}

/** The pseudo-translation of a template: its text accented, its syntax kept, the whole in brackets. */
export function pseudoTemplate(template: string): string {
  let parts;
  try {
    parts = parseTemplate(template);
  } catch {
    return `⟦${template}⟧`;
  }
  return `⟦${serialise(parts, false, { code: false })}⟧`;
}

type Part = ReturnType<typeof parseTemplate>[number];

function quoteText(s: string, inPlural: boolean): string {
  // Re-quote what the template syntax would read: braces, apostrophes before them, `#` in a plural.
  return s.replace(/'/g, "''").replace(/[{}]/g, (b) => `'${b}'`).replace(/#/g, (h) => (inPlural ? `'#'` : h));
}

function serialise(parts: Part[], inPlural: boolean, state: { code: boolean }): string {
  return parts
    .map((p) => {
      switch (p.t) {
        case 'text':
          return quoteText(accent(p.s, state), inPlural);
        case 'hash':
          return '#';
        case 'arg':
          return `{${p.name}}`;
        case 'date':
        case 'number':
          return `{${p.name}, ${p.t}}`;
        case 'plural':
        case 'select':
          // Each branch starts where the template stood before it.
          return `{${p.name}, ${p.t},${[...p.branches].map(([k, b]) => ` ${k} {${serialise(b, p.t === 'plural' || inPlural, { ...state })}}`).join('')}}`;
      }
    })
    .join('');
}

let ready = false;

/** Register the locales planlint ships: Welsh and the pseudo-locale (built from English on first use). */
export function ensureLocales(): void {
  if (ready) return;
  ready = true;
  registerDateFormat('cy', welshDate);
  registerLocale('cy', WELSH);
  registerLocale(PSEUDO_LOCALE, new Proxy({} as Record<string, string>, {
    get: (_t, id) => {
      if (typeof id !== 'string') return undefined;
      const en = englishCatalogue().messages[id];
      return en === undefined ? undefined : pseudoTemplate(en);
    },
  }));
}
