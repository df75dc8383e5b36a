// What local checks cost: time to lint N typical plans with every built-in rule, without and
// with 20 local checks (typical shapes: gates on the sentence, some/every/count over lists,
// dates within windows, globs). Prints numbers; not a timed test.
// Usage: npm run build && node bench/checks.mjs [--n 2000] [--runs 3]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { makeCorpus } from './plans.mjs';

const require = createRequire(import.meta.url);
const engine = require('../dist/engine.js');
const { values } = parseArgs({ options: { n: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' } } });
const n = Number(values.n);
const runs = Number(values.runs);
const corpus = makeCorpus(n);
const asOf = '2026-11-23';

const shapes = [
  (i) => `    when: [{ path: assessment.mappa.level, in: [2, 3] }, { path: sentence.setting, equals: custody }, { path: sentence.release_date, within: { weeks: ${20 + i} }, of: as_of }]\n    require: { some: objectives, where: { path: need, equals: accommodation } }`,
  (i) => `    each: objectives\n    when: { path: need, in: [accommodation, finance, drug_misuse] }\n    require: { path: target_date, before: $.sentence.sentence_end_date }`,
  (i) => `    require: { count: actions, where: { path: programme, exists: true }, lte: ${5 + i} }`,
  (i) => `    each: objectives\n    require: { all: [{ path: id, matches: "OBJ-*" }, { not: { path: description, matches: "*tbc*" } }, { path: target_date, within: { years: 3 }, of: as_of }] }`,
  (i) => `    when: { any: [{ path: person.english_first_language, equals: false }, { path: person.learning_disability, equals: true }] }\n    require: { every: actions, where: { any: [{ path: adapted, exists: true }, { path: programme, missing: true }] } }`,
];
const checks = Array.from({ length: 20 }, (_, i) => `  - id: local/bench-${i}\n    message: "bench ${i} {{sentence.setting}}"\n${shapes[i % shapes.length](i)}`).join('\n');
const cfgText = `checks:\n${checks}\n`;
const loaded = engine.loadConfigText(cfgText, 'bench.yaml', engine.ALL_RULES.map((r) => r.meta.id));
if (loaded.problems.length) throw new Error(JSON.stringify(loaded.problems));
const withChecks = loaded.config;
const without = engine.defaultConfig();

// Interleaved (A, B, A, B, …) so a busy machine slows both alike; medians of each.
function pass(config) {
  let findings = 0;
  const t0 = performance.now();
  for (const p of corpus) findings += engine.lint(p.text, { asOf, config }).findings.length;
  return { ms: performance.now() - t0, findings };
}
pass(without);
pass(withChecks); // warm-up
const msA = [];
const msB = [];
let fa = 0;
let fb = 0;
for (let i = 0; i < runs; i++) {
  const x = pass(without);
  const y = pass(withChecks);
  msA.push(x.ms);
  msB.push(y.ms);
  fa = x.findings;
  fb = y.findings;
}
const median = (xs) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
const a = { label: `every built-in rule (${engine.ALL_RULES.length})`, ms: median(msA), findings: fa };
const b = { label: '… and 20 local checks', ms: median(msB), findings: fb };
console.log(`${n} plans, median of ${runs} interleaved runs, Node ${process.version}`);
for (const r of [a, b]) console.log(`${r.label.padEnd(36)} ${r.ms.toFixed(0).padStart(7)} ms  ${(r.ms / n).toFixed(3)} ms/plan  ${r.findings} findings`);
console.log(`20 local checks add ${(b.ms - a.ms).toFixed(0)} ms (${((b.ms / a.ms - 1) * 100).toFixed(1)}%), ${((b.ms - a.ms) / n).toFixed(3)} ms/plan`);
