// What the status bar says about a plan: pure functions over the engine's obligations.

import { daysBetween } from '../../server/src/engine/dates.js';
import type { Obligation } from '../../server/src/engine/obligations.js';

/** The obligation to show: the longest-overdue one, else the next upcoming one; none when all are met. */
export function nextObligation(obligations: readonly Obligation[]): Obligation | undefined {
  const overdue = obligations.filter((o) => o.state === 'overdue').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  if (overdue.length) return overdue[0];
  return obligations.filter((o) => o.state === 'upcoming').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** "Pre-release review due in 5 days", "… due today", "Periodic review overdue by 3 days". */
export function describeNext(o: Obligation, asOf: string): string {
  if (o.state === 'overdue') return `${o.kind} overdue by ${days(o.daysPast)}`;
  const n = daysBetween(asOf, o.due);
  if (n === 0) return `${o.kind} due today`;
  if (n === 1) return `${o.kind} due tomorrow`;
  return `${o.kind} due in ${days(n)}`;
}
