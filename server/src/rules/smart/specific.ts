// smart/specific: an objective's description says what will be done (PSI 19/2014 para 2.7).
import type { Rule } from '../../engine/rule.js';
import type { Catalogue } from '../../policy/index.js';
import type { SmartPolicy } from '../../policy/smart.js';
import { msg, type MessageValue, type Msg } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import { hasValue, isPlaceholder, liveObjectives, words } from '../plan/support.js';
import { type Judgement, exampleMsg, judgeSpecific } from './analysis.js';

/** Normalise a programme name for comparison: words, without a leading "the" or a trailing "programme"/"course". */
function programmeKey(text: string, suffixes: readonly string[]): string {
  let w = words(text.replace(/\([^)]*\)/g, ' ').replace(/_/g, ' '));
  if (w[0] === 'the') w = w.slice(1);
  while (w.length > 1 && suffixes.includes(w[w.length - 1])) w = w.slice(0, -1);
  return w.join(' ');
}

// The normalised programme names, computed once per catalogue and policy.
const cache = new WeakMap<Catalogue, WeakMap<SmartPolicy, { names: Set<string> }>>();
function prepared(cat: Catalogue, sp: SmartPolicy): { names: Set<string> } {
  let byPolicy = cache.get(cat);
  if (!byPolicy) cache.set(cat, (byPolicy = new WeakMap()));
  let v = byPolicy.get(sp);
  if (!v) {
    const names = [...cat.programmes.flatMap((p) => [p.name, p.id]), ...cat.legacy.flatMap((p) => [p.name, p.id])]
      .filter((n): n is string => typeof n === 'string' && n !== '')
      .map((n) => programmeKey(n, sp.bare_programme_suffixes))
      .filter((n) => n !== '');
    v = { names: new Set(names) };
    byPolicy.set(sp, v);
  }
  return v;
}

const WHY =
  '{reason, select, light-verb {names no act anyone could check} abstract {is an aim or an inner state, not an act} placeholder {stands in for work that is never named} disposition {describes a disposition, not an act} note {is a note, not an objective} opinion {is an opinion} no-result {names no result} nothing-checkable {names nothing checkable} other {names no act or result}}';

/** The message for a description judged not specific (smart/specific's `vague`). */
export function specificMessage(name: MessageValue, j: Judgement, example: MessageValue): Msg {
  return msg('vague', { objective: name, subject: j.phrase ? msg('phrase', { phrase: j.phrase }) : msg('it'), reason: j.reason ?? 'no-act', example });
}

export const specific: Rule = {
  meta: {
    id: 'smart/specific',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.7; PRT "What can be included on my sentence plan?"',
    description: 'An objective\'s description names a concrete act or result that two officers would agree on, not a light verb with an abstract object, a placeholder or a programme name alone.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      missing: 'Objective {objective} has no description. Objectives must be specific ({cite}): add a `description` saying what will be done.',
      programmeOnly:
        "Objective {objective}'s description is only a programme name. A programme is an action, not an objective ({cite}): say what the person will achieve, and put the programme in an action serving this objective.",
      vague:
        "Objective {objective}'s description does not say what will be done: {subject} " + WHY + '. Objectives must be specific ({cite}): name the act or result, so that two officers would agree whether it was done, e.g. "{example}".',
      phrase: '"{phrase}"',
      it: 'it',
    },
    docs: {
      rationale:
        'Objectives must be SMART, and the S is for Specific (PSI 19/2014 para 2.7): the description says what the person will do or achieve, so that they, their offender manager and a later review all read it the same way. The test is whether two officers would agree, on a given day, whether it was done. Word count is not the test: "AA weekly post-release" and "Open a bank account" are specific; "Engage meaningfully with services to reduce risk" is not.\n\n' +
        'planlint reads the sentence: it tags its words (part of speech, with the wink-nlp library), finds its verb phrases and what each acts on, and sets aside purposes ("to reduce risk"), conditions ("if the victim agrees") and relative clauses. The description is specific when one phrase names a concrete act: a verb that is not a light verb, acting on something concrete (a named programme, course, service, document, place, person, amount or frequency). It is flagged when every phrase is:\n\n' +
        '- a light verb ("address", "work on", "engage with", "improve", "manage", "maintain") with no concrete act after it; a light verb followed by one is fine: "Engage with the drug service by attending every weekly appointment", and so is one with an amount: "Reduce his methadone from 60ml to 30ml";\n' +
        '- an act on something abstract: an inner state, a disposition or a whole need area ("gain insight", "take responsibility", "repair relationships");\n' +
        '- a placeholder for work never named ("complete appropriate interventions", "support as required", "whatever is identified");\n' +
        '- a disposition ("be more responsible", "be a better partner");\n' +
        '- a note with no act ("housing - ongoing").\n\n' +
        'A description that is only the name of a programme from the catalogue is flagged too: name what the person will do or achieve, and put the programme in an action. Typos, first or third person and the passive voice do not change the judgement. The vocabularies (light verbs, abstract and generic nouns, placeholders, action verbs, the examples quoted in messages) are policy data (`smart.light_verbs`, `smart.abstract_nouns`, `smart.generic_nouns`, `smart.placeholders`, `smart.action_verbs`, `smart.examples`, ...); the analysis is code. The message quotes the short phrase that makes the description vague (common words only, never a name or a number) and an example from the objective\'s need area. Objectives marked `no_longer_appropriate` are not judged.',
      bad: 'objectives:\n  - id: OBJ-1\n    need: drug_misuse\n    description: Engage meaningfully with drug services to reduce the risk of relapse.',
      good: 'objectives:\n  - id: OBJ-1\n    need: drug_misuse\n    description: Engage with the drug service by attending every weekly keywork appointment after release.',
    },
  },
  check(ctx) {
    const sp = ctx.policy.smart;
    const { names } = prepared(ctx.catalogue, sp);

    for (const o of liveObjectives(ctx.plan)) {
      const path = [...o.path, 'description'];
      const name = itemLabel(o, 'objective');
      if (!hasValue(ctx.root, path)) {
        ctx.report({
          path,
          messageId: 'missing',
          data: { objective: name },
          cite: 'PSI 19/2014 para 2.7',
        });
        continue;
      }
      const d = o.description;
      if (d === undefined || isPlaceholder(d)) continue;
      // Programme names are a few words long: only a short description can be a bare name.
      const count = d.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      if (count <= 10 && names.has(programmeKey(d, sp.bare_programme_suffixes))) {
        ctx.report({
          path,
          at: 'value',
          messageId: 'programmeOnly',
          data: { objective: name },
          cite: 'PSI 19/2014 paras 2.7, 2.8',
        });
        continue;
      }
      const j = judgeSpecific(d, sp);
      if (j.ok) continue;
      const m = specificMessage(name, j, exampleMsg(sp, o.need, 'specific'));
      ctx.report({ path, at: 'value', messageId: m.id, data: m.data, cite: 'PSI 19/2014 para 2.7' });
    }
  },
};
