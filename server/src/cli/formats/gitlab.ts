// `--format gitlab`: a GitLab code quality report (the Code Climate issue subset GitLab
// reads: description, check_name, fingerprint, severity, location.path and lines), for the
// `artifacts: reports: codequality` of a GitLab CI job. One JSON array for the whole run.
// Paths are relative to the working directory with forward slashes (GitLab matches them to
// the repository's files). The fingerprint does not include the line, so a finding keeps its
// identity when lines above it move; repeats of one message in one file are numbered.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import type { Severity } from '../../engine/types.js';
import type { FileReport } from '../report.js';
import type { FormatContext, Formatter } from './index.js';

/** planlint's severities on GitLab's scale (info, minor, major, critical, blocker). */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major'> = { info: 'info', warning: 'minor', error: 'major' };

function reportPath(r: FileReport, cwd: string): string {
  if (r.absolute !== undefined) {
    const rel = relative(cwd, r.absolute);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return r.file.replace(/\\/g, '/').replace(/^\.\//, '');
}

export const gitlab: Formatter = (reports: readonly FileReport[], ctx: FormatContext) => {
  const issues: unknown[] = [];
  for (const r of reports) {
    const path = reportPath(r, ctx.cwd);
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const key = `${path}\u0000${f.rule}\u0000${f.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      issues.push({
        type: 'issue',
        check_name: f.rule,
        description: f.policy ? `${f.message} (${f.policy})` : f.message,
        categories: ['Compatibility'],
        severity: SEVERITY[f.severity],
        fingerprint: createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32),
        location: { path, lines: { begin: f.line, end: f.endLine } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
