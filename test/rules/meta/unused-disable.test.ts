// meta/unused-disable, in the rule tester. The engine raises it (engine/lint.ts); here it runs with
// no other rule, so every suppression silences nothing. test/engine/suppress.test.ts tests the
// suppression mechanism itself with rules that report.
import { RULES_BY_ID } from '../../../server/src/rules/index.js';
import { ruleTester } from '../tester.js';

const PLAN = (comment: string) => `sentence_plan: 1
objectives:
${comment}
  - id: OBJ-1
    description: Secure a tenancy or supported housing place before the release date.
`;
const WITHOUT = PLAN('').replace('objectives:\n\n', 'objectives:\n');
const code = (rule: string) => ({ id: 'ruleCode', data: { rule } });

ruleTester(RULES_BY_ID.get('meta/unused-disable')!).run({
  valid: [
    { name: 'a plan with no suppression', plan: WITHOUT },
    { name: 'an ordinary comment that mentions planlint', plan: PLAN('  # checked with planlint before the review on 2026-11-01') },
  ],
  invalid: [
    {
      name: 'a suppression that silences nothing: removed by fix-all',
      plan: PLAN('  # planlint-disable-next-line smart/specific -- agreed with the panel'),
      errors: [{ messageId: 'unused', data: { what: code('smart/specific'), where: 'line', partial: 'no' }, line: 3, suggestions: [WITHOUT] }],
      output: WITHOUT,
    },
    {
      name: 'no reason, and nothing silenced',
      plan: PLAN('  # planlint-disable-next-line smart/specific'),
      errors: [{ messageId: 'noReason', line: 3, suggestions: [] }, { messageId: 'unused' }],
      output: WITHOUT,
    },
    {
      name: 'a file-wide suppression of two rules',
      plan: PLAN('# planlint-disable-file smart/specific, smart/measurable -- a pilot template'),
      errors: [{ messageId: 'unused', data: { what: { id: 'wordList', data: { a: code('smart/specific'), b: code('smart/measurable') } }, where: 'file' } }],
    },
    { name: 'a suppression of every rule', plan: PLAN('  # planlint-disable-next-line -- legacy'), errors: [{ messageId: 'unused', data: { what: { id: 'anyRule' } } }] },
    {
      name: 'a misspelt rule id is named, with a suggestion',
      plan: PLAN('  # planlint-disable-next-line smart/specfic -- typo'),
      errors: [{ messageId: 'unknownRule', data: { rule: 'smart/specfic', hint: { id: 'didYouMean', data: { near: 'smart/specific' } } }, suggestions: [] }],
    },
    {
      name: 'a word that is no rule (it may be a name) is not quoted',
      plan: PLAN('  # planlint-disable-next-line Bloggs -- asked by the family'),
      errors: [{ messageId: 'unknownWord' }],
    },
  ],
});
