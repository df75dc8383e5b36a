// Hostile shapes for issue 18 item 4 and 5: small files (all under the 5 MB limit) whose
// cost grows faster than their size in a naive linter. Plain JS so that bench/hostile.mjs
// (which prints numbers) and the tests (which assert behaviour) use the same inputs.
// Each generator takes a size and returns text; none reads a file.

const HEAD = 'sentence_plan: 1\nkind: plan\n';

/** `x: ` followed by `n` unclosed `{`: each brace opens a flow map whose key is the next one. */
export function deepFlowOpen(n, open = '{') {
  return `${HEAD}x: ${open.repeat(n)}\n`;
}

/** Closed flow nesting, `[[[…]]]` or `{a: {a: …}}`, `n` levels. */
export function deepFlowClosed(n, kind = '[') {
  return kind === '['
    ? `${HEAD}x: ${'['.repeat(n)}${']'.repeat(n)}\n`
    : `${HEAD}x: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`;
}

/** `n` distinct keys in one mapping (the top level), optionally with one duplicate at the end. */
export function manyKeys(n, { duplicate = false } = {}) {
  const lines = [HEAD.trimEnd()];
  for (let i = 0; i < n; i++) lines.push(`k${i}: 1`);
  if (duplicate) lines.push('k0: 2');
  return `${lines.join('\n')}\n`;
}

/** `n` anchor/alias pairs in a sequence: `- &a0 v` then `- *a0`. */
export function manyAnchors(n) {
  const lines = [HEAD.trimEnd(), 'x:'];
  for (let i = 0; i < n; i++) lines.push(`  - &a${i} v${i}`, `  - *a${i}`);
  return `${lines.join('\n')}\n`;
}

/** `ids` objectives whose ids are `idLength` characters, and one action referring to a `refLength`-character id. */
export function longReferences(ids = 100, idLength = 4096, refLength = 300_000) {
  const lines = [HEAD.trimEnd(), 'objectives:'];
  for (let i = 0; i < ids; i++) {
    const id = `O${i}-`.padEnd(idLength, String.fromCharCode(97 + (i % 26)));
    lines.push(`  - id: ${id}`, '    description: Complete the employment course at the local college.');
  }
  lines.push('actions:', '  - id: ACT-1', `    objective: ${'R'.padEnd(refLength, 'q')}`, '    description: Attend the course.');
  return `${lines.join('\n')}\n`;
}

/** `objectives` objectives and `actions` actions, each action serving one objective. */
export function manyItems(objectives, actions = objectives) {
  const out = [HEAD, 'objectives:\n'];
  for (let i = 1; i <= objectives; i++) {
    out.push(`  - id: OBJ-${i}\n    need: accommodation\n    description: Find a settled home.\n    measure: A tenancy.\n`);
  }
  out.push('actions:\n');
  for (let i = 1; i <= actions; i++) {
    out.push(`  - id: ACT-${i}\n    objective: OBJ-${1 + (i % objectives)}\n    description: Go.\n`);
  }
  return out.join('');
}

/** `n` lines of `\tx: 1`: a syntax error on every line. */
export function tabLines(n) {
  return HEAD + '\tx: 1\n'.repeat(n);
}

/** A config (YAML text) replacing the smart word lists with `n` phrases each, and a plan with one long description and measure. */
export function bigWordLists(n = 20_000, descriptionWords = 20_000) {
  const phrases = [];
  for (let i = 0; i < n; i++) phrases.push(`    - "w${i} x${i % 97} y${i % 89}"`);
  const config = `policy:\n  smart:\n    vague_phrases:\n${phrases.join('\n')}\n    observable_words:\n${phrases.join('\n')}\n`;
  const text = Array.from({ length: descriptionWords }, (_, i) => `w${(i * 7) % n}`).join(' ');
  const plan = `${HEAD}objectives:\n  - id: OBJ-1\n    need: accommodation\n    description: ${text}\n    measure: ${text}\n    target_date: 2027-03-31\n    status: in_progress\n`;
  return { config, plan };
}

/** Every hostile file of issue 18 item 4 at the size the issue reports. */
export const ISSUE_CASES = {
  'flow-open-400': () => deepFlowOpen(400),
  'flow-open-500': () => deepFlowOpen(500),
  'flow-open-1000': () => deepFlowOpen(1000),
  'flow-open-20000': () => deepFlowOpen(20_000),
  'flow-seq-open-20000': () => deepFlowOpen(20_000, '['),
  'keys-50000': () => manyKeys(50_000),
  'anchors-30000': () => manyAnchors(30_000),
  'long-references': () => longReferences(),
  'items-20000': () => manyItems(20_000),
  'items-10000': () => manyItems(10_000),
  'tab-lines-800000': () => tabLines(800_000),
};

/**
 * A random hostile shape for the fuzz suite: `rnd` returns a float in [0, 1). Sizes are kept
 * small enough for `npm test` yet past the point where a quadratic step would show.
 */
export function randomShape(rnd) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = int(0, 6);
  switch (pick) {
    case 0: return { shape: 'flow-open', text: deepFlowOpen(int(50, 3000), rnd() < 0.5 ? '{' : '[') };
    case 1: return { shape: 'flow-closed', text: deepFlowClosed(int(50, 3000), rnd() < 0.5 ? '{' : '[') };
    case 2: return { shape: 'keys', text: manyKeys(int(100, 20_000), { duplicate: rnd() < 0.5 }) };
    case 3: return { shape: 'anchors', text: manyAnchors(int(100, 10_000)) };
    case 4: return { shape: 'long-references', text: longReferences(int(1, 50), int(10, 4096), int(10, 100_000)) };
    case 5: return { shape: 'items', text: manyItems(int(10, 3000), int(10, 3000)) };
    default: return { shape: 'tab-lines', text: tabLines(int(100, 100_000)) };
  }
}
