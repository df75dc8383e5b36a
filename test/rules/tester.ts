// The rule tester (ESLint's RuleTester, for plans): a rule's tests as a table of plans that
// pass and plans that fail, asserting message ids, data and positions rather than English.
//
//   ruleTester(rule).run({
//     valid: [plan, { name, plan, asOf, config }],
//     invalid: [{ name, plan, errors: [{ messageId: 'missing', line: 12, data: { action: 'ACT-1' } }], output }],
//   });
//
// Besides each case, it checks the rule's `meta` against what the rule did over the whole table:
// every message id reported exists in `meta.messages`; a rule that says `fixable: 'none'` offers
// no fix, `'fix'` offers only quick fixes, `'fix-all'` offers a certain fix somewhere; a rule that
// does not declare `usesAsOf` gives the same findings on any as-of date, and one that does changes
// on some case when the date moves.
import { describe, expect, it } from 'vitest';
import { loadConfigText, type ResolvedConfig } from '../../server/src/engine/config.js';
import { addDays } from '../../server/src/engine/dates.js';
import { applyEdits } from '../../server/src/engine/edits.js';
import { fixAll } from '../../server/src/engine/fix.js';
import { englishCatalogue } from '../../server/src/engine/l10n.js';
import { lint } from '../../server/src/engine/lint.js';
import { fullId, hasMessage, parseTemplate } from '../../server/src/engine/messages.js';
import { parseText } from '../../server/src/engine/parse.js';
import type { Rule } from '../../server/src/engine/rule.js';
import type { Finding, Severity } from '../../server/src/engine/types.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

export const TESTER_AS_OF = '2026-11-23';

export interface ValidCase {
  name?: string;
  plan: string;
  asOf?: string;
  /** A resolved configuration, or `.planlintrc.yaml` text (which must load without problems). */
  config?: ResolvedConfig | string;
}

export interface ErrorSpec {
  /** A rule-local message id (`missing`) or a full one (`plan/action-owner.missing`). */
  messageId: string;
  /** Values the message was rendered from; a subset is matched (nested messages as `{ id, data }`). */
  data?: Record<string, unknown>;
  /** 1-based line and column of the finding's start, and of its end. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** The text the finding's span covers. */
  text?: string;
  /** The policy citation the finding carries. */
  cite?: string;
  /** The text after each of the finding's fixes, in order (each is applied alone and must parse). */
  suggestions?: string[];
}

export interface InvalidCase extends ValidCase {
  /** The findings, in document order, or how many there are. */
  errors: ErrorSpec[] | number;
  /** The text after fix-all with this rule alone; `null`: fix-all changes nothing. */
  output?: string | null;
}

export interface Defaults {
  asOf?: string;
  config?: ResolvedConfig | string;
}

const KNOWN_RULES = ALL_RULES.map((r) => r.meta.id);

function resolveConfig(c: ResolvedConfig | string | undefined): ResolvedConfig | undefined {
  if (typeof c !== 'string') return c;
  const r = loadConfigText(c, '.planlintrc.yaml', KNOWN_RULES);
  expect(r.problems, 'the test configuration loads without problems').toEqual([]);
  return r.config;
}

const norm = (c: string | ValidCase): ValidCase => (typeof c === 'string' ? { plan: c } : c);

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function parses(text: string): boolean {
  return !parseText(text).problems.some((p) => p.severity === 'error');
}

/** Findings as compared across as-of dates: everything a user sees. */
const fingerprint = (fs: Finding[]): string =>
  JSON.stringify(fs.map((f) => [f.messageId ?? f.message, f.data, f.span, f.severity, f.fixes.map((x) => [x.title, x.edits])]));

export function ruleTester(rule: Rule, defaults: Defaults = {}) {
  const id = rule.meta.id;
  const run = (c: ValidCase, asOf?: string): Finding[] =>
    lint(c.plan, { asOf: asOf ?? c.asOf ?? defaults.asOf ?? TESTER_AS_OF, rules: [rule], config: resolveConfig(c.config ?? defaults.config) }).findings.filter(
      (f) => f.ruleId === id,
    );

  return {
    run(cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
      const seen = { fixes: 0, fixAll: 0, asOfSensitive: 0, cases: 0 };
      const messages = rule.meta.messages ?? {};
      const observe = (c: ValidCase, fs: Finding[]): void => {
        seen.cases++;
        for (const f of fs) {
          seen.fixes += f.fixes.length;
          seen.fixAll += f.fixes.filter((x) => x.fixAll).length;
        }
        const asOf = c.asOf ?? defaults.asOf ?? TESTER_AS_OF;
        for (const shift of [-400, 400, 4000]) {
          if (fingerprint(run(c, addDays(asOf, shift))) !== fingerprint(fs)) {
            seen.asOfSensitive++;
            break;
          }
        }
      };

      describe(`${id}: valid`, () => {
        cases.valid.map(norm).forEach((c, i) => {
          it(c.name ?? `valid #${i + 1}`, () => {
            const fs = run(c);
            expect(fs.map((f) => `${f.messageId ?? '(inline)'} ${f.message}`)).toEqual([]);
            observe(c, fs);
          });
        });
      });

      describe(`${id}: invalid`, () => {
        cases.invalid.forEach((c, i) => {
          it(c.name ?? `invalid #${i + 1}`, () => {
            const fs = run(c);
            observe(c, fs);
            if (typeof c.errors === 'number') {
              expect(fs.length, fs.map((f) => f.message).join('\n')).toBe(c.errors);
            } else {
              expect(fs.map((f) => f.messageId), fs.map((f) => f.message).join('\n')).toEqual(c.errors.map((e) => fullId(id, e.messageId)));
              c.errors.forEach((e, k) => checkError(c.plan, fs[k], e));
            }
            // `${name}` is the plan format's template placeholder, which messages may name.
            for (const f of fs) expect(f.message, 'every message is rendered from the catalogue').not.toMatch(/(?<!\$)\{[a-z]\w*\}/i);
            if (c.output !== undefined) {
              const out = fixAll(c.plan, { asOf: c.asOf ?? defaults.asOf ?? TESTER_AS_OF, rules: [rule], config: resolveConfig(c.config ?? defaults.config) }, (f) => f.ruleId === id);
              if (c.output === null) expect(out.text).toBe(c.plan);
              else {
                expect(out.text).toBe(c.output);
                expect(parses(out.text), 'fix-all output parses').toBe(true);
              }
            }
          });
        });
      });

      describe(`${id}: meta`, () => {
        it('declares every message it reports, and every template parses', () => {
          for (const t of Object.values(messages)) expect(() => parseTemplate(t)).not.toThrow();
          for (const c of cases.invalid) {
            if (typeof c.errors === 'number') continue;
            for (const e of c.errors) {
              const full = fullId(id, e.messageId);
              expect(hasMessage(englishCatalogue(), full) || e.messageId in messages, `message ${full} is declared`).toBe(true);
            }
          }
        });
        it(`behaves as meta says (fixable: ${rule.meta.fixable}, usesAsOf: ${rule.meta.usesAsOf ?? false})`, () => {
          if (seen.cases === 0) return;
          if (rule.meta.fixable === 'none') expect(seen.fixes, 'fixable none: no fix offered').toBe(0);
          if (rule.meta.fixable === 'fix') expect(seen.fixAll, "fixable 'fix': quick fixes only, none certain").toBe(0);
          if (!rule.meta.usesAsOf) expect(seen.asOfSensitive, 'no usesAsOf: the same findings on any as-of date').toBe(0);
          if (cases.invalid.length) {
            if (rule.meta.fixable === 'fix') expect(seen.fixes, "fixable 'fix': some case is offered a fix").toBeGreaterThan(0);
            if (rule.meta.fixable === 'fix-all') expect(seen.fixAll, "fixable 'fix-all': some case is offered a certain fix").toBeGreaterThan(0);
            if (rule.meta.usesAsOf) expect(seen.asOfSensitive, 'usesAsOf: some case changes with the as-of date').toBeGreaterThan(0);
          }
        });
      });
    },
  };
}

function checkError(text: string, f: Finding, e: ErrorSpec): void {
  const where = `${f.messageId}: ${f.message}`;
  if (e.data) expect(f.data, where).toMatchObject(e.data);
  const start = position(text, f.span.start);
  const end = position(text, f.span.end);
  if (e.line !== undefined) expect(start.line, `${where} (line)`).toBe(e.line);
  if (e.column !== undefined) expect(start.column, `${where} (column)`).toBe(e.column);
  if (e.endLine !== undefined) expect(end.line, `${where} (end line)`).toBe(e.endLine);
  if (e.endColumn !== undefined) expect(end.column, `${where} (end column)`).toBe(e.endColumn);
  if (e.severity !== undefined) expect(f.severity, where).toBe(e.severity);
  if (e.text !== undefined) expect(text.slice(f.span.start, f.span.end), where).toBe(e.text);
  if (e.cite !== undefined) expect(f.cite, where).toBe(e.cite);
  if (e.suggestions !== undefined) {
    expect(f.fixes.length, `${where} (number of fixes)`).toBe(e.suggestions.length);
    f.fixes.forEach((fix, i) => {
      const out = applyEdits(text, fix.edits);
      expect(out, `${where} (fix ${i + 1}: ${fix.title})`).toBe(e.suggestions![i]);
      expect(parses(out), `fix ${i + 1} output parses`).toBe(true);
    });
  }
}
