// programme/not-eligible-listed: a programme the person is not eligible for is not listed as future work (PSI 19/2014 paras 2.8, 2.9).
import type { Rule } from '../../engine/rule.js';
import type { FixSpec, TextEdit } from '../../engine/types.js';
import { findProgramme } from '../../policy/eligibility/catalogue.js';
import { commaMsg, dependants, isFuture, label, programmeId, programmeMsg } from './support.js';

export const notEligibleListed: Rule = {
  meta: {
    id: 'programme/not-eligible-listed',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.8, 2.9',
    description: 'A programme action assessed `eligibility: not_eligible` is still listed as future work.',
    fixable: 'fix',
    inTemplates: true,
    messages: {
      listed:
        'Action {action}: the person was assessed as not eligible for {programme}, so it must not be listed as future work ({cite}). ' +
        'Remove it, or mark it `withdrawn`, and plan an achievable alternative that targets the same risks and needs (para 2.9).{users}',
      users: ' It is named in the `after` of {actions}: update those too.',
      theProgramme: 'the programme',
      fixRemove: 'Remove {action} from the plan',
      fixWithdraw: 'Mark {action} as withdrawn',
    },
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
      const name = f?.kind === 'programme' ? programmeMsg(f.programme.name) : f?.kind === 'legacy' ? programmeMsg(f.legacy.name) : { id: 'theProgramme' };
      const fixes: FixSpec[] = [];
      const users = dependants(ctx.plan, a);
      const rm = users.length ? undefined : ctx.edit.removeItem(['actions'], Number(a.path[1]));
      if (rm) fixes.push({ title: { id: 'fixRemove', data: { action: label(a) } }, edits: [rm], fixAll: false });
      const sPath = [...a.path, 'status'];
      const mark: TextEdit | undefined = a.status !== undefined ? ctx.edit.replaceValue(sPath, ctx.edit.scalar('withdrawn', sPath)) : ctx.edit.insertPair(a.path, 'status', 'withdrawn');
      if (mark) fixes.push({ title: { id: 'fixWithdraw', data: { action: label(a) } }, edits: [mark], fixAll: false });
      ctx.report({
        path: [...a.path, 'eligibility'],
        at: 'value',
        messageId: 'listed',
        data: { action: label(a), programme: name, users: users.length ? { id: 'users', data: { actions: commaMsg(users.map(label)) } } : '' },
        cite: 'PSI 19/2014 para 2.8',
        fixes,
      });
    }
  },
};
