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
import type { MessageCatalogue } from '../engine/messages.js';
import { say } from './messages.js';
import { problemText } from '../engine/l10n.js';

export interface ChecksIo {
  cwd: string;
  stdout(s: string): void;
  stderr(s: string): void;
  now?: () => Date;
  /** The run's catalogue (English when absent). */
  catalogue?: MessageCatalogue;
}


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
      if (v === undefined || v === '') return say(io.catalogue, 'cli.checks.needsValue', { flag });
      if (flag === '--as-of') {
        if (!isValidDate(v)) return say(io.catalogue, 'cli.checks.asOf');
        out.asOf = v;
      } else out.config = v;
    } else return /^[\w./-]{1,60}$/.test(a) ? say(io.catalogue, 'cli.checks.unexpected', { arg: a }) : say(io.catalogue, 'cli.checks.unexpectedUnnamed');
  }
  return out;
}

/** The configuration that applies in the working folder (or --config), with its problems printed. */
async function loadConfig(io: ChecksIo, knownRules: readonly string[], explicit: string | undefined, cmd: string): Promise<Loaded | number> {
  const resolver = new ConfigResolver(io.cwd, knownRules, {}, explicit);
  const probe = resolve(io.cwd, '.planlint-probe');
  const file = await resolver.configFileFor(probe);
  if (file === null) {
    io.stderr(`planlint ${cmd}: ${say(io.catalogue, 'cli.checks.noConfig')}\n`);
    return 2;
  }
  const config = await resolver.forFile(probe);
  if (resolver.problems.length) {
    for (const p of resolver.problems) io.stderr(`${safe(p.file)}:${p.line}:${p.column}: ${safe(problemText(p, io.catalogue?.locale))}\n`);
    io.stderr(`planlint: ${say(io.catalogue, 'cli.configProblems')}\n`);
    return 2;
  }
  return { file, config };
}

export async function checksCommand(args: readonly string[], knownRules: readonly string[], io: ChecksIo): Promise<number> {
  const c = io.catalogue;
  const USAGE = say(c, 'cli.checks.usage');
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
    io.stdout(`${say(c, 'cli.checks.none')}\n`);
    return 0;
  }
  const base = dirname(loaded.file);
  // Each check is judged on its own examples with every check's own default severity: the
  // configuration's `rules:` settings (which may turn a check off) do not hide its logic.
  const config: ResolvedConfig = { ...loaded.config, rules: {} };
  let passed = 0;
  let failed = 0;
  let warned = 0;
  // The status column: as wide as the locale's longest word (English: `warning`, then two spaces).
  const [wWarn, wPass, wFail] = (['cli.checks.warning', 'cli.checks.pass', 'cli.checks.fail'] as const).map((id) => say(c, id));
  const wide = Math.max(wWarn.length + 2, wPass.length + 1, wFail.length + 1, 9);
  const status = (w: string): string => w.padEnd(wide);
  for (const check of checks) {
    const cases = [...check.examples.fails.map((f) => ['fails', f] as const), ...check.examples.passes.map((f) => ['passes', f] as const)];
    if (!cases.length) {
      warned++;
      io.stdout(`${status(wWarn)}${check.id}  ${say(c, 'cli.checks.noExamples')}\n`);
      continue;
    }
    for (const [kind, rel] of cases) {
      const outcome = await runExample(check, kind, resolve(check.from ? dirname(check.from) : base, rel), config, asOf, c);
      const label = `${say(c, kind === 'fails' ? 'cli.checks.shouldFail' : 'cli.checks.shouldPass')}  ${safe(rel)}`;
      if (outcome.ok) {
        passed++;
        io.stdout(`${status(wPass)}${check.id}  ${label}\n`);
      } else {
        failed++;
        io.stdout(`${status(wFail)}${check.id}  ${label}: ${outcome.why}\n`);
      }
    }
  }
  io.stdout(`\n${say(c, 'cli.checks.summary', { examples: passed + failed, passed, failed, checks: warned, asOf })}\n`);
  return failed ? 1 : 0;
}

async function runExample(check: LocalCheck, kind: 'fails' | 'passes', file: string, config: ResolvedConfig, asOf: string, c: MessageCatalogue | undefined): Promise<{ ok: boolean; why?: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    return { ok: false, why: say(c, 'cli.checks.cannotRead', { reason: ioReason(e) }) };
  }
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, why: say(c, 'cli.checks.cannotDecode', { line: decoded.line }) };
  const result = lint(decoded.text, { asOf, config, rules: [], ...(c ? { locale: c.locale } : {}) });
  const mine = toCliFindings(
    result.findings.filter((f) => f.ruleId === check.id),
    result.parsed.lines,
  );
  const stopped = mine.some((f) => /stopped after/.test(f.message) && f.severity === 'info');
  if (stopped) return { ok: false, why: say(c, 'cli.checks.budget') };
  if (kind === 'fails') return mine.length ? { ok: true } : { ok: false, why: say(c, 'cli.checks.expectedFinding') };
  if (!mine.length) return { ok: true };
  const where = mine.slice(0, 3).map((f) => `${f.line}:${f.column} ${safe(f.message)}`).join('; ');
  return { ok: false, why: say(c, 'cli.checks.expectedNone', { n: mine.length, where }) };
}

/** `planlint explain local/NAME`: the check's page from the configuration in force here. */
export async function explainLocal(args: readonly string[], knownRules: readonly string[], io: ChecksIo): Promise<number> {
  const words = args.filter((a) => a !== '--');
  const id = words.find((w) => w.startsWith('local/'))!;
  const rest = words.filter((w) => w !== id);
  const opts = options(rest, io);
  if (typeof opts === 'string') {
    io.stderr(`planlint explain: ${opts}\n${say(io.catalogue, 'cli.explain.localUsage')}\n`);
    return 2;
  }
  const loaded = await loadConfig(io, knownRules, opts.config, 'explain');
  if (typeof loaded === 'number') return loaded;
  const checks = loaded.config.checks ?? [];
  const check = checks.find((c) => c.id === id);
  if (!check) {
    const shown = /^local\/[a-z0-9-]{1,63}$/.test(id) ? `\`${id}\`` : say(io.catalogue, 'cli.explain.thatId');
    const data = { id: shown, file: safe(loaded.file), checks: checks.map((x) => x.id).join(', ') };
    io.stderr(`planlint explain: ${say(io.catalogue, checks.length ? 'cli.explain.notLocalList' : 'cli.explain.notLocal', data)}\n`);
    return 2;
  }
  io.stdout(renderLocalCheck(check, safe(loaded.file), io.catalogue));
  return 0;
}

export function renderLocalCheck(c: LocalCheck, file: string, t?: MessageCatalogue): string {
  const out = [`## \`${c.id}\``, '', say(t, 'cli.local.from', { file, severity: say(t, 'cli.severity', { severity: c.severity }) })];
  if (c.policy) out.push(say(t, 'cli.local.policy', { policy: c.policy }));
  out.push('');
  if (c.description) out.push(c.description, '');
  out.push(say(t, 'cli.local.message', { message: c.message }), '', say(t, 'cli.local.definition'), '');
  out.push(...JSON.stringify(c.source, null, 2).split('\n').map((l) => `    ${l}`), '');
  const ex = [...c.examples.fails.map((f) => `  fails:  ${safe(f)}`), ...c.examples.passes.map((f) => `  passes: ${safe(f)}`)];
  out.push(say(t, ex.length ? 'cli.local.examples' : 'cli.local.noExamples'), ...ex, '');
  out.push(say(t, 'cli.local.configure'), '', '    rules:', `      ${c.id}: off   ${say(t, 'cli.local.configureComment')}`, '');
  out.push(say(t, 'cli.local.silence', { id: c.id }), '');
  return out.join('\n');
}
