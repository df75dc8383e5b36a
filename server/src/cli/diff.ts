// A small unified diff (as `diff -u` prints it) for `--fix-dry-run`. Lines are compared after
// trimming the common head and tail; the middle uses an LCS table when it is small enough and
// is shown as one replaced block otherwise (plans are small; a 5 MB file still finishes).

const CONTEXT = 3;
const MAX_CELLS = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; text: string };

function splitLines(s: string): string[] {
  if (s === '') return [];
  const parts = s.split(/(?<=\r\n|\n|\r(?!\n))/);
  return parts;
}

function diffOps(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = a.slice(0, head).map((text) => ({ kind: ' ', text }));
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  if (am.length * bm.length > MAX_CELLS) {
    ops.push(...am.map((text) => ({ kind: '-' as const, text })), ...bm.map((text) => ({ kind: '+' as const, text })));
  } else {
    // lcs[i][j] = LCS length of am[i..] and bm[j..]
    const n = am.length;
    const m = bm.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        ops.push({ kind: ' ', text: am[i] });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ kind: '-', text: am[i++] });
      } else {
        ops.push({ kind: '+', text: bm[j++] });
      }
    }
  }
  ops.push(...a.slice(a.length - tail).map((text) => ({ kind: ' ' as const, text })));
  return ops;
}

/** A unified diff of two texts, or '' when they are equal. */
/** `fixedName`: the `+++` line's name (`NAME (fixed)` in English). */
export function unifiedDiff(before: string, after: string, name: string, fixedName = `${name} (fixed)`): string {
  if (before === after) return '';
  const ops = diffOps(splitLines(before), splitLines(after));
  // Group changed ops into hunks with CONTEXT lines around them.
  const changed = ops.map((o, k) => (o.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const lo = Math.max(0, k - CONTEXT);
    const hi = Math.min(ops.length - 1, k + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else hunks.push([lo, hi]);
  }
  let out = `--- ${name}\n+++ ${fixedName}\n`;
  let aLine = 1;
  let bLine = 1;
  let pos = 0;
  for (const [lo, hi] of hunks) {
    for (; pos < lo; pos++) {
      if (ops[pos].kind !== '+') aLine++;
      if (ops[pos].kind !== '-') bLine++;
    }
    const slice = ops.slice(lo, hi + 1);
    const aCount = slice.filter((o) => o.kind !== '+').length;
    const bCount = slice.filter((o) => o.kind !== '-').length;
    out += `@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@\n`;
    for (const o of slice) {
      const body = o.text.replace(/\r?\n$|\r$/, '');
      const hadEol = body.length !== o.text.length;
      out += `${o.kind}${body}\n`;
      if (!hadEol) out += '\\ No newline at end of file\n';
    }
    for (; pos <= hi; pos++) {
      if (ops[pos].kind !== '+') aLine++;
      if (ops[pos].kind !== '-') bLine++;
    }
  }
  return out;
}
