// Compare what a real editor saw (its JSON output) with the fixture's expectations.
// Usage: node test/e2e/check.mjs <client> <out.json> <expect.json>; exit 0 when they match.
import { readFileSync } from 'node:fs';

const [client, outPath, expectPath] = process.argv.slice(2);
const expected = JSON.parse(readFileSync(expectPath, 'utf8'));
let got;
try {
  got = JSON.parse(readFileSync(outPath, 'utf8'));
} catch (e) {
  console.log(`  ${client}: no output (${e.code ?? e.name})`);
  process.exit(1);
}
const norm = (list) => (Array.isArray(list) ? list : []).map((d) => `${d.rule}@${d.line}`).sort();
let ok = true;
for (const phase of ['initial', 'afterEdit']) {
  const want = norm(expected[phase]);
  const have = norm(got[phase]);
  const same = want.length === have.length && want.every((x, i) => x === have[i]);
  console.log(`  ${client} ${phase}: ${same ? 'ok' : 'MISMATCH'} [${have.join(', ')}]${same ? '' : ` expected [${want.join(', ')}]`}`);
  ok &&= same;
}
// What a person sees beyond diagnostics: a short hover, completion in the order of use, inlay hints.
const f = expected.features;
if (f) {
  const hover = typeof got.hover === 'string' ? got.hover : '';
  const visible = hover.replace(/\]\([^)]*\)/g, ']').replace(/\*\*|`|^---$/gm, '');
  const hoverOk = hover.includes(f.hover.contains) && visible.length <= f.hover.maxVisible;
  console.log(`  ${client} hover: ${hoverOk ? 'ok' : 'MISMATCH'} (${visible.length} visible characters${hover.includes(f.hover.contains) ? '' : `, no ${f.hover.contains}`})`);
  const labels = Array.isArray(got.completion) ? got.completion : [];
  const complOk = JSON.stringify(labels) === JSON.stringify(f.completion.labels);
  console.log(`  ${client} completion: ${complOk ? 'ok' : 'MISMATCH'} [${labels.join(', ')}]${complOk ? '' : ` expected [${f.completion.labels.join(', ')}]`}`);
  const hints = Array.isArray(got.inlayHints) ? got.inlayHints : [];
  const re = new RegExp(f.inlayHints.match);
  // The first hints are fixed by the as-of date the test sets: they show it reached the server.
  const first = f.inlayHints.first ?? [];
  const hintsOk = hints.length >= f.inlayHints.min && hints.every((h) => typeof h === 'string' && re.test(h)) && first.every((h, i) => hints[i] === h);
  console.log(`  ${client} inlay hints: ${hintsOk ? 'ok' : 'MISMATCH'} (${hints.length}: ${hints.slice(0, 3).join(' | ')})`);
  ok &&= hoverOk && complOk && hintsOk;
}
if (got.error) console.log(`  ${client}: ${got.error}`);
process.exit(ok ? 0 : 1);
