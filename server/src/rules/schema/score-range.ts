// schema/score-range: the probability scores (OGRS3, OGP, OVP, RSR) are fractions from 0 to 1.
// A percentage (a number in (1, 100], or text such as "48%") is certainly that fraction, so
// it is fixed unattended; a negative value or one over 100 has no safe reading.

import type { Rule } from '../../engine/rule.js';
import { msg } from '../../engine/messages.js';
import type { FixSpec } from '../../engine/types.js';
import { dict, fractionSource, own, SCORE_KEYS, scoreProblem } from './support.js';

const TOOL: Record<string, string> = dict({
  ogrs3_2yr: 'OGRS3',
  ogp_2yr: 'OGP',
  ovp_2yr: 'OVP',
  rsr: 'RSR',
});

export const scoreRange: Rule = {
  meta: {
    id: 'schema/score-range',
    severity: 'error',
    policy: 'PRT: OGRS (scores range from 0 to 1); plan format conventions',
    description: 'OGRS3, OGP, OVP and RSR scores are fractions from 0 to 1, not percentages.',
    fixable: 'fix-all',
    inTemplates: true,
    messages: {
      percent: '`{key}` is {shown}, which reads as a percentage: {tool} is recorded as a fraction from 0 to 1, so write {fraction}.',
      quoted: '`{key}` is written as text: write the {tool} score as a number from 0 to 1 without quotes ({fraction}).',
      outOfRange:
        '`{key}` is {shown}, outside the valid range: {tool} is a fraction from 0 to 1 (a percentage such as 48% is written 0.48). Check the score in the assessment.',
      fixChange: 'Change to {fraction}',
      fixNumber: 'Write {fraction} as a number',
    },
    docs: {
      rationale:
        'The reoffending predictors give a probability, which plans record as a fraction from 0 to 1 (the PRT sheet notes that OGRS runs from 0 to 1 ' +
        'and may also be shown as a percentage). Programme eligibility and risk bands compare these numbers with thresholds, so a score copied as a ' +
        'percentage (`48`, or `"48%"`) would put the person in the wrong band.\n\n' +
        'A value above 1 and up to 100, or text ending in `%`, is read as a percentage: `48` → `0.48`, `61.5` → `0.615`, `"48%"` → `0.48`, and even ' +
        '`1.5` → `0.015` (RSR is often quoted as 1.5%). That fix is applied by `--fix`. A number written in quotes (`"0.48"`) is unquoted. ' +
        'A negative score or one over 100 cannot be read either way: check it against the assessment. Exactly 0 and exactly 1 are valid.',
      bad: 'assessment:\n  scores:\n    ogrs3_2yr: 48\n    rsr: "2.5%"',
      good: 'assessment:\n  scores:\n    ogrs3_2yr: 0.48\n    rsr: 0.025',
    },
  },
  check(ctx) {
    const scores = own(own(ctx.root, 'assessment'), 'scores');
    for (const key of SCORE_KEYS) {
      const v = own(scores, key);
      const p = scoreProblem(v);
      if (!p) continue;
      const path = ['assessment', 'scores', key];
      const tool = TOOL[key];
      const fixes: FixSpec[] = [];
      if (p.kind === 'percent' || p.kind === 'quoted') {
        const src = fractionSource(p.fraction);
        const e = ctx.edit.replaceValue(path, src);
        if (e) fixes.push({ title: msg(p.kind === 'percent' ? 'fixChange' : 'fixNumber', { fraction: src }), edits: [e], fixAll: true });
        ctx.report({ path, at: 'value', messageId: p.kind, data: { key, tool, fraction: src, ...(p.kind === 'percent' ? { shown: p.shown } : {}) }, fixes });
      } else {
        ctx.report({ path, at: 'value', messageId: 'outOfRange', data: { key, tool, shown: p.shown } });
      }
    }
  },
};
