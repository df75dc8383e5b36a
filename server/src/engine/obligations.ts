// Due dates: every review obligation a plan has, with its due date, its window and its
// state on the as-of date. Shared by the review/* rules, the CLI report (upcoming dues) and
// the language server (hover, code lens). Pure: "today" is `asOf`, never the clock.
//
// The obligations are policy data: the `obligations` table of policy/review.json (overridable
// in configuration), evaluated by the one interpreter in policy/obligations.ts. This module is
// the engine's entry point to it; docs/reviews.md explains the semantics for users.

import type { Policy } from '../policy/index.js';
import { addDuration, describeDuration, evaluateObligations, inCustody, type Obligation } from '../policy/obligations.js';
import type { SentenceType } from './model.js';
import type { Duration } from '../policy/review.js';
import type { Plan } from './model.js';

export type { Duration } from '../policy/review.js';
export {
  addDuration,
  describeDuration,
  inCustody,
  isCustodialSentence,
  plural,
  reviewRecords,
  type Obligation,
  type ObligationRule,
  type ObligationState,
  type ReviewRecord,
} from '../policy/obligations.js';

const INDETERMINATE: readonly SentenceType[] = ['life', 'ipp'];
const DISCRETIONARY: readonly SentenceType[] = ['life', 'ipp', 'extended_determinate'];
const DETERMINATE_CUSTODY: readonly SentenceType[] = ['determinate', 'extended_determinate'];
/** Life, IPP and extended sentences: release is at the Parole Board's discretion. */
export const isDiscretionary = (t: SentenceType | undefined): boolean => t !== undefined && DISCRETIONARY.includes(t);
export const isIndeterminate = (t: SentenceType | undefined): boolean => t !== undefined && INDETERMINATE.includes(t);
export const isDeterminateCustody = (t: SentenceType | undefined): boolean => t !== undefined && DETERMINATE_CUSTODY.includes(t);

/**
 * Every review obligation of the plan on `asOf`, sorted by due date (then rule id).
 * The output is a stable contract for the CLI report and the language server.
 */
export function dueDates(plan: Plan, asOf: string, policy: Policy): Obligation[] {
  return evaluateObligations(plan, asOf, policy.review);
}

/**
 * CRC-allocated custody cases: the earliest date a pre-release plan review may have
 * (PSI 19/2014 para 1.9). Undefined when the case is not CRC-allocated, not in custody,
 * or has no release date. A limit, not a deadline: review/crc-release-window judges it.
 */
export function crcPlanWindow(plan: Plan, asOf: string, policy: Policy): { earliest: string; release: string; basis: string; limit: Duration } | undefined {
  const s = plan.sentence;
  if (!s || s.allocation !== 'crc' || !s.release_date || !inCustody(plan, asOf)) return undefined;
  const d = policy.review.crc_release_window.earliest_before_release;
  return { earliest: addDuration(s.release_date, d, -1), release: s.release_date, basis: `${describeDuration(d)} before release on ${s.release_date}`, limit: d };
}
