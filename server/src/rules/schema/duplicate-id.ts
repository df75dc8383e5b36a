// schema/duplicate-id: outcome, objective and action ids are unique across the whole plan,
// so that every reference (`outcome`, `objective`, `after`) names exactly one item.

import type { Rule } from '../../engine/rule.js';
import { msg } from '../../engine/messages.js';
import { isQuotableId } from '../../engine/privacy.js';
import type { Path } from '../../engine/types.js';

const NOUN = { outcomes: 'outcome', objectives: 'objective', actions: 'action' } as const;

const KIND = '{kind, select, outcome {outcome} objective {objective} other {action}}';
const REST = ' is already used by {prev}: ids must be unique across outcomes, objectives and actions so that references to them are clear. Give this ' + KIND + ' a new id.';

export const duplicateId: Rule = {
  meta: {
    id: 'schema/duplicate-id',
    severity: 'error',
    policy: 'Plan format conventions (ids are unique within a plan); PSI 19/2014 para 2.8',
    description: 'Two outcomes, objectives or actions share an id.',
    fixable: 'none',
    inTemplates: true,
    messages: {
      duplicate: 'The id `{id}`' + REST,
      duplicateOfThis: 'The id of this ' + KIND + REST,
      another: 'another ' + KIND,
      an: '{kind, select, outcome {an outcome} objective {an objective} other {an action}}',
      firstUsed: '`{id}` first used here (' + KIND + ')',
      firstUsedUnquoted: 'The id first used here (' + KIND + ')',
    },
    docs: {
      rationale:
        'Objectives name the outcome they serve and actions the objective they serve (PSI 19/2014 para 2.8 asks for activities tied to the ' +
        'objectives they meet). Those links are made by id, so an id used twice makes a link ambiguous and lets one item hide another. ' +
        'Ids are unique across the whole plan: `OUT-1` may not be both an outcome and an action. The finding is on the later use, ' +
        'with a link to the first; give one of them a new id and update any reference to it.',
      bad: 'objectives:\n  - id: OBJ-1\n    description: Complete a drug treatment programme.\n  - id: OBJ-1\n    description: Gain a level 2 qualification in construction.',
      good: 'objectives:\n  - id: OBJ-1\n    description: Complete a drug treatment programme.\n  - id: OBJ-2\n    description: Gain a level 2 qualification in construction.',
    },
  },
  check(ctx) {
    const items: { id: string; path: Path; noun: string; start: number }[] = [];
    for (const list of ['outcomes', 'objectives', 'actions'] as const) {
      for (const item of ctx.plan[list]) {
        if (item.id === undefined) continue;
        const path = [...item.path, 'id'];
        items.push({ id: item.id, path, noun: NOUN[list], start: ctx.span(path, 'value').start });
      }
    }
    // Document order, whatever order the sections are written in.
    items.sort((a, b) => a.start - b.start);
    const first = new Map<string, (typeof items)[number]>();
    for (const it of items) {
      const prev = first.get(it.id);
      if (!prev) {
        first.set(it.id, it);
        continue;
      }
      const prevKind = prev.noun === it.noun ? msg('another', { kind: prev.noun }) : msg('an', { kind: prev.noun });
      const quoted = isQuotableId(it.id);
      ctx.report({
        path: it.path,
        at: 'value',
        messageId: quoted ? 'duplicate' : 'duplicateOfThis',
        data: { ...(quoted ? { id: it.id } : {}), kind: it.noun, prev: prevKind },
        related: [{ path: prev.path, at: 'value', message: quoted ? msg('firstUsed', { id: it.id, kind: prev.noun }) : msg('firstUsedUnquoted', { kind: prev.noun }) }],
      });
    }
  },
};
