// `--format stylish` (the default): ESLint-like, grouped by file, aligned columns, colour
// where the terminal supports it (picocolors honours NO_COLOR and FORCE_COLOR), and a summary.
import pc from 'picocolors';
import type { Severity } from '../../engine/types.js';
import { forTerminal } from '../escape.js';
import { UPCOMING_DAYS } from '../report.js';
import type { FileUpcoming, FormatContext, StreamingFormatter } from './index.js';
import { say } from '../messages.js';

const colours = (ctx: Pick<FormatContext, 'color'>) => pc.createColors(ctx.color);

export const stylish: StreamingFormatter = {
  head: () => '',
  file: (r, _i, ctx) => {
    if (!r.findings.length) return '';
    const c = colours(ctx);
    const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
    const rows = r.findings.map((f) => [`${f.line}:${f.column}`, f.severity, forTerminal(f.message.replace(/\r\n|\r|\n/g, ' ')), forTerminal(f.rule), say(ctx.catalogue, 'cli.severity', { severity: f.severity })] as const);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[4].length));
    let out = `\n${c.underline(forTerminal(r.file))}\n`;
    for (const [pos, sev, msg, rule, word] of rows) {
      out += `  ${c.dim(pos.padEnd(w0))}  ${paint[sev](word.padEnd(w1))}  ${msg}  ${c.dim(rule)}\n`;
    }
    return out;
  },
  tail: (ctx, _files, upcoming) => upcomingSection(ctx, upcoming) + summaryLines(ctx),
};

function upcomingSection(ctx: FormatContext, upcoming: readonly FileUpcoming[]): string {
  if (!upcoming.length) return '';
  const c = colours(ctx);
  const soon = [...upcoming].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const t = ctx.catalogue;
  let out = `\n${c.bold(say(t, 'cli.upcoming.title'))} ${c.dim(say(t, 'cli.upcoming.within', { weeks: UPCOMING_DAYS / 7 }))}\n`;
  const files = new Map(soon.map((u) => [u.file, forTerminal(u.file)]));
  const wf = Math.max(...[...files.values()].map((f) => f.length));
  const dues = soon.map((u) => say(t, 'cli.upcoming.due', { due: u.due }));
  const wd = Math.max(...dues.map((d) => d.length));
  soon.forEach((u, i) => {
    out += `  ${files.get(u.file)!.padEnd(wf)}  ${c.cyan(dues[i].padEnd(wd))}  ${forTerminal(say(t, 'cli.upcoming.item', { kind: u.kind, days: u.days }))}  ${c.dim(u.rule)}\n`;
  });
  return out;
}

function summaryLines(ctx: FormatContext): string {
  const c = colours(ctx);
  const s = ctx.summary;
  const total = s.errors + s.warnings + s.infos;
  const t = ctx.catalogue;
  const base = s.baselined ? c.dim(`  ${say(t, 'cli.summary.baselined', { n: s.baselined })}`) + '\n' : '';
  if (total === 0) return `${c.green('✔')} ${say(t, s.baselined ? 'cli.summary.cleanBaseline' : 'cli.summary.clean', { n: s.files })}\n` + base;
  const colour = s.errors ? c.red : s.warnings ? c.yellow : c.blue;
  let out = '\n';
  out += c.bold(colour(`✖ ${say(t, 'cli.summary.problems', { total, errors: s.errors, warnings: s.warnings, infos: s.infos })}`)) + '\n';
  if (s.fixable) out += colour(`  ${say(t, 'cli.summary.fixable', { n: s.fixable })}`) + '\n';
  out += c.dim(`  ${say(t, 'cli.summary.files', { n: s.files })}`) + '\n';
  out += base;
  return out;
}
