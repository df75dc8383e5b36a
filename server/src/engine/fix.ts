// Fix-all: apply every certain fix (Fix.fixAll) until none is left, re-linting between
// passes. The fix guard (fixGuard.ts) refuses a pass that would leave the file with more
// syntax errors (counted by the parser, whatever the rule settings) or more error findings,
// so `--fix` and the editor's fix-all can never turn a plan into YAML that does not parse.

import { applyEdits, editsOverlap } from './edits.js';
import { passMakesWorse } from './fixGuard.js';
import { lint, type LintOptions, type LintResult } from './lint.js';
import type { Finding, TextEdit } from './types.js';

export interface AppliedFix {
  ruleId: string;
  title: string;
}

export interface FixAllResult {
  text: string;
  applied: AppliedFix[];
  /** True when the text changed. */
  changed: boolean;
  /** Findings left after fixing. */
  remaining: Finding[];
  /** The lint of the final text (its plan, its findings). */
  result: LintResult;
  /** True when the guard refused a pass (it would have made the text worse); that pass and later ones were not applied. */
  refused: boolean;
}

const MAX_PASSES = 10;

/** Select non-overlapping fix-all fixes, first come first served, from `findings`. */
export function selectFixes(findings: readonly Finding[], filter?: (f: Finding) => boolean): { edits: TextEdit[]; applied: AppliedFix[] } {
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const f of findings) {
    if (filter && !filter(f)) continue;
    const fix = f.fixes.find((x) => x.fixAll);
    if (!fix || !fix.edits.length) continue;
    if (editsOverlap(edits, fix.edits)) continue;
    edits.push(...fix.edits);
    applied.push({ ruleId: f.ruleId, title: fix.title });
  }
  return { edits, applied };
}

export function fixAll(text: string, options: LintOptions, filter?: (f: Finding) => boolean): FixAllResult {
  let current = text;
  let result = lint(current, options);
  const applied: AppliedFix[] = [];
  let refused = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const sel = selectFixes(result.findings, filter);
    if (!sel.edits.length) break;
    const next = applyEdits(current, sel.edits);
    if (next === current) break;
    const nextResult = lint(next, options);
    if (passMakesWorse(result, nextResult)) {
      refused = true;
      break;
    }
    current = next;
    result = nextResult;
    applied.push(...sel.applied);
  }
  return { text: current, applied, changed: current !== text, remaining: result.findings, result, refused };
}
