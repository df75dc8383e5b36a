// The language server under load and faults (issue 7 item 4), on the bundled server over stdio
// (test/lsp/harness.ts): a burst of 1,000 edits with interleaved completions and hovers,
// cancelled requests, a client that goes away, 10,000 open/close cycles (RSS measured from
// /proc/<pid>/status), and a rule that throws.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { lint } from '../../server/src/engine/lint.js';
import { LineIndex } from '../../server/src/engine/lines.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { DiagnosticsFeature } from '../../server/src/lsp/diagnostics.js';
import { Converter } from '../../server/src/lsp/convert.js';
import { ConfigStore } from '../../server/src/lsp/settings.js';
import { nodePaths } from '../../server/src/lsp/hostNode.js';
import { nodeConfigFs } from '../../server/src/project/nodeFs.js';
import { bundleServer, GOOD_PLAN, posOf, startClient, type TestClient } from '../lsp/harness.js';
import { makeState } from '../fuzz/state.js';

const AS_OF = '2026-11-23';
const rssKb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('1,000 rapid edits with interleaved completions and hovers', () => {
  let c: TestClient;
  beforeAll(async () => {
    // The default debounce (150 ms) as a real editor has it.
    ({ client: c } = await startClient({ settings: { validate: { debounceMs: 150 } } }));
  }, 60_000);
  afterAll(() => c.stop());

  it('ends with the diagnostics of the final text, answers every request, and is prompt afterwards', async () => {
    const uri = 'file:///ws/burst.plan.yaml';
    let text = GOOD_PLAN;
    c.open(uri, text, 'sentence-plan', 1);
    await c.diagnostics(uri, 1, 10_000);
    const lines = () => new LineIndex(text);
    // Type into the first objective's description, one character per edit, deleting now and then;
    // also break and mend the YAML (a stray `[`), so intermediate states differ in findings.
    const anchor = text.indexOf('Find paid work');
    const pending: Promise<unknown>[] = [];
    let at = anchor;
    const t0 = Date.now();
    for (let v = 2; v <= 1001; v++) {
      const li = lines();
      let change: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
      if (v % 7 === 0 && at > anchor) {
        const p = li.positionAt(at - 1);
        change = { range: { start: p, end: li.positionAt(at) }, text: '' };
        text = text.slice(0, at - 1) + text.slice(at);
        at--;
      } else {
        const ch = v % 97 === 0 ? '[' : v % 101 === 0 ? ']' : 'abcdefgh '[v % 9];
        const p = li.positionAt(at);
        change = { range: { start: p, end: p }, text: ch };
        text = text.slice(0, at) + ch + text.slice(at);
        at++;
      }
      c.change(uri, v, [change]);
      if (v % 10 === 0) {
        const pos = lines().positionAt(at);
        pending.push(c.request('textDocument/completion', { textDocument: { uri }, position: pos }));
        pending.push(c.request('textDocument/hover', { textDocument: { uri }, position: posOf(text, 'outcome: OUT-1', 2) }));
      }
    }
    const answers = await Promise.all(pending);
    const burstMs = Date.now() - t0;
    expect(answers).toHaveLength(200);
    // The last version's diagnostics arrive, and they are those of a fresh lint of the final text.
    const final = await c.diagnostics(uri, 1001, 20_000);
    const fresh = lint(text, { asOf: AS_OF });
    const conv = new Converter(text);
    expect(final.map((d) => [d.code, d.range])).toEqual(fresh.findings.map((f) => [f.ruleId, conv.toRange(f.span)]));
    // Nothing stale is published afterwards.
    await sleep(500);
    expect(c.lastPublished(uri)!.version).toBe(1001);
    // Validation was coalesced, not queued once per keystroke.
    const publishes = c.published.filter((p) => p.uri === uri).length;
    expect(publishes).toBeLessThan(500);
    // Prompt after the burst.
    const t1 = Date.now();
    await c.request('textDocument/hover', { textDocument: { uri }, position: posOf(text, 'gender', 1) });
    const afterMs = Date.now() - t1;
    expect(afterMs).toBeLessThan(2000);
    console.log(`burst: 1,000 edits + 200 requests in ${burstMs} ms; ${publishes} publishes; hover after the burst ${afterMs} ms`);
  }, 120_000);

  it('cancelled requests answer RequestCancelled or their result, and the server goes on', async () => {
    const uri = 'file:///ws/cancel.plan.yaml';
    c.open(uri, GOOD_PLAN, 'sentence-plan', 1);
    await c.diagnostics(uri, 1);
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        const method = ['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction'][i % 3];
        const position = posOf(GOOD_PLAN, 'plan_owner', 3);
        const params = method === 'textDocument/codeAction'
          ? { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }
          : { textDocument: { uri }, position };
        const r = c.requestWithToken(method, params);
        r.cancel();
        return r.promise.then(() => 'answered', (e: { code?: number }) => (e.code === -32800 ? 'cancelled' : `error ${e.code}`));
      }),
    );
    expect(outcomes.filter((o) => o !== 'answered' && o !== 'cancelled')).toEqual([]);
    const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: posOf(GOOD_PLAN, 'gender', 1) })) as { contents: { value: string } };
    expect(h.contents.value).toMatch(/gender/);
  });
});

describe('a client that disappears', () => {
  it('stdin closed without shutdown: the server exits within a few seconds', async () => {
    const server = await bundleServer();
    const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ asOf: AS_OF })));
    conn.listen();
    await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    await conn.sendNotification('initialized', {});
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ws/a.plan.yaml', languageId: 'sentence-plan', version: 1, text: GOOD_PLAN } });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    const t0 = Date.now();
    conn.dispose();
    proc.stdin!.end();
    const code = await Promise.race([exited, sleep(8000).then(() => 'still running' as const)]);
    if (code === 'still running') proc.kill();
    expect(code).not.toBe('still running');
    console.log(`server exit after stdin closed: ${Date.now() - t0} ms (code ${code})`);
  }, 20_000);

  it('the editor process (holding the pipes) is killed: the server exits', async () => {
    const server = await bundleServer();
    // A stand-in editor that starts the server with pipes, then is SIGKILLed.
    const editor = spawn(process.execPath, ['-e', `
      const { spawn } = require('child_process');
      const s = spawn(process.execPath, [${JSON.stringify(server)}, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      process.stdout.write(String(s.pid) + '\\n');
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((r) => editor.stdout!.once('data', (d) => r(Number(String(d).trim()))));
    await sleep(300);
    editor.kill('SIGKILL');
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const t0 = Date.now();
    while (alive() && Date.now() - t0 < 8000) await sleep(100);
    const gone = !alive();
    if (!gone) process.kill(pid, 'SIGKILL');
    expect(gone).toBe(true);
  }, 20_000);
});

describe('10,000 open/close cycles', () => {
  it('RSS returns near its start (measured from /proc/<pid>/status)', async () => {
    const { client: c } = await startClient();
    try {
      const pid = c.proc.pid!;
      const small = 'sentence_plan: 1\nkind: plan\nperson:\n  gender: male\n';
      let n = 0;
      const cycle = async (count: number) => {
        for (let i = 0; i < count; i += 100) {
          const uris = Array.from({ length: 100 }, () => `file:///ws/cycle-${n++}.plan.yaml`);
          for (const u of uris) c.open(u, small, 'sentence-plan');
          for (const u of uris) c.close(u);
          // Let the server drain between batches (a request is answered after the notifications before it).
          await c.request('textDocument/hover', { textDocument: { uri: uris[0] }, position: { line: 0, character: 0 } });
        }
      };
      await cycle(500); // warm-up: code loaded, JIT, caches at their steady size
      await sleep(500);
      const before = rssKb(pid);
      const t0 = Date.now();
      await cycle(10_000);
      const ms = Date.now() - t0;
      await sleep(1000);
      const after = rssKb(pid);
      // Twice 5,000 more: a leak grows in both stretches; a heap that has found its size does
      // not, though one stretch may still step up by a few MB when V8 grows it (seen: +12.8 MB
      // once in ten runs, with the next stretch flat).
      await cycle(5_000);
      await sleep(1000);
      const after2 = rssKb(pid);
      await cycle(5_000);
      await sleep(1000);
      const after3 = rssKb(pid);
      const mb = (kb: number) => (kb / 1024).toFixed(1);
      console.log(`open/close: 10,000 cycles in ${ms} ms; server RSS before ${mb(before)} MB, after 10,000 ${mb(after)} MB, after 15,000 ${mb(after2)} MB, after 20,000 ${mb(after3)} MB`);
      expect(n).toBe(20_500);
      // Generous bounds (V8 keeps heap pages it has grown into): near the start, and flat after.
      // "Near the start" is judged at the lowest of the three readings: with the larger server
      // bundle (the SMART model) V8 sometimes peaks at +66 MB after the first 10,000 cycles and
      // gives it back by 20,000 (seen: 102 -> 169 -> 157 -> 128 MB). A leak grows at every
      // reading, and the two checks below catch that.
      // The server has two V8 heaps now, its own and the lint worker's (each file opened here is
      // checked there before it is closed), and each keeps the pages it grew into: measured
      // +73 to +110 MB at the lowest reading on a machine at load 15 (+55 MB with
      // PLANLINT_LSP_LINT_WORKER=off in the same conditions), falling again by 20,000.
      expect(Math.min(after, after2, after3) - before).toBeLessThan(128 * 1024);
      expect(Math.min(after2 - after, after3 - after2)).toBeLessThan(12 * 1024);
      // Over the last 10,000 cycles together: V8 grows a heap in steps, and with the worker's
      // heap beside the main one a single step of +18 to +24 MB was seen in one stretch with the
      // other flat (158 -> 159 -> 183 MB). A leak grows in both stretches (the check above).
      expect(after3 - after).toBeLessThan(48 * 1024);
      // The server still works.
      c.open('file:///ws/last.plan.yaml', GOOD_PLAN, 'sentence-plan');
      expect((await c.diagnostics('file:///ws/last.plan.yaml', 1)).length).toBeGreaterThanOrEqual(0);
    } finally {
      await c.stop();
    }
  }, 240_000);
});

describe('an exception inside a rule', () => {
  // The server lints with the built-in rules and has no way to load others (by design), so a
  // failing rule cannot be injected into the bundled server. The server's diagnostics module is
  // driven in-process instead, with a lint that includes a rule that throws.
  const boom: Rule = {
    meta: { id: 'plan/boom', severity: 'error', policy: '', description: 'Throws.', fixable: 'none', inTemplates: true, docs: { rationale: 'x', bad: '', good: '' } },
    check() {
      throw new TypeError('Cannot read properties of undefined (reading Sample Person Three)');
    },
  };

  it('becomes one diagnostic on line 1 naming the rule, without content; the other rules still report', async () => {
    const s = makeState();
    const uri = 'file:///ws/boom.plan.yaml';
    const text = GOOD_PLAN.replace('plan_owner: crc_offender_manager', 'plan_owner: nobody');
    const doc = s.docs.open(uri, 'sentence-plan', 1, text);
    const state = {
      ...s,
      lintDoc: async () => {
        const result = lint(doc.text, { asOf: AS_OF, rules: [boom, ...ALL_RULES] });
        return { version: 1, key: 'k', result, conv: new Converter(result.parsed.lines), options: { asOf: AS_OF } };
      },
    };
    const diags = await new DiagnosticsFeature(state, new ConfigStore(() => {}, nodeConfigFs, nodePaths)).compute(doc);
    const internal = diags.filter((d) => d.code === 'meta/internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0].range.start.line).toBe(0);
    expect(internal[0].message).toContain('plan/boom');
    expect(internal[0].message).not.toContain('Sample Person');
    expect(diags.some((d) => d.code !== 'meta/internal-error')).toBe(true);
  });
});
