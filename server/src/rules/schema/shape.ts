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
import { isQuotableCode, nearMiss as isNearMiss, quotedIdOr } from '../../engine/privacy.js';
import { knownKeys, knownValues, schemaAt } from '../../engine/schema.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { Fix, Path } from '../../engine/types.js';
import {
  describeNode,
  dict,
  isObj,
  isPlaceholder,
  isScorePath,
  kindOf,
  label,
  orList,
  ordinal,
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

function replaceFix(ctx: RuleContext, path: Path, title: string, source: string, fixAll: boolean): Fix[] {
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
function shown(v: unknown): string {
  if (typeof v === 'string') return isQuotableCode(v) ? `\`${v}\`` : 'text';
  if (typeof v === 'number' || typeof v === 'boolean') return `\`${String(v)}\``;
  return kindOf(v);
}

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
  const where = parent.length === 0 ? 'at the top level of the plan' : `in ${describeNode(ctx.root, parent)}`;
  const fixes: Fix[] = [];
  const keyNode = keys.get(key);
  const r = nodeRange(keyNode);
  // A key may be anything a person typed (a name): it is quoted only as a near miss of a known key.
  const quoted = isNearMiss(key, near);
  const line = ctx.parsed.lines.positionAt(r ? r[0] : ctx.span(d.target, 'key').start).line + 1;
  let message = quoted ? `Unknown key \`${key}\` ${where}` : `An unknown key at line ${line} ${where}`;
  if (near && keys.has(near)) {
    message += ` — did you mean \`${near}\`? That key is already given here: keep one of the two.`;
  } else if (near) {
    message += ` — did you mean \`${near}\`?`;
    if (r && isScalar(keyNode) && !keyNode.tag && (keyNode.type === Scalar.PLAIN || keyNode.type === Scalar.QUOTE_DOUBLE || keyNode.type === Scalar.QUOTE_SINGLE)) {
      // Renaming is a guess: offered as a quick fix only.
      fixes.push({ title: quoted ? `Rename \`${key}\` to \`${near}\`` : `Rename this key to \`${near}\``, edits: [{ start: r[0], end: r[1], newText: scalarSource(near, keyNode) }], fixAll: false });
    }
  } else if (known.length) {
    message += known.length <= 12 ? `. Keys allowed here: ${known.map((k) => `\`${k}\``).join(', ')}.` : '. The plan format lists the keys allowed here (planlint explain schema/shape).';
  } else {
    message += '.';
  }
  // The key itself; a key that is not a plain word (`? [a, b]`) falls back to its mapping.
  ctx.report({ path: d.target, at: 'key', message, fixes, ...(r ? { span: { start: r[0], end: r[1] } } : {}) });
}

const ID_PREFIX: Record<string, string> = dict({ outcomes: 'OUT', objectives: 'OBJ', actions: 'ACT' });

const MISSING_HINT: Record<string, string> = dict({
  id: 'give it an id that is unique in the plan so that other items can refer to it',
  date: 'add the date (YYYY-MM-DD)',
  type: 'add its type',
  area: 'say which need area it is',
});

function missingKey(ctx: RuleContext, d: Defect): void {
  const parent = d.target.slice(0, -1);
  const key = String(d.target[d.target.length - 1]);
  if (parent.length === 0 && key === 'sentence_plan') {
    const fixes: Fix[] = [];
    const doc = ctx.doc?.contents as Node | null | undefined;
    const r = nodeRange(doc);
    if (r && isObj(ctx.root) && ctx.parsed.lines.positionAt(r[0]).character === 0 && !(doc as { flow?: boolean }).flow) {
      fixes.push({ title: 'Add `sentence_plan: 1` at the top', edits: [{ start: r[0], end: r[0], newText: `sentence_plan: 1${ctx.parsed.eol}` }], fixAll: false });
    }
    ctx.report({
      path: [],
      message: 'This plan has no `sentence_plan: 1`: add it as the first line. It gives the format version and marks the file as a sentence plan.',
      fixes,
    });
    return;
  }
  const what = describeNode(ctx.root, parent);
  const allowed = schemaAt(d.target)?.enum;
  let hint = MISSING_HINT[key] ?? `add \`${key}\``;
  const list = parent[parent.length - 2];
  const index = parent[parent.length - 1];
  if (key === 'id' && typeof list === 'string' && typeof index === 'number' && ID_PREFIX[list]) hint += ` (such as \`${ID_PREFIX[list]}-${index + 1}\`)`;
  if (allowed && key !== 'area') hint += ` (one of ${orList(allowed)})`;
  const subject = what.charAt(0).toUpperCase() + what.slice(1);
  ctx.report({ path: parent, at: 'key', message: `${subject} is missing \`${key}\`: ${hint}.` });
}

function typeMismatch(ctx: RuleContext, d: Defect): void {
  const e = d.error;
  const t = d.target;
  const v = e.data;
  const expected = ([] as string[]).concat((e.params as { type: string | string[] }).type);
  const name = t.length === 0 ? 'The plan' : label(ctx.root, t);
  const want = orList(expected.map(typeWords));
  const fixes: Fix[] = [];
  let message: string;
  if (t.length === 0) {
    message =
      v === null || v === undefined
        ? 'This file is empty: a sentence plan is a YAML mapping that starts with `sentence_plan: 1`.'
        : `A sentence plan is a YAML mapping of keys to values (\`sentence_plan: 1\`, \`person:\`, \`objectives:\` …), but this file's top level is ${kindOf(v)}.`;
    ctx.report({ path: [], message });
    return;
  }
  if (v === null) {
    message = `${name} has no value: give ${want}, or remove the key.`;
  } else {
    message = `${name} should be ${want}, not ${kindOf(v)}.`;
    if (typeof v === 'string' && (expected.includes('number') || expected.includes('integer'))) {
      const n = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(v) ? Number(v) : NaN;
      if (Number.isFinite(n) && (expected.includes('number') || Number.isInteger(n))) {
        message += ' Remove the quotes.';
        fixes.push(...replaceFix(ctx, t, `Write ${String(n)} as a number`, String(n), true));
      } else if (expected.includes('integer') && typeof v === 'string') {
        message += ' Write digits only (for example `12`).';
      }
    } else if (typeof v === 'number' && expected.includes('integer') && !expected.includes('number')) {
      message = `${name} should be a whole number, not ${String(v)}.`;
    } else if (typeof v === 'string' && expected.includes('boolean')) {
      const s = v.trim().toLowerCase();
      if (s === 'true' || s === 'false') {
        message += ' Remove the quotes.';
        fixes.push(...replaceFix(ctx, t, `Write \`${s}\` without quotes`, s, true));
      } else if (['yes', 'no', 'y', 'n', 'on', 'off'].includes(s)) {
        const b = ['yes', 'y', 'on'].includes(s) ? 'true' : 'false';
        message += ` YAML 1.2 reads \`${truncate(v, 5)}\` as text: write \`${b}\`.`;
        fixes.push(...replaceFix(ctx, t, `Change to \`${b}\``, b, false));
      }
    } else if (expected.includes('array') && (typeof v === 'string' || typeof v === 'number') && schemaAt(t)?.items) {
      message += ` Write it as a list, e.g. \`[${typeof v === 'string' ? quotedIdOr(v, '…').replace(/`/g, '') : v}]\`.`;
      const item = typeof v === 'string' ? scalarSource(v) : String(v);
      fixes.push(...replaceFix(ctx, t, 'Make it a one-item list', `[${item}]`, true));
    }
  }
  ctx.report({ path: t, at: 'value', message, fixes });
}

function enumMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const v = d.error.data;
  const allowed = (d.error.params as { allowedValues?: unknown[] }).allowedValues ?? schemaAt(t)?.enum ?? [];
  const title = schemaAt(t)?.title ?? `value for ${label(ctx.root, t)}`;
  const list = allowed.length <= 12 ? `use one of ${allowed.join(', ')}` : 'the plan format lists the allowed values';
  const fixes: Fix[] = [];
  let suggestion = '';
  const certain = certainEnumMatch(v, allowed);
  if (certain !== undefined) {
    fixes.push(...replaceFix(ctx, t, `Change to \`${String(certain)}\``, valueSource(ctx, t, certain), true));
  } else if (typeof v === 'string') {
    const guess = nearest(v, allowed.map(String));
    const value = allowed.find((a) => String(a) === guess);
    if (guess !== undefined && value !== undefined) {
      suggestion = ` Did you mean \`${guess}\`?`;
      // A spelling guess: offered as a quick fix only.
      fixes.push(...replaceFix(ctx, t, `Change to \`${guess}\``, valueSource(ctx, t, value), false));
    }
  }
  if (v === null || v === undefined) {
    ctx.report({ path: t, at: 'value', message: `${label(ctx.root, t)} has no value: ${list}.`, fixes });
    return;
  }
  // Text far from every allowed value may be anything (a staff member's name written as the
  // plan owner): only a near miss, which is close to a code, is quoted back.
  const nearMiss = typeof v !== 'string' || (isQuotableCode(v) && (certain !== undefined || suggestion !== ''));
  const subject = nearMiss ? shown(v) : `The value of ${label(ctx.root, t)}`;
  ctx.report({ path: t, at: 'value', message: `${subject} is not a valid ${title}: ${list}.${suggestion}`, fixes });
}

function constMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const want = d.error.params && (d.error.params as { allowedValue?: unknown }).allowedValue;
  const v = d.error.data;
  const fixes: Fix[] = [];
  if (v !== undefined && v !== null && String(v).trim() === String(want)) fixes.push(...replaceFix(ctx, t, `Write ${String(want)} as a number`, String(want), true));
  const msg =
    t.length === 1 && t[0] === 'sentence_plan'
      ? `\`sentence_plan\` must be ${String(want)}, the format version (it is ${shown(v)}). Write \`sentence_plan: ${String(want)}\`.`
      : `${label(ctx.root, t)} must be ${String(want)}.`;
  ctx.report({ path: t, at: 'value', message: msg, fixes });
}

function formatMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const v = d.error.data;
  const fmt = (d.error.params as { format?: string }).format;
  if (fmt !== 'date' || typeof v !== 'string') {
    ctx.report({ path: t, at: 'value', message: `${label(ctx.root, t)} is not a valid ${fmt ?? 'value'}.` });
    return;
  }
  const name = label(ctx.root, t);
  // Only something date-like is quoted back; free text in a date field may say anything.
  const subject = isPersonal(t) || !/^[\d\s/.:T+-]{1,30}$/.test(v) ? name : `\`${v}\``;
  const fixes: Fix[] = [];
  let message: string;
  const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v.trim());
  const padded = loose ? `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}` : undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    message = `${subject} is not a calendar date (YYYY-MM-DD): that day does not exist. Check ${name}.`;
  } else if (padded && isValidDate(padded)) {
    message = isPersonal(t)
      ? `${subject} should be written YYYY-MM-DD, with a two-digit month and day.`
      : `${subject} should be written YYYY-MM-DD, with a two-digit month and day: \`${padded}\`.`;
    fixes.push(...replaceFix(ctx, t, isPersonal(t) ? 'Pad the month and day to two digits' : `Write \`${padded}\``, padded, true));
  } else if (/^\d{4}-\d{2}-\d{2}[T ]/.test(v)) {
    message = `${subject} has a time as well as a date: ${name} is a calendar date only (YYYY-MM-DD).`;
    const day = v.slice(0, 10);
    if (isValidDate(day)) fixes.push(...replaceFix(ctx, t, isPersonal(t) ? 'Keep the date only' : `Write \`${day}\``, day, false));
  } else {
    message = `${subject} is not a calendar date: write ${name} as YYYY-MM-DD (for example 2025-03-05).`;
  }
  ctx.report({ path: t, at: 'value', message, fixes });
}

function patternMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const v = d.error.data;
  const last = t[t.length - 1];
  const fixes: Fix[] = [];
  if (last === 'prison_number') {
    let message = '`prison_number` is not in the form A1234BC (one letter, four digits, two letters).';
    if (typeof v === 'string' && /^[A-Z][0-9]{4}[A-Z]{2}$/.test(v.trim().toUpperCase())) {
      message += ' Use capital letters with no spaces.';
      fixes.push(...replaceFix(ctx, t, 'Use capital letters, no spaces', ctx.edit.scalar(v.trim().toUpperCase(), t), true));
    }
    ctx.report({ path: t, at: 'value', message, fixes });
    return;
  }
  const isId = schemaAt(t)?.pattern === '^[A-Za-z0-9][A-Za-z0-9_.-]*$';
  if (isId && typeof v === 'string') {
    const fixed = v.trim().replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    const what =
      typeof last === 'number' && t.length >= 2
        ? `the ${ordinal(last + 1)} entry of \`${String(t[t.length - 2])}\`${t.length > 2 ? ` in ${describeNode(ctx.root, t.slice(0, -2))}` : ''}`
        : `the id of ${t.length > 1 ? describeNode(ctx.root, t.slice(0, -1)) : 'this item'}`;
    const message = `${what[0].toUpperCase()}${what.slice(1)} is not a valid id: ids use letters, digits, \`-\`, \`_\` and \`.\`, with no spaces (such as \`OBJ-1\`).`;
    if (fixed && fixed !== v) fixes.push(...replaceFix(ctx, t, `Change to ${quotedIdOr(fixed, 'an id without spaces')}`, ctx.edit.scalar(fixed, t), false));
    ctx.report({ path: t, at: 'value', message, fixes });
    return;
  }
  ctx.report({ path: t, at: 'value', message: `${label(ctx.root, t)} is not in the form the plan format gives.` });
}

function rangeMismatch(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const s = schemaAt(t);
  const name = label(ctx.root, t);
  const title = s?.title ? ` (${s.title})` : '';
  const span =
    s?.minimum !== undefined && s?.maximum !== undefined
      ? `from ${s.minimum} to ${s.maximum}`
      : s?.minimum !== undefined
        ? `${s.minimum} or more`
        : s?.maximum !== undefined
          ? `${s.maximum} or less`
          : 'in range';
  const extra = t[t.length - 1] === 'priority' ? ' (1 is the highest priority)' : '';
  ctx.report({ path: t, at: 'value', message: `${name}${title} must be ${span}${extra}; it is ${shown(d.error.data)}.` });
}

function other(ctx: RuleContext, d: Defect): void {
  const t = d.target;
  const kw = d.error.keyword;
  const name = t.length ? label(ctx.root, t) : 'The plan';
  const message =
    kw === 'maxLength'
      ? `${name} is too long (at most ${(d.error.params as { limit: number }).limit} characters).`
      : `${name} does not match the plan format (${kw}).`;
  ctx.report({ path: t, at: 'value', message });
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
    const fixes = guess !== undefined ? replaceFix(ctx, t, `Change to \`${guess}\``, valueSource(ctx, t, guess), certain !== undefined) : [];
    const subject = guess !== undefined ? shown(v) : 'This requirement';
    ctx.report({
      path: t,
      at: 'value',
      severity: 'warning',
      message:
        `${subject} is not one of the requirements planlint knows${guess !== undefined ? `: did you mean \`${guess}\`?` : '.'} ` +
        'The list is open (courts\' requirement lists change), so an unknown value is kept; check the spelling, and see docs/format.md for the known values.',
      fixes,
    });
  });
}

export const shape: Rule = {
  meta: {
    id: 'schema/shape',
    severity: 'error',
    policy: 'Plan format',
    description: 'The plan has the shape of the format: known keys, right types, required ids, allowed values, real dates.',
    fixable: 'fix-all',
    inTemplates: true,
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
