// Shared pieces of the fuzz tests: the samples, a fast-check arbitrary that mutates them
// (delete / duplicate / swap lines, re-indent, insert hostile characters, change line
// breaks), the run settings (fixed seed and bounded count in `npm test`; `npm run fuzz`
// runs longer with a random seed that is printed for reproduction), and timing statistics.

import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const AS_OF = '2026-11-23';

export interface Sample {
  name: string;
  text: string;
}

export const SAMPLES: Sample[] = ['good', 'bad', 'templates'].flatMap((dir) =>
  readdirSync(join(ROOT, 'samples', dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(ROOT, 'samples', dir, f), 'utf8') })),
);

/** Fragments people (and broken tools) put into YAML: structure, anchors, line breaks, odd code units. */
const FRAGMENTS = [
  '\uD800', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\uD83D\uDE00', // a real surrogate pair (emoji)
  '\r', '\r\n', '\n', '\t', '\u0000', '\uFEFF', '\u2028', '\u0085',
  '&a ', '*a', '&x [1, *x]', '<<: *a', '{', '[', '}', ']', '{[', ', ', ': ', ':', '- ', '-', '? ', '|', '>', '#', '# planlint-disable ', '"', "'", '\\',
  '---', '...', '%YAML 1.1', '!!js/function ', '!include ', '!!binary ', '!!str ', '__proto__: ', 'constructor: ', 'toString: ',
  'sentence_plan: 1', 'kind: template', 'id: OBJ-1', 'objective: OBJ-9', 'after: [ACT-1, ACT-1]', 'date: 2026-02-30', '9999-99-99', '1e400', '-0', '.nan', 'null', '~', 'yes',
];

const fragmentArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }, // any code point, incl. astral
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }) }, // any UTF-16 unit, incl. lone surrogates
);

export type Op =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'indent'; at: number; by: number; tab: boolean }
  | { op: 'insert'; at: number; col: number; text: string }
  | { op: 'eol'; at: number; eol: '\r' | '\r\n' | '\n' | '' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -6, max: 6 }), tab: fc.boolean() }),
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), col: fc.nat(), text: fragmentArb }) },
  fc.record({ op: fc.constant('eol' as const), at: fc.nat(), eol: fc.constantFrom('\r' as const, '\r\n' as const, '\n' as const, '' as const) }),
);

/** Apply mutations to a text, line by line (each line keeps its own line break). */
export function mutate(text: string, ops: readonly Op[]): string {
  // Lines with their breaks, so a changed break survives the rejoin.
  const lines = text.match(/[^\r\n]*(\r\n|\r|\n)|[^\r\n]+$/g) ?? [''];
  for (const o of ops) {
    if (!lines.length) lines.push('');
    const i = o.at % lines.length;
    switch (o.op) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, lines[i]);
        break;
      case 'swap': {
        const j = o.with % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 'indent': {
        const l = lines[i];
        const body = l.replace(/^[ \t]*/, '');
        const indent = l.length - body.length;
        const n = Math.max(0, indent + o.by);
        lines[i] = (o.tab && n > 0 ? '\t' + ' '.repeat(n - 1) : ' '.repeat(n)) + body;
        break;
      }
      case 'insert': {
        const l = lines[i];
        const c = o.col % (l.length + 1);
        lines[i] = l.slice(0, c) + o.text + l.slice(c);
        break;
      }
      case 'eol': {
        const l = lines[i].replace(/(\r\n|\r|\n)$/, '');
        lines[i] = l + o.eol;
        break;
      }
    }
  }
  return lines.join('');
}

export interface Mutant {
  sample: string;
  ops: Op[];
  text: string;
}

export const mutantArb: fc.Arbitrary<Mutant> = fc
  .record({ s: fc.nat({ max: SAMPLES.length - 1 }), ops: fc.array(opArb, { minLength: 1, maxLength: 10 }) })
  .map(({ s, ops }) => ({ sample: SAMPLES[s].name, ops, text: mutate(SAMPLES[s].text, ops) }));

// ---------------------------------------------------------------------------
// Run settings.

/** `npm run fuzz` sets PLANLINT_FUZZ=long: more runs, a random seed (printed). */
export const LONG = process.env.PLANLINT_FUZZ === 'long';

export function fuzzSettings(name: string, defaultRuns: number, longRuns: number): { seed: number; numRuns: number } {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : LONG ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : 20261123;
  const numRuns = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : LONG ? longRuns : defaultRuns;
  // Printed so that a failing long run can be replayed: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npm run fuzz
  console.log(`fuzz ${name}: seed ${seed}, ${numRuns} runs (replay: FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns} npm run fuzz)`);
  return { seed, numRuns };
}

/**
 * The per-input time budget. 200 ms is the target for inputs under 100 KB; the tests run
 * on shared, busy CI machines, so the asserted maximum is that times a factor
 * (PLANLINT_TIME_FACTOR, default 10). The median is asserted against the plain 200 ms.
 */
export const BUDGET_MS = 200;
export const TIME_FACTOR = Number(process.env.PLANLINT_TIME_FACTOR ?? 10);

export class Timings {
  readonly ms: number[] = [];
  slowest = { ms: -1, what: '' };
  add(ms: number, what = ''): void {
    this.ms.push(ms);
    if (ms > this.slowest.ms) this.slowest = { ms, what };
  }
  stats(): { n: number; median: number; p99: number; max: number } {
    const s = [...this.ms].sort((a, b) => a - b);
    const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
    return { n: s.length, median: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? 0 };
  }
  summary(name: string): string {
    const t = this.stats();
    return `${name}: ${t.n} inputs, median ${t.median.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms, max ${t.max.toFixed(1)} ms (${this.slowest.what})`;
  }
}
