// Completion of fixed values, over stdio: each value labelled by itself, in the schema's order
// (the order of use), with its own description as Markdown documentation and the field's
// title as a short detail.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_PLAN, posOf, ROOT, startClient, type LspRange, type TestClient } from './harness.js';

interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  sortText?: string;
  documentation?: { kind: string; value: string } | string;
  textEdit?: { range: LspRange; newText: string };
}

const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas/sentence-plan.schema.json'), 'utf8'));
const ACTION = SCHEMA.properties.actions.items.properties;
const REVIEW = SCHEMA.properties.reviews.items.properties;

// Reviews written as block mappings, with a new review whose `type` and `by` are being typed.
const TEXT = GOOD_PLAN.replace(
  '  - { date: 2026-08-03, type: initial, by: community_offender_manager }\n',
  '  - date: 2026-08-03\n    type: initial\n    by: community_offender_manager\n  - date: 2026-11-20\n    type: \n    by: \n',
);

let c: TestClient;
let uri: string;

const complete = (position: { line: number; character: number }): Promise<CompletionItem[]> => c.request('textDocument/completion', { textDocument: { uri }, position });
const docText = (i: CompletionItem): string | undefined => (typeof i.documentation === 'string' ? i.documentation : i.documentation?.value);
const bySortText = (items: CompletionItem[]): string[] => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0)).map((i) => i.label);

beforeAll(async () => {
  ({ client: c } = await startClient());
  uri = 'file:///ws/enums.plan.yaml';
  c.open(uri, TEXT);
  await c.diagnostics(uri, 1);
}, 60_000);
afterAll(() => c.stop());

describe('completion of enum values', () => {
  it('`status: ` on an action: the six statuses in schema order, each with its description', async () => {
    expect(TEXT).toContain('    type: programme\n');
    // The second action's status line (the first action in the sample is `type: other`).
    const at = posOf(TEXT, 'status: ', 8, 4);
    expect(TEXT.split('\n')[at.line]).toBe('    status: in_progress');
    const items = await complete(at);
    const want = ['not_started', 'cannot_start_yet', 'in_progress', 'completed', 'withdrawn', 'no_longer_appropriate'];
    expect(ACTION.status.enum).toEqual(want);
    expect(items.map((i) => i.label)).toEqual(want);
    expect(bySortText(items)).toEqual(want);
    for (const [n, i] of items.entries()) {
      expect(i.kind).toBe(20); // EnumMember
      expect(i.detail).toBe('action status');
      expect(i.documentation).toMatchObject({ kind: 'markdown' });
      expect(docText(i)).toBe(ACTION.status.markdownEnumDescriptions?.[n] ?? ACTION.status.enumDescriptions[n]);
    }
    expect(docText(items[1])).toMatch(/waits on something first/);
    expect(docText(items[4])).toContain('`reason`');
    expect(items[1].textEdit!.newText).toBe('cannot_start_yet');
  });

  it('`type: ` under reviews: the seven review types in schema order, with descriptions', async () => {
    const at = posOf(TEXT, '    type: \n', 10);
    const items = await complete(at);
    const want = ['initial', 'periodic', 'significant_event', 'pre_release', 'pre_tariff', 'pre_parole', 'termination'];
    expect(REVIEW.type.enum).toEqual(want);
    expect(items.map((i) => i.label)).toEqual(want);
    expect(bySortText(items)).toEqual(want);
    items.forEach((i, n) => {
      expect(i.detail).toBe('review type');
      expect(docText(i)).toBe(REVIEW.type.enumDescriptions[n]);
    });
    expect(docText(items[6])).toMatch(/end of the sentence or licence/);
  });

  it('`by: ` under reviews offers the team roles (it is a fixed list, not free text)', async () => {
    const at = posOf(TEXT, '    by: \n', 8);
    const items = await complete(at);
    expect(items.map((i) => i.label)).toEqual(REVIEW.by.enum);
    expect(items.every((i) => (docText(i) ?? '').length >= 15)).toBe(true);
  });

  it('a value whose enum comes through $ref (a RoSH band, a need area) keeps its descriptions', async () => {
    const rosh = await complete(posOf(TEXT, 'overall: ', 9));
    expect(rosh.map((i) => i.label)).toEqual(['low', 'medium', 'high', 'very_high']);
    expect(rosh[0].detail).toBe('RoSH level');
    expect(rosh.map(docText)).toEqual(SCHEMA.$defs.band4.enumDescriptions);
    const need = await complete(posOf(TEXT, 'need: ', 6));
    expect(need.map((i) => i.label)).toEqual(SCHEMA.$defs.need_area.enum);
    expect(need.every((i) => docText(i) && i.detail === 'need area')).toBe(true);
  });

  it('a typed prefix narrows the list and keeps the order', async () => {
    const t = TEXT.replace('    type: \n    by: \n', '    type: pre\n    by: \n');
    const u = 'file:///ws/enums-prefix.plan.yaml';
    c.open(u, t);
    await c.diagnostics(u, 1);
    const items = (await c.request('textDocument/completion', { textDocument: { uri: u }, position: posOf(t, '    type: pre\n', 13) })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['pre_release', 'pre_tariff', 'pre_parole']);
    expect(bySortText(items)).toEqual(['pre_release', 'pre_tariff', 'pre_parole']);
  });
});

describe('hover on a fixed value', () => {
  it('`type: initial` on a review: the key described, then what `initial` means', async () => {
    const p = posOf(TEXT, 'type: initial', 'type: '.length + 1);
    const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: p })) as { contents: { value: string } } | null;
    const v = h?.contents.value ?? '';
    const i = REVIEW.type.enum.indexOf('initial');
    const meaning = (REVIEW.type.markdownEnumDescriptions ?? REVIEW.type.enumDescriptions)[i];
    expect(v).toContain(`\`initial\`: ${meaning}`);
  });
});
