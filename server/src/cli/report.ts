// The command line's view of results: one entry per file, findings with 1-based lines and
// UTF-16 columns. Report formats read only this: rule, location, message and policy —
// never the plan's text, so no report can carry personal data from a plan.

import type { Finding, Severity } from '../engine/types.js';
import { LineIndex } from '../engine/lines.js';
import type { TimelineModel } from '../engine/timeline.js';

export interface CliFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  /** 1-based, exclusive (the column just after the last character). */
  endColumn: number;
  policy: string;
  /** True when `--fix` can fix it unattended (the finding has a fix-all fix). */
  fixable: boolean;
}

export interface FileReport {
  /** The path as given on the command line (or found under a folder given there). */
  file: string;
  /** Absolute path (for SARIF URIs); undefined for standard input without --stdin-filename. */
  absolute?: string;
  findings: CliFinding[];
  /** Set when the file could not be read: the reason, without content. */
  readError?: string;
  /** Reviews falling due soon (stylish shows them; machine formats do not carry them). */
  upcoming?: UpcomingDue[];
  /** The plan's timeline (only when an html report is asked for; ids and dates, no plan text). */
  timeline?: TimelineModel;
}

/** The stylish report lists reviews falling due within this many days of the as-of date. */
export const UPCOMING_DAYS = 56;

export interface UpcomingDue {
  rule: string;
  /** "Pre-release review" — a label, never plan content. */
  kind: string;
  due: string;
  /** Days from the as-of date to the due date. */
  days: number;
}

export interface RunSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  /** Findings hidden by --baseline (set only when a baseline is in use). */
  baselined?: number;
}

export function toCliFindings(findings: readonly Finding[], lines: LineIndex): CliFinding[] {
  const out = findings.map((f): CliFinding => {
    const s = lines.positionAt(f.span.start);
    const e = lines.positionAt(Math.max(f.span.start, f.span.end));
    return {
      rule: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: s.line + 1,
      column: s.character + 1,
      endLine: e.line + 1,
      endColumn: e.character + 1,
      policy: f.policy,
      fixable: f.fixes.some((x) => x.fixAll && x.edits.length > 0),
    };
  });
  return sortFindings(out);
}

export function sortFindings(fs: CliFinding[]): CliFinding[] {
  return fs.sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

export function summarise(reports: readonly FileReport[]): RunSummary {
  const s: RunSummary = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const r of reports) addToSummary(s, r);
  return s;
}

/** Count one more file into a summary. */
export function addToSummary(s: RunSummary, r: FileReport): void {
  s.files++;
  for (const f of r.findings) {
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
    if (f.fixable) s.fixable++;
  }
}

/** A one-finding report at the top of a file (unreadable, wrong encoding, too large). */
export function fileLevelFinding(rule: string, message: string, line = 1, column = 1): CliFinding {
  return { rule, severity: 'error', message, line, column, endLine: line, endColumn: column, policy: '', fixable: false };
}
