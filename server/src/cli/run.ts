// The command line as a function: run(argv, io) -> exit status. The subcommands, the
// arguments, then the pipeline of cli/pipeline/ (discover -> configs -> source -> check ->
// sink). All I/O is in cli/ (the engine takes text and returns findings); stdout, stderr, the
// working directory, standard input and the clock are injected so tests can drive it in-process.

import { BUILT_IN_PACK } from '../engine/packs.js';
import { availableLocales, chooseLocale } from '../engine/locales.js';
import { realpath } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import pkg from '../../../package.json';
import { ruleSetting } from '../engine/config.js';
import { todayLocal } from '../engine/dates.js';
import type { Rule } from '../engine/rule.js';
import type { RuleMeta } from '../engine/types.js';
import { ALL_RULES } from '../rules/index.js';
import { parseCli, UsageError, type CliOptions } from './args.js';
import { readBaseline } from './baseline.js';
import { ConfigHasher, LintCache, rulesHash } from './cache.js';
import type { CheckEnv } from './check.js';
import { checksCommand, explainLocal } from './checks.js';
import { ConfigResolver } from './configs.js';
import type { BaseContext } from './emit.js';
import { forTerminal, jsonForTerminal, linesForTerminal } from './escape.js';
import { explain } from './explain.js';
import { runRoots } from './files.js';
import { helpText } from './help.js';
import { cliCatalogue, cliMsg, say } from './messages.js';
import type { Msg } from '../engine/messages.js';
import { impact } from './impact.js';
import { CheckStage, type Prepared } from './pipeline/check.js';
import { configureItems, reportConfigProblems } from './pipeline/configure.js';
import { discoverItems } from './pipeline/discover.js';
import { checkAll } from './pipeline/schedule.js';
import { Failure, Sink } from './pipeline/sink.js';
import { threadCount } from './pool.js';
import { removeStaleTemps } from './write.js';

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Whether standard output takes colour (the entry point asks picocolors). */
  color: boolean;
  /** The clock, for the default --as-of (tests pass a fixed one). */
  now?: () => Date;
  /** The environment the locale is chosen from (PLANLINT_LOCALE, LC_ALL, LANG); tests pass none. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The rule set (tests pass a fixed one so reports do not change as rules are added); default: every rule. */
  rules?: readonly Rule[];
  /**
   * The script worker threads run (the CLI bundle itself, which starts a worker when it is not
   * the main thread). Without it, or with a custom rule set, every file is linted in this thread.
   */
  workerScript?: string;
}

export const VERSION: string = (pkg as { version: string }).version;
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
  // The language of messages: --locale, else PLANLINT_LOCALE, else the system's (engine/locales.ts).
  const locales = availableLocales();
  if (SUBCOMMANDS.has(argv[0] ?? '')) {
    // A subcommand takes --locale too (anywhere in its arguments).
    const { locale: flag, rest } = takeLocale(argv.slice(1));
    const config = await teamLocale(io.cwd, KNOWN_RULES);
    if (flag !== undefined && !locales.includes(flag)) return badLocale(io, locales, flag, chooseLocale({ config, env: io.env ?? {} }, locales));
    const c = cliCatalogue(chooseLocale({ flag, config, env: io.env ?? {} }, locales));
    if (argv[0] === 'checks') return checksCommand(rest, KNOWN_RULES, { ...safeIo, catalogue: c });
    if (argv[0] === 'impact') return impact(rest, KNOWN_RULES, { ...io, stderr: safeIo.stderr, catalogue: c });
    if (rest.some((a) => a.startsWith('local/'))) return explainLocal(rest, KNOWN_RULES, { ...safeIo, catalogue: c });
    return explain(rest, ruleSet, { ...io, catalogue: c });
  }
  let opts: CliOptions;
  try {
    opts = parseCli(argv, KNOWN_RULES);
  } catch (e) {
    if (e instanceof UsageError) {
      // Said in the locale asked for, when the --locale given is one planlint has.
      const flag = takeLocale(argv).locale;
      const config = await teamLocale(io.cwd, KNOWN_RULES);
      const c = cliCatalogue(chooseLocale({ flag: flag !== undefined && locales.includes(flag) ? flag : undefined, config, env: io.env ?? {} }, locales));
      io.stderr(`planlint: ${forTerminal(say(c, e.msg.id as never, e.msg.data))}\n`);
      return 2;
    }
    throw e;
  }
  const roots = await runRoots(opts.stdin ? [] : opts.patterns, io.cwd);
  // The team's default (`locale:` of the configuration that applies here, or of --config) comes
  // after a person's own choice (--locale, PLANLINT_LOCALE) and before the system's.
  const config = await teamLocale(io.cwd, KNOWN_RULES, opts.config, roots);
  if (opts.locale !== undefined && !locales.includes(opts.locale)) return badLocale(io, locales, opts.locale, chooseLocale({ config, env: io.env ?? {} }, locales));
  const locale = chooseLocale({ flag: opts.locale, config, env: io.env ?? {} }, locales);
  const catalogue = cliCatalogue(locale);
  if (opts.help) {
    io.stdout(helpText(VERSION, catalogue));
    return 0;
  }
  if (opts.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }

  const asOf = opts.asOf ?? todayLocal(io.now ? io.now() : new Date());
  const configs = new ConfigResolver(io.cwd, KNOWN_RULES, opts.ruleOverrides, opts.config, roots);

  if (opts.printConfig !== undefined) {
    const abs = resolve(io.cwd, opts.printConfig);
    const cfg = await configs.forFile(abs);
    if (reportConfigProblems(configs, io.stderr, catalogue)) return 2;
    const rules: Record<string, string> = {};
    for (const r of ruleSet) rules[r.meta.id] = ruleSetting(cfg.rules, r.meta.id, r.meta.severity);
    io.stdout(jsonForTerminal(JSON.stringify({ file: opts.printConfig, configFile: cfg.source ?? null, packs: cfg.packs ?? [BUILT_IN_PACK], rules, policy: cfg.policy }, null, 2)) + '\n');
    return 0;
  }

  // The pipeline (cli/pipeline/): discover -> configs -> source -> check -> sink.
  const failure = new Failure(io.stderr, catalogue);
  const items = await discoverItems(opts, io.cwd, io.readStdin, failure.fail, catalogue);
  // Configuration for every file first: a broken configuration stops the run (as ESLint does).
  const itemConfigs = await configureItems(items, configs, io.cwd, RULE_META, io.stderr, catalogue);
  if (!itemConfigs) return 2;

  // The baseline is read before any checking: a run that cannot use it stops at once.
  const bpath = opts.baseline ? resolve(io.cwd, opts.baseline.file) : '';
  const oldBaseline = opts.baseline ? await readBaseline(bpath) : undefined;
  // --baseline-write replaces a missing or unusable baseline; the others need a good one.
  if (opts.baseline && oldBaseline && !oldBaseline.ok && opts.baseline.mode !== 'write') {
    io.stderr(`planlint: ${say(catalogue, 'cli.baseline.unusable', { file: forTerminal(opts.baseline.file), reason: oldBaseline.reason })}\n`);
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
  const cacheWarn = (m: Msg): void => io.stderr(`planlint: ${say(catalogue, 'cli.warning', { message: m })}\n`);
  const cache = opts.cache
    ? await LintCache.load(resolve(io.cwd, opts.cacheLocation), { version: VERSION, rules: `${rulesHash(ruleSet)}|${locale}`, maxFileSize: opts.maxFileSize }, cacheWarn)
    : undefined;
  const checkEnv: CheckEnv = { asOf, locale, maxFileSize: opts.maxFileSize, rules: io.rules, ruleMeta: RULE_META, timeline: wantTimeline };
  const stage = new CheckStage({ catalogue, asOf, maxFileSize: opts.maxFileSize, cache, hasher: new ConfigHasher(ruleSet, asOf), fix: opts.fix, fixDryRun: opts.fixDryRun, wantTimeline, showUpcoming });

  // --fix: temporary files a killed run left beside these files go first (their process is gone).
  if (opts.fix) {
    const dirs = new Set<string>();
    for (const it of items) if (it.absolute !== undefined) dirs.add(dirname(await realpath(it.absolute).catch(() => it.absolute!)));
    for (const d of dirs) await removeStaleTemps(d);
  }

  const fixing = opts.fix || opts.fixDryRun;
  const base: BaseContext = { cwd: io.cwd, color: opts.color ?? io.color, version: VERSION, rules: RULE_META, asOf, catalogue };
  const sink = new Sink(opts, base, io, bpath, oldBaseline, fixing, failure);
  const prepared: (Prepared | undefined)[] = new Array(items.length);
  await checkAll({
    items,
    configs: itemConfigs,
    stage,
    sink,
    prepared,
    checkEnv,
    fix: fixing ? { check: checkEnv, dryRun: opts.fixDryRun, roots, note, fail: failure.fail } : undefined,
    threads: fixing || io.rules || !io.workerScript ? 0 : threadCount(opts.concurrency, items.length),
    workerScript: io.workerScript,
  });
  return sink.end(prepared, async () => {
    if (!cache) return;
    const err = await cache.save();
    if (err) cacheWarn(cliMsg('cli.cache.writeFailed', { file: opts.cacheLocation, error: err }));
  });
}

const SUBCOMMANDS = new Set(['checks', 'impact', 'explain']);

/** `--locale X` or `--locale=X` (before `--`): the value, and the arguments without it. */
export function takeLocale(args: readonly string[]): { locale?: string; rest: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a === '--locale' && i + 1 < args.length) locale = args[++i];
    else if (a.startsWith('--locale=')) locale = a.slice('--locale='.length);
    else rest.push(a);
  }
  return { locale, rest };
}

function badLocale(io: CliIo, locales: readonly string[], asked: string, inherited: string): number {
  io.stderr(`planlint: ${say(cliCatalogue(inherited), 'cli.usage.locale', { locales: locales.join(', '), value: forTerminal(asked.slice(0, 40)) })}\n`);
  return 2;
}

/**
 * `locale:` of the configuration that applies in the working folder (or `--config`), the team's
 * default language. A configuration with problems names none here: its problems are said when
 * the files under it are configured.
 */
async function teamLocale(cwd: string, knownRules: readonly string[], explicit?: string, roots?: readonly string[]): Promise<string | undefined> {
  try {
    const resolver = new ConfigResolver(cwd, knownRules, {}, explicit, roots);
    const config = await resolver.forFile(join(cwd, '.planlint-probe'));
    return resolver.problems.length ? undefined : config.locale;
  } catch {
    return undefined;
  }
}
