// Due dates: every review obligation a plan has, with its due date, its window and its
// state on the as-of date. Shared by the review/* rules, the CLI report (upcoming dues) and
// the language server (hover, code lens). Pure: "today" is `asOf`, never the clock; dates go
// through engine/dates.ts only. The intervals are policy data (policy/review.json).
//
// Semantics (rules.md, review family; docs/reviews.md explains them for users):
// - an obligation is MET by a review dated inside its window [windowStart, windowEnd];
//   windowEnd is always the due date;
// - past the due date with no review in the window: OVERDUE ("overdue by N days");
// - a qualifying review after the due date but none in the window: LATE ("done late");
// - otherwise (due date not passed, nothing in the window yet): UPCOMING.
// Reviews are `reviews[]` entries plus `assessment.oasys.completed_on` (the initial OASys
// assessment counts as the first review). Reviews dated after `asOf` have not happened
// yet and are ignored.

import type { Policy } from '../policy/index.js';
import type { Duration } from '../policy/review.js';
import { addDays, addMonths, addWeeks, addYears, daysBetween } from './dates.js';
import type { Plan, ReviewType, SentenceType } from './model.js';
import type { Path } from './types.js';

export type { Duration } from '../policy/review.js';

export type ObligationState = 'met' | 'upcoming' | 'late' | 'overdue';

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
  /** Policy reference. */
  policy: string;
  /**
   * True when the due date is planlint's default, not a figure the seeds give (significant
   * events, open conditions, post-release): messages then never say "overdue by N days".
   */
  defaultDeadline?: boolean;
  /** Open conditions: the latest review before the window opened, if any (for the message). */
  lastBefore?: { date: string; path: Path };
}

/** Policy references per obligation, shared with the rules' metadata. */
const PRT_REVIEWED = 'PRT "When should my OASys assessment be reviewed?"';
const PRT_RELEASE = 'PRT "Does my OASys get reviewed before I am released?"';
export const OBLIGATION_POLICY: Record<ObligationRule, string> = {
  'review/initial-oasys': 'PSI 19/2014 para 1.2; PRT "When should my initial OASys assessment be completed?"',
  'review/periodic': `PSI 19/2014 para 1.2; ${PRT_REVIEWED}`,
  'review/pre-tariff': `${PRT_REVIEWED} (pre-tariff sift)`,
  'review/pre-release': `PSI 19/2014 para 2.17; ${PRT_RELEASE}`,
  'review/pre-release-mappa': `PSI 19/2014 para 2.17; ${PRT_RELEASE} (MAPPA level 2 or 3)`,
  'review/pre-parole': `PSI 19/2014 para 2.17; ${PRT_RELEASE}`,
  'review/significant-event': `PSI 19/2014 paras 1.9, 2.17; ${PRT_REVIEWED}`,
  'review/termination': 'PSI 19/2014 para 2.21',
  'review/post-release': 'PSI 19/2014 para 1.9',
};

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

// ---------------------------------------------------------------------------
// Facts about the plan shared with the rules

const INDETERMINATE: readonly SentenceType[] = ['life', 'ipp'];
const DISCRETIONARY: readonly SentenceType[] = ['life', 'ipp', 'extended_determinate'];
/** Life, IPP and extended sentences: release is at the Parole Board's discretion. */
export const isDiscretionary = (t: SentenceType | undefined): boolean => t !== undefined && DISCRETIONARY.includes(t);
const DETERMINATE_CUSTODY: readonly SentenceType[] = ['determinate', 'extended_determinate'];

export const isIndeterminate = (t: SentenceType | undefined): boolean => t !== undefined && INDETERMINATE.includes(t);
export const isDeterminateCustody = (t: SentenceType | undefined): boolean => t !== undefined && DETERMINATE_CUSTODY.includes(t);
export const isCustodialSentence = (t: SentenceType | undefined): boolean => isIndeterminate(t) || isDeterminateCustody(t);

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

// ---------------------------------------------------------------------------
// The obligations

interface Spec {
  rule: ObligationRule;
  kind: string;
  due: string;
  windowStart: string;
  basis: string;
  path: Path;
  reviewType: ReviewType;
  accepts?: 'any' | ReviewType;
  /** A review after the due date counts as "late" only up to this date (inclusive); none: no limit. */
  lateUntil?: string;
  /** A review on this date or later is after the due date (default: the day after due). */
  lateFrom?: string;
  /** Any review from windowStart on meets it, however late (significant events: only an event with no review after it is reported). */
  openEnded?: boolean;
  /** No "done late": only a review in the window meets it (a move to open conditions is reviewed before it). */
  noLate?: boolean;
  defaultDeadline?: boolean;
}

function judge(spec: Spec, records: readonly ReviewRecord[], asOf: string): Obligation {
  const accepts = spec.accepts ?? 'any';
  const counts = (r: ReviewRecord): boolean => accepts === 'any' || r.type === accepts;
  const base = {
    rule: spec.rule,
    kind: spec.kind,
    due: spec.due,
    windowStart: spec.windowStart,
    windowEnd: spec.due,
    basis: spec.basis,
    path: spec.path,
    reviewType: spec.reviewType,
    accepts,
    policy: OBLIGATION_POLICY[spec.rule],
    ...(spec.defaultDeadline ? { defaultDeadline: true } : {}),
  };
  const inWindow = records.find((r) => counts(r) && r.date >= spec.windowStart && (spec.openEnded || r.date <= spec.due));
  if (inWindow) return { ...base, state: 'met', metBy: inWindow.path, metOn: inWindow.date, daysPast: 0 };
  if (spec.noLate) {
    const before = records.filter((r) => counts(r) && r.date < spec.windowStart).pop();
    const lastBefore = before ? { lastBefore: { date: before.date, path: before.datePath } } : {};
    return { ...base, ...lastBefore, state: asOf > spec.due ? 'overdue' : 'upcoming', daysPast: asOf > spec.due ? daysBetween(spec.due, asOf) : 0 };
  }
  const lateFrom = spec.lateFrom ?? addDays(spec.due, 1);
  const late = records.find((r) => counts(r) && r.date >= lateFrom && (spec.lateUntil === undefined || r.date <= spec.lateUntil));
  if (late) return { ...base, state: 'late', metBy: late.path, metOn: late.date, daysPast: Math.max(1, daysBetween(spec.due, late.date)) };
  if (asOf > spec.due) return { ...base, state: 'overdue', daysPast: daysBetween(spec.due, asOf) };
  return { ...base, state: 'upcoming', daysPast: 0 };
}

const EVENT_NOUN: Record<string, string> = {
  transfer: 'transfer',
  objective_achieved: 'objective achieved',
  parole_review: 'parole review',
  release: 'release',
  risk_change: 'change in risk',
  no_progress: 'no progress',
  recall: 'recall',
};

/**
 * Every review obligation of the plan on `asOf`, sorted by due date (then rule id).
 * The output is a stable contract for the CLI report and the language server.
 */
export function dueDates(plan: Plan, asOf: string, policy: Policy): Obligation[] {
  const p = policy.review;
  const s = plan.sentence ?? {};
  const records = reviewRecords(plan, asOf);
  const custody = inCustody(plan, asOf);
  const out: Obligation[] = [];
  const add = (spec: Spec, recs: readonly ReviewRecord[] = records): void => {
    out.push(judge(spec, recs, asOf));
  };

  // Initial OASys assessment: from sentencing to the due date. An extended sentence is always
  // longer than 10 months (its custodial term is at least 4 years), so its length need not be recorded.
  if (s.sentenced_on && s.type) {
    let due: Duration | undefined;
    if (isIndeterminate(s.type)) due = p.initial_oasys.indeterminate.due_after_sentencing;
    else if (s.type === 'extended_determinate' || (s.type === 'determinate' && s.length_months !== undefined && s.length_months > p.initial_oasys.determinate.applies_over_months))
      due = p.initial_oasys.determinate.due_after_sentencing;
    if (due)
      add({
        rule: 'review/initial-oasys',
        kind: 'Initial OASys assessment',
        due: addDuration(s.sentenced_on, due),
        windowStart: s.sentenced_on,
        basis: `${describeDuration(due)} after sentencing on ${s.sentenced_on}`,
        path: ['sentence', 'sentenced_on'],
        reviewType: 'initial',
      });
  }

  // Periodic review in custody: each review starts the next interval. Extended sentences join the
  // determinate 2-yearly review (PRT: determinate over 2 years; an extended custodial term always is).
  if (custody && s.type) {
    let interval: Duration | undefined;
    if (isIndeterminate(s.type)) interval = p.periodic.indeterminate.interval;
    else if (s.type === 'extended_determinate' || (s.type === 'determinate' && s.length_months !== undefined && s.length_months > p.periodic.determinate.applies_over_months))
      interval = p.periodic.determinate.interval;
    if (interval) {
      // One review per date: two records on the same day are the same review.
      const chain = records.filter((r, i) => i === 0 || r.date !== records[i - 1].date);
      for (let i = 0; i < chain.length; i++) {
        const from = chain[i];
        const due = addDuration(from.date, interval);
        // Reviews before release are the pre-release review's job once release comes first.
        if (isDeterminateCustody(s.type) && s.release_date && due >= s.release_date) break;
        add(
          {
            rule: 'review/periodic',
            kind: 'Periodic review',
            due,
            windowStart: addDays(from.date, 1),
            basis: `${describeDuration(interval)} after the review on ${from.date}`,
            path: from.datePath,
            reviewType: 'periodic',
          },
          chain.slice(i + 1, i + 2),
        );
      }
    }
  }

  // Pre-tariff sift (life and IPP) and pre-parole reviews (life, IPP, and extended sentences with
  // a PED: PSI 2.17 "approaching a parole review"), in custody. Once the PED has passed they are
  // history: the next parole review (`sentence.next_parole_review`) drives the next pre-parole review.
  const ped = s.parole_eligibility_date;
  if (custody && isDiscretionary(s.type) && ped) {
    const pedPassed = asOf > ped;
    const t = p.pre_tariff;
    const tDue = addDuration(ped, t.due_before_ped, -1);
    // A short tariff can put the sift date before sentencing: then it is not owed.
    const owed = !s.sentenced_on || tDue >= s.sentenced_on;
    if (isIndeterminate(s.type) && owed && !pedPassed)
      add({
        rule: 'review/pre-tariff',
        kind: 'Pre-tariff review',
        due: tDue,
        windowStart: addDuration(tDue, t.window, -1),
        basis: `${describeDuration(t.due_before_ped)} before the parole eligibility date on ${ped}`,
        path: ['sentence', 'parole_eligibility_date'],
        reviewType: 'pre_tariff',
        lateUntil: ped,
      });
    const pp = p.pre_parole;
    const before = s.type === 'extended_determinate' ? pp.extended_due_before_ped : pp.due_before_ped;
    const npr = s.next_parole_review;
    const historyFrom = addDuration(ped, pp.ped_history_after);
    if (pedPassed && npr && npr > ped) {
      const due = addDuration(npr, pp.next_review_due_before, -1);
      add({
        rule: 'review/pre-parole',
        kind: 'Pre-parole review',
        due,
        windowStart: addDuration(due, pp.window, -1),
        basis: `${describeDuration(pp.next_review_due_before)} before the next parole review on ${npr}`,
        path: ['sentence', 'next_parole_review'],
        reviewType: 'pre_parole',
        lateUntil: npr,
      });
    } else if (!pedPassed || asOf <= historyFrom) {
      const pDue = addDuration(ped, before, -1);
      add({
        rule: 'review/pre-parole',
        kind: 'Pre-parole review',
        due: pDue,
        windowStart: addDuration(pDue, pp.window, -1),
        basis: `${describeDuration(before)} before the parole eligibility date on ${ped}`,
        path: ['sentence', 'parole_eligibility_date'],
        reviewType: 'pre_parole',
        lateUntil: ped,
      });
    }
  }

  // Pre-release reviews: in custody, with a release date. For MAPPA level 2 or 3 the review
  // 6 months before release takes the place of the 8-to-2-weeks one (PRT: "this should happen
  // 6 months before"), unless policy data (`pre_release.mappa_levels_instead`) says otherwise.
  const release = s.release_date;
  const level = plan.assessment?.mappa?.level;
  if (custody && release) {
    const m = p.pre_release_mappa;
    const mappa = level !== undefined && m.mappa_levels.includes(level);
    const replaced = level !== undefined && p.pre_release.mappa_levels_instead.includes(level);
    if (isDeterminateCustody(s.type) && !replaced) {
      const r = p.pre_release;
      add({
        rule: 'review/pre-release',
        kind: 'Pre-release review',
        due: addDuration(release, r.due_before_release, -1),
        windowStart: addDuration(release, r.window_opens_before_release, -1),
        basis: `${describeDuration(r.due_before_release)} before release on ${release}`,
        path: ['sentence', 'release_date'],
        reviewType: 'pre_release',
        lateUntil: release,
      });
    }
    if (mappa) {
      const due = addDuration(release, m.due_before_release, -1);
      add({
        rule: 'review/pre-release-mappa',
        kind: 'MAPPA pre-release review',
        due,
        windowStart: addDuration(due, m.window, -1),
        basis: `${describeDuration(m.due_before_release)} before release on ${release}, MAPPA level ${level}`,
        path: ['sentence', 'release_date'],
        reviewType: 'pre_release',
        lateUntil: release,
      });
    }
  }

  // After release, a CRC or life case has a review (PSI 1.9: the plan is "completed post-release").
  const postRelease = postReleaseApplies(plan, asOf);
  if (postRelease && release) {
    const w = p.post_release.within;
    add({
      rule: 'review/post-release',
      kind: 'Review after release',
      due: addDuration(release, w),
      windowStart: release,
      basis: `planlint's default of ${describeDuration(w)} after release on ${release}`,
      path: ['sentence', 'release_date'],
      reviewType: 'significant_event',
      openEnded: true,
      defaultDeadline: true,
    });
  }

  // Significant events: met by any review on or after the event (only an event with no review
  // after it is reported, once planlint's default number of weeks has passed); a move to open
  // conditions, by a review in the window before the move. An objective recorded achieved after
  // the latest review is an event too (PSI 2.17, 1.9).
  const weeks = p.significant_event_weeks;
  const event = (kind: string, date: string, path: Path): void =>
    add({
      rule: 'review/significant-event',
      kind,
      due: addWeeks(date, weeks),
      windowStart: date,
      basis: `planlint's default of ${plural(weeks, 'week')} after the event on ${date}`,
      path,
      reviewType: 'significant_event',
      openEnded: true,
      defaultDeadline: true,
    });
  for (const e of plan.events) {
    if (!e.date || !e.type) continue;
    if (e.type === 'release' && postRelease) continue; // review/post-release judges it
    if (e.type === 'transfer_to_open_conditions') {
      add({
        rule: 'review/significant-event',
        kind: 'Review before the move to open conditions',
        due: addDays(e.date, -1),
        windowStart: addDuration(e.date, p.open_conditions.window_before_move, -1),
        basis: `before the move to open conditions on ${e.date}`,
        path: [...e.path, 'date'],
        reviewType: 'significant_event',
        noLate: true,
        defaultDeadline: true,
      });
    } else event(`Significant-event review (${EVENT_NOUN[e.type]})`, e.date, [...e.path, 'date']);
  }
  const latest = records.length ? records[records.length - 1].date : undefined;
  for (const o of plan.objectives) {
    if (o.status !== 'achieved' || !o.achieved_on || o.achieved_on > asOf) continue;
    if (latest !== undefined && o.achieved_on <= latest) continue;
    // The same achievement recorded in `events` is one event.
    if (plan.events.some((e) => e.type === 'objective_achieved' && e.date === o.achieved_on)) continue;
    event(`Significant-event review (objective ${o.id ?? Number(o.path[1]) + 1} achieved)`, o.achieved_on, [...o.path, 'achieved_on']);
  }

  // Termination review: only a review of type termination counts.
  const end = s.sentence_end_date;
  if (end) {
    add({
      rule: 'review/termination',
      kind: 'Termination review',
      due: end,
      windowStart: addDuration(end, p.termination.window_opens_before_end, -1),
      basis: `the end of the sentence on ${end}; planlint's default window opens ${describeDuration(p.termination.window_opens_before_end)} before it`,
      path: ['sentence', 'sentence_end_date'],
      reviewType: 'termination',
      accepts: 'termination',
    });
  }

  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

/**
 * Whether review/post-release applies: a CRC-allocated or life case in the community whose
 * release date has passed (PSI 19/2014 para 1.9).
 */
export function postReleaseApplies(plan: Plan, asOf: string): boolean {
  const s = plan.sentence;
  if (!s || s.setting !== 'community' || !s.release_date || s.release_date > asOf) return false;
  return s.allocation === 'crc' || s.type === 'life';
}

/**
 * CRC-allocated custody cases: the earliest date a pre-release plan review may have
 * (PSI 19/2014 para 1.9). Undefined when the case is not CRC-allocated, not in custody,
 * or has no release date.
 */
export function crcPlanWindow(plan: Plan, asOf: string, policy: Policy): { earliest: string; release: string; basis: string } | undefined {
  const s = plan.sentence;
  if (!s || s.allocation !== 'crc' || !s.release_date || !inCustody(plan, asOf)) return undefined;
  const d = policy.review.crc_release_window.earliest_before_release;
  return { earliest: addDuration(s.release_date, d, -1), release: s.release_date, basis: `${describeDuration(d)} before release on ${s.release_date}` };
}
