// Property tests over random, well-formed plans: every rule terminates without throwing,
// every finding lies inside the document, and fix-all never makes things worse.
import fc from 'fast-check';
import { Document } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../server/src/engine/fix.js';
import { lint } from '../../server/src/engine/lint.js';
import { addDays } from '../../server/src/engine/dates.js';
import {
  ACTION_STATUSES, ACTION_TYPES, BANDS4, ELIGIBILITY, EVENT_TYPES, NEED_AREAS, OBJECTIVE_STATUSES, OFFENCE_TYPES,
  PHASES, PLAN_OWNERS, REVIEW_TYPES, SENTENCE_TYPES,
} from '../../server/src/engine/model.js';
import { defaultPolicy } from '../../server/src/policy/index.js';

const AS_OF = '2026-11-23';
const SEED = 20261123;

const dateArb = fc.integer({ min: -3000, max: 3000 }).map((d) => addDays(AS_OF, d));
const idArb = (prefix: string) => fc.integer({ min: 1, max: 6 }).map((n) => `${prefix}-${n}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const words = fc.constantFrom(
  'Complete the Thinking Skills Programme with the prison team',
  'address offending behaviour',
  'engage',
  'Gain a level 2 qualification in construction',
  'Attend all sessions and pass 12 weekly drug tests',
  'improved',
);

function programmeIds(): string[] {
  return defaultPolicy().catalogue.programmes.map((p) => p.id).concat(['enhanced_thinking_skills', 'kaizn']);
}

const planArb = fc
  .record({
    kind: fc.constantFrom('plan', 'plan', 'template'),
    gender: fc.constantFrom('male', 'female'),
    dob: dateArb,
    ld: fc.boolean(),
    efl: fc.boolean(),
    type: fc.constantFrom(...SENTENCE_TYPES),
    length: fc.integer({ min: 1, max: 240 }),
    sentenced: dateArb,
    release: opt(dateArb),
    ped: opt(dateArb),
    end: opt(dateArb),
    setting: fc.constantFrom(...PHASES),
    allocation: fc.constantFrom('nps', 'crc'),
    owner: opt(fc.constantFrom(...PLAN_OWNERS)),
    ogrs: opt(fc.double({ min: 0, max: 1, noNaN: true })),
    ovp: opt(fc.double({ min: 0, max: 1, noNaN: true })),
    osp: opt(fc.constantFrom(...BANDS4)),
    rosh: fc.constantFrom(...BANDS4),
    mappa: opt(fc.constantFrom(1, 2, 3)),
    offence: fc.constantFrom(...OFFENCE_TYPES),
    needs: fc.array(fc.record({ area: fc.constantFrom(...NEED_AREAS), linked_to_offending: fc.boolean() }), { maxLength: 4 }),
    rmp: fc.boolean(),
    outcomes: fc.array(fc.record({ id: idArb('OUT'), description: words }), { maxLength: 3 }),
    objectives: fc.array(
      fc.record({
        id: idArb('OBJ'), outcome: idArb('OUT'), need: fc.constantFrom(...NEED_AREAS), description: words,
        measure: opt(words), target_date: opt(dateArb), status: fc.constantFrom(...OBJECTIVE_STATUSES), harm_reduction: opt(fc.boolean()),
      }),
      { maxLength: 4 },
    ),
    actions: fc.array(
      fc.record({
        id: idArb('ACT'), objective: idArb('OBJ'), description: words, type: fc.constantFrom(...ACTION_TYPES),
        programme: opt(fc.constantFrom(...programmeIds())), eligibility: opt(fc.constantFrom(...ELIGIBILITY)),
        priority: opt(fc.integer({ min: 1, max: 6 })), after: opt(fc.array(idArb('ACT'), { maxLength: 2 })),
        phase: fc.constantFrom(...PHASES), start_date: opt(dateArb), target_date: opt(dateArb),
        agreed_with_com: opt(fc.boolean()), status: fc.constantFrom(...ACTION_STATUSES),
      }),
      { maxLength: 5 },
    ),
    involved: opt(fc.boolean()),
    reviews: fc.array(fc.record({ date: dateArb, type: fc.constantFrom(...REVIEW_TYPES) }), { maxLength: 4 }),
    events: fc.array(fc.record({ date: dateArb, type: fc.constantFrom(...EVENT_TYPES) }), { maxLength: 3 }),
    flow: fc.boolean(),
    crlf: fc.boolean(),
  })
  .map((p) => {
    const strip = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    const plan = strip({
      sentence_plan: 1,
      kind: p.kind,
      person: { prison_number: 'A0000AA', gender: p.gender, date_of_birth: p.dob, learning_disability: p.ld, english_first_language: p.efl },
      sentence: strip({
        type: p.type, length_months: p.length, sentenced_on: p.sentenced, release_date: p.release, parole_eligibility_date: p.ped,
        sentence_end_date: p.end, allocation: p.allocation, setting: p.setting, establishment: 'HMP Leeds',
      }),
      team: strip({ prison_offender_manager: 'POM 1', plan_owner: p.owner }),
      assessment: {
        oasys: { completed_on: p.sentenced },
        scores: strip({ ogrs3_2yr: p.ogrs, ovp_2yr: p.ovp, osp_c: p.osp }),
        rosh: { overall: p.rosh },
        ...(p.mappa ? { mappa: { category: 1, level: p.mappa } } : {}),
        needs: p.needs.map((n) => ({ ...n, severity: 'medium' })),
        offence: { index: p.offence },
      },
      risk_management_plan: p.rmp ? { completed_on: p.sentenced, summary: 'Monitoring.' } : undefined,
      outcomes: p.outcomes,
      objectives: p.objectives.map(strip),
      actions: p.actions.map(strip),
      engagement: p.involved === undefined ? undefined : { involved: p.involved, discussed_on: p.sentenced, views: 'Agrees.' },
      reviews: p.reviews,
      events: p.events,
    });
    const doc = new Document(plan);
    let text = doc.toString({ collectionStyle: p.flow ? 'flow' : 'block', lineWidth: 0 });
    if (p.crlf) text = text.replace(/\n/g, '\r\n');
    return text;
  });

describe('every rule on random valid plans', () => {
  it('terminates, never throws, and reports inside the document', () => {
    fc.assert(
      fc.property(planArb, (text) => {
        const r = lint(text, { asOf: AS_OF });
        expect(r.findings.filter((f) => f.ruleId === 'meta/internal-error')).toEqual([]);
        for (const f of r.findings) {
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(text.length);
          expect(f.span.start).toBeLessThanOrEqual(f.span.end);
          expect(f.message.includes('A0000AA')).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('fix-all never raises the number of findings and leaves YAML that parses', () => {
    fc.assert(
      fc.property(planArb, (text) => {
        const before = lint(text, { asOf: AS_OF });
        const fixed = fixAll(text, { asOf: AS_OF });
        const after = lint(fixed.text, { asOf: AS_OF });
        expect(after.findings.length).toBeLessThanOrEqual(before.findings.length);
        const syntax = (fs: typeof before.findings) => fs.filter((f) => f.ruleId === 'schema/yaml-syntax').length;
        expect(syntax(after.findings)).toBeLessThanOrEqual(syntax(before.findings));
        // Idempotent: a second fix-all changes nothing.
        expect(fixAll(fixed.text, { asOf: AS_OF }).text).toBe(fixed.text);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
