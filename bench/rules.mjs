// What the rules cost: time to lint N typical plans with (a) parse only, (b) parse +
// the schema rules, (c) every rule. Prints a table; not a timed test.
// Usage: npm run build && node bench/rules.mjs [--n 2000] [--runs 3]
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
const lines = corpus.reduce((s, p) => s + p.text.split('\n').length, 0);
const asOf = '2026-11-23';
const schemaRules = engine.ALL_RULES.filter((r) => r.meta.id.startsWith('schema/') || r.meta.id.startsWith('template/'));
// The SMART analysis (smart/specific and smart/measurable read each objective's sentence): its cost per objective.
const SMART_READ = new Set(['smart/specific', 'smart/measurable']);
const withoutSmartRead = engine.ALL_RULES.filter((r) => !SMART_READ.has(r.meta.id));
const objectives = corpus.reduce((s, p) => s + (p.text.match(/^\s*- id: OBJ-/gm) ?? []).length, 0);

function time(label, fn) {
  fn(); // warm-up
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { label, ms: ms[Math.floor(ms.length / 2)] };
}

let findings = 0;
const results = [
  time('parse only (yaml Parser + Composer + toJS)', () => { for (const p of corpus) engine.parseText(p.text).doc?.toJS(); }),
  time(`parse + schema rules (${schemaRules.length})`, () => { for (const p of corpus) engine.lint(p.text, { asOf, rules: schemaRules }); }),
  time(`every rule but smart/specific, smart/measurable`, () => { for (const p of corpus) engine.lint(p.text, { asOf, rules: withoutSmartRead }); }),
  time(`every rule (${engine.ALL_RULES.length})`, () => { findings = 0; for (const p of corpus) findings += engine.lint(p.text, { asOf }).findings.length; }),
];
console.log(`${n} plans, ${lines.toLocaleString('en-GB')} lines, median of ${runs} runs, Node ${process.version}`);
for (const r of results) console.log(`${r.label.padEnd(48)} ${r.ms.toFixed(0).padStart(7)} ms  ${(n / (r.ms / 1000)).toFixed(0).padStart(7)} plans/s  ${(r.ms / n).toFixed(3)} ms/plan`);
const [, schema, noSmart, all] = results;
console.log(`smart/specific + smart/measurable (the sentence analysis): +${(all.ms - noSmart.ms).toFixed(0)} ms over ${objectives} objectives, ${((all.ms - noSmart.ms) / objectives).toFixed(3)} ms per objective`);
console.log(`rules over parse + schema: +${(all.ms - schema.ms).toFixed(0)} ms (${((all.ms / schema.ms - 1) * 100).toFixed(0)}%), ${((all.ms - schema.ms) / n).toFixed(3)} ms/plan; ${findings} findings`);
