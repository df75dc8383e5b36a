// Helpers shared by the schema-family rules: placeholders, the 0..1 scores, wording for
// paths and values. The plan JSON Schema is walked by engine/schema.ts.

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

// ---------------------------------------------------------------------------
// Words for paths and values.

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

export function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

/** "objective OBJ-3", "the 2nd review", "`assessment.scores`", "the top level". */
export function describeNode(root: unknown, path: Path): string {
  if (path.length === 0) return 'the top level';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const listKey = String(path[path.length - 2] ?? 'list');
    const noun = ITEM_NOUN[listKey] ?? 'item';
    const id = own(valueAt(root, path), 'id');
    if (isQuotableId(id)) return `${noun} ${id}`;
    return ITEM_NOUN[listKey] ? `the ${ordinal(last + 1)} ${noun}` : `the ${ordinal(last + 1)} item of \`${listKey}\``;
  }
  return `\`${dotted(path)}\``;
}

/** `assessment.scores` — the keys of a path, items shown as `[n]`. */
export function dotted(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The name to call a value by in a message: its key, or "the 2nd item of `after`". */
export function label(root: unknown, path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the document';
  if (typeof last === 'number') {
    const parent = path.slice(0, -1);
    const parentLast = parent[parent.length - 1];
    if (typeof parentLast === 'string' && !ITEM_NOUN[parentLast]) return `the ${ordinal(last + 1)} item of \`${parentLast}\``;
    return describeNode(root, path);
  }
  return `\`${truncate(last)}\``;
}

export function truncate(s: string, max = 40): string {
  const one = s.replace(/[\r\n\t]+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** How a JSON value's type is named to a practitioner. */
export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'text';
  if (typeof v === 'boolean') return v ? '`true`' : '`false`';
  if (typeof v === 'number') return Number.isInteger(v) ? 'a whole number' : 'a number';
  return 'something else';
}

export function typeWords(t: string): string {
  switch (t) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return '`true` or `false`';
    case 'object':
      return 'a mapping of keys to values';
    case 'array':
      return 'a list';
    case 'null':
      return 'empty';
    default:
      return t;
  }
}

/** "a, b or c" */
export function orList(values: readonly unknown[]): string {
  const v = values.map((x) => String(x));
  if (v.length <= 1) return v.join('');
  return `${v.slice(0, -1).join(', ')} or ${v[v.length - 1]}`;
}

