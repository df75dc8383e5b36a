// Bytes -> text, or one clear reason why the bytes are not UTF-8 text. A UTF-8 byte-order
// mark is accepted (and put back when a fixed file is written); UTF-16/32, invalid UTF-8 and
// binary files (NUL bytes) are refused with a location where one can be given.

export type Decoded =
  | { ok: true; text: string; bom: boolean }
  | { ok: false; message: string; /** 1-based line of the first bad byte, when known. */ line: number; column: number };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (b: Uint8Array, sig: number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);

const RESAVE = 'Save it as UTF-8 (without a byte-order mark, or with the UTF-8 one) and run planlint again.';

export function decode(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) {
    return { ok: false, message: `This file is encoded as UTF-32, not UTF-8, so it was not checked. ${RESAVE}`, line: 1, column: 1 };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    return { ok: false, message: `This file is encoded as UTF-16 (${order}), not UTF-8, so it was not checked. ${RESAVE}`, line: 1, column: 1 };
  }
  const bom = startsWith(bytes, UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    const at = positionOf(body, nul);
    return {
      ok: false,
      message:
        'This file contains NUL bytes, so it is a binary file (or text in UTF-16 or UTF-32 without a byte-order mark), not a YAML sentence plan; it was not checked. If it is a plan, save it as UTF-8.',
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
      message: `This file is not valid UTF-8 (the first bad byte is on line ${at.line}), so it was not checked. It may have been saved in another encoding such as Windows-1252: ${RESAVE}`,
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
