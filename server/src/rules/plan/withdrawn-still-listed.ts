// plan/withdrawn-still-listed: objectives and actions that are no longer appropriate are removed at the earliest review (PSI 19/2014 para 2.20).
import type { MessageValue, Msg } from '../../engine/messages.js';
import type { Rule } from '../../engine/rule.js';
import { itemLabel } from '../../engine/privacy.js';
import type { FixSpec, Path } from '../../engine/types.js';
import { JOIN_MESSAGES, list } from './support.js';

export const withdrawnStillListed: Rule = {
  meta: {
    id: 'plan/withdrawn-still-listed',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.19, 2.20',
    description: 'An objective or action marked `no_longer_appropriate` is still in the plan: remove it at the earliest review.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...JOIN_MESSAGES,
      objective:
        'Objective {objective} is marked no longer appropriate but is still in the plan. Remove it at the earliest review ({cite}){n, plural, =0 {.} other {, with or after the actions that serve it ({users}).}}{since}',
      action:
        'Action {action} is marked no longer appropriate but is still in the plan. Remove it at the earliest review ({cite}){n, plural, =0 {.} other {, and take it out of the `after` list of {users}.}}{since}',
      reviewedSince: ' The review of {review, date} came after it was marked ({marked, date}): it should have been removed then.',
      fixRemoveObjective: 'Remove objective {objective} from the plan',
      fixRemoveAction: 'Remove action {action} from the plan',
    },
    docs: {
      rationale:
        'Reviews adapt or change actions that are completed or no longer appropriate (PSI 19/2014 para 2.19), and activities that no longer address the risks and needs must be taken out of the plan at the earliest opportunity (para 2.20). An objective or action with `status: no_longer_appropriate` is a reminder to do that. It is a warning; it becomes an error when `status_since` records when the item was marked and a review has been recorded after that date, because that review was the earliest chance to remove it.\n\nThe quick fix removes the item, with its comments. It is offered only when nothing else in the plan refers to it (no action names the objective; no action lists the action in `after`), and never applied unattended, because removing an item loses its text: record the reason in the review first.',
      bad: 'actions:\n  - id: ACT-1\n    objective: OBJ-1\n    type: education\n    status: in_progress\n  - id: ACT-2\n    objective: OBJ-1\n    type: employment\n    status: no_longer_appropriate',
      good: 'actions:\n  - id: ACT-1\n    objective: OBJ-1\n    type: education\n    status: in_progress',
    },
  },
  check(ctx) {
    const plan = ctx.plan;
    // PSI 2.20 says "must" remove it at the earliest convenience: once a review has been
    // recorded after the item was marked (its `status_since`), that review was the chance, and
    // the finding is an error. Without a date, when it was marked is not known: a warning.
    const reviewDates = plan.reviews.map((r) => r.date).filter((d): d is string => !!d);
    const reviewedSince = (since: string | undefined): string | undefined => (since ? reviewDates.filter((d) => d > since).sort()[0] : undefined);
    const severityFor = (since: string | undefined) => (reviewedSince(since) ? ('error' as const) : undefined);
    const since = (d: string | undefined): MessageValue => {
      const r = reviewedSince(d);
      return r ? { id: 'reviewedSince', data: { review: r, marked: d! } } : '';
    };
    const removal = (seq: 'objectives' | 'actions', path: Path, title: Msg): FixSpec[] => {
      const e = ctx.edit.removeItem([seq], Number(path[1]));
      return e ? [{ title, edits: [e], fixAll: false }] : [];
    };
    for (const o of plan.objectives) {
      if (o.status !== 'no_longer_appropriate') continue;
      const name = itemLabel(o, 'objective');
      const users = o.id ? plan.actions.filter((a) => a.objective === o.id) : [];
      ctx.report({
        path: [...o.path, 'status'],
        at: 'value',
        messageId: 'objective',
        data: { objective: name, n: users.length, users: list(users.map((a) => itemLabel(a, 'action'))), since: since(o.status_since) },
        cite: 'PSI 19/2014 para 2.20',
        severity: severityFor(o.status_since),
        fixes: users.length ? [] : removal('objectives', o.path, { id: 'fixRemoveObjective', data: { objective: name } }),
      });
    }
    for (const a of plan.actions) {
      if (a.status !== 'no_longer_appropriate') continue;
      const name = itemLabel(a, 'action');
      const users = a.id ? plan.actions.filter((b) => b !== a && (b.after ?? []).includes(a.id!)) : [];
      ctx.report({
        path: [...a.path, 'status'],
        at: 'value',
        messageId: 'action',
        data: { action: name, n: users.length, users: list(users.map((b) => itemLabel(b, 'action'))), since: since(a.status_since) },
        cite: 'PSI 19/2014 para 2.20',
        severity: severityFor(a.status_since),
        fixes: users.length ? [] : removal('actions', a.path, { id: 'fixRemoveAction', data: { action: name } }),
      });
    }
  },
};
