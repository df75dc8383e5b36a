// Language server fixes found by the fuzz test (test/fuzz/lsp.fuzz.test.ts).
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits.js';
import { parseText } from '../../server/src/engine/parse.js';
import { codeActions } from '../../server/src/lsp/codeActions.js';
import { mutate, SAMPLES } from '../fuzz/mutate.js';
import { makeState } from '../fuzz/state.js';

const errors = (text: string): number => parseText(text).problems.filter((p) => p.severity === 'error').length;

describe('"Disable <rule> for this line" never adds a syntax error', () => {
  // The fuzz counterexample (seed 1549809330): a line break typed into a plan with a lone CR
  // ending its first line. A disable comment inserted above a finding's line landed inside a
  // broken construct and added a syntax error.
  const sample = SAMPLES.find((s) => s.name === 'bad/programme-adapted-version.plan.yaml')!;
  const text = mutate(sample.text, [
    { op: 'insert', at: 2052922620, col: 1779759879, text: '\n' },
    { op: 'eol', at: 0, eol: '\r' },
  ]);

  it('each offered disable comment keeps the error count', async () => {
    const s = makeState();
    const uri = 'file:///x/broken.plan.yaml';
    const doc = s.docs.open(uri, 'sentence-plan', 1, text);
    const l = (await s.lintDoc(doc))!;
    const before = errors(text);
    expect(before).toBeGreaterThan(0);
    let offered = 0;
    for (const f of l.result.findings) {
      const range = l.conv.toRange(f.span);
      for (const a of await codeActions(s, { textDocument: { uri }, range, context: { diagnostics: [] } })) {
        if (!a.title.startsWith('Disable ')) continue;
        offered++;
        const edits = (a.edit!.documentChanges![0] as { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }).edits;
        const spans = edits.map((e) => ({ start: l.conv.toOffset(e.range.start), end: l.conv.toOffset(e.range.end), newText: e.newText }));
        expect(errors(applyEdits(text, spans)), a.title).toBeLessThanOrEqual(before);
      }
    }
    // Disable actions are still offered where they are harmless.
    expect(offered).toBeGreaterThan(0);
  });
});
