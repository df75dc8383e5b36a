// schema/dangling-reference: `objectives[].outcome`, `actions[].objective` and
// `actions[].after[]` name ids that exist, of the right kind.

import { nearest } from '../../engine/config.js';
import type { Rule, RuleContext } from '../../engine/rule.js';
import { isQuotableId } from '../../engine/privacy.js';
import { msg, type Msg } from '../../engine/messages.js';
import type { FixSpec, Path } from '../../engine/types.js';
import { isPlaceholder, own, valueAt } from './support.js';

type Kind = 'outcome' | 'objective' | 'action';

const MAX_GUESS_CANDIDATES = 500;

function idsOf(ctx: RuleContext): Record<Kind, string[]> {
  return {
    outcome: ctx.plan.outcomes.flatMap((o) => (o.id === undefined ? [] : [o.id])),
    objective: ctx.plan.objectives.flatMap((o) => (o.id === undefined ? [] : [o.id])),
    action: ctx.plan.actions.flatMap((a) => (a.id === undefined ? [] : [a.id])),
  };
}

/** Membership through a Set built once per id list (`includes` per reference was O(ids × references)). */
const idSets = new WeakMap<readonly string[], Set<string>>();
function hasId(list: readonly string[], ref: string): boolean {
  let set = idSets.get(list);
  if (!set) idSets.set(list, (set = new Set(list)));
  return set.has(ref);
}

const AN = '{kind, select, outcome {an outcome} objective {an objective} other {an action}}';
const OTHER_AN = '{other, select, outcome {an outcome} objective {an objective} other {an action}}';
const KIND = '{kind, select, outcome {outcome} objective {objective} other {action}}';
const TAIL = '{tail, select, guess { Did you mean `{guess}`?} add { Add the ' + KIND + ', or correct the reference.} other {}}';

function check(ctx: RuleContext, ids: Record<Kind, string[]>, owner: Msg, path: Path, ref: unknown, kind: Kind, field: string, self?: string): void {
  if (typeof ref !== 'string' || ref === '') return;
  if (ctx.isTemplate && isPlaceholder(ref)) return;
  if (hasId(ids[kind], ref)) return;
  // The reference is quoted only when it is id-shaped (a name typed there is not repeated).
  const shownRef = isQuotableId(ref) ? msg('ref', { ref }) : msg('anId');
  const other = (['outcome', 'objective', 'action'] as const).find((k) => k !== kind && hasId(ids[k], ref));
  // An action is never offered as its own prerequisite. A "did you mean" over thousands of
  // ids would cost more than it helps (and no real plan has them), so it is not guessed there.
  // Only an id that may be quoted is offered (engine/privacy.ts).
  const guess = ids[kind].length <= MAX_GUESS_CANDIDATES ? nearest(ref, ids[kind].filter((id) => id !== self && isQuotableId(id))) : undefined;
  const tail = guess ? 'guess' : ids[kind].length === 0 ? 'add' : 'none';
  const fixes: FixSpec[] = [];
  if (guess) {
    const e = ctx.edit.replaceValue(path, ctx.edit.scalar(guess, path));
    // Which item was meant is a guess: quick fix only.
    if (e) fixes.push({ title: msg('fixChange', { guess }), edits: [e], fixAll: false });
  }
  ctx.report({
    path,
    at: 'value',
    messageId: other ? 'wrongKind' : 'missing',
    data: { owner, ref: shownRef, field, kind, tail, ...(other ? { other } : {}), ...(guess ? { guess } : {}) },
    fixes,
  });
}

const ownerOf = (id: string | undefined, kind: 'objective' | 'action'): Msg => (isQuotableId(id) ? msg('ownerNamed', { kind, id }) : msg('ownerThis', { kind }));

export const danglingReference: Rule = {
  meta: {
    id: 'schema/dangling-reference',
    severity: 'error',
    policy: 'PSI 19/2014 para 2.8; plan format conventions (references name ids)',
    description: 'An `outcome`, `objective` or `after` reference names an id that does not exist.',
    fixable: 'fix',
    inTemplates: true,
    messages: {
      wrongKind: '{owner} names {ref} in `{field}`, but that is ' + OTHER_AN + ': `{field}` must name ' + AN + '.' + TAIL,
      missing: '{owner} names {ref} in `{field}`, but the plan has no ' + KIND + ' with that id.' + TAIL,
      ref: '`{ref}`',
      anId: 'an id',
      ownerNamed: '{kind, select, objective {Objective} other {Action}} {id}',
      ownerThis: '{kind, select, objective {This objective} other {This action}}',
      fixChange: 'Change to `{guess}`',
    },
    docs: {
      rationale:
        'A plan links its parts by id: each objective names the outcome it serves, each action the objective it serves, and `after` lists ' +
        'the actions that must come first. PSI 19/2014 para 2.8 asks that activities relate directly to the objectives they are meant to achieve; ' +
        'a reference to an id that does not exist (often a typo, or an item renumbered or removed) breaks that link, and the sequencing and ' +
        'coverage rules can no longer see it. A quick fix offers the nearest existing id of the right kind when there is one.',
      bad: 'objectives:\n  - id: OBJ-1\n    outcome: OUT-2\nactions:\n  - id: ACT-1\n    objective: OBJ-01',
      good: 'objectives:\n  - id: OBJ-1\n    outcome: OUT-1\nactions:\n  - id: ACT-1\n    objective: OBJ-1',
    },
  },
  check(ctx) {
    const ids = idsOf(ctx);
    for (const o of ctx.plan.objectives) {
      const owner = ownerOf(o.id, 'objective');
      check(ctx, ids, owner, [...o.path, 'outcome'], own(valueAt(ctx.root, o.path), 'outcome'), 'outcome', 'outcome');
    }
    for (const a of ctx.plan.actions) {
      const raw = valueAt(ctx.root, a.path);
      const owner = ownerOf(a.id, 'action');
      check(ctx, ids, owner, [...a.path, 'objective'], own(raw, 'objective'), 'objective', 'objective');
      const after = own(raw, 'after');
      if (Array.isArray(after)) after.forEach((ref, j) => check(ctx, ids, owner, [...a.path, 'after', j], ref, 'action', 'after', a.id));
      else check(ctx, ids, owner, [...a.path, 'after'], after, 'action', 'after', a.id);
    }
  },
};
