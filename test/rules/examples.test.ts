// The documented examples behave as documented: "Fails" reports the rule, "Passes" does not
// (as of 2026-11-23), for the families whose examples are fragments of a plan. (The plan,
// smart, engagement and programme families check theirs with their own configuration, in
// test/rules/plan/docs.test.ts and test/rules/programme/meta.test.ts.)
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { rules as review } from '../../server/src/rules/review/index.js';
import { rules as rmp } from '../../server/src/rules/rmp/index.js';
import { rules as sequence } from '../../server/src/rules/sequence/index.js';

const AS_OF = '2026-11-23';
const ids = (rule: Rule, yaml: string): string[] =>
  lint(`sentence_plan: 1\nkind: plan\n${yaml}\n`, { asOf: AS_OF, rules: [rule] }).findings.map((f) => f.ruleId);

for (const [family, rules] of [['review', review], ['rmp', rmp], ['sequence', sequence]] as const) {
  describe(`${family} docs examples`, () => {
    it.each(rules.map((r) => [r.meta.id, r] as const))('%s: bad fails, good passes', (id, r) => {
      expect(ids(r, r.meta.docs.bad)).toContain(id);
      expect(ids(r, r.meta.docs.good)).toEqual([]);
    });
  });
}
