// schema/yaml-syntax: every syntax problem in plain English, at its position; other rules still run.
// The findings are a rule-tester table; what is not one rule's findings (other rules still run,
// CRLF spans, nothing echoed) stays as plain tests below.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { MAX_ALIAS_COUNT } from '../../../server/src/engine/parse.js';
import { ruleTester } from '../tester.js';
import { AS_OF, EXAMPLE, at, edit, findings, rule, run } from './fixtures.js';

const ID = 'schema/yaml-syntax';
const syntax = (text: string) => findings(text, ID);
const tagged = (value: string) => edit(EXAMPLE, 'establishment: HMP Leeds', `establishment: ${value}`);
const ALIASES = (() => {
  const lines = ['sentence_plan: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 6; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  return lines.join('\n') + '\n';
})();

ruleTester(rule(ID)).run({
  valid: [
    { name: 'the format example', plan: EXAMPLE },
    { name: 'a quoted placeholder inside a flow mapping, in a template', plan: 'sentence_plan: 1\nkind: template\nassessment:\n  scores: { ogrs3_2yr: "${ogrs}" }\n' },
    // A plan written by hand: comments, a block scalar, quoted text with a colon, CRLF-free flow mappings.
    {
      name: 'a hand-written plan with comments, a folded description and a quoted colon',
      plan: edit(EXAMPLE, '    description: Complete a drug treatment programme with the prison substance misuse service.', '    # agreed at the first review\n    description: >-\n      Complete a drug treatment programme with the prison\n      substance misuse service.\n    detail: "Note: weekly"'),
    },
  ],
  invalid: [
    {
      name: 'a duplicate key names a key of the format, at the second one',
      plan: edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner: prison_offender_manager\n  plan_owner: community_offender_manager'),
      errors: [{ messageId: 'duplicateKey', data: { key: 'plan_owner' }, text: 'plan_owner', line: 21 }],
    },
    { name: 'a quoted duplicate key is named without its quotes', plan: edit(EXAMPLE, '  gender: male', '  gender: male\n  "gender": female'), errors: [{ messageId: 'duplicateKey', data: { key: 'gender' }, text: '"gender"' }] },
    {
      name: 'a duplicate key that is not the format\'s (a name typed as a key) is not named',
      plan: edit(EXAMPLE, '  gender: male', '  gender: male\n  Jo Bloggs: x\n  Jo Bloggs: y'),
      errors: [{ messageId: 'duplicateKeyUnnamed', line: 7 }],
    },
    { name: 'an !include tag is not supported, at the tag', plan: tagged('!include other.yaml'), errors: [{ messageId: 'tag', text: '!include' }] },
    { name: 'a !!js/function tag is never executed', plan: tagged('!!js/function "function(){ globalThis.pwned = 1 }"'), errors: [{ messageId: 'tag', text: '!!js/function' }] },
    { name: 'bad indentation, at the line out of step', plan: edit(EXAMPLE, '  gender: male', ' gender: male'), errors: [{ messageId: 'badIndent', line: 5 }, { messageId: 'twoPairs' }] },
    { name: 'a tab used for indentation', plan: 'sentence_plan: 1\nteam:\n\tkey_worker: x\n', errors: [{ messageId: 'tab', line: 3 }] },
    { name: 'an unclosed quote', plan: 'sentence_plan: 1\nkind: "plan\n', errors: [{ messageId: 'unclosedQuote', line: 3 }] },
    { name: 'an unclosed bracket', plan: 'sentence_plan: 1\nactions:\n  - id: ACT-1\n    after: [ACT-2\n', errors: 1 },
    { name: 'two pairs on one line', plan: 'sentence_plan: 1\nteam: plan_owner: prison_offender_manager\n', errors: [{ messageId: 'twoPairs', line: 2 }] },
    {
      name: 'an unquoted placeholder inside a flow mapping',
      plan: 'sentence_plan: 1\nkind: template\nassessment:\n  scores: { ogrs3_2yr: ${ogrs} }\n',
      errors: [{ messageId: 'placeholderInFlow', line: 4 }],
    },
    { name: 'a second document, with the engine\'s own message', plan: EXAMPLE + '---\nsentence_plan: 1\n', errors: [{ messageId: 'multipleDocuments', text: '---' }] },
    { name: 'the alias limit', plan: ALIASES, errors: [{ messageId: 'aliasLimit', data: { max: MAX_ALIAS_COUNT }, line: 1 }] },
  ],
});

describe('schema/yaml-syntax', () => {
  it('a tag is never executed', () => {
    syntax(tagged('!!js/function "function(){ globalThis.pwned = 1 }"'));
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it('an unclosed bracket says it is not closed', () => {
    expect(syntax('sentence_plan: 1\nactions:\n  - id: ACT-1\n    after: [ACT-2\n')[0].message).toMatch(/not closed/);
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

  it('the shape rule says nothing about a document that could not be read', () => {
    expect(syntax(ALIASES).length).toBe(1);
    expect(findings(ALIASES, 'schema/shape')).toEqual([]);
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
