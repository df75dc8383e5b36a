// The sequence/* rules, in the rule tester.
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
import { ruleTester } from '../tester.js';

const AS_OF = '2026-11-23';
const doc = (body: string): string => `sentence_plan: 1\nkind: plan\n${body.trimEnd()}\n`;
const arrow = (a: unknown, b: unknown) => ({ id: 'arrow', data: { a, b } });

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

const commented = doc('actions:\n  - id: ACT-2\n    priority: 2   # after treatment\n  # stabilise first\n  - id: ACT-1\n    priority: 1\nreviews: []');
const commentedFixed = doc('actions:\n  # stabilise first\n  - id: ACT-1\n    priority: 1\n  - id: ACT-2\n    priority: 2   # after treatment\nreviews: []');
const gaps = doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 3 }\n  - { id: ACT-3, priority: 4 }');
const renumbered = doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }\n  - { id: ACT-3, priority: 3 }');
const both = doc('actions:\n  - id: ACT-2\n    priority: 5\n  - id: ACT-1\n    priority: 2');
const bothFixed = doc('actions:\n  - id: ACT-1\n    priority: 1\n  - id: ACT-2\n    priority: 2');
const tie = doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }\n  - { id: ACT-3, priority: 2 }');
const CITE_27 = 'PSI 19/2014 para 2.7';

ruleTester(priorityOrder, { asOf: AS_OF }).run({
  valid: [
    { name: 'numbered 1 to n in order', plan: doc('actions:\n  - { id: ACT-1, priority: 1 }\n  - { id: ACT-2, priority: 2 }') },
    { name: 'no priorities at all: the list order is the priority', plan: doc('actions:\n  - { id: ACT-2 }\n  - { id: ACT-1 }') },
  ],
  invalid: [
    {
      name: 'listed out of order: the reorder fix keeps comments with their items, and is certain',
      plan: commented,
      errors: [
        {
          messageId: 'outOfOrder',
          line: 8,
          text: '1',
          cite: CITE_27,
          data: { action: 'ACT-1', priority: 1, previous: 'ACT-2', previousPriority: 2 },
          suggestions: [commentedFixed],
        },
      ],
      output: commentedFixed,
    },
    {
      name: 'a gap: reported once, renumbered 1 to n (certain)',
      plan: gaps,
      errors: [{ messageId: 'gap', text: '3', line: 5, data: { missing: 2, more: 'no', n: 3 }, suggestions: [renumbered] }],
      output: renumbered,
    },
    {
      name: 'out of order and with a gap: one edit reorders and renumbers',
      plan: both,
      errors: [
        { messageId: 'outOfOrder', suggestions: [bothFixed] },
        { messageId: 'gap', data: { missing: 1 }, suggestions: [bothFixed] },
      ],
      output: bothFixed,
    },
    {
      name: 'a tie: on the second, fixed in listed order as a quick fix only',
      plan: tie,
      errors: [{ messageId: 'tie', text: '2', line: 6, data: { action: 'ACT-3', priority: 2, other: 'ACT-2' }, suggestions: [renumbered] }],
      output: null,
    },
    {
      name: 'a missing priority among numbered actions: reported, no fix',
      plan: doc('actions:\n  - { id: ACT-1, priority: 2 }\n  - { id: ACT-2 }\n  - { id: ACT-3, priority: 1 }'),
      errors: [
        { messageId: 'noPriority', data: { action: 'ACT-2' }, suggestions: [] },
        { messageId: 'outOfOrder', suggestions: [] },
      ],
    },
  ],
});

describe('sequence/priority-order: fix-all', () => {
  it('is idempotent, and its title says what it does', () => {
    const all = fixAll(commented, { asOf: AS_OF, rules: [priorityOrder] });
    expect(fixAll(all.text, { asOf: AS_OF, rules: [priorityOrder] }).changed).toBe(false);
    const f = lint(both, { asOf: AS_OF, rules: [priorityOrder] }).findings[0];
    expect(f.fixes[0].title).toBe('Reorder the actions by priority and number them 1 to 2');
  });
});

const three = doc('actions:\n  - id: ACT-1\n    after: [ACT-3]\n  - id: ACT-2\n    after: [ACT-1]\n  - id: ACT-3\n    after:\n      - ACT-2\n  - { id: ACT-4, after: [ACT-1] }');

ruleTester(cycle, { asOf: AS_OF }).run({
  valid: [
    { name: 'no cycle; a dangling link is schema\u2019s concern', plan: doc('actions:\n  - { id: ACT-1 }\n  - { id: ACT-2, after: [ACT-1, ACT-9] }\n  - { id: ACT-3, after: ACT-2 }') },
    // Realistic: a community order, all community work, each step after the last (no custody phase at all).
    {
      name: 'a community order whose steps follow each other',
      plan: doc('sentence: { type: community_order, setting: community }\nactions:\n  - { id: ACT-1, phase: community }\n  - { id: ACT-2, phase: community, after: [ACT-1] }\n  - { id: ACT-3, phase: community, after: [ACT-1, ACT-2] }'),
    },
  ],
  invalid: [
    {
      name: 'an action after itself',
      plan: doc('actions:\n  - { id: ACT-1 }\n  - { id: ACT-2, after: [ACT-2] }'),
      errors: [{ messageId: 'self', line: 5, column: 26, text: 'ACT-2', cite: 'PSI 19/2014 para 2.12', data: { action: 'ACT-2', loop: arrow('ACT-2', 'ACT-2') } }],
    },
    {
      name: 'a loop of three, named from the first listed action, once',
      plan: three,
      errors: [{ messageId: 'cycle', line: 5, text: 'ACT-3', data: { action: 'ACT-1', loop: arrow(arrow('ACT-1', 'ACT-3'), arrow('ACT-2', 'ACT-1')) } }],
    },
    { name: 'a loop of two', plan: doc('actions:\n  - { id: ACT-1, after: [ACT-3] }\n  - { id: ACT-3, after: [ACT-1] }'), errors: [{ messageId: 'cycle' }] },
  ],
});

describe('sequence/cycle: related locations and long loops', () => {
  it('names each further link', () => {
    const [f] = lint(three, { asOf: AS_OF, rules: [cycle] }).findings;
    expect(f.related.map((r) => r.message)).toEqual(['ACT-3 comes after ACT-2.', 'ACT-2 comes after ACT-1.']);
    expect(f.message).toContain('ACT-1 → ACT-3 → ACT-2 → ACT-1');
  });
  it('a loop of 5,000 actions neither overflows the search nor the message', () => {
    const n = 5000;
    const lines = Array.from({ length: n }, (_, i) => `  - { id: A${i}, after: [A${(i + 1) % n}] }`);
    const fs = lint(doc(`actions:\n${lines.join('\n')}`), { asOf: AS_OF, rules: [cycle] }).findings;
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('A0 → A1 → A2');
  });
});

const dates = doc('actions:\n  - { id: ACT-1, target_date: 2025-06-30 }\n  - { id: ACT-2, after: [ACT-1], start_date: 2025-06-29 }');
ruleTester(prerequisiteOrder, { asOf: AS_OF }).run({
  valid: [
    { name: 'starts the day the prerequisite is due to finish', plan: dates.replace('2025-06-29', '2025-06-30') },
    { name: 'a withdrawn prerequisite is ignored', plan: doc('actions:\n  - { id: ACT-1, after: [ACT-2] }\n  - { id: ACT-2, status: withdrawn }') },
    { name: 'listed after its prerequisite', plan: doc('actions:\n  - { id: ACT-2 }\n  - { id: ACT-1, after: [ACT-2] }') },
  ],
  invalid: [
    {
      name: 'higher priority than the action it is after: at the `after` entry, the prerequisite\u2019s priority related',
      plan: doc('actions:\n  - { id: ACT-1, priority: 1, after: [ACT-2] }\n  - { id: ACT-2, priority: 2 }'),
      errors: [
        {
          messageId: 'outOfOrder',
          text: 'ACT-2',
          line: 4,
          cite: 'PSI 19/2014 paras 2.12, 2.13',
          data: { action: 'ACT-1', prerequisite: 'ACT-2', reasons: { id: 'higherPriority', data: { priority: 1, prerequisitePriority: 2 } } },
        },
      ],
    },
    {
      name: 'starts before the prerequisite is due to finish',
      plan: dates,
      errors: [{ messageId: 'outOfOrder', data: { reasons: { id: 'dateClash', data: { x: 'start', xDate: '2025-06-29', y: 'target', yDate: '2025-06-30' } } } }],
    },
    {
      name: 'no priorities: listed before its prerequisite',
      plan: doc('actions:\n  - { id: ACT-1, after: [ACT-2] }\n  - { id: ACT-2 }'),
      errors: [{ messageId: 'outOfOrder', data: { reasons: { id: 'listedBefore', data: { prerequisite: 'ACT-2' } } } }],
    },
    {
      name: 'both: listed first and due to finish before the prerequisite',
      plan: doc('actions:\n  - { id: ACT-1, after: [ACT-2], target_date: 2025-01-01 }\n  - { id: ACT-2, target_date: 2025-06-30 }'),
      errors: [{ messageId: 'outOfOrder', data: { reasons: { id: 'bothReasons', data: { a: { id: 'listedBefore' }, b: { id: 'dateClash', data: { x: 'target' } } } } } }],
    },
  ],
});

describe('sequence/prerequisite-order: related location', () => {
  it('points at the prerequisite\u2019s priority', () => {
    const text = doc('actions:\n  - { id: ACT-1, priority: 1, after: [ACT-2] }\n  - { id: ACT-2, priority: 2 }');
    const [f] = lint(text, { asOf: AS_OF, rules: [prerequisiteOrder] }).findings;
    expect(text.slice(f.related[0].span.start, f.related[0].span.end)).toBe('2');
    expect(f.related[0].message).toBe('ACT-2 must come first.');
  });
});

const needs = 'assessment:\n  needs:\n    - { area: drug_misuse, linked_to_offending: true, severity: high }\n';
const ahead = doc(needs + 'actions:\n  - { id: ACT-1, type: programme, programme: kaizen, priority: 1 }\n  - { id: ACT-2, type: substance_misuse, priority: 2 }');
const blockAfter = doc(needs + 'actions:\n  - id: ACT-1\n    type: programme\n    after:\n      - ACT-3\n  - { id: ACT-2, type: substance_misuse }\n  - { id: ACT-3, type: education }');
const drugNeed = { id: 'need', data: { a: 'drug_misuse', b: '' } };

ruleTester(stabiliseFirst, { asOf: AS_OF }).run({
  valid: [
    { name: 'substance misuse work earlier in priority', plan: doc(needs + 'actions:\n  - { id: ACT-2, type: substance_misuse, priority: 1 }\n  - { id: ACT-1, type: programme, priority: 2 }') },
    { name: 'named in `after` through another action', plan: doc(needs + 'actions:\n  - { id: ACT-1, type: programme, after: [ACT-3] }\n  - { id: ACT-3, type: education, after: [ACT-2] }\n  - { id: ACT-2, type: substance_misuse }') },
    { name: 'work under a drug objective counts', plan: doc(needs + 'objectives:\n  - { id: OBJ-1, need: drug_misuse }\nactions:\n  - { id: ACT-2, type: intervention, objective: OBJ-1 }\n  - { id: ACT-1, type: programme }') },
    { name: 'no need linked to offending', plan: doc(needs.replace('linked_to_offending: true', 'linked_to_offending: false') + 'actions:\n  - { id: ACT-1, type: programme }') },
  ],
  invalid: [
    {
      name: 'a programme ahead of the substance misuse work; the quick fix adds it to a flow map',
      plan: ahead,
      errors: [
        {
          messageId: 'notBefore',
          line: 7,
          text: 'ACT-1',
          cite: 'PSI 19/2014 para 2.12',
          data: { programme: 'ACT-1', substance: 'ACT-2', need: drugNeed, first: 'ACT-2' },
          suggestions: [ahead.replace('priority: 1 }', 'priority: 1, after: [ACT-2] }')],
        },
      ],
      output: null,
    },
    {
      name: 'the fix appends to a block `after` list',
      plan: blockAfter,
      errors: [{ messageId: 'notBefore', suggestions: [blockAfter.replace('      - ACT-3\n', '      - ACT-3\n      - ACT-2\n')] }],
    },
    {
      name: 'no substance misuse work at all: reported without a fix',
      plan: doc(needs.replace('drug_misuse', 'alcohol_misuse') + 'actions:\n  - { id: ACT-1, type: programme }'),
      errors: [{ messageId: 'noSubstanceWork', data: { need: { id: 'need', data: { a: 'alcohol_misuse', b: '' } } }, suggestions: [] }],
    },
    {
      name: 'drug and alcohol misuse both linked',
      plan: doc(needs + '    - { area: alcohol_misuse, linked_to_offending: true }\nactions:\n  - { id: ACT-1, type: programme }'),
      errors: [{ messageId: 'noSubstanceWork', data: { need: { id: 'need', data: { a: 'drug_misuse', b: 'alcohol_misuse' } } } }],
    },
  ],
});

const custody = 'sentence: { type: determinate, setting: custody, release_date: 2027-06-01 }\nteam: { plan_owner: prison_offender_manager }\n';
const lastDay = doc('sentence: { type: determinate, release_date: 2026-11-24 }\nteam: { plan_owner: prison_offender_manager }\nactions:\n  - { id: ACT-4, phase: community }');
ruleTester(communityConsultation, { asOf: AS_OF }).run({
  valid: [
    { name: 'community work agreed with the COM', plan: doc(custody + 'actions:\n  - { id: ACT-4, phase: community, agreed_with_com: true }') },
    // Realistic: a community order has no custody phase; its community work needs no consultation.
    { name: 'a community order with community work and no custody phase', plan: doc('sentence: { type: community_order }\nactions:\n  - { id: ACT-4, phase: community }') },
    {
      name: 'the COM owns the plan in custody and consults by planning (PSI 1.9)',
      plan: doc(custody.replace('prison_offender_manager', 'community_offender_manager') + 'actions:\n  - { id: ACT-4, phase: community }'),
    },
    { name: 'edge: on the day of release, with no setting recorded', plan: lastDay, asOf: '2026-11-24' },
    { name: 'after release', plan: lastDay, asOf: '2026-11-25' },
    { name: 'released and recorded so', plan: doc(custody.replace('setting: custody', 'setting: community') + 'actions:\n  - { id: ACT-4, phase: community }') },
  ],
  invalid: [
    {
      name: 'community work not recorded as agreed, at the phase, as an error',
      plan: doc(custody + 'actions:\n  - { id: ACT-4, phase: community }'),
      errors: [{ messageId: 'notAgreed', line: 6, text: 'community', severity: 'error', cite: 'PSI 19/2014 para 2.13', data: { action: 'ACT-4', explicit: 'no' } }],
    },
    {
      name: 'recorded as not agreed, at the value',
      plan: doc(custody + 'actions:\n  - { id: ACT-4, phase: community, agreed_with_com: false }'),
      errors: [{ messageId: 'notAgreed', text: 'false', data: { explicit: 'yes' } }],
    },
    { name: 'edge: the day before release (no setting recorded)', plan: lastDay, asOf: '2026-11-23', errors: [{ messageId: 'notAgreed' }] },
  ],
});

const ipp = 'sentence: { type: ipp, parole_eligibility_date: 2027-01-15 }\n';
const lateProg = doc(ipp + 'actions:\n  - { id: ACT-2, type: programme, target_date: 2027-01-16 }\n  - { id: ACT-3, type: education, target_date: 2028-01-01 }');
const afterPed = doc('sentence: { type: life, parole_eligibility_date: 2020-01-15, next_parole_review: 2027-03-01 }\nactions:\n  - { id: ACT-2, type: programme, target_date: 2027-03-02 }');
ruleTester(paroleTiming, { asOf: AS_OF }).run({
  valid: [
    { name: 'risk work ending on the PED', plan: lateProg.replace('2027-01-16', '2027-01-15') },
    { name: 'a determinate sentence', plan: doc('sentence: { type: determinate, parole_eligibility_date: 2027-01-15 }\nactions:\n  - { id: ACT-2, type: programme, target_date: 2028-01-01 }') },
    { name: 'the PED has passed and no next review is recorded', plan: afterPed.replace(', next_parole_review: 2027-03-01', '') },
    { name: 'ending on the next parole review', plan: afterPed.replace('2027-03-02', '2027-03-01') },
    // Realistic: education after the PED is not work meant to show reduced risk.
    { name: 'education continuing past the PED', plan: doc(ipp + 'actions:\n  - { id: ACT-3, type: education, target_date: 2028-01-01 }') },
  ],
  invalid: [
    {
      name: 'risk work ending after the PED, at its target date',
      plan: lateProg,
      errors: [{ messageId: 'late', line: 5, text: '2027-01-16', cite: 'PSI 19/2014 paras 2.12, 2.14', data: { action: 'ACT-2', target: '2027-01-16', what: 'ped', ped: '2027-01-15' } }],
    },
    { name: 'harm-reduction work counts', plan: doc(ipp + 'actions:\n  - { id: ACT-3, type: other, harm_reduction: true, target_date: 2028-01-01 }'), errors: [{ messageId: 'late' }] },
    {
      name: 'once the PED has passed, the next parole review takes its place (PSI 2.12)',
      plan: afterPed,
      errors: [{ messageId: 'late', data: { what: 'next_review', ped: '2027-03-01' } }],
    },
    { name: 'on the day after the PED the PED no longer counts', plan: doc(ipp + 'actions:\n  - { id: ACT-2, type: programme, target_date: 2028-01-01 }'), errors: [{ messageId: 'late' }] },
  ],
});

ruleTester(harmActions, { asOf: AS_OF }).run({
  valid: [
    { name: 'a low RoSH', plan: doc('assessment:\n  rosh: { overall: low }') },
    { name: 'a medium RoSH with harm-reduction work', plan: doc('assessment:\n  rosh: { overall: medium }\nactions:\n  - { id: ACT-1, harm_reduction: true }') },
    { name: 'a harm-reduction objective counts', plan: doc('assessment:\n  rosh: { overall: high }\nobjectives:\n  - { id: OBJ-1, harm_reduction: true }') },
  ],
  invalid: [
    {
      name: 'a group at medium (exactly the threshold), at the band',
      plan: doc('assessment:\n  rosh: { overall: low, known_adult: medium }\nobjectives:\n  - { id: OBJ-1 }'),
      errors: [
        {
          messageId: 'noHarmWork',
          line: 4,
          text: 'medium',
          cite: 'PRT: Your Sentence Plan',
          data: { group: { id: 'group', data: { group: 'known_adult' } }, band: { id: 'band', data: { band: 'medium' } }, from: { id: 'band', data: { band: 'medium' } } },
        },
      ],
    },
    { name: 'withdrawn harm-reduction work does not count', plan: doc('assessment:\n  rosh: { overall: medium }\nactions:\n  - { id: ACT-1, harm_reduction: true, status: withdrawn }'), errors: [{ messageId: 'noHarmWork' }] },
  ],
});
