// plan/withdrawn-still-listed: objectives and actions that are no longer appropriate are removed at the earliest review (PSI 19/2014 para 2.20).
import type { Rule } from '../../engine/rule.js';
import type { Fix, Path } from '../../engine/types.js';
import { label } from './support.js';

export const withdrawnStillListed: Rule = {
  meta: {
    id: 'plan/withdrawn-still-listed',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.19, 2.20',
    description: 'An objective or action marked `no_longer_appropriate` is still in the plan: remove it at the earliest review.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
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
    const since = (d: string | undefined): string => {
      const r = reviewedSince(d);
      return r ? ` The review of ${r} came after it was marked (${d}): it should have been removed then.` : '';
    };
    const removal = (seq: 'objectives' | 'actions', path: Path, what: string): Fix[] => {
      const e = ctx.edit.removeItem([seq], Number(path[1]));
      return e ? [{ title: `Remove ${what} from the plan`, edits: [e], fixAll: false }] : [];
    };
    for (const o of plan.objectives) {
      if (o.status !== 'no_longer_appropriate') continue;
      const name = label(o, 'objective');
      const users = o.id ? plan.actions.filter((a) => a.objective === o.id) : [];
      const users2 = users.map((a) => label(a, 'action'));
      ctx.report({
        path: [...o.path, 'status'],
        at: 'value',
        message:
          `Objective ${name} is marked no longer appropriate but is still in the plan. Remove it at the earliest review (PSI 19/2014 para 2.20)` +
          (users.length ? `, with or after the actions that serve it (${users2.join(', ')}).` : '.') + since(o.status_since),
        severity: severityFor(o.status_since),
        fixes: users.length ? [] : removal('objectives', o.path, `objective ${name}`),
      });
    }
    for (const a of plan.actions) {
      if (a.status !== 'no_longer_appropriate') continue;
      const name = label(a, 'action');
      const users = a.id ? plan.actions.filter((b) => b !== a && (b.after ?? []).includes(a.id!)) : [];
      const users2 = users.map((b) => label(b, 'action'));
      ctx.report({
        path: [...a.path, 'status'],
        at: 'value',
        message:
          `Action ${name} is marked no longer appropriate but is still in the plan. Remove it at the earliest review (PSI 19/2014 para 2.20)` +
          (users.length ? `, and take it out of the \`after\` list of ${users2.join(', ')}.` : '.') + since(a.status_since),
        severity: severityFor(a.status_since),
        fixes: users.length ? [] : removal('actions', a.path, `action ${name}`),
      });
    }
  },
};
