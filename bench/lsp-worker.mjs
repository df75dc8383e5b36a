#!/usr/bin/env node
// How long the language server's main thread is blocked while a document is checked, with the
// rule checks on the main thread (PLANLINT_LSP_LINT_WORKER=off: before the lint worker) and in
// the worker thread (after). Driven over stdio like an editor. While each change is checked, a
// probe (a hover on a small, already-checked document) is sent again as soon as it is answered;
// the longest probe round trip is how long the main thread could not answer anyone. The floor
// is the same probe with nothing being checked, measured in the same run. Cases run one after
// the other (one server at a time), each on its own server process.
// Build first (`npm run build`).
//
//   node bench/lsp-worker.mjs [--changes 20] [--hostile-changes 3] [--server dist/server.js]

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { manyItems } from '../test/fuzz/shapes.mjs';
import { makePlan } from './plans.mjs';
import { asClient } from './lsp-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { changes: { type: 'string', default: '20' }, 'hostile-changes': { type: 'string', default: '3' }, server: { type: 'string' } } });
const server = values.server ? resolve(values.server) : resolve(here, '../dist/server.js');
if (!existsSync(server)) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(2);
}
const AS_OF = '2026-11-23';
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const max = (xs) => Math.max(...xs);
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

let normal = makePlan(3, { size: 1, seed: 9, defectRate: 0, crlfRate: 0 });
for (let sz = 2; normal.split('\n').length < 200; sz++) normal = makePlan(3, { size: sz, seed: 9, defectRate: 0, crlfRate: 0 });
const hostile = manyItems(10_000);
const probeText = makePlan(1, { size: 1, seed: 2, defectRate: 0, crlfRate: 0 });

async function startServer(worker) {
  const env = { ...process.env, PLANLINT_LSP_LINT_WORKER: worker ? 'on' : 'off' };
  const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const diagnosticsFor = asClient(conn, () => ({ asOf: AS_OF, validate: { debounceMs: 0 } }));
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true }, textDocument: { hover: { contentFormat: ['markdown'] } } } });
  await conn.sendNotification('initialized', {});
  const probeUri = 'file:///bench/probe.plan.yaml';
  const g = diagnosticsFor(probeUri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: probeUri, languageId: 'yaml', version: 1, text: probeText } });
  await g;
  const probe = async () => {
    const t0 = now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri: probeUri }, position: { line: 2, character: 2 } });
    return now() - t0;
  };
  const stop = async () => {
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
    proc.kill();
  };
  return { conn, diagnosticsFor, probe, stop };
}

/** Open `text`, then `n` changes (whole text, alternately with a trailing comment); per change: latency to diagnostics and the longest probe. */
async function measure(worker, text, n) {
  const s = await startServer(worker);
  // The floor: probes with nothing being checked.
  const floor = [];
  for (let i = 0; i < 30; i++) floor.push(await s.probe());
  const uri = 'file:///bench/doc.plan.yaml';
  let g = s.diagnosticsFor(uri, 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await g;
  const latency = [];
  const blocked = [];
  for (let v = 2; v < n + 2; v++) {
    g = s.diagnosticsFor(uri, v);
    const t0 = now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: v % 2 ? text : `${text}# edit ${v}\n` }] });
    let done = false;
    const probes = [];
    const probing = (async () => {
      while (!done) probes.push(await s.probe());
    })();
    await g;
    latency.push(now() - t0);
    done = true;
    await probing;
    blocked.push(max(probes));
  }
  // What the main thread still pays with the worker: the first feature request on the document parses it there.
  const t1 = now();
  await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
  const firstHover = now() - t1;
  const t2 = now();
  await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 2 } });
  const nextHover = now() - t2;
  await s.stop();
  return { floor: median(floor), latency: median(latency), blocked: max(blocked), blockedMedian: median(blocked), firstHover, nextHover };
}

console.log(`planlint language server: main-thread blocking while a document is checked (node ${process.version})`);
console.log(`normal plan: ${normal.split('\n').length} lines; hostile: 10,000 objectives + 10,000 actions, ${(Buffer.byteLength(hostile) / 1e6).toFixed(1)} MB`);
console.log('case                      | probe floor | change -> diagnostics (median) | main thread blocked (max / median per change) | first hover on it | next hover');
for (const [name, text, n] of [['normal 200-line plan', normal, Number(values.changes)], ['hostile 10k+10k file', hostile, Number(values['hostile-changes'])]]) {
  for (const worker of [false, true]) {
    const r = await measure(worker, text, n);
    const label = `${name}, ${worker ? 'worker' : 'main  '}`;
    console.log(`${label.padEnd(26)}| ${ms(r.floor).padEnd(12)}| ${ms(r.latency).padEnd(31)}| ${`${ms(r.blocked)} / ${ms(r.blockedMedian)}`.padEnd(46)}| ${ms(r.firstHover).padEnd(18)}| ${ms(r.nextHover)}`);
  }
}
