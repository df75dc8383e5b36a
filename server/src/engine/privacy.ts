// What of a plan a message may quote back. People type names and numbers into the wrong field:
// an id written "Jo Bloggs A1234BC", a key named after a person, a reference to such an id, a
// custom tag `!Bloggs`, a word in a `# planlint-disable` comment. A finding is seen far from the
// plan (CI logs, SARIF uploads, caches, the editor's problem list), so it quotes a plan value
// only when it is shaped like an id, and never when it is shaped like a personal identifier.
// Otherwise the item is named by its kind and position ("the 2nd objective"), which the
// finding's location makes exact. Every rule builds its message with these helpers, and
// `lint.ts` passes every message through `redactMessage` as a last line of defence.

import type { MessageValue } from './messages.js';

/** Personal identifiers used in the justice system, as written without spaces (a value with spaces is never quoted). */
const PERSONAL_NUMBER: readonly RegExp[] = [
  // NOMS prison number: one letter, four digits, two letters (A1234BC).
  /[A-Z]\d{4}[A-Z]{2}/i,
  // PNC number: a 2- or 4-digit year, `/` (or `-` where `/` is not allowed), up to 7 digits, a
  // check letter (2001/0012345X, 01/12345X).
  /\d{2}(?:\d{2})?[/-]\d{1,7}[A-Z]/i,
  // CRO number: up to 6 digits, `/`, a 2-digit year, a check letter (123456/01A), or `SF` numbers (SF01/123456A).
  /\d{1,6}[/-]\d{2}[A-Z]/i,
  /SF\d{2}[/-]\d{1,6}[A-Z]/i,
  // National Insurance number: two letters, six digits, a letter A to D (QQ123456C).
  /[A-Z]{2}\d{2}\d{2}\d{2}[A-D]/i,
];

/** Longest id that is quoted back. */
export const MAX_QUOTED_ID = 24;

const ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** True when the text contains something shaped like a prison, PNC, CRO or NI number. */
export function looksPersonal(s: string): boolean {
  return PERSONAL_NUMBER.some((re) => re.test(s));
}

/**
 * True when a plan value may be quoted in a message as an id: short, letters, digits, `-`,
 * `_` and `.` only, with at least one digit (`OBJ-3`, `ACT-12`: a single word could be a
 * surname), and nothing shaped like a personal identifier anywhere in it.
 */
export function isQuotableId(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_QUOTED_ID && ID_CHARS.test(v) && /\d/.test(v) && !looksPersonal(v);
}

/**
 * True when a short code (a policy value such as `key_worker`, a rule id, a key) may be quoted:
 * the same characters as an id (plus `/` and `*` for rule ids), no digit needed, but only when
 * the caller has a reason to believe it is a code (a near miss of a known one, see `nearMiss`).
 */
export function isQuotableCode(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && /^[A-Za-z0-9_][A-Za-z0-9_.\-/*]*$/.test(v) && !looksPersonal(v);
}

/** Kinds of plan item a message may name by position (`common.<kind>` in engine/messages.ts). */
export type ItemKind = 'objective' | 'action' | 'outcome' | 'review' | 'event' | 'need' | 'item';

/**
 * How a message names a list item: its id when the id may be quoted (`OBJ-3`), otherwise by kind
 * and position, as a message ("objective 3") so that a locale words it.
 */
export function itemLabel(item: { id?: unknown; path: readonly (string | number)[] }, kind: ItemKind): MessageValue {
  if (isQuotableId(item.id)) return item.id;
  return { id: `common.${kind}`, data: { n: Number(item.path[item.path.length - 1]) + 1 } };
}

/** `OBJ-3`, or `fallback` when the id may not be quoted (or there is none). */
export function idOr(id: unknown, fallback: string): string {
  return isQuotableId(id) ? id : fallback;
}

/** `` `OBJ-3` ``, or `fallback` when the id may not be quoted. */
export function quotedIdOr(id: unknown, fallback: string): string {
  return isQuotableId(id) ? `\`${id}\`` : fallback;
}

/**
 * A value written where a code was expected may be quoted only when it is a near miss of a
 * known code (close enough that it is a typo, not a name typed into the wrong field).
 */
export function nearMiss(value: string, near: string | undefined): boolean {
  return near !== undefined && isQuotableCode(value) && value.length <= near.length + 3;
}

const PERSONAL_IN_TEXT = new RegExp(PERSONAL_NUMBER.map((re) => `(?<![A-Za-z0-9])(?:${re.source})(?![A-Za-z0-9])`).join('|'), 'gi');

/** planlint's own examples of the forms, which its messages may show (docs/format.md). */
const OWN_EXAMPLES = new Set(['A1234BC']);

/**
 * The safety net: anything shaped like a personal identifier in a finished message that is
 * also written in the plan (`text`) is withheld. planlint's own examples of the forms stay.
 */
export function redactMessage(message: string, text: string): string {
  return message.replace(PERSONAL_IN_TEXT, (m) =>
    !OWN_EXAMPLES.has(m) && (text.includes(m) || text.includes(m.toUpperCase()) || text.includes(m.toLowerCase())) ? '(withheld)' : m,
  );
}
