// schema/shape: the plan JSON Schema holds. Ajv's errors become one plain-English finding
// per defect, on the exact key or value, with a fix where the right value is clear.
// Left to other rules: out-of-range or percentage scores (schema/score-range), and keys
// whose absence a policy rule reports (one defect, one finding).

import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, Scalar, type Node } from 'yaml';
import planSchema from '../../../../schemas/sentence-plan.schema.json';
import { compiled } from '../../engine/ajv.js';
import { nearest } from '../../engine/config.js';
import { isValidDate } from '../../engine/dates.js';
import { scalarSource } from '../../engine/edits.js';
import { nodeRange } from '../../engine/locate.js';
import { msg, type MessageValue, type Msg } from '../../engine/messages.js';
import { isQuotableCode, isQuotableId, nearMiss as isNearMiss, quotedIdOr } from '../../engine/privacy.js';
import { knownKeys, knownValues, schemaAt } from '../../engine/schema.js';
import { schemaTitleMsg } from '../../engine/schemaText.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { FixSpec, Path } from '../../engine/types.js';
import {
  commaList,
  describeNode,
  dict,
  isObj,
  isPlaceholder,
  isScorePath,
  kindOf,
  label,
  orList,
  ordinal,
  SCHEMA_WORDS,
  scoreProblem,
  truncate,
  typeWords,
} from './support.js';

/** Ajv's keywords that only combine others: their errors are noise here. */
const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else', 'false schema']);

/** Lower rank wins when several errors concern the same value. */
const RANK: Record<string, number> = dict({ const: 1, enum: 1, type: 2, format: 3, pattern: 3, maxLength: 3, minLength: 3, minimum: 4, maximum: 4 });

interface Defect {
  /** The key or value the finding is about (for missing keys: the key that is missing). */
  target: Path;
  error: ErrorObject;
}

function decodePointer(p: string): Path {
  if (!p) return [];
  return p
    .split('/')
    .slice(1)
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

const sameObjectivePath = (t: Path, key: string): boolean => t.length === 3 && t[0] === 'objectives' && typeof t[1] === 'number' && t[2] === key;

/**
 * Keys whose absence a policy rule reports. A key written with no value (`outcomes:`)
 * reads as absent, so the policy rule's finding is the only one.
 */
function absenceReportedElsewhere(t: Path): boolean {
  if (t.length === 1) return ['outcomes', 'engagement', 'risk_management_plan'].includes(String(t[0]));
  if (t.length === 2 && t[0] === 'team' && t[1] === 'plan_owner') return true;
  return sameObjectivePath(t, 'target_date') || sameObjectivePath(t, 'measure');
}

const isRequiredKey = (t: Path): boolean => {
  const last = t[t.length - 1];
  return typeof last === 'string' && (schemaAt(t.slice(0, -1))?.required ?? []).includes(last);
};

/** The defects worth a finding, one per target path, most specific first. */
function defects(ctx: RuleContext, errors: readonly ErrorObject[]): Defect[] {
  const byTarget = new Map<string, Defect>();
  for (const e of errors) {
    if (COMBINATORS.has(e.keyword)) continue;
    const at = decodePointer(e.instancePath);
    let target = at;
    if (e.keyword === 'additionalProperties') target = [...at, String((e.params as { additionalProperty: string }).additionalProperty)];
    else if (e.keyword === 'required') target = [...at, String((e.params as { missingProperty: string }).missingProperty)];
    else {
      // schema/score-range reports these scores.
      if (isScorePath(target) && scoreProblem(e.data) !== undefined) continue;
      // In a template a placeholder stands for any value; in a plan, template/placeholder-in-plan reports it.
      if (isPlaceholder(e.data)) continue;
      // `key:` with no value reads as "not given" for optional keys.
      if (e.data === null && target.length > 0 && typeof target[target.length - 1] === 'string' && !isRequiredKey(target)) continue;
      if (e.data === null && absenceReportedElsewhere(target)) continue;
    }
    const k = JSON.stringify(target);
    const prev = byTarget.get(k);
    if (!prev || (RANK[e.keyword] ?? 9) < (RANK[prev.error.keyword] ?? 9)) byTarget.set(k, { target, error: e });
  }
  return [...byTarget.values()];
}

// ---------------------------------------------------------------------------
// Enum near misses.

const normal = (s: string): string => s.trim().toLowerCase().replace(/[\s-]+/g, '_');
const squash = (s: string): string => normal(s).replace(/_/g, '');

/** The allowed value a near miss certainly means (`High`, `very high`, `veryhigh`, `Very-High`), if exactly one. */
export function certainEnumMatch(v: unknown, allowed: readonly unknown[]): unknown {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v);
  const exact = allowed.filter((a) => normal(String(a)) === normal(s));
  if (exact.length === 1) return exact[0];
  const loose = allowed.filter((a) => squash(String(a)) === squash(s));
  return loose.length === 1 ? loose[0] : undefined;
}

function replaceFix(ctx: RuleContext, path: Path, title: Msg, source: string, fixAll: boolean): FixSpec[] {
  const edit = ctx.edit.replaceValue(path, source);
  return edit ? [{ title, edits: [edit], fixAll }] : [];
}

/** Source for a new value keeping the quoting of the node it replaces (numbers, booleans plain). */
function valueSource(ctx: RuleContext, path: Path, v: unknown): string {
  if (typeof v === 'string') return ctx.edit.scalar(v, path);
  return String(v);
}

// ---------------------------------------------------------------------------
// Messages, by keyword.

const PERSONAL = new Set(['name', 'prison_number', 'date_of_birth', 'views', 'description', 'summary', 'contingency', 'reason', 'detail', 'outside_control', 'measure']);
const isPersonal = (t: Path): boolean => t.length > 0 && PERSONAL.has(String(t[t.length - 1]));

/** A short, safe rendering of a value for a message. */
function shown(v: unknown): Msg {
  if (typeof v === 'string') return isQuotableCode(v) ? msg('wordCode', { code: v }) : msg('wordKind', { kind: 'text' });
  if (typeof v === 'number' || typeof v === 'boolean') return msg('wordCode', { code: String(v) });
  return kindOf(v);
}

const codes = (vs: readonly unknown[]): Msg[] => vs.map((v) => msg('wordCode', { code: String(v) }));

/** The key nodes of one mapping, by key, built once however many unknown keys it has. */
type KeyIndex = Map<string, Node>;

function keyIndex(ctx: RuleContext, cache: Map<string, KeyIndex>, parent: Path): KeyIndex {
  const k = JSON.stringify(parent);
  let idx = cache.get(k);
  if (!idx) {
    idx = new Map();
    const loc = ctx.locate(parent);
    if (loc.found && isMap(loc.node)) {
      for (const item of loc.node.items) {
        if (!isPair(item) || !isScalar(item.key) || item.key.value === null) continue;
        const name = String(item.key.value);
        if (!idx.has(name)) idx.set(name, item.key as Node);
      }
    }
    cache.set(k, idx);
  }
  return idx;
}

function unknownKey(ctx: RuleContext, d: Defect, cache: Map<string, KeyIndex>): void {
  const parent = d.target.slice(0, -1);
  const key = String(d.target[d.target.length - 1]);
  const known = knownKeys(parent);
  const keys = keyIndex(ctx, cache, parent);
  const near = nearest(key, known.filter((k) => k !== key));
  const where = parent.length === 0 ? msg('whereTop') : msg('whereIn', { node: describeNode(ctx.root, parent) });
  const fixes: FixSpec[] = [];
  const keyNode = keys.get(key);
  const r = nodeRange(keyNode);
  // A key may be anything a person typed (a name): it is quoted only as a near miss of a known key.
  const quoted = isNearMiss(key, near);
  const line = ctx.parsed.lines.positionAt(r ? r[0] : ctx.span(d.target, 'key').start).line + 1;
  let tail: string;
  if (near && keys.has(near)) {
    tail = 'given';
  } else if (near) {
    tail = 'near';
    if (r && isScalar(keyNode) && !keyNode.tag && (keyNode.type === Scalar.PLAIN || keyNode.type === Scalar.QUOTE_DOUBLE || keyNode.type === Scalar.QUOTE_SINGLE)) {
      // Renaming is a guess: offered as a quick fix only.
      fixes.push({
        title: quoted ? msg('fixRenameKey', { key, near }) : msg('fixRenameThisKey', { near }),
        edits: [{ start: r[0], end: r[1], newText: scalarSource(near, keyNode) }],
        fixAll: false,
      });
    }
  } else if (known.length) {
    tail = known.length <= 12 ? 'list' : 'many';
  } else {
    tail = 'none';
  }
  const data = { where, tail, ...(near ? { near } : {}), ...(tail === 'list' ? { keys: commaList(codes(known)) } : {}) };
  // The key itself; a key that is not a plain word (`? [a, b]`) falls back to its mapping.
  ctx.report({
    path: d.target,
    at: 'key',
    messageId: quoted ? 'unknownKey' : 'unknownKeyAt',
    data: quoted ? { key, ...data } : { line, ...data },
    fixes,
    ...(r ? { span: { start: r[0], end: r[1] } } : {}),
  });
}

const ID_PREFIX: Record<string, string> = dict({ outcomes: 'OUT', objectives: 'OBJ', actions: 'ACT' });

function missingKey(ctx: RuleContext, d: Defect): void {
  const parent = d.target.slice(0, -1);
  const key = String(d.target[d.target.length - 1]);
  if (parent.length === 0 && key === 'sentence_plan') {
    const fixes: FixSpec[] = [];
    const doc = ctx.doc?.contents as Node | null | undefined;
    const r = nodeRange(doc);
    if (r && isObj(ctx.root) && ctx.parsed.lines.positionAt(r[0]).character === 0 && !(doc as { flow?: boolean }).flow) {
      fixes.push({ title: msg('fixAddVersion'), edits: [{ start: r[0], end: r[0], newText: `sentence_plan: 1${ctx.parsed.eol}` }], fixAll: false });
    }
    ctx.report({ path: [], messageId: 'noVersion', fixes });
    return;
  }
  const allowed = schemaAt(d.target)?.enum;
  const list = parent[parent.length - 2];
  const index = parent[parent.length - 1];
  const example =
    key === 'id' && typeof list === 'string' && typeof index === 'number' && ID_PREFIX[list] ? msg('hintSuchAs', { id: `${ID_PREFIX[list]}-${index + 1}` }) : msg('wordNothing');
  const oneOf = allowed && key !== 'area' ? msg('hintOneOf', { values: orList(allowed.map(String)) }) : msg('wordNothing');
  ctx.report({ path: parent, at: 'key', messageId: 'missing', data: { subject: describeNode(ctx.root, parent, true), key, example, oneOf } });
}

function typeMismatch(ctx: RuleContext, d: Defect): void {
  const e = d.error;
  const t = d.target;
  const v = e.data;
  const expected = ([] as string[]).concat((e.params as { type: string | string[] }).type);
  if (t.length === 0) {
    if (v === null || v === undefined) ctx.report({ path: [], messageId: 'emptyFile' });
    else ctx.report({ path: [], messageId: 'notMapping', data: { kind: kindOf(v) } });
    return;
  }
  const name = label(ctx.root, t);
  const want = orList(expected.map(typeWords));
  const fixes: FixSpec[] = [];
  if (v === null) {
    ctx.report({ path: t, at: 'value', messageId: 'noValue', data: { name, want } });
    return;
  }
  let messageId = 'wrongType';
  const data: Record<string, MessageValue> = { name, want, kind: kindOf(v), tail: 'none' };
  if (typeof v === 'string' && (expected.includes('number') || expected.includes('integer'))) {
    const n = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(n) && (expected.includes('number') || Number.isInteger(n))) {
      data.tail = 'unquote';
      fixes.push(...replaceFix(ctx, t, msg('fixNumber', { value: String(n) }), String(n), true));
    } else if (expected.includes('integer') && typeof v === 'string') {
      data.tail = 'digits';
    }
  } else if (typeof v === 'number' && expected.includes('integer') && !expected.includes('number')) {
    messageId = 'notWhole';
    data.value = String(v);
  } else if (typeof v === 'string' && expected.includes('boolean')) {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === 'false') {
      data.tail = 'unquote';
      fixes.push(...replaceFix(ctx, t, msg('fixUnquote', { value: s }), s, true));
    } else if (['yes', 'no', 'y', 'n', 'on', 'off'].includes(s)) {
      const b = ['yes', 'y', 'on'].includes(s) ? 'true' : 'false';
      data.tail = 'yaml11';
      data.text = truncate(v, 5);
      data.value = b;
      fixes.push(...replaceFix(ctx, t, msg('fixChange', { value: b }), b, false));
    }
  } else if (expected.includes('array') && (typeof v === 'string' || typeof v === 'number') && schemaAt(t)?.items) {
    data.tail = 'list';
    data.item = typeof v === 'string' ? quotedIdOr(v, '…').replace(/`/g, '') : String(v);
    const item = typeof v === 'string' ? scalarSource(v) : String(v);
    fixes.push(...replaceFix(ctx, t, msg('fixList'), `[${item}]`, true));
  }
  ctx.report({ path: t, at: 'value', messageId, data, fixes });
}

function enumMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const v = d.error.data;
  const allowed = (d.error.params as { allowedValues?: unknown[] }).allowedValues ?? schemaAt(t)?.enum ?? [];
  const title: MessageValue = schemaTitleMsg(schemaAt(t)) ?? msg('valueFor', { name: label(ctx.root, t) });
  const list = allowed.length <= 12 ? msg('useOneOf', { values: commaList(allowed.map(String)) }) : msg('formatLists');
  const fixes: FixSpec[] = [];
  let suggestion: Msg = msg('wordNothing');
  const certain = certainEnumMatch(v, allowed);
  if (certain !== undefined) {
    fixes.push(...replaceFix(ctx, t, msg('fixChange', { value: String(certain) }), valueSource(ctx, t, certain), true));
  } else if (typeof v === 'string') {
    const guess = nearest(v, allowed.map(String));
    const value = allowed.find((a) => String(a) === guess);
    if (guess !== undefined && value !== undefined) {
      suggestion = msg('didYouMean', { guess });
      // A spelling guess: offered as a quick fix only.
      fixes.push(...replaceFix(ctx, t, msg('fixChange', { value: guess }), valueSource(ctx, t, value), false));
    }
  }
  if (v === null || v === undefined) {
    ctx.report({ path: t, at: 'value', messageId: 'enumNoValue', data: { name: label(ctx.root, t), list }, fixes });
    return;
  }
  // Text far from every allowed value may be anything (a staff member's name written as the
  // plan owner): only a near miss, which is close to a code, is quoted back.
  const nearMiss = typeof v !== 'string' || (isQuotableCode(v) && (certain !== undefined || suggestion.id !== 'wordNothing'));
  const subject = nearMiss ? shown(v) : msg('valueOf', { name: label(ctx.root, t) });
  ctx.report({ path: t, at: 'value', messageId: 'notAllowed', data: { subject, title, list, suggestion }, fixes });
}

function constMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const want = String(d.error.params && (d.error.params as { allowedValue?: unknown }).allowedValue);
  const v = d.error.data;
  const fixes: FixSpec[] = [];
  if (v !== undefined && v !== null && String(v).trim() === want) fixes.push(...replaceFix(ctx, t, msg('fixNumber', { value: want }), want, true));
  if (t.length === 1 && t[0] === 'sentence_plan') ctx.report({ path: t, at: 'value', messageId: 'badVersion', data: { want, shown: shown(v) }, fixes });
  else ctx.report({ path: t, at: 'value', messageId: 'mustBe', data: { name: label(ctx.root, t), want }, fixes });
}

function formatMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const v = d.error.data;
  const fmt = (d.error.params as { format?: string }).format;
  if (fmt !== 'date' || typeof v !== 'string') {
    ctx.report({ path: t, at: 'value', messageId: 'badFormat', data: { name: label(ctx.root, t), format: fmt ?? 'none' } });
    return;
  }
  const name = label(ctx.root, t);
  // Only something date-like is quoted back; free text in a date field may say anything.
  const subject = isPersonal(t) || !/^[\d\s/.:T+-]{1,30}$/.test(v) ? name : msg('wordCode', { code: v });
  const fixes: FixSpec[] = [];
  let messageId: string;
  const data: Record<string, MessageValue> = { subject, name };
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
  const padded = loose ? `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}` : undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    messageId = 'noSuchDay';
  } else if (padded && isValidDate(padded)) {
    messageId = isPersonal(t) ? 'padPrivate' : 'pad';
    if (!isPersonal(t)) data.date = padded;
    fixes.push(...replaceFix(ctx, t, isPersonal(t) ? msg('fixPad') : msg('fixWrite', { value: padded }), padded, true));
  } else if (/^\d{4}-\d{2}-\d{2}[T ]/.test(v)) {
    messageId = 'hasTime';
    const day = v.slice(0, 10);
    if (isValidDate(day)) fixes.push(...replaceFix(ctx, t, isPersonal(t) ? msg('fixDateOnly') : msg('fixWrite', { value: day }), day, false));
  } else {
    messageId = 'notDate';
  }
  ctx.report({ path: t, at: 'value', messageId, data, fixes });
}

function patternMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const v = d.error.data;
  const last = t[t.length - 1];
  const fixes: FixSpec[] = [];
  if (last === 'prison_number') {
    const fixable = typeof v === 'string' && /^[A-Z][0-9]{4}[A-Z]{2}$/.test(v.trim().toUpperCase());
    if (fixable) fixes.push(...replaceFix(ctx, t, msg('fixCapitals'), ctx.edit.scalar(v.trim().toUpperCase(), t), true));
    ctx.report({ path: t, at: 'value', messageId: fixable ? 'prisonNumberCase' : 'prisonNumber', fixes });
    return;
  }
  const isId = schemaAt(t)?.pattern === '^[A-Za-z0-9][A-Za-z0-9_.-]*$';
  if (isId && typeof v === 'string') {
    const fixed = v.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    const what =
      typeof last === 'number' && t.length >= 2
        ? msg('idEntry', { ord: ordinal(last + 1), list: String(t[t.length - 2]), in: t.length > 2 ? msg('inNode', { node: describeNode(ctx.root, t.slice(0, -2)) }) : msg('wordNothing') })
        : msg('idOf', { node: t.length > 1 ? describeNode(ctx.root, t.slice(0, -1)) : msg('thisItem') });
    if (fixed && fixed !== v)
      fixes.push(...replaceFix(ctx, t, isQuotableId(fixed) ? msg('fixChange', { value: fixed }) : msg('fixIdNoSpaces'), ctx.edit.scalar(fixed, t), false));
    ctx.report({ path: t, at: 'value', messageId: 'badId', data: { what }, fixes });
    return;
  }
  ctx.report({ path: t, at: 'value', messageId: 'badPattern', data: { name: label(ctx.root, t) } });
}

function rangeMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const s = schemaAt(t);
  const bounds = s?.minimum !== undefined && s?.maximum !== undefined ? 'both' : s?.minimum !== undefined ? 'min' : s?.maximum !== undefined ? 'max' : 'none';
  ctx.report({
    path: t,
    at: 'value',
    messageId: 'range',
    data: {
      name: label(ctx.root, t),
      title: s?.title ? msg('titleAside', { title: schemaTitleMsg(s) ?? s.title }) : msg('wordNothing'),
      bounds,
      ...(s?.minimum !== undefined ? { min: s.minimum } : {}),
      ...(s?.maximum !== undefined ? { max: s.maximum } : {}),
      priority: t[t.length - 1] === 'priority' ? 'yes' : 'no',
      shown: shown(d.error.data),
    },
  });
}

function other(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const kw = d.error.keyword;
  const name = t.length ? label(ctx.root, t) : msg('wordPlan');
  if (kw === 'maxLength') ctx.report({ path: t, at: 'value', messageId: 'tooLong', data: { name, limit: (d.error.params as { limit: number }).limit } });
  else ctx.report({ path: t, at: 'value', messageId: 'otherKeyword', data: { name, keyword: kw } });
}

/**
 * `sentence.requirements` is an open list (courts' requirement lists change): a value outside the
 * known ones is a warning with a did-you-mean, never an error. Only a near miss is quoted back.
 */
function unknownRequirements(ctx: RuleContext): void {
  const reqs = isObj(ctx.root) && isObj(ctx.root.sentence) ? ctx.root.sentence.requirements : undefined;
  if (!Array.isArray(reqs)) return;
  const known = knownValues(schemaAt(['sentence', 'requirements', 0])).map(String);
  reqs.forEach((v, i) => {
    if (typeof v !== 'string' || v.trim() === '' || isPlaceholder(v) || known.includes(v)) return;
    const t: Path = ['sentence', 'requirements', i];
    const certain = certainEnumMatch(v, known);
    const guess = certain === undefined ? nearest(v, known) : String(certain);
    const fixes = guess !== undefined ? replaceFix(ctx, t, msg('fixChange', { value: guess }), valueSource(ctx, t, guess), certain !== undefined) : [];
    ctx.report({
      path: t,
      at: 'value',
      severity: 'warning',
      ...(guess !== undefined ? { messageId: 'unknownRequirement', data: { subject: shown(v), guess } } : { messageId: 'unknownRequirementAny' }),
      fixes,
    });
  });
}

const REQUIREMENT_OPEN =
  " The list is open (courts' requirement lists change), so an unknown value is kept; check the spelling, and see docs/format.md for the known values.";

/** Every sentence schema/shape can say. */
const MESSAGES: Readonly<Record<string, string>> = {
  ...SCHEMA_WORDS,
  whereTop: 'at the top level of the plan',
  whereIn: 'in {node}',
  inNode: ' in {node}',
  unknownKey: 'Unknown key `{key}` {where}' + UNKNOWN_TAIL(),
  unknownKeyAt: 'An unknown key at line {line} {where}' + UNKNOWN_TAIL(),
  fixRenameKey: 'Rename `{key}` to `{near}`',
  fixRenameThisKey: 'Rename this key to `{near}`',
  noVersion: 'This plan has no `sentence_plan: 1`: add it as the first line. It gives the format version and marks the file as a sentence plan.',
  fixAddVersion: 'Add `sentence_plan: 1` at the top',
  missing:
    '{subject} is missing `{key}`: {key, select, id {give it an id that is unique in the plan so that other items can refer to it} date {add the date (YYYY-MM-DD)} type {add its type} area {say which need area it is} other {add `{key}`}}{example}{oneOf}.',
  hintSuchAs: ' (such as `{id}`)',
  hintOneOf: ' (one of {values})',
  emptyFile: 'This file is empty: a sentence plan is a YAML mapping that starts with `sentence_plan: 1`.',
  notMapping:
    "A sentence plan is a YAML mapping of keys to values (`sentence_plan: 1`, `person:`, `objectives:` …), but this file's top level is {kind}.",
  noValue: '{name} has no value: give {want}, or remove the key.',
  wrongType:
    '{name} should be {want}, not {kind}.{tail, select, unquote { Remove the quotes.} digits { Write digits only (for example `12`).} yaml11 { YAML 1.2 reads `{text}` as text: write `{value}`.} list { Write it as a list, e.g. `[{item}]`.} other {}}',
  notWhole: '{name} should be a whole number, not {value}.',
  fixNumber: 'Write {value} as a number',
  fixUnquote: 'Write `{value}` without quotes',
  fixChange: 'Change to `{value}`',
  fixList: 'Make it a one-item list',
  valueFor: 'value for {name}',
  valueOf: 'The value of {name}',
  useOneOf: 'use one of {values}',
  formatLists: 'the plan format lists the allowed values',
  didYouMean: ' Did you mean `{guess}`?',
  enumNoValue: '{name} has no value: {list}.',
  notAllowed: '{subject} is not a valid {title}: {list}.{suggestion}',
  badVersion: '`sentence_plan` must be {want}, the format version (it is {shown}). Write `sentence_plan: {want}`.',
  mustBe: '{name} must be {want}.',
  badFormat: '{name} is not a valid {format, select, none {value} other {{format}}}.',
  noSuchDay: '{subject} is not a calendar date (YYYY-MM-DD): that day does not exist. Check {name}.',
  pad: '{subject} should be written YYYY-MM-DD, with a two-digit month and day: `{date}`.',
  padPrivate: '{subject} should be written YYYY-MM-DD, with a two-digit month and day.',
  fixPad: 'Pad the month and day to two digits',
  fixWrite: 'Write `{value}`',
  hasTime: '{subject} has a time as well as a date: {name} is a calendar date only (YYYY-MM-DD).',
  fixDateOnly: 'Keep the date only',
  notDate: '{subject} is not a calendar date: write {name} as YYYY-MM-DD (for example 2025-03-05).',
  prisonNumber: '`prison_number` is not in the form A1234BC (one letter, four digits, two letters).',
  prisonNumberCase: '`prison_number` is not in the form A1234BC (one letter, four digits, two letters). Use capital letters with no spaces.',
  fixCapitals: 'Use capital letters, no spaces',
  idEntry: 'The {ord} entry of `{list}`{in}',
  idOf: 'The id of {node}',
  thisItem: 'this item',
  badId: '{what} is not a valid id: ids use letters, digits, `-`, `_` and `.`, with no spaces (such as `OBJ-1`).',
  fixIdNoSpaces: 'Change to an id without spaces',
  badPattern: '{name} is not in the form the plan format gives.',
  titleAside: ' ({title})',
  range:
    '{name}{title} must be {bounds, select, both {from {min} to {max}} min {{min} or more} max {{max} or less} other {in range}}{priority, select, yes { (1 is the highest priority)} other {}}; it is {shown}.',
  tooLong: '{name} is too long (at most {limit} characters).',
  otherKeyword: '{name} does not match the plan format ({keyword}).',
  unknownRequirement: '{subject} is not one of the requirements planlint knows: did you mean `{guess}`?' + REQUIREMENT_OPEN,
  unknownRequirementAny: 'This requirement is not one of the requirements planlint knows.' + REQUIREMENT_OPEN,
};

function UNKNOWN_TAIL(): string {
  return (
    '{tail, select, given { — did you mean `{near}`? That key is already given here: keep one of the two.} near { — did you mean `{near}`?}' +
    ' list {. Keys allowed here: {keys}.} many {. The plan format lists the keys allowed here (planlint explain schema/shape).} other {.}}'
  );
}

export const shape: Rule = {
  meta: {
    id: 'schema/shape',
    severity: 'error',
    policy: 'Plan format',
    description: 'The plan has the shape of the format: known keys, right types, required ids, allowed values, real dates.',
    fixable: 'fix-all',
    inTemplates: true,
    messages: MESSAGES,
    docs: {
      rationale:
        'planlint and the people reading a plan rely on the same field names and values, set out in the plan format and its JSON Schema ' +
        '(`schemas/sentence-plan.schema.json`). A misspelt key is ignored by every other rule, so a risk level written `High` or a ' +
        'target date under `targt_date` would silently go unchecked. This rule reports, once per defect and on the exact key or value:\n\n' +
        '- unknown keys, with a "did you mean" and a quick fix to rename a near miss;\n' +
        '- values of the wrong type (text where a number belongs, a single value where a list belongs);\n' +
        '- missing required keys (`sentence_plan`, ids of outcomes, objectives and actions, the date and type of reviews and events, the area of a need);\n' +
        '- values outside an enumeration: a near miss in case, spacing or underscores (`High`, `very high`, `Very-High`) is fixed automatically; a likely misspelling gets a quick fix;\n' +
        '- dates that are not real `YYYY-MM-DD` calendar dates;\n' +
        '- free text over 4,000 characters (`description`, `measure`, `summary`, `contingency`, `views`, `reason`, `outside_control`, `detail`), the limit of the government\'s Sentence Plan service.\n\n' +
        '`sentence.requirements` is an open list: a value planlint does not know is a **warning** with a did-you-mean, never an error, because courts\' requirement lists change. ' +
        'A key written with no value reads as not given. Keys whose absence a policy rule reports (outcomes, the plan owner, an objective\'s target date and measure, ' +
        'engagement, the risk management plan) are left to those rules, and 0..1 scores out of range to `schema/score-range`. ' +
        'In a template, a `${placeholder}` stands for any value.',
      bad: 'assessment:\n  rosh:\n    overall: High\nteam:\n  key_workr: Wing B',
      good: 'assessment:\n  rosh:\n    overall: high\nteam:\n  key_worker: Wing B',
    },
  },
  check(ctx) {
    const root = ctx.root;
    // An unreadable document (alias limit) or a stream with only syntax errors: yaml-syntax said it.
    if ((root === null || root === undefined) && ctx.parsed.problems.length) return;
    unknownRequirements(ctx);
    const validate = compiled(planSchema as { $id: string });
    if (validate(root ?? null)) return;
    const keyCache = new Map<string, KeyIndex>();
    for (const d of defects(ctx, validate.errors ?? [])) {
      switch (d.error.keyword) {
        case 'additionalProperties':
          unknownKey(ctx, d, keyCache);
          break;
        case 'required':
          missingKey(ctx, d);
          break;
        case 'type':
          typeMismatch(ctx, d);
          break;
        case 'enum':
          enumMismatch(ctx, d);
          break;
        case 'const':
          constMismatch(ctx, d);
          break;
        case 'format':
          formatMismatch(ctx, d);
          break;
        case 'pattern':
          patternMismatch(ctx, d);
          break;
        case 'minimum':
        case 'maximum':
        case 'exclusiveMinimum':
        case 'exclusiveMaximum':
          rangeMismatch(ctx, d);
          break;
        default:
          other(ctx, d);
      }
    }
  },
};
