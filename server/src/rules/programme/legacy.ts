// programme/legacy: a withdrawn programme is never planned as new work; fix to what replaced it.
import type { Rule } from '../../engine/rule.js';
import type { MessageValue } from '../../engine/messages.js';
import type { FixSpec } from '../../engine/types.js';
import { findProgramme, replacements } from '../../policy/eligibility/catalogue.js';
import { evaluateActionEligibility } from '../../policy/eligibility/criteria.js';
import { choiceMessages, type ChoiceMessages } from '../../policy/eligibility/wording.js';
import { commaMsg, isFuture, isProgrammeRelated, label, orEach, programmeId, programmeMsg, semiMsg, uncertainMsg, uniqueMsgs } from './support.js';

export const legacy: Rule = {
  meta: {
    id: 'programme/legacy',
    severity: 'error',
    policy: 'PSI 19/2014 paras 2.8, 2.9; programme catalogue',
    description: 'The programme has been withdrawn (a legacy programme such as Enhanced Thinking Skills or SOTP): plan its replacement.',
    fixable: 'fix-all',
    inTemplates: true,
    messages: {
      withdrawn:
        "Action {action} names {old}, which has been withdrawn and cannot be planned as new work ({cite}). {which} Plan the replacement and check the person's eligibility for it.{uncertain}",
      replacedOne: 'It was replaced by {programme}.{ruledOut}',
      replacedForPerson: 'For this person it is replaced by {programme}{because}.{ruledOut}',
      because: ' ({list})',
      ruledOut: " The plan's records do not meet {programme}'s criteria either: check before swapping.",
      dependingOn: 'It was replaced by {names}, depending on risk: {unknowns}.',
      depending: 'It was replaced by {names}, depending on risk.',
      noneFits: 'It was replaced by {names}, depending on risk, and none fits the recorded scores: choose the work that fits the assessed risk.',
      or: '{a} or {b}',
      fixChange: 'Change to `{id}` ({name})',
    },
    docs: {
      rationale:
        'Some programmes that older plans name are no longer delivered: Enhanced Thinking Skills (replaced by the Thinking Skills Programme), the Sex Offender Treatment Programmes (replaced by Kaizen or Horizon by risk, and iHorizon for internet offending), the Self Change and Healthy Relationships Programmes (Kaizen), and CALM and Resolve (Kaizen or Building Choices by risk). Work that cannot be delivered does not belong in a plan (PSI 19/2014 para 2.9), and eligibility has to be considered for the programme that is actually run (para 2.8).\n\n' +
        'The rule looks at programme actions and assessments for a programme that are still to happen; a legacy programme recorded as `completed` is history and is left alone. The fix changes the id to the replacement. Where the catalogue gives one replacement, or exactly one of its replacements fits the person\'s recorded scores (e.g. SOTP with OSP/C high: Kaizen), the fix is applied by `--fix` (unless the catalogue marks that choice uncertain, as for CALM and Resolve, or the person\'s recorded scores rule the replacement out); otherwise each replacement is offered as a quick fix for the author to choose. Check the eligibility for the replacement afterwards.',
      bad: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: enhanced_thinking_skills\n    eligibility: passed',
      good: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    eligibility: passed',
    },
  },
  check(ctx) {
    for (const a of ctx.plan.actions) {
      if (!isProgrammeRelated(a) || !isFuture(a)) continue;
      const id = programmeId(a);
      const found = id ? findProgramme(id, ctx.catalogue) : undefined;
      if (found?.kind !== 'legacy') continue;
      const old = found.legacy;
      const choice = choiceMessages(replacements(old, ctx.plan, ctx.catalogue, ctx.policy));
      type Option = ChoiceMessages['options'][number];
      const path = [...a.path, 'programme'];
      const fix = (o: Option, fixAll: boolean): FixSpec | undefined => {
        const e = ctx.edit.replaceValue(path, ctx.edit.scalar(o.id, path));
        return e ? { title: { id: 'fixChange', data: { id: o.id, name: o.name } }, edits: [e], fixAll } : undefined;
      };
      let fixes: (FixSpec | undefined)[];
      let which: MessageValue;
      if (choice.chosen) {
        const o = choice.options.find((x) => x.id === choice.chosen)!;
        // The swap is applied unattended only when it is certain: not chosen on catalogue values
        // marked uncertain, and not to a programme the person's recorded scores already rule out.
        const rep = a.type === 'programme' ? ctx.catalogue.programmes.find((x) => x.id === o.id) : undefined;
        const ruledOut = rep !== undefined && evaluateActionEligibility(a, rep, ctx.plan, ctx.catalogue, ctx.policy).eligible === false;
        fixes = [fix(o, choice.relied.length === 0 && !ruledOut)];
        const programme = programmeMsg(o.name);
        const data = { programme, ruledOut: ruledOut ? { id: 'ruledOut', data: { programme } } : '' };
        which =
          choice.options.length === 1
            ? { id: 'replacedOne', data }
            : { id: 'replacedForPerson', data: { ...data, because: o.because.length ? { id: 'because', data: { list: commaMsg(o.because) } } : '' } };
      } else {
        const open = choice.options.filter((o) => o.result !== false);
        const offer = open.length ? open : choice.options;
        fixes = offer.map((o) => fix(o, false));
        const unknowns = uniqueMsgs(choice.options.flatMap((o) => (o.result === 'unknown' ? o.because : [])));
        const names = orEach(choice.options.map((o) => programmeMsg(o.name)), 'or');
        which = unknowns.length ? { id: 'dependingOn', data: { names, unknowns: semiMsg(unknowns) } } : { id: open.length ? 'depending' : 'noneFits', data: { names } };
      }
      ctx.report({
        path,
        at: 'value',
        messageId: 'withdrawn',
        data: { action: label(a), old: programmeMsg(old.name), which, uncertain: uncertainMsg(choice.relied) },
        cite: 'PSI 19/2014 paras 2.8, 2.9',
        fixes: fixes.filter((f): f is FixSpec => f !== undefined),
      });
    }
  },
};
