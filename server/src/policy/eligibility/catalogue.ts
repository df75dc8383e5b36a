// Catalogue queries: which programmes exist (current or withdrawn), where they are
// available, which version suits this person (adapted versions, legacy replacements) and
// whether a programme suits them at all. Pure, wordless: results are the structures of
// `criteria.ts`; `wording.ts` says them.

import type { Action, Plan, Strand } from '../../engine/model.js';
import type { Policy } from '../index.js';
import type { Catalogue, Criterion, LegacyProgramme, Programme } from '../programmes.js';
import { evaluateActionEligibility, evaluateCriterion, evaluateEligibility, resolveStrand, type CriterionResult, type EligibilityResult, type Tri } from './criteria.js';

export type Found = { kind: 'programme'; programme: Programme } | { kind: 'legacy'; legacy: LegacyProgramme };

/** A programme or legacy entry by id. */
export function findProgramme(id: string, catalogue: Catalogue): Found | undefined {
  const p = catalogue.programmes.find((x) => x.id === id);
  if (p) return { kind: 'programme', programme: p };
  const l = catalogue.legacy.find((x) => x.id === id);
  if (l) return { kind: 'legacy', legacy: l };
  return undefined;
}

/** A catalogue programme's name, or the id itself when it has no entry. */
export function programmeName(id: string, catalogue: Catalogue): string {
  return catalogue.programmes.find((p) => p.id === id)?.name ?? id;
}

/** Whether an establishment delivers a programme per configured availability (undefined: not listed, no restriction known). */
export function availabilityAt(programmeId: string, establishment: string | undefined, catalogue: Catalogue): { delivered: boolean; establishment: string } | undefined {
  if (!establishment) return undefined;
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const key = Object.keys(catalogue.availability).find((k) => norm(k) === norm(establishment));
  if (key === undefined) return undefined;
  return { delivered: catalogue.availability[key].includes(programmeId), establishment: key };
}

/** The establishments whose availability lists a programme, in configuration order. */
export function establishmentsDelivering(programmeId: string, catalogue: Catalogue): string[] {
  return Object.entries(catalogue.availability)
    .filter(([, ids]) => ids.includes(programmeId))
    .map(([k]) => k);
}

// ---------------------------------------------------------------------------
// Versions: adapted versions and legacy replacements.

export interface VersionOption {
  id: string;
  name: string;
  /** Whether its `when` holds for this person. */
  when: CriterionResult;
}

export interface VersionChoice {
  options: VersionOption[];
  /** The one option that certainly applies to this person (every other one certainly does not). */
  chosen?: string;
  relied: string[];
}

function choose(entries: readonly { id: string; when?: Criterion }[], plan: Plan, catalogue: Catalogue, policy: Policy, strand: Strand | undefined, uncertain: string | undefined): VersionChoice {
  const options = entries.map((e): VersionOption => ({ id: e.id, name: programmeName(e.id, catalogue), when: evaluateCriterion(e.when, plan, policy, strand) }));
  const result = (o: VersionOption): Tri => o.when.result;
  const yes = options.filter((o) => result(o) === true);
  const chosen = yes.length === 1 && options.every((o) => o === yes[0] || result(o) === false) ? yes[0].id : undefined;
  return { options, chosen, relied: uncertain && entries.some((e) => e.when) ? [uncertain] : [] };
}

/** The adapted equivalent(s) of a programme for a person with a learning disability (undefined: it has none). */
export function adaptedVersions(programme: Programme, plan: Plan, catalogue: Catalogue, policy: Policy, strand?: Strand): VersionChoice | undefined {
  const list = programme.adapted_version;
  if (!list?.length) return undefined;
  const s = resolveStrand(programme, plan, policy, strand).strand;
  return choose(list, plan, catalogue, policy, s, programme.uncertain?.adapted_version);
}

/** What replaced a withdrawn programme, for this person. */
export function replacements(legacy: LegacyProgramme, plan: Plan, catalogue: Catalogue, policy: Policy): VersionChoice {
  return choose(legacy.replaced_by, plan, catalogue, policy, undefined, legacy.uncertain);
}

// ---------------------------------------------------------------------------
// Does a programme suit this person?

export type Standing =
  | { kind: 'legacy'; legacy: LegacyProgramme; replacement: VersionChoice }
  | { kind: 'programme'; programme: Programme; eligibility: EligibilityResult };

/**
 * A catalogue id judged for this person: a withdrawn programme with its replacement, or a
 * programme with its eligibility (for the action it is listed on, else in the person's
 * setting). Undefined for an id outside the catalogue.
 */
export function programmeStanding(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): Standing | undefined {
  const f = findProgramme(programmeId, catalogue);
  if (!f) return undefined;
  if (f.kind === 'legacy') return { kind: 'legacy', legacy: f.legacy, replacement: replacements(f.legacy, plan, catalogue, policy) };
  const eligibility = action
    ? evaluateActionEligibility(action, f.programme, plan, catalogue, policy)
    : evaluateEligibility(f.programme, plan, catalogue, policy, undefined, { setting: plan.sentence?.setting });
  return { kind: 'programme', programme: f.programme, eligibility };
}
