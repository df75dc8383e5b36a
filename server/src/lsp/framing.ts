// Message framing on a stream transport (stdio), checked before vscode-jsonrpc reads it.
// vscode-jsonrpc's reader, given a header block without a usable Content-Length (missing, not
// a number, negative), reports an error and then stays lost in the stream: the server lives on
// but never reads another message. This filter passes well-framed messages through unchanged;
// a header block without a usable Content-Length is dropped (it cannot be answered: its body's
// length is unknown), and reading resumes at the next header block. A header block starts with
// `Content-Length: <digits>` and a CRLF, bytes that cannot occur inside a JSON body (JSON has
// no raw CR or LF inside strings, and the header name is not JSON), so resynchronising on it
// never starts inside a well-formed message.

import { Transform, type TransformCallback } from 'node:stream';

/** Longest header block accepted (a real one is under 100 bytes). */
const MAX_HEADER_BYTES = 8 * 1024;
/** Largest body accepted: a plan at the 5M-character limit, every character escaped, fits. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;
const HEADER_START = /Content-Length:[ \t]*\d+[ \t]*\r\n/i;
const SEPARATOR = Buffer.from('\r\n\r\n', 'latin1');

export class FramingFilter extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  /** Body bytes of the current message still to pass through, or -1 between messages. */
  private body = -1;
  private lost = false;

  /** `onReject` gets a reason in planlint's words (never the header's or body's content). */
  constructor(private readonly onReject: (why: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    try {
      this.pump();
      done();
    } catch (e) {
      done(e as Error);
    }
  }

  private reject(why: string): void {
    this.lost = true;
    this.onReject(why);
  }

  private pump(): void {
    for (;;) {
      if (this.body >= 0) {
        const n = Math.min(this.body, this.buf.length);
        if (n > 0) this.push(this.buf.subarray(0, n));
        this.buf = this.buf.subarray(n);
        this.body -= n;
        if (this.body > 0) return;
        this.body = -1;
        continue;
      }
      if (!this.buf.length) return;
      if (this.lost) {
        const m = HEADER_START.exec(this.buf.toString('latin1'));
        if (!m) {
          // Keep a tail that may be the start of a header split across chunks.
          this.buf = this.buf.subarray(Math.max(0, this.buf.length - 64));
          return;
        }
        this.buf = this.buf.subarray(m.index);
        this.lost = false;
      }
      const end = this.buf.indexOf(SEPARATOR);
      if (end < 0) {
        if (this.buf.length > MAX_HEADER_BYTES) {
          this.buf = this.buf.subarray(this.buf.length - 64);
          this.reject('a header block longer than 8 KB');
        }
        return;
      }
      const header = this.buf.subarray(0, end).toString('latin1');
      let length: number | undefined;
      let problem: string | undefined;
      for (const line of header.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
        const v = line.slice(colon + 1).trim();
        if (!/^\d+$/.test(v)) problem = /^-\d+$/.test(v) ? 'a negative Content-Length' : 'a Content-Length that is not a number';
        else if (Number(v) > MAX_BODY_BYTES) problem = `a Content-Length over ${MAX_BODY_BYTES / 1024 / 1024} MB`;
        else length = Number(v);
      }
      if (length === undefined && problem === undefined) problem = 'no Content-Length header';
      if (problem !== undefined) {
        this.buf = this.buf.subarray(end + SEPARATOR.length);
        this.reject(problem);
        continue;
      }
      this.push(this.buf.subarray(0, end + SEPARATOR.length));
      this.buf = this.buf.subarray(end + SEPARATOR.length);
      this.body = length!;
    }
  }
}
