// The language server's own words in the session's locale (issue 16): hover chrome, code action
// titles, code lens, inlay hints, outline details, the timeline and the citation on diagnostics
// come from lsp/messages.ts, rendered in Welsh when initialised with `locale: "cy"`, and through
// the catalogue everywhere (the pseudo-locale `qps` leaves no text of the server's outside ⟦…⟧).
// Rule messages are another catalogue: here they are compared with the engine's own rendering.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { completeLocales } from '../../server/src/engine/locales.js';
import { dueDates } from '../../server/src/engine/obligations.js';
import { schemaAt, propertiesOf } from '../../server/src/engine/schema.js';
import { defaultPolicy } from '../../server/src/policy/index.js';
import { diagnosticMessage } from '../../server/src/lsp/convert.js';
import { stoppedFinding } from '../../server/src/lsp/lintWorker.js';
import { AS_OF, GOOD_PLAN, posOf, ROOT, startClient, type LspDiagnostic, type LspRange, type TestClient } from './harness.js';

const DET = readFileSync(join(ROOT, 'samples/good/determinate.plan.yaml'), 'utf8');
// Findings with fixes (a wrong-case value) and one the policy cites, in a plan with an objective table.
const BAD = GOOD_PLAN.replace('gender: female', 'gender: Female').replace('objective: OBJ-2', 'objective: OBJ-9');

interface Hover {
  contents: { kind: string; value: string };
}
interface CodeAction {
  title: string;
  command?: { title: string };
  edit?: { documentChanges?: { edits: { newText: string }[] }[] };
}
interface Sym {
  name: string;
  detail?: string;
  children?: Sym[];
}
interface Completion {
  label: string;
  detail?: string;
  documentation?: { value: string } | string;
  labelDetails?: { description?: string };
}
interface Timeline {
  svg: string;
  rows: { label: string; title?: string; note?: string; kind: string }[];
  obligations: { kind: string; description: string; basis: string }[];
  next?: { text: string };
}

const clients: TestClient[] = [];
afterAll(() => Promise.all(clients.map((c) => c.stop())));

async function session(opts: Parameters<typeof startClient>[0]): Promise<TestClient> {
  const { client } = await startClient(opts);
  clients.push(client);
  return client;
}

let docs = 0;
async function open(c: TestClient, text: string): Promise<{ uri: string; diags: LspDiagnostic[] }> {
  const uri = `file:///ws/l${docs++}.plan.yaml`;
  c.open(uri, text);
  return { uri, diags: await c.diagnostics(uri, 1) };
}

const hoverAt = async (c: TestClient, uri: string, position: { line: number; character: number }): Promise<string> =>
  ((await c.request('textDocument/hover', { textDocument: { uri }, position })) as Hover | null)?.contents.value ?? '';
const actionsAt = (c: TestClient, uri: string, range: LspRange, diagnostics: LspDiagnostic[]): Promise<CodeAction[]> =>
  c.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
const lenses = (c: TestClient, uri: string): Promise<{ command: { title: string } }[]> => c.request('textDocument/codeLens', { textDocument: { uri } });
const hints = async (c: TestClient, uri: string, text: string): Promise<string[]> =>
  ((await c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } } })) as { label: string }[]).map((h) => h.label);
const symbols = (c: TestClient, uri: string): Promise<Sym[]> => c.request('textDocument/documentSymbol', { textDocument: { uri } });
const complete = (c: TestClient, uri: string, position: { line: number; character: number }): Promise<Completion[]> => c.request('textDocument/completion', { textDocument: { uri }, position });
const details = (syms: Sym[]): string[] => syms.flatMap((s) => [s.detail ?? '', ...details(s.children ?? [])]).filter(Boolean);

/** The diagnostics the engine renders for `text` in `locale`, with the server's citation. */
function engineMessages(text: string, locale: string): string[] {
  return lint(text, { asOf: AS_OF, locale }).findings.map((f) => diagnosticMessage(f, locale));
}

// -----------------------------------------------------------------------------------------------
// What escaped the catalogue under qps: the text outside ⟦…⟧ (nesting counted), once data the
// server shows as it is (schema and catalogue text, policy citations, obligation kinds) and
// what is no word (ids, dates, numbers, rule ids, code spans, links, markup) are taken out.

function outsideBrackets(s: string): string {
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (ch === '⟦') depth++;
    else if (ch === '⟧') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

function escaped(s: string, data: readonly string[] = []): string[] {
  let t = s;
  // Longest first, so that a description is taken out before a word inside it.
  for (const d of [...data].filter(Boolean).sort((a, b) => b.length - a.length)) t = t.split(d).join(' ');
  t = outsideBrackets(t)
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/\b[a-z]+\/[a-z0-9-]+\b/g, ' ')
    .replace(/\b[A-Z]+-\d+\b/g, ' ')
    .replace(/\b[a-z]+(?:_[a-z0-9]+)+\b/g, ' ')
    .replace(/\*\*[a-z_]+\*\*/g, ' ')
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .replace(/\bplanlint\b/g, ' ');
  return (t.match(/\p{L}{2,}/gu) ?? []).filter((w) => w !== 'SMART' && w !== 'PSI');
}

const policies = (): string[] => {
  const out = new Set<string>();
  for (const f of lint(BAD, { asOf: AS_OF }).findings) if (f.policy) out.add(f.policy);
  for (const f of lint(DET, { asOf: AS_OF }).findings) if (f.policy) out.add(f.policy);
  return [...out];
};

// -----------------------------------------------------------------------------------------------

describe('initialised with locale cy', () => {
  let c: TestClient;
  beforeAll(async () => {
    c = await session({ initializationOptions: { locale: 'cy' } });
  }, 60_000);

  it('publishes the engine’s Welsh rendering of each finding, with the citation through the catalogue', async () => {
    const { diags } = await open(c, BAD);
    expect(diags.length).toBeGreaterThan(0);
    expect(diags.map((d) => d.message).sort()).toEqual(engineMessages(BAD, 'cy').sort());
    // Where a rule message has Welsh, the diagnostic is not the English one.
    const en = lint(BAD, { asOf: AS_OF }).findings;
    const cy = lint(BAD, { asOf: AS_OF, locale: 'cy' }).findings;
    cy.forEach((f, i) => {
      if (f.message !== en[i].message) expect(diags.map((d) => d.message)).not.toContain(diagnosticMessage(en[i]));
    });
  });

  it('hover: the finding’s chrome, an objective’s summary and SMART table, review obligations', async () => {
    const { uri, diags } = await open(c, BAD);
    const shape = diags.find((d) => d.code === 'schema/shape')!;
    const onFinding = await hoverAt(c, uri, shape.range.start);
    expect(onFinding).toContain('**schema/shape**');
    expect(onFinding).toMatch(/\[Rhagor…\]\(https?:\/\//);
    expect(onFinding).not.toContain('[More…]');
    const objective = await hoverAt(c, uri, posOf(BAD, '- id: OBJ-1', 8));
    expect(objective).toMatch(/^\*\*Amcan OBJ-1\*\*: yn gwasanaethu OUT-1 · angen: addysg, hyfforddiant a chyflogaeth · targed \d{1,2} \p{L}+ \d{4} · /u);
    expect(objective).toContain('| **S** penodol |');
    expect(objective).toContain('| **T** ag amserlen |');
    expect(objective).not.toMatch(/specific|measurable|time-bound|\btarget\b/);
    const { uri: d } = await open(c, DET);
    const dated = await hoverAt(c, d, posOf(DET, 'release_date: ', 15));
    expect(dated).toContain('**Rhwymedigaethau adolygu**');
    expect(dated).toMatch(/ yn ddyledus \d{1,2} (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4} /);
    expect(dated).not.toMatch(/ due \d{4}/);
  });

  it('code actions: disable, documentation and fix-all titles in Welsh; the disable comment’s reason placeholder too', async () => {
    const { uri, diags } = await open(c, BAD);
    const shape = diags.find((d) => d.code === 'schema/shape')!;
    const actions = await actionsAt(c, uri, shape.range, [shape]);
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Analluogi schema/shape ar gyfer y llinell hon');
    expect(titles).toContain('Dangos y ddogfennaeth ar gyfer schema/shape');
    expect(actions.find((a) => a.title.startsWith('Dangos'))?.command?.title).toBe('Dangos y ddogfennaeth ar gyfer schema/shape');
    expect(titles.some((t) => /^(Disable|Show documentation|Fix all)/.test(t))).toBe(false);
    const disable = actions.find((a) => a.title.startsWith('Analluogi'))!;
    expect(disable.edit!.documentChanges![0].edits[0].newText).toMatch(/# planlint-disable-next-line schema\/shape -- rheswm\r?\n$/);
  });

  it('code lens, inlay hints, outline details and the timeline in Welsh', async () => {
    const { uri } = await open(c, DET);
    const lens = await lenses(c, uri);
    expect(lens.length).toBe(1);
    expect(lens[0].command.title).toMatch(/^(Nesaf yn ddyledus: |Adolygiadau: )/);
    const hs = await hints(c, uri, DET);
    expect(hs.length).toBeGreaterThan(3);
    for (const h of hs) expect(h).toMatch(/^(heddiw|ymhen .+|.+ yn ôl|.+ yn hwyr)( · (.+ cyn rhyddhau|ar adeg rhyddhau|ar ôl rhyddhau))?$/);
    expect(hs.some((h) => h.includes('cyn rhyddhau'))).toBe(true);
    const ds = details(await symbols(c, uri));
    expect(ds).toContain('amcan · targed 31 Mawrth 2027');
    expect(ds.some((d) => /^\d+ adolygiad$/.test(d))).toBe(true);
    expect(ds.filter((d) => /\b(objective|action|review|reviews|items?|none)\b/.test(d))).toEqual([]);
    const t = (await c.request('planlint/timeline', { uri })) as Timeline;
    const headers = t.rows.filter((r) => r.kind === 'header').map((r) => r.label);
    expect(headers).toEqual(expect.arrayContaining(['Dedfryd', 'Adolygiadau', 'Amcanion']));
    expect(t.svg).toContain('Llinell amser y ddedfryd: l');
    expect(t.rows.find((r) => r.label === 'Yn y ddalfa')?.title).toMatch(/^Yn y ddalfa o \d{1,2} \p{L}+ \d{4} i /u);
    if (t.next) expect(t.next.text).toMatch(/ yn (ddyledus|hwyr)/);
  });

  it('completion: details and documentation chrome in Welsh', async () => {
    const { uri } = await open(c, BAD);
    const refs = await complete(c, uri, posOf(BAD, 'objective: OBJ-9', 11));
    expect(refs.find((i) => i.label === 'OBJ-1')?.detail).toBe('amcan');
    const progs = await complete(c, uri, posOf(BAD, 'programme: thinking_skills_programme', 11));
    expect(progs.length).toBeGreaterThan(0);
    for (const p of progs) {
      if (p.labelDetails?.description) expect(p.labelDetails.description).toMatch(/^(cymwys|cymhwysedd yn anhysbys|ddim yn gymwys|wedi'i thynnu'n ôl)$/);
      const doc = typeof p.documentation === 'string' ? p.documentation : (p.documentation?.value ?? '');
      expect(doc).not.toMatch(/For this person|Accredited programme|Not an accredited/);
    }
    // A new objective: its label, detail and the placeholder texts typed over, in Welsh; values as they are.
    const t = BAD.replace('\nactions:', '  - \n\nactions:');
    const { uri: u } = await open(c, t);
    const sn = (await complete(c, u, posOf(t, '  - \n\nactions:', 4))).find((i) => i.label === 'amcan (eitem newydd)') as (Completion & { textEdit?: { newText: string } }) | undefined;
    expect(sn?.detail).toBe('dyddiad targed 23 Mai 2027 (6 mis o 23 Tachwedd 2026)');
    expect(sn?.textEdit?.newText).toContain('description: ${3:beth fydd y person yn ei gyflawni}');
    expect(sn?.textEdit?.newText).toContain('status: not_started');
    expect(progs.some((p) => /Rhaglen achrededig\.|Nid yw'n rhaglen achrededig\./.test(typeof p.documentation === 'string' ? p.documentation : (p.documentation?.value ?? '')))).toBe(true);
  });
});

describe('the pseudo-locale: nothing of the server’s escapes the catalogue', () => {
  let c: TestClient;
  const cat = defaultPolicy().catalogue;
  // The catalogue's own values (names, descriptions, genders, settings, strands, establishments) are data.
  const catalogueData = [
    ...cat.programmes.flatMap((p) => {
      const l = p as unknown as Record<string, unknown>;
      return [p.name, p.id, typeof l.description === 'string' ? l.description : '', ...['genders', 'settings', 'strands'].flatMap((k) => (Array.isArray(l[k]) ? (l[k] as unknown[]).map(String) : []))];
    }),
    ...cat.legacy.flatMap((p) => [p.name, p.id]),
    ...Object.keys(cat.availability ?? {}),
  ];
  beforeAll(async () => {
    c = await session({ initializationOptions: { locale: 'qps' } });
  }, 60_000);

  it('diagnostics: the citation is appended through the catalogue', async () => {
    const { diags } = await open(c, BAD);
    const cited = diags.filter((d) => /\(PSI [^)]*\)⟧$/.test(d.message));
    expect(cited.length).toBeGreaterThan(0);
    for (const d of diags) expect(d.message.startsWith('⟦⟦') || !/\(PSI/.test(d.message), d.message).toBe(true);
  });

  it('hover, code actions, code lens, inlay hints, outline details', async () => {
    const { uri, diags } = await open(c, BAD);
    const data = [...policies(), ...catalogueData];
    const found: string[] = [];
    const check = (where: string, s: string, extra: string[] = []): void => {
      const w = escaped(s, [...data, ...extra]);
      if (w.length) found.push(`${where}: ${w.join(' ')}`);
    };
    for (const d of diags) check(`hover ${d.code}`, await hoverAt(c, uri, d.range.start));
    for (const [needle, list] of [['- id: OBJ-1', 'objectives'], ['- id: OUT-1', 'outcomes'], ['- id: ACT-1', 'actions']]) {
      check(`hover ${needle}`, await hoverAt(c, uri, posOf(BAD, needle, 8)), schemaText([list, '#', 'id']));
    }
    for (const d of diags) for (const a of await actionsAt(c, uri, d.range, [d])) check(`action ${d.code}`, a.title + (a.command ? ` ${a.command.title}` : ''), [a.title.split('⟦')[0]]);
    const { uri: u, diags: dd } = await open(c, DET);
    for (const l of await lenses(c, u)) check('lens', l.command.title, obligationKinds(DET));
    for (const h of await hints(c, u, DET)) check('hint', h);
    // An action's detail is its type and programme: values from the plan.
    const values = lint(DET, { asOf: AS_OF }).plan.actions.flatMap((a) => [a.type ?? '', a.programme ?? '']);
    for (const d of details(await symbols(c, u))) check('symbol', d, values);
    check('hover release date', await hoverAt(c, u, posOf(DET, 'release_date: ', 15)), [...obligationKinds(DET), ...obligationBases(DET), ...schemaText(['sentence', 'release_date'])]);
    for (const d of dd) check(`hover ${d.code}`, await hoverAt(c, u, d.range.start), [...obligationKinds(DET), ...obligationBases(DET)]);
    expect(found).toEqual([]);
  });

  it('completion: details and documentation (labels are what a user types)', async () => {
    const { uri } = await open(c, BAD);
    const found: string[] = [];
    const positions = [posOf(BAD, 'objective: OBJ-9', 11), posOf(BAD, 'programme: thinking_skills_programme', 11)];
    for (const p of positions) {
      for (const i of await complete(c, uri, p)) {
        const doc = typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? '');
        const w = escaped([i.detail ?? '', doc, i.labelDetails?.description ?? ''].join('\n'), catalogueData);
        if (w.length) found.push(`${i.label}: ${w.join(' ')}`);
      }
    }
    // A new objective's snippet (its inserted text is plan content: ids, dates and values as they are).
    const t = BAD.replace('\nactions:', '  - \n\nactions:');
    const { uri: u } = await open(c, t);
    const sn = (await complete(c, u, posOf(t, '  - \n\nactions:', 4))).filter((i) => (i as { kind?: number }).kind === 15);
    expect(sn.length).toBeGreaterThan(0);
    for (const i of sn) {
      const w = escaped(`${i.label} ${i.detail ?? ''} ${(i as { textEdit?: { newText: string } }).textEdit?.newText.replace(/\b[a-z_]+:/g, ' ') ?? ''}`, ['OUT-1', 'thinking_behaviour', 'not_started']);
      if (w.length) found.push(`snippet ${i.label}: ${w.join(' ')}`);
    }
    // Keys of an action: the details the server words (a schema title is data, shown as it is).
    const keys = await complete(c, uri, { line: posOf(BAD, 'objective: OBJ-9', 0).line, character: 4 });
    const props = propertiesOf(schemaAt(['actions', '#'])!);
    for (const i of keys) {
      const sch = props[i.label];
      const w = escaped(i.detail ?? '', [sch?.title ?? '', i.label]);
      if (w.length) found.push(`${i.label}: ${w.join(' ')}`);
    }
    expect(keys.length).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it('the timeline: labels, titles and notes outside ⟦…⟧ are data only', async () => {
    const { uri } = await open(c, DET);
    const t = (await c.request('planlint/timeline', { uri })) as Timeline;
    const data = [...obligationKinds(DET), ...obligationBases(DET)];
    const found = t.rows.flatMap((r) => [r.label, r.title ?? '', r.note ?? ''].flatMap((s) => escaped(s, data).map((w) => `${r.kind} ${r.label}: ${w}`)));
    for (const o of t.obligations) found.push(...escaped(o.description));
    if (t.next) found.push(...escaped(t.next.text, data));
    expect(t.rows.length).toBeGreaterThan(5);
    expect(found).toEqual([]);
  });
});

/** A key's schema title and description: data the hover shows as it is. */
const schemaText = (path: (string | number)[]): string[] => {
  const s = schemaAt(path);
  return [s?.title ?? '', s?.description ?? ''];
};

/** The obligation kinds and bases of a plan: policy data (review.json), in English. */
function obligations(text: string): { kind: string; basis: string }[] {
  return dueDates(lint(text, { asOf: AS_OF }).plan, AS_OF, defaultPolicy().policy);
}
const obligationKinds = (text: string): string[] => obligations(text).map((o) => o.kind);
const obligationBases = (text: string): string[] => obligations(text).map((o) => o.basis);

describe('choosing the locale', () => {
  it('initialize.locale: taken only when planlint has all of that locale (qps always; Welsh once complete)', async () => {
    const q = await session({ locale: 'qps' });
    const { uri } = await open(q, BAD);
    expect((await actionsAt(q, uri, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } }, [])).every((a) => a.title.startsWith('⟦'))).toBe(true);
    const w = await session({ locale: 'cy-GB' });
    const { uri: u, diags } = await open(w, BAD);
    const shape = diags.find((d) => d.code === 'schema/shape')!;
    const titles = (await actionsAt(w, u, shape.range, [shape])).map((a) => a.title);
    expect(titles).toContain(completeLocales().includes('cy') ? 'Analluogi schema/shape ar gyfer y llinell hon' : 'Disable schema/shape for this line');
  });

  it('initializationOptions.locale wins over initialize.locale', async () => {
    const c = await session({ locale: 'qps', initializationOptions: { locale: 'cy' } });
    const { uri } = await open(c, DET);
    expect((await lenses(c, uri))[0].command.title).toMatch(/^(Nesaf yn ddyledus|Adolygiadau)/);
  });

  it('a change of the planlint.locale setting (pushed) re-renders open documents and asks for code lenses and inlay hints again', async () => {
    const workspace = {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      diagnostics: { refreshSupport: true },
      workspaceEdit: { documentChanges: true },
      codeLens: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
    };
    const c = await session({ extraCapabilities: { workspace } });
    let hintRefreshes = 0;
    c.conn.onRequest('workspace/inlayHint/refresh', () => {
      hintRefreshes++;
      return null;
    });
    const { uri } = await open(c, DET);
    const { uri: bad, diags } = await open(c, BAD);
    expect(diags.length).toBeGreaterThan(0);
    expect((await lenses(c, uri))[0].command.title).toMatch(/^(Next due|Reviews)/);
    const before = c.requests.filter((r) => r.method === 'workspace/codeLens/refresh').length;
    const published = c.published.filter((p) => p.uri === uri).length;
    c.notify('workspace/didChangeConfiguration', { settings: { planlint: { ...c.settings, locale: 'qps' } } });
    await c.until(() => c.requests.filter((r) => r.method === 'workspace/codeLens/refresh').length > before, 5000, 'code lens refresh');
    await c.until(() => c.published.filter((p) => p.uri === uri).length > published, 5000, 'diagnostics again');
    await c.until(() => hintRefreshes > 0, 5000, 'inlay hint refresh');
    // Published again in the new locale (the worker-free path: each message from the catalogue).
    await c.until(() => { const ds = c.lastPublished(bad)?.diagnostics ?? []; return ds.length === diags.length && ds.every((d) => d.message.startsWith('⟦')); }, 5000, 'diagnostics in qps');
    expect((await lenses(c, uri))[0].command.title.startsWith('⟦')).toBe(true);
    expect((await hints(c, uri, DET)).every((h) => h.startsWith('⟦'))).toBe(true);
  });

  it('a change of the setting read back from the client (workspace/configuration) re-renders too; clearing it goes back', async () => {
    const c = await session({});
    const { uri } = await open(c, DET);
    c.settings = { ...c.settings, locale: 'cy' };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    const welsh = async (): Promise<boolean> => /^(Nesaf yn ddyledus|Adolygiadau)/.test((await lenses(c, uri))[0].command.title);
    for (let i = 0; i < 50 && !(await welsh()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await welsh()).toBe(true);
    c.settings = { ...c.settings, locale: '' };
    c.notify('workspace/didChangeConfiguration', { settings: null });
    for (let i = 0; i < 50 && (await welsh()); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await lenses(c, uri))[0].command.title).toMatch(/^(Next due|Reviews)/);
  });
});

describe('in Welsh: Lint Workspace, a configuration not read, rename refusals', () => {
  let dir: string;
  let c: TestClient;
  const progress: { token: unknown; value: { kind: string; title?: string; message?: string } }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'planlint-cy-'));
    mkdirSync(join(dir, 'team/.planlintrc.yaml'), { recursive: true }); // not a regular file: refused
    writeFileSync(join(dir, 'good.plan.yaml'), DET);
    writeFileSync(join(dir, 'big.plan.yaml'), DET + `# ${'x'.repeat(40_000)}\n`);
    c = await session({ rootUri: pathToFileURL(dir).toString(), initializationOptions: { locale: 'cy' }, settings: { maxFileSize: 9_000 } });
    c.conn.onNotification('$/progress', (p: (typeof progress)[number]) => void progress.push(p));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Lint Workspace: its progress and the too-large file’s diagnostic', async () => {
    const r = (await c.request('planlint/lintWorkspace', { workDoneToken: 'cy-1' })) as { reports: { uri: string; diagnostics: LspDiagnostic[] }[] };
    const begin = progress.find((p) => p.token === 'cy-1' && p.value.kind === 'begin')!;
    expect(begin.value.title).toBe("planlint: Gwirio'r Gweithle");
    expect(begin.value.message).toBe('yn chwilio am gynlluniau');
    expect(progress.some((p) => p.token === 'cy-1' && p.value.kind === 'report' && /^\d+ o \d+ cynllun$/.test(p.value.message ?? ''))).toBe(true);
    const big = r.reports.find((x) => x.uri.endsWith('/big.plan.yaml'))!.diagnostics[0];
    expect(big.code).toBe('meta/file-too-large');
    expect(big.message).toMatch(/^Mae'r ffeil hon yn [\d,]+ beit, sy'n fwy na'r gosodiad planlint\.maxFileSize; ni chafodd ei gwirio\.$/);
  });

  it('a configuration that cannot be read is said in Welsh (window/showMessage)', async () => {
    const uri = pathToFileURL(join(dir, 'team/a.plan.yaml')).toString();
    c.open(uri, DET.slice(0, 8000));
    await c.diagnostics(uri, 1);
    const shown = await c.until(() => c.requests.find((r) => r.method === 'window/showMessage'), 5000, 'showMessage');
    expect((shown.params as { message: string }).message).toMatch(/^planlint: ni ddarllenwyd y cyfluniad .+\.planlintrc\.yaml: .+; yn defnyddio'r rhagosodiadau$/);
  });

  it('rename: what may be renamed and what an id is, in Welsh', async () => {
    const uri = pathToFileURL(join(dir, 'r.plan.yaml')).toString();
    c.open(uri, BAD);
    await c.diagnostics(uri, 1);
    await expect(c.request('textDocument/prepareRename', { textDocument: { uri }, position: posOf(BAD, 'kind: plan', 2) })).rejects.toThrow(/^Dim ond dynodydd canlyniad, amcan neu gam gweithredu/);
    await expect(c.request('textDocument/rename', { textDocument: { uri }, position: posOf(BAD, '- id: OBJ-1', 8), newName: 'two words' })).rejects.toThrow(/^Mae dynodydd yn cynnwys llythrennau/);
    await expect(c.request('textDocument/rename', { textDocument: { uri }, position: posOf(BAD, '- id: OBJ-1', 8), newName: 'OBJ-2' })).rejects.toThrow("Mae amcan gyda'r dynodydd OBJ-2 eisoes.");
  });
});

describe('a check the lint worker stopped', () => {
  it('says which limit in the session’s locale', () => {
    const budget = { timeMs: 1500, memoryMb: 512 };
    expect(stoppedFinding({ kind: 'stopped', why: 'time', budget }, 10).message).toContain('took longer than 1.5 s');
    expect(stoppedFinding({ kind: 'stopped', why: 'time', budget }, 10, 'cy').message).toMatch(/^Rhoddodd planlint y gorau i wirio'r ffeil hon: cymerodd y gwiriad fwy na 1\.5 eiliad/);
    expect(stoppedFinding({ kind: 'stopped', why: 'memory', budget }, 10, 'cy').message).toContain('mwy na 512 MB o gof');
    expect(stoppedFinding({ kind: 'stopped', why: 'crash', budget }, 10, 'cy').message).toMatch(/^Stopiodd gwiriwr planlint/);
    for (const why of ['time', 'memory', 'crash'] as const) expect(escaped(stoppedFinding({ kind: 'stopped', why, budget }, 10, 'qps').message)).toEqual([]);
  });
});

describe('the team default and configuration problems', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const workspace = (config: string): string => {
    const dir = mkdtempSync(join(tmpdir(), 'planlint-team-'));
    dirs.push(dir);
    writeFileSync(join(dir, '.planlintrc.yaml'), config);
    return dir;
  };

  it('locale: in the root .planlintrc.yaml is taken like the editor’s language: only for a locale planlint has all of; a named locale comes first', async () => {
    const dir = workspace('locale: cy\n');
    const c = await session({ rootUri: pathToFileURL(dir).toString() });
    const uri = pathToFileURL(join(dir, 'a.plan.yaml')).toString();
    c.open(uri, DET);
    await c.diagnostics(uri, 1);
    // The team default was read (the start-up log says which locale the session speaks, and why).
    for (let i = 0; i < 100 && !c.logs.some((l) => /team default locale cy/.test(l)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(c.logs.some((l) => /team default locale cy \(messages in (en|cy)\)/.test(l))).toBe(true);
    const title = (await lenses(c, uri))[0].command.title;
    expect(title).toMatch(completeLocales().includes('cy') ? /^(Nesaf yn ddyledus|Adolygiadau)/ : /^(Next due|Reviews)/);
    const q = await session({ rootUri: pathToFileURL(dir).toString(), initializationOptions: { locale: 'qps' } });
    q.open(uri, DET);
    await q.diagnostics(uri, 1);
    expect((await lenses(q, uri))[0].command.title.startsWith('⟦')).toBe(true);
  });

  it('a configuration file’s own problems are said in the session’s locale', async () => {
    const dir = workspace('rules:\n  plan/no-such-rule: error\n');
    const uri = pathToFileURL(join(dir, '.planlintrc.yaml')).toString();
    const en = await session({ rootUri: pathToFileURL(dir).toString() });
    en.open(uri, 'rules:\n  plan/no-such-rule: error\n');
    const english = await en.diagnostics(uri, 1);
    expect(english.length).toBeGreaterThan(0);
    const q = await session({ rootUri: pathToFileURL(dir).toString(), initializationOptions: { locale: 'qps' } });
    q.open(uri, 'rules:\n  plan/no-such-rule: error\n');
    const pseudo = await q.diagnostics(uri, 1);
    expect(pseudo.length).toBe(english.length);
    for (const d of pseudo) expect(d.message.startsWith('⟦'), d.message).toBe(true);
  });
});
