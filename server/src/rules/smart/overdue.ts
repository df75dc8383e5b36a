// smart/overdue: an objective's target date has passed and it is not closed (PSI 19/2014 paras 2.17, 2.19).
import type { Rule } from '../../engine/rule.js';
import { daysBetween } from '../../engine/dates.js';
import { itemLabel } from '../../engine/privacy.js';

export const overdue: Rule = {
  meta: {
    id: 'smart/overdue',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.7, 2.17, 2.19',
    description: 'An objective\'s target date has passed and it is not `achieved` or `no_longer_appropriate`: review it.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      overdue:
        "Objective {objective}'s target date passed {days} ago and it is not recorded as achieved. Review it ({cite}): mark it achieved, set a new realistic target date, or mark it no longer appropriate.",
    },
    docs: {
      rationale:
        'An objective whose target date has passed without being achieved is a sign that progress is not being made, which calls for a review to consider other options (PSI 19/2014 paras 2.17, 2.19). Review it: record it as `achieved`, set a new realistic target date, or mark it `no_longer_appropriate` and replace it. The target date itself is still in time on its day; the warning starts the day after, judged against the as-of date.',
      bad: '# as of 2026-11-23\nobjectives:\n  - id: OBJ-1\n    target_date: 2026-09-30\n    status: in_progress',
      good: '# as of 2026-11-23\nobjectives:\n  - id: OBJ-1\n    target_date: 2027-03-31\n    status: in_progress',
    },
  },
  check(ctx) {
    for (const o of ctx.plan.objectives) {
      if (!o.target_date || o.status === 'achieved' || o.status === 'no_longer_appropriate') continue;
      if (o.target_date >= ctx.asOf) continue; // ISO dates compare as strings
      const late = daysBetween(o.target_date, ctx.asOf);
      if (late <= 0) continue;
      ctx.report({
        path: [...o.path, 'target_date'],
        at: 'value',
        messageId: 'overdue',
        data: { objective: itemLabel(o, 'objective'), days: { id: 'common.days', data: { n: late } } },
        cite: 'PSI 19/2014 paras 2.17, 2.19',
      });
    }
  },
};
