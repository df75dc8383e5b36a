// `planlint checks test`: run every local check's examples (`examples: { fails, passes }`,
// plan files relative to the configuration file) and report each as passed or failed; a check
// with no examples is a warning. Exit 0 when all pass, 1 when any fails, 2 for a usage or
// configuration problem. Also `planlint explain local/NAME`: a local check's page, from the
// configuration. This module reads the files; the engine only sees their text.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { todayLocal, isValidDate } from '../engine/dates.js';
import { lint } from '../engine/lint.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { LocalCheck } from '../policy/checks.js';
import { ConfigResolver } from './configs.js';
import { decode } from './decode.js';
import { ioReason } from './files.js';
import { toCliFindings } from './report.js';

export interface ChecksIo {
  cwd: string;
  stdout(s: string): void;
  stderr(s: string): void;
  now?: () => Date;
}

const USAGE = 'usage: planlint checks test [--config FILE] [--as-of YYYY-MM-DD]';

/** A file name or other outside text, safe for a terminal: no control characters. */
// eslint-disable-next-line no-control-regex
const safe = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');

interface Loaded {
  file: string;
  config: ResolvedConfig;
}

/** Parse `--config` and `--as-of`; the rest must be empty. */
function options(args: readonly string[], io: ChecksIo): { config?: string; asOf?: string } | string {
  const out: { config?: string; asOf?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--config' || flag === '-c' || flag === '--as-of') {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') return `${flag} needs a value`;
      if (flag === '--as-of') {
        if (!isValidDate(v)) return '--as-of needs a date (YYYY-MM-DD)';
        out.asOf = v;
      } else out.config = v;
    } else return `unexpected argument ${/^[\w./-]{1,60}$/.test(a) ? `\`${a}\`` : ''}`.trim();
  }
  void io;
  return out;
}

/** The configuration that applies in the working folder (or --config), with its problems printed. */
async function loadConfig(io: ChecksIo, knownRules: readonly string[], explicit: string | undefined, cmd: string): Promise<Loaded | number> {
  const resolver = new ConfigResolver(io.cwd, knownRules, {}, explicit);
  const probe = resolve(io.cwd, '.planlint-probe');
  const file = await resolver.configFileFor(probe);
  if (file === null) {
    io.stderr(`planlint ${cmd}: no .planlintrc.yaml here or above; give one with --config\n`);
    return 2;
  }
  const config = await resolver.forFile(probe);
  if (resolver.problems.length) {
    for (const p of resolver.problems) io.stderr(`${safe(p.file)}:${p.line}:${p.column}: ${safe(p.message)}\n`);
    io.stderr('planlint: the configuration above has problems; fix them and run again.\n');
    return 2;
  }
  return { file, config };
}

export async function checksCommand(args: readonly string[], knownRules: readonly string[], io: ChecksIo): Promise<number> {
  if (args[0] === '--help' || args[0] === '-h') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args[0] !== 'test') {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const opts = options(args.slice(1), io);
  if (typeof opts === 'string') {
    io.stderr(`planlint checks test: ${opts}\n${USAGE}\n`);
    return 2;
  }
  const loaded = await loadConfig(io, knownRules, opts.config, 'checks test');
  if (typeof loaded === 'number') return loaded;
  const checks = loaded.config.checks ?? [];
  const asOf = opts.asOf ?? todayLocal(io.now ? io.now() : new Date());
  if (!checks.length) {
    io.stdout('No local checks in this configuration.\n');
    return 0;
  }
  const base = dirname(loaded.file);
  // Each check is judged on its own examples with every check's own default severity: the
  // configuration's `rules:` settings (which may turn a check off) do not hide its logic.
  const config: ResolvedConfig = { ...loaded.config, rules: {} };
  let passed = 0;
  let failed = 0;
  let warned = 0;
  for (const check of checks) {
    const cases = [...check.examples.fails.map((f) => ['fails', f] as const), ...check.examples.passes.map((f) => ['passes', f] as const)];
    if (!cases.length) {
      warned++;
      io.stdout(`warning  ${check.id}  has no examples: add examples.fails and examples.passes so this check is tested\n`);
      continue;
    }
    for (const [kind, rel] of cases) {
      const outcome = await runExample(check, kind, resolve(check.from ? dirname(check.from) : base, rel), config, asOf);
      const label = `${kind === 'fails' ? 'should fail' : 'should pass'}  ${safe(rel)}`;
      if (outcome.ok) {
        passed++;
        io.stdout(`pass     ${check.id}  ${label}\n`);
      } else {
        failed++;
        io.stdout(`FAIL     ${check.id}  ${label}: ${outcome.why}\n`);
      }
    }
  }
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  io.stdout(`\n${plural(passed + failed, 'example')}: ${passed} passed, ${failed} failed; ${plural(warned, 'check')} without examples (as of ${asOf})\n`);
  return failed ? 1 : 0;
}

async function runExample(check: LocalCheck, kind: 'fails' | 'passes', file: string, config: ResolvedConfig, asOf: string): Promise<{ ok: boolean; why?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { ok: false, why: `cannot read it (${ioReason(e)})` };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, why: `cannot decode it (line ${decoded.line})` };
  const result = lint(decoded.text, { asOf, config, rules: [] });
  const mine = toCliFindings(
    result.findings.filter((f) => f.ruleId === check.id),
    result.parsed.lines,
  );
  const stopped = mine.some((f) => /stopped after/.test(f.message) && f.severity === 'info');
  if (stopped) return { ok: false, why: 'the check ran out of its step budget on this plan' };
  if (kind === 'fails') return mine.length ? { ok: true } : { ok: false, why: 'expected a finding, got none' };
  if (!mine.length) return { ok: true };
  const where = mine.slice(0, 3).map((f) => `${f.line}:${f.column} ${safe(f.message)}`).join('; ');
  return { ok: false, why: `expected no finding, got ${mine.length} (${where})` };
}

/** `planlint explain local/NAME`: the check's page from the configuration in force here. */
export async function explainLocal(args: readonly string[], knownRules: readonly string[], io: ChecksIo): Promise<number> {
  const words = args.filter((a) => a !== '--');
  const id = words.find((w) => w.startsWith('local/'))!;
  const rest = words.filter((w) => w !== id);
  const opts = options(rest, io);
  if (typeof opts === 'string') {
    io.stderr(`planlint explain: ${opts}\nusage: planlint explain local/NAME [--config FILE]\n`);
    return 2;
  }
  const loaded = await loadConfig(io, knownRules, opts.config, 'explain');
  if (typeof loaded === 'number') return loaded;
  const checks = loaded.config.checks ?? [];
  const check = checks.find((c) => c.id === id);
  if (!check) {
    const shown = /^local\/[a-z0-9-]{1,63}$/.test(id) ? `\`${id}\`` : 'that id';
    io.stderr(`planlint explain: ${shown} is not a local check in ${safe(loaded.file)}${checks.length ? ` (its checks: ${checks.map((c) => c.id).join(', ')})` : ''}\n`);
    return 2;
  }
  io.stdout(renderLocalCheck(check, safe(loaded.file)));
  return 0;
}

export function renderLocalCheck(c: LocalCheck, file: string): string {
  const out = [`## \`${c.id}\``, '', `Local check from ${file}. Default severity: ${c.severity}.`];
  if (c.policy) out.push(`Policy: ${c.policy}`);
  out.push('');
  if (c.description) out.push(c.description, '');
  out.push(`Message: ${c.message}`, '', 'Definition:', '');
  out.push(...JSON.stringify(c.source, null, 2).split('\n').map((l) => `    ${l}`), '');
  const ex = [...c.examples.fails.map((f) => `  fails:  ${safe(f)}`), ...c.examples.passes.map((f) => `  passes: ${safe(f)}`)];
  out.push(ex.length ? 'Examples (run them with `planlint checks test`):' : 'Examples: none (`planlint checks test` warns about this).', ...ex, '');
  out.push('Configure it like any rule:', '', '    rules:', `      ${c.id}: off   # or info, warning, error`, '');
  out.push(`Silence it on one line with a comment: # planlint-disable-next-line ${c.id} -- reason`, '');
  return out.join('\n');
}
