// The real file system for the config reader (configFiles.ts). A config file is opened with
// O_NONBLOCK, so a named pipe put where a config file should be cannot block the open, and is
// checked with fstat on the open descriptor, so a file swapped for a device between the
// reader's checks and the read is still refused; at most `limit` bytes are ever read.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import type { ConfigFs, FileInfo } from './configFiles.js';

const info = (st: Stats): FileInfo => ({ kind: st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'other', size: st.size, mtimeMs: st.mtimeMs });

export const nodeConfigFs: ConfigFs = {
  exists(path) {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  },
  realpath: (path) => realpathSync(path),
  stat: (path) => info(statSync(path)),
  readRegular(path, limit) {
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const st = info(fstatSync(fd));
      if (st.kind !== 'file') return { info: st, bytes: new Uint8Array(0), truncated: false };
      // Read to the end or to the limit, whatever fstat said (a file can grow while read).
      const chunks: Buffer[] = [];
      let got = 0;
      while (got < limit) {
        const chunk = Buffer.alloc(Math.min(64 * 1024, limit - got));
        const n = readSync(fd, chunk, 0, chunk.length, null);
        if (n === 0) break;
        chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
        got += n;
      }
      return { info: st, bytes: Buffer.concat(chunks, got), truncated: got >= limit };
    } finally {
      closeSync(fd);
    }
  },
};
