// Which catalogue renders a lint's messages. English is built from the rules' own
// `meta.messages` (the source of truth, next to the code that reports them) and the shared
// messages of engine/messages.ts; another locale is registered as a flat id → template table
// and falls back to English for any id it lacks.

import { ALL_RULES, familyMessages } from '../rules/index.js';
import type { Rule } from './rule.js';
import { COMMON_MESSAGES, fullId, renderMsg, type MessageCatalogue, type Msg } from './messages.js';
import { CONFIG_MESSAGES } from './configMessages.js';
import { TIMELINE_MESSAGES } from './timeline.js';
import { schemaMessages } from './schemaText.js';

export const DEFAULT_LOCALE = 'en';

/** A rule's messages under their full ids (`plan/action-owner.missing`). */
const fullIds = new WeakMap<Rule, Record<string, string>>();
export function ruleMessages(rule: Rule): Readonly<Record<string, string>> {
  let m = fullIds.get(rule);
  if (!m) {
    m = {};
    for (const [id, t] of Object.entries(rule.meta.messages ?? {})) m[fullId(rule.meta.id, id)] = t;
    fullIds.set(rule, m);
  }
  return m;
}

let english: MessageCatalogue | undefined;
/** Every English message: shared ones, the families' shared ones, then every built-in rule's. */
export function englishCatalogue(): MessageCatalogue {
  if (!english) {
    const messages: Record<string, string> = { ...COMMON_MESSAGES, ...CONFIG_MESSAGES, ...TIMELINE_MESSAGES, ...schemaMessages(), ...familyMessages(), ...extra };
    for (const r of ALL_RULES) Object.assign(messages, ruleMessages(r));
    english = { locale: DEFAULT_LOCALE, messages };
  }
  return english;
}

const extra: Record<string, string> = {};
/** Shared English messages from outside the rules (engine findings, fronts): registered once at load. */
export function registerEnglish(messages: Readonly<Record<string, string>>): void {
  Object.assign(extra, messages);
  if (english) Object.assign(english.messages as Record<string, string>, messages);
}

const locales = new Map<string, MessageCatalogue>();
/** Add a locale's catalogue (a flat id → template table); it falls back to English. */
export function registerLocale(locale: string, messages: Readonly<Record<string, string>>): void {
  locales.set(locale, { locale, messages, fallback: englishCatalogue() });
}

export function knownLocales(): string[] {
  return [DEFAULT_LOCALE, ...locales.keys()];
}

/** The catalogue for a locale (English when the locale is unknown). */
export function catalogueFor(locale: string = DEFAULT_LOCALE): MessageCatalogue {
  return locales.get(locale) ?? englishCatalogue();
}

/**
 * The catalogue a rule renders with: the locale's, with the rule's own English messages first in
 * line as the fallback (so local checks from configuration, which are not built in, resolve too).
 */
export function catalogueForRule(rule: Rule, base: MessageCatalogue): MessageCatalogue {
  if (!rule.meta.messages || rule.meta.id in BUILT_IN()) return base;
  return { locale: base.locale, messages: base.messages, fallback: { locale: DEFAULT_LOCALE, messages: ruleMessages(rule), fallback: base.fallback ?? englishCatalogue() } };
}

let builtIn: Record<string, true> | undefined;
function BUILT_IN(): Record<string, true> {
  if (!builtIn) {
    builtIn = {};
    for (const r of ALL_RULES) builtIn[r.meta.id] = true;
  }
  return builtIn;
}

/** A configuration problem's text in a locale (its English `message` when it has no message id). */
export function problemText(p: { message: string; msg?: Msg }, locale: string = DEFAULT_LOCALE): string {
  return p.msg && locale !== DEFAULT_LOCALE ? renderMsg(p.msg, catalogueFor(locale)) : p.message;
}
