// template/placeholder-in-plan, in the rule tester: a `${…}` placeholder left in a plan; silent in templates.
import { ruleTester } from '../tester.js';
import { EXAMPLE, edit, rule } from './fixtures.js';

const target = (text: string) => edit(text, 'target_date: 2025-12-31', 'target_date: ${target_date}');
const named = (name: string) => ({ id: 'named', data: { name } });

ruleTester(rule('template/placeholder-in-plan')).run({
  valid: [
    { name: 'a filled-in plan', plan: EXAMPLE },
    { name: 'a dollar sign and braces that are not placeholders', plan: edit(EXAMPLE, 'Wants help staying clean before release.', '"Costs $5 {weekly} and ${ not one"') },
    { name: 'a template is made of placeholders', plan: target(edit(EXAMPLE, 'kind: plan', 'kind: template')) },
  ],
  invalid: [
    {
      name: 'a placeholder value, at the value',
      plan: target(EXAMPLE),
      errors: [{ messageId: 'left', data: { n: 1, placeholders: named('target_date') }, text: '${target_date}' }],
    },
    {
      name: 'one finding per value, each name once; a default is never quoted',
      plan: edit(EXAMPLE, 'Wants help staying clean before release.', '"${first} and ${second:none} and ${first}"'),
      errors: [
        {
          messageId: 'left',
          data: { n: 2, placeholders: { id: 'wordList', data: { a: named('first'), b: { id: 'namedWithDefault', data: { name: 'second' } } } } },
          text: '"${first} and ${second:none} and ${first}"',
        },
      ],
    },
    {
      name: 'in list items and with defaults',
      plan: edit(EXAMPLE, '    priority: 1', '    priority: ${priority:1}\n    after: ["${first_action}"]'),
      errors: [
        { messageId: 'left', text: '${priority:1}' },
        { messageId: 'left', text: '"${first_action}"' },
      ],
    },
    { name: 'applies when kind is absent', plan: target(edit(EXAMPLE, 'kind: plan\n', '')), errors: [{ messageId: 'left' }] },
    {
      name: 'a placeholder named like a prison number is not quoted',
      plan: edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: ${A1234BC}'),
      errors: [{ messageId: 'left', data: { placeholders: { id: 'unnamed' } } }],
    },
  ],
});
