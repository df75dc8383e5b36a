// Position encoding: UTF-16 by default, UTF-8 when the client offers it; CRLF line breaks,
// emoji (astral characters) and Welsh diacritics map to the right columns both ways.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Converter, minimalEdit } from '../../server/src/lsp/convert.js';
import { applyLspEdits, GOOD_PLAN, offsetAt, posOf, startClient, type LspDiagnostic, type TestClient } from './harness.js';

// A flow mapping puts non-ASCII text before the finding on the same line.
const WELSH = GOOD_PLAN.replace(
  /person:\n(?: {2}.*\n)+/,
  'person: { name: "Siôn Gwŷn 🙂 Dŵr", prison_number: C0003CC, gender: Female, date_of_birth: 1996-01-22, learning_disability: false, english_first_language: true }\n',
);
const CRLF = GOOD_PLAN.replace('gender: female', 'gender: Female').replace(/\n/g, '\r\n');

const utf8Col = (line: string, utf16: number): number => Buffer.byteLength(line.slice(0, utf16), 'utf8');

describe('Converter (unit)', () => {
  it('UTF-16 and UTF-8 columns for emoji and diacritics, both ways', () => {
    const text = 'a: "ŵŷ🙂x"\nb: 1\n';
    const x = text.indexOf('x');
    const u16 = new Converter(text, 'utf-16');
    const u8 = new Converter(text, 'utf-8');
    expect(u16.toPosition(x)).toEqual({ line: 0, character: 8 });
    expect(u8.toPosition(x)).toEqual({ line: 0, character: 4 + 2 + 2 + 4 });
    expect(u8.toOffset({ line: 0, character: 12 })).toBe(x);
    expect(u16.toOffset({ line: 0, character: 8 })).toBe(x);
    // A column inside a character's bytes maps to the character's start.
    expect(u8.toOffset({ line: 0, character: 10 })).toBe(text.indexOf('🙂'));
    // Past the end of a line: clamped to the line end, never into the next line.
    expect(u8.toOffset({ line: 0, character: 99 })).toBe(text.indexOf('\n'));
    expect(u16.toOffset({ line: 1, character: 0 })).toBe(text.indexOf('b'));
  });

  it('CRLF and lone CR are one line break each', () => {
    const text = 'a: 1\r\nb: 2\rc: 3\n';
    const c = new Converter(text);
    expect(c.toPosition(text.indexOf('b'))).toEqual({ line: 1, character: 0 });
    expect(c.toPosition(text.indexOf('c'))).toEqual({ line: 2, character: 0 });
    expect(c.toOffset({ line: 0, character: 10 })).toBe(4);
  });

  it('minimalEdit keeps the common prefix and suffix and never splits a surrogate pair', () => {
    expect(minimalEdit('gender: Female\n', 'gender: female\n')).toEqual({ start: 8, end: 9, newText: 'f' });
    const a = 'x: 🙂\n';
    const b = 'x: 🙃\n';
    const e = minimalEdit(a, b)!;
    expect(a.slice(0, e.start) + e.newText + a.slice(e.end)).toBe(b);
    expect(e.start).toBe(3);
    expect(minimalEdit('same', 'same')).toBeUndefined();
  });
});

describe('UTF-16 client (default)', () => {
  let c: TestClient;
  let init: { capabilities: Record<string, unknown> };
  beforeAll(async () => {
    ({ client: c, init } = await startClient());
  }, 60_000);
  afterAll(() => c.stop());

  it('negotiates utf-16 when the client offers nothing', () => {
    expect(init.capabilities.positionEncoding).toBe('utf-16');
  });

  it('columns after emoji and diacritics count UTF-16 code units', async () => {
    const uri = 'file:///ws/welsh16.plan.yaml';
    c.open(uri, WELSH);
    const ds = await c.diagnostics(uri, 1);
    const shape = ds.find((d) => d.code === 'schema/shape')!;
    expect(shape.range.start).toEqual(posOf(WELSH, 'Female'));
  });

  it('CRLF files: same lines and columns as LF, and fixes keep CRLF', async () => {
    const uri = 'file:///ws/crlf.plan.yaml';
    c.open(uri, CRLF);
    const ds = await c.diagnostics(uri, 1);
    const shape = ds.find((d) => d.code === 'schema/shape')!;
    expect(shape.range.start).toEqual(posOf(CRLF, 'Female'));
    expect(shape.range.start.line).toBe(posOf(GOOD_PLAN, 'gender: female').line);
    const actions = (await c.request('textDocument/codeAction', { textDocument: { uri }, range: shape.range, context: { diagnostics: [shape] } })) as {
      title: string;
      edit?: { documentChanges: { edits: never[] }[] };
    }[];
    const dis = actions.find((a) => a.title === 'Disable schema/shape for this line')!;
    const next = applyLspEdits(CRLF, dis.edit!.documentChanges[0].edits);
    expect(next).toContain('\r\n  # planlint-disable-next-line schema/shape -- reason\r\n  gender: Female\r\n');
    c.replace(uri, 2, next);
    expect((await c.diagnostics(uri, 2)).some((d: LspDiagnostic) => d.code === 'schema/shape')).toBe(false);
  });

  it('incremental edits after an emoji use UTF-16 columns', async () => {
    const uri = 'file:///ws/inc16.plan.yaml';
    c.open(uri, WELSH);
    await c.diagnostics(uri, 1);
    const at = posOf(WELSH, 'Female');
    c.change(uri, 2, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: 'f' }]);
    expect((await c.diagnostics(uri, 2)).some((d) => d.code === 'schema/shape')).toBe(false);
  });
});

describe('UTF-8 client', () => {
  let c: TestClient;
  let init: { capabilities: Record<string, unknown> };
  beforeAll(async () => {
    ({ client: c, init } = await startClient({ encodings: ['utf-8', 'utf-16'] }));
  }, 60_000);
  afterAll(() => c.stop());

  it('negotiates utf-8 when offered', () => {
    expect(init.capabilities.positionEncoding).toBe('utf-8');
  });

  it('diagnostic columns count UTF-8 bytes', async () => {
    const uri = 'file:///ws/welsh8.plan.yaml';
    c.open(uri, WELSH);
    const ds = await c.diagnostics(uri, 1);
    const shape = ds.find((d) => d.code === 'schema/shape')!;
    const p16 = posOf(WELSH, 'Female');
    const line = WELSH.split('\n')[p16.line];
    expect(shape.range.start).toEqual({ line: p16.line, character: utf8Col(line, p16.character) });
    expect(shape.range.end.character - shape.range.start.character).toBe(6);
    expect(utf8Col(line, p16.character)).toBeGreaterThan(p16.character); // the test means something
  });

  it('incremental edits and code action edits use UTF-8 columns', async () => {
    const uri = 'file:///ws/inc8.plan.yaml';
    c.open(uri, WELSH);
    const ds = await c.diagnostics(uri, 1);
    const shape = ds.find((d) => d.code === 'schema/shape')!;
    const actions = (await c.request('textDocument/codeAction', { textDocument: { uri }, range: shape.range, context: { diagnostics: [shape] } })) as {
      title: string;
      edit?: { documentChanges: { edits: never[] }[] };
    }[];
    const fix = actions.find((a) => a.title === 'Change to `female`')!;
    const next = applyLspEdits(WELSH, fix.edit!.documentChanges[0].edits, 'utf-8');
    expect(next).toBe(WELSH.replace('Female', 'female'));
    // Now send the same change incrementally in UTF-8 columns.
    c.change(uri, 2, [{ range: shape.range, text: 'female' }]);
    expect((await c.diagnostics(uri, 2)).some((d) => d.code === 'schema/shape')).toBe(false);
    // Hover at a UTF-8 column after the emoji lands on the right key.
    const p16 = posOf(WELSH, 'gender');
    const line = WELSH.split('\n')[p16.line];
    const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: { line: p16.line, character: utf8Col(line, p16.character) + 2 } })) as { contents: { value: string } };
    expect(h.contents.value).toMatch(/\*\*gender\*\*/);
    expect(offsetAt(WELSH, { line: p16.line, character: utf8Col(line, p16.character) }, 'utf-8')).toBe(WELSH.indexOf('gender'));
  });
});
