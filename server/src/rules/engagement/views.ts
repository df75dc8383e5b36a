// engagement/views: the person's own views on the plan are recorded, or why they were not involved (PSI 19/2014 paras 2.5, 2.21; PRT).
import type { Rule } from '../../engine/rule.js';
import { hasValue } from '../plan/support.js';

export const views: Rule = {
  meta: {
    id: 'engagement/views',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 1.5, 2.5; PRT "Can I say what I think about my sentence plan?"',
    description: 'The person\'s own views on the plan are recorded; when they were not involved, the reason is.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      notInvolvedNoReason:
        'The person was not involved in planning, and the plan records neither why (`reason`) nor what they said (`views`). Record the reason, and any views they gave, so the review can build on it ({cite}).',
      missing:
        'The person\'s own views on the plan are not recorded. The plan should be drawn up with them and say what they think, in their own words ({cite}): add `engagement.views`.',
    },
    docs: {
      rationale:
        'A plan drawn up with the person, in which they can say what they think and what would help them, is more likely to be followed (PSI 19/2014 para 2.5; PRT). Record their views in `engagement.views`, in their own words.\n\nWhen the person was not involved (`involved: false`), the plan should still say why, in `engagement.reason`, or record what they said in `views`. This rule reports that case too, as a warning; `engagement/recorded` (an error) only requires `involved` and `discussed_on`. planlint never echoes the views or the reason: they are personal data.',
      bad: 'engagement:\n  involved: false\n  discussed_on: 2026-10-02',
      good: 'engagement:\n  involved: false\n  discussed_on: 2026-10-02\n  reason: Declined to attend the planning meeting; the plan was explained in writing.',
    },
  },
  check(ctx) {
    const e = ctx.plan.engagement;
    if (!e) return; // engagement/recorded reports a missing engagement record.
    if (hasValue(ctx.root, ['engagement', 'views'])) return;
    if (e.involved === false) {
      if (hasValue(ctx.root, ['engagement', 'reason'])) return;
      ctx.report({
        path: ['engagement', 'involved'],
        at: 'value',
        messageId: 'notInvolvedNoReason',
        cite: 'PSI 19/2014 paras 1.5, 2.5',
      });
      return;
    }
    ctx.report({
      path: ['engagement', 'views'],
      messageId: 'missing',
      cite: 'PSI 19/2014 para 2.5',
    });
  },
};
