// The language server against a misbehaving client (issue 18 item 9): requests before
// `initialize`, broken message framing, and a didChange batch with one bad change. Raw bytes
// go to the bundled server's stdin; answers are read back from its stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BadChange, Doc } from '../../server/src/lsp/documents.js';
import { FramingFilter } from '../../server/src/lsp/framing.js';
import { bundleServer, GOOD_PLAN, startClient } from '../lsp/harness.js';

const frame = (msg: unknown): string => {
  const body = JSON.stringify(msg);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

/** A raw client: writes bytes, collects every framed message the server sends back. */
class Raw {
  readonly got: { id?: number; method?: string; result?: unknown; error?: { code: number; message: string }; params?: { message?: string } }[] = [];
  private buf = Buffer.alloc(0);
  constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (;;) {
        const end = this.buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, end).toString())![1]);
        if (this.buf.length < end + 4 + len) return;
        this.got.push(JSON.parse(this.buf.subarray(end + 4, end + 4 + len).toString()));
        this.buf = this.buf.subarray(end + 4 + len);
      }
    });
  }
  send(s: string): void {
    this.proc.stdin!.write(s);
  }
  async answer(id: number, ms = 5000): Promise<(typeof this.got)[number]> {
    const t0 = Date.now();
    for (;;) {
      const a = this.got.find((m) => m.id === id && m.method === undefined);
      if (a) return a;
      if (Date.now() - t0 > ms) throw new Error(`no answer to request ${id}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  logs(): string[] {
    return this.got.filter((m) => m.method === 'window/logMessage').map((m) => m.params?.message ?? '');
  }
}

let procs: ChildProcess[] = [];
afterEach(() => {
  for (const p of procs) p.kill();
  procs = [];
});
async function raw(): Promise<Raw> {
  const p = spawn(process.execPath, [await bundleServer(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  procs.push(p);
  return new Raw(p);
}
const INIT = (id: number) => frame({ jsonrpc: '2.0', id, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('requests before initialize', () => {
  it('are answered with ServerNotInitialized (-32002); notifications are dropped; initialize then works', async () => {
    const r = await raw();
    r.send(frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///x.plan.yaml' }, position: { line: 0, character: 0 } } }));
    r.send(frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///x.plan.yaml' } } }));
    r.send(frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///x.plan.yaml', languageId: 'yaml', version: 1, text: GOOD_PLAN } } }));
    expect((await r.answer(1)).error?.code).toBe(-32002);
    expect((await r.answer(2)).error?.code).toBe(-32002);
    r.send(INIT(3));
    expect((await r.answer(3)).result).toHaveProperty('capabilities');
    r.send(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    // The didOpen before initialize was dropped: the document is unknown.
    r.send(frame({ jsonrpc: '2.0', id: 4, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///x.plan.yaml' } } }));
    expect((await r.answer(4)).result).toEqual([]);
  });
});

describe('broken framing', () => {
  for (const [what, header, logged] of [
    ['a missing Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n', 'no Content-Length header'],
    ['a NaN Content-Length', 'Content-Length: NaN\r\n\r\n', 'a Content-Length that is not a number'],
    ['a negative Content-Length', 'Content-Length: -20\r\n\r\n', 'a negative Content-Length'],
  ] as const) {
    it(`${what}: the message is dropped with a clear log line, and the next message is answered`, async () => {
      const r = await raw();
      r.send(INIT(1));
      await r.answer(1);
      r.send(header + JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      r.send(frame({ jsonrpc: '2.0', id: 3, method: 'textDocument/foldingRange', params: { textDocument: { uri: 'file:///y.plan.yaml' } } }));
      expect((await r.answer(3)).result).toEqual([]);
      expect(r.got.some((m) => m.id === 2)).toBe(false);
      expect(r.logs().some((l) => l.includes(`a message from the editor was dropped: ${logged}`))).toBe(true);
    });
  }

  it('the filter passes well-framed messages byte for byte, split anywhere, and resynchronises after bad ones', () => {
    const good = [frame({ a: 1, t: 'Content-Length: 5\r\n\r\n' }), frame({ b: 'é'.repeat(300) }), frame({ c: [] })];
    const input = Buffer.from(good[0] + 'Content-Length: x\r\n\r\n{"junk":1}' + good[1] + '\r\n\r\n' + good[2]);
    for (const step of [1, 7, 64, input.length]) {
      const out: Buffer[] = [];
      const rejected: string[] = [];
      const f = new FramingFilter((w) => rejected.push(w));
      f.on('data', (d: Buffer) => out.push(d));
      for (let i = 0; i < input.length; i += step) f.write(input.subarray(i, i + step));
      expect(Buffer.concat(out).toString()).toBe(good.join(''));
      expect(rejected).toEqual(['a Content-Length that is not a number', 'no Content-Length header']);
    }
  });
});

describe('a didChange batch with one bad change', () => {
  it('Doc.applyChanges checks every change before applying any', () => {
    const d = new Doc('file:///a.plan.yaml', 'yaml', 1, 'ab\ncd\n', 'utf-16');
    const good = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'X' };
    const bads: unknown[] = [
      { range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: NaN }, end: { line: 0, character: 0 } }, text: '' },
      { range: { start: { line: 1, character: 1 }, end: { line: 0, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: 0 } }, text: '' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } },
      null,
    ];
    for (const bad of bads) {
      expect(() => d.applyChanges([good, bad as never], 2)).toThrow(BadChange);
      expect(d.text).toBe('ab\ncd\n');
      expect(d.version).toBe(1);
    }
    d.applyChanges([good, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, text: 'Y' }], 2);
    expect(d.text).toBe('Xb\nY\n');
    expect(d.version).toBe(2);
  });

  it('is not applied at all (validated first), logged, and the document stays in sync with its old text', async () => {
    const { client: c } = await startClient();
    try {
      const uri = 'file:///ws/batch.plan.yaml';
      const text = 'sentence_plan:\n  id: SP-1\n';
      c.open(uri, text);
      await c.diagnostics(uri, 1);
      c.change(uri, 2, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# one\n' },
        { range: { start: { line: -1, character: 0 }, end: { line: 'x', character: 0 } } as never, text: 'bad' },
      ]);
      await c.until(() => c.logs.some((l) => l.includes('didChange rejected, the document is unchanged: change 2 of 2')), 3000, 'rejection logged');
      // A good change against the old text (version 2) applies to exactly that text.
      c.change(uri, 2, [{ range: { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } }, text: 'SP-9' }]);
      await c.diagnostics(uri, 2);
    } finally {
      await c.stop();
    }
  });
});

describe('a client that rejects the requests the server sends', () => {
  it('showing a rule\'s page without showDocument support: the client rejects window/showMessageRequest, the server lives on', async () => {
    const { client: c } = await startClient({ extraCapabilities: { window: {} } });
    try {
      // The test client has no handler for window/showMessageRequest: it answers MethodNotFound.
      expect(await c.request('workspace/executeCommand', { command: 'planlint.showRuleDoc', arguments: ['smart/specific'] })).toBe(true);
      await new Promise((r) => setTimeout(r, 300));
      expect(c.proc.exitCode).toBeNull();
      expect(await c.request('textDocument/foldingRange', { textDocument: { uri: 'file:///z.plan.yaml' } })).toEqual([]);
    } finally {
      await c.stop();
    }
  });
});
