// Engine fixes found by the fuzz and privacy tests (test/fuzz, test/reliability/privacy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyEdits } from '../../server/src/engine/edits.js';
import { lint } from '../../server/src/engine/lint.js';
import { parseText } from '../../server/src/engine/parse.js';

const AS_OF = '2026-11-23';
const ROOT = join(__dirname, '../..');
const errors = (text: string): number => parseText(text).problems.filter((p) => p.severity === 'error').length;

describe('a fix never adds a YAML syntax error to a text that already has one', () => {
  // Found by the fuzz test: a key typed in front of an item's first key (`- toString: id: OBJ-1`)
  // breaks that map; smart/measurable offered "Add an empty `measure`", which added an error.
  const broken = readFileSync(join(ROOT, 'samples/good/community.plan.yaml'), 'utf8').replace('  - id: OBJ-1', '  - toString: id: OBJ-1');

  it('every offered fix keeps the syntax error count', () => {
    const before = errors(broken);
    expect(before).toBeGreaterThan(0);
    const r = lint(broken, { asOf: AS_OF });
    for (const f of r.findings) for (const fix of f.fixes) expect(errors(applyEdits(broken, fix.edits)), `${f.ruleId}: ${fix.title}`).toBeLessThanOrEqual(before);
  });

  it('the harmful fix is withdrawn, the finding stays', () => {
    const r = lint(broken, { asOf: AS_OF });
    const measurable = r.findings.filter((f) => f.ruleId === 'smart/measurable');
    expect(measurable.length).toBeGreaterThan(0);
    expect(measurable.flatMap((f) => f.fixes.map((x) => x.title))).not.toContain('Add an empty `measure` to fill in');
  });

  it('a text without syntax errors keeps its fixes (nothing is re-parsed there)', () => {
    const ok = readFileSync(join(ROOT, 'samples/good/community.plan.yaml'), 'utf8').replace('    measure: A written job offer or a confirmed training place.\n', '');
    expect(errors(ok)).toBe(0);
    const r = lint(ok, { asOf: AS_OF });
    expect(r.findings.filter((f) => f.ruleId === 'smart/measurable').flatMap((f) => f.fixes.map((x) => x.title))).toContain('Add an empty `measure` to fill in');
  });
});

describe('the yaml library never prints document content', () => {
  afterEach(() => vi.restoreAllMocks());
  // A collection used as a key made `yaml` call process.emitWarning with the key's text,
  // which Node writes to stderr: the CLI's terminal, the language server's log.
  it('a collection key gives no process warning', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const w2 = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    lint('sentence_plan: 1\n? [Zqxj Canary]\n: 1\nperson:\n  ? { name: Zqxj Canary }\n  : x\n', { asOf: AS_OF });
    expect(warn).not.toHaveBeenCalled();
    expect(w2).not.toHaveBeenCalled();
  });
});

describe('a block mapping nested too deeply for the parser', () => {
  // Found by test/reliability/hostile.test.ts: 2,000 nested block mappings followed by a dedent
  // overflowed the stack inside `yaml`'s parser, so lint threw (the CLI and server would crash).
  const deep = `sentence_plan: 1\nperson:\n  history:\n${Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 4) + 'k:').join('\n')} 1\n  other: 1\n`;
  it('is one clear finding on line 1, not an exception', () => {
    const r = lint(deep, { asOf: AS_OF });
    const syntax = r.findings.filter((f) => f.ruleId === 'schema/yaml-syntax');
    expect(syntax.map((f) => f.message)).toEqual([
      'This file is nested too deeply to read (thousands of levels), so it was not checked. A sentence plan is a few levels deep: check that this is the right file.',
    ]);
    expect(syntax[0].span.start).toBe(0);
    expect(parseText(deep).problems.map((p) => p.code)).toEqual(['TOO_DEEP']);
  });
});

describe('programme/unknown quotes back only id-shaped values', () => {
  // Found by test/reliability/privacy.test.ts: a surname typed into `programme` was quoted back
  // in the message, and so into every report format.
  const plan = (programme: string) =>
    readFileSync(join(ROOT, 'samples/good/community.plan.yaml'), 'utf8').replace('programme: thinking_skills_programme', `programme: ${programme}`);
  const message = (programme: string) => lint(plan(programme), { asOf: AS_OF }).findings.find((f) => f.ruleId === 'programme/unknown')!.message;
  it('a capitalised word (maybe a name) is not quoted', () => {
    expect(message('Quillfeather')).not.toContain('Quillfeather');
    expect(message('Quillfeather')).toContain('Action ACT-2: the value of `programme` is not a programme in the catalogue');
  });
  it('a lower-case id (a typo) still is, with its suggestion', () => {
    expect(message('thinking_skils')).toContain('`thinking_skils` is not a programme in the catalogue');
  });
});

describe('a position between the CR and LF of a CRLF', () => {
  // Found by the language server fuzz test: a yaml-syntax finding ended between `\r` and `\n`,
  // and its diagnostic had a column one past the end of the line.
  it('is the end of the line', async () => {
    const { LineIndex } = await import('../../server/src/engine/lines.js');
    const li = new LineIndex('ab\r\ncd');
    expect(li.positionAt(2)).toEqual({ line: 0, character: 2 });
    expect(li.positionAt(3)).toEqual({ line: 0, character: 2 });
    expect(li.positionAt(4)).toEqual({ line: 1, character: 0 });
  });
  it('no finding of the fuzz counterexample lies past its line end', () => {
    const text = 'sentence_plan: 1\nteam:\n  community_offender_manager:\r\n COM Bradford 7\n  plan_owner: prison_offender_manager\n';
    const r = lint(text, { asOf: AS_OF });
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      for (const o of [f.span.start, f.span.end]) {
        const p = r.parsed.lines.positionAt(o);
        expect(p.character).toBeLessThanOrEqual(r.parsed.lines.lineText(p.line).length);
      }
    }
  });
});

describe('removing an unused suppression comment from a broken text', () => {
  // Found by the long fuzz run (seed 1932188348): with a NUL after `objectives:`, the
  // suppression comment below it was what let the parser recover; removing it (the
  // meta/unused-disable fix) turned 1 syntax error into 59. Those fixes are checked too now.
  it('is not offered when it would add syntax errors', async () => {
    const { mutate, SAMPLES } = await import('../fuzz/mutate.js');
    const sample = SAMPLES.find((x) => x.name === 'bad/meta-unused-disable.plan.yaml')!;
    const text = mutate(sample.text, [{ op: 'insert', at: 1862623290, col: 2121397991, text: '\u0000' }]);
    const before = errors(text);
    expect(before).toBe(1);
    const r = lint(text, { asOf: AS_OF });
    const unused = r.findings.filter((f) => f.ruleId === 'meta/unused-disable');
    expect(unused.length).toBeGreaterThan(0);
    for (const f of unused) for (const fix of f.fixes) expect(errors(applyEdits(text, fix.edits))).toBeLessThanOrEqual(before);
    // The harmless one (further down, after the damage) is still offered.
    expect(unused.flatMap((f) => f.fixes).length).toBeGreaterThan(0);
  });
});
