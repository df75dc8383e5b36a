// smart/achievable: an objective has a live action, and dependencies outside the person's control are noted (PSI 19/2014 paras 2.7, 2.9; PRT).
import type { Rule } from '../../engine/rule.js';
import { msg } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import { actionsOf, hasValue, isLiveAction } from '../plan/support.js';
import { andList, SMART_WORDS } from './words.js';

export const achievable: Rule = {
  meta: {
    id: 'smart/achievable',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 2.7, 2.9; PRT "What can be included on my sentence plan?"',
    description: 'An objective has at least one live action, and notes in `outside_control` when it waits on a programme place or a transfer not yet secured.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...SMART_WORDS,
      noLiveAction:
        'Objective {objective} has no action left that can achieve it: every action serving it is withdrawn, no longer appropriate or not eligible. Plans must be attainable ({cite}): add an alternative activity the person can do.',
      noAction:
        'Objective {objective} has no action serving it, so nothing in the plan achieves it. Plans must be attainable ({cite}): add at least one action with `objective: {ref}`.',
      itsId: '<its id>',
      outsideControl:
        "Objective {objective} depends on {deps}, not yet secured and outside the person's control, but does not say so. Note the dependency in `outside_control` so the person is not held back for it (PRT; {cite}).",
      dependency: '{action} ({type, select, programme {a programme place} other {a transfer}})',
      notStarted: 'Not started: {type, select, programme {a place is not yet secured} other {the move is not yet secured}}.',
    },
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
      const name = itemLabel(o, 'objective');
      const acts = actionsOf(ctx.plan, o);
      const live = acts.filter(isLiveAction);
      if (!live.length) {
        if (acts.length) ctx.report({ path: o.path, messageId: 'noLiveAction', data: { objective: name }, cite: 'PSI 19/2014 paras 2.7, 2.9' });
        else ctx.report({ path: o.path, messageId: 'noAction', data: { objective: name, ref: name === o.id ? o.id : msg('itsId') }, cite: 'PSI 19/2014 para 2.7' });
        continue;
      }
      const deps = live.filter((a) => (a.type === 'programme' || a.type === 'transfer') && (a.status === undefined || a.status === 'not_started'));
      if (!deps.length || hasValue(ctx.root, [...o.path, 'outside_control'])) continue;
      const what = deps.map((a) => msg('dependency', { action: itemLabel(a, 'action'), type: a.type ?? 'transfer' }));
      ctx.report({
        path: [...o.path, 'outside_control'],
        messageId: 'outsideControl',
        data: { objective: name, deps: andList(what) },
        cite: 'PSI 19/2014 para 2.7',
        related: deps.map((a) => ({ path: a.path, message: msg('notStarted', { type: a.type ?? 'transfer' }) })),
      });
    }
  },
};
