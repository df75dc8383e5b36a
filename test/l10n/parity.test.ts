// The Welsh catalogue against the English one: every Welsh id exists in English, with the same
// placeholders, in a template that parses; the files are one id a line, sorted, so a reviewer's
// correction is a one-line diff.
import '../../server/src/lsp/messages.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../server/src/cli/messages.js';
import { englishCatalogue } from '../../server/src/engine/l10n.js';
import { parseTemplate } from '../../server/src/engine/messages.js';
import { completeLocales } from '../../server/src/engine/locales.js';
import { WELSH } from '../../server/src/locales/cy/index.js';
import '../../server/src/locales/fronts.js';

type Part = ReturnType<typeof parseTemplate>[number];

/** Placeholder names a template uses, with how (`n:plural`, `d:date`, `x`). */
export function placeholders(template: string): string[] {
  const out = new Set<string>();
  const walk = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.t === 'arg') out.add(p.name);
      else if (p.t === 'date' || p.t === 'number') out.add(`${p.name}:${p.t}`);
      else if (p.t === 'plural' || p.t === 'select') {
        out.add(`${p.name}:${p.t}`);
        for (const b of p.branches.values()) walk(b);
      }
    }
  };
  walk(parseTemplate(template));
  return [...out].sort();
}

const dir = join(__dirname, '../../server/src/locales/cy');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('the Welsh catalogue', () => {
  const en = englishCatalogue().messages;

  it('has files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const f of files) {
    it(`${f} is one id a line, sorted, no id twice across files`, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const table = JSON.parse(text) as Record<string, string>;
      const keys = Object.keys(table);
      expect(keys).toEqual([...keys].sort());
      const expected = `{\n${keys.map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(table[k])}`).join(',\n')}\n}\n`;
      expect(text).toBe(expected);
      for (const other of files) {
        if (other === f) continue;
        const o = JSON.parse(readFileSync(join(dir, other), 'utf8')) as Record<string, string>;
        expect(keys.filter((k) => k in o), `ids in both ${f} and ${other}`).toEqual([]);
      }
    });
  }

  it('has every id English has: Welsh is a complete locale (npm run l10n -- cy lists any gap)', () => {
    expect(Object.keys(en).filter((id) => !(id in WELSH))).toEqual([]);
    expect(completeLocales()).toContain('cy');
  });

  it('has no id English lacks', () => {
    expect(Object.keys(WELSH).filter((id) => !(id in en))).toEqual([]);
  });

  it('uses the same placeholders as English in every message, and every template parses', () => {
    const wrong: string[] = [];
    for (const [id, cy] of Object.entries(WELSH)) {
      if (!(id in en)) continue;
      let a: string[];
      try {
        a = placeholders(cy);
      } catch (e) {
        wrong.push(`${id}: ${(e as Error).message}`);
        continue;
      }
      const b = placeholders(en[id]);
      if (a.join() !== b.join()) wrong.push(`${id}: cy {${a.join(', ')}} en {${b.join(', ')}}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps `code` spans (keys and values a user types) as English has them', () => {
    const wrong: string[] = [];
    const spans = (t: string): string[] => (t.match(/`[^`]*`/g) ?? []).sort();
    for (const [id, cy] of Object.entries(WELSH)) {
      if (id in en && spans(cy).join() !== spans(en[id]).join()) wrong.push(id);
    }
    expect(wrong).toEqual([]);
  });
});
