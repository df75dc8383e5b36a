// programme/eligibility-not-passed: only a passed assessment puts a programme on the plan (PSI 19/2014 para 2.8).
import type { Rule } from '../../engine/rule.js';
import type { FixSpec, TextEdit } from '../../engine/types.js';
import { findProgramme } from '../../policy/eligibility/catalogue.js';
import { invalidValue, isFuture, label, placeholderAt, programmeId, programmeMsg } from './support.js';

export const eligibilityNotPassed: Rule = {
  meta: {
    id: 'programme/eligibility-not-passed',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.8',
    description: 'A `type: programme` action whose `eligibility` is not `passed`: plan the assessment first, and the programme once it is passed.',
    fixable: 'fix',
    inTemplates: true,
    messages: {
      notPassed:
        'Action {action} puts {programme} on the plan, but its eligibility is {state, select, pending {still pending} not_assessed {not assessed} other {not recorded}}. A programme is added only once the person has passed its assessments ({cite}): plan the assessment (`type: assessment`) for now, or record `eligibility: passed` if it has been passed.',
      aProgramme: 'a programme',
      fixAssessment: 'Make {action} the assessment for {programme} (eligibility pending)',
    },
    docs: {
      rationale:
        'When an accredited programme is considered, the person\'s eligibility comes first; the programme is added to the plan only once they have passed its assessments (PSI 19/2014 para 2.8). Until then, what belongs in the plan is the assessment itself.\n\n' +
        'The rule reports every action of `type: programme` that is still to happen (not `completed`, `withdrawn` or `no_longer_appropriate`) whose `eligibility` is `pending`, `not_assessed` or not recorded. An action already assessed `not_eligible` is `programme/not-eligible-listed`\'s concern. In a template, a placeholder (`eligibility: ${eligibility}`) is accepted.\n\n' +
        'The quick fix turns the action into an assessment for the same programme: `type: assessment`, `eligibility: pending`. It is not applied unattended: if the person has in fact passed, record `eligibility: passed` instead.',
      bad: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    eligibility: pending',
      good: 'actions:\n  - id: ACT-2\n    type: assessment\n    programme: thinking_skills_programme\n    eligibility: pending',
    },
  },
  check(ctx) {
    for (const a of ctx.plan.actions) {
      if (a.type !== 'programme' || !isFuture(a)) continue;
      if (a.eligibility === 'passed' || a.eligibility === 'not_eligible') continue;
      const ePath = [...a.path, 'eligibility'];
      if (placeholderAt(ctx, ePath) || invalidValue(ctx, ePath, a.eligibility)) continue;
      const id = programmeId(a);
      const f = id ? findProgramme(id, ctx.catalogue) : undefined;
      const name = f?.kind === 'programme' ? programmeMsg(f.programme.name) : f?.kind === 'legacy' ? programmeMsg(f.legacy.name) : { id: 'aProgramme' };
      const edits: (TextEdit | undefined)[] = [
        ctx.edit.replaceValue([...a.path, 'type'], ctx.edit.scalar('assessment', [...a.path, 'type'])),
        a.eligibility !== undefined ? ctx.edit.replaceValue(ePath, ctx.edit.scalar('pending', ePath)) : ctx.edit.insertPair(a.path, 'eligibility', 'pending'),
      ];
      const fixes: FixSpec[] = edits.every((e) => e !== undefined)
        ? [{ title: { id: 'fixAssessment', data: { action: label(a), programme: name } }, edits: edits as TextEdit[], fixAll: false }]
        : [];
      ctx.report({
        path: a.eligibility !== undefined ? ePath : [...a.path, 'type'],
        at: 'value',
        messageId: 'notPassed',
        data: { action: label(a), programme: name, state: a.eligibility ?? 'none' },
        cite: 'PSI 19/2014 para 2.8',
        fixes,
      });
    }
  },
};
