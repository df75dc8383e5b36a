// plan/withdrawn-still-listed and its removal fix, in the rule tester.
import { describe, expect, it } from 'vitest';
import { ruleTester } from '../tester.js';
import { AS_OF, applyFix, rule, run } from './helpers.js';

const ID = 'plan/withdrawn-still-listed';
const TEXT = `sentence_plan: 1
kind: plan
objectives:
  - id: OBJ-1
    description: Complete a drug treatment programme with the prison substance misuse service.
    status: in_progress
  # dropped at the March review
  - id: OBJ-2
    description: Obtain a forklift licence through the prison workshop.
    status: no_longer_appropriate
actions:
  - id: ACT-1
    objective: OBJ-1
    status: in_progress
  - id: ACT-2 # housing
    objective: OBJ-1
    status: no_longer_appropriate
  - id: ACT-3
    objective: OBJ-1
    status: not_started
`;

const marked = TEXT.replace('    status: no_longer_appropriate\nactions:', '    status: no_longer_appropriate\n    status_since: 2026-03-02\nactions:');
const review = (date: string, type = 'significant_event') => `reviews:\n  - date: ${date}\n    type: ${type}\n`;
// The text with OBJ-2 (and its comment) removed, and with ACT-2 removed.
const NO_OBJ2 = TEXT.replace('  # dropped at the March review\n  - id: OBJ-2\n    description: Obtain a forklift licence through the prison workshop.\n    status: no_longer_appropriate\n', '');
const NO_ACT2 = TEXT.replace('  - id: ACT-2 # housing\n    objective: OBJ-1\n    status: no_longer_appropriate\n', '');
const objRef = TEXT.replace('  - id: ACT-3\n    objective: OBJ-1', '  - id: ACT-3\n    objective: OBJ-2');
const actRef = TEXT.replace('    status: not_started\n', '    status: not_started\n    after: [ACT-2]\n');

ruleTester(rule('plan/withdrawn-still-listed')).run({
  valid: [
    { name: 'withdrawn or completed items (only no_longer_appropriate is named by the PSI)', plan: TEXT.replace(/no_longer_appropriate/g, 'completed') },
    { name: 'a plan after the review took the items out', plan: NO_ACT2.replace('  # dropped at the March review\n  - id: OBJ-2\n    description: Obtain a forklift licence through the prison workshop.\n    status: no_longer_appropriate\n', '') },
  ],
  invalid: [
    {
      name: 'each item marked no longer appropriate, at its status, with a removal quick fix',
      plan: TEXT,
      errors: [
        { messageId: 'objective', line: 10, text: 'no_longer_appropriate', data: { objective: 'OBJ-2', n: 0, since: '' }, cite: 'PSI 19/2014 para 2.20', severity: 'warning', suggestions: [NO_OBJ2] },
        { messageId: 'action', line: 17, text: 'no_longer_appropriate', data: { action: 'ACT-2', n: 0 }, severity: 'warning', suggestions: [NO_ACT2] },
      ],
      output: null,
    },
    {
      name: 'marked, no review since: warnings',
      plan: marked + review('2026-03-02'),
      errors: [
        { messageId: 'objective', severity: 'warning', data: { since: '' } },
        { messageId: 'action', severity: 'warning' },
      ],
    },
    {
      name: 'a review the day after it was marked: an error for the objective (PSI 2.20 "must"); the undated action stays a warning',
      plan: marked + review('2026-03-03'),
      errors: [
        { messageId: 'objective', severity: 'error', data: { since: { id: 'reviewedSince', data: { review: '2026-03-03', marked: '2026-03-02' } } } },
        { messageId: 'action', severity: 'warning', data: { since: '' } },
      ],
    },
    {
      name: 'without status_since, when it was marked is not known: warnings whatever the reviews',
      plan: TEXT + review('2026-11-01', 'periodic'),
      errors: [
        { messageId: 'objective', severity: 'warning' },
        { messageId: 'action', severity: 'warning' },
      ],
    },
    {
      name: 'an action still serves the objective: named, and no removal offered',
      plan: objRef,
      errors: [
        { messageId: 'objective', data: { n: 1, users: 'ACT-3' }, suggestions: [] },
        { messageId: 'action', suggestions: [objRef.replace('  - id: ACT-2 # housing\n    objective: OBJ-1\n    status: no_longer_appropriate\n', '')] },
      ],
    },
    {
      name: 'an action waits for the action: named, and no removal offered',
      plan: actRef,
      errors: [
        { messageId: 'objective', suggestions: [actRef.replace('  # dropped at the March review\n  - id: OBJ-2\n    description: Obtain a forklift licence through the prison workshop.\n    status: no_longer_appropriate\n', '')] },
        { messageId: 'action', data: { n: 1, users: 'ACT-3' }, suggestions: [] },
      ],
    },
    {
      name: 'removing the only item leaves an empty list that still parses',
      plan: 'sentence_plan: 1\nobjectives:\n  - id: OBJ-1\n    status: no_longer_appropriate\noutcomes: []\n',
      errors: [{ messageId: 'objective', line: 4, suggestions: ['sentence_plan: 1\nobjectives: []\noutcomes: []\n'] }],
    },
  ],
});

describe('plan/withdrawn-still-listed: removing, round by round', () => {
  it('a second round has nothing left to fix', () => {
    let out = applyFix(TEXT, ID, 0); // OBJ-2
    expect(run(out, ID).map((f) => f.messageId)).toEqual(['plan/withdrawn-still-listed.action']);
    out = applyFix(out, ID, 0); // ACT-2
    expect(out).toContain('  - id: ACT-1\n    objective: OBJ-1\n    status: in_progress\n  - id: ACT-3\n');
    expect(run(out, ID, AS_OF)).toEqual([]);
  });
});
