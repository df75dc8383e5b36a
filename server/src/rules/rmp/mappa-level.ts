// rmp/mappa-level: MAPPA level 2 or 3 with RoSH recorded as low is inconsistent.
import type { Rule } from '../../engine/rule.js';
import { highestRosh } from './support.js';

export const mappaLevel: Rule = {
  meta: {
    id: 'rmp/mappa-level',
    severity: 'info',
    policy: 'PRT "Multi-Agency Public Protection Arrangements (MAPPA)", "Risk of Serious Harm (RoSH)"',
    description: 'MAPPA level 2 or 3 with a risk of serious harm recorded as low: worth a check (no seed ties MAPPA levels to RoSH bands).',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      lowRosh:
        'MAPPA level {level} means active multi-agency management, but the risk of serious harm is recorded as low ({cite}). Neither PSI 19/2014 nor the PRT ties MAPPA levels to RoSH bands, so this is worth a check, not a breach: make sure the RoSH assessment and the MAPPA level are both current.',
      relatedLow: 'RoSH recorded as low.',
    },
    docs: {
      rationale:
        'MAPPA levels 2 and 3 are for people who need active management by several agencies because of the harm they may cause (PRT: MAPPA). A risk of serious harm recorded as low says current evidence does not point to serious harm at all (PRT: RoSH). The two may both be right (neither PSI 19/2014 nor the PRT ties a MAPPA level to a RoSH band), so this is a note (info), not a breach: check that the RoSH assessment and the MAPPA level are both current.\n\n' +
        'The rule reports when `assessment.mappa.level` is 2 or 3 and the highest RoSH recorded (overall and every group) is `low`. The levels are policy data (`policy.rmp.mappa_levels_above_low_rosh`).',
      bad: 'assessment:\n  rosh: { overall: low }\n  mappa: { category: 2, level: 2 }',
      good: 'assessment:\n  rosh: { overall: medium, public: medium }\n  mappa: { category: 2, level: 2 }',
    },
  },
  check(ctx) {
    const a = ctx.plan.assessment;
    const level = a?.mappa?.level;
    if (!level || !ctx.policy.rmp.mappa_levels_above_low_rosh.includes(level)) return;
    // One meaning of "highest RoSH": the highest of overall and every group.
    const top = highestRosh(ctx.plan);
    if (!top || top.band !== 'low') return;
    const where = top.path;
    ctx.report({
      path: ['assessment', 'mappa', 'level'],
      at: 'value',
      messageId: 'lowRosh',
      data: { level },
      cite: 'PRT: MAPPA; RoSH',
      related: [{ path: where, at: 'value', message: { id: 'relatedLow' } }],
    });
  },
};
