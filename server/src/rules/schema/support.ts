// Helpers shared by the schema-family rules: placeholders, the 0..1 scores, wording for
// paths and values. The plan JSON Schema is walked by engine/schema.ts.

import { msg, type MessageValue, type Msg } from '../../engine/messages.js';
import { isQuotableId } from '../../engine/privacy.js';
import type { Path } from '../../engine/types.js';

/** A whole scalar that is a template placeholder: `${name}` or `${name:default}`. */
export const PLACEHOLDER_RE = /^\$\{[A-Za-z_][\w.-]*(:[^}]*)?\}$/;
/** Placeholders inside a longer string. */
export const PLACEHOLDER_GLOBAL_RE = /\$\{[A-Za-z_][\w.-]*(?::[^}]*)?\}/g;

export const isPlaceholder = (v: unknown): v is string => typeof v === 'string' && PLACEHOLDER_RE.test(v);

/** A lookup table with no prototype, so a key such as `constructor` finds nothing. */
export function dict<T>(entries: Record<string, T>): Record<string, T> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Own property read that never consults the prototype chain (`__proto__`, `constructor`). */
export function own(o: unknown, key: string): unknown {
  return isObj(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** The raw value at a path in the plain JS document. */
export function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
    else v = own(v, seg);
    if (v === undefined) return undefined;
  }
  return v;
}

// ---------------------------------------------------------------------------
// Scores given as probabilities (0..1).

/** The scores that are fractions from 0 to 1 (OGRS "ranges from 0 to 1"). */
export const SCORE_KEYS = ['ogrs3_2yr', 'ogp_2yr', 'ovp_2yr', 'rsr'] as const;

export const isScorePath = (path: Path): boolean =>
  path.length === 3 && path[0] === 'assessment' && path[1] === 'scores' && (SCORE_KEYS as readonly string[]).includes(String(path[2]));

export type ScoreProblem =
  /** A percentage (1 < v ≤ 100, or "48%"): the fraction is certain. */
  | { kind: 'percent'; shown: string; fraction: number }
  /** A fraction written as text ("0.48"): unquoting it is certain. */
  | { kind: 'quoted'; shown: string; fraction: number }
  /** Negative, over 100, or not finite: no fix. */
  | { kind: 'out-of-range'; shown: string };

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PERCENT_TEXT = /^([+-]?(\d+(\.\d*)?|\.\d+))\s*%$/;

/** `v / 100` without floating-point noise (61.5 → 0.615, 7 → 0.07). */
export function percentToFraction(v: number): number {
  return Number((v / 100).toPrecision(12));
}

/** YAML source for a score fraction. */
export const fractionSource = (f: number): string => String(f);

/**
 * What is wrong with a 0..1 score value, or undefined when nothing `schema/score-range`
 * reports (a fraction in range, or a value of another type, which `schema/shape` reports).
 * A number in (1, 100] is read as a percentage; so is any text ending in `%` from 0 to 100.
 */
export function scoreProblem(v: unknown): ScoreProblem | undefined {
  if (typeof v === 'number') {
    if (v >= 0 && v <= 1) return undefined;
    const shown = Number.isFinite(v) ? String(v) : String(v).replace('Infinity', 'infinity');
    if (v > 1 && v <= 100) return { kind: 'percent', shown, fraction: percentToFraction(v) };
    return { kind: 'out-of-range', shown };
  }
  if (typeof v === 'string') {
    const t = v.trim();
    const shown = t.length > 12 ? `${t.slice(0, 12)}…` : t;
    const pm = PERCENT_TEXT.exec(t);
    if (pm) {
      const p = Number(pm[1]);
      return p >= 0 && p <= 100 ? { kind: 'percent', shown, fraction: percentToFraction(p) } : { kind: 'out-of-range', shown };
    }
    if (NUMBER_TEXT.test(t)) {
      const n = Number(t);
      if (n >= 0 && n <= 1) return { kind: 'quoted', shown, fraction: n };
      if (n > 1 && n <= 100) return { kind: 'percent', shown, fraction: percentToFraction(n) };
      return { kind: 'out-of-range', shown };
    }
  }
  return undefined;
}


const ITEM_NOUN: Record<string, string> = dict({
  outcomes: 'outcome',
  objectives: 'objective',
  actions: 'action',
  reviews: 'review',
  events: 'event',
  needs: 'need',
  requirements: 'requirement',
  after: 'entry',
});

// ---------------------------------------------------------------------------
// Words for paths and values, as messages (engine/messages.ts): the family's shared templates,
// spread into each rule's `meta.messages`, and builders that return a message with its data.

/** The English ordinal suffix category of n (1st, 2nd, 3rd, 4th; 11th to 13th). */
function ordinalCategory(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'other';
  return ({ 1: 'one', 2: 'two', 3: 'few' } as Record<number, string>)[n % 10] ?? 'other';
}

/** Nouns of list items, by list key (a code: the key is data, the noun a select). */
const NOUN_SELECT =
  '{noun, select, outcome {outcome} objective {objective} action {action} review {review} event {event} need {need} requirement {requirement} entry {entry} other {item}}';

const NOUN_SELECT_CAP =
  '{noun, select, outcome {Outcome} objective {Objective} action {Action} review {Review} event {Event} need {Need} requirement {Requirement} entry {Entry} other {Item}}';

export const SCHEMA_WORDS: Readonly<Record<string, string>> = {
  wordOrdinal: '{n}{cat, select, one {st} two {nd} few {rd} other {th}}',
  wordTopLevel: 'the top level',
  wordTopLevelCap: 'The top level',
  wordNothing: '',
  wordPlan: 'The plan',
  wordDocument: 'the document',
  wordNamedItem: `${NOUN_SELECT} {id}`,
  wordNamedItemCap: `${NOUN_SELECT_CAP} {id}`,
  wordNthItem: `the {ord} ${NOUN_SELECT}`,
  wordNthItemCap: `The {ord} ${NOUN_SELECT}`,
  wordNthOf: 'the {ord} item of `{list}`',
  wordNthOfCap: 'The {ord} item of `{list}`',
  wordPath: '`{path}`',
  wordKind:
    '{kind, select, empty {empty} list {a list} mapping {a mapping} text {text} true {`true`} false {`false`} integer {a whole number} number {a number} other {something else}}',
  wordType:
    '{type, select, string {text} number {a number} integer {a whole number} boolean {`true` or `false`} object {a mapping of keys to values} array {a list} null {empty} other {{type}}}',
  wordCode: '`{code}`',
  wordOr: '{a} or {b}',
  wordList: '{a}, {b}',
};

export function ordinal(n: number): Msg {
  return msg('wordOrdinal', { n, cat: ordinalCategory(n) });
}

/** "objective OBJ-3", "the 2nd review", "`assessment.scores`", "the top level"; `cap` starts a sentence. */
export function describeNode(root: unknown, path: Path, cap = false): Msg {
  if (path.length === 0) return msg(cap ? 'wordTopLevelCap' : 'wordTopLevel');
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const listKey = String(path[path.length - 2] ?? 'list');
    const noun = ITEM_NOUN[listKey];
    const id = own(valueAt(root, path), 'id');
    if (isQuotableId(id)) return msg(cap ? 'wordNamedItemCap' : 'wordNamedItem', { noun: noun ?? 'item', id });
    return noun
      ? msg(cap ? 'wordNthItemCap' : 'wordNthItem', { ord: ordinal(last + 1), noun })
      : msg(cap ? 'wordNthOfCap' : 'wordNthOf', { ord: ordinal(last + 1), list: listKey });
  }
  return msg('wordPath', { path: dotted(path) });
}

/** `assessment.scores` — the keys of a path, items shown as `[n]`. */
export function dotted(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The name to call a value by in a message: its key, or "the 2nd item of `after`". */
export function label(root: unknown, path: Path): Msg {
  const last = path[path.length - 1];
  if (last === undefined) return msg('wordDocument');
  if (typeof last === 'number') {
    const parent = path.slice(0, -1);
    const parentLast = parent[parent.length - 1];
    if (typeof parentLast === 'string' && !ITEM_NOUN[parentLast]) return msg('wordNthOf', { ord: ordinal(last + 1), list: parentLast });
    return describeNode(root, path);
  }
  return msg('wordPath', { path: truncate(last) });
}

export function truncate(s: string, max = 40): string {
  const one = s.replace(/[\r\n\t]+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** How a JSON value's type is named to a practitioner. */
export function kindOf(v: unknown): Msg {
  const kind =
    v === null || v === undefined
      ? 'empty'
      : Array.isArray(v)
        ? 'list'
        : typeof v === 'object'
          ? 'mapping'
          : typeof v === 'string'
            ? 'text'
            : typeof v === 'boolean'
              ? String(v)
              : typeof v === 'number'
                ? Number.isInteger(v)
                  ? 'integer'
                  : 'number'
                : 'something';
  return msg('wordKind', { kind });
}

export function typeWords(t: string): Msg {
  return msg('wordType', { type: t });
}

/** "a, b or c" as a message. */
export function orList(values: readonly MessageValue[]): MessageValue {
  if (values.length === 0) return msg('wordNothing');
  if (values.length === 1) return values[0];
  let out: MessageValue = msg('wordOr', { a: values[values.length - 2], b: values[values.length - 1] });
  for (let i = values.length - 3; i >= 0; i--) out = msg('wordList', { a: values[i], b: out });
  return out;
}

/** "a, b, c" (codes joined by commas) as a message. */
export function commaList(values: readonly MessageValue[]): MessageValue {
  if (values.length === 0) return msg('wordNothing');
  let out: MessageValue = values[values.length - 1];
  for (let i = values.length - 2; i >= 0; i--) out = msg('wordList', { a: values[i], b: out });
  return out;
}
