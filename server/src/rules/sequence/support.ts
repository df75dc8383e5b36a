// Shared by the sequence/* rules: the action list, its ids and its `after` links.
import type { Action } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import type { MessageValue } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import type { Path } from '../../engine/types.js';

/** Withdrawn or no-longer-appropriate actions are not part of the sequence any more. */
export const isLive = (a: Action): boolean => a.status !== 'withdrawn' && a.status !== 'no_longer_appropriate';

/** Actions by id (the first one when an id is duplicated: schema/duplicate-id reports the rest). */
export function actionsById(actions: readonly Action[]): Map<string, Action> {
  const m = new Map<string, Action>();
  for (const a of actions) if (a.id !== undefined && !m.has(a.id)) m.set(a.id, a);
  return m;
}

/** "ACT-3", or "action 3" (a message) when the action has no id or one that may not be quoted (engine/privacy.ts). */
export const label = (a: Action): MessageValue => itemLabel(a, 'action');

export interface AfterLink {
  /** The id named. */
  id: string;
  /** Where it is written: `['actions', i, 'after', j]`, or `['actions', i, 'after']` for a single scalar. */
  path: Path;
}

/** The ids an action's `after` names, each with the path of its entry. */
export function afterLinks(ctx: RuleContext, a: Action): AfterLink[] {
  const raw = (ctx.root as { actions?: unknown[] } | null)?.actions?.[a.path[1] as number] as { after?: unknown } | undefined;
  const after = raw && typeof raw === 'object' ? raw.after : undefined;
  if (typeof after === 'string') return [{ id: after, path: [...a.path, 'after'] }];
  if (!Array.isArray(after)) return [];
  return after.flatMap((x, j) => (typeof x === 'string' ? [{ id: x, path: [...a.path, 'after', j] }] : []));
}

/**
 * How two actions compare in priority: by `priority` when every action has one, by list
 * position when none has (the list is written in priority order); undefined when mixed.
 */
export function priorityOrder(actions: readonly Action[]): ((a: Action, b: Action) => number) | undefined {
  const withP = actions.filter((a) => a.priority !== undefined).length;
  if (withP === actions.length) return (a, b) => a.priority! - b.priority!;
  if (withP === 0) return (a, b) => (a.path[1] as number) - (b.path[1] as number);
  return undefined;
}
