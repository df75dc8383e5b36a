// How well smart/specific and smart/measurable judge objectives, on a labelled corpus.
// Usage: npm run bench:smart -- CORPUS.jsonl [--max-errors N]
//    or: PLANLINT_SMART_CORPUS=CORPUS.jsonl npm run bench:smart
// The corpus is JSON Lines, one item a line:
//   {"id", "field": "description"|"measure", "text", "context": {"need", "description"?,
//    "harm_reduction"?}, "label": "ok"|"not_smart", "why"?, "hard"?}
// Each item becomes objective OBJ-1 of a small plan (the text in its field, a neutral
// specific/measurable text in the other), linted with the engine; it is predicted not_smart
// when smart/specific (description) or smart/measurable (measure) reports on OBJ-1. not_smart is
// the positive class. Prints precision, recall, F1 and accuracy per field, accuracy on hard and
// easy items, the time per objective, then every error. Not a test: it prints numbers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'max-errors': { type: 'string', default: '1000' } } });
const corpusPath = positionals[0] ?? process.env.PLANLINT_SMART_CORPUS;
if (!corpusPath) {
  console.error('bench:smart: no corpus given. Pass a labelled JSON Lines corpus:\n  npm run bench:smart -- path/to/corpus.jsonl\nor set PLANLINT_SMART_CORPUS=path/to/corpus.jsonl (the format is described at the top of bench/smart.mjs and in docs/smart-analysis.md).');
  process.exit(2);
}
let items;
try {
  items = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim()).map((l, n) => {
    try { return JSON.parse(l); } catch { throw new Error(`line ${n + 1} is not JSON`); }
  });
} catch (e) {
  console.error(`bench:smart: cannot read the corpus: ${e.message}`);
  process.exit(2);
}
const engine = require('../dist/engine.js');
const AS_OF = '2026-11-23';
const NEUTRAL_DESCRIPTION = 'Complete the agreed six-session course with the named provider before the target date.';
const NEUTRAL_MEASURE = 'All six sessions attended and a completion certificate issued by the target date.';
const q = (s) => JSON.stringify(String(s));
const AREAS = new Set(['accommodation', 'education_training_employment', 'finance', 'relationships', 'lifestyle_associates', 'drug_misuse', 'alcohol_misuse', 'emotional_wellbeing', 'thinking_behaviour', 'attitudes']);

function planText(it) {
  const ctx = it.context ?? {};
  const need = AREAS.has(ctx.need) ? ctx.need : 'thinking_behaviour';
  const description = it.field === 'description' ? it.text : (ctx.description ?? NEUTRAL_DESCRIPTION);
  const measure = it.field === 'measure' ? it.text : NEUTRAL_MEASURE;
  return `sentence_plan: 1\nkind: plan\nobjectives:\n  - id: OBJ-1\n    need: ${need}\n    description: ${q(description)}\n    measure: ${q(measure)}\n    target_date: 2027-03-31\n    status: in_progress\n    harm_reduction: ${ctx.harm_reduction ? 'true' : 'false'}\n`;
}

const rules = engine.ALL_RULES.filter((r) => r.meta.id === 'smart/specific' || r.meta.id === 'smart/measurable');
const results = [];
const tLoad = performance.now();
engine.lint(planText({ field: 'description', text: NEUTRAL_DESCRIPTION, context: {} }), { asOf: AS_OF, rules }); // loads the tagger
const loadMs = performance.now() - tLoad;
const t0 = performance.now();
for (const it of items) {
  if (it.field !== 'description' && it.field !== 'measure') continue;
  const rule = it.field === 'description' ? 'smart/specific' : 'smart/measurable';
  const fs = engine.lint(planText(it), { asOf: AS_OF, rules }).findings.filter((f) => f.ruleId === rule && /\bOBJ-1\b/.test(f.message));
  results.push({ it, predicted: fs.length ? 'not_smart' : 'ok', message: fs[0]?.message });
}
const ms = performance.now() - t0;

const score = (rs) => {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const r of rs) {
    const pos = r.it.label === 'not_smart';
    if (r.predicted === 'not_smart') pos ? tp++ : fp++;
    else pos ? fn++ : tn++;
  }
  const f = (x) => (Number.isFinite(x) ? x.toFixed(3) : '  -  ');
  return { n: rs.length, tp, fp, fn, tn, p: f(tp / (tp + fp)), r: f(tp / (tp + fn)), f1: f((2 * tp) / (2 * tp + fp + fn)), acc: f((tp + tn) / rs.length) };
};
const acc = (rs) => (rs.length ? (rs.filter((r) => (r.predicted === 'not_smart') === (r.it.label === 'not_smart')).length / rs.length).toFixed(3) : '  -  ');

console.log(`${results.length} items from ${corpusPath}; not_smart is the positive class; ${(ms / results.length).toFixed(3)} ms per item (parse + the 2 rules; first use, with the tagger's load, ${loadMs.toFixed(0)} ms)`);
console.log(`${'field'.padEnd(12)} ${'n'.padStart(4)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)} ${'TN'.padStart(4)}  precision recall    F1  accuracy  hard acc  easy acc`);
for (const [name, rs] of [['description', results.filter((r) => r.it.field === 'description')], ['measure', results.filter((r) => r.it.field === 'measure')], ['all', results]]) {
  const s = score(rs);
  console.log(`${name.padEnd(12)} ${String(s.n).padStart(4)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)} ${String(s.tn).padStart(4)}      ${s.p}  ${s.r}  ${s.f1}     ${s.acc}     ${acc(rs.filter((r) => r.it.hard))}     ${acc(rs.filter((r) => !r.it.hard))}`);
}
const errors = results.filter((r) => (r.predicted === 'not_smart') !== (r.it.label === 'not_smart'));
console.log(`\nerrors: ${errors.length} (${errors.filter((r) => r.predicted === 'not_smart').length} false alarms, ${errors.filter((r) => r.predicted === 'ok').length} misses)`);
// corpus text is printed JSON-escaped, so no control character reaches the terminal
for (const r of errors.slice(0, Number(values['max-errors']))) {
  console.log(`  ${JSON.stringify(String(r.it.id))} ${r.it.field} labelled ${r.it.label}, predicted ${r.predicted}: ${JSON.stringify(r.it.text)}`);
  if (r.it.why) console.log(`      why: ${JSON.stringify(r.it.why)}`);
  if (r.message) console.log(`      message: ${JSON.stringify(r.message)}`);
}
