// programme/risk-too-low: the person's scores do not meet the programme's risk criteria (PSI 19/2014 paras 2.8, 2.9, 2.15).
import type { Rule } from '../../engine/rule.js';
import { eligibilityOf, label, plannedProgrammes, programmeMsg, semiMsg, uncertainMsg } from './support.js';

export const riskTooLow: Rule = {
  meta: {
    id: 'programme/risk-too-low',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.8, 2.9, 2.15',
    description: "The person's risk scores do not meet the programme's criteria (e.g. OGRS3 below the 50% the Thinking Skills Programme needs).",
    fixable: 'none',
    inTemplates: false,
    messages: {
      tooLow:
        'Action {action}: {why}. A programme the person will not be accepted onto should not be in the plan, and offending behaviour programmes suit a medium or higher risk of reoffending ({cite}): ' +
        'check the scores, or choose work that fits the assessed risk instead of {programme} (para 2.9).{uncertain}',
      relatedScores: 'The scores relied on.',
    },
    docs: {
      rationale:
        'A person who will not be accepted onto a programme, for example because of a low OGRS score, should not have it in their plan (PSI 19/2014 paras 2.8, 2.9). In general, offending behaviour programmes suit people at medium or higher risk of reoffending; lower-risk people are better served by other services (para 2.15).\n\n' +
        'Each programme in the catalogue has its criteria by strand (docs/programmes.md): the Thinking Skills Programme needs OGRS3 of 50% or more, Kaizen\'s general violence strand a high OVP (60% and over), Horizon an OSP/C of medium or above, and so on. The strand is the action\'s `strand`, or the one inferred from the index offence. The rule reports a future `type: programme` action when the recorded scores fail those criteria; a few programmes also have an upper limit (COVAID\'s OGRS3 range, Building Choices (moderate intensity) for people at medium risk), and a score above it is reported too. A programme with no criteria of its own needs a medium or higher risk of reoffending (policy: `risk.programmes_suit_from`), computed from the scores as docs/programmes.md describes (for women, OSP is not used).\n\n' +
        'A score that is not recorded is not a failure: nothing is reported, and the editor\'s completion says what to record. Where the catalogue marks a value uncertain, the message says what it relied on.',
      bad: 'assessment:\n  scores: { ogrs3_2yr: 0.31 }\nactions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    eligibility: passed',
      good: 'assessment:\n  scores: { ogrs3_2yr: 0.52 }\nactions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    eligibility: passed',
    },
  },
  check(ctx) {
    for (const { action: a, programme: p } of plannedProgrammes(ctx)) {
      const e = eligibilityOf(ctx, a, p);
      const r = e.aspects.risk;
      if (r.result !== false) continue;
      ctx.report({
        path: [...a.path, 'programme'],
        at: 'value',
        messageId: 'tooLow',
        data: { action: label(a), why: semiMsg(r.reasons), programme: programmeMsg(p.name), uncertain: uncertainMsg(r.relied) },
        cite: 'PSI 19/2014 paras 2.8, 2.15',
        related: [{ path: ['assessment', 'scores'], at: 'key', message: { id: 'relatedScores' } }],
      });
    }
  },
};
