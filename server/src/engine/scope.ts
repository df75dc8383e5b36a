// Which plans PSI 19/2014 asks for at all, and which orders are unpaid work only. Shared by
// the lint loop (rules that demand plan content stay quiet when no plan is needed), by
// plan/not-required and by plan/responsibility. Pure: plan and policy data in, facts out.
import type { Plan } from './model.js';
import type { PlanPolicy } from '../policy/plan.js';
import type { Path } from './types.js';

const CUSTODIAL = new Set(['determinate', 'extended_determinate', 'life', 'ipp']);

/** The order's requirements, trimmed, lower case, each once. */
export function requirementSet(plan: Plan): string[] {
  return [...new Set((plan.sentence?.requirements ?? []).map((r) => r.trim().toLowerCase()).filter((r) => r !== ''))];
}

export interface NoPlan {
  /** Why: not supervised after release, or the community order's one requirement (`requirement`). */
  why: 'unsupervised' | 'only_requirement';
  /** The order's one requirement (`curfew`), for `only_requirement`. */
  requirement?: string;
  /** Whether that requirement is electronically monitored. */
  monitored?: boolean;
  /** The plan value it rests on (for pointing at). */
  path: Path;
  /** The paragraphs behind it. */
  cite: string;
}

/**
 * Why no plan is needed, or undefined when one is (PSI 19/2014 paras 1.2, 1.7, 1.9):
 * - a community order (not a suspended sentence order: 1.2 and 1.9 attach the exception to
 *   community orders) whose single requirement is a curfew or an exclusion, electronic
 *   monitoring of it aside (1.7: "managed by an EM contractor");
 * - a custodial sentence with no supervision after release (`supervised_on_release: false`).
 */
export function noPlanNeeded(plan: Plan, policy: PlanPolicy): NoPlan | undefined {
  const s = plan.sentence;
  if (!s?.type) return undefined;
  if (CUSTODIAL.has(s.type) && s.supervised_on_release === false) {
    return {
      why: 'unsupervised',
      path: ['sentence', 'supervised_on_release'],
      cite: 'PSI 19/2014 paras 1.2, 1.7',
    };
  }
  if (s.type !== 'community_order') return undefined;
  const monitoring = new Set(policy.monitoring_requirements.map((r) => r.toLowerCase()));
  const reqs = requirementSet(plan).filter((r) => !monitoring.has(r));
  if (reqs.length !== 1 || !policy.no_plan_requirements.map((r) => r.toLowerCase()).includes(reqs[0])) return undefined;
  const monitored = requirementSet(plan).length > 1;
  return {
    why: 'only_requirement',
    requirement: reqs[0],
    monitored,
    path: ['sentence', 'requirements'],
    cite: 'PSI 19/2014 paras 1.2, 1.7, 1.9',
  };
}

/** A community order or SSO whose only requirement is unpaid work: the unpaid work provider's plan (PSI 19/2014 para 1.9). */
export function unpaidWorkOnly(plan: Plan): boolean {
  const t = plan.sentence?.type;
  if (t !== 'community_order' && t !== 'suspended_sentence_order') return false;
  const reqs = requirementSet(plan);
  return reqs.length === 1 && reqs[0] === 'unpaid_work';
}
