// schema/dangling-reference, in the rule tester: outcome, objective and after name ids that
// exist, of the right kind; a quick fix offers the nearest id of the right kind.
import { ruleTester } from '../tester.js';
import { EXAMPLE, edit, rule } from './fixtures.js';

const TWO_ACTIONS = edit(
  EXAMPLE,
  'engagement:',
  `  - id: ACT-2
    objective: OBJ-1
    type: intervention
    description: Weekly key work sessions on managing cravings.
    priority: 2
    after: [ACT-1]
engagement:`,
);
const after = (v: string) => edit(TWO_ACTIONS, 'after: [ACT-1]', `after: ${v}`);
const objective = { id: 'ownerNamed', data: { kind: 'objective', id: 'OBJ-1' } };
const action2 = { id: 'ownerNamed', data: { kind: 'action', id: 'ACT-2' } };

ruleTester(rule('schema/dangling-reference')).run({
  valid: [
    { name: 'the format example', plan: EXAMPLE },
    { name: 'a second action after the first', plan: TWO_ACTIONS },
    {
      name: 'a placeholder in a template is not dangling',
      plan: 'sentence_plan: 1\nkind: template\noutcomes:\n  - id: OUT-1\nobjectives:\n  - id: OBJ-1\n    outcome: ${outcome}\n',
    },
  ],
  invalid: [
    {
      name: 'an objective naming no outcome, with a quick fix to the nearest outcome',
      plan: edit(EXAMPLE, '    outcome: OUT-1', '    outcome: OUT-2'),
      errors: [
        {
          messageId: 'missing',
          data: { owner: objective, ref: { id: 'ref', data: { ref: 'OUT-2' } }, field: 'outcome', kind: 'outcome', tail: 'guess', guess: 'OUT-1' },
          text: 'OUT-2',
          suggestions: [EXAMPLE],
        },
      ],
      output: null,
    },
    {
      name: 'an action naming no objective',
      plan: edit(EXAMPLE, '    objective: OBJ-1', '    objective: OBJ-01'),
      errors: [{ messageId: 'missing', data: { field: 'objective', guess: 'OBJ-1' }, text: 'OBJ-01', suggestions: [EXAMPLE] }],
    },
    {
      name: 'an `after` item naming no action',
      plan: after('[ACT-1, ACT-3]'),
      errors: [{ messageId: 'missing', data: { owner: action2, field: 'after', kind: 'action', guess: 'ACT-1' }, text: 'ACT-3', suggestions: [after('[ACT-1, ACT-1]')] }],
    },
    {
      name: 'never offers an action as its own prerequisite',
      plan: after('[ACT-9]'),
      errors: [{ messageId: 'missing', data: { guess: 'ACT-1' }, suggestions: [after('[ACT-1]')] }],
    },
    {
      name: 'an action alone has no other action to offer',
      plan: edit(EXAMPLE, '    priority: 1', '    priority: 1\n    after: [ACT-9]'),
      errors: [{ messageId: 'missing', data: { tail: 'none' }, suggestions: [] }],
    },
    {
      name: 'an id of another kind of item: names the kind',
      plan: after('[OBJ-1]'),
      errors: [{ messageId: 'wrongKind', data: { other: 'objective', kind: 'action', field: 'after' } }],
    },
    {
      name: 'nothing near: no fix',
      plan: edit(EXAMPLE, '    outcome: OUT-1', '    outcome: HOUSING'),
      errors: [{ messageId: 'missing', data: { tail: 'none' }, suggestions: [] }],
    },
    {
      name: 'no outcome at all: says to add it',
      plan: 'sentence_plan: 1\nobjectives:\n  - id: OBJ-1\n    outcome: OUT-1\n',
      errors: [{ messageId: 'missing', data: { tail: 'add', kind: 'outcome' }, line: 4 }],
    },
    {
      name: 'a name typed as a reference is not quoted',
      plan: edit(EXAMPLE, '    outcome: OUT-1', '    outcome: Jo Bloggs'),
      errors: [{ messageId: 'missing', data: { ref: { id: 'anId' } } }],
    },
    { name: 'a single `after` without brackets is still checked', plan: after('ACT-7'), errors: [{ messageId: 'missing', text: 'ACT-7' }] },
    {
      name: 'in a template, a real reference is still checked',
      plan: 'sentence_plan: 1\nkind: template\noutcomes:\n  - id: OUT-1\nobjectives:\n  - id: OBJ-1\n    outcome: ${outcome}\nactions:\n  - id: ACT-1\n    objective: OBJ-9\n',
      errors: [{ messageId: 'missing', text: 'OBJ-9', data: { guess: 'OBJ-1' } }],
    },
  ],
});
