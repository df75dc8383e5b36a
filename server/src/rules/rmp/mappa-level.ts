// rmp/mappa-level: MAPPA level 2 or 3 with RoSH recorded as low is inconsistent.
import type { Rule } from '../../engine/rule.js';
import { roshBands } from './support.js';

export const mappaLevel: Rule = {
  meta: {
    id: 'rmp/mappa-level',
    severity: 'warning',
    policy: 'PRT "Multi-Agency Public Protection Arrangements (MAPPA)", "Risk of Serious Harm (RoSH)"',
    description: 'MAPPA level 2 or 3 with a risk of serious harm recorded as low is inconsistent.',
    fixable: 'none',
    inTemplates: false,
    docs: {
      rationale:
        'MAPPA levels 2 and 3 are for people who need active management by several agencies because of the harm they may cause (PRT: MAPPA). A risk of serious harm recorded as low says current evidence does not point to serious harm at all (PRT: RoSH). Both cannot be right: check the RoSH assessment and the MAPPA level, and correct whichever is out of date.\n\n' +
        'The rule reports when `assessment.mappa.level` is 2 or 3 and `assessment.rosh.overall` is `low` (or, with no overall rating, every group recorded is `low`). The levels are policy data (`policy.rmp.mappa_levels_above_low_rosh`).',
      bad: 'assessment:\n  rosh: { overall: low }\n  mappa: { category: 2, level: 2 }',
      good: 'assessment:\n  rosh: { overall: medium, public: medium }\n  mappa: { category: 2, level: 2 }',
    },
  },
  check(ctx) {
    const a = ctx.plan.assessment;
    const level = a?.mappa?.level;
    if (!level || !ctx.policy.rmp.mappa_levels_above_low_rosh.includes(level)) return;
    const bands = roshBands(ctx.plan);
    const overall = bands.find((b) => b.group === 'overall');
    const low = overall ? overall.band === 'low' : bands.length > 0 && bands.every((b) => b.band === 'low');
    if (!low) return;
    const where = overall ? overall.path : ['assessment', 'rosh'];
    ctx.report({
      path: ['assessment', 'mappa', 'level'],
      at: 'value',
      message:
        `MAPPA level ${level} means active multi-agency management, but the risk of serious harm is recorded as low (PRT: MAPPA; RoSH). ` +
        'One of them is out of date: check the RoSH assessment and the MAPPA level and correct the one that is wrong.',
      related: [{ path: where, at: 'value', message: 'RoSH recorded as low.' }],
    });
  },
};
