// The samples owned by the plan/engagement/smart helper: good ones are clean under these
// families; each bad one shows the rule its header names; every fix offered on them applies
// cleanly, still parses and is not offered again.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../../server/src/engine/edits.js';
import { lint } from '../../../server/src/engine/lint.js';
import { AS_OF, MY_RULES, expectParses } from './helpers.js';

const ROOT = join(__dirname, '../../../samples');
const GOOD = ['good/determinate.plan.yaml', 'good/indeterminate.plan.yaml', 'good/community.plan.yaml', 'templates/determinate.template.plan.yaml'];
const BAD = readdirSync(join(ROOT, 'bad')).filter((f) => /^(plan|engagement|smart)-.*\.plan\.yaml$/.test(f)).sort();
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const mine = (text: string) => lint(text, { asOf: AS_OF, rules: MY_RULES }).findings;

describe('good samples', () => {
  for (const f of GOOD) {
    it(`${f} has no plan/engagement/smart finding`, () => {
      expect(mine(read(f)).map((x) => `${x.ruleId}: ${x.message}`)).toEqual([]);
    });
  }
  it('the template is a template and the plans are plans', () => {
    expect(lint(read(GOOD[3]), { asOf: AS_OF, rules: [] }).isTemplate).toBe(true);
    for (const f of GOOD.slice(0, 3)) expect(lint(read(f), { asOf: AS_OF, rules: [] }).isTemplate).toBe(false);
  });
});

describe('bad samples', () => {
  it('there is one for every rule of the three families', () => {
    const shown = BAD.map((f) => /^# Shows ([a-z-]+\/[a-z-]+):/.exec(read(`bad/${f}`))?.[1]);
    expect([...new Set(shown)].sort()).toEqual(MY_RULES.map((r) => r.meta.id).sort());
    for (const f of BAD) expect(f).toBe(`${/^# Shows ([a-z-]+)\/([a-z-]+):/.exec(read(`bad/${f}`))!.slice(1).join('-')}.plan.yaml`);
  });
  for (const f of BAD) {
    it(`${f} reports the rule it shows`, () => {
      const text = read(`bad/${f}`);
      const id = /^# Shows ([a-z-]+\/[a-z-]+):/.exec(text)![1];
      const fs = mine(text);
      expect(fs.map((x) => x.ruleId)).toContain(id);
      // Findings never echo the person's name or prison number.
      for (const x of fs) expect(x.message).not.toMatch(/Sample Person|[A-C]000[1-3][A-C]{2}/);
    });
  }
  it('every fix applies, parses, removes its finding or is not offered again, and changes nothing the second time', () => {
    let checked = 0;
    for (const f of BAD) {
      const text = read(`bad/${f}`);
      for (const finding of mine(text)) {
        for (const fix of finding.fixes) {
          const out = applyEdits(text, fix.edits);
          expect(out).not.toBe(text);
          expectParses(out);
          const after = mine(out).filter((x) => x.ruleId === finding.ruleId && x.span.start === finding.span.start);
          const again = after.flatMap((x) => x.fixes).filter((x) => x.title === fix.title);
          expect(again).toEqual([]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
