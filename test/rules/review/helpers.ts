// Builders for review/rmp test plans: small YAML texts with just the fields a rule reads.
import { applyEdits } from '../../../server/src/engine/edits.js';
import { lint } from '../../../server/src/engine/lint.js';
import { parseText } from '../../../server/src/engine/parse.js';
import type { Rule } from '../../../server/src/engine/rule.js';
import type { Finding } from '../../../server/src/engine/types.js';

export interface PlanSpec {
  sentence?: Record<string, string | number>;
  /** [date, type] pairs, written as flow maps in a block list. */
  reviews?: [string, string][];
  /** [date, type] pairs. */
  events?: [string, string][];
  oasys?: string;
  mappa?: number;
  rosh?: string;
  planOwner?: string;
  /** Raw YAML appended at the end. */
  extra?: string;
}

export function planYaml(p: PlanSpec): string {
  const lines = ['sentence_plan: 1', 'kind: plan'];
  if (p.sentence) {
    lines.push('sentence:');
    for (const [k, v] of Object.entries(p.sentence)) lines.push(`  ${k}: ${v}`);
  }
  if (p.planOwner) lines.push('team:', `  plan_owner: ${p.planOwner}`);
  if (p.oasys || p.mappa || p.rosh) {
    lines.push('assessment:');
    if (p.oasys) lines.push(`  oasys: { completed_on: ${p.oasys} }`);
    if (p.rosh) lines.push(`  rosh: ${p.rosh}`);
    if (p.mappa) lines.push(`  mappa: { category: 2, level: ${p.mappa} }`);
  }
  if (p.reviews) {
    lines.push('reviews:');
    for (const [d, t] of p.reviews) lines.push(`  - { date: ${d}, type: ${t} }`);
  }
  if (p.events) {
    lines.push('events:');
    for (const [d, t] of p.events) lines.push(`  - { date: ${d}, type: ${t} }`);
  }
  if (p.extra) lines.push(p.extra.trimEnd());
  return lines.join('\n') + '\n';
}

export function run(rule: Rule, text: string, asOf: string): Finding[] {
  return lint(text, { asOf, rules: [rule] }).findings.filter((f) => f.ruleId === rule.meta.id);
}

/** The text a finding points at. */
export const at = (text: string, f: Finding): string => text.slice(f.span.start, f.span.end);

/** Apply a finding's fix (the first by default). */
export function applyFix(text: string, f: Finding, fixIndex = 0): string {
  const fix = f.fixes[fixIndex];
  if (!fix) throw new Error(`no fix ${fixIndex} on ${f.ruleId}: ${f.message}`);
  return applyEdits(text, fix.edits);
}

/** YAML syntax errors in a text (what `schema/yaml-syntax` reports). */
export function syntaxErrors(text: string): string[] {
  return parseText(text).problems.filter((p) => p.severity === 'error').map((p) => p.message);
}
