// planlint's own requests (server/src/lsp/protocol.ts) over the protocol: `planlint/timeline`
// (the model the VS Code timeline draws, computed on the server with the document's config
// and as-of date) and `planlint/lintWorkspace` (every closed plan of the workspace folders,
// with $/progress and cancellation, open documents left to their live diagnostics, rule-page
// links kept).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LintWorkspaceResult, TimelineResult } from '../../server/src/lsp/protocol.js';
import { AS_OF, ROOT, startClient, type LspDiagnostic, type TestClient } from './harness.js';

const DETERMINATE = readFileSync(join(ROOT, 'samples/good/determinate.plan.yaml'), 'utf8');
const BAD = readFileSync(join(ROOT, 'samples/bad/plan-owner-required.plan.yaml'), 'utf8');

describe('planlint/timeline', () => {
  let c: TestClient;
  const uri = 'file:///ws/t/determinate.plan.yaml';
  beforeAll(async () => {
    ({ client: c } = await startClient());
    c.open(uri, DETERMINATE);
    await c.diagnostics(uri, 1);
  });
  afterAll(() => c.stop());

  it('gives the chart, its rows, the obligations and the next one, as of the settings', async () => {
    const t = await c.request<TimelineResult>('planlint/timeline', { uri });
    expect(t.uri).toBe(uri);
    expect(t.version).toBe(1);
    expect(t.asOf).toBe(AS_OF);
    expect(t.isTemplate).toBe(false);
    expect(t.svg).toMatch(/^<svg [^>]*class="planlint-timeline"/);
    expect(t.svg).toContain('<title id="pl-title">Sentence timeline of determinate.plan.yaml</title>');
    expect(t.rows.some((r) => r.kind === 'obligation')).toBe(true);
    const pre = t.obligations.find((o) => o.rule === 'review/pre-release')!;
    expect(pre).toMatchObject({ key: 'review/pre-release@2027-05-26', kind: 'Pre-release review', due: '2027-05-26', state: 'upcoming', description: 'upcoming', defaultDeadline: false });
    expect(t.next).toEqual({ key: 'review/pre-release@2027-05-26', state: 'upcoming', text: `Pre-release review due in ${Math.round((Date.parse('2027-05-26') - Date.parse(AS_OF)) / 86_400_000)} days` });
  });

  it('judges by the asOf given', async () => {
    const t = await c.request<TimelineResult>('planlint/timeline', { uri, asOf: '2027-06-10' });
    expect(t.asOf).toBe('2027-06-10');
    expect(t.obligations.find((o) => o.rule === 'review/pre-release')!.state).toBe('overdue');
    expect(t.next?.text).toMatch(/overdue by \d+ days?$/);
    // A malformed date is ignored (the settings' date is used).
    expect((await c.request<TimelineResult>('planlint/timeline', { uri, asOf: '2027-02-30' })).asOf).toBe(AS_OF);
  });

  it('follows the document: a new version is drawn as it is now', async () => {
    c.replace(uri, 2, DETERMINATE.replace(/release_date: \d{4}-\d{2}-\d{2}/, 'release_date: 2028-01-10'));
    const t = await c.request<TimelineResult>('planlint/timeline', { uri });
    expect(t.version).toBe(2);
    expect(t.obligations.find((o) => o.rule === 'review/pre-release')?.due).not.toBe('2027-05-26');
  });

  it('a template has no obligations', async () => {
    const tpl = 'file:///ws/t/x.template.plan.yaml';
    c.open(tpl, readFileSync(join(ROOT, 'samples/templates/community-order.template.plan.yaml'), 'utf8'));
    const t = await c.request<TimelineResult>('planlint/timeline', { uri: tpl });
    expect(t.isTemplate).toBe(true);
    expect(t.obligations).toEqual([]);
    expect(t.next).toBeUndefined();
  });
});

describe('planlint/lintWorkspace', () => {
  let dir: string;
  let c: TestClient;
  const progress: { token: unknown; value: { kind: string; message?: string; percentage?: number } }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'planlint-ws-'));
    mkdirSync(join(dir, 'team'), { recursive: true });
    mkdirSync(join(dir, 'node_modules/x'), { recursive: true });
    writeFileSync(join(dir, 'good.plan.yaml'), DETERMINATE);
    writeFileSync(join(dir, 'team/bad.plan.yaml'), BAD);
    writeFileSync(join(dir, 'team/open.plan.yaml'), BAD);
    writeFileSync(join(dir, 'team/quoted.yaml'), '"sentence_plan": 1\nkind: plan\n');
    writeFileSync(join(dir, 'notes.yaml'), 'notes: |\n  sentence_plan: 1\n');
    writeFileSync(join(dir, 'node_modules/x/dep.plan.yaml'), BAD);
    writeFileSync(join(dir, 'latin1.plan.yaml'), Buffer.from([0x73, 0x65, 0x6e, 0x74, 0x65, 0x6e, 0x63, 0x65, 0x5f, 0x70, 0x6c, 0x61, 0x6e, 0x3a, 0x20, 0x31, 0x0a, 0x23, 0xe9, 0x0a]));
    ({ client: c } = await startClient({ rootUri: pathToFileURL(dir).toString() }));
    c.conn.onNotification('$/progress', (p: { token: unknown; value: { kind: string } }) => {
      progress.push(p as (typeof progress)[number]);
    });
  });
  afterAll(async () => {
    await c.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lints every closed plan of the folder, with progress, and leaves open documents alone', async () => {
    const openUri = pathToFileURL(join(dir, 'team/open.plan.yaml')).toString();
    c.open(openUri, DETERMINATE);
    const live = await c.diagnostics(openUri, 1);
    const before = c.published.length;
    const r = await c.request<LintWorkspaceResult>('planlint/lintWorkspace', { workDoneToken: 'ws-1', skip: [openUri] });
    const byName = new Map(r.reports.map((x) => [x.uri.slice(pathToFileURL(dir).toString().length + 1), x.diagnostics as LspDiagnostic[]]));
    expect(r.cancelled).toBe(false);
    expect(r.files).toBe(5);
    expect(r.linted).toBe(4);
    expect([...byName.keys()].sort()).toEqual(['good.plan.yaml', 'latin1.plan.yaml', 'team/bad.plan.yaml', 'team/quoted.yaml']);
    expect(byName.get('good.plan.yaml')).toEqual([]);
    const bad = byName.get('team/bad.plan.yaml')!;
    expect(bad.map((d) => d.code)).toContain('plan/owner-required');
    // Rule-page links kept.
    for (const d of bad) expect(d.codeDescription?.href, String(d.code)).toMatch(/docs\/rules\/[a-z]+\.md#[a-z0-9-]+$/);
    expect(byName.get('latin1.plan.yaml')!.map((d) => d.code)).toEqual(['meta/encoding']);
    // The open document: not in the answer, and its live diagnostics not replaced.
    expect(byName.has('team/open.plan.yaml')).toBe(false);
    expect(live).toEqual([]);
    expect(c.published.slice(before).filter((p) => p.uri === openUri)).toEqual([]);
    // Work done progress on the client's token: begin, reports, end.
    const mine = progress.filter((p) => p.token === 'ws-1').map((p) => p.value.kind);
    expect(mine[0]).toBe('begin');
    expect(mine.at(-1)).toBe('end');
    expect(mine.filter((k) => k === 'report').length).toBeGreaterThanOrEqual(4);
  });

  it('the same findings as the document would get when opened', async () => {
    const uri = pathToFileURL(join(dir, 'team/bad.plan.yaml')).toString();
    const r = await c.request<LintWorkspaceResult>('planlint/lintWorkspace', {});
    const ws = r.reports.find((x) => x.uri === uri)!.diagnostics as LspDiagnostic[];
    c.open(uri, BAD);
    const opened = await c.diagnostics(uri, 1);
    expect(ws).toEqual(opened);
  });

  it('stops when cancelled', async () => {
    for (let i = 0; i < 150; i++) writeFileSync(join(dir, `many-${String(i).padStart(3, '0')}.plan.yaml`), BAD);
    const { promise, cancel } = c.requestWithToken<LintWorkspaceResult>('planlint/lintWorkspace', { workDoneToken: 'ws-2' });
    await c.until(() => progress.some((p) => p.token === 'ws-2' && p.value.kind === 'report'), 20_000, 'progress');
    cancel();
    const r = await promise.catch((e: Error) => e);
    // Either the request is answered as cancelled, or with what was done before it stopped.
    if (r instanceof Error) expect(r.message).toMatch(/cancel/i);
    else {
      expect(r.cancelled).toBe(true);
      expect(r.linted).toBeLessThan(r.files);
    }
    expect(progress.filter((p) => p.token === 'ws-2').at(-1)?.value.kind).toBe('end');
  }, 60_000);
});
