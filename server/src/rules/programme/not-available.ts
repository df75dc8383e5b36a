// programme/not-available: the programme is not delivered where (or in the setting) the action plans it (PSI 19/2014 para 2.14).
import type { Action } from '../../engine/model.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import type { FixSpec, TextEdit } from '../../engine/types.js';
import { availabilityAt, establishmentsDelivering } from '../../policy/eligibility/catalogue.js';
import { settingOf } from '../../policy/eligibility/criteria.js';
import type { Programme } from '../../policy/programmes.js';
import { theName } from '../../policy/eligibility/wording.js';
import { commaMsg, eligibilityOf, freshActionId, insertItemBefore, label, plannedProgrammes, programmeMsg, semiMsg, uncertainMsg } from './support.js';

/** A transfer that comes before `a`: earlier in priority (or in the list when no action has a priority), or named in `a.after`. */
function transferBefore(ctx: RuleContext, a: Action): Action | undefined {
  const acts = ctx.plan.actions;
  const allP = acts.every((x) => x.priority !== undefined);
  const noneP = acts.every((x) => x.priority === undefined);
  return acts.find((t) => {
    if (t === a || t.type !== 'transfer' || t.status === 'withdrawn' || t.status === 'no_longer_appropriate') return false;
    if (t.id !== undefined && (a.after ?? []).includes(t.id)) return true;
    if (allP) return t.priority! < a.priority!;
    if (noneP) return (t.path[1] as number) < (a.path[1] as number);
    return false;
  });
}

/** Insert a transfer action just before `a` (renumbering priorities, or naming it in `after`). */
function transferFix(ctx: RuleContext, a: Action, p: Programme, elsewhere: string[]): FixSpec | undefined {
  const acts = ctx.plan.actions;
  const id = freshActionId(ctx.plan, a.id);
  const allP = acts.every((x) => x.priority !== undefined);
  const noneP = acts.every((x) => x.priority === undefined);
  const to = elsewhere.length ? `${elsewhere.join(' or ')} or another establishment` : 'an establishment';
  const lines = [
    `id: ${id}`,
    ...(a.objective ? [`objective: ${ctx.edit.scalar(a.objective)}`] : []),
    'type: transfer',
    `description: ${ctx.edit.scalar(`Transfer to ${to} that delivers ${theName(p.name)}.`)}`,
    ...(allP ? [`priority: ${a.priority}`] : []),
    'phase: custody',
    'owner: prison_offender_manager',
    'status: not_started',
  ];
  const edits: (TextEdit | undefined)[] = [insertItemBefore(ctx, ['actions'], a.path[1] as number, lines)];
  if (allP) {
    for (const x of acts) if (x.priority! >= a.priority!) edits.push(ctx.edit.replaceValue([...x.path, 'priority'], String(x.priority! + 1)));
  } else if (!noneP) {
    const raw = (ctx.root as { actions?: { after?: unknown }[] }).actions?.[a.path[1] as number]?.after;
    if (raw === undefined) edits.push(ctx.edit.insertPair(a.path, 'after', `[${id}]`));
    else if (Array.isArray(raw)) edits.push(ctx.edit.appendItem([...a.path, 'after'], id));
    else return undefined;
  }
  if (edits.some((e) => e === undefined)) return undefined;
  return { title: { id: 'fixTransfer', data: { id, action: label(a) } }, edits: edits as TextEdit[], fixAll: false };
}

export const notAvailable: Rule = {
  meta: {
    id: 'programme/not-available',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.14',
    description: 'The programme is not delivered at the action\'s `location` (or `sentence.establishment`), or in its setting, and no transfer comes before it.',
    fixable: 'fix',
    inTemplates: true,
    messages: {
      setting:
        'Action {action}: {why}. Plan it for a phase in which it is delivered ({cite}), or choose a programme delivered {setting, select, custody {in custody} other {in the community}}.{uncertain}',
      notHere:
        'Action {action}: {programme} is not delivered at {establishment} (programme availability in the configuration), and no transfer comes before it. ' +
        'Plan the transfer to an establishment that runs it{elsewhere} first, as early as possible, and the work that can be done meanwhile ({cite}).',
      elsewhere: ' (e.g. {list})',
      relatedEstablishment: 'The current establishment.',
      fixTransfer: 'Insert a transfer action ({id}) before {action}',
    },
    docs: {
      rationale:
        'Where a person is eligible for a programme that their establishment does not run, the plan can set it as work to do after a transfer to one that does, and the transfer should be arranged as soon as possible (PSI 19/2014 para 2.14).\n\n' +
        'Availability is configuration: `availability:` in `.planlintrc.yaml` lists the programmes each establishment delivers, and where an establishment is listed, any programme missing from its list is not delivered there. The establishment is the action\'s `location`, or `sentence.establishment` for custody work. The rule reports a future programme action planned at an establishment that does not deliver it, unless a `transfer` action comes before it: earlier in priority, or named in its `after`. The quick fix inserts a transfer action just before the programme (renumbering the priorities, or adding it to `after`).\n\n' +
        'The catalogue also says in which settings each programme runs (Kaizen in custody only; Building Better Relationships in the community; New Me Strengths in the community only for sexual offending): a programme action whose `phase` (or the person\'s `sentence.setting`) is not one of them is reported too, without a fix: plan it for the right phase. Where the catalogue marks a setting uncertain, the message says so.',
      bad: '# .planlintrc.yaml: availability: { HMP Leeds: [thinking_skills_programme] }\nsentence:\n  establishment: HMP Leeds\nactions:\n  - id: ACT-3\n    type: programme\n    programme: kaizen\n    eligibility: passed\n    phase: custody',
      good: '# .planlintrc.yaml: availability: { HMP Leeds: [thinking_skills_programme] }\nsentence:\n  establishment: HMP Leeds\nactions:\n  - id: ACT-2\n    type: transfer\n    priority: 1\n    phase: custody\n  - id: ACT-3\n    type: programme\n    programme: kaizen\n    eligibility: passed\n    priority: 2\n    phase: custody',
    },
  },
  check(ctx) {
    for (const { action: a, programme: p } of plannedProgrammes(ctx)) {
      const setting = settingOf(a, ctx.plan);
      const s = eligibilityOf(ctx, a, p).aspects.setting;
      if (s.result === false) {
        ctx.report({
          path: a.phase ? [...a.path, 'phase'] : [...a.path, 'programme'],
          at: 'value',
          messageId: 'setting',
          data: { action: label(a), why: semiMsg(s.reasons), setting: setting ?? 'none', uncertain: uncertainMsg(s.relied) },
          cite: 'PSI 19/2014 para 2.14',
        });
        continue;
      }
      const place = a.location ?? (setting === 'custody' ? ctx.plan.sentence?.establishment : undefined);
      const av = availabilityAt(p.id, place, ctx.catalogue);
      if (!av || av.delivered) continue;
      if (transferBefore(ctx, a)) continue;
      const elsewhere = establishmentsDelivering(p.id, ctx.catalogue).slice(0, 3);
      const fix = transferFix(ctx, a, p, elsewhere);
      ctx.report({
        path: a.location !== undefined ? [...a.path, 'location'] : [...a.path, 'programme'],
        at: 'value',
        messageId: 'notHere',
        data: { action: label(a), programme: programmeMsg(p.name), establishment: av.establishment, elsewhere: elsewhere.length ? { id: 'elsewhere', data: { list: commaMsg(elsewhere) } } : '' },
        cite: 'PSI 19/2014 para 2.14',
        related: a.location === undefined && ctx.plan.sentence?.establishment ? [{ path: ['sentence', 'establishment'], at: 'value', message: { id: 'relatedEstablishment' } }] : [],
        fixes: fix ? [fix] : [],
      });
    }
  },
};
