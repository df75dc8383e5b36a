// The plan schema's words (titles, descriptions, per-value descriptions) are catalogue messages
// generated from schemas/sentence-plan.schema.json (engine/schemaText.ts): every text the schema
// shows has an English message that renders to exactly that text, and in Welsh the hover, the
// completion items and a schema/shape finding say the Welsh; under qps they are bracketed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishCatalogue } from '../../server/src/engine/l10n.js';
import { lint } from '../../server/src/engine/lint.js';
import { renderMsg } from '../../server/src/engine/messages.js';
import { enumDescription, schemaAt } from '../../server/src/engine/schema.js';
import { escapeTemplate, schemaDescription, schemaEnumDescription, schemaTextId, schemaTexts, schemaTitle } from '../../server/src/engine/schemaText.js';
import { WELSH } from '../../server/src/locales/cy/index.js';
import { GOOD_PLAN, posOf, startClient, type TestClient } from '../lsp/harness.js';

const REPO = join(__dirname, '../..');
const SCHEMA = JSON.parse(readFileSync(join(REPO, 'schemas/sentence-plan.schema.json'), 'utf8')) as unknown;
const en = englishCatalogue();

/** Every text the schema shows, read from the JSON itself (not through schemaText's walk). */
function shownTexts(): Array<{ kind: 'title' | 'description' | 'enum'; text: string }> {
  const out: Array<{ kind: 'title' | 'description' | 'enum'; text: string }> = [];
  const walk = (v: unknown, key: string): void => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x, ''));
    if (!v || typeof v !== 'object') return;
    const n = v as Record<string, unknown>;
    // `properties` holds keys named like keywords (`title`, `description`): those are schemas.
    if (key !== 'properties') {
      if (typeof n.title === 'string') out.push({ kind: 'title', text: n.title });
      if (typeof n.description === 'string') out.push({ kind: 'description', text: n.description });
      if (Array.isArray(n.enum)) for (const x of n.enum) {
        const t = enumDescription(n as never, x);
        if (t !== undefined) out.push({ kind: 'enum', text: t });
      }
    }
    for (const [k, x] of Object.entries(n)) if (typeof x === 'object') walk(x, k);
  };
  walk(SCHEMA, '');
  return out;
}

describe('the schema as English messages', () => {
  const shown = shownTexts();

  it('finds the schema texts (39 titles, 140 descriptions, 115 value descriptions)', () => {
    expect(shown.filter((s) => s.kind === 'title')).toHaveLength(39);
    expect(shown.filter((s) => s.kind === 'description')).toHaveLength(140);
    expect(shown.filter((s) => s.kind === 'enum')).toHaveLength(115);
    expect(schemaTexts()).toHaveLength(shown.length);
  });

  it('every text has an English message that renders to exactly the schema text', () => {
    const wrong: string[] = [];
    for (const s of shown) {
      const id = schemaTextId(s.kind, s.text);
      if (!id || !id.startsWith('planSchema.')) wrong.push(`no id: ${s.text}`);
      else if (renderMsg({ id }, en) !== s.text) wrong.push(`${id}: ${renderMsg({ id }, en)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('ids follow the instance path', () => {
    expect(schemaTextId('title', 'objective status')).toBe('planSchema.objectives.items.status.title');
    expect(schemaTextId('enum', enumDescription(schemaAt(['objectives', 0, 'status']), 'achieved')!)).toBe('planSchema.objectives.items.status.enum.achieved');
    expect(schemaTextId('description', 'A calendar date written YYYY-MM-DD.')).toBe('planSchema.$defs.date.description');
  });

  it('escapes template syntax so that any text renders as written', () => {
    for (const t of ["a ${placeholder} b", "it's {x}", "'{'", "''", "'}' and '", "{a, plural, one {#} other {#}}", "}{", "don't '' {"]) {
      expect(renderMsg({ id: 'x.t' }, { locale: 'en', messages: { 'x.t': escapeTemplate(t) } })).toBe(t);
    }
  });

  it('English through the functions is the schema text, unchanged', () => {
    const status = schemaAt(['objectives', 0, 'status']);
    expect(schemaTitle(status, 'en')).toBe(status?.title);
    expect(schemaDescription(status)).toBe(status?.description);
    expect(schemaEnumDescription(status, 'achieved', 'en')).toBe(enumDescription(status, 'achieved'));
  });

  it('Welsh has every planSchema id', () => {
    const ids = Object.keys(en.messages).filter((id) => id.startsWith('planSchema.'));
    expect(ids.length).toBe(286);
    expect(ids.filter((id) => !(id in WELSH))).toEqual([]);
  });
});

describe('the schema in Welsh and in qps, through the functions', () => {
  const status = schemaAt(['objectives', 0, 'status']);
  const kind = schemaAt(['kind']);
  it('cy: title, description and a value description are the Welsh', () => {
    expect(schemaTitle(status, 'cy')).toBe('statws yr amcan');
    expect(schemaDescription(status, 'cy')).toBe(WELSH['planSchema.objectives.items.status.description']);
    expect(schemaEnumDescription(status, 'achieved', 'cy')).toMatch(/^Wedi'i gyflawni, fel y dengys ei fesur; cofnodwch `achieved_on`/);
    // A text with braces: the Welsh keeps `${placeholder}` as written.
    expect(schemaEnumDescription(kind, 'plan', 'cy')).toContain('`${placeholder}` sydd ar ôl yn wall');
  });
  it('qps: bracketed', () => {
    for (const t of [schemaTitle(status, 'qps'), schemaDescription(status, 'qps'), schemaEnumDescription(status, 'achieved', 'qps')]) expect(t).toMatch(/^⟦.*⟧$/s);
  });
});

describe('a schema/shape finding names the field in its locale', () => {
  const text = GOOD_PLAN.replace('    status: in_progress\n', '    status: in_progres\n');
  const shape = (locale?: string): string[] =>
    lint(text, { asOf: '2026-11-23', ...(locale ? { locale } : {}) })
      .findings.filter((f) => f.ruleId === 'schema/shape')
      .map((f) => f.message);
  it('en: the schema title', () => {
    expect(shape().some((m) => m.includes('objective status'))).toBe(true);
  });
  it('cy: the Welsh title', () => {
    const ms = shape('cy');
    expect(ms.length).toBeGreaterThan(0);
    expect(ms.some((m) => m.includes('statws yr amcan')), ms.join('\n')).toBe(true);
    expect(ms.some((m) => m.includes('objective status'))).toBe(false);
  });
  it('qps: the title is bracketed inside the message', () => {
    const ms = shape('qps');
    expect(ms.some((m) => m.includes('objective status'))).toBe(false);
    expect(ms.some((m) => /⟦[^⟦⟧]*⟧/.test(m.slice(1)))).toBe(true);
  });
});

interface Item {
  label: string;
  detail?: string;
  documentation?: { kind: string; value: string } | string;
}
const docOf = (i: Item | undefined): string | undefined => (typeof i?.documentation === 'string' ? i.documentation : i?.documentation?.value);

describe.each([['cy'], ['qps']])('the language server in %s', (locale) => {
  let c: TestClient;
  const uri = 'file:///ws/schema-text.plan.yaml';
  // The first objective's status is left empty in a second copy for value completion.
  const TEXT = GOOD_PLAN;
  beforeAll(async () => {
    ({ client: c } = await startClient({ initializationOptions: { locale } }));
    c.open(uri, TEXT);
    await c.diagnostics(uri, 1);
  }, 60_000);
  afterAll(() => c.stop());

  const hover = async (needle: string, delta: number): Promise<string> =>
    ((await c.request('textDocument/hover', { textDocument: { uri }, position: posOf(TEXT, needle, delta) })) as { contents: { value: string } } | null)?.contents.value ?? '';
  const cy = (id: string): string => WELSH[id].replace(/'([{}])'/g, '$1');

  it('hover on a key: title and description in the locale', async () => {
    const v = await hover('    status: in_progress', 5);
    expect(v).toContain('**status**');
    if (locale === 'cy') {
      expect(v).toContain(`(${cy('planSchema.objectives.items.status.title')})`);
      expect(v).toContain(cy('planSchema.objectives.items.status.description'));
      expect(v).not.toContain('Progress of the objective');
    } else {
      expect(v).toMatch(/\*\*status\*\* \(⟦[^⟧]*⟧\)/);
      expect(v).not.toContain('Progress of the objective');
    }
  });

  it('hover on a value: what the value means in the locale', async () => {
    const v = await hover('    status: in_progress', 14);
    if (locale === 'cy') expect(v).toContain(`\`in_progress\`: ${cy('planSchema.objectives.items.status.enum.in_progress')}`);
    else expect(v).toMatch(/`in_progress`: ⟦[^⟧]*⟧/);
    expect(v).not.toContain('Work towards the objective is under way.');
  });

  it('completion: a value item and a key item, detail and documentation in the locale', async () => {
    const at = posOf(TEXT, '    status: in_progress', '    status: '.length);
    const values = (await c.request('textDocument/completion', { textDocument: { uri }, position: at })) as Item[];
    const achieved = values.find((i) => i.label === 'achieved');
    expect(achieved).toBeDefined();
    const keyLine = posOf(TEXT, '    status: in_progress');
    const keys = (await c.request('textDocument/completion', { textDocument: { uri }, position: { line: keyLine.line + 1, character: 4 } })) as Item[];
    const reason = keys.find((i) => i.label === 'reason');
    if (locale === 'cy') {
      expect(achieved?.detail).toBe('statws yr amcan');
      expect(docOf(achieved)).toBe(cy('planSchema.objectives.items.status.enum.achieved'));
      expect(docOf(reason)).toBe(cy('planSchema.objectives.items.reason.description'));
    } else {
      expect(achieved?.detail).toMatch(/^⟦.*⟧$/);
      expect(docOf(achieved)).toMatch(/^⟦.*⟧$/s);
      expect(docOf(reason)).toMatch(/^⟦.*⟧$/s);
    }
  });
});
