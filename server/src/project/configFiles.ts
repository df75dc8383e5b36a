// One reader for configuration files, used by the command line (cli/configs.ts) and the
// language server (lsp/settings.ts): finding the nearest `.planlintrc.yaml`/`.yml`, deciding
// whether a file may be read at all, reading it under a size cap, decoding it and validating
// it (the engine's loadConfigText). The file system is injected (`ConfigFs`, nodeFs.ts for
// the real one), so this module touches nothing itself and tests can hand it any file system.
//
// What it accepts: a regular file (after resolving symbolic links) of at most
// MAX_CONFIG_BYTES bytes, inside the allowed roots when the caller gives roots. A device,
// pipe, socket or folder (`ln -s /dev/zero .planlintrc.yaml`), a file over the cap, or a
// link leading out of the roots is refused with a problem that says what was wrong and
// where, never what the file holds.

import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { defaultConfig, loadConfigText, said, type ConfigProblem, type PackResolver, type ResolvedConfig } from '../engine/config.js';
import { cfgMsg } from '../engine/configMessages.js';
import type { Msg } from '../engine/messages.js';
import { decode } from '../cli/decode.js';

import { CONFIG_NAMES } from './planFiles.js';

export { CONFIG_NAMES };

/** What an npm package that is a policy pack ships at its root. */
export const PACK_FILE = 'planlint-policy.yaml';

/** An npm package name (`name`, `@scope/name`). */
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/** A policy pack a cached configuration was built from: re-checked before the cache is used. */
interface Dep {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A configuration file is a few KB; word lists and catalogues stay far under this. */
export const MAX_CONFIG_BYTES = 1_000_000;

export type FileKind = 'file' | 'directory' | 'other';

export interface FileInfo {
  kind: FileKind;
  size: number;
  mtimeMs: number;
}

/** The file-system calls the reader needs. Each throws a Node-style error (with `code`) on failure. */
export interface ConfigFs {
  /** Whether anything is at the path, without following a final symbolic link (a broken link is there). */
  exists(path: string): boolean;
  /** The path with every symbolic link resolved. */
  realpath(path: string): string;
  /** stat (following links). */
  stat(path: string): FileInfo;
  /**
   * Open the path without blocking on a pipe, check it is a regular file, and read at most
   * `limit` bytes of it (a file that grew past the limit since `stat` comes back with
   * `limit` bytes and `truncated`).
   */
  readRegular(path: string, limit: number): { info: FileInfo; bytes: Uint8Array; truncated: boolean };
}

export interface LoadedConfig {
  /** The config file's path (as found or given), or undefined for the defaults. */
  path?: string;
  config: ResolvedConfig;
  problems: ConfigProblem[];
  /** Set when the file was not read at all: why, in planlint's own words (no file content). */
  refused?: string;
}

export interface ReadRules {
  /**
   * Real paths of the folders configuration may come from. Undefined: anywhere (a path the
   * person running the command typed).
   */
  roots?: readonly string[];
  /**
   * `inside`: the file's real path must be inside a root (the server's `configPath`).
   * `links`: a file found inside a root may not be a link to a file outside them; a file
   * found above every root (the user's own parent folders) is read as it is.
   */
  confine?: 'inside' | 'links';
  /** What to call the file in problems (default: the path). */
  display?: (path: string) => string;
}

/** Is `p` the folder `root` or inside it (both absolute)? */
export function isInside(p: string, root: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;

/** Why a path cannot be read, in plain words (never the file's content). */
export function readReason(e: unknown): string {
  switch (code(e)) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ESYMLINK':
      // The browser server's file system (lsp/hostBrowser.ts) cannot tell where a link leads.
      return 'it is a symbolic link, which planlint in the browser does not follow';
    default:
      return code(e) ? `cannot be read (${code(e)})` : 'cannot be read';
  }
}

const KIND_WORDS: Record<Exclude<FileKind, 'file'>, string> = {
  directory: 'it is a folder, not a file',
  other: 'it is not a regular file (a device, pipe or socket)',
};

/**
 * Finds and reads configuration files, caching lookups per folder and each file by its
 * path, size and modification time. `invalidate()` forgets everything (a watched config
 * changed).
 */
export class ConfigFiles {
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly cache = new Map<string, { size: number; mtimeMs: number; loaded: LoadedConfig; deps: Dep[] }>();
  private readonly refused = new Map<string, LoadedConfig>();

  constructor(
    private readonly fs: ConfigFs,
    private readonly knownRules: readonly string[],
    private readonly maxBytes: number = MAX_CONFIG_BYTES,
  ) {}

  invalidate(): void {
    this.nearestByDir.clear();
    this.cache.clear();
    this.refused.clear();
  }

  /**
   * The nearest config file up from a folder (to the file-system root, or `stopAt`). Any entry
   * with a config file's name counts, even one that is not a readable regular file: it is then
   * refused when read, rather than skipped in favour of a config further up.
   */
  nearest(dir: string, stopAt?: string): string | null {
    const walked: string[] = [];
    let current = dir;
    let found: string | null = null;
    for (;;) {
      const known = this.nearestByDir.get(current);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(current);
      const hit = CONFIG_NAMES.map((n) => join(current, n)).find((p) => this.fs.exists(p));
      if (hit) {
        found = hit;
        break;
      }
      const up = dirname(current);
      if (up === current || (stopAt !== undefined && current === stopAt)) break;
      current = up;
    }
    for (const d of walked) this.nearestByDir.set(d, found);
    return found;
  }

  /**
   * Which config file applies to a document in an editor (the server and the VS Code client
   * alike): the `configPath` setting, resolved against `base` (the workspace folder) and
   * confined inside the workspace; else the nearest config file up from the document, which
   * may not link out of it. Undefined: none (the defaults).
   */
  editorConfigFor(docPath: string | undefined, configPath: string, base: string | undefined): { path: string; confine: 'inside' | 'links' } | undefined {
    if (configPath) {
      const path = isAbsolute(configPath) ? configPath : base !== undefined ? resolve(base, configPath) : undefined;
      return path === undefined ? undefined : { path, confine: 'inside' };
    }
    const found = docPath === undefined ? null : this.nearest(dirname(docPath));
    return found === null ? undefined : { path: found, confine: 'links' };
  }

  /** Read and validate a config file; every refusal and problem is in `problems`. */
  load(path: string, rules: ReadRules = {}): LoadedConfig {
    const shown = rules.display ? rules.display(path) : path;
    const refuse = (why: string): LoadedConfig => {
      const key = `${path}\0${why}`;
      let r = this.refused.get(key);
      if (!r) {
        // Cached (until invalidate), so results linted against it stay cached.
        r = { path, config: defaultConfig(), refused: why, problems: [{ file: shown, line: 1, column: 1, ...said(cfgMsg('cannotRead', { what: 'config', error: why })) }] };
        this.refused.set(key, r);
      }
      return r;
    };
    const read = this.readGuarded(path, rules);
    if ('refused' in read) return refuse(read.refused);
    const hit = this.cache.get(path);
    if (hit && hit.size === read.info.size && hit.mtimeMs === read.info.mtimeMs && this.depsUnchanged(hit.deps)) return hit.loaded;
    const bytes = read.read();
    if ('refused' in bytes) return refuse(bytes.refused);
    const decoded = decode(bytes.bytes);
    let loaded: LoadedConfig;
    const deps: Dep[] = [];
    if (!decoded.ok) {
      loaded = {
        path,
        config: defaultConfig(),
        problems: [{ file: shown, line: decoded.line, column: decoded.column, message: decoded.message.replace('This file', 'This configuration file') }],
      };
    } else {
      const r = loadConfigText(decoded.text, shown, this.knownRules, { resolvePack: this.packResolver(rules, deps), origin: read.real });
      loaded = { path, config: r.config, problems: r.problems };
    }
    this.cache.set(path, { size: bytes.info.size, mtimeMs: bytes.info.mtimeMs, loaded, deps });
    return loaded;
  }

  /**
   * The checks every read goes through (a config file or a policy pack): the real path, a regular
   * file, confinement to the roots, the size cap. `read()` then reads it (checked again on open).
   */
  private readGuarded(path: string, rules: ReadRules): { refused: string } | { real: string; info: FileInfo; read(): { refused: string } | { bytes: Uint8Array; info: FileInfo } } {
    let real: string;
    try {
      real = this.fs.realpath(path);
    } catch (e) {
      return { refused: readReason(e) };
    }
    let info: FileInfo;
    try {
      info = this.fs.stat(real);
    } catch (e) {
      return { refused: readReason(e) };
    }
    if (info.kind !== 'file') return { refused: KIND_WORDS[info.kind] };
    const roots = rules.roots;
    if (roots && roots.length) {
      const inRoots = (p: string): boolean => roots.some((r) => isInside(p, r));
      if (rules.confine === 'inside' && !inRoots(real)) return { refused: 'the file is outside the workspace folders; only a configuration file inside the workspace is read' };
      if (rules.confine !== 'inside' && inRoots(path) && !inRoots(real)) return { refused: 'it is a symbolic link to a file outside the workspace folders' };
    }
    const tooBig = (size: string): { refused: string } => ({ refused: `it is ${size} bytes, over the limit of ${this.maxBytes.toLocaleString('en-GB')} bytes for a configuration file` });
    if (info.size > this.maxBytes) return tooBig(info.size.toLocaleString('en-GB'));
    return {
      real,
      info,
      read: () => {
        let r: ReturnType<ConfigFs['readRegular']>;
        try {
          r = this.fs.readRegular(real, this.maxBytes + 1);
        } catch (e) {
          return { refused: readReason(e) };
        }
        if (r.info.kind !== 'file') return { refused: KIND_WORDS[r.info.kind] };
        if (r.truncated || r.bytes.length > this.maxBytes) return tooBig(`more than ${this.maxBytes.toLocaleString('en-GB')}`);
        return { bytes: r.bytes, info: r.info };
      },
    };
  }

  /** Policy packs named in `extends:`, read under the same rules as the configuration; each one read is a dependency of the cache entry. */
  private packResolver(rules: ReadRules, deps: Dep[]): PackResolver {
    return (ref, origin) => {
      const path = this.packPath(ref, dirname(origin));
      if (typeof path !== 'string') return path;
      const read = this.readGuarded(path, rules);
      if ('refused' in read) return { error: read.refused };
      const bytes = read.read();
      if ('refused' in bytes) return { error: bytes.refused };
      const decoded = decode(bytes.bytes);
      if (!decoded.ok) return { error: cfgMsg('packNotText') };
      deps.push({ path, size: bytes.info.size, mtimeMs: bytes.info.mtimeMs });
      return { file: rules.display ? rules.display(path) : path, origin: read.real, text: decoded.text };
    };
  }

  /** Where a pack reference points: a path relative to the naming file's folder, or an npm package's `planlint-policy.yaml`. */
  private packPath(ref: string, dir: string): string | { error: Msg } {
    if (ref.includes('\0')) return { error: cfgMsg('packBadRef') };
    if (ref.startsWith('./') || ref.startsWith('../') || isAbsolute(ref) || /\.ya?ml$/i.test(ref)) return resolve(dir, ref);
    if (!PACKAGE_NAME.test(ref)) return { error: cfgMsg('packRefShape') };
    for (let d = dir; ; d = dirname(d)) {
      const p = join(d, 'node_modules', ref, PACK_FILE);
      if (this.fs.exists(p)) return p;
      if (dirname(d) === d) break;
    }
    return { error: cfgMsg('packNoPackage', { ref, file: PACK_FILE }) };
  }

  private depsUnchanged(deps: readonly Dep[]): boolean {
    for (const d of deps) {
      try {
        const info = this.fs.stat(this.fs.realpath(d.path));
        if (info.size !== d.size || info.mtimeMs !== d.mtimeMs) return false;
      } catch {
        return false;
      }
    }
    return true;
  }

  /** Config text open in the editor (unsaved edits), validated without caching. */
  loadText(path: string, text: string, rules: ReadRules = {}): LoadedConfig {
    const r = loadConfigText(text, path, this.knownRules, { resolvePack: this.packResolver(rules, []), origin: path });
    return { path, config: r.config, problems: r.problems };
  }
}
