// engagement/recorded: whether the person took part in planning, and when, is recorded (PSI 19/2014 paras 1.5, 1.9, 2.5).
import type { Rule } from '../../engine/rule.js';
import { hasValue } from '../plan/support.js';

export const recorded: Rule = {
  meta: {
    id: 'engagement/recorded',
    severity: 'error',
    policy: 'PSI 19/2014 paras 1.5, 1.9, 2.5; PRT "Can I say what I think about my sentence plan?"',
    description: '`engagement.involved` and `engagement.discussed_on` record whether and when the person took part in planning.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      missing:
        'The plan does not record whether the person took part in planning. Offender managers must take steps to involve the person ({cite}): add `engagement:` with `involved` (true or false) and `discussed_on` (the date the plan was discussed).',
      missingBoth:
        'The engagement record says neither whether the person took part in planning (`involved`) nor when the plan was discussed with them (`discussed_on`). Both are required ({cite}).',
      missingInvolved:
        'The engagement record does not say whether the person took part in planning: add `involved: true` or `involved: false` ({cite}).',
      missingDiscussedOn:
        'The engagement record does not say when the plan was discussed with the person: add `discussed_on` with the date ({cite}).',
    },
    docs: {
      rationale:
        'The plan must be developed with the person, and offender managers must take steps to engage them actively in planning (PSI 19/2014 paras 1.5, 1.9, 2.5). The plan records whether that happened (`engagement.involved: true` or `false`) and on what date it was discussed (`engagement.discussed_on`). Both are needed.\n\nWhat the person said, or why they were not involved, is checked by `engagement/views` (a warning, not an error): when `involved: false`, a `reason` or `views` is expected there.',
      bad: 'engagement:\n  views: Wants to keep his job on the wing.',
      good: 'engagement:\n  involved: true\n  discussed_on: 2026-10-02\n  views: Wants to keep his job on the wing.',
    },
  },
  check(ctx) {
    if (!ctx.plan.present.has('engagement') || !hasValue(ctx.root, ['engagement'])) {
      ctx.report({
        path: ['engagement'],
        messageId: 'missing',
        cite: 'PSI 19/2014 paras 1.5, 1.9',
      });
      return;
    }
    const raw = (ctx.root as Record<string, unknown>).engagement;
    if (typeof raw !== 'object' || Array.isArray(raw)) return; // not a map: schema/shape's finding
    const missing = (['involved', 'discussed_on'] as const).filter((k) => !hasValue(ctx.root, ['engagement', k]));
    if (!missing.length) return;
    ctx.report({
      path: ['engagement', missing[0]],
      messageId: missing.length === 2 ? 'missingBoth' : missing[0] === 'involved' ? 'missingInvolved' : 'missingDiscussedOn',
      cite: 'PSI 19/2014 paras 1.5, 1.9',
    });
  },
};
