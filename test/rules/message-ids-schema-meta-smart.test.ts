// Issue 15 item 4: every finding of the schema, template, smart and meta families comes from the
// message catalogue by id. Every file in samples/ is linted; each such finding carries a
// messageId that the English catalogue declares, and its message is that id rendered with its data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishCatalogue } from '../../server/src/engine/l10n.js';
import { lint } from '../../server/src/engine/lint.js';
import { renderMsg } from '../../server/src/engine/messages.js';
import type { Rule } from '../../server/src/engine/rule.js';
import type { Finding } from '../../server/src/engine/types.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const AS_OF = '2026-11-23';
const FAMILIES = ['schema/', 'template/', 'smart/', 'meta/'];
const ours = (f: Finding): boolean => FAMILIES.some((p) => f.ruleId.startsWith(p));
const list = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

function expectFromCatalogue(f: Finding): void {
  const where = `${f.ruleId}: ${f.message}`;
  expect(f.messageId, where).toBeDefined();
  const all = englishCatalogue().messages;
  expect(f.messageId! in all, `${f.messageId} is declared`).toBe(true);
  expect(f.messageId!.startsWith(`${f.ruleId}.`), `${f.messageId} is the rule's own`).toBe(true);
  // The message is exactly the catalogue's template rendered with the finding's data (citation included).
  const data = f.cite ? { ...f.data, cite: f.cite } : f.data;
  expect(renderMsg({ id: f.messageId!, data }, englishCatalogue(), f.ruleId)).toBe(f.message);
}

describe('schema, template, smart and meta findings have message ids', () => {
  const files = list('samples');
  it('samples/ has files for these families', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.some((f) => /bad\/(schema|smart|meta|template)-/.test(f))).toBe(true);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    for (const asOf of [AS_OF, '2030-01-01']) {
      for (const f of lint(text, { asOf }).findings.filter(ours)) expectFromCatalogue(f);
    }
  });

  it('every sample family finding together covers the rules shown in samples/bad', () => {
    const seen = new Set<string>();
    for (const file of list('samples/bad')) for (const f of lint(readFileSync(file, 'utf8'), { asOf: AS_OF }).findings.filter(ours)) seen.add(f.ruleId);
    for (const id of ['schema/shape', 'schema/yaml-syntax', 'schema/dangling-reference', 'schema/duplicate-id', 'schema/score-range', 'smart/specific', 'smart/measurable', 'meta/unused-disable'])
      expect([...seen], id).toContain(id);
  });

  it("the engine's own findings too: a refused file, too many lines, a budget passed, a rule that fails", () => {
    const big = lint('sentence_plan: 1\n' + 'x'.repeat(200), { asOf: AS_OF, maxChars: 100 }).findings;
    expect(big.map((f) => f.messageId)).toEqual(['meta/file-too-large.tooLarge']);
    const deep = lint(`sentence_plan: 1\nperson:\n  a: ${'['.repeat(80)}${']'.repeat(80)}\n`, { asOf: AS_OF }).findings.filter((f) => f.ruleId === 'meta/too-complex');
    expect(deep.map((f) => f.messageId)).toEqual(['meta/too-complex.complex']);
    expect(deep[0].data).toMatchObject({ limit: 'depth', whole: 'no', line: 3 });
    const lines = lint('- a\n'.repeat(100_001), { asOf: AS_OF }).findings;
    expect(lines.map((f) => f.messageId)).toEqual(['meta/too-complex.tooManyLines']);
    const broken: Rule = { meta: { ...ALL_RULES[0].meta, id: 'schema/broken-for-test' }, check: () => { throw new TypeError('boom'); } };
    const failed = lint('sentence_plan: 1\n', { asOf: AS_OF, rules: [broken] }).findings;
    expect(failed.map((f) => f.messageId)).toEqual(['meta/internal-error.failed']);
    expect(failed[0].data).toEqual({ rule: 'schema/broken-for-test', error: 'TypeError' });
    expect(failed[0].message).not.toContain('boom');
    for (const f of [...big, ...deep, ...lines, ...failed]) expectFromCatalogue(f);
  });
});
