// Review policy data: the due dates and windows behind the review/* rules and the due-date
// engine (engine/obligations.ts). Data in review.json, schema in schemas/policy/review.schema.json.
// Every interval is a Duration with its units, applied largest unit first.

/** A length of time with its units: `{ weeks: 10 }`, `{ years: 2, weeks: 24 }`. */
export interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

export interface ReviewPolicy {
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
