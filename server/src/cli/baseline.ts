// Baselines: adopt a rule on a backlog of plans and block only new problems.
//
// `planlint-baseline.json` records, for each file and rule, how many findings there were
// when it was written: counts, not positions, so editing elsewhere in a file does not
// invalidate it. A later run with --baseline hides up to that many findings of the rule in
// the file and reports the rest. Which of a rule's findings are "new" cannot be known from a
// count, so the ones reported are the last ones by position in the file (as ESLint's and
// PHPStan's count-based baselines do). Paths are relative to the baseline file with POSIX
// separators and every key is sorted, so the file diffs cleanly in review.

import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { FileReport } from './report.js';
import type { Msg } from '../engine/messages.js';
import { cliMsg } from './messages.js';

export type Counts = Record<string, Record<string, number>>;

export interface Baseline {
  files: Counts;
}

/** Findings that a baseline never hides: a file that could not be checked at all. */
const NEVER_BASELINED = new Set(['meta/unreadable', 'meta/internal-error']);

export function baselineName(baselinePath: string, absolute: string): string {
  const rel = relative(dirname(baselinePath), absolute);
  const p = rel && !isAbsolute(rel) ? rel : absolute;
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Read a baseline; an error reason (never content) when it cannot be used. */
export async function readBaseline(path: string): Promise<{ ok: true; baseline: Baseline } | { ok: false; reason: Msg; missing: boolean }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code === 'ENOENT' ? cliMsg('cli.baseline.missing') : cliMsg('cli.baseline.unreadable', { code: code ?? 'error' }) };
  }
  try {
    const data = JSON.parse(text) as unknown;
    const files = (data as { files?: unknown })?.files;
    if (!isObj(files)) throw new Error();
    const out: Counts = {};
    for (const [f, rules] of Object.entries(files)) {
      if (!isObj(rules)) throw new Error();
      out[f] = {};
      for (const [r, n] of Object.entries(rules)) {
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new Error();
        out[f][r] = n;
      }
    }
    return { ok: true, baseline: { files: out } };
  } catch {
    return { ok: false, missing: false, reason: cliMsg('cli.baseline.notBaseline') };
  }
}

/** Today's findings of the checked files, as counts per file and rule. */
export function countFindings(reports: readonly FileReport[], baselinePath: string): Counts {
  const out: Counts = {};
  for (const r of reports) {
    if (r.absolute === undefined || r.readError !== undefined) continue;
    const counts: Record<string, number> = {};
    for (const f of r.findings) if (!NEVER_BASELINED.has(f.rule)) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
    if (Object.keys(counts).length) out[baselineName(baselinePath, r.absolute)] = counts;
  }
  return out;
}

/**
 * Hide baselined findings in place: for each file and rule, the first `recorded` findings by
 * position are hidden and the rest reported. Returns how many were hidden.
 */
export function applyBaseline(reports: FileReport[], baseline: Baseline, baselinePath: string): number {
  let hidden = 0;
  for (const r of reports) {
    if (r.absolute === undefined) continue;
    const recorded = baseline.files[baselineName(baselinePath, r.absolute)];
    if (!recorded) continue;
    const seen: Record<string, number> = {};
    r.findings = r.findings.filter((f) => {
      if (NEVER_BASELINED.has(f.rule)) return true;
      const n = (seen[f.rule] = (seen[f.rule] ?? 0) + 1);
      if (n <= (recorded[f.rule] ?? 0)) {
        hidden++;
        return false;
      }
      return true;
    });
  }
  return hidden;
}

/**
 * The baseline to write. `--baseline-write`: the checked files' counts replace their entries.
 * `--baseline-prune`: each checked file's counts may only go down (to what occurs today); a
 * rule or file with nothing left is dropped. Either way, entries for files not checked in
 * this run (another shard, a narrower path) are kept while the file exists.
 */
export async function nextBaseline(mode: 'write' | 'prune', old: Counts, today: Counts, checked: ReadonlySet<string>, baselinePath: string): Promise<Counts> {
  const out: Counts = {};
  for (const [file, rules] of Object.entries(old)) {
    if (checked.has(file)) continue;
    if (await exists(resolve(dirname(baselinePath), file))) out[file] = rules;
  }
  for (const file of checked) {
    const now = today[file] ?? {};
    if (mode === 'write') {
      if (Object.keys(now).length) out[file] = now;
      continue;
    }
    const before = old[file] ?? {};
    const kept: Record<string, number> = {};
    for (const [rule, n] of Object.entries(before)) {
      const m = Math.min(n, now[rule] ?? 0);
      if (m > 0) kept[rule] = m;
    }
    if (Object.keys(kept).length) out[file] = kept;
  }
  return out;
}

/** The baseline's text: sorted keys, two-space indent, a final newline. */
export function baselineText(files: Counts): string {
  const sorted: Counts = {};
  for (const f of Object.keys(files).sort()) {
    sorted[f] = {};
    for (const r of Object.keys(files[f]).sort()) sorted[f][r] = files[f][r];
  }
  return JSON.stringify({ files: sorted }, null, 2) + '\n';
}

export async function writeBaseline(path: string, files: Counts): Promise<string | undefined> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    // Owner only (0600), like the cache: it names the plan files checked.
    await writeFile(tmp, baselineText(files), { mode: 0o600, flag: 'wx' });
    await rename(tmp, path);
    return undefined;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return (e as NodeJS.ErrnoException).code ?? 'error';
  }
}

const total = (c: Counts): number => Object.values(c).reduce((s, r) => s + Object.values(r).reduce((a, b) => a + b, 0), 0);
export const countTotal = total;

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
