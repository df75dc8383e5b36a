import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../server/src/engine/fix.js';
import { lint } from '../../../server/src/engine/lint.js';
import { rules } from '../../../server/src/rules/sequence/index.js';
import { communityConsultation } from '../../../server/src/rules/sequence/community-consultation.js';
import { cycle } from '../../../server/src/rules/sequence/cycle.js';
import { harmActions } from '../../../server/src/rules/sequence/harm-actions.js';
import { paroleTiming } from '../../../server/src/rules/sequence/parole-timing.js';
import { prerequisiteOrder } from '../../../server/src/rules/sequence/prerequisite-order.js';
import { priorityOrder } from '../../../server/src/rules/sequence/priority-order.js';
import { stabiliseFirst } from '../../../server/src/rules/sequence/stabilise-first.js';
import type { Rule } from '../../../server/src/engine/rule.js';
import { applyFix, at, run, syntaxErrors } from '../review/helpers.js';

const AS_OF = '2026-11-23';
const doc = (body: string): string => `sentence_plan: 1\nkind: plan\n${body.trimEnd()}\n`;

/** Apply the first fix of the first finding; the result parses and the rule is silent. */
function fixed(rule: Rule, text: string): string {
  const [f] = run(rule, text, AS_OF);
  const out = applyFix(text, f);
  expect(syntaxErrors(out)).toEqual([]);
  expect(run(rule, out, AS_OF)).toEqual([]);
  return out;
}

describe('metadata', () => {
  it('catalogue order; sequence rules run in templates', () => {
    expect(rules.map((r) => r.meta.id)).toEqual([
      'sequence/priority-order', 'sequence/cycle', 'sequence/prerequisite-order', 'sequence/stabilise-first',
      'sequence/community-consultation', 'sequence/parole-timing', 'sequence/harm-actions',
    ]);
    for (const r of rules) expect(r.meta.inTemplates).toBe(true);
    const t = doc('actions:\n  - { id: ACT-1, after: [ACT-1] }').replace('kind: plan', 'kind: template');
    expect(lint(t, { asOf: AS_OF, rules: [cycle] }).findings).toHaveLength(1);
  });
});

describe('sequence/priority-order', () => {
  it('1..n in order, or no priorities at all: nothing', () => {
    expect(run(priorityOrder, doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }'), AS_OF)).toEqual([]);
    expect(run(priorityOrder, doc('actions:\n  - { id: ACT-2 }\n  - { id: ACT-1 }'), AS_OF)).toEqual([]);
  });
  it('reorder fix keeps a comment attached to its item, and is fix-all', () => {
    const text = doc('actions:\n  - id: ACT-2\n    priority: 2   # after treatment\n  # stabilise first\n  - id: ACT-1\n    priority: 1\nreviews: []');
    const [f] = run(priorityOrder, text, AS_OF);
    expect(f.message).toBe('ACT-1 (priority 1) is listed after ACT-2 (priority 2). Actions are set out in order of priority (PSI 19/2014 para 2.7): list the highest priority (1) first.');
    expect(at(text, f)).toBe('1');
    expect(f.fixes[0].fixAll).toBe(true);
    const out = fixed(priorityOrder, text);
    expect(out).toBe(doc('actions:\n  # stabilise first\n  - id: ACT-1\n    priority: 1\n  - id: ACT-2\n    priority: 2   # after treatment\nreviews: []'));
    // Idempotent through the engine's fix-all.
    const all = fixAll(text, { asOf: AS_OF, rules: [priorityOrder] });
    expect(all.text).toBe(out);
    expect(fixAll(all.text, { asOf: AS_OF, rules: [priorityOrder] }).changed).toBe(false);
  });
  it('gaps: reported once and renumbered 1..n (fix-all)', () => {
    const text = doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 3 }\n  - { id: ACT-3, priority: 4 }');
    const fs = run(priorityOrder, text, AS_OF);
    expect(fs.map((f) => f.message)).toEqual(['Action priorities skip 2 (they are 1, 3, 4). Number the actions 1 to 3 with no gaps (PSI 19/2014 para 2.7).']);
    expect(at(text, fs[0])).toBe('3');
    expect(fs[0].fixes[0].fixAll).toBe(true);
    expect(fixed(priorityOrder, text)).toBe(doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }\n  - { id: ACT-3, priority: 3 }'));
  });
  it('out of order and with a gap: one edit reorders and renumbers', () => {
    const text = doc('actions:\n  - id: ACT-2\n    priority: 5\n  - id: ACT-1\n    priority: 2');
    const fs = run(priorityOrder, text, AS_OF);
    expect(fs).toHaveLength(2);
    expect(fs[0].fixes[0].edits).toHaveLength(1);
    expect(fs[0].fixes[0].title).toBe('Reorder the actions by priority and number them 1 to 2');
    expect(fixed(priorityOrder, text)).toBe(doc('actions:\n  - id: ACT-1\n    priority: 1\n  - id: ACT-2\n    priority: 2'));
  });
  it('ties: reported on the second, fixed only as a quick fix in listed order', () => {
    const text = doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }\n  - { id: ACT-3, priority: 2 }');
    const fs = run(priorityOrder, text, AS_OF);
    expect(fs.map((f) => f.message)).toEqual(['ACT-3 has the same priority (2) as ACT-2. Give each action its own priority, 1 to n, so the order of the work is clear (PSI 19/2014 para 2.7).']);
    expect(fs[0].fixes[0].fixAll).toBe(false);
    expect(fixed(priorityOrder, text)).toBe(doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }\n  - { id: ACT-3, priority: 3 }'));
    expect(fixAll(text, { asOf: AS_OF, rules: [priorityOrder] }).changed).toBe(false);
  });
  it('a missing priority among numbered actions is reported, with no fix', () => {
    const fs = run(priorityOrder, doc('actions:\n  - { id: ACT-1, priority: 2 }\n  - { id: ACT-2 }\n  - { id: ACT-3, priority: 1 }'), AS_OF);
    expect(fs[0].message).toMatch(/^ACT-2 has no `priority`/);
    expect(fs.every((f) => f.fixes.length === 0)).toBe(true);
  });
});

describe('sequence/cycle', () => {
  it('self-reference', () => {
    const text = doc('actions:\n  - { id: ACT-1 }\n  - { id: ACT-2, after: [ACT-2] }');
    const [f] = run(cycle, text, AS_OF);
    expect(f.message).toBe('ACT-2 is listed in its own `after` (ACT-2 → ACT-2), so it can never start. Remove it from `after` (PSI 19/2014 para 2.12).');
    expect(at(text, f)).toBe('ACT-2');
    expect(f.span.start).toBe(text.indexOf('[ACT-2]') + 1);
  });
  it('a cycle of 3 is named from the first listed action, once', () => {
    const text = doc('actions:\n  - id: ACT-1\n    after: [ACT-3]\n  - id: ACT-2\n    after: [ACT-1]\n  - id: ACT-3\n    after:\n      - ACT-2\n  - { id: ACT-4, after: [ACT-1] }');
    const fs = run(cycle, text, AS_OF);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toBe('The `after` links form a cycle: ACT-1 → ACT-3 → ACT-2 → ACT-1 (each action waits for the next), so none of them can start. Remove the link that is wrong (PSI 19/2014 para 2.12).');
    expect(fs[0].related.map((r) => r.message)).toEqual(['ACT-3 comes after ACT-2.', 'ACT-2 comes after ACT-1.']);
    expect(fs[0].span.start).toBe(text.indexOf('[ACT-3]') + 1);
  });
  it('a cycle of 2; no cycle; dangling links are ignored', () => {
    expect(run(cycle, doc('actions:\n  - { id: ACT-1, after: [ACT-3] }\n  - { id: ACT-3, after: [ACT-1] }'), AS_OF)[0].message).toMatch(/ACT-1 → ACT-3 → ACT-1/);
    expect(run(cycle, doc('actions:\n  - { id: ACT-1 }\n  - { id: ACT-2, after: [ACT-1, ACT-9] }\n  - { id: ACT-3, after: ACT-2 }'), AS_OF)).toEqual([]);
  });
  it('a long chain does not overflow', () => {
    const n = 5000;
    const lines = Array.from({ length: n }, (_, i) => `  - { id: A${i}, after: [A${(i + 1) % n}] }`);
    const fs = run(cycle, doc(`actions:\n${lines.join('\n')}`), AS_OF);
    expect(fs).toHaveLength(1);
  });
});

describe('sequence/prerequisite-order', () => {
  it('higher priority than the action it is after', () => {
    const text = doc('actions:\n  - { id: ACT-1, priority: 1, after: [ACT-2] }\n  - { id: ACT-2, priority: 2 }');
    const [f] = run(prerequisiteOrder, text, AS_OF);
    expect(f.message).toBe(
      'ACT-1 comes after ACT-2, but it has a higher priority (1, against 2). Sequence the work so each step follows the one it depends on (PSI 19/2014 paras 2.12, 2.13): reorder the actions or correct the dates.',
    );
    expect(at(text, f)).toBe('ACT-2');
    expect(text.slice(f.related[0].span.start, f.related[0].span.end)).toBe('2');
  });
  it('starts before the prerequisite is due to finish; the day after is fine', () => {
    const bad = doc('actions:\n  - { id: ACT-1, target_date: 2025-06-30 }\n  - { id: ACT-2, after: [ACT-1], start_date: 2025-06-29 }');
    expect(run(prerequisiteOrder, bad, AS_OF)[0].message).toMatch(/ACT-2 comes after ACT-1, but it starts on 2025-06-29, before ACT-1 is due to finish on 2025-06-30\./);
    expect(run(prerequisiteOrder, bad.replace('2025-06-29', '2025-06-30'), AS_OF)).toEqual([]);
  });
  it('list order counts when no action has a priority; withdrawn prerequisites are ignored', () => {
    expect(run(prerequisiteOrder, doc('actions:\n  - { id: ACT-1, after: [ACT-2] }\n  - { id: ACT-2 }'), AS_OF)[0].message).toMatch(/it is listed before ACT-2/);
    expect(run(prerequisiteOrder, doc('actions:\n  - { id: ACT-1, after: [ACT-2] }\n  - { id: ACT-2, status: withdrawn }'), AS_OF)).toEqual([]);
    expect(run(prerequisiteOrder, doc('actions:\n  - { id: ACT-2 }\n  - { id: ACT-1, after: [ACT-2] }'), AS_OF)).toEqual([]);
  });
});

describe('sequence/stabilise-first', () => {
  const needs = 'assessment:\n  needs:\n    - { area: drug_misuse, linked_to_offending: true, severity: high }\n';
  it('a programme ahead of the substance misuse work is reported; fix adds it to a flow map', () => {
    const text = doc(needs + 'actions:\n  - { id: ACT-1, type: programme, programme: kaizen, priority: 1 }\n  - { id: ACT-2, type: substance_misuse, priority: 2 }');
    const [f] = run(stabiliseFirst, text, AS_OF);
    expect(f.message).toBe(
      "ACT-1 is an offending behaviour programme, but the substance misuse work (ACT-2) does not come before it: it is neither earlier in priority nor in ACT-1's `after`. With drug misuse linked to offending, stabilising it comes first (PSI 19/2014 para 2.12): put ACT-2 first, or add it to `after`.",
    );
    expect(at(text, f)).toBe('ACT-1');
    expect(f.fixes[0].fixAll).toBe(false);
    expect(fixed(stabiliseFirst, text)).toContain('  - { id: ACT-1, type: programme, programme: kaizen, priority: 1, after: [ACT-2] }\n');
  });
  it('fix appends to an existing block `after` list', () => {
    const text = doc(needs + 'actions:\n  - id: ACT-1\n    type: programme\n    after:\n      - ACT-3\n  - { id: ACT-2, type: substance_misuse }\n  - { id: ACT-3, type: education }');
    expect(fixed(stabiliseFirst, text)).toContain('    after:\n      - ACT-3\n      - ACT-2\n  - { id: ACT-2');
  });
  it('passes when earlier in priority, or named in `after` directly or through another action', () => {
    expect(run(stabiliseFirst, doc(needs + 'actions:\n  - { id: ACT-2, type: substance_misuse, priority: 1 }\n  - { id: ACT-1, type: programme, priority: 2 }'), AS_OF)).toEqual([]);
    expect(run(stabiliseFirst, doc(needs + 'actions:\n  - { id: ACT-1, type: programme, after: [ACT-3] }\n  - { id: ACT-3, type: education, after: [ACT-2] }\n  - { id: ACT-2, type: substance_misuse }'), AS_OF)).toEqual([]);
  });
  it('work under a drug objective counts; no linked need, nothing', () => {
    const objs = 'objectives:\n  - { id: OBJ-1, need: drug_misuse }\n';
    expect(run(stabiliseFirst, doc(needs + objs + 'actions:\n  - { id: ACT-2, type: intervention, objective: OBJ-1 }\n  - { id: ACT-1, type: programme }'), AS_OF)).toEqual([]);
    const unlinked = needs.replace('linked_to_offending: true', 'linked_to_offending: false');
    expect(run(stabiliseFirst, doc(unlinked + 'actions:\n  - { id: ACT-1, type: programme }'), AS_OF)).toEqual([]);
  });
  it('no substance misuse work at all: reported without a fix', () => {
    const [f] = run(stabiliseFirst, doc(needs.replace('drug_misuse', 'alcohol_misuse') + 'actions:\n  - { id: ACT-1, type: programme }'), AS_OF);
    expect(f.message).toMatch(/^ACT-1 is an offending behaviour programme, but the plan has no substance misuse work to come before it although alcohol misuse is linked/);
    expect(f.fixes).toEqual([]);
  });
});

describe('sequence/community-consultation', () => {
  const custody = 'sentence: { type: determinate, setting: custody, release_date: 2027-06-01 }\nteam: { plan_owner: prison_offender_manager }\n';
  it('community work not agreed with the COM is an error; agreed is fine', () => {
    const text = doc(custody + 'actions:\n  - { id: ACT-4, phase: community }');
    const [f] = run(communityConsultation, text, AS_OF);
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'ACT-4 is work for after release, planned in custody by the prison offender manager, but it is not recorded as agreed with the community offender manager. Work to follow release must be planned with the COM (PSI 19/2014 para 2.13): agree it and set `agreed_with_com: true`.',
    );
    expect(at(text, f)).toBe('community');
    const no = doc(custody + 'actions:\n  - { id: ACT-4, phase: community, agreed_with_com: false }');
    expect(at(no, run(communityConsultation, no, AS_OF)[0])).toBe('false');
    expect(run(communityConsultation, doc(custody + 'actions:\n  - { id: ACT-4, phase: community, agreed_with_com: true }'), AS_OF)).toEqual([]);
  });
  it('community sentences are not judged', () => {
    expect(run(communityConsultation, doc('sentence: { type: community_order }\nactions:\n  - { id: ACT-4, phase: community }'), AS_OF)).toEqual([]);
  });
  it('the COM owning the plan in custody consults by planning (PSI 1.9): not judged; the POM is', () => {
    const com = custody.replace('prison_offender_manager', 'community_offender_manager') + 'actions:\n  - { id: ACT-4, phase: community }';
    expect(run(communityConsultation, doc(com), AS_OF)).toEqual([]);
    expect(run(communityConsultation, doc(custody + 'actions:\n  - { id: ACT-4, phase: community }'), AS_OF)).toHaveLength(1);
  });
  it('edge: the day before release it applies; on the day of release and after, with no setting recorded, it does not', () => {
    const text = doc('sentence: { type: determinate, release_date: 2026-11-24 }\nteam: { plan_owner: prison_offender_manager }\nactions:\n  - { id: ACT-4, phase: community }');
    expect(run(communityConsultation, text, '2026-11-23')).toHaveLength(1);
    expect(run(communityConsultation, text, '2026-11-24')).toEqual([]);
    expect(run(communityConsultation, text, '2026-11-25')).toEqual([]);
    // Released and recorded so: the COM is the planner now.
    expect(run(communityConsultation, doc(custody.replace('setting: custody', 'setting: community') + 'actions:\n  - { id: ACT-4, phase: community }'), AS_OF)).toEqual([]);
  });
});

describe('sequence/parole-timing', () => {
  const s = 'sentence: { type: ipp, parole_eligibility_date: 2027-01-15 }\n';
  it('risk work ending after the PED is reported; on the PED is fine', () => {
    const text = doc(s + 'actions:\n  - { id: ACT-2, type: programme, target_date: 2027-01-16 }\n  - { id: ACT-3, type: education, target_date: 2028-01-01 }');
    const fs = run(paroleTiming, text, AS_OF);
    expect(fs.map((f) => f.message)).toEqual([
      'ACT-2 is due to finish on 2027-01-16, after the parole eligibility date (2027-01-15). Work meant to show reduced risk should be complete before the Parole Board considers release (PSI 19/2014 paras 2.12, 2.14): plan it to end before then, or record why it cannot.',
    ]);
    expect(at(text, fs[0])).toBe('2027-01-16');
    expect(run(paroleTiming, text.replace('2027-01-16', '2027-01-15'), AS_OF)).toEqual([]);
  });
  it('harm-reduction work counts; determinate sentences and a passed PED do not', () => {
    expect(run(paroleTiming, doc(s + 'actions:\n  - { id: ACT-3, type: other, harm_reduction: true, target_date: 2028-01-01 }'), AS_OF)).toHaveLength(1);
    expect(run(paroleTiming, doc('sentence: { type: determinate, parole_eligibility_date: 2027-01-15 }\nactions:\n  - { id: ACT-2, type: programme, target_date: 2028-01-01 }'), AS_OF)).toEqual([]);
    expect(run(paroleTiming, doc(s + 'actions:\n  - { id: ACT-2, type: programme, target_date: 2028-01-01 }'), '2027-01-16')).toEqual([]);
  });
  it('once the PED has passed, the next parole review takes its place (PSI 2.12: "parole eligibility and review dates")', () => {
    const after = doc('sentence: { type: life, parole_eligibility_date: 2020-01-15, next_parole_review: 2027-03-01 }\nactions:\n  - { id: ACT-2, type: programme, target_date: 2027-03-02 }');
    const [f] = run(paroleTiming, after, AS_OF);
    expect(f.message).toMatch(/^ACT-2 is due to finish on 2027-03-02, after the next parole review \(2027-03-01\)/);
    expect(run(paroleTiming, after.replace('2027-03-02', '2027-03-01'), AS_OF)).toEqual([]);
    // No next review recorded: nothing to time the work against.
    expect(run(paroleTiming, after.replace(', next_parole_review: 2027-03-01', ''), AS_OF)).toEqual([]);
  });
});

describe('sequence/harm-actions', () => {
  it('RoSH exactly medium (or a group at medium) needs harm-reduction work', () => {
    const text = doc('assessment:\n  rosh: { overall: low, known_adult: medium }\nobjectives:\n  - { id: OBJ-1 }');
    const [f] = run(harmActions, text, AS_OF);
    expect(f.message).toMatch(/^The risk of serious harm to a known adult is medium, but no objective or action is marked `harm_reduction: true`/);
    expect(at(text, f)).toBe('medium');
    expect(run(harmActions, doc('assessment:\n  rosh: { overall: low }'), AS_OF)).toEqual([]);
    expect(run(harmActions, doc('assessment:\n  rosh: { overall: medium }\nactions:\n  - { id: ACT-1, harm_reduction: true }'), AS_OF)).toEqual([]);
    expect(run(harmActions, doc('assessment:\n  rosh: { overall: medium }\nactions:\n  - { id: ACT-1, harm_reduction: true, status: withdrawn }'), AS_OF)).toHaveLength(1);
  });
});
