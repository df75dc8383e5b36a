// Unit tests for the cursor context the features share: the text-only path finder used by
// completion on broken documents, the schema walker, and the id index.

import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/lines.js';
import { parseText } from '../../server/src/engine/parse.js';
import { enumOf, propertiesOf, schemaAt } from '../../server/src/engine/schema.js';
import { idSites, lineContext, nodeAt, siblingKeys } from '../../server/src/lsp/yamlPath.js';

/** Context at the `|` in `src` (the bar is removed). */
function ctxAt(src: string) {
  const at = src.indexOf('|');
  const text = src.slice(0, at) + src.slice(at + 1);
  return { cx: lineContext(new LineIndex(text), at), text, at };
}

describe('lineContext (text only)', () => {
  it('a top-level key', () => {
    const { cx } = ctxAt('sentence_plan: 1\nper|\n');
    expect(cx).toMatchObject({ mapPath: [], on: 'key', prefix: 'per', newItem: false });
  });

  it('a nested key under a mapping', () => {
    const { cx } = ctxAt('person:\n  gender: male\n  da|\n');
    expect(cx).toMatchObject({ mapPath: ['person'], on: 'key', prefix: 'da', keyColumn: 2 });
  });

  it('a value after `key: `', () => {
    const { cx, at } = ctxAt('person:\n  gender: ma|\n');
    expect(cx).toMatchObject({ mapPath: ['person'], key: 'gender', on: 'value', prefix: 'ma' });
    expect(cx.wordStart).toBe(at - 2);
  });

  it('a key inside a sequence item, on a continuation line', () => {
    const { cx } = ctxAt('objectives:\n  - id: OBJ-1\n    outcome: OUT-1\n    sta|\n');
    expect(cx).toMatchObject({ mapPath: ['objectives', '#'], on: 'key', prefix: 'sta' });
  });

  it('a new item line (`- `) in an indented and an indentless sequence', () => {
    expect(ctxAt('objectives:\n  - id: OBJ-1\n  - |\n').cx).toMatchObject({ mapPath: ['objectives', '#'], newItem: true, dashColumn: 2 });
    expect(ctxAt('objectives:\n- id: OBJ-1\n- |\n').cx).toMatchObject({ mapPath: ['objectives', '#'], newItem: true, dashColumn: 0 });
  });

  it('an item of a nested block sequence (`after:` list)', () => {
    const { cx } = ctxAt('actions:\n  - id: ACT-2\n    after:\n      - AC|\n');
    expect(cx).toMatchObject({ mapPath: ['actions', '#', 'after', '#'], newItem: true, prefix: 'AC' });
  });

  it('inside a flow sequence value', () => {
    const { cx } = ctxAt('actions:\n  - id: ACT-2\n    after: [ACT-1, AC|\n');
    expect(cx).toMatchObject({ mapPath: ['actions', '#'], key: 'after', on: 'value', inFlowSeq: true, prefix: 'AC' });
  });

  it('ignores comments and blank lines when finding the parent', () => {
    const { cx } = ctxAt('assessment:\n  # scores from OASys\n\n  scores:\n    # comment\n    og|\n');
    expect(cx.mapPath).toEqual(['assessment', 'scores']);
  });

  it('siblingKeys: keys already in the same item, not in the next one', () => {
    const text = 'objectives:\n  - id: OBJ-1\n    outcome: OUT-1\n    \n    status: in_progress\n  - id: OBJ-2\n    need: finance\n';
    const keys = siblingKeys(new LineIndex(text), 3, 4);
    expect([...keys].sort()).toEqual(['id', 'outcome', 'status']);
  });
});

describe('schema walker', () => {
  it('follows $ref into $defs and sequence items', () => {
    const s = schemaAt(['objectives', '#', 'need']);
    expect(enumOf(s)).toContain('thinking_behaviour');
    expect(s?.description).toBeTruthy();
  });
  it('item properties, enums, consts', () => {
    expect(Object.keys(propertiesOf(schemaAt(['actions', '#'])))).toContain('after');
    expect(enumOf(schemaAt(['sentence_plan']))).toEqual([1]);
    expect(schemaAt(['no_such_key'])).toBeUndefined();
  });
});

describe('nodeAt and idSites', () => {
  const text = 'sentence_plan: 1\nobjectives:\n  - id: "OBJ-1"\n    outcome: OUT-1\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    after: ACT-0\n';
  const pt = parseText(text);
  it('finds the key or value at an offset with its path', () => {
    expect(nodeAt(pt.doc, text.indexOf('outcome'))).toMatchObject({ path: ['objectives', 0, 'outcome'], on: 'key' });
    expect(nodeAt(pt.doc, text.indexOf('OUT-1') + 2)).toMatchObject({ path: ['objectives', 0, 'outcome'], on: 'value' });
  });
  it('definitions and references, quotes excluded from spans, a scalar `after` included', () => {
    const sites = idSites(pt.doc);
    const obj1 = sites.filter((s) => s.id === 'OBJ-1');
    expect(obj1.map((s) => [s.kind, s.def])).toEqual([
      ['objective', true],
      ['objective', false],
    ]);
    expect(text.slice(obj1[0].span.start, obj1[0].span.end)).toBe('OBJ-1');
    expect(sites.find((s) => s.id === 'ACT-0')).toMatchObject({ kind: 'action', def: false });
  });
});

describe('which YAML documents are plans', () => {
  it('a top-level sentence_plan key (after a BOM, CRLF), a *.plan.yaml name, or the sentence-plan language', async () => {
    const { Doc, hasPlanKey } = await import('../../server/src/lsp/documents.js');
    expect(hasPlanKey('sentence_plan: 1\n')).toBe(true);
    expect(hasPlanKey('\uFEFFsentence_plan: 1\n')).toBe(true);
    expect(hasPlanKey('# plan\r\nsentence_plan: 1\r\n')).toBe(true);
    expect(hasPlanKey('other:\n  sentence_plan: 1\n')).toBe(false);
    expect(hasPlanKey('services: {}\n')).toBe(false);
    expect(new Doc('file:///a/x.plan.yml', 'yaml', 1, 'a: 1', 'utf-16').isPlan()).toBe(true);
    expect(new Doc('file:///a/x.yaml', 'yaml', 1, 'a: 1', 'utf-16').isPlan()).toBe(false);
    expect(new Doc('untitled:1', 'sentence-plan', 1, 'a: 1', 'utf-16').isPlan()).toBe(true);
    expect(new Doc('file:///a/x.plan.yaml', 'json', 1, 'sentence_plan: 1', 'utf-16').isPlan()).toBe(false);
  });
});
