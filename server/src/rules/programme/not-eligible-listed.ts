// programme/not-eligible-listed: a programme the person is not eligible for is not listed as future work (PSI 19/2014 paras 2.8, 2.9).
import type { Rule } from '../../engine/rule.js';
import type { Fix, TextEdit } from '../../engine/types.js';
import { findProgramme } from '../../policy/eligibility/catalogue.js';
import { dependants, isFuture, label, programmeId, theName } from './support.js';

export const notEligibleListed: Rule = {
  meta: {
    id: 'programme/not-eligible-listed',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.8, 2.9',
    description: 'A programme action assessed `eligibility: not_eligible` is still listed as future work.',
    fixable: 'fix',
    inTemplates: true,
    docs: {
      rationale:
        'Where a person will not be accepted onto a programme (for example because of a low OGRS score or their index offence), it must not be listed as a future action (PSI 19/2014 para 2.8); work the person is not suitable for makes the plan unachievable, and an achievable alternative should be found instead (para 2.9).\n\n' +
        'The rule reports an action of `type: programme` with `eligibility: not_eligible` whose `status` is not `completed`, `withdrawn` or `no_longer_appropriate`. Two quick fixes: remove the action (offered only when no other action names it in `after`), or keep it as a record with `status: withdrawn`. Neither is applied unattended: plan the alternative at the same time.',
      bad: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: kaizen\n    eligibility: not_eligible\n    status: not_started',
      good: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: kaizen\n    eligibility: not_eligible\n    status: withdrawn',
    },
  },
  check(ctx) {
    for (const a of ctx.plan.actions) {
      if (a.type !== 'programme' || a.eligibility !== 'not_eligible' || !isFuture(a)) continue;
      const id = programmeId(a);
      const f = id ? findProgramme(id, ctx.catalogue) : undefined;
      const name = f?.kind === 'programme' ? theName(f.programme.name) : f?.kind === 'legacy' ? theName(f.legacy.name) : 'the programme';
      const fixes: Fix[] = [];
      const users = dependants(ctx.plan, a);
      const rm = users.length ? undefined : ctx.edit.removeItem(['actions'], Number(a.path[1]));
      if (rm) fixes.push({ title: `Remove ${label(a)} from the plan`, edits: [rm], fixAll: false });
      const sPath = [...a.path, 'status'];
      const mark: TextEdit | undefined = a.status !== undefined ? ctx.edit.replaceValue(sPath, ctx.edit.scalar('withdrawn', sPath)) : ctx.edit.insertPair(a.path, 'status', 'withdrawn');
      if (mark) fixes.push({ title: `Mark ${label(a)} as withdrawn`, edits: [mark], fixAll: false });
      ctx.report({
        path: [...a.path, 'eligibility'],
        at: 'value',
        message:
          `Action ${label(a)}: the person was assessed as not eligible for ${name}, so it must not be listed as future work (PSI 19/2014 para 2.8). ` +
          `Remove it, or mark it \`withdrawn\`, and plan an achievable alternative that targets the same risks and needs (para 2.9).` +
          (users.length ? ` It is named in the \`after\` of ${users.map(label).join(', ')}: update those too.` : ''),
        fixes,
      });
    }
  },
};
