// Bytes -> text, or one clear reason why the bytes are not UTF-8 text. A UTF-8 byte-order
// mark is accepted (and put back when a fixed file is written); UTF-16/32, invalid UTF-8 and
// binary files (NUL bytes) are refused with a location where one can be given.

import type { Msg } from '../engine/messages.js';
import { cliMsg, say, type CliMessageId } from './messages.js';

export type Decoded =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; /** English (the language server and config reader say it so). */ message: string; /** The message by id, for a front that speaks the run's locale. */ msg: Msg; /** 1-based line of the first bad byte, when known. */ line: number; column: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (b: Uint8Array, sig: number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);

const refusal = (id: CliMessageId, data?: Msg['data']): { message: string; msg: Msg } => ({ message: say(undefined, id, data), msg: cliMsg(id, data) });

export function decode(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { ok: false, ...refusal('cli.finding.utf32'), line: 1, column: 1 };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, ...refusal('cli.finding.utf16', { order: bytes[0] === 0xff ? 'little' : 'big' }), line: 1, column: 1 };
  }
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const at = positionOf(body, nul);
    return {
      ok: false,
      ...refusal('cli.finding.nul'),
      ...at,
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(body));
    const at = positionOf(body, bad);
    return {
      ok: false,
      ...refusal('cli.finding.invalidUtf8', { line: at.line }),
      ...at,
    };
  }
}

/** Line/column (1-based; the column in UTF-16 units of the valid text before it) of byte `i`. */
function positionOf(bytes: Uint8Array, i: number): { line: number; column: number } {
  let lineStart = 0;
  let line = 1;
  for (let k = 0; k < i; k++) {
    const c = bytes[k];
    if (c === 0x0a || (c === 0x0d && bytes[k + 1] !== 0x0a)) {
      line++;
      lineStart = k + 1;
    }
  }
  let column = 1;
  try {
    column = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(lineStart, i)).length + 1;
  } catch {
    column = 1;
  }
  return { line, column };
}

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1 (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
