// Test helpers for the programme/* rules (not a test file itself).
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edits.js';
import { loadConfigText, type ResolvedConfig } from '../../../server/src/engine/config.js';
import { lint } from '../../../server/src/engine/lint.js';
import { buildPlan, type Plan } from '../../../server/src/engine/model.js';
import { parseText } from '../../../server/src/engine/parse.js';
import type { Rule } from '../../../server/src/engine/rule.js';
import type { Finding } from '../../../server/src/engine/types.js';
import { ALL_RULES } from '../../../server/src/rules/index.js';
import { rules as programmeRules } from '../../../server/src/rules/programme/index.js';
import { merge, type Obj } from '../merge.js';

export const AS_OF = '2026-11-23';
export const RULES: readonly Rule[] = programmeRules;

export function rule(id: string): Rule {
  const r = RULES.find((x) => x.meta.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Findings of one rule on a text. */
export function run(text: string, id: string, config?: ResolvedConfig): Finding[] {
  return lint(text, { asOf: AS_OF, rules: [rule(id)], config }).findings.filter((f) => f.ruleId === id);
}

/** A resolved configuration from `.planlintrc.yaml` text; fails the test on any problem unless `allowProblems`. */
export function config(yaml: string, allowProblems = false): ResolvedConfig {
  const r = loadConfigText(yaml, '.planlintrc.yaml', ALL_RULES.map((x) => x.meta.id));
  if (!allowProblems) expect(r.problems).toEqual([]);
  return r.config;
}

export { merge };

/** The programme action the tests vary (ACT-2, Thinking Skills Programme, eligibility passed). */
export function programmeAction(over: Obj = {}): Obj {
  return merge(
    {
      id: 'ACT-2',
      objective: 'OBJ-2',
      type: 'programme',
      programme: 'thinking_skills_programme',
      eligibility: 'passed',
      description: 'Complete the programme.',
      priority: 2,
      phase: 'custody',
      owner: 'person',
      status: 'not_started',
    },
    over,
  ) as Obj;
}

/** A plan (JS value) for a man in custody at HMP Exampleton, OGRS3 61%, with one programme action (ACT-2). */
export function basePlan(): Obj {
  return {
    sentence_plan: 1,
    kind: 'plan',
    person: { prison_number: 'A0000AA', gender: 'male', date_of_birth: '1990-04-12', learning_disability: false },
    sentence: {
      type: 'determinate',
      length_months: 48,
      sentenced_on: '2025-06-10',
      release_date: '2028-06-09',
      sentence_end_date: '2030-06-09',
      allocation: 'nps',
      setting: 'custody',
      establishment: 'HMP Exampleton',
    },
    assessment: {
      scores: { ogrs3_2yr: 0.61 },
      rosh: { overall: 'medium' },
      offence: { index: 'acquisitive' },
    },
    objectives: [
      { id: 'OBJ-1', description: 'Stay in work.' },
      { id: 'OBJ-2', description: 'Learn problem-solving skills.' },
    ],
    actions: [
      { id: 'ACT-1', objective: 'OBJ-1', type: 'education', description: 'Maths course.', priority: 1, phase: 'custody', status: 'in_progress' },
      programmeAction(),
    ],
  };
}

/** YAML text of the base plan with overrides merged in; `action` overrides ACT-2. */
export function plan(over: Obj = {}, action: Obj = {}): string {
  const base = basePlan();
  (base.actions as Obj[])[1] = programmeAction(action);
  return stringify(merge(base, over), { lineWidth: 0 });
}

/** The typed model of a plan built like `plan()`. */
export function model(over: Obj = {}, action: Obj = {}): Plan {
  return buildPlan(merge({ ...basePlan(), actions: [(basePlan().actions as Obj[])[0], programmeAction(action)] }, over));
}

/** The text a finding points at. */
export const at = (text: string, f: Finding): string => text.slice(f.span.start, f.span.end);

export function expectParses(text: string): void {
  expect(parseText(text).problems.filter((p) => p.severity === 'error')).toEqual([]);
}

/**
 * Apply fix `which` of the first finding of `id`; check the result parses with no
 * schema/yaml-syntax finding, that applying the same fix again is impossible (the finding
 * or that fix is gone), and return the new text.
 */
export function applyFix(text: string, id: string, which = 0, cfg?: ResolvedConfig): string {
  const fs = run(text, id, cfg);
  expect(fs.length).toBeGreaterThan(0);
  const fix = fs[0].fixes[which];
  expect(fix).toBeDefined();
  const out = applyEdits(text, fix.edits);
  expect(out).not.toBe(text);
  expectParses(out);
  expect(lint(out, { asOf: AS_OF, config: cfg }).findings.filter((f) => f.ruleId === 'schema/yaml-syntax')).toEqual([]);
  // Idempotent: the finding the fix was for is gone, so there is nothing to apply twice.
  const again = run(out, id, cfg);
  expect(again.filter((f) => f.fixes.some((x) => x.title === fix.title))).toEqual([]);
  return out;
}
