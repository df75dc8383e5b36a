// Review policy data: the due dates and windows behind the review/* rules and the due-date
// engine, and the table of obligations that policy/obligations.ts evaluates. Data in
// review.json, schema in schemas/policy/review.schema.json. Every interval is a Duration with
// its units, applied largest unit first.

import type { ReviewType, SentenceType } from '../engine/model.js';
import type { Severity } from '../engine/types.js';
import type { Msg } from '../engine/messages.js';
import { cfgMsg } from '../engine/configMessages.js';
import type { ObligationRule } from './obligations.js';

/** A length of time with its units: `{ weeks: 10 }`, `{ years: 2, weeks: 24 }`. */
export interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/** A duration written inline, or one of the review policy's values by dotted path (a number needs its `unit`). */
export type DurationRef = Duration | { param: string; unit?: keyof Duration };

/**
 * When an obligation applies: every test present must hold (an absent plan date fails the tests
 * that read it). Dates are dotted plan paths (`sentence.release_date`).
 */
export interface Condition {
  sentence_type?: SentenceType[];
  /** `sentence.setting` as recorded. */
  setting?: ('custody' | 'community')[];
  /** In custody on the as-of date (the setting, or a custodial sentence before its release date). */
  in_custody?: boolean;
  allocation?: ('nps' | 'crc')[];
  /** The MAPPA level is one of these (or of the named policy list). */
  mappa_level?: number[] | { param: string };
  /** `sentence.length_months` is recorded and strictly more than this. */
  length_months_over?: number | { param: string };
  /** These dates are recorded. */
  recorded?: string[];
  /** These dates are before the as-of date. */
  passed?: string[];
  /** These dates are recorded and not before the as-of date. */
  not_passed?: string[];
  /** These dates are on or before the as-of date. */
  reached?: string[];
  /** For each pair, the first date is after the second. */
  later?: [string, string][];
  /** At least one of these holds. */
  any?: Condition[];
  /** This does not hold. */
  not?: Condition;
}

/** One row of the obligations table. */
export interface ObligationSpec {
  /** The review rule that reports it. */
  rule: ObligationRule;
  /** "Pre-release review"; `{event}` and `{objective}` are filled in for event and objective anchors. */
  label: string;
  applies?: Condition;
  /**
   * What the due date is counted from: a plan date; or each review (periodic repetition), each
   * event in `events` (filtered by type), each objective achieved since the latest review.
   */
  anchor: {
    date?: string;
    each?: 'review' | 'event' | 'objective_achieved_since_review';
    event_types?: string[];
    except_event_types?: string[];
    /** An event of this type is judged by the named obligation instead, when that one is owed. */
    yields_to?: Record<string, string>;
    /** How an event type is said in the label (default: its name with spaces). */
    event_nouns?: Record<string, string>;
  };
  /** The due date: the anchor moved back (`before`) or on (`after`); neither: the anchor itself. */
  due: { before?: DurationRef; after?: DurationRef };
  /** The first day a review meets it (the window ends on the due date). */
  window: { from?: 'anchor' | 'day_after_anchor'; opens_before_anchor?: DurationRef; before_due?: DurationRef };
  /** Which reviews count (default any). */
  accepts?: 'any' | ReviewType;
  /** The `reviews[].type` a review recorded for it has. */
  review_type: ReviewType;
  /** After the due date: a counted review is "done late" (default), meets it whenever it comes, or never counts. */
  late?: 'after_due' | 'any_time_after' | 'never';
  /** A late review counts only up to the anchor date (release, parole). */
  late_until?: 'anchor';
  /** Not owed when the due date falls before this plan date (a short tariff before sentencing). */
  not_owed_before?: string;
  /** History: no longer judged once the as-of date is this long after the anchor. */
  history_after?: DurationRef;
  /** Not owed when one of these obligations (by table key) is owed instead. */
  replaced_by?: string[];
  /** Repetition stops at the first due date on or after this plan date. */
  stops_before?: string;
  /** Why it is due then; placeholders `{anchor}`, `{due_offset}`, `{window}`, `{mappa_level}`, `{event}`. */
  basis: string;
  citation: { short: string; full: string };
  /** The deadline is planlint's default, not a figure the seeds give: messages never say "overdue by N days". */
  default_deadline?: boolean;
  /** The finding's severity when it differs from the rule's. */
  severity?: Severity;
}

export interface ReviewPolicy {
  /** The review obligations, evaluated in this order by policy/obligations.ts. */
  obligations: Record<string, ObligationSpec>;
  /** Initial OASys assessment (PRT: OASys timelines). */
  initial_oasys: {
    /** Determinate and extended determinate sentences of more than `applies_over_months` months. */
    determinate: { applies_over_months: number; due_after_sentencing: Duration };
    /** Life and IPP sentences. */
    indeterminate: { due_after_sentencing: Duration };
  };
  /** Periodic review while in custody: due `interval` after the latest review. */
  periodic: {
    determinate: { applies_over_months: number; interval: Duration };
    indeterminate: { interval: Duration };
  };
  /** Pre-tariff sift review for life/IPP: due `due_before_ped` before the PED; met in the `window` up to the due date. */
  pre_tariff: { due_before_ped: Duration; window: Duration };
  /** Pre-release review for determinate/extended sentences: window from `window_opens_before_release` to `due_before_release` before release. */
  pre_release: { due_before_release: Duration; window_opens_before_release: Duration; mappa_levels_instead: number[] };
  /** Pre-release review for MAPPA level 2/3 cases: due `due_before_release` before release; met in the `window` up to it. */
  pre_release_mappa: { mappa_levels: number[]; due_before_release: Duration; window: Duration };
  /** Pre-parole review for life/IPP/extended: due before the PED, or before the next parole review once the PED has passed; met in the `window` up to it. */
  pre_parole: { due_before_ped: Duration; window: Duration; extended_due_before_ped: Duration; ped_history_after: Duration; next_review_due_before: Duration };
  /** planlint's default: a significant event with no review after it is reported after this many weeks (the PSI gives no figure). */
  significant_event_weeks: number;
  /** A move to open conditions is reviewed before it: in the `window_before_move` up to the day before. */
  open_conditions: { window_before_move: Duration };
  /** Termination review: due at the sentence end date, from `window_opens_before_end` before it (PSI 19/2014 para 2.21). */
  termination: { window_opens_before_end: Duration };
  /** CRC-allocated custody cases: a pre-release plan review no earlier than this before release (PSI 19/2014 para 1.9). */
  crc_release_window: { earliest_before_release: Duration };
  /** review/post-release: a CRC or life case released has a review within this (planlint's default). */
  post_release: { within: Duration };
}

type Problem = { path: (string | number)[]; message: Msg };

const valueAt = (root: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, k) ? (v as Record<string, unknown>)[k] : undefined), root);

/**
 * What the schema cannot say about the obligations table: every `param` names a value of this
 * policy of the right kind, and every obligation named by `replaced_by` or `yields_to` exists.
 * Paths are inside the review section (`obligations.NAME.due.before.param`).
 */
export function reviewTableProblems(review: ReviewPolicy): Problem[] {
  const out: Problem[] = [];
  const names = Object.keys(review.obligations);
  const isDuration = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0 && Object.values(v).every((x) => typeof x === 'number');
  const checkParam = (ref: unknown, path: (string | number)[], kind: 'duration' | 'levels' | 'number'): void => {
    if (typeof ref !== 'object' || ref === null || !('param' in ref)) return;
    const r = ref as { param: string; unit?: string };
    const v = valueAt(review, r.param);
    const ok =
      kind === 'levels' ? Array.isArray(v) : kind === 'number' ? typeof v === 'number' : isDuration(v) || (typeof v === 'number' && r.unit !== undefined);
    if (!ok) {
      out.push({ path: [...path, 'param'], message: v === undefined ? cfgMsg('notReviewValue', { param: r.param }) : cfgMsg('reviewValueKind', { param: r.param, kind }) });
    }
  };
  const checkCondition = (c: Condition | undefined, path: (string | number)[]): void => {
    if (!c) return;
    checkParam(c.mappa_level, [...path, 'mappa_level'], 'levels');
    checkParam(c.length_months_over, [...path, 'length_months_over'], 'number');
    c.any?.forEach((x, i) => checkCondition(x, [...path, 'any', i]));
    checkCondition(c.not, [...path, 'not']);
  };
  for (const [name, o] of Object.entries(review.obligations)) {
    const at = ['obligations', name];
    checkCondition(o.applies, [...at, 'applies']);
    checkParam(o.due.before, [...at, 'due', 'before'], 'duration');
    checkParam(o.due.after, [...at, 'due', 'after'], 'duration');
    checkParam(o.window.opens_before_anchor, [...at, 'window', 'opens_before_anchor'], 'duration');
    checkParam(o.window.before_due, [...at, 'window', 'before_due'], 'duration');
    checkParam(o.history_after, [...at, 'history_after'], 'duration');
    o.replaced_by?.forEach((n, i) => {
      if (!names.includes(n)) out.push({ path: [...at, 'replaced_by', i], message: cfgMsg('notObligation', { name: n }) });
    });
    for (const [type, n] of Object.entries(o.anchor.yields_to ?? {})) {
      if (!names.includes(n)) out.push({ path: [...at, 'anchor', 'yields_to', type], message: cfgMsg('notObligation', { name: n }) });
    }
  }
  return out;
}
