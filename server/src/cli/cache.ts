// `--cache`: remember each file's findings so an unchanged file is not linted again.
//
// The cache is one file (default `.planlintcache`) of JSON lines. The first line holds the
// format and what applies to the whole run — planlint's version, the rule set (ids and
// metadata) and --max-file-size — and a different header discards every entry. Each further
// line is one file: its path (relative to the cache file, POSIX separators, as a JSON string),
// a tab, its key, a tab, and its findings as JSON. The key is made of the SHA-256 of the file's
// bytes and a hash of the resolved configuration (rule settings, policy data and programme
// catalogue), plus the --as-of date when a time-dependent rule is on. A changed file,
// configuration, catalogue, version or (for time-dependent rules) date makes the entry miss.
// Entries stay as text until a hit needs one, so a large cache costs little memory. A cache
// that cannot be read as a planlint cache is ignored with a warning (one in an older planlint
// format, silently); it is written atomically (a temporary file renamed over it), so a run
// that is killed never leaves half a cache.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ruleSetting, type ResolvedConfig } from '../engine/config.js';
import type { Rule } from '../engine/rule.js';
import type { TimelineModel } from '../engine/timeline.js';
import type { CliFinding, UpcomingDue } from './report.js';
import { forTerminal } from './escape.js';
import type { Msg } from '../engine/messages.js';
import { cliMsg } from './messages.js';

const FORMAT = 'planlint-cache/2';
const OLD_FORMATS = new Set(['planlint-cache/1']);

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

/** What is kept of an entry: its key, and its findings as JSON text until a hit reads them. */
interface StoredEntry {
  key: string;
  json: string;
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
      // Local checks change findings and may read as_of.
      h = sha256(JSON.stringify({ rules: config.rules, policy: config.policy, catalogue: config.catalogue, checks: config.checks ?? [], asOf: timed || config.checks?.length ? this.asOf : null }));
      this.memo.set(config, h);
    }
    return h;
  }
}

export class LintCache {
  private entries = new Map<string, StoredEntry>();
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly path: string,
    private readonly header: CacheHeader,
  ) {}

  /** Load the cache at `path` (absolute); `warn` hears about a file that is not a usable cache. */
  static async load(path: string, header: CacheHeader, warn: (msg: Msg) => void): Promise<LintCache> {
    const cache = new LintCache(path, header);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') warn(cliMsg('cli.cache.unreadable', { file: forTerminal(basename(path)), code: code ?? 'error' }));
      return cache;
    }
    const firstEnd = text.indexOf('\n');
    let head: unknown;
    try {
      head = JSON.parse(firstEnd < 0 ? text : text.slice(0, firstEnd));
    } catch {
      head = undefined;
    }
    cache.dirty = true; // rewritten unless it loads as it is
    if (isObj(head) && typeof head.format === 'string' && OLD_FORMATS.has(head.format)) return cache; // an older planlint's cache: start afresh
    if (!isHeaderLine(head) || firstEnd < 0) {
      warn(cliMsg('cli.cache.notCache', { file: forTerminal(basename(path)) }));
      return cache;
    }
    const h = head.header;
    if (h.version !== header.version || h.rules !== header.rules || h.maxFileSize !== header.maxFileSize) return cache; // another version or rule set
    let start = firstEnd + 1;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const t1 = text.indexOf('\t', start);
      const t2 = t1 < 0 || t1 > end ? -1 : text.indexOf('\t', t1 + 1);
      if (t2 > 0 && t2 < end) {
        try {
          const name = JSON.parse(text.slice(start, t1)) as unknown;
          if (typeof name === 'string') cache.entries.set(name, { key: text.slice(t1 + 1, t2), json: text.slice(t2 + 1, end) });
        } catch {
          // a damaged line is a miss
        }
      }
      start = end + 1;
    }
    cache.dirty = false;
    return cache;
  }

  /** The entry name for a file: relative to the cache's folder, POSIX separators. */
  name(absolute: string): string {
    const rel = relative(dirname(this.path), absolute);
    const p = rel && !isAbsolute(rel) ? rel : absolute;
    return sep === '/' ? p : p.split(sep).join('/');
  }

  get(absolute: string, key: string): CacheEntry | undefined {
    const name = this.name(absolute);
    const e = this.entries.get(name);
    if (e && e.key === key) {
      let entry: unknown;
      try {
        entry = { key, ...(JSON.parse(e.json) as object) };
      } catch {
        entry = undefined;
      }
      if (isEntry(entry)) {
        this.hits++;
        return entry;
      }
      this.entries.delete(name); // damaged: lint the file again and rewrite the entry
      this.dirty = true;
    }
    this.misses++;
    return undefined;
  }

  set(absolute: string, entry: CacheEntry): void {
    const { key, ...rest } = entry;
    this.entries.set(this.name(absolute), { key, json: JSON.stringify(rest) });
    this.dirty = true;
  }

  /** Forget a file (after --fix rewrote it). */
  delete(absolute: string): void {
    if (this.entries.delete(this.name(absolute))) this.dirty = true;
  }

  /** Write the cache atomically, a line at a time. Returns an error reason, or undefined. */
  async save(): Promise<string | undefined> {
    if (!this.dirty) return undefined;
    const tmp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    let handle: FileHandle | undefined;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      // Owner only (0600): the cache holds findings about plans, which are personal records.
      handle = await open(tmp, 'wx', 0o600);
      const names = [...this.entries.keys()].sort();
      let chunk = JSON.stringify({ format: FORMAT, header: this.header }) + '\n';
      for (const n of names) {
        const e = this.entries.get(n)!;
        chunk += `${JSON.stringify(n)}\t${e.key}\t${e.json}\n`;
        if (chunk.length > 1 << 20) {
          await handle.write(chunk);
          chunk = '';
        }
      }
      await handle.write(chunk);
      await handle.close();
      handle = undefined;
      await rename(tmp, this.path);
      this.dirty = false;
      return undefined;
    } catch (e) {
      await handle?.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      return (e as NodeJS.ErrnoException).code ?? 'error';
    }
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isHeaderLine(d: unknown): d is { format: string; header: CacheHeader } {
  if (!isObj(d) || d.format !== FORMAT || !isObj(d.header)) return false;
  const h = d.header;
  return typeof h.version === 'string' && typeof h.rules === 'string' && typeof h.maxFileSize === 'number';
}

function isEntry(v: unknown): v is CacheEntry {
  return isObj(v) && typeof v.key === 'string' && Array.isArray(v.findings) && Array.isArray(v.upcoming) && v.findings.every((f) => isObj(f) && typeof f.rule === 'string' && typeof f.line === 'number');
}
