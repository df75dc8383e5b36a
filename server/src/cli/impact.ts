// `planlint impact --config NEW [--baseline-config CURRENT] [--as-of DATE] [--format text|json|html] PATHS...`:
// lint a corpus of plans under two configurations and print the difference by rule (findings
// added, removed, files affected, a sample of locations), so a policy team sees what a change
// does before it ships. Without --baseline-config the baseline is the configuration each plan
// would get today (the nearest .planlintrc.yaml, or the defaults). Output carries rule ids,
// counts, file names and locations only: never plan content or messages.

import { jsonForTerminal, linesForTerminal } from './escape.js';
import { escapeXml } from '../engine/timeline.js';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PackInfo, ResolvedConfig } from '../engine/config.js';
import { isValidDate, todayLocal } from '../engine/dates.js';
import { lint } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import { ConfigResolver } from './configs.js';
import { decode } from './decode.js';
import { discover, ioReason } from './files.js';
import { toCliFindings } from './report.js';
import type { MessageCatalogue, Msg } from '../engine/messages.js';
import { cliMsg, say, sayMsg } from './messages.js';
import { problemText } from '../engine/l10n.js';

export interface ImpactIo {
  cwd: string;
  stdout(s: string): void;
  stderr(s: string): void;
  now?: () => Date;
  rules?: readonly Rule[];
  /** The run's catalogue (English when absent). */
  catalogue?: MessageCatalogue;
}

const MAX_BYTES = 5_000_000;
const SAMPLE = 5;

// eslint-disable-next-line no-control-regex
const safe = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');

interface RuleImpact {
  rule: string;
  added: number;
  removed: number;
  files: number;
  sample: string[];
}

export interface ImpactReport {
  asOf: string;
  files: number;
  filesChanged: number;
  before: number;
  after: number;
  rules: RuleImpact[];
  unreadable: string[];
}

export async function impact(args: readonly string[], knownRules: readonly string[], io: ImpactIo): Promise<number> {
  const c = io.catalogue;
  const USAGE = say(c, 'cli.impact.usage');
  let config: string | undefined;
  let baseline: string | undefined;
  let asOf: string | undefined;
  let format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : args[++i]);
    if (flag === '--help' || flag === '-h') {
      io.stdout(`${USAGE}\n`);
      return 0;
    } else if (flag === '--config' || flag === '-c') config = value();
    else if (flag === '--baseline-config') baseline = value();
    else if (flag === '--as-of') asOf = value();
    else if (flag === '--format' || flag === '-f') format = value() ?? '';
    else if (a.startsWith('-') && a !== '-') {
      io.stderr(`planlint impact: ${/^[\w-]{1,40}$/.test(flag) ? say(c, 'cli.impact.unknownOption', { flag }) : say(c, 'cli.impact.unknownOptionUnnamed')}\n${USAGE}\n`);
      return 2;
    } else paths.push(a);
  }
  if (!config) {
    io.stderr(`planlint impact: ${say(c, 'cli.impact.needsConfig')}\n${USAGE}\n`);
    return 2;
  }
  if (asOf !== undefined && !isValidDate(asOf)) {
    io.stderr(`planlint impact: ${say(c, 'cli.impact.asOf')}\n`);
    return 2;
  }
  if (format !== 'text' && format !== 'json' && format !== 'html') {
    io.stderr(`planlint impact: ${say(c, 'cli.impact.format')}\n`);
    return 2;
  }
  const day = asOf ?? todayLocal(io.now ? io.now() : new Date());
  const after = new ConfigResolver(io.cwd, knownRules, {}, config);
  const before = new ConfigResolver(io.cwd, knownRules, {}, baseline);
  const found = await discover(paths.length ? paths : ['.'], io.cwd);
  const report: ImpactReport = { asOf: day, files: 0, filesChanged: 0, before: 0, after: 0, rules: [], unreadable: [] };
  const byRule = new Map<string, RuleImpact & { fileSet: Set<string> }>();
  const entry = (rule: string) => {
    let e = byRule.get(rule);
    if (!e) byRule.set(rule, (e = { rule, added: 0, removed: 0, files: 0, sample: [], fileSet: new Set() }));
    return e;
  };
  for (const t of found.targets) {
    const [cfgA, cfgB] = [await before.forFile(t.absolute), await after.forFile(t.absolute)];
    if (before.problems.length || after.problems.length) break;
    const text = await readText(t.absolute);
    if (typeof text !== 'string') {
      report.unreadable.push(`${safe(t.display)}: ${sayMsg(c, text.reason)}`);
      continue;
    }
    report.files++;
    const keysA = findingKeys(text, cfgA, day, io.rules);
    const keysB = findingKeys(text, cfgB, day, io.rules);
    report.before += keysA.length;
    report.after += keysB.length;
    const diff = multisetDiff(keysA, keysB);
    if (diff.added.length || diff.removed.length) report.filesChanged++;
    for (const [kind, list] of [['added', diff.added], ['removed', diff.removed]] as const) {
      for (const k of list) {
        const e = entry(k.rule);
        e[kind]++;
        e.fileSet.add(t.display);
        if (e.sample.length < SAMPLE) e.sample.push(`${kind === 'added' ? '+' : '-'} ${safe(t.display)}:${k.line}:${k.column}`);
      }
    }
  }
  const problems = [...before.problems, ...after.problems];
  if (problems.length) {
    for (const p of problems) io.stderr(`${safe(p.file)}:${p.line}:${p.column}: ${safe(problemText(p, c?.locale))}\n`);
    io.stderr(`planlint: ${say(c, 'cli.configProblems')}\n`);
    return 2;
  }
  report.rules = [...byRule.values()]
    .map(({ fileSet, ...r }) => ({ ...r, files: fileSet.size }))
    .sort((a, b) => b.added + b.removed - (a.added + a.removed) || (a.rule < b.rule ? -1 : 1));
  if (format === 'html') io.stdout(renderImpactHtml(report, { proposed: config, baseline, packs: (await after.forFile(resolve(io.cwd, 'x.plan.yaml'))).packs, catalogue: c }));
  else io.stdout(format === 'json' ? jsonForTerminal(JSON.stringify(report, null, 2)) + '\n' : linesForTerminal(renderText(report, c)));
  return 0;
}

async function readText(path: string): Promise<string | { reason: Msg }> {
  try {
    if ((await stat(path)).size > MAX_BYTES) return { reason: cliMsg('cli.impact.tooLarge') };
    const d = decode(await readFile(path));
    return d.ok ? d.text : { reason: cliMsg('cli.impact.notText') };
  } catch (e) {
    return { reason: ioReason(e) };
  }
}

interface Key {
  rule: string;
  line: number;
  column: number;
  id: string;
}

function findingKeys(text: string, config: ResolvedConfig, asOf: string, rules: readonly Rule[] | undefined): Key[] {
  const r = lint(text, { asOf, config, rules });
  // A finding is the same before and after when its rule, place and message are: a changed
  // message (another window in it) counts as one removed and one added.
  return toCliFindings(r.findings, r.parsed.lines).map((f) => ({ rule: f.rule, line: f.line, column: f.column, id: `${f.rule}\u0000${f.line}:${f.column}\u0000${f.severity}\u0000${f.message}` }));
}

function multisetDiff(a: Key[], b: Key[]): { added: Key[]; removed: Key[] } {
  const count = new Map<string, number>();
  for (const k of a) count.set(k.id, (count.get(k.id) ?? 0) + 1);
  const added: Key[] = [];
  for (const k of b) {
    const n = count.get(k.id) ?? 0;
    if (n > 0) count.set(k.id, n - 1);
    else added.push(k);
  }
  const removed: Key[] = [];
  const left = new Map(count);
  for (const k of a) {
    const n = left.get(k.id) ?? 0;
    if (n > 0) {
      removed.push(k);
      left.set(k.id, n - 1);
    }
  }
  return { added, removed };
}

function renderText(r: ImpactReport, c?: MessageCatalogue): string {
  const out: string[] = [say(c, 'cli.impact.summary', { asOf: r.asOf, files: r.files, changed: r.filesChanged, before: r.before, after: r.after, delta: signed(r.after - r.before) }), ''];
  if (!r.rules.length) out.push(say(c, 'cli.impact.none'));
  else {
    const [hRule, hAdded, hRemoved, hFiles] = (['cli.impact.colRule', 'cli.impact.colAdded', 'cli.impact.colRemoved', 'cli.impact.colFiles'] as const).map((id) => say(c, id));
    const w = Math.max(hRule.length, ...r.rules.map((x) => x.rule.length));
    const [wa, wr, wf] = [Math.max(5, hAdded.length), Math.max(7, hRemoved.length), Math.max(5, hFiles.length)];
    out.push(`${hRule.padEnd(w)}  ${hAdded.padEnd(wa)}  ${hRemoved.padEnd(wr)}  ${hFiles}`);
    for (const x of r.rules) out.push(`${x.rule.padEnd(w)}  ${String(x.added).padStart(wa)}  ${String(x.removed).padStart(wr)}  ${String(x.files).padStart(wf)}`);
    out.push('');
    for (const x of r.rules) out.push(`${x.rule}:`, ...x.sample.map((s) => `  ${s}`));
  }
  for (const u of r.unreadable) out.push(say(c, 'cli.impact.notRead', { what: u }));
  return out.join('\n') + '\n';
}

const signed = (n: number): string => (n > 0 ? `+${n}` : String(n));

/**
 * The impact as a self-contained HTML page for a policy board paper: the totals, a table by
 * rule, and the sample locations. No script, a strict CSP, every name escaped; like the text
 * report it holds rule ids, file names and positions, never a plan's content or a message.
 */
export function renderImpactHtml(r: ImpactReport, ctx: { proposed: string; baseline?: string; packs?: readonly PackInfo[]; catalogue?: MessageCatalogue }): string {
  const e = escapeXml;
  const c = ctx.catalogue;
  // The catalogue's words escaped for HTML content (apostrophes kept); data goes in already marked up.
  const t = (id: Parameters<typeof say>[1], data?: Parameters<typeof say>[2]): string => say(c, id, data);
  const h = (s: string): string => s.replace(/[&<>]/g, (x) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[x]!);
  const packs = ctx.packs?.length ? ctx.packs.map((p) => t('cli.impact.htmlPack', { name: e(p.name), version: e(p.version), from: e(p.effective_from) })).join(', ') : '';
  const rows = r.rules.map(
    (x) => `<tr><td><code>${e(x.rule)}</code></td><td class="n">${x.added}</td><td class="n">${x.removed}</td><td class="n">${x.files}</td></tr>`,
  );
  const samples = r.rules.map((x) => `<li><code>${e(x.rule)}</code><ul>${x.sample.map((s) => `<li><code>${e(s)}</code></li>`).join('')}</ul></li>`);
  return [
    '<!DOCTYPE html>',
    `<html lang="${e(c?.locale ?? 'en')}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${h(t('cli.impact.htmlTitle'))}</title>`,
    '<style>body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}table{border-collapse:collapse;margin:1rem 0}th,td{border-bottom:1px solid #ccc;padding:.3rem .8rem;text-align:left}td.n,th.n{text-align:right}.add{color:#8a1c00}.rem{color:#00603a}.muted{color:#555}</style>',
    '</head><body>',
    `<h1>${h(t('cli.impact.htmlHeading'))}</h1>`,
    `<p>${packs ? t('cli.impact.htmlProposedPacks', { config: `<code>${e(ctx.proposed)}</code>`, packs }) : t('cli.impact.htmlProposed', { config: `<code>${e(ctx.proposed)}</code>` })} ` +
      `${ctx.baseline ? t('cli.impact.htmlBaseline', { config: `<code>${e(ctx.baseline)}</code>` }) : h(t('cli.impact.htmlBaselineCurrent'))} ${t('cli.impact.htmlAsOf', { asOf: e(r.asOf) })}</p>`,
    `<p>${t('cli.impact.htmlSummary', { files: r.files, count: `<strong>${r.files}</strong>`, changed: `<strong>${r.filesChanged}</strong>`, before: r.before, after: r.after, arrow: '&rarr;', delta: `<span class="${r.after >= r.before ? 'add' : 'rem'}">${e(signed(r.after - r.before))}</span>` })}</p>`,
    r.rules.length
      ? `<table><thead><tr><th>${h(t('cli.impact.htmlColRule'))}</th><th class="n">${h(t('cli.impact.htmlColAdded'))}</th><th class="n">${h(t('cli.impact.htmlColRemoved'))}</th><th class="n">${h(t('cli.impact.htmlColFiles'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table><h2>${h(t('cli.impact.htmlSamples'))}</h2><ul>${samples.join('')}</ul>`
      : `<p>${h(t('cli.impact.none'))}</p>`,
    ...(r.unreadable.length ? [`<h2>${h(t('cli.impact.htmlNotRead'))}</h2><ul>${r.unreadable.map((u) => `<li><code>${e(u)}</code></li>`).join('')}</ul>`] : []),
    `<footer class="muted">${h(t('cli.impact.htmlFooter'))}</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
