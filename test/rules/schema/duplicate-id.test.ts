// schema/duplicate-id, in the rule tester: ids are unique across outcomes, objectives and actions.
import { ruleTester } from '../tester.js';
import { EXAMPLE, edit, rule } from './fixtures.js';

const SECOND_OBJECTIVE = (id: string) =>
  edit(
    EXAMPLE,
    'actions:\n',
    `  - id: ${id}
    outcome: OUT-1
    need: thinking_behaviour
    description: Complete the Thinking Skills Programme.
    measure: Certificate of completion.
    target_date: 2026-06-30
actions:
`,
  );
const TWO_OBJECTIVES = SECOND_OBJECTIVE('OBJ-1');

ruleTester(rule('schema/duplicate-id')).run({
  valid: [
    { name: 'the format example: every id unique', plan: EXAMPLE },
    { name: 'two objectives numbered in turn', plan: SECOND_OBJECTIVE('OBJ-2') },
    // Ids are case-sensitive; items without an id are schema/shape's (missing `id`).
    { name: 'ids differing in case, and items with no id', plan: 'sentence_plan: 1\noutcomes:\n  - id: out-1\n  - id: OUT-1\n  - description: none\n  - description: none\n' },
  ],
  invalid: [
    {
      name: 'two objectives with one id: on the second, related to the first',
      plan: TWO_OBJECTIVES,
      errors: [{ messageId: 'duplicate', data: { id: 'OBJ-1', kind: 'objective', prev: { id: 'another', data: { kind: 'objective' } } }, line: 43, column: 9, text: 'OBJ-1' }],
    },
    {
      name: 'an id shared across kinds (an action named like an outcome)',
      plan: edit(EXAMPLE, '  - id: ACT-1', '  - id: OUT-1'),
      errors: [{ messageId: 'duplicate', data: { id: 'OUT-1', kind: 'action', prev: { id: 'an', data: { kind: 'outcome' } } }, text: 'OUT-1' }],
    },
    {
      name: 'document order, whatever order the sections are in: the outcome is the second use',
      plan: 'sentence_plan: 1\nactions:\n  - id: X-1\noutcomes:\n  - id: X-1\n',
      errors: [{ messageId: 'duplicate', data: { kind: 'outcome', prev: { id: 'an', data: { kind: 'action' } } }, line: 5 }],
    },
    {
      name: 'three uses give two findings; an id that is not id-shaped is not quoted',
      plan: 'sentence_plan: 1\noutcomes:\n  - id: A\n  - id: A\n  - id: A\n',
      errors: [
        { messageId: 'duplicateOfThis', data: { kind: 'outcome' }, line: 4 },
        { messageId: 'duplicateOfThis', data: { kind: 'outcome' }, line: 5 },
      ],
    },
  ],
});
