// Local checks: rules that policy teams write as data in `.planlintrc.yaml` (`checks:`).
// A check is compiled once from configuration (with located problems) into plain data, which
// is cloneable (worker threads get it with the rest of the config), and each lint turns it
// into an ordinary Rule (meta + check), so suppression comments, severity settings, every
// report format and the language server treat it like a built-in rule.
//
// The predicate language is small and total: all/any/not; tests on a dotted plan path
// (equals, in, exists, missing, matches, gt/gte/lt/lte, before/after, within … of …);
// some/every/count over lists with a `where` read relative to each item. Everything is
// bounded (nesting depth, list sizes, pattern lengths, and a step budget per check and plan),
// patterns are anchored globs matched without backtracking regular expressions, and
// evaluation never throws: a value of the wrong type simply makes a test false.

import type { Rule, RuleContext } from '../engine/rule.js';
import { addDays, addMonths, addWeeks, addYears, isValidDate } from '../engine/dates.js';
import { enumOf, schemaAt } from '../engine/schema.js';
import type { Path, Severity } from '../engine/types.js';
import { cfgMsg } from '../engine/configMessages.js';
import type { MessageValue, Msg } from '../engine/messages.js';

export const CHECK_LIMITS = {
  /** Checks in one configuration. */
  checks: 100,
  /** Nesting depth of predicates (all/any/not/where each add a level). */
  depth: 12,
  /** Predicates in one check, counted over the whole tree. */
  predicates: 300,
  /** Items in an all/any list. */
  listItems: 50,
  /** Values in an `in` list. */
  inValues: 200,
  /** Characters in a scalar used in equals/in. */
  scalarChars: 200,
  /** Characters in a `matches` pattern. */
  patternChars: 100,
  /** Segments in a dotted path, and characters in the whole path. */
  pathSegments: 12,
  pathChars: 200,
  /** Characters in a message, a policy reference, a description. */
  messageChars: 500,
  /** Example files per kind (fails, passes). */
  examples: 50,
  /** Items of a plan list a quantifier looks at (the rest are not read). */
  scanItems: 5_000,
  /** Characters of a plan string `matches` looks at (a longer string does not match). */
  matchChars: 10_000,
  /** Evaluation steps per check and plan; a check that needs more stops with an info finding. */
  steps: 100_000,
} as const;

export const CHECK_ID_RE = /^local\/[a-z0-9][a-z0-9-]{0,62}$/;
const SEGMENT_RE = /^(?:[A-Za-z_][A-Za-z0-9_-]{0,63}|\d{1,6})$/;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

// ---- compiled form (plain data) -------------------------------------------------------------

export interface PathSpec {
  /** `$.a.b`: from the plan's root even inside a `where`. */
  root: boolean;
  segs: (string | number)[];
  text: string;
}
export type Ref = { kind: 'as_of' } | { kind: 'date'; date: string } | { kind: 'path'; path: PathSpec } | { kind: 'offset'; of: Ref; plus: Duration };
export interface Duration {
  days?: number;
  weeks?: number;
  months?: number;
  years?: number;
}
export type Scalar = string | number | boolean | null;
export type TestOp =
  | { op: 'equals'; value: Scalar }
  | { op: 'in'; values: Scalar[] }
  | { op: 'exists' }
  | { op: 'missing' }
  | { op: 'matches'; glob: GlobToken[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { op: 'before' | 'after' | 'on_or_before' | 'on_or_after'; ref: Ref }
  | { op: 'within'; duration: Duration; ref: Ref };
export type GlobToken = { t: 'lit'; s: string } | { t: 'any' } | { t: 'star' };
export interface NumCmp {
  equals?: number;
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}
export type Pred =
  | { op: 'all' | 'any'; of: Pred[] }
  | { op: 'not'; of: Pred }
  | { op: 'test'; path: PathSpec; tests: TestOp[] }
  | { op: 'some' | 'every'; path: PathSpec; where?: Pred }
  | { op: 'count'; path: PathSpec; where?: Pred; cmp: NumCmp };

export interface LocalCheck {
  id: string;
  severity: Severity;
  policy: string;
  description: string;
  message: string;
  each?: PathSpec;
  when?: Pred;
  require: Pred;
  examples: { fails: string[]; passes: string[] };
  /** The check as written (for `planlint explain`): configuration, never plan content. */
  source: unknown;
  /** The policy pack it came from (the resolver's origin: examples are relative to it); unset for the config's own. */
  from?: string;
}

export interface CheckProblem {
  /** Path into the configuration document. */
  path: Path;
  message: Msg;
  /** Point at the key (an unknown key) rather than the value (default). */
  anchor?: 'key';
}

/**
 * Whether a value nests deeper than `max` levels, found without recursion (a hostile
 * configuration can nest thousands deep; a recursive schema validator would overflow the stack).
 */
export function nestsDeeper(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= max) return true;
    // Shared (aliased) values may be reached many times: count the work, not just the depth.
    if (++seen > 1_000_000) return true;
    for (const c of Array.isArray(v) ? v : Object.values(v)) stack.push([c, d + 1]);
  }
  return false;
}

// ---- compiling configuration ------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const isScalar = (v: unknown): v is Scalar => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
/** Configuration text shown back in a message: short, and only safe characters. */
const shownKey = (k: string): MessageValue => (/^[A-Za-z0-9_$-]{1,40}$/.test(k) ? `\`${k}\`` : cfgMsg('thisKey'));

const CHECK_KEYS = ['id', 'severity', 'policy', 'description', 'message', 'each', 'when', 'require', 'examples'];
const TEST_OPS = ['equals', 'in', 'exists', 'missing', 'matches', 'gt', 'gte', 'lt', 'lte', 'before', 'after', 'on_or_before', 'on_or_after', 'within'];
const CMP_OPS = ['equals', 'gt', 'gte', 'lt', 'lte'];
const DURATION_BOUNDS: Record<keyof Duration, number> = { days: 73_000, weeks: 10_400, months: 2_400, years: 200 };

/**
 * Compile the `checks:` section. `builtIn` are the built-in rule ids (which a check may never
 * take). Invalid checks are left out and each problem is located by its configuration path.
 */
export function compileChecks(raw: unknown, builtIn: readonly string[]): { checks: LocalCheck[]; problems: CheckProblem[] } {
  const problems: CheckProblem[] = [];
  const checks: LocalCheck[] = [];
  if (raw === undefined || raw === null) return { checks, problems };
  if (!Array.isArray(raw)) return { checks, problems: [{ path: ['checks'], message: cfgMsg('checksList') }] };
  if (raw.length > CHECK_LIMITS.checks) {
    problems.push({ path: ['checks'], message: cfgMsg('checksTooMany', { max: CHECK_LIMITS.checks }) });
  }
  const seen = new Set<string>();
  const builtInSet = new Set(builtIn);
  for (let i = 0; i < Math.min(raw.length, CHECK_LIMITS.checks); i++) {
    const c = compileOne(raw[i], ['checks', i], problems, builtInSet, seen);
    if (c) checks.push(c);
  }
  return { checks, problems };
}

function compileOne(raw: unknown, at: Path, problems: CheckProblem[], builtIn: Set<string>, seen: Set<string>): LocalCheck | undefined {
  const before = problems.length;
  const bad = (path: Path, message: Msg): void => void problems.push({ path, message });
  if (!isObj(raw)) {
    bad(at, cfgMsg('checkMapping'));
    return undefined;
  }
  for (const k of Object.keys(raw)) if (!CHECK_KEYS.includes(k)) problems.push({ path: [...at, k], anchor: 'key', message: cfgMsg('checkUnknownKey', { key: shownKey(k), list: CHECK_KEYS.join(', ') }) });
  const id = raw.id;
  if (typeof id !== 'string' || !CHECK_ID_RE.test(id)) {
    bad(own(raw, 'id') ? [...at, 'id'] : at, cfgMsg('checkId'));
  } else if (builtIn.has(id)) {
    bad([...at, 'id'], cfgMsg('checkBuiltIn', { id }));
  } else if (seen.has(id)) {
    bad([...at, 'id'], cfgMsg('checkDuplicate', { id }));
  } else seen.add(id);
  const severity = raw.severity ?? 'warning';
  if (!SEVERITIES.includes(severity as Severity)) bad([...at, 'severity'], cfgMsg('checkSeverity'));
  const text = (k: string, required: boolean): string => {
    const v = raw[k];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || v.trim() === '') {
      bad(own(raw, k) ? [...at, k] : at, cfgMsg('checkNeedsText', { key: k }));
      return '';
    }
    if (v.length > CHECK_LIMITS.messageChars) bad([...at, k], cfgMsg('checkTextTooLong', { key: k, max: CHECK_LIMITS.messageChars }));
    // Configuration text reaches terminals: no control characters.
    // eslint-disable-next-line no-control-regex
    return v.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  };
  const message = text('message', true);
  const policy = text('policy', false);
  const description = text('description', false);
  const budget = { n: 0 };
  let each: PathSpec | undefined;
  if (own(raw, 'each')) each = compilePath(raw.each, [...at, 'each'], problems);
  const when = own(raw, 'when') ? compilePred(raw.when, [...at, 'when'], 1, budget, problems) : undefined;
  let require: Pred | undefined;
  if (!own(raw, 'require')) bad(at, cfgMsg('checkNeedsRequire'));
  else require = compilePred(raw.require, [...at, 'require'], 1, budget, problems);
  const examples = { fails: [] as string[], passes: [] as string[] };
  if (own(raw, 'examples')) {
    const ex = raw.examples;
    if (!isObj(ex)) bad([...at, 'examples'], cfgMsg('examplesMapping'));
    else {
      for (const k of Object.keys(ex)) if (k !== 'fails' && k !== 'passes') problems.push({ path: [...at, 'examples', k], anchor: 'key', message: cfgMsg('examplesUnknownKey', { key: shownKey(k) }) });
      for (const k of ['fails', 'passes'] as const) {
        const list = ex[k];
        if (list === undefined) continue;
        if (!Array.isArray(list) || list.length > CHECK_LIMITS.examples || !list.every((f) => typeof f === 'string' && f.length > 0 && f.length <= 500)) {
          bad([...at, 'examples', k], cfgMsg('examplesList', { key: k, max: CHECK_LIMITS.examples }));
        } else examples[k] = list as string[];
      }
    }
  }
  if (problems.length > before || !require || typeof id !== 'string') return undefined;
  return { id, severity: severity as Severity, policy, description, message, each, when, require, examples, source: { ...(each ? { each: raw.each } : {}), ...(when ? { when: raw.when } : {}), require: raw.require } };
}

function compilePath(raw: unknown, at: Path, problems: CheckProblem[]): PathSpec | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > CHECK_LIMITS.pathChars) {
    problems.push({ path: at, message: cfgMsg('pathShape', { max: CHECK_LIMITS.pathChars }) });
    return undefined;
  }
  const root = raw.startsWith('$.');
  const body = root ? raw.slice(2) : raw;
  const parts = body.split('.');
  if (parts.length > CHECK_LIMITS.pathSegments || !parts.every((p) => SEGMENT_RE.test(p))) {
    problems.push({ path: at, message: cfgMsg('notPlanPath', { max: CHECK_LIMITS.pathSegments }) });
    return undefined;
  }
  return { root, segs: parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), text: raw };
}

function compilePred(raw: unknown, at: Path, depth: number, budget: { n: number }, problems: CheckProblem[]): Pred | undefined {
  const bad = (path: Path, message: Msg): undefined => void problems.push({ path, message }) as undefined;
  if (depth > CHECK_LIMITS.depth) return bad(at, cfgMsg('tooDeep', { max: CHECK_LIMITS.depth }));
  if (++budget.n > CHECK_LIMITS.predicates) {
    if (budget.n === CHECK_LIMITS.predicates + 1) bad(at, cfgMsg('tooManyPredicates', { max: CHECK_LIMITS.predicates }));
    return undefined;
  }
  const list = (items: unknown, path: Path): Pred[] | undefined => {
    if (!Array.isArray(items) || items.length === 0) return bad(path, cfgMsg('predicateList'));
    if (items.length > CHECK_LIMITS.listItems) return bad(path, cfgMsg('predicateListTooLong', { max: CHECK_LIMITS.listItems }));
    const out: Pred[] = [];
    let ok = true;
    for (let i = 0; i < items.length; i++) {
      const p = compilePred(items[i], [...path, i], depth + 1, budget, problems);
      if (p) out.push(p);
      else ok = false;
    }
    return ok ? out : undefined;
  };
  if (Array.isArray(raw)) {
    const of = list(raw, at);
    return of && (of.length === 1 ? of[0] : { op: 'all', of });
  }
  if (!isObj(raw)) return bad(at, cfgMsg('predicateShape'));
  const keys = Object.keys(raw);
  const only = (allowed: string[]): boolean => {
    let ok = true;
    for (const k of keys)
      if (!allowed.includes(k)) {
        problems.push({ path: [...at, k], anchor: 'key', message: cfgMsg('unexpectedKey', { key: shownKey(k), list: allowed.join(', ') }) });
        ok = false;
      }
    return ok;
  };
  if (own(raw, 'all') || own(raw, 'any')) {
    const op = own(raw, 'all') ? 'all' : 'any';
    if (!only([op])) return undefined;
    const of = list(raw[op], [...at, op]);
    return of && { op, of };
  }
  if (own(raw, 'not')) {
    if (!only(['not'])) return undefined;
    const of = compilePred(raw.not, [...at, 'not'], depth + 1, budget, problems);
    return of && { op: 'not', of };
  }
  for (const op of ['some', 'every', 'count'] as const) {
    if (!own(raw, op)) continue;
    if (!only(op === 'count' ? [op, 'where', ...CMP_OPS] : [op, 'where'])) return undefined;
    const path = compilePath(raw[op], [...at, op], problems);
    const where = own(raw, 'where') ? compilePred(raw.where, [...at, 'where'], depth + 1, budget, problems) : undefined;
    if (!path || (own(raw, 'where') && !where)) return undefined;
    if (op === 'every' && !where) return bad(at, cfgMsg('everyWhere'));
    if (op !== 'count') return { op, path, ...(where ? { where } : {}) };
    const cmp: NumCmp = {};
    for (const k of CMP_OPS)
      if (own(raw, k)) {
        const v = raw[k];
        if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > 1e9) return bad([...at, k], cfgMsg('wholeNumber', { key: k }));
        cmp[k as keyof NumCmp] = v;
      }
    if (!Object.keys(cmp).length) return bad(at, cfgMsg('countComparison'));
    return { op: 'count', path, ...(where ? { where } : {}), cmp };
  }
  if (!own(raw, 'path')) return bad(at, cfgMsg('predicateNeedsPath'));
  if (!only(['path', 'of', ...TEST_OPS])) return undefined;
  const path = compilePath(raw.path, [...at, 'path'], problems);
  const tests: TestOp[] = [];
  let ok = !!path;
  const fail = (k: string, m: Msg): void => {
    bad([...at, k], m);
    ok = false;
  };
  const scalarOk = (v: unknown): v is Scalar => isScalar(v) && !(typeof v === 'string' && v.length > CHECK_LIMITS.scalarChars);
  for (const k of keys) {
    const v = raw[k];
    switch (k) {
      case 'path':
      case 'of':
        break;
      case 'equals':
        if (!scalarOk(v)) fail(k, cfgMsg('equalsValue', { max: CHECK_LIMITS.scalarChars }));
        else tests.push({ op: 'equals', value: v });
        break;
      case 'in':
        if (!Array.isArray(v) || v.length === 0 || v.length > CHECK_LIMITS.inValues || !v.every(scalarOk)) fail(k, cfgMsg('inValues', { max: CHECK_LIMITS.inValues }));
        else tests.push({ op: 'in', values: v as Scalar[] });
        break;
      case 'exists':
      case 'missing':
        if (typeof v !== 'boolean') fail(k, cfgMsg('takesBoolean', { key: k }));
        else tests.push({ op: (k === 'exists') === v ? 'exists' : 'missing' });
        break;
      case 'matches': {
        const g = typeof v === 'string' && v.length <= CHECK_LIMITS.patternChars ? parseGlob(v) : undefined;
        if (!g) fail(k, cfgMsg('matchesGlob', { max: CHECK_LIMITS.patternChars }));
        else tests.push({ op: 'matches', glob: g });
        break;
      }
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(k, cfgMsg('takesNumber', { key: k }));
        else tests.push({ op: k, value: v });
        break;
      case 'before':
      case 'after':
      case 'on_or_before':
      case 'on_or_after': {
        const ref = compileRef(v, [...at, k], problems);
        if (!ref) ok = false;
        else tests.push({ op: k, ref });
        break;
      }
      case 'within': {
        const duration = compileDuration(v, [...at, k], problems);
        const ref = own(raw, 'of') ? compileRef(raw.of, [...at, 'of'], problems) : ({ kind: 'as_of' } as const);
        if (!duration || !ref) ok = false;
        else tests.push({ op: 'within', duration, ref });
        break;
      }
    }
  }
  if (own(raw, 'of') && !own(raw, 'within')) fail('of', cfgMsg('ofWithin', { example: 'within: { weeks: 26 }, of: as_of' }));
  if (ok && tests.length === 0) return bad(at, cfgMsg('testNeedsOperator', { list: TEST_OPS.join(', ') }));
  return ok && path ? { op: 'test', path, tests } : undefined;
}

function compileRef(v: unknown, at: Path, problems: CheckProblem[]): Ref | undefined {
  if (v === 'as_of') return { kind: 'as_of' };
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    if (isValidDate(v)) return { kind: 'date', date: v };
    problems.push({ path: at, message: cfgMsg('notCalendarDate') });
    return undefined;
  }
  if (isObj(v) && Object.keys(v).length === 1 && own(v, 'path')) {
    const p = compilePath(v.path, [...at, 'path'], problems);
    return p && { kind: 'path', path: p };
  }
  // { of: as_of, plus: { years: -18 } }: a date moved by a duration (one level: `of` takes no offset).
  if (isObj(v) && Object.keys(v).length === 2 && own(v, 'of') && own(v, 'plus') && !isObj(v.of)) {
    const of = compileRef(v.of, [...at, 'of'], problems);
    const plus = compileDuration(v.plus, [...at, 'plus'], problems);
    return of && plus && { kind: 'offset', of, plus };
  }
  const p = typeof v === 'string' ? compilePath(v, at, []) : undefined;
  if (p) return { kind: 'path', path: p };
  problems.push({ path: at, message: cfgMsg('dateRef', { example: '{ of: as_of, plus: { years: -18 } }' }) });
  return undefined;
}

function compileDuration(v: unknown, at: Path, problems: CheckProblem[]): Duration | undefined {
  const msg = cfgMsg('duration', { example: '{ weeks: 26 }' });
  if (!isObj(v) || Object.keys(v).length === 0) {
    problems.push({ path: at, message: msg });
    return undefined;
  }
  const d: Duration = {};
  for (const [k, n] of Object.entries(v)) {
    const bound = own(DURATION_BOUNDS, k) ? DURATION_BOUNDS[k as keyof Duration] : undefined;
    if (bound === undefined || typeof n !== 'number' || !Number.isInteger(n) || Math.abs(n) > bound) {
      problems.push({ path: [...at, k], message: bound === undefined ? msg : cfgMsg('durationBound', { unit: k, bound }) });
      return undefined;
    }
    d[k as keyof Duration] = n;
  }
  return d;
}

/** An anchored glob: `*` any run of characters, `?` one, `\` makes the next literal. */
export function parseGlob(p: string): GlobToken[] | undefined {
  const out: GlobToken[] = [];
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ t: 'lit', s: lit });
    lit = '';
  };
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') {
      if (i + 1 >= p.length) return undefined;
      lit += p[++i];
    } else if (ch === '*') {
      flush();
      if (out.at(-1)?.t !== 'star') out.push({ t: 'star' });
    } else if (ch === '?') {
      flush();
      out.push({ t: 'any' });
    } else lit += ch;
  }
  flush();
  return out;
}

/**
 * Match a whole string against glob tokens without backtracking regular expressions: the
 * classic two-pointer algorithm (on a mismatch, retry from the last `*` one character later),
 * at most |tokens| × |text| steps.
 */
export function globMatch(tokens: readonly GlobToken[], text: string): boolean {
  let ti = 0;
  let si = 0;
  let starT = -1;
  let starS = 0;
  while (si < text.length || ti < tokens.length) {
    const tok = tokens[ti];
    if (tok) {
      if (tok.t === 'star') {
        starT = ti++;
        starS = si;
        continue;
      }
      if (tok.t === 'any' && si < text.length) {
        ti++;
        si++;
        continue;
      }
      if (tok.t === 'lit' && text.startsWith(tok.s, si)) {
        ti++;
        si += tok.s.length;
        continue;
      }
    }
    if (starT < 0 || starS >= text.length) return false;
    ti = starT + 1;
    si = ++starS;
  }
  return true;
}

// ---- evaluating -------------------------------------------------------------------------------

/** Where the evaluator is: a value and how it was reached (the path is built only when reported). */
interface Scope {
  value: unknown;
  up?: Scope;
  seg?: string | number;
}
interface Env {
  root: Scope;
  asOf: string;
  steps: number;
}

class OutOfSteps {}
const OUT_OF_STEPS = new OutOfSteps();

function step(env: Env, n = 1): void {
  env.steps += n;
  if (env.steps > CHECK_LIMITS.steps) throw OUT_OF_STEPS;
}

function pathOf(s: Scope): Path {
  const out: (string | number)[] = [];
  for (let c: Scope | undefined = s; c && c.seg !== undefined; c = c.up) out.push(c.seg);
  return out.reverse();
}

function child(value: unknown, seg: string | number): unknown {
  if (typeof seg === 'number') return Array.isArray(value) && seg < value.length ? value[seg] : undefined;
  return isObj(value) && own(value, seg) ? value[seg] : undefined;
}

/** The value at a path (cheap: no path is built). */
function valueAt(spec: PathSpec, scope: Scope, env: Env): unknown {
  let v = (spec.root ? env.root : scope).value;
  for (const seg of spec.segs) v = child(v, seg);
  return v;
}

/** The value and its scope, for reporting and for lists whose items become scopes. */
function resolve(spec: PathSpec, scope: Scope, env: Env): Scope {
  let cur = spec.root ? env.root : scope;
  for (const seg of spec.segs) cur = { value: child(cur.value, seg), up: cur, seg };
  return cur;
}

function refDate(ref: Ref, scope: Scope, env: Env): string | undefined {
  if (ref.kind === 'as_of') return env.asOf;
  if (ref.kind === 'date') return ref.date;
  if (ref.kind === 'offset') {
    const base = refDate(ref.of, scope, env);
    return base === undefined ? undefined : plus(base, ref.plus);
  }
  const v = valueAt(ref.path, scope, env);
  return typeof v === 'string' && isValidDate(v) ? v : undefined;
}

function plus(date: string, d: Duration): string | undefined {
  let out = date;
  if (d.years) out = addYears(out, d.years);
  if (d.months) out = addMonths(out, d.months);
  if (d.weeks) out = addWeeks(out, d.weeks);
  if (d.days) out = addDays(out, d.days);
  return isValidDate(out) ? out : undefined;
}

function testOne(t: TestOp, v: unknown, scope: Scope, env: Env): boolean {
  switch (t.op) {
    case 'equals':
      return v === t.value;
    case 'in':
      return t.values.includes(v as Scalar);
    case 'exists':
      return v !== undefined && v !== null;
    case 'missing':
      return v === undefined || v === null;
    case 'matches':
      if (typeof v !== 'string' || v.length > CHECK_LIMITS.matchChars) return false;
      step(env, Math.ceil((v.length * t.glob.length) / 16));
      return globMatch(t.glob, v);
    case 'gt':
      return typeof v === 'number' && v > t.value;
    case 'gte':
      return typeof v === 'number' && v >= t.value;
    case 'lt':
      return typeof v === 'number' && v < t.value;
    case 'lte':
      return typeof v === 'number' && v <= t.value;
    case 'before':
    case 'after':
    case 'on_or_before':
    case 'on_or_after': {
      if (typeof v !== 'string' || !isValidDate(v)) return false;
      const r = refDate(t.ref, scope, env);
      if (r === undefined) return false;
      return t.op === 'before' ? v < r : t.op === 'after' ? v > r : t.op === 'on_or_before' ? v <= r : v >= r;
    }
    case 'within': {
      if (typeof v !== 'string' || !isValidDate(v)) return false;
      const a = refDate(t.ref, scope, env);
      const b = a === undefined ? undefined : plus(a, t.duration);
      if (a === undefined || b === undefined) return false;
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return v >= lo && v <= hi;
    }
  }
}

/** How many items of a list a quantifier reads. */
const scanLength = (list: unknown): number => (Array.isArray(list) ? Math.min(list.length, CHECK_LIMITS.scanItems) : 0);

const itemScope = (list: Scope, i: number): Scope => ({ value: (list.value as unknown[])[i], up: list, seg: i });

function cmpOk(c: NumCmp, n: number): boolean {
  return (c.equals === undefined || n === c.equals) && (c.gt === undefined || n > c.gt) && (c.gte === undefined || n >= c.gte) && (c.lt === undefined || n < c.lt) && (c.lte === undefined || n <= c.lte);
}

function holds(p: Pred, scope: Scope, env: Env): boolean {
  step(env);
  switch (p.op) {
    case 'all':
      for (const q of p.of) if (!holds(q, scope, env)) return false;
      return true;
    case 'any':
      for (const q of p.of) if (holds(q, scope, env)) return true;
      return false;
    case 'not':
      return !holds(p.of, scope, env);
    case 'test': {
      const v = valueAt(p.path, scope, env);
      for (const t of p.tests) if (!testOne(t, v, scope, env)) return false;
      return true;
    }
    case 'some':
    case 'every':
    case 'count': {
      const list = resolve(p.path, scope, env);
      const n = scanLength(list.value);
      let hits = 0;
      for (let i = 0; i < n; i++) {
        step(env);
        const ok = p.where ? holds(p.where, itemScope(list, i), env) : true;
        if (ok && p.op === 'some') return true;
        if (!ok && p.op === 'every') return false;
        if (ok) hits++;
      }
      if (p.op === 'some') return false;
      if (p.op === 'every') return true;
      return p.op === 'count' && cmpOk(p.cmp, hits);
    }
  }
}

/** The node a predicate is about (for `not`, and for lists that are judged as a whole). */
function about(p: Pred, scope: Scope, env: Env): Path {
  switch (p.op) {
    case 'all':
    case 'any':
      return about(p.of[0], scope, env);
    case 'not':
      return about(p.of, scope, env);
    default:
      return pathOf(resolve(p.path, scope, env));
  }
}

/** Where a predicate that does not hold fails: the node it was about, or the first failing item. */
function failure(p: Pred, scope: Scope, env: Env): Path {
  step(env);
  switch (p.op) {
    case 'all': {
      const bad = p.of.find((q) => !holds(q, scope, env));
      return failure(bad ?? p.of[0], scope, env);
    }
    case 'any':
      return failure(p.of[0], scope, env);
    case 'not':
      return about(p.of, scope, env);
    case 'every': {
      const list = resolve(p.path, scope, env);
      const n = scanLength(list.value);
      for (let i = 0; i < n; i++) if (!holds(p.where!, itemScope(list, i), env)) return failure(p.where!, itemScope(list, i), env);
      return pathOf(list);
    }
    default:
      return pathOf(resolve(p.path, scope, env));
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** The plan schema's enum at an instance path, memoised by the path's shape (indices as one). */
const enums = new Map<string, unknown[]>();
function enumAt(path: Path): unknown[] {
  const key = path.map((s) => (typeof s === 'number' ? '#' : s)).join('\u0000');
  let e = enums.get(key);
  if (!e) {
    e = enumOf(schemaAt(path));
    if (enums.size > 10_000) enums.clear();
    enums.set(key, e);
  }
  return e;
}
const ITEM_ID = /^[A-Z]{2,5}-\d{1,5}$/;

/**
 * A value for a message placeholder: numbers, booleans, dates, values of an enum in the plan
 * schema and item ids (OBJ-3). Anything else, free text above all, is shown as "…".
 */
export function shownValue(v: unknown, path: Path): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return '…';
  if (DATE_ONLY.test(v) && isValidDate(v)) return v;
  if (ITEM_ID.test(v)) return v;
  if (v.length <= 60 && enumAt(path).includes(v)) return v;
  return '…';
}

const PLACEHOLDER = /\{\{\s*(\$?[A-Za-z0-9_.-]{1,200})\s*\}\}/g;

/** A message split into text and placeholder paths, once per message. */
type MessagePart = string | PathSpec | null;
const messageParts = new Map<string, MessagePart[]>();
function partsOf(message: string): MessagePart[] {
  let parts = messageParts.get(message);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const m of message.matchAll(PLACEHOLDER)) {
    parts.push(message.slice(last, m.index));
    parts.push(compilePath(m[1], [], []) ?? null);
    last = m.index + m[0].length;
  }
  parts.push(message.slice(last));
  if (messageParts.size > 10_000) messageParts.clear();
  messageParts.set(message, parts);
  return parts;
}

function fill(message: string, scope: Scope, env: Env): string {
  let out = '';
  for (const part of partsOf(message)) {
    if (typeof part === 'string') out += part;
    else if (part === null) out += '…';
    else {
      const r = resolve(part, scope, env);
      out += shownValue(r.value, pathOf(r));
    }
  }
  return out;
}

export interface CheckOutcome {
  path: Path;
  message: string;
}

/**
 * Evaluate a check on a plan's plain value. Total: returns the findings (one per failing item
 * for `each`, else at most one), or `stopped` when the step budget ran out. Never throws.
 */
export function evaluateCheck(check: LocalCheck, root: unknown, asOf: string): { findings: CheckOutcome[]; stopped: boolean; failed?: boolean } {
  const env: Env = { root: { value: root }, asOf, steps: 0 };
  const findings: CheckOutcome[] = [];
  const judge = (scope: Scope): void => {
    if (check.when && !holds(check.when, scope, env)) return;
    if (holds(check.require, scope, env)) return;
    findings.push({ path: failure(check.require, scope, env), message: fill(check.message, scope, env) });
  };
  try {
    if (check.each) {
      const list = resolve(check.each, env.root, env);
      const n = scanLength(list.value);
      for (let i = 0; i < n; i++) {
        step(env);
        judge(itemScope(list, i));
      }
    } else judge(env.root);
    return { findings, stopped: false };
  } catch (e) {
    if (e === OUT_OF_STEPS) return { findings, stopped: true };
    // Anything else would be a planlint bug (say so, never what content); a check still never
    // throws into the lint loop.
    return { findings, stopped: true, failed: true };
  }
}

/** What every local check can say (planlint's words around the team's own message). */
export const LOCAL_MESSAGES: Readonly<Record<string, string>> = {
  finding: '{text}',
  failed: 'The local check `{id}` failed on this plan (a planlint bug: please report it with the check), so its result here is unknown.',
  stopped: 'The local check `{id}` stopped after {steps} steps on this plan, so its result here is unknown: simplify the check (fewer nested some/every/count).',
};

const ruleCache = new WeakMap<LocalCheck, Rule>();

/** A local check as an ordinary rule. */
export function localRule(check: LocalCheck): Rule {
  let rule = ruleCache.get(check);
  if (rule) return rule;
  rule = {
    meta: {
      id: check.id,
      severity: check.severity,
      policy: check.policy,
      description: check.description || check.message.replace(/\{\{[^}]*\}\}/g, '…'),
      fixable: 'none',
      inTemplates: false,
      usesAsOf: true,
      messages: LOCAL_MESSAGES,
      docs: { rationale: check.description, bad: '', good: '' },
    },
    check(ctx: RuleContext): void {
      const out = evaluateCheck(check, ctx.root, ctx.asOf);
      // The check's own message is the team's text (in the team's language), filled from enum,
      // number and date values only: it is data to the catalogue.
      for (const f of out.findings) ctx.report({ path: f.path, messageId: 'finding', data: { text: f.message } });
      if (out.stopped)
        ctx.report({
          path: [],
          severity: 'info',
          messageId: out.failed ? 'failed' : 'stopped',
          data: { id: check.id, steps: CHECK_LIMITS.steps.toLocaleString('en-GB') },
        });
    },
  };
  ruleCache.set(check, rule);
  return rule;
}

export const localRules = (checks: readonly LocalCheck[] | undefined): Rule[] => (checks ?? []).map(localRule);
