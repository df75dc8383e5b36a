// Finding and loading configuration: the nearest `.planlintrc.yaml` (or `.planlintrc.yml`)
// up the folder tree from each plan, or one `--config` file for all. Lookups are cached per
// folder and each config file is read and validated once per run. The engine validates the
// text (loadConfigText); this module only does the file-system part.

import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { defaultConfig, loadConfigText, withRuleOverrides, type ConfigProblem, type ResolvedConfig } from '../engine/config.js';
import type { RuleSetting } from '../engine/types.js';
import { decode } from './decode.js';
import { ioReason } from './files.js';

export const CONFIG_NAMES = ['.planlintrc.yaml', '.planlintrc.yml'] as const;

export class ConfigResolver {
  /** Folder -> the config file that applies there (null: none up to the root). */
  private readonly nearestByDir = new Map<string, string | null>();
  private readonly loaded = new Map<string, Promise<ResolvedConfig>>();
  readonly problems: ConfigProblem[] = [];
  private readonly defaults: ResolvedConfig;

  constructor(
    private readonly cwd: string,
    private readonly knownRules: readonly string[],
    private readonly overrides: Record<string, RuleSetting>,
    /** `--config`: used for every file instead of discovery. */
    private readonly explicit?: string,
  ) {
    this.defaults = withRuleOverrides(defaultConfig(), overrides);
  }

  /** The config for a file (absolute path), with `--rule` overrides on top. */
  async forFile(absoluteFile: string): Promise<ResolvedConfig> {
    const path = this.explicit !== undefined ? resolve(this.cwd, this.explicit) : await this.nearest(dirname(absoluteFile));
    return path === null ? this.defaults : this.load(path);
  }

  /** The config file that applies to a file, or null. */
  async configFileFor(absoluteFile: string): Promise<string | null> {
    return this.explicit !== undefined ? resolve(this.cwd, this.explicit) : this.nearest(dirname(absoluteFile));
  }

  private async nearest(dir: string): Promise<string | null> {
    const walked: string[] = [];
    let current = dir;
    let found: string | null = null;
    for (;;) {
      const cached = this.nearestByDir.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      walked.push(current);
      const hit = await firstExisting(CONFIG_NAMES.map((n) => join(current, n)));
      if (hit) {
        found = hit;
        break;
      }
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of walked) this.nearestByDir.set(d, found);
    return found;
  }

  private load(path: string): Promise<ResolvedConfig> {
    let p = this.loaded.get(path);
    if (!p) {
      p = this.read(path);
      this.loaded.set(path, p);
    }
    return p;
  }

  private async read(path: string): Promise<ResolvedConfig> {
    const shown = this.display(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      this.problems.push({ file: shown, line: 1, column: 1, message: `cannot read configuration: ${ioReason(e)}` });
      return this.defaults;
    }
    const decoded = decode(bytes);
    if (!decoded.ok) {
      this.problems.push({ file: shown, line: decoded.line, column: decoded.column, message: decoded.message.replace('This file', 'This configuration file') });
      return this.defaults;
    }
    const { config, problems } = loadConfigText(decoded.text, shown, this.knownRules);
    this.problems.push(...problems);
    return withRuleOverrides(config, this.overrides);
  }

  private display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}

async function firstExisting(paths: readonly string[]): Promise<string | null> {
  for (const p of paths) {
    try {
      if ((await stat(p)).isFile()) return p;
    } catch {
      /* not there */
    }
  }
  return null;
}
