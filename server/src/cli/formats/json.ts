// `--format json`: the public contract documented in docs/cli.md. One array entry per file,
// in the order linted; findings sorted by line then column. Keys and their order are fixed.
import type { FileReport } from '../report.js';
import type { Formatter } from './index.js';

export const json: Formatter = (reports: readonly FileReport[]) =>
  JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      findings: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: f.line,
        column: f.column,
        endLine: f.endLine,
        endColumn: f.endColumn,
        policy: f.policy,
        fixable: f.fixable,
      })),
    })),
    null,
    2,
  ) + '\n';
