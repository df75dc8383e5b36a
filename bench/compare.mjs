#!/usr/bin/env node
// `npm run bench`: planlint against the floor and the anchors on the same generated plans.
//
// Generates N plans with bench/plans.mjs (makeCorpus: sizes about 60–5,000 lines, ~20% with a defect, some
// with CRLF line endings, all with comments) and times, each as its own process, with
// /usr/bin/time for wall time and peak RSS:
//   floor      one process reading, parseDocument-ing and Ajv-validating every file (floor.mjs)
//   spectral   @stoplight/spectral-cli with a ruleset applying our JSON Schema (the `schema` function)
//   ajv-cli    ajv validate -d '*.plan.yaml' (it reads YAML with js-yaml, YAML 1.1)
//   planlint   every rule, --concurrency auto and off; then --cache cold and warm
// Spectral is slow, so it runs on the first --anchor-n plans (default 500) and its files/s
// is compared. The anchors come from bench/package.json (`npm install` in bench/ first).
//
// With --runs N every tool runs N times, in rounds (each round runs every tool once, so
// a burst of load from elsewhere hits them alike); the table gives the median wall time and
// the highest peak RSS. The machine this was built on shares its CPUs with other work: use
// --runs 3 for numbers to compare.
//
//   node bench/compare.mjs [--n 10000] [--runs 1] [--anchor-n 500] [--skip-anchors] [--keep]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeCorpus } from './plans.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const cli = join(repo, 'dist/cli.js');
const { values } = parseArgs({
  options: { n: { type: 'string', default: '10000' }, runs: { type: 'string', default: '1' }, 'anchor-n': { type: 'string', default: '500' }, 'skip-anchors': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});
const n = Number(values.n);
const runs = Number(values.runs);
const anchorN = Math.min(n, Number(values['anchor-n']));
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(anchorN) || anchorN < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/compare.mjs [--n 10000] [--runs 1] [--anchor-n 500] [--skip-anchors] [--keep]');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `npm run build` first (`npm run bench` does).');
  process.exit(2);
}
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('/usr/bin/time is needed for peak RSS (Debian/Ubuntu: apt-get install time).');
  process.exit(2);
}
const bin = (name) => join(here, 'node_modules/.bin', name);
const anchors = !values['skip-anchors'] && existsSync(bin('spectral')) && existsSync(bin('ajv'));
if (!values['skip-anchors'] && !anchors) console.error('note: the anchors are not installed (cd bench && npm install); measuring planlint and the floor only.');

// The corpus: N plans in folders of 500, and the first anchorN again for Spectral.
const root = mkdtempSync(join(tmpdir(), 'planlint-bench-compare-'));
const all = join(root, 'plans');
const sub = join(root, 'subset');
mkdirSync(sub);
let bytes = 0;
let lines = 0;
let crlf = 0;
let maxLines = 0;
let minLines = Infinity;
makeCorpus(n).forEach((p, i) => {
  const folder = join(all, `region-${String(Math.floor(i / 500)).padStart(2, '0')}`);
  if (i % 500 === 0) mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, p.name), p.text);
  if (i < anchorN) copyFileSync(join(folder, p.name), join(sub, p.name));
  const l = p.text.split('\n').length - 1;
  bytes += Buffer.byteLength(p.text);
  lines += l;
  maxLines = Math.max(maxLines, l);
  minLines = Math.min(minLines, l);
  if (p.text.includes('\r\n')) crlf++;
});
writeFileSync(join(root, 'ruleset.json'), JSON.stringify({ rules: { 'plan-schema': { given: '$', severity: 'error', then: { function: 'schema', functionOptions: { schema: JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(join(repo, 'schemas/sentence-plan.schema.json'), 'utf8'))), allErrors: true } } } } }));
const asOf = '2026-11-23';

function measure(label, files, argv, { okCodes = [0, 1] } = {}) {
  const r = spawnSync(TIME, ['-f', '%e %M', ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const m = /^([\d.]+) (\d+)$/.exec(last);
  const status = /Command exited with non-zero status (\d+)/.exec(r.stderr)?.[1];
  if (!m || (status !== undefined && !okCodes.includes(Number(status)))) {
    console.error(`${label} failed:\n${r.stderr.slice(-2000)}`);
    return { label, files, s: NaN, rss: NaN };
  }
  const row = { label, files, s: Number(m[1]), rss: Number(m[2]) / 1024 };
  console.error(`  ${label}: ${row.s.toFixed(2)} s, ${(files / row.s).toFixed(0)} files/s, ${row.rss.toFixed(0)} MB`);
  return row;
}

const node = process.execPath;
const planlint = (...extra) => [node, cli, '--format', 'json', '--exit-zero', '--as-of', asOf, ...extra, 'plans'];
console.error(`planlint bench: ${n} plans (${minLines}–${maxLines} lines, ${lines.toLocaleString('en-GB')} in all, ${(bytes / 1048576).toFixed(1)} MB, ${crlf} with CRLF), ${availableParallelism()} CPU(s), Node ${process.version}`);
const plan = [['floor: read + parseDocument + Ajv, one process', n, [node, join(here, 'floor.mjs'), 'plans'], { okCodes: [0] }]];
if (anchors) {
  plan.push([`spectral-cli 6, JSON Schema ruleset (first ${anchorN} plans)`, anchorN, [node, bin('spectral'), 'lint', '-r', 'ruleset.json', '-f', 'json', '--quiet', 'subset/*.plan.yaml']]);
  plan.push(['ajv-cli 5, JSON Schema only', n, [node, bin('ajv'), 'validate', '-s', join(repo, 'schemas/sentence-plan.schema.json'), '-d', 'plans/*/*.plan.yaml', '-c', 'ajv-formats', '--all-errors', '--strict=false', '--errors=no'], { okCodes: [0, 1] }]);
}
plan.push(['planlint, every rule, --concurrency off', n, planlint('--concurrency', 'off')]);
plan.push(['planlint, every rule, --concurrency auto', n, planlint('--concurrency', 'auto')]);
plan.push(['planlint --cache, cold (writes the cache)', n, planlint('--cache', '--cache-location', join(root, 'cache'))]);
plan.push(['planlint --cache, warm (nothing changed)', n, planlint('--cache', '--cache-location', join(root, 'cache'))]);
const samples = plan.map(() => []);
for (let round = 1; round <= runs; round++) {
  if (runs > 1) console.error(`round ${round} of ${runs}`);
  rmSync(join(root, 'cache'), { force: true }); // the cold run starts without a cache
  plan.forEach(([label, files, argv, opts], k) => samples[k].push(measure(label, files, argv, opts)));
}
const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const rows = plan.map(([label, files], k) => ({ label, files, s: median(samples[k].map((r) => r.s)), rss: Math.max(...samples[k].map((r) => r.rss)) }));

const rate = (r) => r.files / r.s;
const find = (p) => rows.find((r) => r.label.startsWith(p));
console.log(`\n${n} plans, ${minLines}–${maxLines} lines (${lines.toLocaleString('en-GB')} lines, ${(bytes / 1048576).toFixed(1)} MB), ${availableParallelism()} CPUs, Node ${process.version}\n`);
console.log(runs > 1 ? `Median wall time of ${runs} runs, highest peak RSS.\n` : '');
console.log('| run | files | wall (s) | files/s | peak RSS (MB) |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.label} | ${r.files} | ${r.s.toFixed(2)} | ${rate(r).toFixed(0)} | ${r.rss.toFixed(0)} |`);
const auto = find('planlint, every rule, --concurrency auto');
const floor = find('floor');
const spectral = find('spectral');
const cold = find('planlint --cache, cold');
const warm = find('planlint --cache, warm');
console.log('');
console.log(`planlint (auto) / floor files/s: ${(rate(auto) / rate(floor)).toFixed(2)}×`);
if (spectral) console.log(`planlint (auto) / spectral-cli files/s: ${(rate(auto) / rate(spectral)).toFixed(1)}×`);
console.log(`warm --cache / cold --cache wall time: ${(warm.s / cold.s).toFixed(3)}`);
console.log(`peak RSS of planlint (auto): ${auto.rss.toFixed(0)} MB`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
else console.error(`corpus kept in ${root}`);
