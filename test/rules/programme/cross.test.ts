// The programme/* rules together with the rest of the catalogue: what --fix does with every
// rule on, a fix that must leave the sequence rules content, and personal data. Each rule's own
// findings are tested in tester.test.ts.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../server/src/engine/fix.js';
import { lint } from '../../../server/src/engine/lint.js';
import { rules as sequenceRules } from '../../../server/src/rules/sequence/index.js';
import { AS_OF, applyFix, config, plan } from './helpers.js';

const kaizenMan = { assessment: { scores: { ovp_2yr: 0.66 } } };

describe('--fix with every rule on', () => {
  it('swaps Enhanced Thinking Skills for the Thinking Skills Programme', () => {
    const t = plan({}, { programme: 'enhanced_thinking_skills' });
    expect(fixAll(t, { asOf: AS_OF }).text).toContain('programme: thinking_skills_programme\n');
  });
  it('leaves a replacement the recorded scores rule out for the author', () => {
    const t = plan({ assessment: { scores: { ogrs3_2yr: 0.31 } } }, { programme: 'enhanced_thinking_skills' });
    expect(fixAll(t, { asOf: AS_OF }).text).toBe(t);
  });
});

describe('programme/not-available: the inserted transfer keeps the sequence in order', () => {
  it('no priority gap or tie, the transfer before the programme', () => {
    const cfg = config('availability:\n  HMP Exampleton: [thinking_skills_programme]\n  HMP Wakefield: [kaizen, thinking_skills_programme]\n');
    const out = applyFix(plan(kaizenMan, { programme: 'kaizen' }), 'programme/not-available', 0, cfg);
    expect(out).toContain(
      '  - id: ACT-3\n    objective: OBJ-2\n    type: transfer\n    description: Transfer to HMP Wakefield or another establishment that delivers Kaizen.\n    priority: 2\n    phase: custody\n    owner: prison_offender_manager\n    status: not_started\n  - id: ACT-2\n',
    );
    expect(out).toMatch(/id: ACT-2\n[\s\S]*priority: 3\n/);
    const order = sequenceRules.filter((r) => ['sequence/priority-order', 'sequence/prerequisite-order', 'sequence/cycle'].includes(r.meta.id));
    expect(order).toHaveLength(3);
    expect(lint(out, { asOf: AS_OF, rules: order, config: cfg }).findings).toEqual([]);
  });
  it('with some priorities missing, the transfer goes into `after`', () => {
    const cfg = config('availability:\n  HMP Exampleton: [thinking_skills_programme]\n');
    const t = plan(kaizenMan, { programme: 'kaizen' }).replace('    priority: 1\n', '');
    expect(applyFix(t, 'programme/not-available', 0, cfg)).toContain('after: [ACT-3]');
  });
});

describe('personal data', () => {
  it('no programme finding echoes a name or prison number, in its message or its data', () => {
    const person = { name: 'Sam Example', prison_number: 'Z9999ZZ', gender: 'female', learning_disability: true };
    const texts = [
      plan({ person }, { programme: 'kaizen' }),
      plan({ person, assessment: { scores: { ogrs3_2yr: 0.2 } } }),
      plan({ person }, { programme: 'Sam Example course' }),
      plan({ person }, { programme: 'sotp', eligibility: 'pending' }),
    ];
    let seen = 0;
    for (const t of texts)
      for (const f of lint(t, { asOf: AS_OF }).findings.filter((x) => x.ruleId.startsWith('programme/'))) {
        seen++;
        for (const s of [f.message, JSON.stringify(f.data ?? {})]) {
          expect(s).not.toContain('Sam');
          expect(s).not.toContain('Z9999ZZ');
        }
      }
    expect(seen).toBeGreaterThan(3);
  });
});
