// Robustness: unknown documents, malformed params and failing features answer with an
// empty result or an LSP error, the server keeps working, logs never carry plan content,
// and the server exits when its parent process dies.

import { fork, spawn } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, GOOD_PLAN, posOf, startClient, type TestClient } from './harness.js';

const CANARY = 'Zqxj Canary-Person';
const PLAN = GOOD_PLAN.replace('Sample Person Three', CANARY).replace('gender: female', 'gender: Female');

describe('unknown documents and malformed requests', () => {
  let c: TestClient;
  const uri = 'file:///ws/robust.plan.yaml';
  beforeAll(async () => {
    ({ client: c } = await startClient());
    c.open(uri, PLAN);
    await c.diagnostics(uri, 1);
  }, 60_000);
  afterAll(() => c.stop());

  const unknown = { textDocument: { uri: 'file:///nowhere/x.plan.yaml' }, position: { line: 0, character: 0 } };
  const cases: [string, unknown, unknown][] = [
    ['textDocument/hover', unknown, null],
    ['textDocument/completion', unknown, []],
    ['textDocument/documentSymbol', unknown, []],
    ['textDocument/definition', unknown, null],
    ['textDocument/references', { ...unknown, context: { includeDeclaration: true } }, []],
    ['textDocument/prepareRename', unknown, null],
    ['textDocument/rename', { ...unknown, newName: 'X' }, null],
    ['textDocument/foldingRange', unknown, []],
    ['textDocument/codeLens', unknown, []],
    ['textDocument/codeAction', { ...unknown, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }, []],
  ];
  for (const [method, params, empty] of cases) {
    it(`${method} on an unknown document is empty`, async () => {
      expect(await c.request(method, params)).toEqual(empty);
    });
  }

  it('malformed params: empty result, logged without plan content, server still works', async () => {
    const logsBefore = c.logs.length;
    expect(await c.request('textDocument/hover', { textDocument: { uri }, position: 'nonsense' })).toBeNull();
    expect(await c.request('textDocument/completion', { textDocument: { uri } })).toEqual([]);
    expect(await c.request('textDocument/codeAction', { textDocument: { uri } })).toEqual([]);
    expect(await c.request('textDocument/documentSymbol', {})).toEqual([]);
    expect(await c.request('textDocument/rename', { textDocument: { uri }, position: posOf(PLAN, 'OBJ-1', 1) })).toBeNull();
    await c.until(() => c.logs.length >= logsBefore + 3, 3000, 'logs');
    const logged = c.logs.slice(logsBefore).join('\n');
    expect(logged).toMatch(/planlint: (hover|completion|codeAction|documentSymbol|rename) failed: \w+/);
    const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: posOf(PLAN, 'gender', 1) })) as { contents: { value: string } };
    expect(h.contents.value).toMatch(/gender/);
  });

  it('an unknown command is answered with null', async () => {
    expect(await c.request('workspace/executeCommand', { command: 'planlint.nope', arguments: [] })).toBeNull();
    expect(await c.request('workspace/executeCommand', { command: 'planlint.showRuleDoc', arguments: ['not a rule id; rm -rf'] })).toBeNull();
  });

  it('a change for an unknown document, or an older version, is ignored', async () => {
    c.replace('file:///nowhere/y.plan.yaml', 5, PLAN);
    c.replace(uri, 0, GOOD_PLAN);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.lastPublished(uri)!.version).toBe(1);
    expect(c.lastPublished(uri)!.diagnostics.some((d) => d.code === 'schema/shape')).toBe(true);
  });

  it('never logs plan content, and writes nothing to stderr', async () => {
    expect(c.logs.join('\n')).not.toContain(CANARY);
    expect(c.logs.join('\n')).not.toContain('Female');
    expect(c.stderr).toBe('');
  });
});

describe('process lifetime', () => {
  it('exits when the parent process (processId) dies', async () => {
    const parent = spawn('sleep', ['60']);
    const { client } = await startClient({ processId: parent.pid! });
    const exited = new Promise<number | null>((r) => client.proc.on('exit', (code) => r(code)));
    parent.kill('SIGKILL');
    const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r('still running'), 8000))]);
    expect(code).not.toBe('still running');
    client.conn.dispose();
  }, 15_000);

  it('exits 0 after shutdown + exit', async () => {
    const { client } = await startClient();
    const exited = new Promise<number | null>((r) => client.proc.on('exit', (code) => r(code)));
    await client.request('shutdown', null);
    client.notify('exit', null);
    expect(await exited).toBe(0);
    client.conn.dispose();
  });
});

describe('transports', () => {
  it('--node-ipc (what the VS Code client uses) serves diagnostics', async () => {
    const server = await bundleServer();
    const child = fork(server, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const got = new Promise<{ diagnostics: { code: string }[] }>((r) => conn.onNotification('textDocument/publishDiagnostics', r));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ asOf: '2026-11-23', validate: { debounceMs: 0 } })));
    conn.listen();
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ipc/a.plan.yaml', languageId: 'sentence-plan', version: 1, text: PLAN } });
    const p = await got;
    expect(p.diagnostics.map((d) => d.code)).toEqual(['schema/shape']);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
    child.kill();
  });

  it('without a transport argument it prints usage and exits 2', async () => {
    const server = await bundleServer();
    const child = spawn(process.execPath, [server], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += String(d)));
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(2);
    expect(err).toMatch(/usage: planlint-language-server --stdio/);
  });
});
