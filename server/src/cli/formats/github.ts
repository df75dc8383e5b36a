// `--format github`: GitHub Actions workflow commands, which the runner turns into
// annotations on the pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
// Escaping follows @actions/core: in the message `%`, CR and LF; in properties also `:` and `,`;
// then other controls and `##[` as everywhere else (escape.ts).
import { githubData as escapeData, githubProperty as escapeProperty } from '../escape.js';
import type { StreamingFormatter } from './index.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;


export const github: StreamingFormatter = {
  head: () => '',
  file: (r) => {
    let out = '';
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(r.file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      out += `::${LEVEL[f.severity]} ${props}::${escapeData(f.message)}\n`;
    }
    return out;
  },
  tail: () => '',
};
