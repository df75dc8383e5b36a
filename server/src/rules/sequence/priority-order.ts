// sequence/priority-order: actions are listed in priority order, numbered 1..n with no gaps or ties.
import { applyEdits } from '../../engine/edits.js';
import { reorderItems } from '../../engine/edits.js';
import type { Action } from '../../engine/model.js';
import { parseText } from '../../engine/parse.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { FixSpec, TextEdit } from '../../engine/types.js';
import { JOIN_MESSAGES, list } from '../plan/support.js';
import { label } from './support.js';

const CITE = 'PSI 19/2014 para 2.7';

export const priorityOrder: Rule = {
  meta: {
    id: 'sequence/priority-order',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.7; PRT "What can be included on my sentence plan?"',
    description: 'Actions are listed in priority order and numbered 1 to n with no gaps or ties.',
    fixable: 'fix-all',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...JOIN_MESSAGES,
      noPriority: '{action} has no `priority` while other actions have one. Give every action a priority, 1 to n in the order they are listed ({cite}).',
      outOfOrder:
        '{action} (priority {priority}) is listed after {previous} (priority {previousPriority}). Actions are set out in order of priority ({cite}): list the highest priority (1) first.',
      relatedHas: '{action} has priority {priority}.',
      tie: '{action} has the same priority ({priority}) as {other}. Give each action its own priority, 1 to n, so the order of the work is clear ({cite}).',
      relatedAlso: '{action} also has priority {priority}.',
      gap: 'Action priorities skip {missing} (they are {values}{more, select, yes {…} other {}}). Number the actions 1 to {n} with no gaps ({cite}).',
      fixRenumber:
        '{what, select, both {Reorder the actions by priority and number them} reorder {Reorder the actions by priority} other {Number the actions}} 1 to {n}{tied, select, yes { (tied actions keep their listed order)} other {}}',
    },
    docs: {
      rationale:
        'Actions are set out in order of priority (PSI 19/2014 para 2.7; PRT). planlint reads the `actions` list as that order, so each action\'s `priority` should match its place: 1 for the first, 2 for the second, and so on, with no number skipped and none shared. A plan where no action has a `priority` is fine (the list order is the priority); one where only some have one is reported.\n\n' +
        'The fix reorders the list by priority and renumbers it 1 to n in one edit, moving each action with its comments. It is applied by `--fix` when it is certain: every action has a priority and no two share one. With a tie, which action comes first is the author\'s call, so the fix (which keeps tied actions in their listed order) is offered only as a quick fix.',
      bad: 'actions:\n  - id: ACT-2\n    priority: 3\n  # stabilise first\n  - id: ACT-1\n    priority: 1',
      good: 'actions:\n  # stabilise first\n  - id: ACT-1\n    priority: 1\n  - id: ACT-2\n    priority: 2',
    },
  },
  check(ctx) {
    const acts = ctx.plan.actions;
    const numbered = acts.filter((a) => a.priority !== undefined);
    if (numbered.length === 0) return;

    const missing = acts.filter((a) => a.priority === undefined);
    for (const a of missing) {
      ctx.report({
        path: a.path,
        messageId: 'noPriority',
        data: { action: label(a) },
        cite: CITE,
      });
    }
    const fixes = missing.length ? [] : renumberFix(ctx, acts);

    // Listed out of order: the first action whose priority is above the one listed before it.
    for (let i = 1; i < numbered.length; i++) {
      const prev = numbered[i - 1];
      const a = numbered[i];
      if (a.priority! < prev.priority!) {
        ctx.report({
          path: [...a.path, 'priority'],
          at: 'value',
          messageId: 'outOfOrder',
          data: { action: label(a), priority: a.priority!, previous: label(prev), previousPriority: prev.priority! },
          cite: CITE,
          fixes,
          related: [{ path: [...prev.path, 'priority'], at: 'value', message: { id: 'relatedHas', data: { action: label(prev), priority: prev.priority! } } }],
        });
        break;
      }
    }
    // Ties.
    const first = new Map<number, Action>();
    for (const a of numbered) {
      const other = first.get(a.priority!);
      if (!other) {
        first.set(a.priority!, a);
        continue;
      }
      ctx.report({
        path: [...a.path, 'priority'],
        at: 'value',
        messageId: 'tie',
        data: { action: label(a), priority: a.priority!, other: label(other) },
        cite: CITE,
        fixes,
        related: [{ path: [...other.path, 'priority'], at: 'value', message: { id: 'relatedAlso', data: { action: label(other), priority: a.priority! } } }],
      });
    }
    // Gaps (or not starting at 1).
    const values = [...first.keys()].sort((x, y) => x - y);
    const gapAt = values.findIndex((v, k) => v !== k + 1);
    if (gapAt >= 0) {
      const a = first.get(values[gapAt])!;
      ctx.report({
        path: [...a.path, 'priority'],
        at: 'value',
        messageId: 'gap',
        data: { missing: gapAt + 1, values: list(values.slice(0, 8)), more: values.length > 8 ? 'yes' : 'no', n: numbered.length },
        cite: CITE,
        fixes,
      });
    }
  },
};

/**
 * One fix that sorts the actions by priority (stable) and numbers them 1..n. Fix-all only
 * when certain: no ties (a tie's order is the author's decision).
 */
function renumberFix(ctx: RuleContext, acts: readonly Action[]): FixSpec[] {
  const order = acts.map((_, i) => i).sort((x, y) => acts[x].priority! - acts[y].priority! || x - y);
  const target = new Map<number, number>(order.map((orig, pos) => [orig, pos + 1]));
  const tied = new Set(acts.map((a) => a.priority)).size < acts.length;
  const reorder = order.some((orig, pos) => orig !== pos);
  const renumber: TextEdit[] = [];
  for (const [orig, n] of target) {
    if (acts[orig].priority === n) continue;
    const e = ctx.edit.replaceValue([...acts[orig].path, 'priority'], String(n));
    if (!e) return [];
    renumber.push(e);
  }
  if (!reorder && !renumber.length) return [];
  let edits: TextEdit[];
  if (!reorder) edits = renumber;
  else {
    // Renumber first (in a scratch copy), then reorder that text; map the result back onto the
    // original as one edit over the list (the renumbering only touches text inside the list).
    const text = ctx.parsed.text;
    const renumbered = applyEdits(text, renumber);
    const e = reorderItems(parseText(renumbered), ['actions'], order);
    if (!e) return [];
    const delta = renumbered.length - text.length;
    const end = e.end - delta;
    if (renumber.some((r) => r.start < e.start || r.end > end)) return [];
    edits = [{ start: e.start, end, newText: e.newText }];
  }
  const what = reorder && renumber.length ? 'both' : reorder ? 'reorder' : 'renumber';
  return [{ title: { id: 'fixRenumber', data: { what, n: acts.length, tied: tied ? 'yes' : 'no' } }, edits, fixAll: !tied }];
}
