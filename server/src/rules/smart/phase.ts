// Which phase of the sentence an objective's work belongs to (shared by smart/time-bound and smart/realistic).
import type { Objective, Plan } from '../../engine/model.js';
import { actionsOf, isLiveAction } from '../plan/support.js';

/** An objective is custody-phase when it has live actions and all of them are `phase: custody`. */
export function isCustodyPhase(plan: Plan, o: Objective): boolean {
  const acts = actionsOf(plan, o).filter(isLiveAction);
  return acts.length > 0 && acts.every((a) => a.phase === 'custody');
}
