// Settings: the client's `planlint` configuration section (workspace/configuration, per
// document), and the project config file (`.planlintrc.yaml`) nearest each document.
// The engine never touches the file system (design.md invariant 1); this module does.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultConfig, loadConfigText, withRuleOverrides, type ConfigProblem, type ResolvedConfig } from '../engine/config.js';
import { isValidDate, todayLocal } from '../engine/dates.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { RuleSetting } from '../engine/types.js';

export interface Settings {
  /** "Today" for time-dependent checks (`YYYY-MM-DD`); empty: the local date. */
  asOf: string;
  run: 'onType' | 'onSave';
  /** Severity overrides layered over the project config (not written anywhere). */
  rules: Record<string, RuleSetting>;
  /** An explicit config file (absolute, or relative to the workspace folder). */
  configPath: string;
  /** Milliseconds after the last change before checking; 'auto': by document size (adaptiveDebounce). */
  validate: { debounceMs: number | 'auto' };
  /** Refuse files longer than this many characters. */
  maxFileSize: number;
  /** Inlay hints after dates ("in 12 days", "2 weeks before release"). */
  inlayHints: { dates: boolean };
}

export const DEFAULT_SETTINGS: Settings = {
  asOf: '',
  run: 'onType',
  rules: {},
  configPath: '',
  validate: { debounceMs: 'auto' },
  maxFileSize: 5_000_000,
  inlayHints: { dates: true },
};

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whatever the client sent, made into valid settings (bad values fall back to defaults). */
export function normaliseSettings(raw: unknown): Settings {
  const r = isObj(raw) ? raw : {};
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {}, validate: { ...DEFAULT_SETTINGS.validate }, inlayHints: { ...DEFAULT_SETTINGS.inlayHints } };
  if (typeof r.asOf === 'string' && (r.asOf === '' || isValidDate(r.asOf))) s.asOf = r.asOf;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.configPath === 'string') s.configPath = r.configPath;
  if (isObj(r.rules)) {
    for (const [id, v] of Object.entries(r.rules)) {
      if (v === 'off' || v === 'info' || v === 'warning' || v === 'error') s.rules[id] = v;
    }
  }
  const v = isObj(r.validate) ? r.validate : {};
  const ms = v.debounceMs ?? r['validate.debounceMs'];
  if (typeof ms === 'number' && Number.isFinite(ms) && ms >= 0) s.validate.debounceMs = Math.min(ms, 10_000);
  else if (ms === 'auto' || ms === null) s.validate.debounceMs = 'auto';
  if (typeof r.maxFileSize === 'number' && Number.isFinite(r.maxFileSize) && r.maxFileSize > 0) s.maxFileSize = r.maxFileSize;
  const ih = isObj(r.inlayHints) ? r.inlayHints : {};
  const dates = ih.dates ?? r['inlayHints.dates'];
  if (typeof dates === 'boolean') s.inlayHints.dates = dates;
  return s;
}

/**
 * The wait before checking after a change, when the setting is 'auto': none for a plan of up
 * to 300 lines (checking it takes a few milliseconds, so the squiggle follows the keystroke),
 * then growing with the size, to 200 ms for plans of 6,000 lines and more (checking one takes
 * ~100 ms, and a burst of typing should cost one check, not one per key).
 */
export function adaptiveDebounce(lines: number): number {
  return Math.round(Math.min(200, Math.max(0, (lines - 300) / 28.5)));
}

export function debounceFor(s: Settings, lines: number): number {
  return s.validate.debounceMs === 'auto' ? adaptiveDebounce(lines) : s.validate.debounceMs;
}

export function effectiveAsOf(s: Settings): string {
  return s.asOf || todayLocal();
}

export const CONFIG_NAMES = ['.planlintrc.yaml', '.planlintrc.yml'];

export function isConfigUri(uri: string): boolean {
  return CONFIG_NAMES.some((n) => uri.endsWith('/' + n));
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}

export interface LoadedConfig {
  /** Absolute path of the config file, or undefined for the defaults. */
  path?: string;
  config: ResolvedConfig;
  problems: ConfigProblem[];
}

/**
 * Finds and loads project config files, caching each by path and modification time.
 * `invalidate()` drops the cache (watched-file events).
 */
export class ConfigStore {
  private cache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedConfig }>();
  /** Directory -> config path found walking up from it (or null). */
  private lookups = new Map<string, string | null>();
  private missing = new Map<string, LoadedConfig>();
  /** One defaults object, so lint results cached against it stay valid. */
  private readonly defaults: LoadedConfig = { config: defaultConfig(), problems: [] };

  constructor(private readonly onProblems: (loaded: LoadedConfig) => void = () => {}) {}

  invalidate(): void {
    this.missing.clear();
    this.cache.clear();
    this.lookups.clear();
  }

  /** The config file nearest the document, walking up to the file-system root. */
  findFor(docPath: string, stopAt?: string): string | undefined {
    let dir = dirname(docPath);
    const visited: string[] = [];
    for (;;) {
      const known = this.lookups.get(dir);
      if (known !== undefined) {
        for (const v of visited) this.lookups.set(v, known);
        return known ?? undefined;
      }
      visited.push(dir);
      for (const name of CONFIG_NAMES) {
        const p = join(dir, name);
        if (existsSync(p)) {
          for (const v of visited) this.lookups.set(v, p);
          return p;
        }
      }
      const up = dirname(dir);
      if (up === dir || (stopAt && dir === stopAt)) break;
      dir = up;
    }
    for (const v of visited) this.lookups.set(v, null);
    return undefined;
  }

  load(path: string): LoadedConfig {
    let st;
    try {
      st = statSync(path);
    } catch {
      // Cached like a real file (until the next invalidate), so results linted against it stay cached.
      let missing = this.missing.get(path);
      if (!missing) {
        missing = { path, config: defaultConfig(), problems: [{ file: path, line: 1, column: 1, message: 'configuration file not found or unreadable' }] };
        this.missing.set(path, missing);
        this.onProblems(missing);
      }
      return missing;
    }
    const hit = this.cache.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.loaded;
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      const loaded: LoadedConfig = { path, config: defaultConfig(), problems: [{ file: path, line: 1, column: 1, message: 'configuration file unreadable' }] };
      return loaded;
    }
    const r = loadConfigText(text, path, [...RULES_BY_ID.keys()]);
    const loaded: LoadedConfig = { path, config: r.config, problems: r.problems };
    this.cache.set(path, { mtimeMs: st.mtimeMs, size: st.size, loaded });
    this.onProblems(loaded);
    return loaded;
  }

  /** Load config text that is open in the editor (unsaved edits), without caching. */
  loadText(path: string, text: string): LoadedConfig {
    const r = loadConfigText(text, path, [...RULES_BY_ID.keys()]);
    return { path, config: r.config, problems: r.problems };
  }

  /**
   * The config for a document: the explicit `configPath` setting when given, else the
   * nearest `.planlintrc.yaml`/`.yml` up from the document, else the defaults.
   */
  resolve(docUri: string, settings: Settings, folderPath?: string): LoadedConfig {
    let path: string | undefined;
    if (settings.configPath) {
      path = isAbsolute(settings.configPath) ? settings.configPath : resolve(folderPath ?? process.cwd(), settings.configPath);
    } else {
      const docPath = uriToPath(docUri);
      if (docPath) path = this.findFor(docPath);
    }
    if (!path) return this.defaults;
    return this.load(path);
  }
}

/** The resolved engine config for a document: project config + editor overrides. */
export function engineConfig(loaded: LoadedConfig, settings: Settings): ResolvedConfig {
  return Object.keys(settings.rules).length ? withRuleOverrides(loaded.config, settings.rules) : loaded.config;
}
