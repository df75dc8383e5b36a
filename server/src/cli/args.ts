// Command-line arguments -> options. Node's util.parseArgs does the parsing; this module
// checks values and pairs each `--output-file` with its `--format`. Every problem is a
// UsageError (exit status 2) with a message that says what to do.

import { parseArgs } from 'node:util';
import { isValidDate } from '../engine/dates.js';
import { nearest } from '../engine/config.js';
import type { RuleSetting } from '../engine/types.js';
import { FORMAT_NAMES, type FormatName } from './formats/index.js';

export class UsageError extends Error {}

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
    throw new UsageError(explainParseError(e as Error & { code?: string }));
  }
  const v = parsed.values;

  const outputs = pairOutputs(parsed.tokens ?? []);
  const toStdout = outputs.filter((o) => o.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one --format can write to standard output, but ${toStdout.map((o) => o.format).join(' and ')} have no --output-file: give each of the others an --output-file after it`,
    );
  }

  const asOf = v['as-of'];
  if (asOf !== undefined && !isValidDate(asOf)) {
    throw new UsageError(`--as-of must be a calendar date written YYYY-MM-DD (for example 2026-11-23), not \`${asOf}\``);
  }

  const maxWarnings = v['max-warnings'] === undefined ? undefined : nonNegativeInt('--max-warnings', v['max-warnings']);
  const maxFileSize = v['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : byteCount(v['max-file-size']);

  const ruleOverrides: Record<string, RuleSetting> = {};
  for (const r of v.rule ?? []) {
    const i = r.lastIndexOf(':');
    if (i <= 0) throw new UsageError(`--rule takes RULE:SEVERITY (for example --rule smart/specific:error), not \`${r}\``);
    const id = r.slice(0, i).trim();
    const sev = r.slice(i + 1).trim();
    if (!(SEVERITY_WORDS as readonly string[]).includes(sev)) {
      throw new UsageError(`--rule ${id}: \`${sev}\` is not a severity; use off, info, warning or error`);
    }
    const known = id.endsWith('/*') ? knownRules.some((k) => k.startsWith(id.slice(0, -1))) : knownRules.includes(id);
    // Local checks (`local/...`) come from configuration, which is read after the arguments.
    if (!known && !/^local\/[a-z0-9*-]{1,63}$/.test(id)) {
      const near = nearest(id, knownRules);
      throw new UsageError(`--rule: \`${id}\` is not a planlint rule${near ? ` — did you mean \`${near}\`?` : ''}`);
    }
    ruleOverrides[id] = sev as RuleSetting;
  }

  if (v['stdin-filename'] !== undefined && !v.stdin) throw new UsageError('--stdin-filename only makes sense with --stdin');
  if (v.stdin && v.fix) throw new UsageError('--fix cannot write to standard input; use --fix-dry-run to see what would change');
  if (v.fix && v['fix-dry-run']) throw new UsageError('use either --fix (write the fixes) or --fix-dry-run (show them), not both');
  if (v.stdin && parsed.positionals.length) throw new UsageError('give either --stdin or file paths, not both');

  const baselineModes = (['baseline', 'baseline-write', 'baseline-prune'] as const).filter((k) => v[k]);
  if (baselineModes.length > 1) throw new UsageError(`use one of --baseline, --baseline-write and --baseline-prune, not ${baselineModes.map((m) => `--${m}`).join(' and ')}`);
  if (v['baseline-file'] !== undefined && !baselineModes.length) throw new UsageError('--baseline-file only makes sense with --baseline, --baseline-write or --baseline-prune');
  if (v['baseline-file'] === '') throw new UsageError('--baseline-file needs a file name');
  if (baselineModes.length && (v.fix || v['fix-dry-run'])) throw new UsageError('--fix and --fix-dry-run cannot be combined with a baseline option: fix first, then record or check the baseline');
  const baselineMode = baselineModes[0];
  const baseline = baselineMode
    ? { file: v['baseline-file'] ?? DEFAULT_BASELINE_FILE, mode: baselineMode === 'baseline' ? ('filter' as const) : baselineMode === 'baseline-write' ? ('write' as const) : ('prune' as const) }
    : undefined;
  if (v['cache-location'] !== undefined && !v.cache) throw new UsageError('--cache-location only makes sense with --cache');
  if (v['cache-location'] === '') throw new UsageError('--cache-location needs a file name');
  if (v.cache && v.stdin) throw new UsageError('--cache works on files; it cannot be used with --stdin');
  if (v.shard !== undefined && v.stdin) throw new UsageError('--shard splits a list of files; it cannot be used with --stdin');

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
        throw new UsageError(`unknown --format \`${name}\`${near ? ` — did you mean \`${near}\`?` : ''}; use one of ${FORMAT_NAMES.join(', ')}`);
      }
      specs.push({ format: name as FormatName, file: pending.shift() });
    } else if (t.name === 'output-file') {
      const file = String(t.value ?? '');
      if (!file) throw new UsageError('--output-file needs a file name');
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
  throw new UsageError(`--concurrency takes auto, off or a number of threads from 1 to 256 (for example --concurrency 4), not \`${s}\``);
}

/** `i/n`, 1-based: --shard 2/4 is the second of four shards. */
function shard(s: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count || count > 10000) {
    throw new UsageError(`--shard takes INDEX/COUNT with 1 <= INDEX <= COUNT (for example --shard 2/4 for the second of four shards), not \`${s}\``);
  }
  return { index, count };
}

function nonNegativeInt(flag: string, s: string): number {
  if (!/^\d+$/.test(s.trim())) throw new UsageError(`${flag} takes a whole number of 0 or more, not \`${s}\``);
  return Number(s.trim());
}

/** Bytes, optionally with a k/M suffix (binary multiples): 5000000, 512k, 5M. */
function byteCount(s: string): number {
  const m = /^(\d+)\s*([kKmM][bB]?|[bB])?$/.exec(s.trim());
  if (!m || Number(m[1]) <= 0) throw new UsageError(`--max-file-size takes a size in bytes above 0 (for example 5000000, 512k or 5M), not \`${s}\``);
  const unit = (m[2] ?? '').toLowerCase()[0];
  return Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}

function explainParseError(e: Error & { code?: string }): string {
  const msg = e.message;
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) {
    const flag = unknown[1];
    const names = Object.keys(OPTIONS).map((n) => `--${n}`);
    const near = nearest(flag, names);
    return `unknown option ${flag}${near ? ` — did you mean ${near}?` : ''} (see planlint --help)`;
  }
  const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(msg);
  if (missing) return `${missing[1]} needs a value (see planlint --help)`;
  return `${msg.replace(/\.$/, '')} (see planlint --help)`;
}
