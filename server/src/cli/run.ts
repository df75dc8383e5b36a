// The command line as a function: run(argv, io) -> exit status. All I/O is here (the engine
// takes text and returns findings); stdout, stderr, the working directory, standard input
// and the clock are injected so tests can drive it in-process.

import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pkg from '../../../package.json';
import { ruleSetting, type ResolvedConfig } from '../engine/config.js';
import { todayLocal } from '../engine/dates.js';
import { fixAll } from '../engine/fix.js';
import { LineIndex } from '../engine/lines.js';
import { lint, type LintOptions } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import type { RuleMeta } from '../engine/types.js';
import { ALL_RULES } from '../rules/index.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { applyBaseline, baselineName, baselineText, countFindings, countTotal, nextBaseline, readBaseline, writeBaseline, type Baseline } from './baseline.js';
import { ConfigHasher, LintCache, rulesHash, sha256 } from './cache.js';
import { checkBytes, extras, internalError, type CheckEnv, type Checked } from './check.js';
import type { TimelineModel } from '../engine/timeline.js';
import { LintPool, threadCount } from './pool.js';
import { shardKey, shardOf } from './shard.js';
import type { Job, JobResult } from './worker.js';
import { ConfigResolver } from './configs.js';
import { decode } from './decode.js';
import { unifiedDiff } from './diff.js';
import { discover, ioReason, runRoots, type Target } from './files.js';
import { allStreaming, ReportStream, writeWhole, type BaseContext } from './emit.js';
import { explain } from './explain.js';
import { forTerminal, jsonForTerminal, linesForTerminal } from './escape.js';
import { checksCommand, explainLocal } from './checks.js';
import { impact } from './impact.js';
import { localRules } from '../policy/checks.js';
import { helpText } from './help.js';
import { addToSummary, fileLevelFinding, toCliFindings, type CliFinding, type FileReport, type RunSummary, type UpcomingDue } from './report.js';
import { removeStaleTemps, writeIfUnchanged, type ReadSnapshot } from './write.js';

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
  /**
   * The script worker threads run (the CLI bundle itself, which starts a worker when it is not
   * the main thread). Without it, or with a custom rule set, every file is linted in this thread.
   */
  workerScript?: string;
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

export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Everything planlint writes to stderr is made safe for a terminal or CI log (escape.ts); the
  // names inside messages are escaped where the message is built, so they cannot add a line.
  const io: CliIo = { ...rawIo, stderr: (s) => rawIo.stderr(linesForTerminal(s)) };
  const ruleSet = io.rules ?? ALL_RULES;
  const KNOWN_RULES = ruleSet.map((r) => r.meta.id);
  const RULE_META = new Map<string, RuleMeta>(ruleSet.map((r) => [r.meta.id, r.meta]));
  // The subcommands print file names and config values: every line made safe for a terminal
  // or CI log (impact's JSON is escaped as JSON inside impact.ts).
  const safeIo: CliIo = { ...io, stdout: (t) => io.stdout(linesForTerminal(t)), stderr: (t) => io.stderr(linesForTerminal(t)) };
  if (argv[0] === 'checks') return checksCommand(argv.slice(1), KNOWN_RULES, safeIo);
  if (argv[0] === 'impact') return impact(argv.slice(1), KNOWN_RULES, { ...io, stderr: safeIo.stderr });
  if (argv[0] === 'explain' && argv.slice(1).some((a) => a.startsWith('local/'))) return explainLocal(argv.slice(1), KNOWN_RULES, safeIo);
  if (argv[0] === 'explain') return explain(argv.slice(1), ruleSet, io);
  let opts: CliOptions;
  try {
    opts = parseCli(argv, KNOWN_RULES);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`planlint: ${forTerminal(e.message)}\n`);
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
  const roots = await runRoots(opts.stdin ? [] : opts.patterns, io.cwd);
  const configs = new ConfigResolver(io.cwd, KNOWN_RULES, opts.ruleOverrides, opts.config, roots);
  const reportConfigProblems = (): boolean => {
    if (!configs.problems.length) return false;
    for (const p of configs.problems) io.stderr(`${forTerminal(p.file)}:${p.line}:${p.column}: ${forTerminal(p.message)}\n`);
    io.stderr('planlint: the configuration above has problems; fix them and run again.\n');
    return true;
  };

  if (opts.printConfig !== undefined) {
    const abs = resolve(io.cwd, opts.printConfig);
    const cfg = await configs.forFile(abs);
    if (reportConfigProblems()) return 2;
    const rules: Record<string, string> = {};
    for (const r of ruleSet) rules[r.meta.id] = ruleSetting(cfg.rules, r.meta.id, r.meta.severity);
    io.stdout(jsonForTerminal(JSON.stringify({ file: opts.printConfig, configFile: cfg.source ?? null, rules, policy: cfg.policy }, null, 2)) + '\n');
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
      if (opts.errorOnUnmatchedPattern) fail(`no plan files match \`${forTerminal(u)}\` (plans are *.plan.yaml, *.plan.yml, or YAML with a top-level sentence_plan key)`);
    }
    // A name that is not UTF-8 is read by its bytes; --fix does not rewrite it (the writer works on names).
    for (const t of found.targets) items.push({ display: t.display, absolute: t.absolute, writable: t.raw === undefined, read: () => readTarget(t, opts.maxFileSize) });
    if (!items.length && !failed && opts.errorOnUnmatchedPattern) fail('no plan files to check');
    if (opts.shard) {
      // A file's shard depends on its own path only (see shard.ts); an empty shard is not an error.
      const { index, count } = opts.shard;
      const mine = items.filter((it) => shardOf(shardKey(io.cwd, it.absolute!), count) === index);
      items.length = 0;
      items.push(...mine);
    }
  }

  // Configuration for every file first: a broken configuration stops the run (as ESLint does).
  const itemConfigs: ResolvedConfig[] = [];
  for (const it of items) itemConfigs.push(await configs.forFile(it.absolute ?? join(io.cwd, '<stdin>')));
  if (reportConfigProblems()) return 2;
  // Local checks are rules too: reports (SARIF's rule list) describe them from their metadata.
  for (const c of itemConfigs) for (const r of localRules(c.checks)) if (!RULE_META.has(r.meta.id)) RULE_META.set(r.meta.id, r.meta);

  // The baseline is read before any checking: a run that cannot use it stops at once.
  const bpath = opts.baseline ? resolve(io.cwd, opts.baseline.file) : '';
  const oldBaseline = opts.baseline ? await readBaseline(bpath) : undefined;
  // --baseline-write replaces a missing or unusable baseline; the others need a good one.
  if (opts.baseline && oldBaseline && !oldBaseline.ok && opts.baseline.mode !== 'write') {
    io.stderr(`planlint: cannot use the baseline ${forTerminal(opts.baseline.file)}: ${oldBaseline.reason}\n`);
    return 2;
  }

  const stdoutSpec = opts.outputs.find((o) => o.file === undefined);
  const notesToStdout = !stdoutSpec || stdoutSpec.format === 'stylish' || stdoutSpec.format === 'compact';
  const note = (s: string): void => (notesToStdout ? io.stdout(linesForTerminal(s)) : io.stderr(s));

  // Upcoming reviews are for people: only the stylish report shows them, and not with --quiet.
  const showUpcoming = !opts.quiet && opts.outputs.some((o) => o.format === 'stylish');
  // The html report draws each plan's timeline.
  const wantTimeline = opts.outputs.some((o) => o.format === 'html');

  // The cache, when asked for: what applies to the whole run is its header.
  const cacheWarn = (m: string): void => io.stderr(`planlint: warning: ${m}\n`);
  const cache = opts.cache
    ? await LintCache.load(resolve(io.cwd, opts.cacheLocation), { version: VERSION, rules: rulesHash(ruleSet), maxFileSize: opts.maxFileSize }, cacheWarn)
    : undefined;
  const hasher = new ConfigHasher(ruleSet, asOf);
  const checkEnv: CheckEnv = { asOf, maxFileSize: opts.maxFileSize, rules: io.rules, ruleMeta: RULE_META, timeline: wantTimeline };

  // Each file: read it, then take its findings from the cache or lint it (in this thread or a worker).
  interface Prepared {
    report: FileReport;
    failMsg?: string;
    /** Set when the file still has to be linted. */
    job?: { snapshot: ReadSnapshot; config: ResolvedConfig; cacheKey?: string };
  }
  const prepare = async (i: number): Promise<Prepared> => {
    const it = items[i];
    const r = await it.read();
    const report: FileReport = { file: it.display, absolute: it.absolute, findings: [] };
    if (r.kind === 'error') {
      report.readError = r.reason;
      report.findings = [fileLevelFinding('meta/unreadable', `This file could not be read: ${r.reason}. It was not checked.`)];
      return { report, failMsg: `cannot read ${forTerminal(it.display)}: ${r.reason}` };
    }
    if (r.kind === 'too-large') {
      report.findings = [
        fileLevelFinding(
          'meta/file-too-large',
          `This file is ${r.size.toLocaleString('en-GB')} bytes, over the limit of ${opts.maxFileSize.toLocaleString('en-GB')} bytes, so it was not checked. A sentence plan is far smaller: check that this is the right file, or raise the limit with --max-file-size.`,
        ),
      ];
      return { report };
    }
    const config = itemConfigs[i];
    let cacheKey: string | undefined;
    if (cache && it.absolute !== undefined && !opts.fixDryRun) {
      cacheKey = `${sha256(r.snapshot.bytes)}:${hasher.hash(config)}`;
      const hit = cache.get(it.absolute, cacheKey);
      // Under --fix a file with fixable findings is linted again so its fixes are applied.
      // An html report needs the timeline too, drawn for today's as-of date.
      const timelineOk = !wantTimeline || hit?.timeline === null || hit?.timeline?.asOf === asOf;
      if (hit && timelineOk && !(opts.fix && hit.findings.some((f) => f.fixable))) {
        report.findings = hit.findings; // never mutated: --quiet and --baseline filter into new arrays
        if (showUpcoming && hit.upcoming.length) report.upcoming = hit.upcoming;
        if (wantTimeline && hit.timeline) report.timeline = hit.timeline;
        return { report };
      }
    }
    return { report, job: { snapshot: r.snapshot, config, cacheKey } };
  };
  const finish = (i: number, p: Prepared, checked: Checked): void => {
    p.report.findings = checked.findings;
    if (showUpcoming && checked.upcoming.length) p.report.upcoming = checked.upcoming;
    if (checked.timeline) p.report.timeline = checked.timeline;
    if (cache && p.job?.cacheKey !== undefined && items[i].absolute !== undefined)
      cache.set(items[i].absolute!, { key: p.job.cacheKey, findings: checked.findings, upcoming: checked.upcoming, ...(wantTimeline ? { timeline: checked.timeline ?? null } : {}) });
  };

  // --fix: temporary files a killed run left beside these files go first (their process is gone).
  if (opts.fix) {
    const dirs = new Set<string>();
    for (const it of items) if (it.absolute !== undefined) dirs.add(dirname(await realpath(it.absolute).catch(() => it.absolute!)));
    for (const d of dirs) await removeStaleTemps(d);
  }

  const prepared: Prepared[] = new Array(items.length);
  /** What a written file's slot holds: its report is let go. */
  const WRITTEN: Prepared = { report: { file: '', findings: [] } };
  const fixing = opts.fix || opts.fixDryRun;

  // Per file, in order: the baseline hides what it records, --quiet keeps the errors, and the
  // summary counts what is left.
  const summary: RunSummary = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  let warningsBeforeQuiet = 0;
  let baselined = 0;
  const settle = (report: FileReport, baseline: Baseline | undefined): void => {
    if (baseline) baselined += applyBaseline([report], baseline, bpath);
    for (const f of report.findings) if (f.severity === 'warning') warningsBeforeQuiet++;
    if (opts.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
    addToSummary(summary, report);
  };

  // Streaming formats are written as files finish, in order, and each file's report is then
  // let go (emit.ts). --fix prints notes between files, and writing or pruning a baseline needs
  // every file's counts first: those runs write their reports at the end.
  const base: BaseContext = { cwd: io.cwd, color: opts.color ?? io.color, version: VERSION, rules: RULE_META, asOf };
  const streaming = !fixing && allStreaming(opts.outputs) && (!opts.baseline || opts.baseline.mode === 'filter');
  const stream = streaming ? new ReportStream(opts.outputs, base, io.stdout, fail) : undefined;
  const streamBaseline = opts.baseline && oldBaseline?.ok ? oldBaseline.baseline : undefined;
  let emitted = 0;
  const drain = (): void => {
    if (!stream) return;
    while (emitted < items.length) {
      const p = prepared[emitted];
      if (!p || p.job) return;
      if (p.failMsg) fail(p.failMsg);
      settle(p.report, streamBaseline);
      stream.file(p.report);
      prepared[emitted] = WRITTEN;
      emitted++;
    }
  };
  const threads = fixing || io.rules || !io.workerScript ? 0 : threadCount(opts.concurrency, items.length);
  let linted = false;
  if (threads > 0) linted = await lintInWorkers(io.workerScript!, threads);
  if (!linted) {
    // One thread: read a few files ahead while linting one at a time.
    const reads: (Promise<Prepared> | undefined)[] = [];
    let next = 0;
    const kick = (): void => {
      if (next < items.length) reads.push(prepare(next++));
    };
    for (let i = 0; i < READ_AHEAD; i++) kick();
    for (let i = 0; i < items.length; i++) {
      drain();
      const p = (prepared[i] = (await reads[i])!);
      reads[i] = undefined; // the slot in `prepared` is what keeps the report, until it is written
      kick();
      if (!p.job) continue;
      if (!fixing) {
        finish(i, p, checkBytes(p.job.snapshot.bytes, p.job.config, checkEnv));
        p.job = undefined; // let the bytes go
        continue;
      }
      let upcoming: UpcomingDue[] = [];
      let timeline: TimelineModel | undefined;
      const out = await lintOne(items[i], p.job.snapshot, p.job.config, {
        opts,
        roots,
        asOf,
        note,
        fail,
        rules: io.rules,
        ruleMeta: RULE_META,
        upcoming: (u) => (upcoming = u),
        timeline: wantTimeline ? (t) => (timeline = t) : undefined,
      });
      // A file --fix rewrote is not cached (its new content is linted next time).
      if (out.changed) {
        p.report.findings = out.findings;
        if (showUpcoming && upcoming.length) p.report.upcoming = upcoming;
        if (timeline) p.report.timeline = timeline;
        if (items[i].absolute !== undefined) cache?.delete(items[i].absolute!);
      } else finish(i, p, { findings: out.findings, upcoming, timeline });
      p.job = undefined;
    }
  }

  async function lintInWorkers(script: string, count: number): Promise<boolean> {
    const configs: ResolvedConfig[] = [];
    const configIndex = new Map<ResolvedConfig, number>();
    for (const c of itemConfigs) if (!configIndex.has(c)) configIndex.set(c, configs.push(c) - 1);
    let pool: LintPool;
    try {
      pool = new LintPool(script, count, { planlintWorker: 1, configs, asOf, maxFileSize: opts.maxFileSize, timeline: wantTimeline });
    } catch {
      return false;
    }
    const batchSize = Math.max(1, Math.min(32, Math.ceil(items.length / (count * 8))));
    let next = 0;
    const takeBatch = (): Promise<number[]> | undefined => {
      if (next >= items.length) return undefined;
      const idx: number[] = [];
      for (let k = 0; k < batchSize && next < items.length; k++) idx.push(next++);
      return Promise.all(idx.map(async (i) => ((prepared[i] = await prepare(i)), i)));
    };
    const slot = async (k: number): Promise<void> => {
      let ahead = takeBatch();
      while (ahead) {
        const idx = await ahead;
        drain(); // files answered from the cache may be ready to write
        ahead = takeBatch(); // read the next batch while this one is linted
        const jobs: Job[] = idx.filter((i) => prepared[i].job).map((i) => ({ i, bytes: prepared[i].job!.snapshot.bytes, config: configIndex.get(prepared[i].job!.config)! }));
        if (!jobs.length) continue;
        let results: JobResult[];
        try {
          results = await pool.lint(k, jobs);
        } catch {
          // A worker that fails does not lose files: lint its batch here.
          results = jobs.map((j) => ({ i: j.i, ...checkBytes(j.bytes, prepared[j.i].job!.config, checkEnv) }));
        }
        for (const res of results) {
          finish(res.i, prepared[res.i], res);
          prepared[res.i].job = undefined; // let the bytes go
        }
        drain();
      }
    };
    try {
      await Promise.all(Array.from({ length: pool.size }, (_, k) => slot(k)));
    } finally {
      await pool.close();
    }
    return true;
  }

  // Streaming wrote every file as it finished (drain reports unreadable files as it goes);
  // otherwise every file's report is here now.
  drain();
  const reports: FileReport[] = stream ? [] : prepared.map((p) => p.report);
  if (!stream) for (const p of prepared) if (p.failMsg) fail(p.failMsg);
  if (cache) {
    const err = await cache.save();
    if (err) cacheWarn(`cannot write the cache ${opts.cacheLocation} (${err}); the next run checks every file again`);
  }

  if (!stream) {
    // The baseline: hide what it records, or record today's findings (and hide them).
    let baseline: Baseline | undefined;
    if (opts.baseline && oldBaseline) {
      const mode = opts.baseline.mode;
      const oldCounts = oldBaseline.ok ? oldBaseline.baseline.files : {};
      if (mode !== 'filter') {
        const today = countFindings(reports, bpath);
        const checked = new Set(reports.filter((r) => r.absolute !== undefined && r.readError === undefined).map((r) => baselineName(bpath, r.absolute!)));
        const nextCounts = await nextBaseline(mode, oldCounts, today, checked, bpath);
        if (mode === 'write' || baselineText(nextCounts) !== baselineText(oldCounts)) {
          const err = await writeBaseline(bpath, nextCounts);
          if (err) fail(`cannot write the baseline ${forTerminal(opts.baseline.file)} (${err})`);
          else io.stderr(`planlint: ${mode === 'write' ? 'wrote' : 'pruned'} the baseline ${forTerminal(opts.baseline.file)}: ${countTotal(nextCounts)} finding${countTotal(nextCounts) === 1 ? '' : 's'} in ${Object.keys(nextCounts).length} file${Object.keys(nextCounts).length === 1 ? '' : 's'}\n`);
        }
        baseline = { files: nextCounts };
      } else baseline = oldBaseline.ok ? oldBaseline.baseline : { files: {} };
    }
    for (const r of reports) settle(r, baseline);
  }

  if (opts.baseline) summary.baselined = baselined;
  // The stylish summary says how many findings the baseline hid; other formats keep their contract.
  if (opts.baseline && baselined > 0 && !opts.outputs.some((o) => o.file === undefined && o.format === 'stylish')) {
    io.stderr(`planlint: ${baselined} finding${baselined === 1 ? '' : 's'} hidden by the baseline ${forTerminal(opts.baseline.file)}\n`);
  }
  if (stream) stream.finish(summary, failed);
  else writeWhole(opts.outputs, reports, base, summary, () => failed, io.stdout, fail);

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
    const st = await stat(t.raw ?? t.absolute);
    if (st.isDirectory()) return { kind: 'error', reason: ioReason({ code: 'EISDIR' }) };
    // A device or pipe (/dev/zero, a FIFO) could be read forever: only regular files are plans.
    if (!st.isFile()) return { kind: 'error', reason: 'not a regular file (a device, pipe or socket)' };
    // Check the size before reading: a huge file is refused without being read whole.
    if (st.size > maxFileSize) return { kind: 'too-large', size: st.size };
    const bytes = await readFile(t.raw ?? t.absolute);
    if (bytes.length > maxFileSize) return { kind: 'too-large', size: bytes.length };
    return { kind: 'ok', snapshot: { bytes, mtimeMs: st.mtimeMs, size: st.size, mode: st.mode, uid: st.uid, gid: st.gid } };
  } catch (e) {
    return { kind: 'error', reason: ioReason(e) };
  }
}

interface LintEnv {
  opts: CliOptions;
  /** The run's roots: --fix writes only under them. */
  roots: readonly string[];
  asOf: string;
  note: (s: string) => void;
  fail: (msg: string) => void;
  rules?: readonly Rule[];
  ruleMeta: ReadonlyMap<string, RuleMeta>;
  /** Receives the file's reviews falling due soon, when the report shows them. */
  upcoming?: (u: UpcomingDue[]) => void;
  /** Receives the plan's timeline (of the fixed text when fixes were applied), when a report draws it. */
  timeline?: (t: TimelineModel | undefined) => void;
}

async function lintOne(it: Item, snap: ReadSnapshot, config: ResolvedConfig, env: LintEnv): Promise<{ findings: CliFinding[]; changed: boolean }> {
  const { opts } = env;
  const decoded = decode(snap.bytes);
  if (!decoded.ok) {
    const setting = ruleSetting(config.rules, 'meta/encoding', 'error');
    if (setting === 'off') return { findings: [], changed: false };
    return { findings: [{ ...fileLevelFinding('meta/encoding', decoded.message, decoded.line, decoded.column), severity: setting }], changed: false };
  }
  const text = decoded.text;
  const lintOptions: LintOptions = { asOf: env.asOf, config, maxChars: opts.maxFileSize, rules: env.rules };
  let before;
  try {
    before = lint(text, lintOptions);
  } catch (e) {
    return { findings: [internalError(e)], changed: false };
  }
  const current = toCliFindings(before.findings, before.parsed.lines);
  const shown = extras(before, config, { asOf: env.asOf, ruleMeta: env.ruleMeta, timeline: env.timeline !== undefined });
  env.upcoming?.(shown.upcoming);
  env.timeline?.(shown.timeline);
  const same = { findings: current, changed: false };
  if (!opts.fix && !opts.fixDryRun) return same;

  let fixed;
  try {
    fixed = fixAll(text, lintOptions);
  } catch (e) {
    return { findings: [...current, internalError(e)], changed: false };
  }
  // The fix guard inside fixAll refused to make the file worse (more syntax errors or errors).
  if (!fixed.changed && fixed.refused) env.note(`planlint: fixes for ${forTerminal(it.display)} were not applied: the result would have had more errors than the original.\n`);
  if (!fixed.changed) return same;
  const remaining = toCliFindings(fixed.remaining, new LineIndex(fixed.text));
  const what = describeFixes(fixed.applied.map((a) => a.ruleId));
  if (opts.fixDryRun) {
    env.timeline?.(extras(fixed.result, config, { asOf: env.asOf, ruleMeta: env.ruleMeta, timeline: true }).timeline);
    env.note(`planlint: would fix ${forTerminal(it.display)}: ${what}\n`);
    env.note(unifiedDiff(text, fixed.text, forTerminal(it.display)));
    return { findings: remaining, changed: true };
  }
  if (!it.writable || it.absolute === undefined) return same;
  const outcome = await writeIfUnchanged(it.absolute, snap, (decoded.bom ? '\uFEFF' : '') + fixed.text, env.roots);
  if (outcome.written) {
    env.timeline?.(extras(fixed.result, config, { asOf: env.asOf, ruleMeta: env.ruleMeta, timeline: true }).timeline);
    env.note(`planlint: fixed ${forTerminal(it.display)}: ${what}\n`);
    return { findings: remaining, changed: true };
  }
  if (!outcome.written && outcome.refused) {
    env.note(`planlint: ${forTerminal(it.display)} was not fixed: ${outcome.reason}\n`);
    const setting = ruleSetting(config.rules, 'meta/not-fixed', 'warning');
    if (setting === 'off') return same;
    return { findings: [...current, { ...fileLevelFinding('meta/not-fixed', `This file was not fixed: ${outcome.reason}.`), severity: setting }], changed: false };
  }
  if (outcome.ioError) env.fail(`${forTerminal(it.display)}: ${outcome.reason}`);
  else env.note(`planlint: ${forTerminal(it.display)}: ${outcome.reason}\n`);
  return same;
}

/** "3 fixes (meta/unused-disable ×2, schema/score-range)" — rule ids only, never content. */
function describeFixes(ruleIds: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const parts = [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id));
  return `${ruleIds.length} fix${ruleIds.length === 1 ? '' : 'es'} (${parts.join(', ')})`;
}
