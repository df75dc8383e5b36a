// `--cache`: remember each file's findings so an unchanged file is not linted again.
//
// The cache is one JSON file (default `.planlintcache`). Its header holds what applies to the
// whole run — planlint's version, the rule set (ids and metadata) and --max-file-size — and a
// different header discards every entry. Each entry is keyed by the file's path (relative to
// the cache file, POSIX separators) and holds a key made of the SHA-256 of the file's bytes and
// a hash of the resolved configuration (rule settings, policy data and programme catalogue),
// plus the --as-of date when a time-dependent rule is on. A changed file, configuration,
// catalogue, version or (for time-dependent rules) date makes the entry miss. A cache that
// cannot be read as a planlint cache is ignored with a warning; it is written atomically
// (a temporary file renamed over it), so a run that is killed never leaves half a cache.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ruleSetting, type ResolvedConfig } from '../engine/config.js';
import type { Rule } from '../engine/rule.js';
import type { TimelineModel } from '../engine/timeline.js';
import type { CliFinding, UpcomingDue } from './report.js';

const FORMAT = 'planlint-cache/1';

export interface CacheHeader {
  version: string;
  rules: string;
  maxFileSize: number;
}

export interface CacheEntry {
  key: string;
  findings: CliFinding[];
  upcoming: UpcomingDue[];
  /**
   * Kept when a run asked for timelines (`--format html`): the model (which records its own
   * as-of date), or null for a file that has none (a template).
   */
  timeline?: TimelineModel | null;
}

interface CacheFile {
  format: string;
  header: CacheHeader;
  entries: Record<string, CacheEntry>;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The rule set's identity: ids and the metadata that changes findings. */
export function rulesHash(rules: readonly Rule[]): string {
  return sha256(JSON.stringify(rules.map((r) => [r.meta.id, r.meta.severity, r.meta.fixable, r.meta.inTemplates, r.meta.usesAsOf ?? false, r.meta.policy])));
}

/** Hashes resolved configurations once each (a run has a handful). */
export class ConfigHasher {
  private readonly memo = new Map<ResolvedConfig, string>();
  constructor(
    private readonly rules: readonly Rule[],
    private readonly asOf: string,
  ) {}

  hash(config: ResolvedConfig): string {
    let h = this.memo.get(config);
    if (h === undefined) {
      const timed = this.rules.some((r) => r.meta.usesAsOf && ruleSetting(config.rules, r.meta.id, r.meta.severity) !== 'off');
      h = sha256(JSON.stringify({ rules: config.rules, policy: config.policy, catalogue: config.catalogue, asOf: timed ? this.asOf : null }));
      this.memo.set(config, h);
    }
    return h;
  }
}

export class LintCache {
  private entries: Record<string, CacheEntry> = Object.create(null);
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly path: string,
    private readonly header: CacheHeader,
  ) {}

  /** Load the cache at `path` (absolute); `warn` hears about a file that is not a usable cache. */
  static async load(path: string, header: CacheHeader, warn: (msg: string) => void): Promise<LintCache> {
    const cache = new LintCache(path, header);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') warn(`cannot read the cache ${basename(path)} (${code ?? 'error'}); checking every file`);
      return cache;
    }
    let data: CacheFile;
    try {
      data = JSON.parse(text) as CacheFile;
      if (!isCacheFile(data)) throw new Error('not a cache');
    } catch {
      warn(`the cache ${basename(path)} is not a planlint cache (damaged or from another tool); ignoring it and checking every file`);
      cache.dirty = true;
      return cache;
    }
    const h = data.header;
    if (h.version === header.version && h.rules === header.rules && h.maxFileSize === header.maxFileSize) {
      for (const [k, v] of Object.entries(data.entries)) if (isEntry(v)) cache.entries[k] = v;
    } else cache.dirty = true; // another version or rule set: start afresh
    return cache;
  }

  /** The entry name for a file: relative to the cache's folder, POSIX separators. */
  name(absolute: string): string {
    const rel = relative(dirname(this.path), absolute);
    const p = rel && !isAbsolute(rel) ? rel : absolute;
    return sep === '/' ? p : p.split(sep).join('/');
  }

  get(absolute: string, key: string): CacheEntry | undefined {
    const e = this.entries[this.name(absolute)];
    if (e && e.key === key) {
      this.hits++;
      return e;
    }
    this.misses++;
    return undefined;
  }

  set(absolute: string, entry: CacheEntry): void {
    this.entries[this.name(absolute)] = entry;
    this.dirty = true;
  }

  /** Forget a file (after --fix rewrote it). */
  delete(absolute: string): void {
    const n = this.name(absolute);
    if (n in this.entries) {
      delete this.entries[n];
      this.dirty = true;
    }
  }

  /** Write the cache atomically. Returns an error reason, or undefined. */
  async save(): Promise<string | undefined> {
    if (!this.dirty) return undefined;
    const sorted: Record<string, CacheEntry> = {};
    for (const k of Object.keys(this.entries).sort()) sorted[k] = this.entries[k];
    const body: CacheFile = { format: FORMAT, header: this.header, entries: sorted };
    const tmp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFile(tmp, JSON.stringify(body));
      await rename(tmp, this.path);
      this.dirty = false;
      return undefined;
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      return (e as NodeJS.ErrnoException).code ?? 'error';
    }
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isCacheFile(d: unknown): d is CacheFile {
  if (!isObj(d) || d.format !== FORMAT || !isObj(d.header) || !isObj(d.entries)) return false;
  const h = d.header;
  return typeof h.version === 'string' && typeof h.rules === 'string' && typeof h.maxFileSize === 'number';
}

function isEntry(v: unknown): v is CacheEntry {
  return isObj(v) && typeof v.key === 'string' && Array.isArray(v.findings) && Array.isArray(v.upcoming) && v.findings.every((f) => isObj(f) && typeof f.rule === 'string' && typeof f.line === 'number');
}
