// sequence/stabilise-first: with drug or alcohol misuse linked to offending, substance misuse work
// comes before an offending behaviour programme (PSI 19/2014 para 2.12).
import type { Action, NeedArea } from '../../engine/model.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { Msg } from '../../engine/messages.js';
import type { FixSpec } from '../../engine/types.js';
import { JOIN_MESSAGES, list } from '../plan/support.js';
import { actionsById, afterLinks, isLive, label, priorityOrder } from './support.js';

const SUBSTANCE: readonly NeedArea[] = ['drug_misuse', 'alcohol_misuse'];

export const stabiliseFirst: Rule = {
  meta: {
    id: 'sequence/stabilise-first',
    severity: 'info',
    policy: 'PSI 19/2014 para 2.12',
    description: 'With drug or alcohol misuse linked to offending, substance misuse work comes before an offending behaviour programme.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...JOIN_MESSAGES,
      noSubstanceWork:
        '{programme} is an offending behaviour programme, but the plan has no substance misuse work to come before it although {need} is linked to offending. Stabilising that usually comes first ({cite}): plan substance misuse work and put it before the programme.',
      notBefore:
        '{programme} is an offending behaviour programme, but the substance misuse work ({substance}) does not come before it: it is neither earlier in priority nor in {programme}\'s `after`. With {need} linked to offending, stabilising it comes first ({cite}): put {first} first, or add it to `after`.',
      need: '{a, select, drug_misuse {drug} other {alcohol}}{b, select, drug_misuse { and drug} alcohol_misuse { and alcohol} other {}} misuse',
      fixAddAfter: 'Make {programme} come after {first}',
    },
    docs: {
      rationale:
        'Someone with a serious substance misuse problem may need to stabilise before they can make use of work on their offending behaviour (PSI 19/2014 para 2.12). Where `assessment.needs` has `drug_misuse` or `alcohol_misuse` with `linked_to_offending: true`, each programme action (`type: programme`, not itself serving a drug or alcohol objective) should have substance misuse work before it: an action of `type: substance_misuse`, or any non-programme action serving a drug or alcohol objective, that is earlier in priority or named (directly or through other actions) in the programme\'s `after`.\n\n' +
        'The quick fix adds the highest-priority substance misuse action to the programme\'s `after`. If the programme is also higher in priority, `sequence/prerequisite-order` will then ask you to reorder them: which to move is your decision.',
      bad: 'assessment:\n  needs:\n    - { area: drug_misuse, linked_to_offending: true, severity: high }\nactions:\n  - { id: ACT-1, type: programme, programme: thinking_skills_programme, priority: 1 }\n  - { id: ACT-2, type: substance_misuse, priority: 2 }',
      good: 'assessment:\n  needs:\n    - { area: drug_misuse, linked_to_offending: true, severity: high }\nactions:\n  - { id: ACT-2, type: substance_misuse, priority: 1 }\n  - { id: ACT-1, type: programme, programme: thinking_skills_programme, priority: 2, after: [ACT-2] }',
    },
  },
  check(ctx) {
    const areas = (ctx.plan.assessment?.needs ?? []).filter((n) => n.linked_to_offending === true && n.area && SUBSTANCE.includes(n.area)).map((n) => n.area!);
    if (!areas.length) return;
    const distinct = [...new Set(areas)];
    const need: Msg = { id: 'need', data: { a: distinct[0], b: distinct[1] ?? '' } };
    const objNeed = new Map(ctx.plan.objectives.filter((o) => o.id).map((o) => [o.id!, o.need]));
    const servesSubstance = (a: Action): boolean => {
      const n = a.objective ? objNeed.get(a.objective) : undefined;
      return n !== undefined && SUBSTANCE.includes(n);
    };
    const acts = ctx.plan.actions;
    const cmp = priorityOrder(acts);
    const substance = acts.filter((a) => isLive(a) && (a.type === 'substance_misuse' || (a.type !== 'programme' && servesSubstance(a))));
    if (cmp) substance.sort(cmp);
    const byId = actionsById(acts);
    for (const p of acts) {
      if (p.type !== 'programme' || !isLive(p) || p.status === 'completed' || servesSubstance(p)) continue;
      const before = upstream(ctx, p, byId);
      if (substance.some((s) => (s.id !== undefined && before.has(s.id)) || (cmp !== undefined && cmp(s, p) < 0))) continue;
      if (!substance.length) {
        ctx.report({
          path: p.path,
          messageId: 'noSubstanceWork',
          data: { programme: label(p), need },
          cite: 'PSI 19/2014 para 2.12',
        });
        continue;
      }
      const s = substance[0];
      ctx.report({
        path: p.path,
        messageId: 'notBefore',
        data: { programme: label(p), substance: list(substance.map(label)), need, first: label(s) },
        cite: 'PSI 19/2014 para 2.12',
        fixes: afterFix(ctx, p, s),
      });
    }
  },
};

/** Every action id an action waits for, directly or through others. */
function upstream(ctx: RuleContext, a: Action, byId: Map<string, Action>): Set<string> {
  const seen = new Set<string>();
  const todo = [a];
  while (todo.length) {
    const x = todo.pop()!;
    for (const l of afterLinks(ctx, x)) {
      if (seen.has(l.id)) continue;
      seen.add(l.id);
      const y = byId.get(l.id);
      if (y) todo.push(y);
    }
  }
  return seen;
}

function afterFix(ctx: RuleContext, p: Action, s: Action): FixSpec[] {
  if (s.id === undefined) return [];
  const raw = (ctx.root as { actions?: Record<string, unknown>[] }).actions?.[p.path[1] as number];
  const after = raw && typeof raw === 'object' ? raw.after : undefined;
  const id = ctx.edit.scalar(s.id);
  const edit =
    after === undefined
      ? ctx.edit.insertPair(p.path, 'after', `[${id}]`)
      : Array.isArray(after)
        ? ctx.edit.appendItem([...p.path, 'after'], id)
        : undefined;
  return edit ? [{ title: { id: 'fixAddAfter', data: { programme: label(p), first: label(s) } }, edits: [edit], fixAll: false }] : [];
}
