#!/usr/bin/env node
// Command-line throughput: generate N typical plans (60–300 lines, varied ids, dates and
// scores, about 20% with a defect, some with CRLF line endings) into a temp folder, then time
// `node dist/cli.js --format json --exit-zero <dir>`: one warm-up run and three timed runs.
// Prints files/second and wall time. Build first (`npm run bench:cli` does).
//
//   node bench/cli.mjs [--n 2000] [--runs 3] [--keep]

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makePlan, rng } from './plans.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../dist/cli.js');
const { values } = parseArgs({
  options: { n: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } },
});
const n = Number(values.n);
const runs = Number(values.runs);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/cli.mjs [--n 2000] [--runs 3] [--keep]');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first (or `npm run bench:cli`).');
  process.exit(2);
}

// Typical plans: 1–8 objectives (about 80–285 lines), spread over a few folders.
const dir = mkdtempSync(join(tmpdir(), 'planlint-bench-cli-'));
writeFileSync(join(dir, '.planlintrc.yaml'), 'rules: {}\n');
let bytes = 0;
let lines = 0;
for (let i = 0; i < n; i++) {
  const size = 1 + Math.floor(rng(104729 + i)() * 8);
  const text = makePlan(i, { size, seed: 1 });
  const sub = join(dir, `team-${i % 20}`);
  if (i < 20) mkdirSync(sub, { recursive: true });
  writeFileSync(join(sub, `plan-${String(i).padStart(5, '0')}.plan.yaml`), text);
  bytes += Buffer.byteLength(text);
  lines += text.split('\n').length - 1;
}

const args = [cli, '--format', 'json', '--exit-zero', '--as-of', '2026-11-23', dir];
function once() {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    console.error(`planlint exited ${r.status}:\n${r.stderr}`);
    process.exit(1);
  }
  const report = JSON.parse(r.stdout);
  if (report.length !== n) {
    console.error(`expected ${n} files in the report, got ${report.length}`);
    process.exit(1);
  }
  return { ms, findings: report.reduce((s, f) => s + f.findings.length, 0) };
}

console.log(`planlint CLI benchmark: ${n} plans, ${lines.toLocaleString('en-GB')} lines, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${cpus().length} CPU(s), Node ${process.version}`);
const warm = once();
console.log(`warm-up: ${(warm.ms / 1000).toFixed(2)} s, ${warm.findings} findings`);
const times = [];
for (let i = 0; i < runs; i++) {
  const { ms } = once();
  times.push(ms);
  console.log(`run ${i + 1}: ${(ms / 1000).toFixed(2)} s  ${(n / (ms / 1000)).toFixed(0)} files/s`);
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)];
console.log(`median: ${(median / 1000).toFixed(2)} s wall, ${(n / (median / 1000)).toFixed(0)} files/s (best ${(n / (sorted[0] / 1000)).toFixed(0)} files/s)`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
else console.log(`plans kept in ${dir}`);
