// Writing a fixed plan safely: into a temporary file in the same folder, created 0600 (it holds
// the whole plan) with a recognisable name (`.NAME.planlint-PID-xxxxxxxx.tmp`), given the
// original's owner, group and mode, then renamed over the original, so a reader never sees a
// half-written plan. Nothing is written when the file changed on disk since it was read.
//
// Refused, with a reason (`refused`: the run reports a meta/not-fixed finding):
// * a file whose real path is outside the run's roots (a link out of the tree: its target is
//   not the run's to rewrite);
// * a read-only file (no write bit in its mode, or no permission): read-only is a choice;
// * a file with several hard links (renaming over it would split them);
// * a file whose owner and group cannot be kept (the new file would change them).
// Temporary files left by a run that was killed are removed by the next --fix run in the same
// folder, once the process that made them is gone (removeStaleTemps).

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, chown, lstat, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import type { Msg } from '../engine/messages.js';
import { cliMsg } from './messages.js';

export interface ReadSnapshot {
  bytes: Uint8Array;
  mtimeMs: number;
  size: number;
  mode: number;
  uid: number;
  gid: number;
}

export type WriteOutcome = { written: true } | { written: false; reason: Msg; ioError: boolean; refused?: boolean };

const inside = (p: string, root: string): boolean => {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const refused = (reason: Msg): WriteOutcome => ({ written: false, reason, ioError: false, refused: true });

/**
 * `roots`: real paths the run may write under (omitted: anywhere). `onTemp` (for tests) sees
 * the temporary file once it holds the whole plan, as a kill at that moment would leave it.
 */
export async function writeIfUnchanged(
  path: string,
  snapshot: ReadSnapshot,
  content: string,
  roots?: readonly string[],
  onTemp?: (tmp: string) => void,
): Promise<WriteOutcome> {
  let target: string;
  try {
    // Write through a symbolic link to the file it names, keeping the link, when that file is
    // inside the run's roots.
    target = await realpath(path);
    if (roots && roots.length && !roots.some((r) => inside(target, r))) {
      return refused(cliMsg('cli.write.outsideRoots'));
    }
    const now = await stat(target);
    if (now.nlink > 1) return refused(cliMsg('cli.write.hardLinks', { n: now.nlink }));
    if ((now.mode & 0o222) === 0) return refused(cliMsg('cli.write.readOnly'));
    try {
      await access(target, constants.W_OK);
    } catch {
      return refused(cliMsg('cli.write.noPermission'));
    }
    if (now.mtimeMs !== snapshot.mtimeMs || now.size !== snapshot.size || !sameBytes(await readFile(target), snapshot.bytes)) {
      return { written: false, reason: cliMsg('cli.write.changed'), ioError: false };
    }
  } catch (e) {
    return { written: false, reason: cliMsg('cli.write.cannotCheck', { code: (e as NodeJS.ErrnoException).code ?? 'error' }), ioError: true };
  }
  const tmp = join(dirname(target), tempName(basename(target)));
  const mode = snapshot.mode & 0o7777;
  try {
    await writeFile(tmp, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600); // whatever the umask: only the owner may read it while it is a temp file
    try {
      await chown(tmp, snapshot.uid, snapshot.gid);
    } catch {
      // Not allowed to give the file away: keep our owner, and the group where we are in it.
      await chown(tmp, process.getuid?.() ?? snapshot.uid, snapshot.gid).catch(() => undefined);
    }
    const made = await stat(tmp);
    if (made.uid !== snapshot.uid || made.gid !== snapshot.gid) {
      await unlink(tmp).catch(() => undefined);
      return refused(cliMsg('cli.write.owner', { what: made.uid !== snapshot.uid ? 'owner' : 'group' }));
    }
    onTemp?.(tmp);
    await chmod(tmp, mode);
    await rename(tmp, target);
    return { written: true };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { written: false, reason: cliMsg('cli.write.cannotWrite', { code: (e as NodeJS.ErrnoException).code ?? 'error' }), ioError: true };
  }
}

const TEMP_NAME = /^\..+\.planlint-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempName(base: string, pid: number = process.pid): string {
  return `.${base}.planlint-${pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** Is there a process with this id (one we may not signal still exists)? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files a killed --fix run left in a folder: regular files named like
 * ours whose process is gone. Returns how many were removed.
 */
export async function removeStaleTemps(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    const p = join(dir, name);
    try {
      if (!(await lstat(p)).isFile()) continue;
      await unlink(p);
      removed++;
    } catch {
      /* gone already, or not ours to remove */
    }
  }
  return removed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
