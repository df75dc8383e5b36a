// Pipeline stage 3, source: a file's bytes (from disk or standard input) under the size limit,
// or the one finding that says why it was not checked. Only regular files are read, and a file
// over the limit is refused by its size before it is read.

import { readFile, stat } from 'node:fs/promises';
import { forTerminal } from '../escape.js';
import { ioReason, type Target } from '../files.js';
import { fileLevelFinding, type FileReport } from '../report.js';
import type { ReadSnapshot } from '../write.js';
import type { MessageCatalogue, Msg } from '../../engine/messages.js';
import { cliMsg, say, sayMsg } from '../messages.js';

export type ReadResult =
  | { kind: 'ok'; snapshot: ReadSnapshot }
  | { kind: 'error'; reason: string | Msg }
  | { kind: 'too-large'; size: number };

export async function readTarget(t: Target, maxFileSize: number): Promise<ReadResult> {
  if (t.error !== undefined) return { kind: 'error', reason: t.error };
  try {
    const st = await stat(t.raw ?? t.absolute);
    if (st.isDirectory()) return { kind: 'error', reason: ioReason({ code: 'EISDIR' }) };
    // A device or pipe (/dev/zero, a FIFO) could be read forever: only regular files are plans.
    if (!st.isFile()) return { kind: 'error', reason: cliMsg('cli.io.notRegular') };
    // Check the size before reading: a huge file is refused without being read whole.
    if (st.size > maxFileSize) return { kind: 'too-large', size: st.size };
    const bytes = await readFile(t.raw ?? t.absolute);
    if (bytes.length > maxFileSize) return { kind: 'too-large', size: bytes.length };
    return { kind: 'ok', snapshot: { bytes, mtimeMs: st.mtimeMs, size: st.size, mode: st.mode, uid: st.uid, gid: st.gid } };
  } catch (e) {
    return { kind: 'error', reason: ioReason(e) };
  }
}

export async function readStdinSource(readStdin: () => Promise<Uint8Array>, maxFileSize: number): Promise<ReadResult> {
  try {
    const bytes = await readStdin();
    if (bytes.length > maxFileSize) return { kind: 'too-large', size: bytes.length };
    return { kind: 'ok', snapshot: { bytes, mtimeMs: 0, size: bytes.length, mode: 0o644, uid: 0, gid: 0 } };
  } catch (e) {
    return { kind: 'error', reason: ioReason(e) };
  }
}

/**
 * What the report says of a file that was not read: unreadable (with the reason, and a message
 * for stderr) or too large. Undefined when there are bytes to check.
 */
export function unreadReport(display: string, report: FileReport, r: ReadResult, maxFileSize: number, c?: MessageCatalogue): { failMsg?: string } | undefined {
  if (r.kind === 'error') {
    const reason = sayMsg(c, r.reason);
    report.readError = reason;
    report.findings = [fileLevelFinding('meta/unreadable', say(c, 'cli.finding.unreadable', { reason }))];
    return { failMsg: say(c, 'cli.readFailed', { file: forTerminal(display), reason }) };
  }
  if (r.kind === 'too-large') {
    report.findings = [
      fileLevelFinding('meta/file-too-large', say(c, 'cli.finding.tooLarge', { size: r.size.toLocaleString('en-GB'), max: maxFileSize.toLocaleString('en-GB') })),
    ];
    return {};
  }
  return undefined;
}
