// rmp/required: RoSH medium or above needs a risk management plan (PSI 19/2014 para 1.4; PRT "Risk of Serious Harm").
import type { Rule } from '../../engine/rule.js';
import type { FixSpec } from '../../engine/types.js';
import { bandName, bandRank, groupName, highestRosh, ROSH_MESSAGES } from './support.js';

export const required: Rule = {
  meta: {
    id: 'rmp/required',
    severity: 'error',
    policy: 'PSI 19/2014 para 1.4; PRT "Risk of Serious Harm (RoSH)", "Multi-Agency Public Protection Arrangements (MAPPA)"',
    description: 'A risk of serious harm (overall or to any group) of medium, high or very high, or management under MAPPA at any level, needs a `risk_management_plan`.',
    fixable: 'fix',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      ...ROSH_MESSAGES,
      byRosh:
        'The risk of serious harm {group} is {band} but the plan has no `risk_management_plan`. A RoSH of {from} or above needs a risk management plan ({cite}): add one with `completed_on`, `summary` and `contingency`.',
      byMappa:
        'The person is managed under MAPPA ({by, select, level {at MAPPA level {level}} other {in MAPPA category {category}}}) but the plan has no `risk_management_plan`. A MAPPA assessment is used to make a risk management plan ({cite}), at any level: add one with `completed_on`, `summary` and `contingency`.',
      fixInsertSkeleton: 'Insert a risk management plan skeleton to fill in',
    },
    docs: {
      rationale:
        'Where a person is assessed as posing a medium or higher risk of serious harm, a risk management plan is required alongside the sentence plan (PSI 19/2014 para 1.4; PRT: a medium, high or very high RoSH rating means a risk management plan must be completed). The rule looks at `assessment.rosh.overall` and at every group (`public`, `known_adult`, `children`, `staff`): a medium risk to one group is enough, even with a low overall rating. A person managed under MAPPA (any level or category in `assessment.mappa`) needs one too, whatever the RoSH: the PRT says a MAPPA assessment is used to make a risk management plan.\n\n' +
        'The quick fix inserts a `risk_management_plan` skeleton with `${date}`, `${summary}` and `${contingency}` placeholders. Those placeholders are reported by `template/placeholder-in-plan` until you fill them in: that is intended, the plan itself has to be written. The band from which a plan is required is policy data (`policy.rmp.required_from`).',
      bad: 'assessment:\n  rosh: { overall: low, public: medium }\n# no risk_management_plan',
      good: 'assessment:\n  rosh: { overall: low, public: medium }\nrisk_management_plan:\n  completed_on: 2025-03-12\n  summary: Monitoring of contact with former associates.\n  contingency: Recall if contact resumes.',
    },
  },
  check(ctx) {
    const top = highestRosh(ctx.plan);
    const from = ctx.policy.rmp.required_from;
    const byRosh = top !== undefined && bandRank(top.band) >= bandRank(from);
    const mappa = ctx.plan.assessment?.mappa;
    const byMappa = mappa !== undefined && (mappa.level !== undefined || mappa.category !== undefined);
    if (!byRosh && !byMappa) return;
    const root = ctx.root as Record<string, unknown> | null;
    const rmp = root && typeof root === 'object' ? root.risk_management_plan : undefined;
    if (rmp !== undefined && rmp !== null) return;
    const fixes: FixSpec[] = [];
    if (rmp === undefined) {
      const e = ctx.edit.insertPair([], 'risk_management_plan', ['completed_on: ${date}', 'summary: ${summary}', 'contingency: ${contingency}']);
      if (e) fixes.push({ title: { id: 'fixInsertSkeleton' }, edits: [e], fixAll: false });
    }
    if (byRosh) {
      ctx.report({
        path: top.path,
        at: 'value',
        messageId: 'byRosh',
        data: { group: groupName(top.group), band: bandName(top.band), from: bandName(from) },
        cite: 'PSI 19/2014 para 1.4',
        fixes,
      });
      return;
    }
    ctx.report({
      path: mappa!.level !== undefined ? ['assessment', 'mappa', 'level'] : ['assessment', 'mappa', 'category'],
      at: 'value',
      messageId: 'byMappa',
      data: mappa!.level !== undefined ? { by: 'level', level: mappa!.level } : { by: 'category', category: mappa!.category! },
      cite: 'PRT: MAPPA',
      fixes,
    });
  },
};
