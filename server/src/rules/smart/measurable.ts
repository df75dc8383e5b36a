// smart/measurable: an objective's measure names something observable (PSI 19/2014 para 2.7).
import type { Rule } from '../../engine/rule.js';
import { msg, type MessageValue, type Msg } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import type { FixSpec } from '../../engine/types.js';
import { hasValue, isBlockMap, isPlaceholder, liveObjectives } from '../plan/support.js';
import { SMART_WORDS } from './words.js';
import { type Judgement, exampleMsg, judgeMeasurable } from './analysis.js';

const PROMPT = '# how achievement will be shown: a number, a completion, a qualification, a test or attendance';

/** The message for a measure judged not measurable (smart/measurable's `unverifiable`). */
export function measurableMessage(name: MessageValue, j: Judgement, example: MessageValue): Msg {
  return msg('unverifiable', {
    objective: name,
    reason: j.reason ?? 'nothing-checkable',
    quoted: j.phrase ? msg('quoted', { phrase: j.phrase }) : msg('wordNothing'),
    example,
  });
}

export const measurable: Rule = {
  meta: {
    id: 'smart/measurable',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.7; PRT "What can be included on my sentence plan?"',
    description: 'An objective has a `measure` that someone could check without opinion: a number, a completion, a document, a test result with its criterion, attendance, a fact confirmed in writing.',
    fixable: 'fix',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      ...SMART_WORDS,
      missing:
        'Objective {objective} has no measure. Objectives must be measurable ({cite}): add a `measure` saying how achievement will be shown (a number, a completion, a qualification, a test or attendance).',
      empty:
        "Objective {objective}'s measure is empty. Objectives must be measurable ({cite}): say how achievement will be shown (a number, a completion, a qualification, a test or attendance).",
      unverifiable:
        "Objective {objective}'s measure cannot be verified: {reason, select, opinion {it rests on an opinion{quoted}, which a review could not check without judging; naming a report or counting sessions does not change that} no-result {it names a check{quoted} but not the result that counts as success} other {it names nothing that can be observed or counted}}. Objectives must be measurable ({cite}): state a fact anyone can check (a number, a completion, a document issued, a test result with its criterion, attendance from a register, a named person confirming a fact in writing), e.g. \"{example}\".",
      quoted: ' ("{phrase}")',
      fixAdd: 'Add an empty `measure` to fill in',
    },
    docs: {
      rationale:
        'Objectives must be SMART, and the M is for Measurable (PSI 19/2014 para 2.7): a review has to be able to tell whether the objective was met, and the person has to know what counts. The test is whether someone could check, without using their opinion, whether it happened.\n\n' +
        'planlint reads the measure (part-of-speech tags from the wink-nlp library, numbers, dates and frequencies). It is measurable when it states something checkable: a number, date, count or threshold; a completion, certificate, licence or qualification; a test result with its criterion ("every MDT negative", "AUDIT score below 8"); attendance from a register or log; a document issued or received (a tenancy agreement, a court order, an award letter); a record with a stated result ("no adjudications", "tag data show no entries to the zone"); a named person confirming a fact in writing. Unusual evidence is fine when it is objective.\n\n' +
        'It is flagged when it rests on an opinion, an impression, a feeling or a change with no amount ("satisfied", "improved", "better", "more settled", "shows insight", "positive feedback"), even when it names a report or counts sessions ("post-programme report says he has a more pro-social outlook", "improved problem solving in three sessions"); when it names a test or a review with no result that counts ("MDT results will be taken into account", "monitored in supervision"); and when it names nothing checkable. A change with an amount ("reduced to 30ml", "90% or better") is not an opinion.\n\n' +
        'The vocabularies (opinion markers, process words, evidence nouns, result words, the examples quoted in messages) are policy data (`smart.opinion_markers`, `smart.process_words`, `smart.evidence_nouns`, `smart.result_words`, `smart.examples`, ...); the analysis is code. The message quotes the opinion word it found (never the rest of the measure) and an example from the objective\'s need area. The quick fix inserts an empty `measure: ""` with a prompt to fill in; it is never applied unattended, and an empty measure is still reported until it is written. Objectives marked `no_longer_appropriate` are not judged.',
      bad: 'objectives:\n  - id: OBJ-1\n    need: thinking_behaviour\n    description: Complete the Thinking Skills Programme at HMP Leeds.\n    measure: Post-programme report says he has more insight.',
      good: 'objectives:\n  - id: OBJ-1\n    need: thinking_behaviour\n    description: Complete the Thinking Skills Programme at HMP Leeds.\n    measure: All sessions attended, a completion certificate issued and no violence adjudications for 6 months.',
    },
  },
  check(ctx) {
    for (const o of liveObjectives(ctx.plan)) {
      const path = [...o.path, 'measure'];
      const name = itemLabel(o, 'objective');
      const raw = (ctx.root as { objectives?: Record<string, unknown>[] })?.objectives?.[Number(o.path[1])]?.measure;
      if (!hasValue(ctx.root, path)) {
        const fixes: FixSpec[] = [];
        if (raw === undefined) {
          const value = isBlockMap(ctx, o.path) ? `"" ${PROMPT}` : '""';
          const e = ctx.edit.insertPair(o.path, 'measure', value);
          if (e) fixes.push({ title: msg('fixAdd'), edits: [e], fixAll: false });
        }
        ctx.report({
          path,
          at: raw === undefined ? 'key' : 'value',
          messageId: raw === undefined ? 'missing' : 'empty',
          data: { objective: name },
          cite: 'PSI 19/2014 para 2.7',
          fixes,
        });
        continue;
      }
      const m = o.measure;
      if (m === undefined || isPlaceholder(m)) continue;
      const j = judgeMeasurable(m, ctx.policy.smart);
      if (j.ok) continue;
      const m2 = measurableMessage(name, j, exampleMsg(ctx.policy.smart, o.need, 'measurable'));
      ctx.report({ path, at: 'value', messageId: m2.id, data: m2.data, cite: 'PSI 19/2014 para 2.7' });
    }
  },
};
