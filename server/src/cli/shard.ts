// `--shard i/n`: which files this run checks when a CI matrix spreads a repository over n
// runners. A file belongs to shard (hash(path) mod n) + 1, where path is the file's path
// relative to the working directory with POSIX separators and hash is 32-bit FNV-1a. The
// choice depends only on the file's own path, so adding or removing a file never moves any
// other file to another shard, and every runner agrees without talking to the others.

import { isAbsolute, relative, sep } from 'node:path';

/** 32-bit FNV-1a over the UTF-16 code units of `s` (stable across Node versions and platforms). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The path a shard is chosen by: relative to cwd, POSIX separators. */
export function shardKey(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  const p = rel && !isAbsolute(rel) ? rel : absolute;
  return sep === '/' ? p : p.split(sep).join('/');
}

/** The 1-based shard of a path among `count`. */
export function shardOf(key: string, count: number): number {
  return (fnv1a(key) % count) + 1;
}
