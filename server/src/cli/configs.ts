// Finding and loading configuration: the nearest `.planlintrc.yaml` (or `.planlintrc.yml`)
// up the folder tree from each plan, or one `--config` file for all. The finding, reading and
// validating is the config reader shared with the language server (project/configFiles.ts);
// this module adds the CLI's rules: a `--config` file is read wherever it is (the person
// running the command named it), a discovered one may not be a link out of the run's roots.

import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { defaultConfig, withRuleOverrides, type ConfigProblem, type ResolvedConfig } from '../engine/config.js';
import type { RuleSetting } from '../engine/types.js';
import { ConfigFiles } from '../project/configFiles.js';
import { nodeConfigFs } from '../project/nodeFs.js';

export { CONFIG_NAMES } from '../project/configFiles.js';

export class ConfigResolver {
  private readonly files: ConfigFiles;
  private readonly loaded = new Map<string, ResolvedConfig>();
  readonly problems: ConfigProblem[] = [];
  private readonly defaults: ResolvedConfig;

  constructor(
    private readonly cwd: string,
    knownRules: readonly string[],
    private readonly overrides: Record<string, RuleSetting>,
    /** `--config`: used for every file instead of discovery. */
    private readonly explicit?: string,
    /** Real paths of the run's roots (a discovered config may not lead out of them). */
    private readonly roots: readonly string[] = [],
  ) {
    this.defaults = withRuleOverrides(defaultConfig(), overrides);
    this.files = new ConfigFiles(nodeConfigFs, knownRules);
  }

  /** The config for a file (absolute path), with `--rule` overrides on top. */
  async forFile(absoluteFile: string): Promise<ResolvedConfig> {
    const path = await this.configFileFor(absoluteFile);
    return path === null ? this.defaults : this.load(path);
  }

  /** The config file that applies to a file, or null. */
  async configFileFor(absoluteFile: string): Promise<string | null> {
    return this.explicit !== undefined ? resolve(this.cwd, this.explicit) : this.files.nearest(dirname(absoluteFile));
  }

  private load(path: string): ResolvedConfig {
    let cfg = this.loaded.get(path);
    if (!cfg) {
      const l = this.files.load(path, {
        display: (p) => this.display(p),
        ...(this.explicit === undefined ? { roots: this.roots, confine: 'links' as const } : {}),
      });
      this.problems.push(...l.problems);
      cfg = l.problems.length && l.config.source === undefined ? this.defaults : withRuleOverrides(l.config, this.overrides);
      this.loaded.set(path, cfg);
    }
    return cfg;
  }

  private display(path: string): string {
    const rel = relative(this.cwd, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}
