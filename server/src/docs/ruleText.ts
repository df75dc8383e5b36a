// A rule's short texts in a locale: its description (what `meta.description` says), and, where a
// translation gives them, a plain summary of what it checks and what to do. English is the rule's
// own `meta`; another locale's texts are data (`server/src/locales/<locale>/docs/rules.json`, one
// id a line: `<ruleId>.description`, `<ruleId>.checks`, `<ruleId>.todo`, plus the page furniture
// `family.*` and `page.*`), falling back to English per text. Policy numbers are the same
// `{{…}}` placeholders as the English (docs/policyText.ts), said in the locale's words through
// its message catalogue (`common.weeks` …), so a policy team's changed window changes every
// language. Every front that shows a rule's description in a language calls `ruleText`.

import { renderMsg, msg } from '../engine/messages.js';
import { catalogueFor } from '../engine/l10n.js';
import { ensureLocales } from '../engine/locales.js';
import type { Rule } from '../engine/rule.js';
import type { RuleMeta } from '../engine/types.js';
import { defaultPolicy, type Policy } from '../policy/index.js';
import { ENGLISH_WORDS, metaFor, renderPolicyText, type PolicyWords } from './policyText.js';
import cyRules from '../locales/cy/docs/rules.json';

/** Rule texts by locale (English lives in the rules' `meta`). */
export const RULE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = { cy: cyRules };

export interface RuleText {
  /** The locale the description is in (`en` when the asked-for locale has none). */
  readonly locale: string;
  readonly description: string;
  /** What the rule checks, in plain words (only from a translation). */
  readonly checks?: string;
  /** What to do about a finding (only from a translation). */
  readonly todo?: string;
}

/** Joining words a locale says policy values with; units come from its catalogue (`common.<unit>`). */
const JOINS: Record<string, Omit<PolicyWords, 'unit'>> = {
  cy: { and: 'a', or: 'neu', to: 'i', none: 'dim' },
};

/** How `locale` says policy values ("12 wythnos", "2 a 3"); English for a locale without its words. */
export function policyWords(locale: string): PolicyWords {
  const joins = JOINS[locale];
  if (!joins) return ENGLISH_WORDS;
  ensureLocales();
  const catalogue = catalogueFor(locale);
  return { ...joins, unit: (n, unit) => renderMsg(msg(`common.${unit}`, { n }), catalogue) };
}

/** One text of a locale's rule docs with its policy numbers rendered, or undefined when it has none. */
export function docText(locale: string, id: string, policy?: Policy): string | undefined {
  const t = RULE_DOCS[locale]?.[id];
  return t === undefined ? undefined : renderPolicyText(t, policy ?? defaultPolicy().policy, policyWords(locale));
}

/**
 * A rule's description (and, in a translation, what it checks and what to do) in `locale`, with
 * policy numbers from `policy` (default: the shipped policy, as in `meta`). English, or a locale
 * without this rule's description, gives the English description.
 */
export function ruleText(rule: Rule | RuleMeta, locale: string, policy?: Policy): RuleText {
  const meta = 'meta' in rule ? rule.meta : rule;
  const description = docText(locale, `${meta.id}.description`, policy);
  if (locale === 'en' || description === undefined) return { locale: 'en', description: metaFor(meta, policy).description };
  return { locale, description, checks: docText(locale, `${meta.id}.checks`, policy), todo: docText(locale, `${meta.id}.todo`, policy) };
}

/** Whether `locale` has translated rule texts (a summary to show before the English page). */
export function hasRuleDocs(locale: string): boolean {
  return locale !== 'en' && locale in RULE_DOCS;
}
