// plan/deportation: planning for foreign nationals liable to deportation (PSI 19/2014 para 2.4).
import type { Rule } from '../../engine/rule.js';
import { inCustody } from '../../engine/obligations.js';
import { mentions } from './support.js';

export const deportation: Rule = {
  meta: {
    id: 'plan/deportation',
    severity: 'info',
    policy: 'PSI 19/2014 para 2.4',
    description: 'In custody: with a deportation order, further planning may stop; when liable to deportation, the plan should prepare for release in the home country.',
    fixable: 'none',
    inTemplates: true,
    usesAsOf: true,
    demandsPlan: true,
    messages: {
      orderMade:
        'A deportation order has been made, so further sentence planning may stop ({cite}). Keep the plan to what is still useful before removal, and record the decision at the next review.',
      noHomeCountryWork:
        'The person is liable to deportation, but no objective or action prepares for release in the home country. Planning should still go on, and should include that preparation alongside work on reoffending and harm ({cite}): for example the Early Removal Scheme, the Facilitated Returns Scheme or a prisoner transfer.',
    },
    docs: {
      rationale:
        'Sentence planning for a foreign national may only stop once a deportation order has been made (PSI 19/2014 para 2.4); `deportation_order: true` gets a note saying so. Someone who is liable to deportation but has no order yet should have a realistic plan that includes preparing for release in their home country (for example the Early Removal Scheme, the Facilitated Returns Scheme, or a prisoner transfer), alongside the work to reduce reoffending and harm.\n\nNeither note is given for a person supervised in the community (`sentence.setting: community`, or no custodial sentence): there a foreign national is treated as all other offenders and has a plan for that period (para 2.4).\n\nplanlint looks for that preparation in the objectives\' and actions\' descriptions, using the phrases in policy data (`plan.home_country_phrases`: "home country", "country of origin", "removal", "Facilitated Returns Scheme"…).',
      bad: 'person:\n  foreign_national: { liable_to_deportation: true }\nsentence:\n  type: determinate\n  setting: custody\nactions:\n  - id: ACT-1\n    type: education\n    description: Complete Level 1 English with the prison education provider.',
      good: 'person:\n  foreign_national: { liable_to_deportation: true }\nsentence:\n  type: determinate\n  setting: custody\nactions:\n  - id: ACT-1\n    type: education\n    description: Complete Level 1 English with the prison education provider.\n  - id: ACT-2\n    type: other\n    description: Meet the Home Office team to discuss the Facilitated Returns Scheme and resettlement in the home country.',
    },
  },
  check(ctx) {
    const fn = ctx.plan.person?.foreign_national;
    if (!fn) return;
    // Under supervision in the community a foreign national is planned for like everyone else (PSI 2.4).
    if (!inCustody(ctx.plan, ctx.asOf)) return;
    if (fn.deportation_order === true) {
      ctx.report({
        path: ['person', 'foreign_national', 'deportation_order'],
        at: 'value',
        messageId: 'orderMade',
        cite: 'PSI 19/2014 para 2.4',
      });
      return;
    }
    if (fn.liable_to_deportation !== true) return;
    const texts = [
      ...ctx.plan.objectives.flatMap((o) => [o.description, o.measure]),
      ...ctx.plan.actions.map((a) => a.description),
      ...ctx.plan.outcomes.map((o) => o.description),
    ];
    if (mentions(texts, ctx.policy.plan.home_country_phrases)) return;
    ctx.report({
      path: ['person', 'foreign_national', 'liable_to_deportation'],
      at: 'value',
      messageId: 'noHomeCountryWork',
      cite: 'PSI 19/2014 para 2.4',
    });
  },
};
