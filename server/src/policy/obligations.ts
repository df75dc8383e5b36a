// The review-obligation interpreter: reads the `obligations` table of the review policy
// (policy/review.json, overridable in configuration) and works out every obligation a plan
// has on `asOf`: its due date, its window and its state. One small evaluator for every entry;
// no obligation, rule id, citation or sentence type is named here. Pure: "today" is `asOf`,
// dates go through engine/dates.ts only.
//
// Semantics (docs/reviews.md explains them for users):
// - an obligation is MET by a counted review dated inside its window [windowStart, windowEnd];
//   windowEnd is always the due date;
// - past the due date with no review in the window: OVERDUE ("overdue by N days");
// - a counted review after the due date but none in the window: LATE ("done late");
// - otherwise (due date not passed, nothing in the window yet): UPCOMING.
// Reviews are `reviews[]` entries plus `assessment.oasys.completed_on` (the initial OASys
// assessment counts as the first review). Reviews dated after `asOf` have not happened yet.

import { addDays, addMonths, addWeeks, addYears, daysBetween } from '../engine/dates.js';
import { isQuotableId } from '../engine/privacy.js';
import type { Plan, ReviewType, SentenceType } from '../engine/model.js';
import type { Path, Severity } from '../engine/types.js';
import type { Condition, DurationRef, Duration, ObligationSpec, ReviewPolicy } from './review.js';

export type ObligationState = 'met' | 'upcoming' | 'late' | 'overdue';

/** The review rules an obligation can be reported by (the `rule` of a table entry). */
export type ObligationRule =
  | 'review/initial-oasys'
  | 'review/periodic'
  | 'review/pre-tariff'
  | 'review/pre-release'
  | 'review/pre-release-mappa'
  | 'review/pre-parole'
  | 'review/significant-event'
  | 'review/termination'
  | 'review/post-release';

export interface Obligation {
  /** The rule that judges it. */
  rule: ObligationRule;
  /** Human label: "Initial OASys assessment", "Pre-release review"… */
  kind: string;
  /** Due date, `YYYY-MM-DD`. */
  due: string;
  /** First day a review meets the obligation. */
  windowStart: string;
  /** Last day a review meets it (always the due date). */
  windowEnd: string;
  state: ObligationState;
  /** The review that met it (state met) or came late (state late): `['reviews', 2]` or `['assessment', 'oasys']`. */
  metBy?: Path;
  /** Date of that review. */
  metOn?: string;
  /** Days past the due date: for overdue, up to `asOf`; for late, up to the late review. 0 otherwise. */
  daysPast: number;
  /** Why it is due then: "10 weeks after sentencing on 2025-01-10". */
  basis: string;
  /** The plan date that drives the obligation, e.g. `['sentence', 'sentenced_on']`. */
  path: Path;
  /** The `reviews[].type` a review recorded for it would have (used by fixes and completion). */
  reviewType: ReviewType;
  /** Which reviews count: any review, or only this type. */
  accepts: 'any' | ReviewType;
  /** Policy reference (the full citation). */
  policy: string;
  /**
   * True when the due date is planlint's default, not a figure the seeds give (significant
   * events, open conditions, post-release): messages then never say "overdue by N days".
   */
  defaultDeadline?: boolean;
  /** Open conditions: the latest review before the window opened, if any (for the message). */
  lastBefore?: { date: string; path: Path };
  /** The short citation used inside messages ("PRT: OASys timelines"). */
  cite?: string;
  /** The table entry it comes from (`pre_release`, `open_conditions`…). */
  id?: string;
  /** The finding's own severity when it differs from the rule's (the move to open conditions: a warning). */
  severity?: Severity;
  /** Only a review before the anchor meets it (no "done late"): a move to open conditions is reviewed before it. */
  reviewedBefore?: boolean;
  /** What `kind` and `basis` were rendered from, for messages by id: the anchor date, the durations and the entry's placeholders (`event_type`, `objective`, `mappa_level`). */
  basisData?: { anchor: string; dueOffset: Duration; dueOffsetUnit?: keyof Duration; window: Duration; values: Readonly<Record<string, string>> };
}

// ---------------------------------------------------------------------------
// Durations

const UNITS = ['years', 'months', 'weeks', 'days'] as const;

/** `date` plus (sign 1) or minus (sign -1) a duration, largest unit first. */
export function addDuration(date: string, d: Duration, sign: 1 | -1 = 1): string {
  let out = date;
  if (d.years) out = addYears(out, sign * d.years);
  if (d.months) out = addMonths(out, sign * d.months);
  if (d.weeks) out = addWeeks(out, sign * d.weeks);
  if (d.days) out = addDays(out, sign * d.days);
  return out;
}

/** "2 years 24 weeks", "10 weeks", "1 month"; "0 days" for an empty duration. */
export function describeDuration(d: Duration): string {
  const parts: string[] = [];
  for (const u of UNITS) {
    const n = d[u];
    if (n) parts.push(`${n} ${n === 1 ? u.slice(0, -1) : u}`);
  }
  return parts.length ? parts.join(' ') : '0 days';
}

/** "1 day", "12 days". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The value at a dotted path (`pre_release.due_before_release`) of the review policy. */
export function policyValue(review: ReviewPolicy, path: string): unknown {
  let v: unknown = review;
  for (const k of path.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

const isParam = (r: unknown): r is { param: string; unit?: keyof Duration } => typeof r === 'object' && r !== null && 'param' in r;

/** A duration written inline or naming a policy value (a duration, or a number with its `unit`). */
export function resolveDuration(review: ReviewPolicy, ref: DurationRef): Duration {
  if (!isParam(ref)) return ref;
  const v = policyValue(review, ref.param);
  if (typeof v === 'number') return { [ref.unit ?? 'days']: v };
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Duration;
  return {};
}

function resolveLevels(review: ReviewPolicy, ref: readonly number[] | { param: string }): readonly number[] {
  if (Array.isArray(ref)) return ref;
  if (!isParam(ref)) return [];
  const v = policyValue(review, ref.param);
  return Array.isArray(v) ? (v as number[]) : [];
}

// ---------------------------------------------------------------------------
// Facts about the plan shared with the rules

const CUSTODIAL: readonly SentenceType[] = ['life', 'ipp', 'determinate', 'extended_determinate'];
export const isCustodialSentence = (t: SentenceType | undefined): boolean => t !== undefined && CUSTODIAL.includes(t);

/**
 * Whether the person is in custody on `asOf`: `sentence.setting` when recorded; otherwise a
 * custodial sentence whose release date (if any) has not been reached.
 */
export function inCustody(plan: Plan, asOf: string): boolean {
  const s = plan.sentence;
  if (!s) return false;
  if (s.setting) return s.setting === 'custody';
  if (!isCustodialSentence(s.type)) return false;
  return s.release_date === undefined || asOf < s.release_date;
}

/** A review on record: a `reviews[]` entry, or the initial OASys assessment. */
export interface ReviewRecord {
  date: string;
  /** `['reviews', i]` or `['assessment', 'oasys']`. */
  path: Path;
  /** The path of its date, for pointing at. */
  datePath: Path;
  type?: ReviewType;
}

/** Every review dated on or before `asOf`, oldest first (stable for equal dates). */
export function reviewRecords(plan: Plan, asOf: string): ReviewRecord[] {
  const out: ReviewRecord[] = [];
  const oasys = plan.assessment?.oasys?.completed_on;
  if (oasys && oasys <= asOf) out.push({ date: oasys, path: ['assessment', 'oasys'], datePath: ['assessment', 'oasys', 'completed_on'], type: 'initial' });
  for (const r of plan.reviews) {
    if (!r.date || r.date > asOf) continue;
    out.push({ date: r.date, path: r.path, datePath: [...r.path, 'date'], type: r.type });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A plan date by dotted path (`sentence.release_date`); undefined when absent (the model keeps only valid dates). */
export function planDate(plan: Plan, path: string): string | undefined {
  let v: unknown = plan;
  for (const k of path.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return typeof v === 'string' ? v : undefined;
}

const pathOf = (dotted: string): Path => dotted.split('.');

// ---------------------------------------------------------------------------
// Conditions

interface Facts {
  plan: Plan;
  asOf: string;
  review: ReviewPolicy;
  custody: boolean;
}

/** Whether every test of the condition holds (an absent date fails every test that reads it). */
export function holds(c: Condition, f: Facts): boolean {
  const s = f.plan.sentence ?? {};
  if (c.sentence_type && (s.type === undefined || !c.sentence_type.includes(s.type))) return false;
  if (c.setting && (s.setting === undefined || !c.setting.includes(s.setting))) return false;
  if (c.in_custody !== undefined && c.in_custody !== f.custody) return false;
  if (c.allocation && (s.allocation === undefined || !c.allocation.includes(s.allocation))) return false;
  if (c.mappa_level) {
    const level = f.plan.assessment?.mappa?.level;
    if (level === undefined || !resolveLevels(f.review, c.mappa_level).includes(level)) return false;
  }
  if (c.length_months_over !== undefined) {
    const ref = c.length_months_over;
    const over = typeof ref === 'number' ? ref : policyValue(f.review, ref.param);
    if (typeof over !== 'number' || s.length_months === undefined || !(s.length_months > over)) return false;
  }
  const date = (p: string): string | undefined => planDate(f.plan, p);
  if (c.recorded?.some((p) => date(p) === undefined)) return false;
  if (c.passed?.some((p) => { const d = date(p); return d === undefined || !(f.asOf > d); })) return false;
  if (c.not_passed?.some((p) => { const d = date(p); return d === undefined || f.asOf > d; })) return false;
  if (c.reached?.some((p) => { const d = date(p); return d === undefined || f.asOf < d; })) return false;
  if (c.later?.some(([a, b]) => { const x = date(a); const y = date(b); return x === undefined || y === undefined || !(x > y); })) return false;
  if (c.any && !c.any.some((x) => holds(x, f))) return false;
  if (c.not && holds(c.not, f)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// Judging one obligation

interface Instance {
  id: string;
  spec: ObligationSpec;
  anchor: string;
  path: Path;
  /** Values for the `{…}` placeholders of the entry's label and basis (`event`, `objective`, `mappa_level`). */
  placeholders: Record<string, string>;
  /** The reviews that may meet it (periodic: only the next one). */
  records: readonly ReviewRecord[];
}

function judge(i: Instance, review: ReviewPolicy, asOf: string): Obligation {
  const { spec } = i;
  const accepts = spec.accepts ?? 'any';
  const counts = (r: ReviewRecord): boolean => accepts === 'any' || r.type === accepts;
  const offset = spec.due.before ? resolveDuration(review, spec.due.before) : spec.due.after ? resolveDuration(review, spec.due.after) : {};
  const due = addDuration(i.anchor, offset, spec.due.before ? -1 : 1);
  const w = spec.window;
  let windowStart: string;
  let windowLength: Duration = {};
  if (w.from === 'anchor') windowStart = i.anchor;
  else if (w.from === 'day_after_anchor') windowStart = addDays(i.anchor, 1);
  else if (w.opens_before_anchor) windowStart = addDuration(i.anchor, (windowLength = resolveDuration(review, w.opens_before_anchor)), -1);
  else if (w.before_due) windowStart = addDuration(due, (windowLength = resolveDuration(review, w.before_due)), -1);
  else windowStart = due;
  // A number of weeks named in the policy ({ param, unit }) is said as that unit: "4 weeks", "0 weeks".
  const ref = spec.due.before ?? spec.due.after;
  const dueOffset = ref && isParam(ref) && ref.unit && typeof policyValue(review, ref.param) === 'number' ? plural(policyValue(review, ref.param) as number, ref.unit.slice(0, -1)) : describeDuration(offset);
  const fill: Record<string, string> = { ...i.placeholders, anchor: i.anchor, due_offset: dueOffset, window: describeDuration(windowLength) };
  const text = (t: string): string => t.replace(/\{(\w+)\}/g, (m, k: string) => fill[k] ?? m);
  const late = spec.late ?? 'after_due';
  const base: Omit<Obligation, 'state' | 'daysPast'> = {
    rule: spec.rule,
    kind: text(spec.label),
    due,
    windowStart,
    windowEnd: due,
    basis: text(spec.basis),
    path: i.path,
    reviewType: spec.review_type,
    accepts,
    policy: spec.citation.full,
    ...(spec.default_deadline ? { defaultDeadline: true } : {}),
    cite: spec.citation.short,
    id: i.id,
    ...(spec.severity ? { severity: spec.severity } : {}),
    ...(late === 'never' ? { reviewedBefore: true } : {}),
    basisData: { anchor: i.anchor, dueOffset: offset, ...(ref && isParam(ref) && ref.unit ? { dueOffsetUnit: ref.unit } : {}), window: windowLength, values: i.placeholders },
  };
  const openEnded = late === 'any_time_after';
  const inWindow = i.records.find((r) => counts(r) && r.date >= windowStart && (openEnded || r.date <= due));
  if (inWindow) return { ...base, state: 'met', metBy: inWindow.path, metOn: inWindow.date, daysPast: 0 };
  if (late === 'never') {
    const before = i.records.filter((r) => counts(r) && r.date < windowStart).pop();
    const lastBefore = before ? { lastBefore: { date: before.date, path: before.datePath } } : {};
    return { ...base, ...lastBefore, state: asOf > due ? 'overdue' : 'upcoming', daysPast: asOf > due ? daysBetween(due, asOf) : 0 };
  }
  const lateFrom = addDays(due, 1);
  const lateUntil = spec.late_until === 'anchor' ? i.anchor : undefined;
  const lateOne = i.records.find((r) => counts(r) && r.date >= lateFrom && (lateUntil === undefined || r.date <= lateUntil));
  if (lateOne) return { ...base, state: 'late', metBy: lateOne.path, metOn: lateOne.date, daysPast: Math.max(1, daysBetween(due, lateOne.date)) };
  if (asOf > due) return { ...base, state: 'overdue', daysPast: daysBetween(due, asOf) };
  return { ...base, state: 'upcoming', daysPast: 0 };
}

/** The due date alone (for `not_owed_before` and `stops_before`, which are judged before the rest). */
function dueOf(spec: ObligationSpec, anchor: string, review: ReviewPolicy): string {
  if (spec.due.before) return addDuration(anchor, resolveDuration(review, spec.due.before), -1);
  if (spec.due.after) return addDuration(anchor, resolveDuration(review, spec.due.after));
  return anchor;
}

// ---------------------------------------------------------------------------
// The table

/**
 * Every review obligation of the plan on `asOf`, from the policy's `obligations` table,
 * sorted by due date (then rule id). The output is a stable contract for the CLI report and
 * the language server.
 */
export function evaluateObligations(plan: Plan, asOf: string, review: ReviewPolicy): Obligation[] {
  const records = reviewRecords(plan, asOf);
  const f: Facts = { plan, asOf, review, custody: inCustody(plan, asOf) };
  const table = Object.entries(review.obligations ?? {});
  const specs = new Map(table);
  const out: Obligation[] = [];
  const add = (i: Instance): void => {
    out.push(judge(i, review, asOf));
  };
  const applies = (spec: ObligationSpec): boolean => holds(spec.applies ?? {}, f);
  /** A date-anchored obligation is owed: it applies, its anchor is recorded, and nothing rules it out. */
  const owed = (spec: ObligationSpec, seen: ReadonlySet<ObligationSpec> = new Set()): string | undefined => {
    if (spec.anchor.date === undefined || !applies(spec)) return undefined;
    const anchor = planDate(plan, spec.anchor.date);
    if (anchor === undefined) return undefined;
    if (spec.not_owed_before) {
      const limit = planDate(plan, spec.not_owed_before);
      if (limit !== undefined && dueOf(spec, anchor, review) < limit) return undefined;
    }
    if (spec.history_after && asOf > addDuration(anchor, resolveDuration(review, spec.history_after))) return undefined;
    // "Instead of": not owed when an obligation that replaces it is (a cycle of replacements ends at the first repeat).
    const next = new Set(seen).add(spec);
    if (spec.replaced_by?.some((id) => { const other = specs.get(id); return other !== undefined && !next.has(other) && owed(other, next) !== undefined; })) return undefined;
    return anchor;
  };
  const placeholders = (): Record<string, string> => {
    const level = plan.assessment?.mappa?.level;
    return level === undefined ? {} : { mappa_level: String(level) };
  };

  let eventsDone = false;
  for (const [id, spec] of table) {
    const a = spec.anchor;
    if (a.date !== undefined) {
      const anchor = owed(spec);
      if (anchor !== undefined) add({ id, spec, anchor, path: pathOf(a.date), placeholders: placeholders(), records });
    } else if (a.each === 'review') {
      if (!applies(spec)) continue;
      // One review per date: two records on the same day are the same review. Each review starts
      // the next interval, met only by the review that follows it.
      const chain = records.filter((r, k) => k === 0 || r.date !== records[k - 1].date);
      const stop = spec.stops_before ? planDate(plan, spec.stops_before) : undefined;
      for (let k = 0; k < chain.length; k++) {
        const from = chain[k];
        // Left to the obligation of the stopping date (determinate: the pre-release review).
        if (stop !== undefined && dueOf(spec, from.date, review) >= stop) break;
        add({ id, spec, anchor: from.date, path: from.datePath, placeholders: {}, records: chain.slice(k + 1, k + 2) });
      }
    } else if (a.each === 'event') {
      // Every event-anchored entry is judged in one pass over the events, in the plan's order.
      if (eventsDone) continue;
      eventsDone = true;
      const eventSpecs = table.filter(([, s]) => s.anchor.each === 'event' && applies(s));
      for (const e of plan.events) {
        if (!e.date || !e.type) continue;
        for (const [eid, s] of eventSpecs) {
          const an = s.anchor;
          if (an.event_types && !an.event_types.includes(e.type)) continue;
          if (an.except_event_types?.includes(e.type)) continue;
          const other = an.yields_to?.[e.type];
          if (other !== undefined) {
            const o = specs.get(other);
            if (o !== undefined && owed(o) !== undefined) continue; // judged by that obligation
          }
          const noun = an.event_nouns?.[e.type] ?? e.type.replace(/_/g, ' ');
          add({ id: eid, spec: s, anchor: e.date, path: [...e.path, 'date'], placeholders: { event: noun, event_type: e.type }, records });
        }
      }
    } else if (a.each === 'objective_achieved_since_review') {
      if (!applies(spec)) continue;
      // An objective recorded achieved after the latest review is a significant event (PSI 2.17).
      const latest = records.length ? records[records.length - 1].date : undefined;
      for (const o of plan.objectives) {
        if (o.status !== 'achieved' || !o.achieved_on || o.achieved_on > asOf) continue;
        if (latest !== undefined && o.achieved_on <= latest) continue;
        // The same achievement recorded in `events` is one event.
        if (plan.events.some((e) => e.type === 'objective_achieved' && e.date === o.achieved_on)) continue;
        // Named by its id only when the id may be quoted (engine/privacy.ts), else by position: the label reaches hover, the report and the timeline.
        const name = isQuotableId(o.id) ? o.id : String(Number(o.path[1]) + 1);
        add({ id, spec, anchor: o.achieved_on, path: [...o.path, 'achieved_on'], placeholders: { objective: name }, records });
      }
    }
  }
  return out.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.rule < y.rule ? -1 : x.rule > y.rule ? 1 : 0));
}
