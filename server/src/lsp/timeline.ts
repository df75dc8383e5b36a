// `planlint/timeline` (protocol.ts): the sentence timeline of an open plan, computed here from
// the cached lint result (the plan model, the document's resolved configuration and as-of
// date), so the VS Code client draws it without bundling the engine. Also what the status
// bar and the code lens show: the next obligation, described.

import { defaultConfig } from '../engine/config.js';
import { daysBetween, isValidDate } from '../engine/dates.js';
import { dueDates, type Obligation } from '../engine/obligations.js';
import { describeObligation, renderTimeline, timelineModel } from '../engine/timeline.js';
import type { ServerState } from './context.js';
import type { TimelineObligation, TimelineParams, TimelineResult } from './protocol.js';
import { baseName } from '../project/planFiles.js';

/** The key of an obligation within a document version (the code lens names it, the timeline highlights it). */
export const obligationKey = (o: Obligation): string => `${o.rule}@${o.due}`;

const byDue = (a: Obligation, b: Obligation): number => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0);

/** The obligation to show: the longest-overdue one, else the next upcoming one; none when all are met. */
export function nextObligation(obligations: readonly Obligation[]): Obligation | undefined {
  const overdue = obligations.filter((o) => o.state === 'overdue').sort(byDue);
  if (overdue.length) return overdue[0];
  return obligations.filter((o) => o.state === 'upcoming').sort(byDue)[0];
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

/** An obligation as the protocol carries it (protocol.ts). */
export function obligationView(o: Obligation): TimelineObligation {
  return {
    key: obligationKey(o),
    rule: o.rule,
    kind: o.kind,
    windowStart: o.windowStart,
    due: o.due,
    state: o.state,
    description: describeObligation(o),
    basis: o.basis,
    daysPast: o.daysPast,
    defaultDeadline: !!o.defaultDeadline,
  };
}

export async function timeline(s: ServerState, p: TimelineParams): Promise<TimelineResult | null> {
  if (typeof p.uri !== 'string') return null;
  const l = await s.linted(p.uri);
  if (!l) return null;
  const asOf = typeof p.asOf === 'string' && isValidDate(p.asOf) ? p.asOf : l.options.asOf;
  const { plan, isTemplate } = l.result;
  const obligations = isTemplate ? [] : dueDates(plan, asOf, (l.options.config ?? defaultConfig()).policy);
  const model = timelineModel(plan, asOf, obligations);
  // The file's base name titles the chart (a name, not plan content; the engine escapes it).
  const svg = renderTimeline(model, { title: `Sentence timeline of ${baseName(p.uri) || 'plan'}` });
  const next = nextObligation(obligations);
  return {
    uri: p.uri,
    version: l.version,
    asOf,
    isTemplate,
    svg,
    rows: model.rows,
    obligations: obligations.map(obligationView),
    ...(next ? { next: { key: obligationKey(next), state: next.state, text: describeNext(next, asOf) } } : {}),
  };
}
