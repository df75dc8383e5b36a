// Property test: the plan/engagement/smart rules never throw on odd plans, and every fix they
// offer yields YAML that parses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edits.js';
import { lint } from '../../../server/src/engine/lint.js';
import { parseText } from '../../../server/src/engine/parse.js';
import { AS_OF, MY_RULES, basePlan, merge } from '../plan/helpers.js';

const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 60 }), fc.constantFrom('', 'x', '2026-01-01', '2027-13-40', '${p}', 'no_longer_appropriate', 'not_started', 'programme', 'custody', 'life', 'ipp', 'crc', 'Engage'));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'status', 'type', 'phase', 'target_date', 'description'), scalar, { maxKeys: 3 }));
const field = fc.constantFrom(
  ['kind'], ['person'], ['person', 'date_of_birth'], ['person', 'english_first_language'], ['person', 'foreign_national'],
  ['sentence'], ['sentence', 'type'], ['sentence', 'allocation'], ['sentence', 'requirements'], ['sentence', 'release_date'],
  ['team'], ['team', 'plan_owner'], ['outcomes'], ['objectives'], ['actions'], ['engagement'], ['engagement', 'involved'],
  ['assessment', 'needs'], ['assessment', 'rosh'],
);
const edit = fc.tuple(field, value);
const objectiveEdit = fc.tuple(fc.integer({ min: 0, max: 1 }), fc.constantFrom('description', 'measure', 'target_date', 'status', 'outcome', 'id', 'outside_control'), scalar);

function set(obj: Record<string, unknown>, path: readonly string[], v: unknown): Record<string, unknown> {
  const over: Record<string, unknown> = {};
  let cur = over;
  path.forEach((k, i) => {
    if (i === path.length - 1) cur[k] = v === null ? undefined : v;
    else cur = (cur[k] = {}) as Record<string, unknown>;
  });
  return merge(obj, over) as Record<string, unknown>;
}

describe('plan/engagement/smart rules on random plans', () => {
  it('never throw, and every fix parses', () => {
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 4 }), fc.array(objectiveEdit, { maxLength: 3 }), fc.boolean(), (edits, objEdits, flow) => {
        let p = basePlan();
        for (const [path, v] of edits) p = set(p, path, v);
        if (Array.isArray(p.objectives)) {
          const objs = (p.objectives as unknown[]).map((o) => (typeof o === 'object' && o !== null ? { ...(o as object) } : o)) as Record<string, unknown>[];
          for (const [i, k, v] of objEdits) if (objs[i] && typeof objs[i] === 'object') objs[i][k] = v === null ? undefined : v;
          p.objectives = objs.map((o) => (o && typeof o === 'object' ? JSON.parse(JSON.stringify(o)) : o));
        }
        const text = stringify(p, flow ? { lineWidth: 0, collectionStyle: 'flow' } : { lineWidth: 0 });
        const r = lint(text, { asOf: AS_OF, rules: MY_RULES });
        expect(r.findings.filter((f) => f.ruleId === 'meta/internal-error')).toEqual([]);
        for (const f of r.findings)
          for (const fix of f.fixes) {
            const out = applyEdits(text, fix.edits);
            expect(parseText(out).problems.filter((x) => x.severity === 'error')).toEqual([]);
          }
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
