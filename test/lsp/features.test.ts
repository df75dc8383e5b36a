// Code actions (each kind applied and the result re-linted), completion, hover, symbols,
// definition, references, rename, folding and code lens, over stdio.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLspEdits, editsFor, GOOD_PLAN, posOf, ROOT, startClient, type LspDiagnostic, type LspRange, type LspTextEdit, type TestClient } from './harness.js';

const BAD = GOOD_PLAN.replace('gender: female', 'gender: Female')
  .replace('area: education_training_employment, linked_to_offending: true, severity: medium', 'area: education_training_employment, linked_to_offending: true, severity: Medium')
  .replace('area: finance, linked_to_offending: true, severity: medium', 'area: finance, linked_to_offending: true, severity: MEDIUM')
  .replace('objective: OBJ-2', 'objective: OBJ-9');
const DETERMINATE = readFileSync(join(ROOT, 'samples/good/determinate.plan.yaml'), 'utf8');

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit?: { documentChanges?: { textDocument: { uri: string; version: number }; edits: LspTextEdit[] }[] };
  command?: { command: string; arguments?: unknown[] };
}
interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  insertTextFormat?: number;
  textEdit?: { range: LspRange; newText: string };
  filterText?: string;
  sortText?: string;
  documentation?: unknown;
}

let c: TestClient;
let version = 0;
let n = 0;

/** Open `text` as a fresh document and wait for its diagnostics. */
async function openDoc(text: string): Promise<{ uri: string; diags: LspDiagnostic[] }> {
  const uri = `file:///ws/f${n++}.plan.yaml`;
  version = 1;
  c.open(uri, text);
  return { uri, diags: await c.diagnostics(uri, 1) };
}

/** Apply a code action's edit, send it as a change, return the new text and its diagnostics. */
async function apply(uri: string, text: string, action: CodeAction): Promise<{ text: string; diags: LspDiagnostic[] }> {
  const edits = editsFor(action.edit as never, uri);
  expect(edits.length).toBeGreaterThan(0);
  expect(action.edit!.documentChanges![0].textDocument.version).toBe(version);
  const next = applyLspEdits(text, edits);
  version++;
  c.replace(uri, version, next);
  return { text: next, diags: await c.diagnostics(uri, version) };
}

const actionsAt = (uri: string, range: LspRange, diagnostics: LspDiagnostic[], only?: string[]): Promise<CodeAction[]> =>
  c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });

const complete = (uri: string, position: { line: number; character: number }): Promise<CompletionItem[]> =>
  c.request('textDocument/completion', { textDocument: { uri }, position });

beforeAll(async () => {
  ({ client: c } = await startClient());
}, 60_000);
afterAll(() => c.stop());

describe('code actions', () => {
  it('offers each fix as a quick fix bound to its diagnostic; the preferred one fixes it', async () => {
    const { uri, diags } = await openDoc(BAD);
    const d = diags.find((x) => x.code === 'schema/shape' && x.range.start.line === posOf(BAD, 'Female').line)!;
    const actions = await actionsAt(uri, d.range, [d]);
    const fix = actions.find((a) => a.title === 'Change to `female`')!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.isPreferred).toBe(true);
    expect(fix.diagnostics).toEqual([d]);
    const r = await apply(uri, BAD, fix);
    expect(r.text).toContain('gender: female');
    expect(r.diags.filter((x) => x.code === 'schema/shape').length).toBe(2);
  });

  it('a fix that is not certain is offered but not preferred', async () => {
    const { uri, diags } = await openDoc(BAD);
    const d = diags.find((x) => x.code === 'schema/dangling-reference')!;
    const actions = await actionsAt(uri, d.range, [d]);
    const fix = actions.find((a) => a.title === 'Change to `OBJ-1`')!;
    expect(fix.isPreferred).toBe(false);
    const r = await apply(uri, BAD, fix);
    expect(r.text).toContain('objective: OBJ-1\n    type: other');
    expect(r.diags.some((x) => x.code === 'schema/dangling-reference')).toBe(false);
  });

  it('"Fix all <rule> problems in this file" fixes every certain one of that rule', async () => {
    const { uri, diags } = await openDoc(BAD);
    const d = diags.find((x) => x.code === 'schema/shape')!;
    const actions = await actionsAt(uri, d.range, [d]);
    const all = actions.find((a) => a.title === 'Fix all schema/shape problems in this file')!;
    expect(all).toBeDefined();
    const r = await apply(uri, BAD, all);
    expect(r.diags.some((x) => x.code === 'schema/shape')).toBe(false);
    expect(r.diags.some((x) => x.code === 'schema/dangling-reference')).toBe(true);
    expect(r.text).toBe(BAD.replace('Female', 'female').replace('Medium', 'medium').replace('MEDIUM', 'medium'));
  });

  it('source.fixAll.planlint applies every certain fix (for codeActionsOnSave)', async () => {
    const { uri } = await openDoc(BAD);
    const actions = await actionsAt(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source.fixAll']);
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.planlint']);
    const r = await apply(uri, BAD, actions[0]);
    expect(r.diags.map((x) => x.code).sort()).toEqual(['schema/dangling-reference', 'smart/achievable']);
    // Only quick fixes are asked for: no source action.
    const q = await actionsAt(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['quickfix']);
    expect(q.some((a) => a.kind === 'source.fixAll.planlint')).toBe(false);
  });

  it('"Disable <rule> for this line" inserts a suppression with a reason placeholder at the line\'s indentation', async () => {
    const { uri, diags } = await openDoc(BAD);
    const d = diags.find((x) => x.code === 'schema/dangling-reference')!;
    const actions = await actionsAt(uri, d.range, [d]);
    const dis = actions.find((a) => a.title === 'Disable schema/dangling-reference for this line')!;
    const r = await apply(uri, BAD, dis);
    expect(r.text).toContain('    # planlint-disable-next-line schema/dangling-reference -- reason\n    objective: OBJ-9');
    expect(r.diags.some((x) => x.code === 'schema/dangling-reference')).toBe(false);
    expect(r.diags.some((x) => x.code === 'meta/unused-disable')).toBe(false);
  });

  it('"Show documentation for <rule>" runs a server command that opens the rule page', async () => {
    const { uri, diags } = await openDoc(BAD);
    const d = diags.find((x) => x.code === 'smart/achievable')!;
    const actions = await actionsAt(uri, d.range, [d]);
    const doc = actions.find((a) => a.title === 'Show documentation for smart/achievable')!;
    expect(doc.command?.command).toBe('planlint.showRuleDoc');
    await c.request('workspace/executeCommand', { command: doc.command!.command, arguments: doc.command!.arguments });
    const shown = c.requests.filter((r) => r.method === 'window/showDocument').pop();
    expect(shown?.params).toEqual({ uri: 'https://github.com/planlint/planlint/blob/main/docs/rules/smart.md#achievable', external: true });
  });

  it('the planlint.fixAll command applies the certain fixes through workspace/applyEdit', async () => {
    const { uri } = await openDoc(BAD);
    const ok = await c.request('workspace/executeCommand', { command: 'planlint.fixAll', arguments: [uri] });
    expect(ok).toBe(true);
    const applied = c.requests.filter((r) => r.method === 'workspace/applyEdit').pop()!.params as { edit: never };
    expect(applyLspEdits(BAD, editsFor(applied.edit, uri))).toBe(BAD.replace('Female', 'female').replace('Medium', 'medium').replace('MEDIUM', 'medium'));
  });
});

describe('completion', () => {
  let uri: string;
  let text: string;
  beforeAll(async () => {
    text = GOOD_PLAN + '\n';
    ({ uri } = await openDoc(text));
  });

  it('top-level keys not already present', async () => {
    const items = await complete(uri, posOf(text, '\n', 1, text.split('\n').length - 2));
    const labels = items.map((i) => i.label);
    expect(labels).toContain('risk_management_plan');
    expect(labels).toContain('events');
    expect(labels).not.toContain('person');
    expect(labels).not.toContain('objectives');
  });

  it('keys of a nested mapping, not those already there', async () => {
    const t = GOOD_PLAN.replace('  gender: female\n', '  gender: female\n  \n');
    const { uri: u } = await openDoc(t);
    const items = await complete(u, posOf(t, '  gender: female\n  ', 19));
    const labels = items.map((i) => i.label);
    expect(labels).toContain('foreign_national');
    expect(labels).not.toContain('gender');
    expect(labels).not.toContain('prison_number');
  });

  it('enum values for a key', async () => {
    const items = await complete(uri, posOf(text, 'gender: ', 8));
    expect(items.map((i) => i.label).sort()).toEqual(['female', 'male']);
    expect(items[0].textEdit!.range.end).toEqual(posOf(text, 'gender: ', 8));
  });

  it('right after `key:` (the trigger character) a value gets its space', async () => {
    const t = GOOD_PLAN.replace('  gender: female\n', '  gender:\n');
    const { uri: u } = await openDoc(t);
    const items = await complete(u, posOf(t, 'gender:', 7));
    expect(items.find((i) => i.label === 'female')!.textEdit!.newText).toBe(' female');
  });

  it('need areas for an objective', async () => {
    const items = await complete(uri, posOf(text, 'need: ', 6));
    expect(items.map((i) => i.label)).toContain('accommodation');
    expect(items.map((i) => i.label)).toContain('thinking_behaviour');
  });

  it('objective ids for `objective`, outcome ids for `outcome`', async () => {
    const objs = await complete(uri, posOf(text, 'objective: ', 11));
    expect(objs.map((i) => i.label)).toEqual(['OBJ-1', 'OBJ-2', 'OBJ-3']);
    const outs = await complete(uri, posOf(text, 'outcome: ', 9));
    expect(outs.map((i) => i.label)).toEqual(['OUT-1']);
  });

  it('action ids for `after` (not the action itself)', async () => {
    const t = GOOD_PLAN.replace('    priority: 2\n', '    priority: 2\n    after: [\n');
    const { uri: u } = await openDoc(t);
    const items = await complete(u, posOf(t, 'after: [', 8));
    expect(items.map((i) => i.label)).toEqual(['ACT-1', 'ACT-3']);
  });

  it('programmes from the catalogue: by name, the id inserted, eligible first, the reason one short line', async () => {
    const items = await complete(uri, posOf(text, 'programme: ', 11));
    const tsp = items.find((i) => i.label === 'Thinking Skills Programme');
    expect(tsp).toBeDefined();
    expect(tsp!.textEdit!.newText.trim()).toBe('thinking_skills_programme');
    expect(tsp!.filterText).toBe('thinking_skills_programme');
    // Eligibility for this person (a woman, OGRS3 52%) in the detail.
    expect(tsp!.detail).toMatch(/^eligible: .*OGRS3 52%/);
    expect((tsp as { labelDetails?: { description?: string } }).labelDetails?.description).toBe('eligible');
    const kaizen = items.find((i) => i.textEdit!.newText.trim() === 'kaizen')!;
    expect(kaizen.detail).toMatch(/^not eligible: /);
    // Sorted by verdict: every eligible one before every unknown one before every ineligible one.
    const rank = (d?: string) => (d?.startsWith('eligible') ? 0 : d?.startsWith('eligibility unknown') ? 1 : 2);
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    const ranks = sorted.map((i) => rank(i.detail));
    expect(ranks).toEqual([...ranks].sort());
    expect(ranks[0]).toBe(0);
    // One short line, never cut mid-word.
    for (const i of items) {
      expect(i.detail!.length, i.label).toBeLessThanOrEqual(80);
      if (!i.detail!.endsWith('…')) continue;
      const shown = i.detail!.slice(0, -1);
      const full = /For this person: ([^\n]*)/.exec(JSON.stringify(i.documentation).replace(/\\n/g, '\n'))![1];
      expect(full.startsWith(shown), i.detail).toBe(true);
      expect(full[shown.length], i.detail).toMatch(/[\s;,:]/);
    }
    // The whole reason is in the documentation.
    expect(JSON.stringify(kaizen.documentation)).toContain('For this person: not eligible');
  });

  it('a whole new objective as a snippet, target date 6 months after asOf', async () => {
    const t = GOOD_PLAN.replace('\nactions:', '  - \n\nactions:');
    const { uri: u } = await openDoc(t);
    const items = await complete(u, posOf(t, '  - \n\nactions:', 4));
    const sn = items.find((i) => i.label === 'objective (new item)')!;
    expect(sn).toBeDefined();
    expect(sn.insertTextFormat).toBe(2);
    expect(sn.textEdit!.newText).toMatch(/^id: OBJ-4\n {4}outcome: \$\{1:OUT-1\}/);
    expect(sn.textEdit!.newText).toContain('target_date: ${5:2027-05-23}');
    // Keys of an objective are offered too.
    expect(items.map((i) => i.label)).toContain('measure');
  });

  it('new actions and reviews as snippets; a whole item with its dash on a blank line under the list', async () => {
    const t = GOOD_PLAN.replace('\nengagement:', '  \n\nengagement:') + '  \n';
    const { uri: u } = await openDoc(t);
    const act = await complete(u, posOf(t, '  \n\nengagement:', 2));
    const a = act.find((i) => i.label === 'action (new item)')!;
    expect(a.textEdit!.newText).toMatch(/^- id: ACT-4\n {4}objective: \$\{1:OBJ-1\}/);
    expect(a.textEdit!.newText).toContain('start_date: 2026-11-23');
    expect(a.textEdit!.newText).toContain('target_date: ${6:2027-02-23}');
    const rev = await complete(u, { line: t.split('\n').length - 2, character: 2 });
    expect(rev.find((i) => i.label === 'review (new item)')!.textEdit!.newText).toBe('- date: ${1:2026-11-23}\n    type: ${2:periodic}\n    by: ${3:prison_offender_manager}$0');
  });

  it('works on a document that does not parse', async () => {
    const t = GOOD_PLAN.replace('    status: in_progress\n  - id: ACT-2', '    status: \n  - id: ACT-2').replace('engagement:\n', 'engagement: [unclosed\n');
    const { uri: u, diags } = await openDoc(t);
    expect(diags.some((d) => d.code === 'schema/yaml-syntax')).toBe(true);
    const items = await complete(u, posOf(t, '    status: \n  - id: ACT-2', 12));
    expect(items.map((i) => i.label)).toEqual(['not_started', 'cannot_start_yet', 'in_progress', 'completed', 'withdrawn', 'no_longer_appropriate']);
  });
});

describe('hover', () => {
  const hoverAt = async (uri: string, position: { line: number; character: number }) =>
    ((await c.request('textDocument/hover', { textDocument: { uri }, position })) as { contents: { kind: string; value: string } } | null)?.contents.value;

  it('schema description for a key', async () => {
    const { uri } = await openDoc(GOOD_PLAN);
    const v = await hoverAt(uri, posOf(GOOD_PLAN, 'plan_owner', 2));
    expect(v).toMatch(/\*\*plan_owner\*\*/);
    expect(v).toMatch(/prison_offender_manager/);
  });

  it('rule explanation for a diagnostic', async () => {
    const { uri } = await openDoc(BAD);
    const v = await hoverAt(uri, posOf(BAD, 'Female', 2));
    expect(v).toMatch(/\*\*schema\/shape\*\*/);
    expect(v).toMatch(/`Female` is not a valid gender/);
    expect(v).toMatch(/\[More…\]\(https:[^)]*docs\/rules\/schema\.md#shape\)/);
    expect(v!.length).toBeLessThanOrEqual(600);
    expect(v).not.toMatch(/policy: [a-z_]+\.[a-z_]+/); // no internal keys
  });

  it('catalogue facts for a programme id', async () => {
    const { uri } = await openDoc(GOOD_PLAN);
    const v = await hoverAt(uri, posOf(GOOD_PLAN, 'thinking_skills_programme', 3));
    expect(v).toMatch(/\*\*Thinking Skills Programme\*\*/);
    expect(v).toMatch(/Accredited programme/);
    expect(v).toMatch(/For this person: eligible: .*OGRS3 52%/);
  });

  it('the obligations a date drives', async () => {
    const { uri } = await openDoc(DETERMINATE);
    const v = await hoverAt(uri, posOf(DETERMINATE, 'sentenced_on: ', 16));
    expect(v).toContain('Initial OASys assessment due 2025-08-19 (10 weeks after sentencing on 2025-06-10): met');
  });

  it('what an id names (by id, type and dates only), on a reference and on a dangling one', async () => {
    const { uri } = await openDoc(BAD);
    const v = await hoverAt(uri, posOf(BAD, 'objective: OBJ-3', 12));
    expect(v).toContain('**Objective OBJ-3**: serves OUT-1 · need thinking behaviour · target 2027-04-30 · in progress · 1 action');
    expect(v).not.toContain('Thinking Skills Programme.'); // no free text (the description)
    expect(await hoverAt(uri, posOf(BAD, 'OBJ-9', 2))).toContain('No objective has the id OBJ-9.');
  });

  it('an objective id shows its SMART judgement letter by letter, quoting no free text', async () => {
    const vague = GOOD_PLAN.replace(/(- id: OBJ-3\n(?: {4}.*\n)*? {4}measure: ).*\n/, '$1Staff report that he seems more settled.\n');
    expect(vague).not.toBe(GOOD_PLAN);
    const { uri } = await openDoc(vague);
    const v = await hoverAt(uri, posOf(vague, 'id: OBJ-3', 6));
    expect(v).toContain('| **S** specific | yes |');
    expect(v).toContain('| **M** measurable | no | "seems": rests on an opinion |');
    expect(v).toMatch(/\| \*\*T\*\* time-bound \| yes \| target \d{4}-\d{2}-\d{2} \|/);
    expect(v).not.toContain('Staff report');
  });

  it('nothing for an unknown document or empty space', async () => {
    expect(await c.request('textDocument/hover', { textDocument: { uri: 'file:///none.plan.yaml' }, position: { line: 0, character: 0 } })).toBeNull();
  });
});

describe('symbols, navigation, folding, code lens', () => {
  interface Sym {
    name: string;
    kind: number;
    detail?: string;
    range: LspRange;
    selectionRange: LspRange;
    children?: Sym[];
  }
  it('outline: outcomes -> objectives -> actions, reviews', async () => {
    const { uri } = await openDoc(GOOD_PLAN);
    const syms = (await c.request('textDocument/documentSymbol', { textDocument: { uri } })) as Sym[];
    const names = syms.map((s) => s.name);
    // Every objective and action is nested under its outcome: no empty `objectives` / `actions` nodes.
    expect(names).toEqual(['sentence_plan', 'kind', 'person', 'sentence', 'team', 'assessment', 'outcomes', 'engagement', 'reviews']);
    const out1 = syms.find((s) => s.name === 'outcomes')!.children![0];
    expect(out1.name).toBe('OUT-1');
    expect(out1.children!.map((o) => o.name)).toEqual(['OBJ-1', 'OBJ-2', 'OBJ-3']);
    expect(out1.children![0].children!.map((a) => a.name)).toEqual(['ACT-3']);
    expect(out1.children![2].children![0].detail).toBe('programme · thinking_skills_programme');
    expect(out1.selectionRange.start).toEqual(posOf(GOOD_PLAN, 'OUT-1'));
    expect(syms.find((s) => s.name === 'reviews')!.children!.map((r) => r.name)).toEqual(['2026-08-03 initial']);
    // Plan-specific kinds, none of the programming ones (Class 5, Function 12, Namespace 3, Module 2).
    const kind = (s: Sym | undefined) => s?.kind;
    expect(kind(syms.find((s) => s.name === 'outcomes'))).toBe(18); // Array
    expect(kind(out1)).toBe(4); // Package
    expect(kind(out1.children![0])).toBe(14); // Constant
    expect(kind(out1.children![0].children![0])).toBe(16); // Number
    expect(kind(syms.find((s) => s.name === 'reviews')!.children![0])).toBe(24); // Event
    expect(kind(syms.find((s) => s.name === 'person'))).toBe(19); // Object
    expect(kind(syms.find((s) => s.name === 'kind'))).toBe(20); // Key
    const all: Sym[] = [];
    const walk = (s: Sym): void => {
      all.push(s);
      s.children?.forEach(walk);
    };
    syms.forEach(walk);
    expect(all.filter((s) => [2, 3, 5, 6, 9, 12].includes(s.kind)).map((s) => s.name)).toEqual([]);
    // Counts read as words with the right plural; no bare numbers.
    expect(syms.find((s) => s.name === 'outcomes')!.detail).toBe('1 outcome');
    expect(syms.find((s) => s.name === 'reviews')!.detail).toBe('1 review');
    expect(all.filter((s) => s.detail !== undefined && /^\d+$/.test(s.detail)).map((s) => s.name)).toEqual([]);
    // Every selection range lies inside its range.
    const check = (s: Sym): void => {
      const inside = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line < b.line || (a.line === b.line && a.character <= b.character);
      expect(inside(s.range.start, s.selectionRange.start) && inside(s.selectionRange.end, s.range.end)).toBe(true);
      s.children?.forEach(check);
    };
    syms.forEach(check);
  });

  it('outline: an empty list keeps its node with the detail "none"; loose items are counted in words', async () => {
    // Outcomes and reviews empty; two actions serve no known objective, one does.
    const t = GOOD_PLAN.replace(/\noutcomes:\n[\s\S]*?\nobjectives:/, '\noutcomes: []\nobjectives:')
      .replace(/\nreviews:\n.*\n/, '\nreviews:\n')
      .replace('objective: OBJ-2', 'objective: OBJ-9')
      .replace('objective: OBJ-3', 'objective: OBJ-8');
    expect(t).toContain('\noutcomes: []\n');
    const { uri } = await openDoc(t);
    const syms = (await c.request('textDocument/documentSymbol', { textDocument: { uri } })) as Sym[];
    const sec = (name: string) => syms.find((s) => s.name === name);
    expect(sec('outcomes')).toMatchObject({ detail: 'none', children: [] });
    expect(sec('reviews')).toMatchObject({ detail: 'none', children: [] });
    // With no outcome to hang them on, the objectives have their own section, counted.
    expect(sec('objectives')!.detail).toBe('3 objectives');
    expect(sec('objectives')!.children!.map((o) => o.name)).toEqual(['OBJ-1', 'OBJ-2', 'OBJ-3']);
    expect(sec('actions')!.detail).toBe('2 actions without a known objective');
    expect(sec('actions')!.children!).toHaveLength(2);
    // Every node that says it holds items has them; no child-less node shows a count.
    const walk = (s: Sym): void => {
      if (s.detail && /^\d+ /.test(s.detail) && !/ items?$/.test(s.detail)) expect(s.children!.length).toBe(Number(s.detail.split(' ')[0]));
      if (s.kind === 18 && !s.children!.length) expect(s.detail === 'none' || /^\d+ items?$/.test(s.detail ?? '')).toBe(true);
      s.children?.forEach(walk);
    };
    syms.forEach(walk);
    const needs = sec('assessment')!.children!.find((s) => s.name === 'needs')!;
    expect(needs.kind).toBe(18);
    expect(needs.detail).toMatch(/^\d+ items$/);
  });

  it('definition of a referenced id, and references to it', async () => {
    const { uri } = await openDoc(GOOD_PLAN);
    const ref = posOf(GOOD_PLAN, 'objective: OBJ-2', 12);
    const defs = (await c.request('textDocument/definition', { textDocument: { uri }, position: ref })) as { range: LspRange }[];
    expect(defs).toHaveLength(1);
    expect(defs[0].range.start).toEqual(posOf(GOOD_PLAN, 'OBJ-2'));
    const refs = (await c.request('textDocument/references', { textDocument: { uri }, position: posOf(GOOD_PLAN, 'OBJ-2'), context: { includeDeclaration: true } })) as { range: LspRange }[];
    expect(refs.map((r) => r.range.start)).toEqual([posOf(GOOD_PLAN, 'OBJ-2'), posOf(GOOD_PLAN, 'objective: OBJ-2', 11)]);
    const noDecl = (await c.request('textDocument/references', { textDocument: { uri }, position: posOf(GOOD_PLAN, 'OBJ-2'), context: { includeDeclaration: false } })) as unknown[];
    expect(noDecl).toHaveLength(1);
  });

  it('rename updates the id and every reference; prepareRename rejects non-ids', async () => {
    const t = GOOD_PLAN.replace('    priority: 2\n', '    priority: 2\n    after: [ACT-1]\n');
    const { uri } = await openDoc(t);
    const prep = (await c.request('textDocument/prepareRename', { textDocument: { uri }, position: posOf(t, 'ACT-1', 2) })) as { placeholder: string };
    expect(prep.placeholder).toBe('ACT-1');
    const edit = (await c.request('textDocument/rename', { textDocument: { uri }, position: posOf(t, 'ACT-1', 2), newName: 'ACT-10' })) as never;
    const edits = editsFor(edit, uri);
    expect(edits).toHaveLength(2);
    const next = applyLspEdits(t, edits);
    expect(next).toContain('- id: ACT-10\n');
    expect(next).toContain('after: [ACT-10]');
    version++;
    c.replace(uri, version, next);
    const after = await c.diagnostics(uri, version);
    expect(after.some((d) => d.code === 'schema/dangling-reference')).toBe(false);
    expect(after.map((d) => d.message).join('\n')).toContain('ACT-10');
    await expect(c.request('textDocument/prepareRename', { textDocument: { uri }, position: posOf(t, 'description', 2) })).rejects.toMatchObject({ code: -32803 });
    await expect(c.request('textDocument/rename', { textDocument: { uri }, position: posOf(t, 'OBJ-1', 1), newName: 'has space' })).rejects.toMatchObject({ code: -32803 });
    await expect(c.request('textDocument/rename', { textDocument: { uri }, position: posOf(t, 'OBJ-1', 1), newName: 'OBJ-2' })).rejects.toMatchObject({ code: -32803 });
  });

  it('folding ranges for multi-line collections', async () => {
    const { uri } = await openDoc(GOOD_PLAN);
    const ranges = (await c.request('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
    const person = posOf(GOOD_PLAN, 'person:').line;
    expect(ranges).toContainEqual({ startLine: person, endLine: posOf(GOOD_PLAN, 'english_first_language').line });
    const obj1 = posOf(GOOD_PLAN, 'id: OBJ-1').line;
    expect(ranges).toContainEqual({ startLine: obj1, endLine: obj1 + 6 });
  });

  it('code lens above reviews lists the next due obligations', async () => {
    const { uri } = await openDoc(DETERMINATE);
    const lenses = (await c.request('textDocument/codeLens', { textDocument: { uri } })) as { range: LspRange; command: { title: string } }[];
    expect(lenses).toHaveLength(1);
    expect(lenses[0].range.start.line).toBe(posOf(DETERMINATE, '\nreviews:', 1).line);
    expect(lenses[0].command.title).toBe('Next due: Pre-release review 2027-05-26 (upcoming) · Termination review 2029-06-09 (upcoming)');
    // No client command named: the lens is a label only.
    expect((lenses[0].command as unknown as { command: string }).command).toBe('');
  });

  it('the code lens runs the command the client names, with the document', async () => {
    const other = (await startClient({ initializationOptions: { lensCommand: 'planlint.showTimeline' } })).client;
    try {
      const uri = 'file:///ws/lens.plan.yaml';
      other.open(uri, DETERMINATE);
      await other.diagnostics(uri, 1);
      const lenses = (await other.request('textDocument/codeLens', { textDocument: { uri } })) as { command: { command: string; arguments?: unknown[] } }[];
      // The document and the first obligation the title names (the timeline opens at it).
      expect(lenses[0].command).toMatchObject({ command: 'planlint.showTimeline', arguments: [uri, 'review/pre-release@2027-05-26'] });
      const t = (await other.request('planlint/timeline', { uri })) as { obligations: { key: string; kind: string; due: string }[] };
      expect(t.obligations.find((o) => o.key === 'review/pre-release@2027-05-26')).toMatchObject({ kind: 'Pre-release review', due: '2027-05-26' });
    } finally {
      other.stop();
    }
  });
});
