#!/usr/bin/env node
// Language server latency and memory, driven over stdio like an editor would:
// on a generated ~5,000-line plan, open -> diagnostics, change -> diagnostics (debounce 0),
// completion and hover latency (median, p95), and server RSS with 200 typical plans open,
// next to the time `yaml`'s parseDocument alone takes on the same file.
// Build first (`npm run build`).
//
//   node bench/lsp.mjs [--lines 5000] [--requests 60] [--open 200]

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { makePlan } from './plans.mjs';
import { asClient } from './lsp-client.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const server = resolve(here, '../dist/server.js');
const { values } = parseArgs({ options: { lines: { type: 'string', default: '5000' }, requests: { type: 'string', default: '60' }, open: { type: 'string', default: '200' } } });
const targetLines = Number(values.lines);
const nRequests = Math.max(50, Number(values.requests));
const nOpen = Number(values.open);
if (!existsSync(server)) {
  console.error('dist/server.js is missing: run `npm run build` first.');
  process.exit(2);
}

const AS_OF = '2026-11-23';
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: q(0.5), p95: q(0.95), n: s.length };
};
const fmt = (x) => `${x.toFixed(1)} ms`;
const now = () => Number(process.hrtime.bigint()) / 1e6;

// The big plan: the generator's smallest size reaching the target line count (LF endings).
let size = Math.max(1, Math.floor(targetLines / 27));
let big = makePlan(7, { size, seed: 3, defectRate: 0, crlfRate: 0 });
while (big.split('\n').length < targetLines) big = makePlan(7, { size: ++size, seed: 3, defectRate: 0, crlfRate: 0 });
const bigLines = big.split('\n').length;

// parseDocument alone, same file (warm, median of 20).
for (let i = 0; i < 3; i++) parseDocument(big, { keepSourceTokens: true });
const parseTimes = [];
for (let i = 0; i < 20; i++) {
  const t0 = now();
  parseDocument(big, { keepSourceTokens: true });
  parseTimes.push(now() - t0);
}
const parse = stats(parseTimes);

const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
let debounce = 0;
const diagnosticsFor = asClient(conn, () => ({ asOf: AS_OF, validate: { debounceMs: debounce } }));
await conn.sendRequest('initialize', {
  processId: process.pid,
  rootUri: null,
  capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } } },
});
await conn.sendNotification('initialized', {});

// open -> diagnostics
const openTimes = [];
let findings = 0;
for (let i = 0; i < 10; i++) {
  const uri = `file:///bench/big-${i}.plan.yaml`;
  const t0 = now();
  const got = diagnosticsFor(uri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: big } });
  findings = (await got).length;
  openTimes.push(now() - t0);
  await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

// change -> diagnostics: a one-character edit per change, incremental sync.
async function measureChanges(uri, text, n) {
  let version = 1;
  let g = diagnosticsFor(uri, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  await g;
  const ls = text.split('\n');
  const statusLines = ls.map((l, i) => [l, i]).filter(([l]) => /^\s+status: /.test(l));
  const times = [];
  for (let i = 0; i < n; i++) {
    // Pairs of changes: type a character into a value, then delete it again.
    const [l, line] = statusLines[(Math.floor(i / 2) * 7) % statusLines.length];
    const col = l.indexOf('status: ') + 8;
    const insert = i % 2 === 0;
    version++;
    g = diagnosticsFor(uri, version);
    const t0 = now();
    await conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: insert ? col : col + 1 } }, text: insert ? 'x' : '' }],
    });
    await g;
    times.push(now() - t0);
  }
  return times;
}
const uri = 'file:///bench/big.plan.yaml';
const lines = big.split('\n');
const changeTimes = await measureChanges(uri, big, nRequests);
// The same with the default, adaptive debounce, on the big plan and on a ~200-line one.
let small = makePlan(3, { size: 1, seed: 9, defectRate: 0, crlfRate: 0 });
for (let sz = 2; small.split('\n').length < 200; sz++) small = makePlan(3, { size: sz, seed: 9, defectRate: 0, crlfRate: 0 });
debounce = 'auto';
await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
const autoBig = await measureChanges('file:///bench/big-auto.plan.yaml', big, Math.min(30, nRequests));
const autoSmall = await measureChanges('file:///bench/small-auto.plan.yaml', small, Math.min(30, nRequests));
await conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///bench/big-auto.plan.yaml' } });
await conn.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///bench/small-auto.plan.yaml' } });
debounce = 0;
await conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });

// completion and hover at varied positions (the lint result is cached per version).
const compTimes = [];
const hoverTimes = [];
const targets = lines.map((l, i) => [l, i]).filter(([l]) => /^\s+(status|need|type|objective): /.test(l));
for (let i = 0; i < nRequests; i++) {
  const [l, line] = targets[(i * 13) % targets.length];
  const character = l.indexOf(': ') + 2;
  let t0 = now();
  await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  compTimes.push(now() - t0);
  t0 = now();
  await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: Math.max(0, character - 4) } });
  hoverTimes.push(now() - t0);
}

// RSS with many typical plans open.
const rss = () => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
await conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
const rssBefore = rss();
let typicalLines = 0;
for (let i = 0; i < nOpen; i++) {
  const u = `file:///bench/typical-${i}.plan.yaml`;
  const text = makePlan(i, { size: 1 + (i % 8), seed: 5 });
  typicalLines += text.split('\n').length;
  const w = diagnosticsFor(u, 1);
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'yaml', version: 1, text } });
  await w;
}
await new Promise((r) => setTimeout(r, 300));
const rssAfter = rss();

await conn.sendRequest('shutdown');
await conn.sendNotification('exit');
conn.dispose();

const open = stats(openTimes);
const change = stats(changeTimes);
const comp = stats(compTimes);
const hov = stats(hoverTimes);
console.log(`planlint language server benchmark (node ${process.version})`);
console.log(`plan: ${bigLines} lines, ${(Buffer.byteLength(big) / 1024).toFixed(0)} KiB, ${findings} findings`);
console.log(`yaml parseDocument alone:      median ${fmt(parse.median)}, p95 ${fmt(parse.p95)} (n=${parse.n})`);
console.log(`open -> diagnostics:           median ${fmt(open.median)}, p95 ${fmt(open.p95)} (n=${open.n})`);
console.log(`change -> diagnostics (d=0):   median ${fmt(change.median)}, p95 ${fmt(change.p95)} (n=${change.n}) = ${(change.median / parse.median).toFixed(2)}x parse`);
const ab = stats(autoBig);
const as = stats(autoSmall);
console.log(`change -> diagnostics (auto):  ${small.split('\n').length} lines: median ${fmt(as.median)}, p95 ${fmt(as.p95)}; ${bigLines} lines: median ${fmt(ab.median)}, p95 ${fmt(ab.p95)} (n=${as.n}, ${ab.n})`);
console.log(`completion:                    median ${fmt(comp.median)}, p95 ${fmt(comp.p95)} (n=${comp.n})`);
console.log(`hover:                         median ${fmt(hov.median)}, p95 ${fmt(hov.p95)} (n=${hov.n})`);
console.log(`server RSS: ${rssBefore.toFixed(0)} MiB idle -> ${rssAfter.toFixed(0)} MiB with ${nOpen} typical plans open (${typicalLines} lines in all)`);
