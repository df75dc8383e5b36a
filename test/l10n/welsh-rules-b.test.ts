// Welsh rule messages of the plan, engagement, smart, sequence, rmp and review families: every
// finding they give on the samples and on each rule's documented bad example renders in Welsh,
// with no fallback to English anywhere in the sentence (nested labels, durations, lists, related
// locations and quick-fix titles included).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { WELSH } from '../../server/src/locales/cy/index.js';
import { EXTRA_PLANS } from './welsh-rules-b.plans.js';

const AS_OF = '2026-11-23';
const FAMILIES = ['plan', 'engagement', 'smart', 'sequence', 'rmp', 'review'];
const mine = (ruleId: string): boolean => FAMILIES.includes(ruleId.split('/')[0]);

/**
 * Words that give an English sentence away and are not Welsh words. Checked on the text outside
 * `code` spans, the policy citation (data: "PRT: Your Sentence Plan") and double-quoted text (the
 * plan's own words, or an example from the policy data, which is English today).
 */
const ENGLISH = [
  ' the ', ' must ', ' should ', ' and ', ' or ', ' is ', ' not ', ' has ', ' with ', ' for ', ' of ', ' no ', ' in ', ' on ', ' by ', ' it ',
  'objective', 'review ', 'action ', 'outcome', ' before ', ' after ', ' low ', ' medium ', ' high ', ' very ', ' day', ' week', ' month', ' year',
];

/** The text of a rendered message that must be Welsh. */
export function ownText(message: string, cite?: string): string {
  let s = message;
  if (cite) s = s.split(cite).join(' ');
  return ` ${s.replace(/`[^`]*`/g, ' ').replace(/"[^"]*"/g, ' ')} `.replace(/[.,;:()]/g, ' ').replace(/\s+/g, ' ');
}

/** What is wrong with one Welsh rendering against its English one ([] when nothing). */
export function problems(cy: string, en: string, cite?: string): string[] {
  const out: string[] = [];
  if (cy === en) out.push('identical to English');
  const text = ownText(cy, cite).toLowerCase();
  for (const w of ENGLISH) if (text.includes(w)) out.push(`English word "${w.trim()}"`);
  if (/\{\w+\}/.test(cy.replace(/`[^`]*`/g, ''))) out.push('unfilled placeholder');
  if (/\b(?:common|review|plan|smart|sequence|rmp|engagement)[./][\w-]+\.\w+/.test(cy)) out.push('raw message id');
  return out;
}

const list = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));

interface Case {
  name: string;
  text: string;
  rules?: typeof ALL_RULES;
}

const cases: Case[] = [
  ...list('samples/bad').map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
  ...list('samples/good').map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
  ...ALL_RULES.filter((r) => mine(r.meta.id)).map((r) => ({ name: `${r.meta.id} docs`, text: `sentence_plan: 1\nkind: plan\n${r.meta.docs.bad}\n`, rules: [r] })),
  ...EXTRA_PLANS.map((p) => ({ name: p.name, text: p.text })),
];

interface Rendered {
  where: string;
  cy: string;
  en: string;
  cite?: string;
}

function renderings(c: Case): { ids: string[]; out: Rendered[] } {
  const cy = lint(c.text, { asOf: AS_OF, locale: 'cy', ...(c.rules ? { rules: c.rules } : {}) }).findings;
  const en = lint(c.text, { asOf: AS_OF, locale: 'en', ...(c.rules ? { rules: c.rules } : {}) }).findings;
  expect(cy.length, c.name).toBe(en.length);
  const out: Rendered[] = [];
  const ids: string[] = [];
  cy.forEach((f: Finding, i) => {
    const e = en[i];
    expect(f.messageId, c.name).toBe(e.messageId);
    if (!mine(f.ruleId)) return;
    ids.push(f.messageId ?? f.ruleId);
    const where = `${c.name} ${f.ruleId} ${f.messageId}`;
    out.push({ where, cy: f.message, en: e.message, cite: f.cite });
    f.related.forEach((r, k) => out.push({ where: `${where} related ${k}`, cy: r.message, en: e.related[k].message }));
    f.fixes.forEach((x, k) => out.push({ where: `${where} fix ${k}`, cy: x.title, en: e.fixes[k].title }));
  });
  return { ids, out };
}

describe('Welsh messages of the plan, engagement, smart, sequence, rmp and review families', () => {
  // Linted once, inside the first test that needs it (a mismatch with English fails that test).
  let memo: ReturnType<typeof renderings>[] | undefined;
  const rendered = (): ReturnType<typeof renderings>[] => (memo ??= cases.map(renderings));
  const seen = (): Set<string> => new Set(rendered().flatMap((r) => r.ids));

  it('the check finds English: a sentence left in English, an English word, a missing value', () => {
    const en = 'Action ACT-1 does not say who carries it out (PSI 19/2014 para 2.13): add `owner`.';
    expect(problems(en, en, 'PSI 19/2014 para 2.13')).toContain('identical to English');
    expect(problems('Mae ACT-1 yn hwyr and overdue.', en)).toContain('English word "and"');
    expect(problems('Nid oes gan amcan OBJ-1 ddyddiad targed: objective.', en)).toContain('English word "objective"');
    expect(problems('Mae {action} yn hwyr.', en)).toContain('unfilled placeholder');
    expect(problems('Mae plan/action-owner.missing yn hwyr.', en)).toContain('raw message id');
    // What is data, not text, is left alone: code spans, the citation, quoted words.
    expect(problems('Ychwanegwch `the owner and` (PRT: Your Sentence Plan), e.e. "Attend the course".', en, 'PRT: Your Sentence Plan')).toEqual([]);
  });

  it('exercises every rule of these families', () => {
    const rules = new Set([...seen()].map((id) => id.split('.')[0]));
    const want = ALL_RULES.map((r) => r.meta.id).filter(mine);
    expect(want.filter((id) => !rules.has(id))).toEqual([]);
  });

  it('every finding, related location and quick-fix title is Welsh', () => {
    const bad: string[] = [];
    for (const r of rendered().flatMap((x) => x.out)) {
      const p = problems(r.cy, r.en, r.cite);
      if (p.length) bad.push(`${r.where}: ${p.join(', ')}\n    ${r.cy}`);
    }
    expect(bad).toEqual([]);
    expect(rendered().flatMap((x) => x.out).length).toBeGreaterThan(100);
  });

  it('every message id reported has its own Welsh text (or its family one)', () => {
    const missing = [...seen()].filter((id) => !(id in WELSH) && !(id.replace(/^(\w+)\/[\w-]+\./, '$1.') in WELSH));
    expect(missing).toEqual([]);
  });
});
