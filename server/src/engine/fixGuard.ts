// The one fix guard: "a fix never makes the text worse". Every place that offers or applies a
// fix asks it — lint's quick fixes, fix-all (and so `--fix` and the editor's fix-all), and the
// language server's "disable for this line" comment — and nothing else decides.
//
// What "worse" means is read from the parser itself (parseText's error problems, kept or
// counted past the cap), never from findings of `schema/yaml-syntax`: a user who turns that
// rule off is still protected. Fix-all also refuses a pass that leaves more error findings.
//
// Checking a single fix re-parses the whole text, so it is done only where it can fail (the
// text already has syntax errors: a fix computed from a damaged tree can add one; an edit built
// from a clean CST cannot, invariant 6) and within a budget of re-parsed characters per lint or
// request: past it, fixes are not offered (never offered unchecked).

import { applyEdits } from './edits.js';
import { parseText, type ParsedText } from './parse.js';
import type { Finding, TextEdit } from './types.js';

/** Characters one guard may re-parse (200 fixes of a 100 KB plan). */
export const REPARSE_BUDGET_CHARS = 20_000_000;

/** YAML syntax errors the parser found (those kept and those only counted past its cap). */
export function syntaxErrorCount(parsed: Pick<ParsedText, 'problems' | 'droppedProblems'>): number {
  let n = parsed.droppedProblems;
  for (const p of parsed.problems) if (p.severity === 'error') n++;
  return n;
}

const errorFindings = (fs: readonly Finding[]): number => fs.reduce((n, f) => n + (f.severity === 'error' ? 1 : 0), 0);

export class FixGuard {
  private readonly before: number;
  private budget: number;

  /** A guard for edits to `parsed.text`, with `budget` re-parsed characters to spend. */
  constructor(
    private readonly parsed: ParsedText,
    budget = REPARSE_BUDGET_CHARS,
  ) {
    this.before = syntaxErrorCount(parsed);
    this.budget = budget;
  }

  /**
   * Whether these edits (one fix) may be offered: they add no syntax error. A text without
   * syntax errors is not re-parsed; past the budget the answer is no.
   */
  allows(edits: readonly TextEdit[]): boolean {
    if (this.before === 0) return true;
    this.budget -= this.parsed.text.length;
    if (this.budget < 0) return false;
    return syntaxErrorCount(parseText(applyEdits(this.parsed.text, edits as TextEdit[]))) <= this.before;
  }

  /** Drop, in place, every fix of `findings` the guard does not allow. */
  filterFixes(findings: Finding[]): void {
    if (this.before === 0) return;
    for (const f of findings) if (f.fixes.length) f.fixes = f.fixes.filter((fix) => this.allows(fix.edits));
  }
}

/**
 * Whether a fix-all pass from `before` to `after` (both already linted, so nothing is re-parsed)
 * makes the text worse: more syntax errors, or more error findings.
 */
export function passMakesWorse(before: { parsed: ParsedText; findings: readonly Finding[] }, after: { parsed: ParsedText; findings: readonly Finding[] }): boolean {
  return syntaxErrorCount(after.parsed) > syntaxErrorCount(before.parsed) || errorFindings(after.findings) > errorFindings(before.findings);
}
