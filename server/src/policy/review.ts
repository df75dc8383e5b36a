// Review policy data: intervals and windows for the review/* rules (rules.md, "review").
export interface ReviewPolicy {
  /** A significant event must be reviewed within this many weeks (PSI 2.17). */
  significant_event_weeks: number;
}
