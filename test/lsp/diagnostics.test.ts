// Lifecycle and diagnostics over stdio: push and pull, debouncing and stale versions,
// cancellation, non-plan YAML, settings and config changes.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer, GOOD_PLAN, posOf, startClient, type LspDiagnostic, type TestClient } from './harness.js';

const BAD = GOOD_PLAN.replace('gender: female', 'gender: Female').replace('objective: OBJ-2', 'objective: OBJ-9');
const DUP = GOOD_PLAN.replace('- id: OBJ-2', '- id: OBJ-1');

const codes = (ds: LspDiagnostic[]): string[] => ds.map((d) => String(d.code)).sort();

beforeAll(async () => {
  await bundleServer();
}, 60_000);

describe('push diagnostics (client without pull support)', () => {
  let c: TestClient;
  let init: { capabilities: Record<string, unknown> };
  beforeAll(async () => {
    ({ client: c, init } = await startClient());
  });
  afterAll(() => c.stop());

  it('declares push-only capabilities, UTF-16 positions and the server name', () => {
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    expect(init.capabilities.positionEncoding).toBe('utf-16');
    expect(init.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
  });

  it('publishes findings with rule id, doc link, source, policy and severity', async () => {
    const uri = 'file:///ws/a.plan.yaml';
    c.open(uri, BAD);
    const ds = await c.diagnostics(uri, 1);
    expect(codes(ds)).toEqual(['schema/dangling-reference', 'schema/shape', 'smart/achievable']);
    const shape = ds.find((d) => d.code === 'schema/shape')!;
    expect(shape.source).toBe('planlint');
    expect(shape.severity).toBe(1);
    expect(shape.codeDescription?.href).toBe('https://github.com/planlint/planlint/blob/main/docs/rules/schema.md#shape');
    expect(shape.range.start).toEqual(posOf(BAD, 'Female'));
    expect(shape.range.end).toEqual(posOf(BAD, 'Female', 6));
    const ach = ds.find((d) => d.code === 'smart/achievable')!;
    expect(ach.severity).toBe(2);
    expect(ach.message).toMatch(/\(PSI 19\/2014 paras 2\.7, 2\.9; PRT .*\)$/);
  });

  it('adds related information where another place matters (duplicate ids)', async () => {
    const uri = 'file:///ws/dup.plan.yaml';
    c.open(uri, DUP);
    const ds = await c.diagnostics(uri, 1);
    const dup = ds.find((d) => d.code === 'schema/duplicate-id');
    expect(dup).toBeDefined();
    expect(dup!.relatedInformation?.length).toBeGreaterThan(0);
    expect(dup!.relatedInformation![0].location.uri).toBe(uri);
  });

  it('re-lints on change and clears fixed problems', async () => {
    const uri = 'file:///ws/b.plan.yaml';
    c.open(uri, BAD);
    expect((await c.diagnostics(uri, 1)).length).toBe(3);
    c.replace(uri, 2, GOOD_PLAN);
    expect(await c.diagnostics(uri, 2)).toEqual([]);
  });

  it('applies incremental changes', async () => {
    const uri = 'file:///ws/inc.plan.yaml';
    c.open(uri, GOOD_PLAN);
    expect(await c.diagnostics(uri, 1)).toEqual([]);
    const at = posOf(GOOD_PLAN, 'female');
    c.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: 'F' }]);
    expect(codes(await c.diagnostics(uri, 2))).toEqual(['schema/shape']);
  });

  it('only the newest version is published last when changes race (v2 then v3 at once)', async () => {
    const uri = 'file:///ws/race.plan.yaml';
    c.settings = { ...c.settings, validate: { debounceMs: 30 } };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    c.open(uri, GOOD_PLAN);
    await c.diagnostics(uri, 1);
    c.replace(uri, 2, BAD);
    c.replace(uri, 3, GOOD_PLAN.replace('gender: female', 'gender: Female'));
    const ds = await c.diagnostics(uri, 3);
    expect(codes(ds)).toEqual(['schema/shape']);
    await new Promise((r) => setTimeout(r, 200));
    const forUri = c.published.filter((p) => p.uri === uri);
    expect(forUri[forUri.length - 1].version).toBe(3);
    // v2 was superseded before its debounce ran out: never published.
    expect(forUri.some((p) => p.version === 2)).toBe(false);
    c.settings = { ...c.settings, validate: { debounceMs: 0 } };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
  });

  it('ignores YAML that is not a plan, and clears diagnostics when a file stops being one', async () => {
    const other = 'file:///ws/docker-compose.yaml';
    c.open(other, 'services:\n  web:\n    image: nginx\n');
    const plain = 'file:///ws/notes.yaml';
    c.open(plain, BAD);
    expect((await c.diagnostics(plain, 1)).length).toBe(3);
    c.replace(plain, 2, 'services:\n  web: {}\n');
    expect(await c.diagnostics(plain, 2)).toEqual([]);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.published.some((p) => p.uri === other)).toBe(false);
    // A language the server does not serve.
    c.open('file:///ws/x.plan.json', BAD, 'json');
    await new Promise((r) => setTimeout(r, 100));
    expect(c.published.some((p) => p.uri === 'file:///ws/x.plan.json')).toBe(false);
  });

  it('serves language id sentence-plan whatever the file name', async () => {
    const uri = 'untitled:Untitled-1';
    c.open(uri, BAD.replace('sentence_plan: 1\n', ''), 'sentence-plan');
    const ds = await c.diagnostics(uri, 1);
    expect(ds.length).toBeGreaterThan(0);
  });

  it('clears diagnostics on close', async () => {
    const uri = 'file:///ws/close.plan.yaml';
    c.open(uri, BAD);
    await c.diagnostics(uri, 1);
    c.close(uri);
    await c.until(() => c.lastPublished(uri)?.diagnostics.length === 0, 3000, 'cleared');
  });

  it('applies `planlint.rules` severity overrides and `asOf` from settings', async () => {
    const uri = 'file:///ws/over.plan.yaml';
    c.settings = { ...c.settings, rules: { 'smart/achievable': 'off', 'schema/shape': 'info' } };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    c.open(uri, BAD);
    const ds = await c.diagnostics(uri, 1);
    expect(codes(ds)).toEqual(['schema/dangling-reference', 'schema/shape']);
    expect(ds.find((d) => d.code === 'schema/shape')!.severity).toBe(3);
    c.settings = { ...c.settings, rules: {} };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => c.lastPublished(uri)?.diagnostics.length === 3, 3000, 're-validated after settings change');
    // "What if" date far in the future: objectives are overdue.
    c.settings = { ...c.settings, asOf: '2030-01-01' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => c.lastPublished(uri)?.diagnostics.some((d) => d.code === 'smart/overdue'), 3000, 'overdue with asOf 2030');
    c.settings = { ...c.settings, asOf: '2026-11-23' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
  });

  it('`run: onSave` validates on open and save only', async () => {
    const uri = 'file:///ws/save.plan.yaml';
    c.settings = { ...c.settings, run: 'onSave' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    c.open(uri, GOOD_PLAN);
    expect(await c.diagnostics(uri, 1)).toEqual([]);
    c.replace(uri, 2, BAD);
    await new Promise((r) => setTimeout(r, 150));
    expect(c.lastPublished(uri)?.version).toBe(1);
    c.notify('textDocument/didSave', { textDocument: { uri } });
    expect((await c.diagnostics(uri, 2)).length).toBe(3);
    c.settings = { ...c.settings, run: 'onType' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
  });
});

describe('pull diagnostics (client declares textDocument.diagnostic)', () => {
  let c: TestClient;
  let init: { capabilities: Record<string, unknown> };
  beforeAll(async () => {
    ({ client: c, init } = await startClient({ pull: true }));
  });
  afterAll(() => c.stop());

  it('declares a diagnostic provider and does not push', async () => {
    expect(init.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false });
    const uri = 'file:///ws/p.plan.yaml';
    c.open(uri, BAD);
    const r = await c.request<{ kind: string; items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(r.kind).toBe('full');
    expect(codes(r.items)).toEqual(['schema/dangling-reference', 'schema/shape', 'smart/achievable']);
    await new Promise((r2) => setTimeout(r2, 100));
    expect(c.published.filter((p) => p.uri === uri)).toEqual([]);
  });

  it('an unchanged document is answered "unchanged" against its previous result id', async () => {
    const uri = 'file:///ws/p4.plan.yaml';
    c.open(uri, BAD);
    const first = await c.request<{ kind: string; resultId?: string; items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(first.resultId).toBeTruthy();
    const again = await c.request<{ kind: string; resultId?: string }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    expect(again).toEqual({ kind: 'unchanged', resultId: first.resultId });
    c.replace(uri, 2, GOOD_PLAN);
    const changed = await c.request<{ kind: string; items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    expect(changed.kind).toBe('full');
    expect(changed.items).toEqual([]);
  });

  it('answers for the current version after a change', async () => {
    const uri = 'file:///ws/p2.plan.yaml';
    c.open(uri, BAD);
    c.replace(uri, 2, GOOD_PLAN);
    const r = await c.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(r.items).toEqual([]);
  });

  it('a cancelled pull answers RequestCancelled', async () => {
    const uri = 'file:///ws/p3.plan.yaml';
    c.open(uri, BAD);
    const { promise, cancel } = c.requestWithToken('textDocument/diagnostic', { textDocument: { uri } });
    cancel();
    await expect(promise).rejects.toMatchObject({ code: -32800 });
    // The server is still fine afterwards.
    const r = await c.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    expect(r.items.length).toBe(3);
  });

  it('asks the client to refresh when settings change', async () => {
    const before = c.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => c.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > before, 3000, 'refresh');
  });

  it('an unknown document gets an empty report', async () => {
    const r = await c.request<{ items: LspDiagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///nope.plan.yaml' } });
    expect(r.items).toEqual([]);
  });
});

describe('project config (.planlintrc.yaml) per folder, watched files', () => {
  let c: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'planlint-ws-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', '.planlintrc.yaml'), 'rules:\n  smart/achievable: off\n');
    ({ client: c } = await startClient({ rootUri: pathToFileURL(dir).toString() }));
  });
  afterAll(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a watcher for config files', async () => {
    await c.until(() => c.requests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('.planlintrc')), 3000, 'registration');
  });

  it('uses the nearest config up from each document', async () => {
    const a = pathToFileURL(join(dir, 'a', 'x.plan.yaml')).toString();
    const b = pathToFileURL(join(dir, 'b', 'x.plan.yaml')).toString();
    c.open(a, BAD);
    c.open(b, BAD);
    expect(codes(await c.diagnostics(a, 1))).toEqual(['schema/dangling-reference', 'schema/shape']);
    expect(codes(await c.diagnostics(b, 1))).toEqual(['schema/dangling-reference', 'schema/shape', 'smart/achievable']);
  });

  it('re-validates when a config file changes (watched files)', async () => {
    const b = pathToFileURL(join(dir, 'b', 'x.plan.yaml')).toString();
    const cfg = join(dir, 'b', '.planlintrc.yml');
    writeFileSync(cfg, 'rules:\n  schema/shape: warning\n');
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).toString(), type: 1 }] });
    await c.until(() => c.lastPublished(b)?.diagnostics.find((d) => d.code === 'schema/shape')?.severity === 2, 3000, 'warning after config change');
  });

  it('`configPath` names the config file instead of the nearest one (relative to the folder)', async () => {
    writeFileSync(join(dir, 'custom.yaml'), 'rules:\n  schema/dangling-reference: off\n');
    c.settings = { ...c.settings, configPath: 'custom.yaml' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    const u = pathToFileURL(join(dir, 'a', 'y.plan.yaml')).toString();
    c.open(u, BAD);
    expect(codes(await c.diagnostics(u, 1))).toEqual(['schema/shape', 'smart/achievable']);
    c.settings = { ...c.settings, configPath: '' };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    await c.until(() => codes(c.lastPublished(u)?.diagnostics ?? []).join() === 'schema/dangling-reference,schema/shape', 3000, 'nearest config again');
  });

  it('`maxFileSize` refuses larger files with meta/file-too-large', async () => {
    c.settings = { ...c.settings, maxFileSize: 1000 };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
    const u = pathToFileURL(join(dir, 'b', 'big.plan.yaml')).toString();
    c.open(u, BAD);
    expect(codes(await c.diagnostics(u, 1))).toEqual(['meta/file-too-large']);
    c.settings = { ...c.settings, maxFileSize: 5_000_000 };
    c.notify('workspace/didChangeConfiguration', { settings: {} });
  });

  it('shows config problems on an open config file and logs them without plan content', async () => {
    const cfgUri = pathToFileURL(join(dir, 'a', '.planlintrc.yaml')).toString();
    c.open(cfgUri, 'rules:\n  smart/achievabel: off\n');
    const ds = await c.diagnostics(cfgUri, 1);
    expect(ds.length).toBe(1);
    expect(ds[0].range.start.line).toBe(1);
    expect(ds[0].message).toMatch(/unknown rule `smart\/achievabel`.*smart\/achievable/);
    writeFileSync(join(dir, 'a', '.planlintrc.yaml'), 'rules:\n  smart/achievabel: off\n');
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
    // The log says where (the file and line), not what: no value from the file is echoed.
    const logged = await c.until(() => c.logs.find((l) => l.includes('.planlintrc.yaml') && l.includes('1 problem(s), at line 2')), 3000, 'config problem logged');
    expect(logged).not.toContain('achievabel');
    for (const l of c.logs) expect(l).not.toMatch(/Female|Sample Person|C0003CC/);
  });
});

describe('a client without workspace/configuration', () => {
  let c: TestClient;
  beforeAll(async () => {
    ({ client: c } = await startClient({ configuration: false, extraCapabilities: {} }));
  });
  afterAll(() => c.stop());

  it('takes settings from didChangeConfiguration { planlint: … }', async () => {
    const uri = 'file:///ws/noconf.plan.yaml';
    c.notify('workspace/didChangeConfiguration', { settings: { planlint: { asOf: '2026-11-23', rules: { 'smart/achievable': 'off' }, validate: { debounceMs: 0 } } } });
    c.open(uri, BAD);
    await c.until(() => codes(c.lastPublished(uri)?.diagnostics ?? []).join() === 'schema/dangling-reference,schema/shape', 3000, 'pushed settings applied');
    expect(c.requests.some((r) => r.method === 'workspace/configuration')).toBe(false);
  });
});

describe('multi-root: workspace folders added later', () => {
  let c: TestClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'planlint-mr-'));
    for (const f of ['one', 'two']) mkdirSync(join(dir, f));
    writeFileSync(join(dir, 'one', 'team.yaml'), 'rules:\n  schema/shape: off\n');
    writeFileSync(join(dir, 'two', 'team.yaml'), 'rules:\n  smart/achievable: off\n');
    ({ client: c } = await startClient({ rootUri: pathToFileURL(join(dir, 'one')).toString(), workspaceFolders: true, settings: { configPath: 'team.yaml' } }));
  });
  afterAll(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a relative configPath resolves against the document\'s own folder once it is a workspace folder', async () => {
    const u = pathToFileURL(join(dir, 'two', 'p.plan.yaml')).toString();
    c.open(u, BAD);
    // Not in a known folder yet: the first folder's team.yaml applies.
    expect(codes(await c.diagnostics(u, 1))).toEqual(['schema/dangling-reference', 'smart/achievable']);
    c.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(join(dir, 'two')).toString(), name: 'two' }], removed: [] } });
    await c.until(() => codes(c.lastPublished(u)?.diagnostics ?? []).join() === 'schema/dangling-reference,schema/shape', 3000, 'folder two config');
  });
});

describe('adaptive debounce', () => {
  it('none for small plans, growing with size, capped at 200 ms', async () => {
    const { adaptiveDebounce, debounceFor, normaliseSettings } = await import('../../server/src/lsp/settings.js');
    expect(adaptiveDebounce(1)).toBe(0);
    expect(adaptiveDebounce(200)).toBe(0);
    expect(adaptiveDebounce(300)).toBe(0);
    expect(adaptiveDebounce(1000)).toBeGreaterThan(0);
    expect(adaptiveDebounce(1000)).toBeLessThan(adaptiveDebounce(5000));
    expect(adaptiveDebounce(5000)).toBeLessThanOrEqual(200);
    expect(adaptiveDebounce(100_000)).toBe(200);
    // The default is automatic; a number set by the user wins; null means automatic.
    expect(debounceFor(normaliseSettings({}), 200)).toBe(0);
    expect(debounceFor(normaliseSettings({}), 5000)).toBe(adaptiveDebounce(5000));
    expect(debounceFor(normaliseSettings({ validate: { debounceMs: 75 } }), 200)).toBe(75);
    expect(debounceFor(normaliseSettings({ validate: { debounceMs: null } }), 200)).toBe(0);
    expect(debounceFor(normaliseSettings({ validate: { debounceMs: -5 } }), 5000)).toBe(adaptiveDebounce(5000));
  });
});
