// The language server's lint worker (lsp/lintWorker.ts, issue 18 item 4): the rule checks run
// in a worker thread under a time and a memory budget, so a huge file never blocks requests
// on other documents; an overrun gives one clear diagnostic and the next edit checks again; a
// crashed or killed thread is replaced; stale results never publish.
// The bounds below are generous ("does not hang"); the speed numbers are in bench/lsp-worker.mjs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import { LintWorker, budgetFromEnv, type CheckOutcome } from '../../server/src/lsp/lintWorker.js';
import { manyItems } from '../fuzz/shapes.mjs';
import { AS_OF, bundleServer, GOOD_PLAN, startClient, type TestClient } from '../lsp/harness.js';

const TIME_FACTOR = Number(process.env.PLANLINT_TIME_FACTOR ?? 10);
/** 10,000 objectives + 10,000 actions: 1.6 MB, under the work budget, 1.4 s of rules on an idle machine. */
const HUGE: string = manyItems(10_000);
const config = defaultConfig();
const options = { asOf: AS_OF, config, maxChars: 5_000_000 };
const req = (key: string, text: string) => ({ key, text, options, configKey: 'c1' });

let script: string;
beforeAll(async () => {
  script = await bundleServer();
}, 120_000);

describe('LintWorker', () => {
  const workers: LintWorker[] = [];
  const make = (timeMs: number, memoryMb = 1024) => {
    const w = new LintWorker(script, { timeMs, memoryMb });
    workers.push(w);
    return w;
  };
  afterAll(async () => {
    for (const w of workers) await w.close();
  });

  it('gives the findings the engine gives in this thread', async () => {
    const w = make(60_000);
    const o = await w.check(req('a', GOOD_PLAN + 'unknown_key: 1\n'));
    expect(o.kind).toBe('ok');
    const here = lint(GOOD_PLAN + 'unknown_key: 1\n', options).findings;
    expect((o as Extract<CheckOutcome, { kind: 'ok' }>).findings).toEqual(here);
    expect(here.length).toBeGreaterThan(0);
  }, 60_000);

  it('over the time budget: stopped, and the next check runs in a fresh thread', async () => {
    const w = make(300);
    expect(await w.check(req('huge', HUGE))).toEqual({ kind: 'stopped', why: 'time', budget: { timeMs: 300, memoryMb: 1024 } });
    expect(w.started).toBe(1);
    // The budget counts from when the fresh thread has loaded the engine, so a tiny plan fits.
    expect((await w.check(req('small', 'sentence_plan: 1\n'))).kind).toBe('ok');
    expect(w.started).toBe(2);
  }, 120_000);

  it('over the memory budget: stopped with the memory reason', async () => {
    const w = make(120_000, 48);
    const o = await w.check(req('huge', HUGE));
    expect(o).toEqual({ kind: 'stopped', why: 'memory', budget: { timeMs: 120_000, memoryMb: 48 } });
  }, 180_000);

  it('a thread killed during a check is replaced and the check retried', async () => {
    const w = make(120_000);
    const p = w.check(req('huge', HUGE));
    // Wait until the thread is working on it, then kill it.
    while (!w.current) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    await w.current!.terminate();
    const o = await p;
    expect(o.kind).toBe('ok');
    expect(w.started).toBe(2);
  }, 180_000);

  it('a queued check superseded by a newer one of the same document is not run', async () => {
    const w = make(120_000);
    const first = w.check(req('huge', HUGE));
    const old = w.check(req('doc', 'sentence_plan: 1\nx: 1\n'));
    const latest = w.check(req('doc', 'sentence_plan: 1\nx: 2\n'));
    expect(await old).toEqual({ kind: 'superseded' });
    expect((await latest).kind).toBe('ok');
    expect((await first).kind).toBe('ok');
  }, 180_000);

  it('budgets from the environment, bounded', () => {
    expect(budgetFromEnv({ PLANLINT_LSP_LINT_TIMEOUT_MS: '500', PLANLINT_LSP_LINT_MEMORY_MB: '256' })).toEqual({ timeMs: 500, memoryMb: 256 });
    expect(budgetFromEnv({ PLANLINT_LSP_LINT_TIMEOUT_MS: 'x', PLANLINT_LSP_LINT_MEMORY_MB: '1' })).toEqual({ timeMs: 20_000, memoryMb: 1024 });
  });
});

describe('the language server with its lint worker', () => {
  let c: TestClient | undefined;
  afterAll(async () => c?.stop());

  it('answers hover and completion on another document while a huge file is being checked', async () => {
    ({ client: c } = await startClient());
    const small = 'file:///ws/small.plan.yaml';
    const huge = 'file:///ws/huge.plan.yaml';
    c.open(small, GOOD_PLAN);
    await c.diagnostics(small, 1, 30_000);
    c.open(huge, HUGE);
    // Give the server time to start the huge file's check (it takes seconds), then ask about the other file.
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    const hover = await c.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: small }, position: { line: 3, character: 2 } });
    const completion = await c.request<unknown[] | { items: unknown[] }>('textDocument/completion', { textDocument: { uri: small }, position: { line: 4, character: 0 } });
    const answeredIn = Date.now() - t0;
    // Answered while the huge file was still being checked: its diagnostics had not arrived.
    expect(c.lastPublished(huge)).toBeUndefined();
    expect(answeredIn).toBeLessThan(200 * TIME_FACTOR);
    expect(hover).not.toBeNull();
    expect(Array.isArray(completion) ? completion.length : completion.items.length).toBeGreaterThan(0);
    // And the huge file is checked in the end.
    const d = await c.diagnostics(huge, 1, 60_000 * (TIME_FACTOR / 10));
    expect(d.some((x) => x.code === 'meta/too-complex' && /stopped checking/.test(x.message))).toBe(false);
  }, 180_000);
});

describe('the language server over its time budget', () => {
  let c: TestClient | undefined;
  const saved = process.env.PLANLINT_LSP_LINT_TIMEOUT_MS;
  afterAll(async () => {
    await c?.stop();
    if (saved === undefined) delete process.env.PLANLINT_LSP_LINT_TIMEOUT_MS;
    else process.env.PLANLINT_LSP_LINT_TIMEOUT_MS = saved;
  });

  it('gives the document one diagnostic naming the limit (no content), and the next edit checks again', async () => {
    // The spawned server inherits this process's environment.
    process.env.PLANLINT_LSP_LINT_TIMEOUT_MS = '1000';
    ({ client: c } = await startClient());
    const uri = 'file:///ws/huge.plan.yaml';
    // 14,000 + 14,000 items (98,000 lines, just under the work budget): seconds of checking.
    const named = manyItems(14_000).replace('sentence_plan:', '# Zebedee Quirkfeather A1234BC\nsentence_plan:');
    c.open(uri, named);
    const d = await c.diagnostics(uri, 1, 60_000);
    expect(d).toHaveLength(1);
    expect(d[0].code).toBe('meta/too-complex');
    expect(d[0].message).toContain('took longer than 1 s');
    expect(d[0].message).not.toMatch(/Zebedee|A1234BC/);
    expect(d[0].range.start).toEqual({ line: 0, character: 0 });
    // The server is still there, and answers (the stopped file is not parsed on the main thread: no outline).
    expect(await c.request('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    // The next edit (a small plan) is checked again, in a fresh thread (warmed up before its budget starts).
    c.replace(uri, 2, GOOD_PLAN + 'unknown_key: 1\n');
    const last = await c.diagnostics(uri, 2, 60_000);
    expect(last.some((x) => /stopped checking/.test(x.message))).toBe(false);
    expect(last.some((x) => x.code === 'schema/shape' || x.code === 'schema/unknown-key' || /unknown/i.test(x.message))).toBe(true);
  }, 240_000);
});
