// `--format compact`: one line per finding, `file:line:col: severity message [rule]`, for
// editor problem matchers (VS Code tasks, Vim's errorformat) and grep.
import type { Formatter } from './index.js';

export const compact: Formatter = (reports) => {
  let out = '';
  for (const r of reports)
    for (const f of r.findings) out += `${r.file}:${f.line}:${f.column}: ${f.severity} ${oneLine(f.message)} [${f.rule}]\n`;
  return out;
};

const oneLine = (s: string): string => s.replace(/\r\n|\r|\n/g, ' ');
