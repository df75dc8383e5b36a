// plan/action-owner, in the rule tester: every action says who carries it out (PSI 19/2014 para 2.13).
import { ruleTester } from '../tester.js';
import { item, plan, rule } from './helpers.js';

ruleTester(rule('plan/action-owner')).run({
  valid: [
    { name: 'every action has an owner', plan: plan() },
    { name: 'a provider carries it out', plan: plan({ actions: [item('actions', 0, { owner: 'provider' })] }) },
    { name: 'a template keeps a placeholder for the owner', plan: plan({ kind: 'template', actions: [item('actions', 0, { owner: '${owner}' })] }) },
    // A wrong-typed owner is schema/shape's finding, not a second one here (one defect, one finding).
    { name: 'an owner of the wrong type is left to schema/shape', plan: plan({ actions: [item('actions', 0, { owner: 3 })] }) },
  ],
  invalid: [
    {
      name: 'an action with no owner, named by its id',
      plan: plan({ actions: [item('actions', 0, { owner: undefined }), item('actions', 1, {})] }),
      errors: [{ messageId: 'missing', data: { action: 'ACT-1' }, cite: 'PSI 19/2014 para 2.13', severity: 'warning' }],
    },
    {
      name: 'an action whose id is not id-shaped is named by position',
      plan: plan({ actions: [item('actions', 0, {}), item('actions', 1, { id: 'Jo Bloggs', owner: null })] }),
      errors: [{ messageId: 'missing', data: { action: { id: 'common.action', data: { n: 2 } } } }],
    },
  ],
});
