// smart/specific: an objective's description says what will be done (PSI 19/2014 para 2.7).
import type { Rule } from '../../engine/rule.js';
import type { Catalogue } from '../../policy/index.js';
import type { SmartPolicy } from '../../policy/smart.js';
import { hasValue, isPlaceholder, label, listCode, liveObjectives, matchPhrases, words } from '../plan/support.js';

/** Normalise a programme name for comparison: words, without a leading "the" or a trailing "programme"/"course". */
function programmeKey(text: string, suffixes: readonly string[]): string {
  let w = words(text.replace(/\([^)]*\)/g, ' ').replace(/_/g, ' '));
  if (w[0] === 'the') w = w.slice(1);
  while (w.length > 1 && suffixes.includes(w[w.length - 1])) w = w.slice(0, -1);
  return w.join(' ');
}

// The normalised programme names and the filler words, computed once per catalogue and policy.
const cache = new WeakMap<Catalogue, WeakMap<SmartPolicy, { names: Set<string>; fillers: Set<string> }>>();
function prepared(cat: Catalogue, sp: SmartPolicy): { names: Set<string>; fillers: Set<string> } {
  let byPolicy = cache.get(cat);
  if (!byPolicy) cache.set(cat, (byPolicy = new WeakMap()));
  let v = byPolicy.get(sp);
  if (!v) {
    const names = [...cat.programmes.flatMap((p) => [p.name, p.id]), ...cat.legacy.flatMap((p) => [p.name, p.id])]
      .filter((n): n is string => typeof n === 'string' && n !== '')
      .map((n) => programmeKey(n, sp.bare_programme_suffixes))
      .filter((n) => n !== '');
    v = { names: new Set(names), fillers: new Set(sp.filler_words.flatMap((w) => words(w))) };
    byPolicy.set(sp, v);
  }
  return v;
}

export const specific: Rule = {
  meta: {
    id: 'smart/specific',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.7; PRT "What can be included on my sentence plan?"',
    description: 'An objective\'s description says what will be done: at least 4 words, not only vague verbs with no object, not just a programme name.',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    docs: {
      rationale:
        'Objectives must be SMART, and the S is for Specific (PSI 19/2014 para 2.7): the description says what the person will do or achieve, so that they, their offender manager and a later review all read it the same way. planlint flags a description that:\n\n' +
        '- is shorter than 4 words (policy data: `smart.min_description_words`);\n' +
        '- is made only of vague phrases with no object, such as "address offending behaviour", "improve attitude", "work on issues", "engage", "look at" or "think about" (the phrases, and the filler words that do not count as an object, are policy data: `smart.vague_phrases`, `smart.filler_words`); a vague verb followed by what will be done is fine: "Address offending behaviour by completing the Thinking Skills Programme";\n' +
        '- is only the name of a programme from the catalogue ("Kaizen", "Thinking Skills Programme"): name what completing it is for, or what the person will do.\n\n' +
        'The message names the vague words it found. It never repeats the rest of the description. Objectives marked `no_longer_appropriate` are not judged.',
      bad: 'objectives:\n  - id: OBJ-1\n    description: Address offending behaviour and improve attitude.',
      good: 'objectives:\n  - id: OBJ-1\n    description: Address offending behaviour by completing the Thinking Skills Programme and using its skills on the wing.',
    },
  },
  check(ctx) {
    const sp = ctx.policy.smart;
    const min = sp.min_description_words;
    const { names, fillers } = prepared(ctx.catalogue, sp);

    for (const o of liveObjectives(ctx.plan)) {
      const path = [...o.path, 'description'];
      const name = label(o, 'objective');
      if (!hasValue(ctx.root, path)) {
        ctx.report({
          path,
          message: `Objective ${name} has no description. Objectives must be specific (PSI 19/2014 para 2.7): add a \`description\` saying what will be done.`,
        });
        continue;
      }
      const d = o.description;
      if (d === undefined || isPlaceholder(d)) continue;
      const tokens = words(d);
      // Words as a reader counts them: "self-control" is one word, "12" is one.
      const count = d.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      const { found, rest } = matchPhrases(tokens, sp.vague_phrases);
      const substantive = rest.filter((w) => !fillers.has(w));
      const vagueNote = found.length ? ` It relies on vague wording (${listCode(found)}).` : '';

      if (count < min) {
        ctx.report({
          path,
          at: 'value',
          message: `Objective ${name}'s description has ${count} word${count === 1 ? '' : 's'}, too few to say what will be done (at least ${min}).${vagueNote} Objectives must be specific (PSI 19/2014 para 2.7): say what the person will do and what it leads to.`,
        });
        continue;
      }
      if (found.length && substantive.length === 0) {
        ctx.report({
          path,
          at: 'value',
          message: `Objective ${name}'s description uses only vague wording (${listCode(found)}) without saying what will be done. Objectives must be specific (PSI 19/2014 para 2.7): name the activity or result, e.g. "by completing …" or "to obtain …".`,
        });
        continue;
      }
      // Programme names are a few words long: only a short description can be a bare name.
      if (count <= 10 && names.has(programmeKey(d, sp.bare_programme_suffixes))) {
        ctx.report({
          path,
          at: 'value',
          message: `Objective ${name}'s description is only a programme name. A programme is an action, not an objective (PSI 19/2014 paras 2.7, 2.8): say what the person will achieve, and put the programme in an action serving this objective.`,
        });
      }
    }
  },
};
