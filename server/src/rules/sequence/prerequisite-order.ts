// sequence/prerequisite-order: an action does not come before (in priority or in dates) an action it is `after`.
import type { Action } from '../../engine/model.js';
import type { Rule } from '../../engine/rule.js';
import type { MessageValue, Msg } from '../../engine/messages.js';
import type { Path } from '../../engine/types.js';
import { actionsById, afterLinks, isLive, label, priorityOrder } from './support.js';

export const prerequisiteOrder: Rule = {
  meta: {
    id: 'sequence/prerequisite-order',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.12, 2.13',
    description: 'An action does not come before an action it is `after`: not higher in priority, and not starting before that action is due to finish.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      outOfOrder:
        '{action} comes after {prerequisite}, but {reasons}. Sequence the work so each step follows the one it depends on ({cite}): reorder the actions or correct the dates.',
      bothReasons: '{a}, and {b}',
      higherPriority: 'it has a higher priority ({priority}, against {prerequisitePriority})',
      listedBefore: 'it is listed before {prerequisite}',
      dateClash:
        '{x, select, start {it starts on {xDate, date}} other {it is due to finish on {xDate, date}}}, before {prerequisite} {y, select, target {is due to finish on} other {starts on}} {yDate, date}',
      relatedFirst: '{prerequisite} must come first.',
      relatedDue: '{prerequisite} is due to finish on this date.',
    },
    docs: {
      rationale:
        'When an action is `after` another, the plan must not contradict itself: the later action cannot have a higher priority than its prerequisite, nor be scheduled to start before the prerequisite is due to finish (PSI 19/2014 paras 2.12, 2.13: activities follow on from earlier supporting work).\n\n' +
        'Priority is compared by `priority` when every action has one, or by list order when none has. Dates compare the action\'s `start_date` (or, without one, its `target_date`) with the prerequisite\'s `target_date` (or, without one, its `start_date`). Withdrawn and no-longer-appropriate actions are left out. The finding points at the `after` entry; the related location is the prerequisite\'s priority or date.',
      bad: 'actions:\n  - { id: ACT-1, priority: 1, after: [ACT-2], start_date: 2025-05-01 }\n  - { id: ACT-2, priority: 2, target_date: 2025-06-30 }',
      good: 'actions:\n  - { id: ACT-2, priority: 1, target_date: 2025-06-30 }\n  - { id: ACT-1, priority: 2, after: [ACT-2], start_date: 2025-07-01 }',
    },
  },
  check(ctx) {
    const acts = ctx.plan.actions;
    const byId = actionsById(acts);
    const cmp = priorityOrder(acts);
    const numbered = acts.length > 0 && acts[0].priority !== undefined;
    for (const x of acts) {
      if (!isLive(x)) continue;
      for (const link of afterLinks(ctx, x)) {
        const y = byId.get(link.id);
        if (!y || y === x || !isLive(y)) continue;
        const reasons: Msg[] = [];
        let related: { path: Path; message: Msg } | undefined;
        if (cmp && cmp(x, y) < 0) {
          reasons.push(
            numbered
              ? { id: 'higherPriority', data: { priority: x.priority!, prerequisitePriority: y.priority! } }
              : { id: 'listedBefore', data: { prerequisite: label(y) } },
          );
          related = { path: numbered ? [...y.path, 'priority'] : y.path, message: { id: 'relatedFirst', data: { prerequisite: label(y) } } };
        }
        const d = dateClash(x, y);
        if (d) {
          reasons.push(d.text);
          related ??= { path: d.path, message: { id: 'relatedDue', data: { prerequisite: label(y) } } };
        }
        if (!reasons.length) continue;
        const why: MessageValue = reasons.length === 2 ? { id: 'bothReasons', data: { a: reasons[0], b: reasons[1] } } : reasons[0];
        ctx.report({
          path: link.path,
          at: 'value',
          messageId: 'outOfOrder',
          data: { action: label(x), prerequisite: label(y), reasons: why },
          cite: 'PSI 19/2014 paras 2.12, 2.13',
          related: related ? [{ path: related.path, at: 'value', message: related.message }] : [],
        });
      }
    }
  },
};

function dateClash(x: Action, y: Action): { text: Msg; path: Path } | undefined {
  const xs = x.start_date ?? x.target_date;
  const yEnd = y.target_date ?? y.start_date;
  if (!xs || !yEnd || xs >= yEnd) return undefined;
  const text: Msg = {
    id: 'dateClash',
    data: { x: x.start_date ? 'start' : 'target', xDate: xs, prerequisite: label(y), y: y.target_date ? 'target' : 'start', yDate: yEnd },
  };
  return { text, path: [...y.path, y.target_date ? 'target_date' : 'start_date'] };
}
