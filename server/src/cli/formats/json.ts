// `--format json`: the public contract documented in docs/cli.md. One array entry per file,
// in the order linted; findings sorted by line then column. Keys and their order are fixed.
// Written file by file: the text is exactly JSON.stringify(entries, null, 2) + a newline, with
// C1 controls and `##[` written as \u escapes (cli/escape.ts): the same JSON to a reader.
import type { StreamingFormatter } from './index.js';

export const json: StreamingFormatter = {
  head: () => '[',
  file: (r, i) =>
    (i ? ',' : '') +
    '\n  ' +
    JSON.stringify(
      {
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
      },
      null,
      2,
    ).replace(/\n/g, '\n  '),
  tail: (_ctx, files) => (files ? '\n]\n' : ']\n'),
};
