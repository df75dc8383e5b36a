// Hostile input at the engine level: the engine answers with findings, never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';

const AS_OF = '2026-11-23';
const run = (text: string) => lint(text, { asOf: AS_OF, rules: [] });
const codes = (text: string) => run(text).parsed.problems.map((p) => p.code);

describe('hostile input', () => {
  it('bounds a billion-laughs alias bomb with a clear problem', () => {
    const lines = ['sentence_plan: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const t0 = Date.now();
    const r = run(lines.join('\n') + '\n');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.parsed.problems.some((p) => p.code === 'ALIAS_LIMIT')).toBe(true);
  });
  it('survives 10,000-deep nesting', () => {
    const deep = 'sentence_plan: 1\nx: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n';
    expect(() => run(deep)).not.toThrow();
    const block = 'sentence_plan: 1\n' + Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + ' 1\n';
    expect(() => run(block)).not.toThrow();
  });
  it('survives a very long line', () => {
    expect(() => run('sentence_plan: 1\nx: ' + 'a'.repeat(2_000_000) + '\n')).not.toThrow();
  });
  it('refuses text over the size limit', () => {
    const r = lint('x'.repeat(101), { asOf: AS_OF, rules: [], maxChars: 100 });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['meta/file-too-large']);
  });
  it('reports a second document', () => {
    expect(codes('sentence_plan: 1\n---\nsentence_plan: 1\n')).toContain('MULTIPLE_DOCUMENTS');
  });
  it('does not pollute prototypes from keys', () => {
    const r = run('sentence_plan: 1\n__proto__:\n  polluted: true\nconstructor: 1\ntoString: x\nperson:\n  __proto__: { polluted: true }\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.plan.present.has('__proto__')).toBe(true);
  });
  it('never executes custom tags and reports them', () => {
    const r = run('sentence_plan: 1\nx: !!js/function "function(){ globalThis.pwned = 1 }"\ny: !include other.yaml\n');
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(r.parsed.problems.filter((p) => p.code === 'TAG_RESOLVE_FAILED').length).toBe(2);
  });
  it('handles a BOM, tabs, NUL bytes and lone CRs', () => {
    expect(() => run('\uFEFFsentence_plan: 1\n')).not.toThrow();
    expect(run('\uFEFFsentence_plan: 1\n').plan.sentence_plan).toBe(1);
    expect(() => run('sentence_plan: 1\n\tx: 1\n')).not.toThrow();
    expect(() => run('sentence_plan: 1\n\u0000\u0001\n')).not.toThrow();
    const cr = run('sentence_plan: 1\rkind: plan\r');
    expect(cr.parsed.lines.lineCount).toBe(3);
  });
  it('handles an empty file and a scalar document', () => {
    expect(() => run('')).not.toThrow();
    expect(() => run('just text')).not.toThrow();
    expect(() => run('- a\n- b\n')).not.toThrow();
  });
});

describe('line endings', () => {
  it('parses lone-CR files line by line, with the same columns as LF', () => {
    const lf = 'sentence_plan: 1\nkind: plan\nteam:\n  plan_owner: nobody\n';
    const cr = lf.replace(/\n/g, '\r');
    const a = lint(lf, { asOf: '2026-11-23' });
    const b = lint(cr, { asOf: '2026-11-23' });
    expect(b.plan.kind).toBe('plan');
    expect(b.parsed.problems).toEqual([]);
    const pos = (r: typeof a) => r.findings.map((f) => [f.ruleId, r.parsed.lines.positionAt(f.span.start)]);
    expect(pos(b)).toEqual(pos(a));
    expect(a.findings.length).toBeGreaterThan(0);
  });
});
