// Which files to lint. A path named on the command line is always linted; folders and globs
// select plan files by the one plan test (project/planFiles.ts, shared with the language
// server): `*.plan.yaml` / `*.plan.yml`, and other `*.yaml` / `*.yml` files whose top level
// has a `sentence_plan` key (a look at the file's head only); never a `.planlintrc.yaml`. `node_modules`,
// `.git` and hidden folders are skipped. Symbolic links are not followed while walking a
// folder (a link to a folder or file elsewhere is not part of the tree); a link named on the
// command line is read (and `--fix` rewrites its target only inside the run's roots). Order is
// deterministic: arguments in the order given, each folder's or glob's files sorted by path.

import { open, readdir, realpath, stat, lstat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DETECT_HEAD_CHARS, hasPlanSuffix, hasYamlSuffix, isConfigName, isPlan, YAML_SUFFIXES } from '../project/planFiles.js';
import type { Msg } from '../engine/messages.js';
import { cliMsg } from './messages.js';

// The bundle is CommonJS: take tinyglobby's CommonJS build through require(), because its ESM
// build pulls in fdir's ESM build, which needs import.meta.url (empty in a CommonJS bundle).
const { glob, isDynamicPattern } = require('tinyglobby') as typeof import('tinyglobby');

export interface Target {
  /** The path as given (or found under a folder or glob given). */
  display: string;
  absolute: string;
  /**
   * The path's bytes, when a folder scan found a name that is not valid UTF-8: `absolute` then
   * holds U+FFFD for the bad bytes (fine to show, but no such file), and the file is read by these.
   */
  raw?: Buffer;
  /** Set when the path cannot be read at all (missing, a broken link). */
  error?: string | Msg;
}

export interface Discovery {
  targets: Target[];
  /** Folders and globs that selected no plan file. */
  unmatched: string[];
}

const IGNORE = ['**/node_modules/**', '**/.git/**'];
/** Enough bytes for DETECT_HEAD_CHARS characters of UTF-8 (at most 3 bytes per UTF-16 unit). */
const HEAD_BYTES = DETECT_HEAD_CHARS * 3;

/** A reason a path cannot be read, in plain words and without the file's content (a message by id). */
export function ioReason(e: unknown): Msg {
  const code = (e as NodeJS.ErrnoException)?.code;
  return cliMsg('cli.io.reason', { code: typeof code === 'string' && code ? code : 'none' });
}

/** Is a YAML file a sentence plan by its head (the plan test of project/planFiles.ts)? */
export async function looksLikePlan(absolute: string | Buffer, name = String(absolute)): Promise<boolean> {
  let fh;
  try {
    fh = await open(absolute, 'r');
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    // A character cut at the end of the head decodes as U+FFFD, past what detection reads.
    return isPlan(name, buf.subarray(0, bytesRead).toString('utf8'));
  } catch {
    return false;
  } finally {
    await fh?.close();
  }
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

type Candidate = { display: string; absolute: string; raw?: Buffer };

async function selectPlans(candidates: Candidate[]): Promise<Candidate[]> {
  await mapLimit(candidates, 16, async (c) => {
    if (c.absolute.includes('\uFFFD')) c.raw = await rawPath(c.absolute);
  });
  const keep = await mapLimit(
    candidates,
    16,
    async (c) => !isConfigName(c.absolute) && (hasPlanSuffix(c.absolute) || (hasYamlSuffix(c.absolute) && (await looksLikePlan(c.raw ?? c.absolute, c.absolute)))),
  );
  return candidates.filter((_, i) => keep[i]);
}

/**
 * The bytes of a path the folder walk decoded lossily (a name that is not UTF-8, written by
 * another system): each damaged part is looked up among its folder's entries as bytes.
 * Undefined when no entry matches (the file went away).
 */
async function rawPath(absolute: string): Promise<Buffer | undefined> {
  const parts = absolute.split(sep);
  let cur: Buffer = Buffer.from(parts[0] === '' ? sep : parts[0]);
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part === '') continue;
    let name: Buffer = Buffer.from(part);
    if (part.includes('\uFFFD')) {
      const entries = await readdir(cur, { encoding: 'buffer' }).catch(() => [] as Buffer[]);
      const found = entries.find((e) => e.toString('utf8') === part);
      if (!found) return undefined;
      name = found;
    }
    cur = Buffer.concat([cur, cur[cur.length - 1] === sep.charCodeAt(0) ? Buffer.alloc(0) : Buffer.from(sep), name]);
  }
  return cur;
}

export async function discover(patterns: readonly string[], cwd: string): Promise<Discovery> {
  const targets: Target[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = async (t: Target): Promise<void> => {
    let key = t.absolute;
    try {
      key = await realpath(t.absolute);
    } catch {
      /* keep the unresolved path as the key */
    }
    if (seen.has(key)) return;
    seen.add(key);
    targets.push(t);
  };

  for (const arg of patterns) {
    const absolute = resolve(cwd, arg);
    let st;
    try {
      st = await stat(absolute);
    } catch (e) {
      if (isDynamicPattern(arg)) {
        const found = await glob(arg, { cwd, ignore: IGNORE, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg), followSymbolicLinks: false });
        const plans = await selectPlans(found.sort(byPath).map((f) => ({ display: f, absolute: resolve(cwd, f) })));
        if (!plans.length) unmatched.push(arg);
        for (const p of plans) await add(p);
        continue;
      }
      // A broken symbolic link exists (lstat works) but cannot be read; a missing path does not.
      let reason = ioReason(e);
      try {
        if ((await lstat(absolute)).isSymbolicLink()) reason = cliMsg('cli.io.brokenLink');
      } catch {
        /* missing */
      }
      await add({ display: arg, absolute, error: reason });
      continue;
    }
    if (st.isDirectory()) {
      // Any case: `X.PLAN.YAML` is a plan for the server too.
      const found = await glob(YAML_SUFFIXES.map((s) => `**/*${s}`), { cwd: absolute, ignore: IGNORE, onlyFiles: true, expandDirectories: false, followSymbolicLinks: false, caseSensitiveMatch: false });
      const plans = await selectPlans(found.sort(byPath).map((rel) => ({ display: join(arg, rel), absolute: join(absolute, rel) })));
      if (!plans.length) unmatched.push(arg);
      for (const p of plans) await add(p);
    } else {
      await add({ display: arg, absolute });
    }
  }
  return { targets, unmatched };
}

/**
 * The run's roots: the real path of the working folder, and of each folder named on the
 * command line outside it (a file's own folder; a glob's folder before its first pattern
 * segment). A path named inside the working folder adds no root, so a link inside the tree
 * that leads out of it (`linked-dir/x.plan.yaml`, `out.plan.yaml -> /elsewhere`) stays out.
 * `--fix` writes only files whose real path is inside a root, and a config file found inside
 * one may not be a link out of them.
 */
export async function runRoots(patterns: readonly string[], cwd: string): Promise<string[]> {
  const roots = new Set<string>();
  const add = async (p: string): Promise<void> => {
    try {
      roots.add(await realpath(p));
    } catch {
      /* a missing path adds no root */
    }
  };
  const within = (p: string): boolean => {
    const rel = relative(cwd, p);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  await add(cwd);
  for (const arg of patterns) {
    let folder = resolve(cwd, arg);
    try {
      if (!(await stat(folder)).isDirectory()) folder = dirname(folder);
    } catch {
      if (!isDynamicPattern(arg)) continue;
      const segs = folder.split(sep);
      const firstMagic = segs.findIndex((s) => isDynamicPattern(s));
      folder = segs.slice(0, firstMagic < 0 ? segs.length : firstMagic).join(sep) || sep;
    }
    if (!within(folder)) await add(folder);
  }
  return [...roots];
}

/** Map with at most `limit` calls in flight; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
