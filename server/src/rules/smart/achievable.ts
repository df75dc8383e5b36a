// smart/achievable: an objective has a live action, and dependencies outside the person's control are noted (PSI 19/2014 paras 2.7, 2.9; PRT).
import type { Rule } from '../../engine/rule.js';
import { actionsOf, hasValue, isLiveAction, label, listPlain } from '../plan/support.js';

export const achievable: Rule = {
  meta: {
    id: 'smart/achievable',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.7, 2.9; PRT "What can be included on my sentence plan?"',
    description: 'An objective has at least one live action, and notes in `outside_control` when it waits on a programme place or a transfer not yet secured.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    docs: {
      rationale:
        'Plans must be realistic and attainable (PSI 19/2014 para 2.7), and must not rely on activities the person cannot get onto (para 2.9). An objective is achievable only if at least one action serving it is still live: not `withdrawn` or `no_longer_appropriate`, and not ruled out by `eligibility: not_eligible`. If none is left, add an alternative activity.\n\n' +
        'Where achieving the objective depends on something outside the person\'s control, the plan must note it, so they are not held back for it (PRT, citing the Managing the Custodial Sentence Policy Framework). planlint treats an action of `type: programme` or `type: transfer` that is still `not_started` (or has no status) as such a dependency: a programme place or a move that is not yet secured. The objective should then say so in `outside_control`.\n\nObjectives that are `achieved` or `no_longer_appropriate` are not judged.',
      bad: 'objectives:\n  - id: OBJ-2\n    description: Complete Kaizen to learn skills for managing violent impulses.\nactions:\n  - id: ACT-3\n    objective: OBJ-2\n    type: programme\n    programme: kaizen\n    eligibility: passed\n    status: not_started',
      good: 'objectives:\n  - id: OBJ-2\n    description: Complete Kaizen to learn skills for managing violent impulses.\n    outside_control: Depends on a Kaizen place becoming available at this prison.\nactions:\n  - id: ACT-3\n    objective: OBJ-2\n    type: programme\n    programme: kaizen\n    eligibility: passed\n    status: not_started',
    },
  },
  check(ctx) {
    for (const o of ctx.plan.objectives) {
      if (o.status === 'achieved' || o.status === 'no_longer_appropriate' || !o.id) continue;
      const name = label(o, 'objective');
      const acts = actionsOf(ctx.plan, o);
      const live = acts.filter(isLiveAction);
      if (!live.length) {
        ctx.report({
          path: o.path,
          message: acts.length
            ? `Objective ${name} has no action left that can achieve it: every action serving it is withdrawn, no longer appropriate or not eligible. Plans must be attainable (PSI 19/2014 paras 2.7, 2.9): add an alternative activity the person can do.`
            : `Objective ${name} has no action serving it, so nothing in the plan achieves it. Plans must be attainable (PSI 19/2014 para 2.7): add at least one action with \`objective: ${name === o.id ? o.id : '<its id>'}\`.`,
        });
        continue;
      }
      const deps = live.filter((a) => (a.type === 'programme' || a.type === 'transfer') && (a.status === undefined || a.status === 'not_started'));
      if (!deps.length || hasValue(ctx.root, [...o.path, 'outside_control'])) continue;
      const what = deps.map((a) => `${label(a, 'action')} (${a.type === 'programme' ? 'a programme place' : 'a transfer'})`);
      ctx.report({
        path: [...o.path, 'outside_control'],
        message: `Objective ${name} depends on ${listPlain(what)}, not yet secured and outside the person's control, but does not say so. Note the dependency in \`outside_control\` so the person is not held back for it (PRT; PSI 19/2014 para 2.7).`,
        related: deps.map((a) => ({ path: a.path, message: `Not started: ${a.type === 'programme' ? 'a place is not yet secured' : 'the move is not yet secured'}.` })),
      });
    }
  },
};
