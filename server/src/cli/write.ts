// Writing a fixed plan safely: into a temporary file in the same folder, with the original's
// mode (and owner, where allowed), then renamed over the original, so a reader never sees a
// half-written plan. Nothing is written when the file changed on disk since it was read.

import { randomBytes } from 'node:crypto';
import { chmod, chown, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface ReadSnapshot {
  bytes: Uint8Array;
  mtimeMs: number;
  size: number;
  mode: number;
  uid: number;
  gid: number;
}

export type WriteOutcome = { written: true } | { written: false; reason: string; ioError: boolean };

export async function writeIfUnchanged(path: string, snapshot: ReadSnapshot, content: string): Promise<WriteOutcome> {
  let target: string;
  try {
    // Write through a symbolic link to the file it names, keeping the link.
    target = await realpath(path);
    const now = await stat(target);
    if (now.mtimeMs !== snapshot.mtimeMs || now.size !== snapshot.size || !sameBytes(await readFile(target), snapshot.bytes)) {
      return { written: false, reason: 'the file changed on disk while planlint was checking it; not written (run planlint --fix again)', ioError: false };
    }
  } catch (e) {
    return { written: false, reason: `cannot check the file before writing (${(e as NodeJS.ErrnoException).code ?? 'error'})`, ioError: true };
  }
  const tmp = join(dirname(target), `.${basename(target)}.planlint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const mode = snapshot.mode & 0o7777;
  try {
    await writeFile(tmp, content, { encoding: 'utf8', mode, flag: 'wx' });
    await chmod(tmp, mode); // writeFile's mode is filtered by the umask
    try {
      await chown(tmp, snapshot.uid, snapshot.gid);
    } catch {
      /* keeping the owner needs privileges; the mode is what matters */
    }
    await rename(tmp, target);
    return { written: true };
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    return { written: false, reason: `cannot write the fixed file (${(e as NodeJS.ErrnoException).code ?? 'error'}); the original is unchanged`, ioError: true };
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}
