// `--format compact`: one line per finding, `file:line:col: severity message [rule]`, for
// editor problem matchers (VS Code tasks, Vim's errorformat) and grep.
import { forTerminal } from '../escape.js';
import type { StreamingFormatter } from './index.js';
import { say } from '../messages.js';

export const compact: StreamingFormatter = {
  head: () => '',
  file: (r, _i, ctx) => {
    let out = '';
    for (const f of r.findings) out += `${forTerminal(r.file)}:${f.line}:${f.column}: ${say(ctx.catalogue, 'cli.severity', { severity: f.severity })} ${oneLine(f.message)} [${forTerminal(f.rule)}]\n`;
    return out;
  },
  tail: () => '',
};

const oneLine = (s: string): string => forTerminal(s.replace(/\r\n|\r|\n/g, ' '));
