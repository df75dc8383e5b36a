// A minimal LSP client for the protocol tests: bundles the server (the same esbuild options
// as esbuild.mjs, into a private temp file so concurrent `npm run build`s cannot hand us a
// half-written bundle), runs it with `--stdio` and talks to it with vscode-jsonrpc's node API.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  CancellationTokenSource,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = resolve(__dirname, '../..');
export const AS_OF = '2026-11-23';

let bundled: Promise<string> | undefined;
/** Bundle server/src/lsp/main.ts once per test file. */
export function bundleServer(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-lsp-'));
    const outfile = join(dir, 'server.js');
    await build({
      entryPoints: [join(ROOT, 'server/src/lsp/main.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: false,
      logLevel: 'error',
      minifySyntax: true,
    });
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    return outfile;
  })();
  return bundled;
}

export const GOOD_PLAN = readFileSync(join(ROOT, 'samples/good/community.plan.yaml'), 'utf8');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
export interface LspDiagnostic {
  range: LspRange;
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  relatedInformation?: { location: { uri: string; range: LspRange }; message: string }[];
}
export interface LspTextEdit {
  range: LspRange;
  newText: string;
}

export interface ClientOptions {
  pull?: boolean;
  encodings?: string[];
  settings?: Record<string, unknown>;
  /** Send workspace/configuration support (default true). */
  configuration?: boolean;
  rootUri?: string | null;
  processId?: number | null;
  extraCapabilities?: Record<string, unknown>;
  /** Announce workspace folder support (changes come as workspace/didChangeWorkspaceFolders). */
  workspaceFolders?: boolean;
  /** Sent as `initializationOptions`. */
  initializationOptions?: Record<string, unknown>;
  /** Sent as `initialize.locale` (the editor's display language). */
  locale?: string;
}

export class TestClient {
  readonly published: Published[] = [];
  readonly logs: string[] = [];
  readonly requests: { method: string; params: unknown }[] = [];
  settings: Record<string, unknown>;
  private waiters: (() => void)[] = [];
  stderr = '';

  constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    opts: ClientOptions,
  ) {
    this.settings = { asOf: AS_OF, validate: { debounceMs: 0 }, ...(opts.settings ?? {}) };
    conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      this.wake();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.wake();
    });
    conn.onNotification('window/showMessage', (p: { message: string }) => {
      this.requests.push({ method: 'window/showMessage', params: p });
      this.wake();
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.requests.push({ method: 'workspace/configuration', params: p });
      return p.items.map((i) => (i.section === 'planlint' ? this.settings : null));
    });
    for (const m of ['client/registerCapability', 'workspace/diagnostic/refresh', 'window/showDocument', 'workspace/applyEdit', 'workspace/codeLens/refresh']) {
      conn.onRequest(m, (p: unknown): unknown => {
        this.requests.push({ method: m, params: p });
        this.wake();
        if (m === 'window/showDocument') return { success: true };
        if (m === 'workspace/applyEdit') return { applied: true };
        return null;
      });
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Wait until `pred` holds (checked on every message), or fail after `ms`. */
  async until<T>(pred: () => T | undefined | false, ms = 5000, what = 'condition'): Promise<T> {
    const t0 = Date.now();
    for (;;) {
      const v = pred();
      if (v) return v;
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  lastPublished(uri: string): Published | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i].uri === uri) return this.published[i];
    return undefined;
  }

  /** Wait for diagnostics for `uri` published at `version` (or any, when omitted). */
  diagnostics(uri: string, version?: number, ms = 5000): Promise<LspDiagnostic[]> {
    return this.until(
      () => {
        const p = this.lastPublished(uri);
        return p && (version === undefined || p.version === version) ? p.diagnostics : undefined;
      },
      ms,
      `diagnostics for ${uri}@${version}`,
    );
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  requestWithToken<R = unknown>(method: string, params: unknown): { promise: Promise<R>; cancel: () => void } {
    const src = new CancellationTokenSource();
    return { promise: this.conn.sendRequest(method, params, src.token) as Promise<R>, cancel: () => src.cancel() };
  }

  notify(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  replace(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  change(uri: string, version: number, changes: { range?: LspRange; text: string }[]): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 1000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 50));
    this.conn.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}

export async function startClient(opts: ClientOptions = {}): Promise<{ client: TestClient; init: { capabilities: Record<string, unknown>; serverInfo?: unknown } }> {
  const server = await bundleServer();
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const client = new TestClient(proc, conn, opts);
  proc.stderr!.on('data', (d) => (client.stderr += String(d)));
  conn.listen();
  const textDocument: Record<string, unknown> = {
    synchronization: { didSave: true, dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
    rename: { prepareSupport: true },
  };
  if (opts.pull) textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  const init = (await conn.sendRequest('initialize', {
    processId: opts.processId === undefined ? process.pid : opts.processId,
    rootUri: opts.rootUri === undefined ? null : opts.rootUri,
    initializationOptions: opts.initializationOptions,
    ...(opts.locale ? { locale: opts.locale } : {}),
    workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'ws' }] : null,
    capabilities: {
      general: opts.encodings ? { positionEncodings: opts.encodings } : undefined,
      textDocument,
      workspace: {
        configuration: opts.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
        workspaceEdit: { documentChanges: true },
        codeLens: { refreshSupport: true },
        workspaceFolders: opts.workspaceFolders ?? false,
      },
      window: { showDocument: { support: true } },
      ...(opts.extraCapabilities ?? {}),
    },
  })) as { capabilities: Record<string, unknown>; serverInfo?: unknown };
  await conn.sendNotification('initialized', {});
  return { client, init };
}

// ---------------------------------------------------------------------------
// Applying protocol edits in the tests (UTF-16 positions unless told).

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') starts.push(i + 1);
    else if (c === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function offsetAt(text: string, pos: LspPosition, encoding: 'utf-16' | 'utf-8' = 'utf-16'): number {
  const starts = lineStarts(text);
  const start = starts[pos.line] ?? text.length;
  if (encoding === 'utf-16') return start + pos.character;
  let bytes = 0;
  let i = start;
  while (bytes < pos.character) {
    const cp = text.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

export function positionAt(text: string, offset: number): LspPosition {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

export function applyLspEdits(text: string, edits: LspTextEdit[], encoding: 'utf-16' | 'utf-8' = 'utf-16'): string {
  const spans = edits
    .map((e) => ({ s: offsetAt(text, e.range.start, encoding), e: offsetAt(text, e.range.end, encoding), t: e.newText }))
    .sort((a, b) => b.s - a.s);
  let out = text;
  for (const x of spans) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

/** The text edits for `uri` in a WorkspaceEdit (documentChanges or changes). */
export function editsFor(edit: { documentChanges?: { textDocument: { uri: string }; edits: LspTextEdit[] }[]; changes?: Record<string, LspTextEdit[]> }, uri: string): LspTextEdit[] {
  if (edit.documentChanges) return edit.documentChanges.filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits);
  return edit.changes?.[uri] ?? [];
}

/** Position of the `n`th occurrence of `needle` in `text` (plus `delta` characters). */
export function posOf(text: string, needle: string, delta = 0, n = 0): LspPosition {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`not found: ${needle}`);
  }
  return positionAt(text, i + delta);
}
