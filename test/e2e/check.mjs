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
if (got.error) console.log(`  ${client}: ${got.error}`);
process.exit(ok ? 0 : 1);
