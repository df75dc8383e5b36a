#!/usr/bin/env node
// change -> diagnostics latency of the browser build of the language server (dist/web/server.js,
// the one VS Code for the Web starts in a web worker) against the Node server (dist/server.js
// over stdio), on a ~200-line and a ~5,000-line plan, both single-threaded (the Node server
// with PLANLINT_LSP_LINT_WORKER=off; these plans are under its worker threshold anyway).
//
// What is measured: there is no browser here, so the browser bundle runs in a Node
// worker_threads Worker with a shim of the three things it uses of a web worker's global scope
// (`onmessage`, `postMessage`, `addEventListener`; messages structured-cloned, as between a
// web worker and its page). Same engine, same server code, same V8 (Node's, not Chromium's):
// the difference is the browser host (hostBrowser.ts: no worker thread, config files asked of
// the client, a message-channel scheduler) and the transport (postMessage instead of stdio
// framing). The client answers planlint/readFiles with "missing" (a workspace without a
// .planlintrc.yaml). Time: from sending didChange (a one-character edit, debounce 0) to the
// publishDiagnostics of that version. Build first (`npm run build`).
//
//   node bench/lsp-web.mjs [--changes 40]

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { makePlan } from './plans.mjs';
import { asClient } from './lsp-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const nodeServer = resolve(root, 'dist/server.js');
const webServer = resolve(root, 'dist/web/server.js');
const { values } = parseArgs({ options: { changes: { type: 'string', default: '40' } } });
const nChanges = Math.max(10, Number(values.changes));
for (const f of [nodeServer, webServer]) {
  if (!existsSync(f)) {
    console.error(`${f} is missing: run \`npm run build\` first.`);
    process.exit(2);
  }
}
// vscode-jsonrpc's browser transport (its package exports it under the browser condition only).
const { BrowserMessageReader, BrowserMessageWriter } = createRequire(import.meta.url)(resolve(root, 'node_modules/vscode-jsonrpc/lib/browser/main.js'));

const AS_OF = '2026-11-23';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), min: s[0], n: s.length };
};

function planOf(lines, seed) {
  let size = Math.max(1, Math.floor(lines / 27));
  let t = makePlan(7, { size, seed, defectRate: 0.2, crlfRate: 0 });
  while (t.split('\n').length < lines) t = makePlan(7, { size: ++size, seed, defectRate: 0.2, crlfRate: 0 });
  return t;
}
const plans = [
  ['~200 lines', planOf(200, 9)],
  ['~5,000 lines', planOf(5000, 3)],
];

/** The worker shim: the global scope of a web worker, over worker_threads. */
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
let handler;
Object.defineProperty(globalThis, 'onmessage', { set(f) { handler = f; }, get() { return handler; } });
globalThis.self = globalThis;
globalThis.addEventListener = () => {};
globalThis.postMessage = (m) => parentPort.postMessage(m);
parentPort.on('message', (data) => handler && handler({ data }));
// A web worker has no process, require or Buffer: the bundle must not need them.
const load = new Function('src', 'process', 'require', 'Buffer', 'module', 'exports', 'eval(src)');
load(require('node:fs').readFileSync(workerData.script, 'utf8'), undefined, undefined, undefined, undefined, undefined);
`;

function startWeb() {
  const w = new Worker(SHIM, { eval: true, workerData: { script: webServer } });
  const listeners = [];
  w.on('message', (data) => listeners.forEach((l) => l({ data })));
  const port = {
    addEventListener: () => {},
    set onmessage(f) {
      listeners.push(f);
    },
    postMessage: (m) => w.postMessage(m),
  };
  return { conn: createMessageConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port)), stop: () => w.terminate() };
}

function startNode() {
  const proc = spawn(process.execPath, [nodeServer, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, PLANLINT_LSP_LINT_WORKER: 'off' } });
  return { conn: createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin)), stop: () => proc.kill() };
}

async function measure(which, start) {
  const { conn, stop } = start();
  const diagnosticsFor = asClient(conn, () => ({ asOf: AS_OF, validate: { debounceMs: 0 } }), { 'planlint/readFiles': (p) => p.files.map(() => ({ kind: 'missing' })) });
  const root = which === 'node' ? 'file:///bench' : 'vscode-vfs://github/team/plans';
  await conn.sendRequest('initialize', { processId: null, rootUri: root, capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  const out = [];
  for (const [name, text] of plans) {
    const uri = `${root}/${name.replace(/\W/g, '')}.plan.yaml`;
    let version = 1;
    let g = diagnosticsFor(uri, 1);
    const t0 = now();
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const findings = (await g).length;
    const open = now() - t0;
    const lines = text.split('\n');
    const statusLines = lines.map((l, i) => [l, i]).filter(([l]) => /^\s+status: /.test(l));
    const times = [];
    for (let i = 0; i < nChanges; i++) {
      // Pairs of changes: type a character into a value, then delete it again.
      const [l, line] = statusLines[(Math.floor(i / 2) * 7) % statusLines.length];
      const col = l.indexOf('status: ') + 8;
      const insert = i % 2 === 0;
      version++;
      g = diagnosticsFor(uri, version);
      const t1 = now();
      await conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: col }, end: { line, character: insert ? col : col + 1 } }, text: insert ? 'x' : '' }],
      });
      await g;
      times.push(now() - t1);
    }
    await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    out.push({ name, lines: lines.length, chars: text.length, findings, open, change: stats(times.slice(4)) });
  }
  await conn.sendRequest('shutdown').catch(() => undefined);
  conn.dispose();
  await stop();
  return out;
}

const node = await measure('node', startNode);
const web = await measure('web', startWeb);
const f = (x) => `${x.toFixed(1)} ms`;
console.log(`change -> diagnostics, single-threaded, ${nChanges - 4} timed changes each (after 4 warm-up), median / p95 / min:`);
for (let i = 0; i < plans.length; i++) {
  const n = node[i];
  const w = web[i];
  console.log(`  ${n.name} (${n.lines} lines, ${n.chars.toLocaleString('en-GB')} chars, ${n.findings} findings${w.findings === n.findings ? '' : ` / web ${w.findings}`}):`);
  console.log(`    Node server (stdio)             ${f(n.change.median)} / ${f(n.change.p95)} / ${f(n.change.min)}   (open -> diagnostics ${f(n.open)})`);
  console.log(`    browser server (worker shim)    ${f(w.change.median)} / ${f(w.change.p95)} / ${f(w.change.min)}   (open -> diagnostics ${f(w.open)})`);
}
