// smart/measurable: an objective's measure names something observable (PSI 19/2014 para 2.7).
import type { Rule } from '../../engine/rule.js';
import type { Fix } from '../../engine/types.js';
import { hasValue, isBlockMap, isPlaceholder, label, listCode, liveObjectives, matchPhrases, words } from '../plan/support.js';

const PROMPT = '# how achievement will be shown: a number, a completion, a qualification, a test or attendance';

export const measurable: Rule = {
  meta: {
    id: 'smart/measurable',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.7; PRT "What can be included on my sentence plan?"',
    description: 'An objective has a `measure` that names something observable: a number, a completion, a qualification, a test, attendance.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
    docs: {
      rationale:
        'Objectives must be SMART, and the M is for Measurable (PSI 19/2014 para 2.7): a review has to be able to tell whether the objective was met, and the person has to know what counts. The `measure` should name something that can be observed or counted: a number, a completion, a qualification, a test result, attendance. Words like "improved", "better" or "shows insight" on their own cannot be checked.\n\n' +
        'The words that count as observable, and the vague ones the message names, are policy data (`smart.observable_words`, `smart.vague_measure_phrases`); any digit counts as observable. The quick fix inserts an empty `measure: ""` with a prompt to fill in; it is never applied unattended, and an empty measure is still reported until it is written. Objectives marked `no_longer_appropriate` are not judged.',
      bad: 'objectives:\n  - id: OBJ-1\n    description: Develop skills to manage anger without violence on the wing.\n    measure: Shows improved insight.',
      good: 'objectives:\n  - id: OBJ-1\n    description: Develop skills to manage anger without violence on the wing.\n    measure: Completes all sessions of the programme and has no violence adjudications for 6 months.',
    },
  },
  check(ctx) {
    const sp = ctx.policy.smart;
    for (const o of liveObjectives(ctx.plan)) {
      const path = [...o.path, 'measure'];
      const name = label(o, 'objective');
      const raw = (ctx.root as { objectives?: Record<string, unknown>[] })?.objectives?.[Number(o.path[1])]?.measure;
      if (!hasValue(ctx.root, path)) {
        const fixes: Fix[] = [];
        if (raw === undefined) {
          const value = isBlockMap(ctx, o.path) ? `"" ${PROMPT}` : '""';
          const e = ctx.edit.insertPair(o.path, 'measure', value);
          if (e) fixes.push({ title: 'Add an empty `measure` to fill in', edits: [e], fixAll: false });
        }
        ctx.report({
          path,
          at: raw === undefined ? 'key' : 'value',
          message:
            raw === undefined
              ? `Objective ${name} has no measure. Objectives must be measurable (PSI 19/2014 para 2.7): add a \`measure\` saying how achievement will be shown (a number, a completion, a qualification, a test or attendance).`
              : `Objective ${name}'s measure is empty. Objectives must be measurable (PSI 19/2014 para 2.7): say how achievement will be shown (a number, a completion, a qualification, a test or attendance).`,
          fixes,
        });
        continue;
      }
      const m = o.measure;
      if (m === undefined || isPlaceholder(m)) continue;
      if (/\d/.test(m)) continue;
      const tokens = words(m);
      if (matchPhrases(tokens, sp.observable_words).found.length) continue;
      const vague = matchPhrases(tokens, sp.vague_measure_phrases).found;
      const note = vague.length ? ` ${listCode(vague)} cannot be observed on ${vague.length === 1 ? 'its' : 'their'} own.` : '';
      ctx.report({
        path,
        at: 'value',
        message: `Objective ${name}'s measure names nothing that can be observed or counted.${note} Objectives must be measurable (PSI 19/2014 para 2.7): state a number, a completion, a qualification, a test result or attendance.`,
      });
    }
  },
};
