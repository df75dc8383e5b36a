// Every finding of the plan/*, engagement/*, rmp/* and sequence/* rules on every sample has a message
// id, and everything it says (message, related messages, fix titles) comes from the catalogue: in a
// pseudo-locale that brackets each of these families' templates, every text is bracketed, and the data
// holds only codes, ids, dates, numbers and nested messages, never a phrase written by code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishCatalogue, registerLocale } from '../../../server/src/engine/l10n.js';
import { lint } from '../../../server/src/engine/lint.js';
import type { MessageValue } from '../../../server/src/engine/messages.js';
import type { Finding } from '../../../server/src/engine/types.js';
import { AS_OF } from './helpers.js';

const ROOT = join(__dirname, '../../../samples');
const FAMILIES = /^(plan|engagement|rmp|sequence)\//;
// A valid BCP 47 tag: Intl.PluralRules throws on an invalid one, and a lint in such a locale loses the findings whose messages use a plural.
const LOCALE = 'qps-x-idsb';

function samples(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? samples(p) : /\.ya?ml$/.test(f) ? [p] : [];
    });
}

const all = englishCatalogue().messages;
const pseudo: Record<string, string> = {};
for (const [id, t] of Object.entries(all)) if (FAMILIES.test(id)) pseudo[id] = `\u27ea${t}\u27eb`;
registerLocale(LOCALE, pseudo);

const bracketed = (s: string): boolean => s.startsWith('\u27ea') && s.endsWith('\u27eb');
const strip = (s: string): string => s.replace(/[\u27ea\u27eb]/g, '');

/** String leaves of message data that are phrases (a space), which only a template may hold. */
function phrases(v: MessageValue | undefined, out: string[] = []): string[] {
  if (v === undefined || typeof v === 'number') return out;
  if (typeof v === 'string') {
    if (/\s/.test(v)) out.push(v);
    return out;
  }
  for (const x of Object.values(v.data ?? {})) phrases(x, out);
  return out;
}

const FILES = samples(ROOT);
const findings = (text: string, locale?: string): Finding[] => lint(text, { asOf: AS_OF, locale }).findings.filter((f) => FAMILIES.test(f.ruleId));

describe('plan, engagement, rmp and sequence findings on samples/ come from the catalogue', () => {
  it('the samples show every one of these families', () => {
    const seen = new Set(FILES.flatMap((p) => findings(readFileSync(p, 'utf8')).map((f) => f.ruleId.split('/')[0])));
    expect([...seen].sort()).toEqual(['engagement', 'plan', 'rmp', 'sequence']);
  });
  for (const p of FILES) {
    const name = p.slice(ROOT.length + 1);
    it(name, () => {
      const text = readFileSync(p, 'utf8');
      const en = findings(text);
      const qps = findings(text, LOCALE);
      expect(qps.map((f) => f.ruleId + strip(f.message))).toEqual(en.map((f) => f.ruleId + f.message));
      en.forEach((f, i) => {
        const q = qps[i];
        const where = `${f.ruleId}: ${f.message}`;
        expect(f.messageId, where).toMatch(new RegExp(`^${f.ruleId}\\.\\w+$`));
        expect(f.messageId! in all, `${f.messageId} is in the catalogue`).toBe(true);
        expect(phrases(f.data ? { id: 'x', data: f.data } : undefined), where).toEqual([]);
        // Message, related messages and fix titles are each rendered from one of these families' templates.
        expect(bracketed(q.message), where).toBe(true);
        expect(strip(q.message)).toBe(f.message);
        expect(q.related.map((r) => bracketed(r.message)), where).toEqual(f.related.map(() => true));
        expect(q.related.map((r) => strip(r.message))).toEqual(f.related.map((r) => r.message));
        expect(q.fixes.map((x) => bracketed(x.title)), where).toEqual(f.fixes.map(() => true));
        expect(q.fixes.map((x) => strip(x.title))).toEqual(f.fixes.map((x) => x.title));
      });
    });
  }
});
