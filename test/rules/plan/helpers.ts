// Test helpers for the plan/*, engagement/* and smart/* rules (not a test file itself).
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edits.js';
import { defaultConfig, type ResolvedConfig } from '../../../server/src/engine/config.js';
import { lint } from '../../../server/src/engine/lint.js';
import { parseText } from '../../../server/src/engine/parse.js';
import type { Rule } from '../../../server/src/engine/rule.js';
import type { Finding } from '../../../server/src/engine/types.js';
import { rules as engagementRules } from '../../../server/src/rules/engagement/index.js';
import { rules as planRules } from '../../../server/src/rules/plan/index.js';
import { rules as smartRules } from '../../../server/src/rules/smart/index.js';
import { merge, type Obj } from '../merge.js';

export const AS_OF = '2026-11-23';
export const MY_RULES: readonly Rule[] = [...planRules, ...engagementRules, ...smartRules];

export function rule(id: string): Rule {
  const r = MY_RULES.find((x) => x.meta.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Findings of one rule on a text. */
export function run(text: string, id: string, asOf = AS_OF, config?: ResolvedConfig): Finding[] {
  return lint(text, { asOf, rules: [rule(id)], config }).findings.filter((f) => f.ruleId === id);
}

/** A config whose catalogue holds exactly these programmes (independent of the shipped catalogue). */
export function withProgrammes(programmes: Record<string, unknown>[]): ResolvedConfig {
  const d = defaultConfig();
  return { ...d, catalogue: { ...d.catalogue, programmes: programmes as never, legacy: [] } };
}

/** The text a finding points at. */
export const at = (text: string, f: Finding): string => text.slice(f.span.start, f.span.end);

export { merge };

/** A clean NPS determinate plan (48 months, medium RoSH, in custody), as a JS value. */
export function basePlan(): Obj {
  return {
    sentence_plan: 1,
    kind: 'plan',
    person: {
      prison_number: 'A0000AA',
      gender: 'male',
      date_of_birth: '1990-04-12',
      learning_disability: false,
      english_first_language: true,
    },
    sentence: {
      type: 'determinate',
      length_months: 48,
      sentenced_on: '2025-06-10',
      release_date: '2027-06-09',
      sentence_end_date: '2029-06-09',
      allocation: 'nps',
      setting: 'custody',
      establishment: 'HMP Exampleton',
    },
    team: {
      prison_offender_manager: 'POM Example 1',
      community_offender_manager: 'COM Example 2',
      plan_owner: 'prison_offender_manager',
    },
    assessment: {
      oasys: { completed_on: '2025-08-01' },
      scores: { ogrs3_2yr: 0.61 },
      rosh: { overall: 'medium', public: 'medium', known_adult: 'low', children: 'low', staff: 'low' },
      needs: [
        { area: 'drug_misuse', linked_to_offending: true, severity: 'high' },
        { area: 'thinking_behaviour', linked_to_offending: true, severity: 'medium' },
      ],
      offence: { index: 'acquisitive' },
    },
    outcomes: [{ id: 'OUT-1', description: 'Lives free of illicit drugs and stays out of acquisitive offending.' }],
    objectives: [
      {
        id: 'OBJ-1',
        outcome: 'OUT-1',
        need: 'drug_misuse',
        description: 'Complete a drug treatment programme with the prison substance misuse service.',
        measure: 'All sessions attended and negative drug tests for 12 consecutive weeks.',
        target_date: '2027-03-31',
        status: 'in_progress',
      },
      {
        id: 'OBJ-2',
        outcome: 'OUT-1',
        need: 'thinking_behaviour',
        description: 'Learn and use problem-solving skills by completing the Thinking Skills Programme.',
        measure: 'Programme completed and the post-programme report received.',
        target_date: '2027-05-31',
        status: 'not_started',
      },
    ],
    actions: [
      {
        id: 'ACT-1',
        objective: 'OBJ-1',
        type: 'substance_misuse',
        description: 'Attend the substance misuse service and follow the agreed treatment plan.',
        priority: 1,
        phase: 'custody',
        owner: 'person',
        start_date: '2025-09-01',
        target_date: '2027-03-31',
        status: 'in_progress',
      },
      {
        id: 'ACT-2',
        objective: 'OBJ-2',
        type: 'intervention',
        description: 'Attend the problem-solving workshop run by the education department.',
        priority: 2,
        phase: 'custody',
        owner: 'person',
        start_date: '2027-01-10',
        target_date: '2027-05-31',
        status: 'not_started',
      },
    ],
    engagement: { involved: true, discussed_on: '2025-08-01', views: 'Wants help to stay clean before release.' },
    reviews: [{ date: '2025-08-01', type: 'initial', by: 'prison_offender_manager' }],
  };
}

/** YAML text of the base plan with overrides merged in. */
export function plan(over: Obj = {}): string {
  return stringify(merge(basePlan(), over), { lineWidth: 0 });
}

/** Item `i` of a list in the base plan, merged with `over` (for list overrides). */
export function item(list: 'objectives' | 'actions' | 'outcomes', i: number, over: Obj): Obj {
  return merge((basePlan()[list] as Obj[])[i], over) as Obj;
}

/** Assert a text parses with no YAML syntax error. */
export function expectParses(text: string): void {
  const problems = parseText(text).problems.filter((p) => p.severity === 'error');
  expect(problems).toEqual([]);
}

/**
 * Apply fix `which` of the single finding of `id`, check the result parses, the finding
 * (or at least that fix) is gone, and return the new text.
 */
export function applyFix(text: string, id: string, which = 0, asOf = AS_OF, config?: ResolvedConfig): string {
  const fs = run(text, id, asOf, config);
  expect(fs.length).toBeGreaterThan(0);
  const fix = fs[0].fixes[which];
  expect(fix).toBeDefined();
  const out = applyEdits(text, fix.edits);
  expect(out).not.toBe(text);
  expectParses(out);
  return out;
}
