// The documented examples behave as documented: "Fails" reports the rule, "Passes" does not (as of 2026-11-23).
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { rules } from '../../../server/src/rules/review/index.js';

const AS_OF = '2026-11-23';
const ids = (rule: (typeof rules)[number], yaml: string): string[] =>
  lint(`sentence_plan: 1\nkind: plan\n${yaml}\n`, { asOf: AS_OF, rules: [rule] }).findings.map((f) => f.ruleId);

describe('review docs examples', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))('%s: bad fails, good passes', (id, r) => {
    expect(ids(r, r.meta.docs.bad)).toContain(id);
    expect(ids(r, r.meta.docs.good)).toEqual([]);
  });
});
