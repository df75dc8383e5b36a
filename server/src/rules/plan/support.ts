// Helpers shared by the plan/*, engagement/* and smart/* rules. Not a rule: the family
// index lists the rules.

import { isMap } from 'yaml';
import type { RuleContext } from '../../engine/rule.js';
import type { Action, Objective, Plan } from '../../engine/model.js';
import type { MessageValue, Msg } from '../../engine/messages.js';
import type { Duration } from '../../engine/obligations.js';
import { isQuotableId } from '../../engine/privacy.js';
import { findPhrases, phraseIndex } from '../../engine/phrases.js';
import type { Path } from '../../engine/types.js';

const PLACEHOLDER = /\$\{[^}]*\}/;

/** True when a scalar is (or contains) a template placeholder `${name}` / `${name:default}`. */
export function isPlaceholder(v: unknown): boolean {
  return typeof v === 'string' && PLACEHOLDER.test(v);
}

/** The plain JS value at `path` in the raw document, or undefined. */
export function rawAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}

/**
 * True when a value is written at `path` at all (of any type, or a placeholder). Rules that
 * require a value use this, so a value of the wrong type is left to `schema/shape` (one
 * defect, one finding) and a template placeholder satisfies the requirement.
 */
export function hasValue(root: unknown, path: Path): boolean {
  const v = rawAt(root, path);
  if (v === undefined || v === null) return false;
  if (typeof v === 'string' && v.trim() === '') return false;
  return true;
}

/** True when the map at `path` is written in block style (so a comment may follow a value on its line). */
export function isBlockMap(ctx: RuleContext, path: Path): boolean {
  const loc = ctx.locate(path);
  return loc.found && isMap(loc.node) && !loc.node.flow;
}

/**
 * @deprecated English: rules name items with `itemLabel` (engine/privacy.ts), a message. Kept only
 * while the smart/* rules still import it.
 */
export function label(item: { id?: string; path: Path }, noun: string): string {
  if (isQuotableId(item.id) && !isPlaceholder(item.id)) return item.id;
  return `${noun} ${Number(item.path[item.path.length - 1]) + 1}`;
}

const actionsByObjective = new WeakMap<Plan, Map<string, Action[]>>();

/**
 * Actions that serve an objective (by id), in plan order. Indexed once per plan: a filter per
 * objective was O(objectives × actions) (20,000 of each: 65 s, 700 MB).
 */
export function actionsOf(plan: Plan, o: Objective): Action[] {
  if (!o.id) return [];
  let index = actionsByObjective.get(plan);
  if (!index) {
    index = new Map();
    for (const a of plan.actions) {
      if (typeof a.objective !== 'string') continue;
      const list = index.get(a.objective);
      if (list) list.push(a);
      else index.set(a.objective, [a]);
    }
    actionsByObjective.set(plan, index);
  }
  return [...(index.get(o.id) ?? [])];
}

/** Lower-case words of a text (letters, digits, apostrophes inside words). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w !== '');
}

/**
 * Find the phrases (each one or more words) in `tokens`, longest first, without overlap.
 * Returns the phrases found (lower case, in text order) and the tokens left over. Matched
 * through a trie of the list (engine/phrases.ts), so a long list costs no more per word.
 */
export function matchPhrases(tokens: readonly string[], phrases: readonly string[]): { found: string[]; rest: string[] } {
  return findPhrases(tokens, phraseIndex(phrases, words));
}

/** True when any phrase occurs (on whole words) in any of the texts. */
export function mentions(texts: readonly (string | undefined)[], phrases: readonly string[]): boolean {
  for (const t of texts) {
    if (!t) continue;
    if (matchPhrases(words(t), phrases).found.length) return true;
  }
  return false;
}

/**
 * Messages for joining items in a message, shared by the plan/*, engagement/*, rmp/* and
 * sequence/* rules (spread into a rule's `meta.messages`; `list` and `duration` refer to them).
 */
export const JOIN_MESSAGES = {
  joinComma: '{a}, {b}',
  joinAnd: '{a} and {b}',
  joinOr: '{a} or {b}',
  joinSpace: '{a} {b}',
  code: '`{code}`',
} as const;

/** A value in backticks, as a message (`prison_offender_manager`). */
export const code = (c: string): Msg => ({ id: 'code', data: { code: c } });

/**
 * Items joined as a message: "a, b, c" (`comma`), "a, b and c" (`and`), "a, b or c" (`or`).
 * The commas nest as a balanced tree, so a list of thousands renders without deep recursion.
 */
export function list(items: readonly MessageValue[], last: 'comma' | 'and' | 'or' = 'comma'): MessageValue {
  const commas = (xs: readonly MessageValue[]): MessageValue => {
    if (xs.length === 1) return xs[0];
    const mid = Math.ceil(xs.length / 2);
    return { id: 'joinComma', data: { a: commas(xs.slice(0, mid)), b: commas(xs.slice(mid)) } };
  };
  if (items.length === 0) return '';
  if (items.length === 1 || last === 'comma') return commas(items);
  return { id: last === 'and' ? 'joinAnd' : 'joinOr', data: { a: commas(items.slice(0, -1)), b: items[items.length - 1] } };
}

/** A duration as a message ("12 weeks", "1 year 6 months"), as `describeDuration` words it. */
export function duration(d: Duration): MessageValue {
  const parts: Msg[] = [];
  for (const u of ['years', 'months', 'weeks', 'days'] as const) {
    const n = d[u];
    if (n) parts.push({ id: `common.${u}`, data: { n } });
  }
  if (!parts.length) return { id: 'common.days', data: { n: 0 } };
  return parts.reduce((a, b): Msg => ({ id: 'joinSpace', data: { a, b } }));
}

/** "`a`, `b` and `c`". */
export function listCode(items: readonly string[]): string {
  const q = items.map((s) => `\`${s}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** "a, b and c". */
export function listPlain(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Objectives the smart/* rules judge: not those already marked no longer appropriate (plan/withdrawn-still-listed covers them). */
export function liveObjectives(plan: Plan): Objective[] {
  return plan.objectives.filter((o) => o.status !== 'no_longer_appropriate');
}

/** Actions that are still part of the plan: not withdrawn, no longer appropriate, or ruled out by a failed eligibility assessment. */
export function isLiveAction(a: Action): boolean {
  return a.status !== 'withdrawn' && a.status !== 'no_longer_appropriate' && a.eligibility !== 'not_eligible';
}

export const PSI = 'PSI 19/2014';
