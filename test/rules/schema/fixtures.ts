// Shared fixtures for the schema-family tests.
import { expect } from 'vitest';
import { applyEdits } from '../../../server/src/engine/edits.js';
import { fixAll } from '../../../server/src/engine/fix.js';
import { lint } from '../../../server/src/engine/lint.js';
import type { Finding } from '../../../server/src/engine/types.js';
import { RULES_BY_ID } from '../../../server/src/rules/index.js';
import { rules as schemaRules } from '../../../server/src/rules/schema/index.js';
import type { Rule } from '../../../server/src/engine/rule.js';

export const AS_OF = '2026-11-23';

/** The example plan of plan-format.md, verbatim. */
export const EXAMPLE = `sentence_plan: 1
kind: plan
person:
  prison_number: A1234BC
  gender: male
  date_of_birth: 1994-05-17
  learning_disability: false
sentence:
  type: determinate
  length_months: 48
  sentenced_on: 2025-01-10
  release_date: 2027-01-09
  sentence_end_date: 2029-01-09
  allocation: nps
  setting: custody
  establishment: HMP Leeds
team:
  prison_offender_manager: POM Leeds 3
  community_offender_manager: COM Bradford 7
  plan_owner: prison_offender_manager
assessment:
  oasys: { completed_on: 2025-03-05 }
  scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }
  rosh: { overall: medium, public: medium, known_adult: low, children: low, staff: low }
  needs:
    - { area: drug_misuse, linked_to_offending: true, severity: high }
    - { area: thinking_behaviour, linked_to_offending: true, severity: medium }
  offence: { index: acquisitive }
risk_management_plan:
  completed_on: 2025-03-12
  summary: Monitoring of contact with former associates; drug testing.
outcomes:
  - id: OUT-1
    description: Lives free of illicit drugs and stays out of acquisitive offending.
objectives:
  - id: OBJ-1
    outcome: OUT-1
    need: drug_misuse
    description: Complete a drug treatment programme with the prison substance misuse service.
    measure: All sessions attended and negative drug tests for 12 consecutive weeks.
    target_date: 2025-12-31
    status: in_progress
actions:
  - id: ACT-1
    objective: OBJ-1
    type: substance_misuse
    description: Attend the substance misuse service's assessment and agree a treatment plan.
    priority: 1
    phase: custody
    owner: person
    target_date: 2025-04-30
    status: completed
engagement:
  involved: true
  discussed_on: 2025-03-05
  views: Wants help staying clean before release.
reviews:
  - { date: 2025-03-05, type: initial, by: prison_offender_manager }
`;

/** A rule by id, for the rule tester. */
export const rule = (id: string): Rule => {
  const r = RULES_BY_ID.get(id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
};

export const run = (text: string) => lint(text, { asOf: AS_OF, rules: schemaRules });
export const findings = (text: string, ruleId: string): Finding[] => run(text).findings.filter((f) => f.ruleId === ruleId);
export const at = (text: string, f: Finding): string => text.slice(f.span.start, f.span.end);

/**
 * Apply a finding's fix and check what every fix must do: the result is the expected text,
 * still parses with no syntax finding, the finding is gone, and fixing again changes nothing.
 */
export function applyFix(text: string, f: Finding, expected: string, fixIndex = 0): string {
  const fix = f.fixes[fixIndex];
  expect(fix, 'the finding offers a fix').toBeDefined();
  const out = applyEdits(text, fix.edits);
  expect(out).toBe(expected);
  const after = run(out);
  expect(after.findings.filter((x) => x.ruleId === 'schema/yaml-syntax')).toEqual([]);
  expect(after.findings.filter((x) => x.ruleId === f.ruleId && x.span.start === f.span.start)).toEqual([]);
  expect(fixAll(out, { asOf: AS_OF, rules: schemaRules }, (x) => x.ruleId === f.ruleId).changed).toBe(false);
  return out;
}

/** Replace exactly one occurrence of `from` (fails loudly when the fixture changes). */
export function edit(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  expect(i, `fixture contains ${from}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, i + 1), `fixture contains ${from} once`).toBe(-1);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
