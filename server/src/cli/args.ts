// Command-line arguments -> options. Node's util.parseArgs does the parsing; this module
// checks values and pairs each `--output-file` with its `--format`. Every problem is a
// UsageError (exit status 2) with a message that says what to do.

import { parseArgs } from 'node:util';
import { isValidDate } from '../engine/dates.js';
import { nearest } from '../engine/config.js';
import type { RuleSetting } from '../engine/types.js';
import { FORMAT_NAMES, type FormatName } from './formats/index.js';
import type { Msg } from '../engine/messages.js';
import { cliMsg, say, type CliMessageId } from './messages.js';

/** A usage problem: its message by id (rendered in the run's locale); `message` is the English. */
export class UsageError extends Error {
  readonly msg: Msg;
  constructor(id: CliMessageId, data?: Msg['data']) {
    const m = cliMsg(id, data);
    super(say(undefined, id, data));
    this.msg = m;
  }
}

export interface OutputSpec {
  format: FormatName;
  /** Undefined: standard output. */
  file?: string;
}

export interface CliOptions {
  patterns: string[];
  outputs: OutputSpec[];
  exitZero: boolean;
  asOf?: string;
  /** `--locale`: the language of messages (en, cy, or the pseudo-locale qps). */
  locale?: string;
  config?: string;
  quiet: boolean;
  maxWarnings?: number;
  fix: boolean;
  fixDryRun: boolean;
  maxFileSize: number;
  ruleOverrides: Record<string, RuleSetting>;
  stdin: boolean;
  stdinFilename?: string;
  printConfig?: string;
  errorOnUnmatchedPattern: boolean;
  color?: boolean;
  help: boolean;
  version: boolean;
  /** 'auto', 'off', or a number of worker threads. */
  concurrency: 'auto' | 'off' | number;
  cache: boolean;
  cacheLocation: string;
  /** Set when --baseline, --baseline-write or --baseline-prune is given. */
  baseline?: { file: string; mode: 'filter' | 'write' | 'prune' };
  /** 1-based shard index and count. */
  shard?: { index: number; count: number };
}

export const DEFAULT_CACHE_LOCATION = '.planlintcache';
export const DEFAULT_BASELINE_FILE = 'planlint-baseline.json';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

const OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o', multiple: true },
  'exit-zero': { type: 'boolean' },
  'as-of': { type: 'string' },
  locale: { type: 'string' },
  config: { type: 'string', short: 'c' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  rule: { type: 'string', multiple: true },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'print-config': { type: 'string' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  concurrency: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  baseline: { type: 'boolean' },
  'baseline-write': { type: 'boolean' },
  'baseline-prune': { type: 'boolean' },
  'baseline-file': { type: 'string' },
  shard: { type: 'string' },
} as const;

const SEVERITY_WORDS = ['off', 'info', 'warning', 'error'] as const;

/**
 * Parse argv (without the node and script entries). `knownRules` checks `--rule` ids.
 */
export function parseCli(argv: readonly string[], knownRules: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: splitBaselineValue(argv), options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw explainParseError(e as Error & { code?: string });
  }
  const v = parsed.values;

  const outputs = pairOutputs(parsed.tokens ?? []);
  const toStdout = outputs.filter((o) => o.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError('cli.usage.oneStdout', { formats: listMsg(toStdout.map((o) => o.format)) });
  }

  const asOf = v['as-of'];
  if (asOf !== undefined && !isValidDate(asOf)) {
    throw new UsageError('cli.usage.asOf', { value: asOf });
  }

  const maxWarnings = v['max-warnings'] === undefined ? undefined : nonNegativeInt('--max-warnings', v['max-warnings']);
  const maxFileSize = v['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : byteCount(v['max-file-size']);

  const ruleOverrides: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) {
    const i = r.lastIndexOf(':');
    if (i <= 0) throw new UsageError('cli.usage.ruleForm', { value: r });
    const id = r.slice(0, i).trim();
    const sev = r.slice(i + 1).trim();
    if (!(SEVERITY_WORDS as readonly string[]).includes(sev)) {
      throw new UsageError('cli.usage.ruleSeverity', { id, severity: sev });
    }
    const known = id.endsWith('/*') ? knownRules.some((k) => k.startsWith(id.slice(0, -1))) : knownRules.includes(id);
    // Local checks (`local/...`) come from configuration, which is read after the arguments.
    if (!known && !/^local\/[a-z0-9*-]{1,63}$/.test(id)) {
      const near = nearest(id, knownRules);
      throw near ? new UsageError('cli.usage.ruleUnknownNear', { id, near }) : new UsageError('cli.usage.ruleUnknown', { id });
    }
    ruleOverrides[id] = sev as RuleSetting;
  }

  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('cli.usage.stdinFilename');
  if (v.stdin && v.fix) throw new UsageError('cli.usage.stdinFix');
  if (v.fix && v['fix-dry-run']) throw new UsageError('cli.usage.fixBoth');
  if (v.stdin && parsed.positionals.length) throw new UsageError('cli.usage.stdinPaths');

  const baselineModes = (['baseline', 'baseline-write', 'baseline-prune'] as const).filter((k) => v[k]);
  if (baselineModes.length > 1) throw new UsageError('cli.usage.baselineModes', { modes: listMsg(baselineModes.map((m) => `--${m}`)) });
  if (v['baseline-file'] !== undefined && !baselineModes.length) throw new UsageError('cli.usage.baselineFileAlone');
  if (v['baseline-file'] === '') throw new UsageError('cli.usage.baselineFileEmpty');
  if (baselineModes.length && (v.fix || v['fix-dry-run'])) throw new UsageError('cli.usage.baselineFix');
  const baselineMode = baselineModes[0];
  const baseline = baselineMode
    ? { file: v['baseline-file'] ?? DEFAULT_BASELINE_FILE, mode: baselineMode === 'baseline' ? ('filter' as const) : baselineMode === 'baseline-write' ? ('write' as const) : ('prune' as const) }
    : undefined;
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('cli.usage.cacheLocationAlone');
  if (v['cache-location'] === '') throw new UsageError('cli.usage.cacheLocationEmpty');
  if (v.cache && v.stdin) throw new UsageError('cli.usage.cacheStdin');
  if (v.shard !== undefined && v.stdin) throw new UsageError('cli.usage.shardStdin');

  return {
    concurrency: v.concurrency === undefined ? 'auto' : concurrency(v.concurrency),
    cache: v.cache ?? false,
    cacheLocation: v['cache-location'] ?? DEFAULT_CACHE_LOCATION,
    baseline,
    shard: v.shard === undefined ? undefined : shard(v.shard),
    patterns: parsed.positionals,
    outputs,
    exitZero: v['exit-zero'] ?? false,
    asOf,
    locale: v.locale as string | undefined,
    config: v.config,
    quiet: v.quiet ?? false,
    maxWarnings,
    fix: v.fix ?? false,
    fixDryRun: v['fix-dry-run'] ?? false,
    maxFileSize,
    ruleOverrides,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    printConfig: v['print-config'],
    errorOnUnmatchedPattern: !(v['no-error-on-unmatched-pattern'] ?? false),
    color: v['no-color'] ? false : v.color ? true : undefined,
    help: v.help ?? false,
    version: v.version ?? false,
  };
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/**
 * Pair formats with output files in command-line order: an `--output-file` belongs to the
 * nearest `--format` before it that has no file yet, or else to the next `--format`; with no
 * `--format` at all it is for the default (stylish).
 */
function pairOutputs(tokens: readonly Token[]): OutputSpec[] {
  const specs: OutputSpec[] = [];
  const pending: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (t.name === 'format') {
      const name = String(t.value ?? '');
      if (!(FORMAT_NAMES as readonly string[]).includes(name)) {
        const near = nearest(name, FORMAT_NAMES);
        const names = FORMAT_NAMES.join(', ');
        throw near ? new UsageError('cli.usage.formatUnknownNear', { name, near, names }) : new UsageError('cli.usage.formatUnknown', { name, names });
      }
      specs.push({ format: name as FormatName, file: pending.shift() });
    } else if (t.name === 'output-file') {
      const file = String(t.value ?? '');
      if (!file) throw new UsageError('cli.usage.outputFileEmpty');
      const open = [...specs].reverse().find((s) => s.file === undefined);
      if (open && pending.length === 0) open.file = file;
      else pending.push(file);
    }
  }
  for (const file of pending) specs.push({ format: 'stylish', file });
  if (!specs.length) specs.push({ format: 'stylish' });
  return specs;
}

/** `--baseline=PATH` (and the same for -write/-prune) is `--baseline --baseline-file PATH`. */
function splitBaselineValue(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (const a of argv) {
    if (a === '--') {
      out.push(...argv.slice(argv.indexOf(a)));
      return out;
    }
    const m = /^(--baseline(?:-write|-prune)?)=(.*)$/s.exec(a);
    if (m) out.push(m[1], '--baseline-file', m[2]);
    else out.push(a);
  }
  return out;
}

function concurrency(s: string): 'auto' | 'off' | number {
  const t = s.trim().toLowerCase();
  if (t === 'auto' || t === 'off') return t;
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 256) return Number(t) === 1 ? 'off' : Number(t);
  throw new UsageError('cli.usage.concurrency', { value: s });
}

/** `i/n`, 1-based: --shard 2/4 is the second of four shards. */
function shard(s: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 10000) {
    throw new UsageError('cli.usage.shard', { value: s });
  }
  return { index, count };
}

function nonNegativeInt(flag: string, s: string): number {
  if (!/^\d+$/.test(s.trim())) throw new UsageError('cli.usage.wholeNumber', { flag, value: s });
  return Number(s.trim());
}

/** Bytes, optionally with a k/M suffix (binary multiples): 5000000, 512k, 5M. */
function byteCount(s: string): number {
  const m = /^(\d+)\s*([kKmM][bB]?|[bB])?$/.exec(s.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError('cli.usage.maxFileSize', { value: s });
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}

function explainParseError(e: Error & { code?: string }): UsageError {
  const msg = e.message;
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) {
    const flag = unknown[1];
    const names = Object.keys(OPTIONS).map((n) => `--${n}`);
    const near = nearest(flag, names);
    return near ? new UsageError('cli.usage.unknownOptionNear', { flag, near }) : new UsageError('cli.usage.unknownOption', { flag });
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(msg);
  if (missing) return new UsageError('cli.usage.needsValue', { flag: missing[1] });
  return new UsageError('cli.usage.parse', { detail: msg.replace(/\.$/, '') });
}

/** Items joined as the run's locale joins them ("sarif and json"), rendered when the message is. */
function listMsg(items: readonly string[]): Msg | string {
  if (items.length < 2) return items[0] ?? '';
  return items.slice(1).reduce<Msg | string>((a, b) => cliMsg('cli.list.and', { a, b }), items[0]);
}
