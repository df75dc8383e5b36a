// smart/time-bound: an objective has a target date (PSI 19/2014 para 2.7).
import type { Rule } from '../../engine/rule.js';
import { addMonths, minDate } from '../../engine/dates.js';
import { msg, type Msg } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import type { FixSpec } from '../../engine/types.js';
import { hasValue, isBlockMap, liveObjectives } from '../plan/support.js';
import { isCustodyPhase } from './phase.js';

export const timeBound: Rule = {
  meta: {
    id: 'smart/time-bound',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.3, 2.7; PRT "What can be included on my sentence plan?"',
    description: 'An objective has a `target_date`.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      missing: 'Objective {objective} has no target date. Objectives must be time-bound ({cite}): add `target_date`.',
      fixPlaceholder: 'Add a `target_date` placeholder',
      // The date as it will be written in the file (ISO), in every locale.
      fixDate: 'Add `target_date: {date}` (confirm the date)',
    },
    docs: {
      rationale:
        'Objectives must be SMART, and the T is for Time-bound (PSI 19/2014 para 2.7); the plan must set out expected timescales (para 2.3). Without a `target_date` nobody can tell when the objective is overdue or whether it fits in the sentence.\n\n' +
        'The quick fix inserts a target date 6 months after the as-of date (policy data: `smart.time_bound_default_months`), brought forward to the release date for custody-phase work (every action serving the objective is `phase: custody`) and to the end of the sentence. In a template it inserts a `${target_date}` placeholder instead. It is never applied unattended: agree the date with the person.',
      bad: 'objectives:\n  - id: OBJ-3\n    description: Obtain a CSCS card through the prison construction workshop.\n    measure: CSCS card issued.',
      good: 'objectives:\n  - id: OBJ-3\n    description: Obtain a CSCS card through the prison construction workshop.\n    measure: CSCS card issued.\n    target_date: 2027-05-31',
    },
  },
  check(ctx) {
    const s = ctx.plan.sentence;
    for (const o of liveObjectives(ctx.plan)) {
      // An objective that cannot start yet needs no target date until it can.
      if (o.status === 'future') continue;
      const path = [...o.path, 'target_date'];
      if (hasValue(ctx.root, path)) continue;
      const raw = (ctx.root as { objectives?: Record<string, unknown>[] })?.objectives?.[Number(o.path[1])];
      const fixes: FixSpec[] = [];
      if (raw && typeof raw === 'object' && !('target_date' in raw)) {
        let value: string;
        let title: Msg;
        if (ctx.isTemplate) {
          value = isBlockMap(ctx, o.path) ? '${target_date}' : '"${target_date}"';
          title = msg('fixPlaceholder');
        } else {
          const proposed = addMonths(ctx.asOf, ctx.policy.smart.time_bound_default_months);
          const caps = [s?.sentence_end_date, isCustodyPhase(ctx.plan, o) ? s?.release_date : undefined].filter((d): d is string => !!d && d >= ctx.asOf);
          value = minDate(proposed, ...caps)!;
          title = msg('fixDate', { date: value });
        }
        const e = ctx.edit.insertPair(o.path, 'target_date', value);
        if (e) fixes.push({ title, edits: [e], fixAll: false });
      }
      ctx.report({
        path,
        messageId: 'missing',
        data: { objective: itemLabel(o, 'objective') },
        cite: 'PSI 19/2014 para 2.7',
        fixes,
      });
    }
  },
};
