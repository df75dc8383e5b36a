// Fuzzing the language server's feature handlers in-process with mutated samples. The
// handlers are plain functions of a ServerState (documents, cached lint, client features),
// so the test builds that state without a connection: it drives the same code the server
// runs, minus JSON-RPC. Per input: diagnostics, completion, hover, definition, references,
// prepareRename/rename, code actions (quick fixes, disable comments, fix-all), document
// symbols, folding ranges and code lenses at random positions. Nothing throws (except the
// protocol errors rename is documented to answer), every range lies inside the document,
// code action edits never add a YAML syntax error, and each input stays within the budget.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ResponseError, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { LineIndex } from '../../server/src/engine/lines.js';
import { parseText } from '../../server/src/engine/parse.js';
import { codeActions } from '../../server/src/lsp/codeActions.js';
import { codeLenses } from '../../server/src/lsp/codeLens.js';
import { completion } from '../../server/src/lsp/completion.js';
import { toDiagnostic } from '../../server/src/lsp/convert.js';
import { foldingRanges } from '../../server/src/lsp/folding.js';
import { hover } from '../../server/src/lsp/hover.js';
import { definition, prepareRename, references, rename } from '../../server/src/lsp/navigation.js';
import { documentSymbols } from '../../server/src/lsp/symbols.js';
import { makeState } from './state.js';
import { AS_OF, BUDGET_MS, fuzzSettings, LONG, mutantArb, SAMPLES, TIME_FACTOR, Timings } from './mutate.js';

const errors = (text: string): number => parseText(text).problems.filter((p) => p.severity === 'error').length;

function checkRange(lines: LineIndex, r: Range, what: string): void {
  for (const p of [r.start, r.end]) {
    expect(p.line, what).toBeGreaterThanOrEqual(0);
    expect(p.line, what).toBeLessThan(lines.lineCount);
    expect(p.character, what).toBeGreaterThanOrEqual(0);
    expect(p.character, what).toBeLessThanOrEqual(lines.lineText(p.line).length);
  }
  expect(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), what).toBe(true);
}

function editsOf(e: WorkspaceEdit | null | undefined, uri: string): LspTextEdit[] {
  if (!e) return [];
  if (e.documentChanges) return e.documentChanges.flatMap((d) => ('edits' in d && d.textDocument.uri === uri ? (d.edits as LspTextEdit[]) : []));
  return e.changes?.[uri] ?? [];
}

function applyLsp(lines: LineIndex, edits: LspTextEdit[]): string {
  const spans = edits.map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = lines.text;
  for (const x of spans) out = out.slice(0, x.s) + x.t + out.slice(x.e);
  return out;
}

/** Rename and prepareRename answer a protocol error away from an id: allowed. Anything else is a bug. */
async function allowResponseError<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof ResponseError) return undefined;
    throw e;
  }
}

const times = new Timings();
let requests = 0;
let actionEditsApplied = 0;

describe('fuzz: language server handlers on mutated samples', () => {
  const run = fuzzSettings('lsp handlers', 60, 2_000);
  const s = makeState();

  it('warm-up (first lint compiles the schemas; not timed)', async () => {
    const doc = s.docs.open('file:///fuzz/warm.plan.yaml', 'sentence-plan', 1, SAMPLES[0].text);
    expect(await s.lintDoc(doc)).toBeDefined();
    s.docs.close(doc.uri);
  });

  it(`completion, hover, navigation, rename, code actions, symbols, folding, lenses: ${run.numRuns} mutants`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mutantArb, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), async ({ text, sample }, spots) => {
        await new Promise((r) => setImmediate(r));
        const uri = `file:///fuzz/m${n++}.plan.yaml`;
        const t0 = performance.now();
        const doc = s.docs.open(uri, 'sentence-plan', 1, text);
        const lines = new LineIndex(text);
        const l = (await s.lintDoc(doc))!;
        const td = { uri };
        const diags = l.result.findings.map((f) => toDiagnostic(f, l.conv, uri));
        for (const d of diags) checkRange(lines, d.range, `diagnostic ${d.code}`);
        const before = errors(text);
        for (const [k, spot] of spots.entries()) {
          // The first spot is on a finding (when there is one), so its code actions are exercised.
          const fs = l.result.findings;
          const offset = k === 0 && fs.length ? fs[spot % fs.length].span.start : spot % (text.length + 1);
          const position = l.conv.toPosition(offset);
          const range = { start: position, end: position };
          const items = await completion(s, { textDocument: td, position });
          for (const i of items) if (i.textEdit && 'range' in i.textEdit) checkRange(lines, i.textEdit.range, `completion ${i.label}`);
          const h = await hover(s, { textDocument: td, position });
          if (h) expect(typeof (h.contents as { value: string }).value).toBe('string');
          for (const loc of (await definition(s, { textDocument: td, position })) ?? []) checkRange(lines, loc.range, 'definition');
          for (const loc of await references(s, { textDocument: td, position, context: { includeDeclaration: true } })) checkRange(lines, loc.range, 'references');
          const pr = await allowResponseError(prepareRename(s, { textDocument: td, position }));
          if (pr) checkRange(lines, pr.range, 'prepareRename');
          const rn = await allowResponseError(rename(s, { textDocument: td, position, newName: 'ACT-99' }));
          for (const e of editsOf(rn, uri)) checkRange(lines, e.range, 'rename');
          const actions = await codeActions(s, { textDocument: td, range, context: { diagnostics: diags } });
          for (const a of actions) {
            const edits = editsOf(a.edit, uri);
            for (const e of edits) checkRange(lines, e.range, `code action ${a.title}`);
            if (edits.length) {
              actionEditsApplied++;
              expect(errors(applyLsp(lines, edits)), `code action ${a.title}`).toBeLessThanOrEqual(before);
            }
          }
          requests += 8;
        }
        const syms = await documentSymbols(s, { textDocument: td });
        const walk = (xs: typeof syms): void => {
          for (const x of xs as { name: string; range: Range; selectionRange: Range; children?: unknown[] }[]) {
            checkRange(lines, x.range, `symbol ${x.name}`);
            checkRange(lines, x.selectionRange, `symbol ${x.name} selection`);
            walk((x.children ?? []) as typeof syms);
          }
        };
        walk(syms);
        for (const f of await foldingRanges(s, { textDocument: td })) {
          expect(f.startLine).toBeLessThanOrEqual(f.endLine);
          expect(f.endLine).toBeLessThan(lines.lineCount);
        }
        for (const c of await codeLenses(s, { textDocument: td })) checkRange(lines, c.range, 'code lens');
        requests += 3;
        times.add(performance.now() - t0, `${sample}, ${text.length} chars`);
        s.docs.close(uri);
      }),
      { seed: run.seed, numRuns: run.numRuns },
    );
    const t = times.stats();
    expect(t.median).toBeLessThan(BUDGET_MS);
    expect(t.max).toBeLessThan(BUDGET_MS * TIME_FACTOR * 2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, LONG ? 3_600_000 : 120_000);

  afterAll(() => {
    console.log(times.summary('lsp: lint + 3 × (completion, hover, definition, references, prepareRename, rename, codeAction) + symbols, folding, lenses'));
    console.log(`lsp requests: ${requests}, code action edits applied: ${actionEditsApplied}`);
  });
});
