// `--format stylish` (the default): ESLint-like, grouped by file, aligned columns, colour
// where the terminal supports it (picocolors honours NO_COLOR and FORCE_COLOR), and a summary.
import pc from 'picocolors';
import type { Severity } from '../../engine/types.js';
import { forTerminal } from '../escape.js';
import { UPCOMING_DAYS } from '../report.js';
import type { FileUpcoming, FormatContext, StreamingFormatter } from './index.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const colours = (ctx: Pick<FormatContext, 'color'>) => pc.createColors(ctx.color);

export const stylish: StreamingFormatter = {
  head: () => '',
  file: (r, _i, ctx) => {
    if (!r.findings.length) return '';
    const c = colours(ctx);
    const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
    const rows = r.findings.map((f) => [`${f.line}:${f.column}`, f.severity, forTerminal(f.message.replace(/\r\n|\r|\n/g, ' ')), forTerminal(f.rule)] as const);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    let out = `\n${c.underline(forTerminal(r.file))}\n`;
    for (const [pos, sev, msg, rule] of rows) {
      out += `  ${c.dim(pos.padEnd(w0))}  ${paint[sev](sev.padEnd(w1))}  ${msg}  ${c.dim(rule)}\n`;
    }
    return out;
  },
  tail: (ctx, _files, upcoming) => upcomingSection(ctx, upcoming) + summaryLines(ctx),
};

function upcomingSection(ctx: FormatContext, upcoming: readonly FileUpcoming[]): string {
  if (!upcoming.length) return '';
  const c = colours(ctx);
  const soon = [...upcoming].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  let out = `\n${c.bold('Upcoming reviews')} ${c.dim(`(due within ${UPCOMING_DAYS / 7} weeks)`)}\n`;
  const files = new Map(soon.map((u) => [u.file, forTerminal(u.file)]));
  const wf = Math.max(...[...files.values()].map((f) => f.length));
  for (const u of soon) {
    const when = u.days === 0 ? 'today' : u.days === 1 ? 'tomorrow' : `in ${u.days} days`;
    out += `  ${files.get(u.file)!.padEnd(wf)}  ${c.cyan(u.due)}  ${u.kind} (${when})  ${c.dim(u.rule)}\n`;
  }
  return out;
}

function summaryLines(ctx: FormatContext): string {
  const c = colours(ctx);
  const s = ctx.summary;
  const total = s.errors + s.warnings + s.infos;
  const base = s.baselined ? c.dim(`  ${plural(s.baselined, 'problem')} hidden by the baseline`) + '\n' : '';
  if (total === 0) return `${c.green('✔')} ${plural(s.files, 'file')} checked: no problems${s.baselined ? ' beyond the baseline' : ''}\n` + base;
  const colour = s.errors ? c.red : s.warnings ? c.yellow : c.blue;
  let out = '\n';
  out += c.bold(colour(`✖ ${plural(total, 'problem')} (${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')})`)) + '\n';
  if (s.fixable) out += colour(`  ${s.fixable} fixable with --fix`) + '\n';
  out += c.dim(`  ${plural(s.files, 'file')} checked`) + '\n';
  out += base;
  return out;
}
