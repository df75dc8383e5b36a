// The command line as a function: run(argv, io) -> exit status. All I/O is here (the engine
// takes text and returns findings); stdout, stderr, the working directory, standard input
// and the clock are injected so tests can drive it in-process.

import { readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pkg from '../../../package.json';
import { ruleSetting, type ResolvedConfig } from '../engine/config.js';
import { daysBetween, todayLocal } from '../engine/dates.js';
import { dueDates } from '../engine/obligations.js';
import { fixAll } from '../engine/fix.js';
import { LineIndex } from '../engine/lines.js';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import { parseText } from '../engine/parse.js';
import type { Rule } from '../engine/rule.js';
import type { Finding, RuleMeta } from '../engine/types.js';
import { ALL_RULES } from '../rules/index.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { ConfigResolver } from './configs.js';
import { decode } from './decode.js';
import { unifiedDiff } from './diff.js';
import { discover, ioReason, type Target } from './files.js';
import { FORMATTERS, type FormatContext } from './formats/index.js';
import { helpText } from './help.js';
import { fileLevelFinding, summarise, toCliFindings, type CliFinding, type FileReport, type UpcomingDue, UPCOMING_DAYS } from './report.js';
import { writeIfUnchanged, type ReadSnapshot } from './write.js';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Whether standard output takes colour (the entry point asks picocolors). */
  color: boolean;
  /** The clock, for the default --as-of (tests pass a fixed one). */
  now?: () => Date;
  /** The rule set (tests pass a fixed one so reports do not change as rules are added); default: every rule. */
  rules?: readonly Rule[];
}

export const VERSION: string = (pkg as { version: string }).version;
const READ_AHEAD = 8;


type ReadResult =
  | { kind: 'ok'; snapshot: ReadSnapshot }
  | { kind: 'error'; reason: string }
  | { kind: 'too-large'; size: number };

interface Item {
  display: string;
  absolute?: string;
  read: () => Promise<ReadResult>;
  /** Only real files can be fixed in place. */
  writable: boolean;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ruleSet = io.rules ?? ALL_RULES;
  const KNOWN_RULES = ruleSet.map((r) => r.meta.id);
  const RULE_META: ReadonlyMap<string, RuleMeta> = new Map(ruleSet.map((r) => [r.meta.id, r.meta]));
  let opts: CliOptions;
  try {
    opts = parseCli(argv, KNOWN_RULES);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`planlint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout(helpText(VERSION));
    return 0;
  }
  if (opts.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }

  const asOf = opts.asOf ?? todayLocal(io.now ? io.now() : new Date());
  const configs = new ConfigResolver(io.cwd, KNOWN_RULES, opts.ruleOverrides, opts.config);
  const reportConfigProblems = (): boolean => {
    if (!configs.problems.length) return false;
    for (const p of configs.problems) io.stderr(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);
    io.stderr('planlint: the configuration above has problems; fix them and run again.\n');
    return true;
  };

  if (opts.printConfig !== undefined) {
    const abs = resolve(io.cwd, opts.printConfig);
    const cfg = await configs.forFile(abs);
    if (reportConfigProblems()) return 2;
    const rules: Record<string, string> = {};
    for (const r of ruleSet) rules[r.meta.id] = ruleSetting(cfg.rules, r.meta.id, r.meta.severity);
    io.stdout(JSON.stringify({ file: opts.printConfig, configFile: cfg.source ?? null, rules, policy: cfg.policy }, null, 2) + '\n');
    return 0;
  }

  let failed = false;
  const fail = (msg: string): void => {
    failed = true;
    io.stderr(`planlint: ${msg}\n`);
  };

  // What to lint.
  const items: Item[] = [];
  if (opts.stdin) {
    const name = opts.stdinFilename ?? '<stdin>';
    items.push({
      display: name,
      absolute: opts.stdinFilename !== undefined ? resolve(io.cwd, opts.stdinFilename) : undefined,
      writable: false,
      read: async () => {
        try {
          const bytes = await io.readStdin();
          if (bytes.length > opts.maxFileSize) return { kind: 'too-large', size: bytes.length };
          return { kind: 'ok', snapshot: { bytes, mtimeMs: 0, size: bytes.length, mode: 0o644, uid: 0, gid: 0 } };
        } catch (e) {
          return { kind: 'error', reason: ioReason(e) };
        }
      },
    });
  } else {
    const patterns = opts.patterns.length ? opts.patterns : ['.'];
    const found = await discover(patterns, io.cwd);
    for (const u of found.unmatched) {
      if (opts.errorOnUnmatchedPattern) fail(`no plan files match \`${u}\` (plans are *.plan.yaml, *.plan.yml, or YAML with a top-level sentence_plan key)`);
    }
    for (const t of found.targets) items.push({ display: t.display, absolute: t.absolute, writable: true, read: () => readTarget(t, opts.maxFileSize) });
    if (!items.length && !failed && opts.errorOnUnmatchedPattern) fail('no plan files to check');
  }

  // Configuration for every file first: a broken configuration stops the run (as ESLint does).
  const itemConfigs: ResolvedConfig[] = [];
  for (const it of items) itemConfigs.push(await configs.forFile(it.absolute ?? join(io.cwd, '<stdin>')));
  if (reportConfigProblems()) return 2;

  const stdoutSpec = opts.outputs.find((o) => o.file === undefined);
  const notesToStdout = !stdoutSpec || stdoutSpec.format === 'stylish' || stdoutSpec.format === 'compact';
  const note = (s: string): void => (notesToStdout ? io.stdout(s) : io.stderr(s));

  // Upcoming reviews are for people: only the stylish report shows them, and not with --quiet.
  const showUpcoming = !opts.quiet && opts.outputs.some((o) => o.format === 'stylish');

  // Read ahead a few files while linting one at a time.
  const reports: FileReport[] = [];
  const reads: Promise<ReadResult>[] = [];
  let next = 0;
  const kick = (): void => {
    if (next < items.length) reads.push(items[next++].read());
  };
  for (let i = 0; i < READ_AHEAD; i++) kick();
  let warningsBeforeQuiet = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    const r = await reads[i];
    kick();
    const report: FileReport = { file: it.display, absolute: it.absolute, findings: [] };
    if (r.kind === 'error') {
      fail(`cannot read ${it.display}: ${r.reason}`);
      report.readError = r.reason;
      report.findings = [fileLevelFinding('meta/unreadable', `This file could not be read: ${r.reason}. It was not checked.`)];
    } else if (r.kind === 'too-large') {
      report.findings = [
        fileLevelFinding(
          'meta/file-too-large',
          `This file is ${r.size.toLocaleString('en-GB')} bytes, over the limit of ${opts.maxFileSize.toLocaleString('en-GB')} bytes, so it was not checked. A sentence plan is far smaller: check that this is the right file, or raise the limit with --max-file-size.`,
        ),
      ];
    } else {
      report.findings = await lintOne(it, r.snapshot, itemConfigs[i], { opts, asOf, note, fail, rules: io.rules, ruleMeta: RULE_META, upcoming: showUpcoming ? (u) => (report.upcoming = u) : undefined });
    }
    warningsBeforeQuiet += report.findings.filter((f) => f.severity === 'warning').length;
    if (opts.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
    reports.push(report);
  }

  const summary = summarise(reports);
  const color = opts.color ?? io.color;
  for (const spec of opts.outputs) {
    const ctx: FormatContext = { cwd: io.cwd, color: spec.file === undefined ? color : false, version: VERSION, rules: RULE_META, summary, executionFailed: failed };
    const text = FORMATTERS[spec.format](reports, ctx);
    if (spec.file === undefined) io.stdout(text);
    else {
      const path = resolve(io.cwd, spec.file);
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
      } catch (e) {
        fail(`cannot write the ${spec.format} report to ${spec.file}: ${ioReason(e)}`);
      }
    }
  }

  if (failed) return 2;
  if (opts.exitZero) return 0;
  if (summary.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warningsBeforeQuiet > opts.maxWarnings) {
    io.stderr(`planlint: ${warningsBeforeQuiet} warnings, more than --max-warnings ${opts.maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}

async function readTarget(t: Target, maxFileSize: number): Promise<ReadResult> {
  if (t.error !== undefined) return { kind: 'error', reason: t.error };
  try {
    const st = await stat(t.absolute);
    if (st.isDirectory()) return { kind: 'error', reason: ioReason({ code: 'EISDIR' }) };
    // A device or pipe (/dev/zero, a FIFO) could be read forever: only regular files are plans.
    if (!st.isFile()) return { kind: 'error', reason: 'not a regular file (a device, pipe or socket)' };
    // Check the size before reading: a huge file is refused without being read whole.
    if (st.size > maxFileSize) return { kind: 'too-large', size: st.size };
    const bytes = await readFile(t.absolute);
    if (bytes.length > maxFileSize) return { kind: 'too-large', size: bytes.length };
    return { kind: 'ok', snapshot: { bytes, mtimeMs: st.mtimeMs, size: st.size, mode: st.mode, uid: st.uid, gid: st.gid } };
  } catch (e) {
    return { kind: 'error', reason: ioReason(e) };
  }
}

interface LintEnv {
  opts: CliOptions;
  asOf: string;
  note: (s: string) => void;
  fail: (msg: string) => void;
  rules?: readonly Rule[];
  ruleMeta: ReadonlyMap<string, RuleMeta>;
  /** Receives the file's reviews falling due soon, when the report shows them. */
  upcoming?: (u: UpcomingDue[]) => void;
}

const syntaxErrorCount = (text: string): number => parseText(text).problems.filter((p) => p.severity === 'error').length;
const errorCount = (fs: readonly Finding[]): number => fs.filter((f) => f.severity === 'error').length;

async function lintOne(it: Item, snap: ReadSnapshot, config: ResolvedConfig, env: LintEnv): Promise<CliFinding[]> {
  const { opts } = env;
  const decoded = decode(snap.bytes);
  if (!decoded.ok) {
    const setting = ruleSetting(config.rules, 'meta/encoding', 'error');
    if (setting === 'off') return [];
    return [{ ...fileLevelFinding('meta/encoding', decoded.message, decoded.line, decoded.column), severity: setting }];
  }
  const text = decoded.text;
  const lintOptions: LintOptions = { asOf: env.asOf, config, maxChars: opts.maxFileSize, rules: env.rules };
  let before;
  try {
    before = lint(text, lintOptions);
  } catch (e) {
    return [internalError(e)];
  }
  const current = toCliFindings(before.findings, before.parsed.lines);
  if (env.upcoming && !before.isTemplate) env.upcoming(upcomingDues(before.plan, config, env));
  if (!opts.fix && !opts.fixDryRun) return current;

  let fixed;
  try {
    fixed = fixAll(text, lintOptions);
  } catch (e) {
    return [...current, internalError(e)];
  }
  if (!fixed.changed) return current;
  // Never make a file worse: no new syntax errors, no more errors than before.
  if (syntaxErrorCount(fixed.text) > before.parsed.problems.filter((p) => p.severity === 'error').length || errorCount(fixed.remaining) > errorCount(before.findings)) {
    env.note(`planlint: fixes for ${it.display} were not applied: the result would have had more errors than the original.\n`);
    return current;
  }
  const remaining = toCliFindings(fixed.remaining, new LineIndex(fixed.text));
  const what = describeFixes(fixed.applied.map((a) => a.ruleId));
  if (opts.fixDryRun) {
    env.note(`planlint: would fix ${it.display}: ${what}\n`);
    env.note(unifiedDiff(text, fixed.text, it.display));
    return remaining;
  }
  if (!it.writable || it.absolute === undefined) return current;
  const outcome = await writeIfUnchanged(it.absolute, snap, (decoded.bom ? '\uFEFF' : '') + fixed.text);
  if (outcome.written) {
    env.note(`planlint: fixed ${it.display}: ${what}\n`);
    return remaining;
  }
  if (outcome.ioError) env.fail(`${it.display}: ${outcome.reason}`);
  else env.note(`planlint: ${it.display}: ${outcome.reason}\n`);
  return current;
}

/** Reviews not yet due (nor done) whose due date is within UPCOMING_DAYS, for rules that are on. */
function upcomingDues(plan: LintResult['plan'], config: ResolvedConfig, env: LintEnv): UpcomingDue[] {
  try {
    return dueDates(plan, env.asOf, config.policy)
      .filter((o) => o.state === 'upcoming' && env.ruleMeta.has(o.rule) && ruleSetting(config.rules, o.rule, env.ruleMeta.get(o.rule)!.severity) !== 'off')
      .map((o) => ({ rule: o.rule, kind: o.kind, due: o.due, days: daysBetween(env.asOf, o.due) }))
      .filter((u) => u.days >= 0 && u.days <= UPCOMING_DAYS);
  } catch {
    return []; // a listing for people; the review rules report real problems themselves
  }
}

/** "3 fixes (meta/unused-disable ×2, schema/score-range)" — rule ids only, never content. */
function describeFixes(ruleIds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const parts = [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id));
  return `${ruleIds.length} fix${ruleIds.length === 1 ? '' : 'es'} (${parts.join(', ')})`;
}

function internalError(e: unknown): CliFinding {
  return fileLevelFinding(
    'meta/internal-error',
    `planlint failed on this file (${(e as Error)?.name ?? 'Error'}); it was not fully checked. Please report this with the planlint version (never the plan itself).`,
  );
}
