// The one fix guard (engine/fixGuard.ts): a fix that would add a YAML syntax error is refused
// by fix-all, by `--fix` and by the language server's code actions, whatever the rule
// settings — in particular with `schema/yaml-syntax: off` (fix-all used to count that rule's
// findings, so turning it off turned the protection off).
import { say, titled } from '../rules/inline.js';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { defaultConfig, withRuleOverrides } from '../../server/src/engine/config.js';
import { fixAll } from '../../server/src/engine/fix.js';
import { FixGuard, passMakesWorse, syntaxErrorCount } from '../../server/src/engine/fixGuard.js';
import { lint, type LintOptions } from '../../server/src/engine/lint.js';
import { parseText } from '../../server/src/engine/parse.js';
import type { Rule } from '../../server/src/engine/rule.js';
import { rules as metaRules } from '../../server/src/rules/meta/index.js';
import { yamlSyntax } from '../../server/src/rules/schema/yaml-syntax.js';
import { codeActions, FIX_ALL_KIND } from '../../server/src/lsp/codeActions.js';
import type { ServerState } from '../../server/src/lsp/context.js';
import { Converter } from '../../server/src/lsp/convert.js';
import { Documents, type Linted } from '../../server/src/lsp/documents.js';
import { CLIENT } from '../fuzz/state.js';
import { cli, removeTree, tempTree } from '../cli/helpers.js';

const AS_OF = '2026-11-23';
const docs = { rationale: 'A rule used only by the fix guard tests.', bad: '', good: '' };
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A "certain" fix that produces broken YAML (an unclosed flow sequence). */
const breaks: Rule = {
  meta: { id: 'guard-test/breaks', severity: 'error', policy: '', description: 'Bad fix.', fixable: 'fix-all', inTemplates: true, docs },
  check(ctx) {
    const root = ctx.root;
    if (!isObj(root) || root.flag !== 'on') return;
    const e = ctx.edit.replaceValue(['flag'], '[off, {');
    ctx.report({ path: ['flag'], at: 'value', ...say('flag is on.'), fixes: e ? [{ title: titled('Break it'), edits: [e], fixAll: true }] : [] });
  },
};
/** A good certain fix (score 48 -> 0.48), to show the guard lets ordinary fixes through. */
const score: Rule = {
  meta: { id: 'guard-test/score', severity: 'error', policy: '', description: 'Score above 1.', fixable: 'fix-all', inTemplates: true, docs },
  check(ctx) {
    const root = ctx.root;
    if (!isObj(root) || typeof root.score !== 'number' || root.score <= 1) return;
    const e = ctx.edit.replaceValue(['score'], String(root.score / 100));
    ctx.report({ path: ['score'], at: 'value', ...say('Score above 1.'), fixes: e ? [{ title: titled('Divide by 100'), edits: [e], fixAll: true }] : [] });
  },
};
const RULES: Rule[] = [yamlSyntax, breaks, score, ...metaRules];
const SYNTAX_OFF = withRuleOverrides(defaultConfig(), { 'schema/yaml-syntax': 'off' });
const OPTIONS: LintOptions = { asOf: AS_OF, rules: RULES, config: SYNTAX_OFF };

const CLEAN = 'sentence_plan: 1\nflag: on\n';
/** Already one syntax error (a duplicate key): there, each quick fix is re-parsed by the guard. */
const BROKEN = 'sentence_plan: 1\nflag: on\nx: 1\nx: 2\n';

describe('the fix guard counts the parser\'s errors, not findings', () => {
  it('syntaxErrorCount reads parse problems (kept and counted past the cap)', () => {
    expect(syntaxErrorCount(parseText(CLEAN))).toBe(0);
    expect(syntaxErrorCount(parseText(BROKEN))).toBe(1);
    expect(syntaxErrorCount({ problems: [], droppedProblems: 7 })).toBe(7);
  });

  it('allows an edit to a clean text without re-parsing it, and refuses one that adds an error to a broken text', () => {
    const parsed = parseText(BROKEN);
    const at = BROKEN.indexOf('on');
    const guard = new FixGuard(parsed);
    expect(guard.allows([{ start: at, end: at + 2, newText: 'off' }])).toBe(true);
    expect(guard.allows([{ start: at, end: at + 2, newText: '[off, {' }])).toBe(false);
    // A clean text: nothing to protect against, so a zero budget still allows (no re-parse).
    expect(new FixGuard(parseText(CLEAN), 0).allows([{ start: 0, end: 0, newText: '[' }])).toBe(true);
  });

  it('past its re-parse budget it offers nothing (never a fix unchecked)', () => {
    const parsed = parseText(BROKEN);
    const at = BROKEN.indexOf('on');
    const guard = new FixGuard(parsed, BROKEN.length * 2);
    const good = [{ start: at, end: at + 2, newText: 'off' }];
    expect(guard.allows(good)).toBe(true);
    expect(guard.allows(good)).toBe(true);
    expect(guard.allows(good)).toBe(false);
  });

  it('passMakesWorse: more syntax errors or more error findings', () => {
    const a = lint(CLEAN, OPTIONS);
    expect(passMakesWorse(a, a)).toBe(false);
    expect(passMakesWorse(a, lint('sentence_plan: 1\nflag: [off, {\n', OPTIONS))).toBe(true);
    expect(passMakesWorse(a, { parsed: a.parsed, findings: [...a.findings, { ...a.findings[0], severity: 'error' }] })).toBe(true);
  });
});

describe('with schema/yaml-syntax off, a fix that would add a syntax error is still refused', () => {
  it('by fixAll (and ordinary fixes still apply)', () => {
    const r = fixAll(CLEAN, OPTIONS);
    expect(r.changed).toBe(false);
    expect(r.refused).toBe(true);
    expect(r.text).toBe(CLEAN);
    const ok = fixAll('sentence_plan: 1\nscore: 48\n', OPTIONS);
    expect(ok.text).toBe('sentence_plan: 1\nscore: 0.48\n');
    expect(ok.refused).toBe(false);
  });

  it('by lint, which drops the quick fix in a text that already has a syntax error', () => {
    const f = lint(BROKEN, OPTIONS).findings.find((x) => x.ruleId === 'guard-test/breaks');
    expect(f).toBeDefined();
    expect(f!.fixes).toEqual([]);
    // The same rule, the same text without the duplicate key: the fix is offered (fix-all refuses it).
    expect(lint(CLEAN, OPTIONS).findings.find((x) => x.ruleId === 'guard-test/breaks')!.fixes).toHaveLength(1);
  });

  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeTree));
  it('by --fix: the file is not written, and the run says why', async () => {
    const d = tempTree({ 'a.plan.yaml': CLEAN });
    dirs.push(d);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(d, '.planlintrc.yaml'), 'rules:\n  schema/yaml-syntax: "off"\n');
    const file = join(d, 'a.plan.yaml');
    const mtime = statSync(file).mtimeMs;
    const r = await cli(['--fix', 'a.plan.yaml'], { cwd: d, rules: RULES });
    expect(readFileSync(file, 'utf8')).toBe(CLEAN);
    expect(statSync(file).mtimeMs).toBe(mtime);
    expect(r.stdout).toContain('fixes for a.plan.yaml were not applied');
    expect(r.stdout + r.stderr).not.toMatch(/planlint: fixed /);
  });

  /** A server state whose one document is linted with the test rules and yaml-syntax off. */
  function state(text: string): { s: ServerState; uri: string } {
    const uri = 'file:///w/a.plan.yaml';
    const docs = new Documents('utf-16');
    const doc = docs.open(uri, 'yaml', 1, text);
    const result = lint(text, OPTIONS);
    const linted: Linted = { version: 1, key: 'k', result, conv: new Converter(result.parsed.lines, 'utf-16'), options: OPTIONS };
    const connection = new Proxy({}, { get: (_t, k) => { throw new Error(`connection.${String(k)} used`); } }) as Connection;
    const s: ServerState = {
      connection, docs, client: CLIENT,
      settings: async () => { throw new Error('not used'); },
      lintDoc: async (d) => (d === doc ? linted : undefined),
      linted: async (u) => (u === uri ? linted : undefined),
      log: () => undefined,
    };
    return { s, uri };
  }

  it('by the code actions: no fix-all action, and no quick fix that breaks a broken text', async () => {
    const clean = state(CLEAN);
    const all = await codeActions(clean.s, { textDocument: { uri: clean.uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } }, context: { diagnostics: [], only: [FIX_ALL_KIND] } });
    expect(all).toEqual([]);

    const broken = state(BROKEN);
    const here = await codeActions(broken.s, { textDocument: { uri: broken.uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } }, context: { diagnostics: [] } });
    expect(here.map((a) => a.title)).not.toContain('Break it');
    // The line's other actions are still there (the guard let the disable comment through).
    expect(here.map((a) => a.title)).toContain('Disable guard-test/breaks for this line');
    expect(here.some((a) => a.kind === FIX_ALL_KIND)).toBe(false);
  });
});
