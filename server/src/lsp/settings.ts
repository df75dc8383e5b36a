// Settings: the client's `planlint` configuration section (workspace/configuration, per
// document), and the project config file (`.planlintrc.yaml`) nearest each document.
// The engine never touches the file system (design.md invariant 1); the config reader
// (project/configFiles.ts, with the host's file system injected: host.ts) does.

import { defaultConfig, withRuleOverrides, type ResolvedConfig } from '../engine/config.js';
import { CONFIG_NAMES, ConfigFiles, type LoadedConfig } from '../project/configFiles.js';
import type { HostFs, HostPaths } from './host.js';
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

export { CONFIG_NAMES };

export function isConfigUri(uri: string): boolean {
  return CONFIG_NAMES.some((n) => uri.endsWith('/' + n));
}

export type { LoadedConfig };

/**
 * The server's side of the config reader (project/configFiles.ts, shared with the CLI): the
 * nearest `.planlintrc.yaml`/`.yml`, or the `configPath` setting, read under the reader's
 * rules, with the server's own: `configPath` must name a file inside a workspace folder
 * (a workspace cannot point the server at any file on the machine), and a config file found
 * inside a workspace folder may not be a link out of them. `invalidate()` drops the cache
 * (watched-file events).
 */
export class ConfigStore {
  private readonly files: ConfigFiles;
  /** Real paths of the workspace folders. */
  private roots: string[] = [];
  /** One defaults object, so lint results cached against it stay valid. */
  private readonly defaults: LoadedConfig = { config: defaultConfig(), problems: [] };
  private readonly reported = new Set<LoadedConfig>();

  constructor(
    private readonly onProblems: (loaded: LoadedConfig) => void,
    private readonly fs: HostFs,
    readonly paths: HostPaths,
  ) {
    this.files = new ConfigFiles(fs, [...RULES_BY_ID.keys()]);
  }

  /** The workspace folders (paths); configuration is confined to them. */
  setWorkspaceFolders(paths: readonly string[]): void {
    this.fs.setFolders?.(paths);
    this.roots = paths.map((p) => {
      try {
        return this.fs.realpath(p);
      } catch {
        return p;
      }
    });
    this.invalidate();
  }

  invalidate(): void {
    this.fs.forget?.();
    this.files.invalidate();
    this.reported.clear();
  }

  /**
   * Run a lookup of the synchronous reader until it asked about nothing the file system has
   * not read yet (the browser's file system reads through the client: each round reads what
   * the last one missed, a handful of rounds at most: the config names up the folders, the
   * config file, the packs it extends). In Node there is one round.
   */
  private async settled<T>(lookup: () => T): Promise<T> {
    for (let round = 0; ; round++) {
      const r = lookup();
      if (!this.fs.missed?.() || !this.fs.fetchMissed || round >= 8) return r;
      await this.fs.fetchMissed();
      // What was looked up with files missing is not kept.
      this.files.invalidate();
      this.reported.clear();
    }
  }

  private report(loaded: LoadedConfig): LoadedConfig {
    if (loaded.problems.length && !this.reported.has(loaded)) {
      this.reported.add(loaded);
      this.onProblems(loaded);
    }
    return loaded;
  }

  /** Load config text that is open in the editor (unsaved edits), without caching. */
  loadText(path: string, text: string): Promise<LoadedConfig> {
    // Packs it extends are read under the same rules as a config file found on disk.
    return this.settled(() => this.files.loadText(path, text, { roots: this.roots, confine: 'links' }));
  }

  /**
   * The config for a document: the explicit `configPath` setting when given, else the
   * nearest `.planlintrc.yaml`/`.yml` up from the document, else the defaults.
   */
  async resolve(docUri: string, settings: Settings, folderPath?: string): Promise<LoadedConfig> {
    const loaded = await this.settled(() => {
      const which = this.files.editorConfigFor(this.paths.uriToPath(docUri), settings.configPath, folderPath ?? this.paths.cwd());
      return which ? this.files.load(which.path, { roots: this.roots, confine: which.confine }) : this.defaults;
    });
    return this.report(loaded);
  }
}

/** The resolved engine config for a document: project config + editor overrides. */
export function engineConfig(loaded: LoadedConfig, settings: Settings): ResolvedConfig {
  return Object.keys(settings.rules).length ? withRuleOverrides(loaded.config, settings.rules) : loaded.config;
}
