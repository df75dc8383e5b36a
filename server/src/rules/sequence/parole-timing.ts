// sequence/parole-timing: for discretionary-release sentences, work meant to show reduced risk ends before the PED.
import type { ActionType } from '../../engine/model.js';
import type { Rule } from '../../engine/rule.js';
import { isLive, label } from './support.js';

const RISK_WORK: readonly ActionType[] = ['programme', 'intervention', 'behaviour', 'substance_misuse'];
const DISCRETIONARY = ['life', 'ipp', 'extended_determinate'];

export const paroleTiming: Rule = {
  meta: {
    id: 'sequence/parole-timing',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.12, 2.14',
    description: 'For life, IPP and extended sentences, work meant to show reduced risk is due to end before the parole eligibility date.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      late: '{action} is due to finish on {target, date}, after {what, select, ped {the parole eligibility date} other {the next parole review}} ({ped, date}). Work meant to show reduced risk should be complete before the Parole Board considers release ({cite}): plan it to end before then, or record why it cannot.',
      relatedDate: '{what, select, ped {Parole eligibility date.} other {Next parole review.}}',
    },
    docs: {
      rationale:
        'Where release is at the Parole Board\'s discretion, the person has to show the Board that their risk has reduced, so the work that shows it is sequenced with the parole eligibility date in mind (PSI 19/2014 paras 2.12, 2.14). Work that ends after the PED cannot be taken into account at that hearing.\n\n' +
        'For `life`, `ipp` and `extended_determinate` sentences with a `parole_eligibility_date` still to come (once it has passed, with a `sentence.next_parole_review` still to come, which then takes its place), the rule reports each custody-phase action that is not completed or withdrawn, is of type `programme`, `intervention`, `behaviour` or `substance_misuse` (or is marked `harm_reduction: true`, or serves an objective that is), and has a `target_date` after the PED.',
      bad: 'sentence:\n  type: ipp\n  parole_eligibility_date: 2027-01-15\nactions:\n  - { id: ACT-2, type: programme, programme: kaizen, target_date: 2027-03-01 }',
      good: 'sentence:\n  type: ipp\n  parole_eligibility_date: 2027-01-15\nactions:\n  - { id: ACT-2, type: programme, programme: kaizen, target_date: 2026-10-01 }',
    },
  },
  check(ctx) {
    const s = ctx.plan.sentence;
    if (!s?.type || !DISCRETIONARY.includes(s.type) || !s.parole_eligibility_date) return;
    // The PED while it is ahead; once it has passed, the next parole review (PSI 2.12: "parole eligibility and review dates").
    const pedAhead = s.parole_eligibility_date >= ctx.asOf;
    const ped = pedAhead ? s.parole_eligibility_date : s.next_parole_review && s.next_parole_review >= ctx.asOf ? s.next_parole_review : undefined;
    if (!ped) return;
    const what = pedAhead ? 'ped' : 'next_review';
    const pedPath = pedAhead ? ['sentence', 'parole_eligibility_date'] : ['sentence', 'next_parole_review'];
    const harmObjectives = new Set(ctx.plan.objectives.filter((o) => o.harm_reduction === true && o.id).map((o) => o.id!));
    for (const a of ctx.plan.actions) {
      if (!isLive(a) || a.status === 'completed' || a.phase === 'community' || !a.target_date || a.target_date <= ped) continue;
      const riskWork = (a.type !== undefined && RISK_WORK.includes(a.type)) || a.harm_reduction === true || (a.objective !== undefined && harmObjectives.has(a.objective));
      if (!riskWork) continue;
      ctx.report({
        path: [...a.path, 'target_date'],
        at: 'value',
        messageId: 'late',
        data: { action: label(a), target: a.target_date, what, ped },
        cite: 'PSI 19/2014 paras 2.12, 2.14',
        related: [{ path: pedPath, at: 'value', message: { id: 'relatedDate', data: { what } } }],
      });
    }
  },
};
