// Pipeline stage 1, discover: what the run checks, in order. Standard input is one item;
// otherwise the patterns are expanded (files.ts), a pattern that matches nothing is reported
// when --error-on-unmatched-pattern asks, and --shard keeps this shard's files.

import { resolve } from 'node:path';
import type { CliOptions } from '../args.js';
import { forTerminal } from '../escape.js';
import { discover } from '../files.js';
import { shardKey, shardOf } from '../shard.js';
import { readStdinSource, readTarget, type ReadResult } from './source.js';
import type { MessageCatalogue } from '../../engine/messages.js';
import { say } from '../messages.js';

export interface Item {
  /** The name reports show (as given, or found under a folder given). */
  display: string;
  absolute?: string;
  read: () => Promise<ReadResult>;
  /** Only real files can be fixed in place. */
  writable: boolean;
}

export type DiscoverOptions = Pick<CliOptions, 'stdin' | 'stdinFilename' | 'patterns' | 'errorOnUnmatchedPattern' | 'shard' | 'maxFileSize'>;

/** The run's items; `fail` receives what makes the run fail (exit 2) but does not stop it. */
export async function discoverItems(opts: DiscoverOptions, cwd: string, readStdin: () => Promise<Uint8Array>, fail: (msg: string) => void, c?: MessageCatalogue): Promise<Item[]> {
  if (opts.stdin) {
    return [
      {
        display: opts.stdinFilename ?? '<stdin>',
        absolute: opts.stdinFilename !== undefined ? resolve(cwd, opts.stdinFilename) : undefined,
        writable: false,
        read: () => readStdinSource(readStdin, opts.maxFileSize),
      },
    ];
  }
  let failed = false;
  const failOnce = (msg: string): void => {
    failed = true;
    fail(msg);
  };
  const found = await discover(opts.patterns.length ? opts.patterns : ['.'], cwd);
  for (const u of found.unmatched) {
    if (opts.errorOnUnmatchedPattern) failOnce(say(c, 'cli.discover.unmatched', { pattern: forTerminal(u) }));
  }
  // A name that is not UTF-8 is read by its bytes; --fix does not rewrite it (the writer works on names).
  const items: Item[] = found.targets.map((t) => ({ display: t.display, absolute: t.absolute, writable: t.raw === undefined, read: () => readTarget(t, opts.maxFileSize) }));
  if (!items.length && !failed && opts.errorOnUnmatchedPattern) failOnce(say(c, 'cli.discover.none'));
  if (!opts.shard) return items;
  // A file's shard depends on its own path only (see shard.ts); an empty shard is not an error.
  const { index, count } = opts.shard;
  return items.filter((it) => shardOf(shardKey(cwd, it.absolute!), count) === index);
}
