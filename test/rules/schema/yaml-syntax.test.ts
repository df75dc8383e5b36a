// schema/yaml-syntax: every syntax problem in plain English, at its position; other rules still run.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { AS_OF, EXAMPLE, at, edit, findings, run } from './fixtures.js';

const ID = 'schema/yaml-syntax';
const syntax = (text: string) => findings(text, ID);

describe('schema/yaml-syntax', () => {
  it('a valid plan has no syntax finding', () => {
    expect(syntax(EXAMPLE)).toEqual([]);
  });

  it('a duplicate key names the key only, at the second one', () => {
    const text = edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner: prison_offender_manager\n  plan_owner: community_offender_manager');
    const [f, ...rest] = syntax(text);
    expect(rest).toEqual([]);
    expect(f.message).toBe('Duplicate key `plan_owner`: a key may appear once in a mapping; the second one would silently win. Merge the two or remove one.');
    expect(at(text, f)).toBe('plan_owner');
    expect(f.span.start).toBe(text.lastIndexOf('plan_owner'));
  });

  it('a quoted duplicate key is named without its quotes', () => {
    const text = edit(EXAMPLE, '  gender: male', '  gender: male\n  "gender": female');
    expect(syntax(text)[0].message).toMatch(/^Duplicate key `gender`:/);
  });

  it.each([
    ['!include other.yaml', '!include'],
    ['!!js/function "function(){ globalThis.pwned = 1 }"', '!!js/function'],
  ])('an unresolved tag (%s) is not supported and never executed', (value, tag) => {
    const text = edit(EXAMPLE, 'establishment: HMP Leeds', `establishment: ${value}`);
    const [f] = syntax(text);
    expect(at(text, f)).toBe(tag);
    // A tag may be anything a person typed (`!Bloggs`): never quoted; the finding is on it.
    expect(f.message).toBe(
      'This tag is not supported: planlint never executes, includes or loads anything a tag names, so the value is read as plain text. Remove the tag and write the value itself.',
    );
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('bad indentation, at the line that is out of step', () => {
    const text = edit(EXAMPLE, '  gender: male', ' gender: male');
    const f = syntax(text);
    expect(f.length).toBeGreaterThanOrEqual(1);
    expect(f[0].message).toMatch(/^The indentation here does not line up/);
    expect(run(text).parsed.lines.positionAt(f[0].span.start).line).toBe(4);
  });

  it('a tab used for indentation', () => {
    const [f] = syntax('sentence_plan: 1\nteam:\n\tkey_worker: x\n');
    expect(f.message).toBe('A tab is used for indentation here, and YAML only allows spaces: replace the tab with spaces (two per level).');
  });

  it('an unclosed quote and an unclosed bracket', () => {
    expect(syntax('sentence_plan: 1\nkind: "plan\n')[0].message).toMatch(/^A quoted value is not closed/);
    expect(syntax('sentence_plan: 1\nactions:\n  - id: ACT-1\n    after: [ACT-2\n')[0].message).toMatch(/not closed/);
  });

  it('two pairs on one line', () => {
    const [f] = syntax('sentence_plan: 1\nteam: plan_owner: prison_offender_manager\n');
    expect(f.message).toMatch(/^Two `key: value` pairs on one line/);
  });

  it('never echoes plan content from yaml\'s own messages', () => {
    const secret = 'Jonathan Example';
    const text = `sentence_plan: 1\n- ${secret}\nperson: x: ${secret}\n"${secret}\n`;
    const f = syntax(text);
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x.message).not.toContain('Jonathan');
  });

  it('collapses the stray tokens of one broken line into one finding', () => {
    const text = 'sentence_plan: 1\n- a b: c, d: e\nkind: plan\n';
    const f = syntax(text);
    const lines = new Set(f.map((x) => run(text).parsed.lines.positionAt(x.span.start).line));
    expect(lines.size).toBe(f.length);
  });

  it('explains an unquoted placeholder inside a flow mapping', () => {
    const text = 'sentence_plan: 1\nkind: template\nassessment:\n  scores: { ogrs3_2yr: ${ogrs} }\n';
    const [f, ...rest] = syntax(text);
    expect(rest).toEqual([]);
    expect(f.message).toMatch(/^A `\$\{placeholder\}` inside `\{ … \}` or `\[ … \]` must be quoted/);
    expect(syntax('sentence_plan: 1\nkind: template\nassessment:\n  scores: { ogrs3_2yr: "${ogrs}" }\n')).toEqual([]);
  });

  it('reports a second document with the engine\'s own message', () => {
    const [f] = syntax(EXAMPLE + '---\nsentence_plan: 1\n');
    expect(f.message).toMatch(/more than one YAML document/);
  });

  it('reports the alias limit', () => {
    const lines = ['sentence_plan: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 6; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const f = syntax(lines.join('\n') + '\n');
    expect(f.map((x) => x.message).join(' ')).toMatch(/alias/i);
    // The shape rule says nothing about a document that could not be read.
    expect(findings(lines.join('\n') + '\n', 'schema/shape')).toEqual([]);
  });

  it('other rules still run on what parsed', () => {
    const text = edit(edit(EXAMPLE, '  gender: male', '  gender: male\n  gender: male'), 'overall: medium', 'overall: High');
    const ids = run(text).findings.map((f) => f.ruleId);
    expect(ids).toContain(ID);
    expect(ids).toContain('schema/shape');
  });

  it('CRLF text gives the same line/column spans as LF', () => {
    const lf = edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner: prison_offender_manager\n  plan_owner: x\n\tkey_worker: y');
    const crlf = lf.replace(/\n/g, '\r\n');
    const pos = (text: string) => {
      const r = lint(text, { asOf: AS_OF });
      return r.findings.filter((f) => f.ruleId === ID).map((f) => [f.message, r.parsed.lines.positionAt(f.span.start), r.parsed.lines.positionAt(f.span.end)]);
    };
    expect(pos(lf).length).toBeGreaterThanOrEqual(2);
    expect(pos(crlf)).toEqual(pos(lf));
  });
});
