// plan/risk-escalation: a CRC case at high or very high RoSH records its referral to the NPS for risk review (PSI 19/2014 para 2.17).
import type { Rule } from '../../engine/rule.js';
import { highestRosh } from '../../engine/risk.js';

export const riskEscalation: Rule = {
  meta: {
    id: 'plan/risk-escalation',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.17 (risk escalation, PI 57/2014 / PSI 41/2014)',
    description: 'A CRC-allocated case whose RoSH (highest of overall and every group) is high or very high records its referral to the NPS for risk review.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      notReferred:
        'The case is allocated to a CRC and its risk of serious harm is {band, select, high {high} other {very high}}, but no referral to the NPS for risk review is recorded. Follow the risk escalation process ({cite}) and record the date in `assessment.risk_review_referred_on`.',
      relatedCrc: 'CRC allocation.',
    },
    docs: {
      rationale:
        'Where a CRC responsible officer finds that the risk of serious harm has risen to high, the case goes through the risk escalation process, a referral to the National Probation Service for risk review (PSI 19/2014 para 2.17, which points to PI 57/2014 / PSI 41/2014). A CRC-allocated plan (`sentence.allocation: crc`) whose highest RoSH, overall or to any group, is high or very high records the date of that referral in `assessment.risk_review_referred_on`.',
      bad: 'sentence:\n  type: community_order\n  allocation: crc\nassessment:\n  rosh: { overall: medium, known_adult: high }',
      good: 'sentence:\n  type: community_order\n  allocation: crc\nassessment:\n  rosh: { overall: medium, known_adult: high }\n  risk_review_referred_on: 2026-10-12',
    },
  },
  check(ctx) {
    if (ctx.plan.sentence?.allocation !== 'crc') return;
    const top = highestRosh(ctx.plan);
    if (!top || (top.band !== 'high' && top.band !== 'very_high')) return;
    if (ctx.plan.assessment?.risk_review_referred_on) return;
    ctx.report({
      path: top.path,
      at: 'value',
      messageId: 'notReferred',
      data: { band: top.band },
      cite: 'PSI 19/2014 para 2.17',
      related: [{ path: ['sentence', 'allocation'], at: 'value', message: { id: 'relatedCrc' } }],
    });
  },
};
