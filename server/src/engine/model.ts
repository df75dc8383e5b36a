// The typed plan model: a view of the parsed document that rules can trust.
// Every field is optional: a value of the wrong type (already reported by
// schema/shape) reads as absent, so rules never see a string where a date
// belongs and one defect does not cascade into many findings.
// List items carry their `path` so a rule can report against them.

import { isValidDate } from './dates.js';
import type { Path } from './types.js';

export const NEED_AREAS = [
  'accommodation',
  'education_training_employment',
  'finance',
  'relationships',
  'lifestyle_associates',
  'drug_misuse',
  'alcohol_misuse',
  'emotional_wellbeing',
  'thinking_behaviour',
  'attitudes',
] as const;
export type NeedArea = (typeof NEED_AREAS)[number];

export const SENTENCE_TYPES = ['determinate', 'extended_determinate', 'life', 'ipp', 'community_order', 'suspended_sentence_order'] as const;
export const BANDS4 = ['low', 'medium', 'high', 'very_high'] as const;
export const BANDS3 = ['low', 'medium', 'high'] as const;
export const TEAM_ROLES = ['prison_offender_manager', 'community_offender_manager', 'key_worker'] as const;
export const PLAN_OWNERS = ['prison_offender_manager', 'community_offender_manager', 'crc_offender_manager', 'unpaid_work_provider'] as const;
export const OBJECTIVE_STATUSES = ['future', 'not_started', 'in_progress', 'achieved', 'not_achieved', 'no_longer_appropriate'] as const;
export const ACTION_TYPES = [
  'programme', 'assessment', 'intervention', 'education', 'employment', 'substance_misuse',
  'accommodation', 'behaviour', 'rotl', 'pipe', 'transfer', 'other',
] as const;
export const STRANDS = ['general_violence', 'intimate_partner_violence', 'sexual_offence', 'general'] as const;
export const ELIGIBILITY = ['passed', 'pending', 'not_eligible', 'not_assessed'] as const;
export const PHASES = ['custody', 'community'] as const;
export const DELIVERIES = ['group', 'one_to_one'] as const;
export const HANDOVER_ROLES = ['prison_offender_manager', 'community_offender_manager', 'crc_offender_manager', 'key_worker'] as const;
export const ACTION_OWNERS = ['person', 'prison_offender_manager', 'community_offender_manager', 'key_worker', 'provider'] as const;
export const ACTION_STATUSES = ['not_started', 'cannot_start_yet', 'in_progress', 'completed', 'withdrawn', 'no_longer_appropriate'] as const;
export const REVIEW_TYPES = ['initial', 'periodic', 'significant_event', 'pre_release', 'pre_tariff', 'pre_parole', 'termination'] as const;
export const EVENT_TYPES = [
  'transfer', 'transfer_to_open_conditions', 'objective_achieved', 'parole_review', 'release', 'risk_change', 'no_progress', 'recall',
] as const;
export const OFFENCE_TYPES = ['violence', 'sexual', 'domestic_abuse', 'acquisitive', 'drugs', 'arson', 'weapons', 'extremism', 'other'] as const;

export type SentenceType = (typeof SENTENCE_TYPES)[number];
export type Band4 = (typeof BANDS4)[number];
export type Band3 = (typeof BANDS3)[number];
export type PlanOwner = (typeof PLAN_OWNERS)[number];
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type ActionType = (typeof ACTION_TYPES)[number];
export type Strand = (typeof STRANDS)[number];
export type Eligibility = (typeof ELIGIBILITY)[number];
export type Phase = (typeof PHASES)[number];
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ReviewType = (typeof REVIEW_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type OffenceType = (typeof OFFENCE_TYPES)[number];

/** A calendar date, `YYYY-MM-DD`, already checked to be a real date. */
export type DateString = string;

export interface Person {
  prison_number?: string;
  gender?: 'male' | 'female';
  date_of_birth?: DateString;
  learning_disability?: boolean;
  english_first_language?: boolean;
  foreign_national?: { liable_to_deportation?: boolean; deportation_order?: boolean };
}

export interface Sentence {
  type?: SentenceType;
  length_months?: number;
  sentenced_on?: DateString;
  release_date?: DateString;
  parole_eligibility_date?: DateString;
  tariff_expiry_date?: DateString;
  sentence_end_date?: DateString;
  requirements?: string[];
  /** Custodial sentences: false when the person will not be supervised after release (no plan needed, PSI 1.2, 1.7). */
  supervised_on_release?: boolean;
  /** Life, IPP, extended: the next Parole Board review once the PED has passed. */
  next_parole_review?: DateString;
  allocation?: 'nps' | 'crc';
  setting?: 'custody' | 'community';
  establishment?: string;
}

export interface Team {
  prison_offender_manager?: string;
  community_offender_manager?: string;
  key_worker?: string;
  plan_owner?: PlanOwner;
}

export interface Need {
  path: Path;
  area?: NeedArea;
  linked_to_offending?: boolean;
  severity?: Band3;
}

export interface Assessment {
  oasys?: { completed_on?: DateString };
  scores?: {
    ogrs3_2yr?: number;
    ogp_2yr?: number;
    ovp_2yr?: number;
    osp_c?: Band4;
    osp_i?: Band3;
    rsr?: number;
    sara_partner?: Band4;
    sara_others?: Band4;
    audit?: number;
  };
  erg22_completed?: boolean;
  /** A CRC case referred to the NPS for risk review (PSI 2.17, risk escalation). */
  risk_review_referred_on?: DateString;
  rosh?: { overall?: Band4; public?: Band4; known_adult?: Band4; children?: Band4; staff?: Band4 };
  mappa?: { category?: 1 | 2 | 3; level?: 1 | 2 | 3 };
  needs: Need[];
  offence?: { index?: OffenceType; sexual_motivation?: boolean; previous_sexual?: boolean; gang_affiliation?: boolean };
}

export interface RiskManagementPlan {
  completed_on?: DateString;
  last_reviewed_on?: DateString;
  summary?: string;
  contingency?: string;
}

export interface Outcome {
  path: Path;
  id?: string;
  description?: string;
}

export interface Objective {
  path: Path;
  id?: string;
  outcome?: string;
  need?: NeedArea;
  description?: string;
  measure?: string;
  target_date?: DateString;
  status?: ObjectiveStatus;
  /** When the status was last set. */
  status_since?: DateString;
  achieved_on?: DateString;
  reason?: string;
  outside_control?: string;
  harm_reduction?: boolean;
}

export interface Action {
  path: Path;
  id?: string;
  objective?: string;
  description?: string;
  type?: ActionType;
  programme?: string;
  strand?: Strand;
  eligibility?: Eligibility;
  priority?: number;
  after?: string[];
  phase?: Phase;
  location?: string;
  owner?: ActionOwner;
  start_date?: DateString;
  target_date?: DateString;
  delivery?: (typeof DELIVERIES)[number];
  agreed_with_com?: boolean;
  status?: ActionStatus;
  /** When the status was last set. */
  status_since?: DateString;
  reason?: string;
  harm_reduction?: boolean;
}

export interface Engagement {
  involved?: boolean;
  discussed_on?: DateString;
  views?: string;
  reason?: string;
  told_noncompliance_affects_release?: boolean;
}

export interface Review {
  path: Path;
  date?: DateString;
  type?: ReviewType;
  reason?: string;
  by?: string;
}

export interface PlanEvent {
  path: Path;
  date?: DateString;
  type?: EventType;
  detail?: string;
}

export interface Plan {
  sentence_plan?: number;
  kind?: 'plan' | 'template';
  person?: Person;
  sentence?: Sentence;
  team?: Team;
  assessment?: Assessment;
  risk_management_plan?: RiskManagementPlan;
  outcomes: Outcome[];
  objectives: Objective[];
  actions: Action[];
  engagement?: Engagement;
  /** The pre-release handover from custody to the home CRC (PSI 2.18). */
  handover?: { completed_on?: DateString; with?: (typeof HANDOVER_ROLES)[number] };
  reviews: Review[];
  events: PlanEvent[];
  /** Which top-level keys are present at all (even with a value of the wrong type). */
  present: ReadonlySet<string>;
}

// ---------------------------------------------------------------------------
// Building the model from the plain JS value of the document.

type Raw = Record<string, unknown>;

const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const date = (v: unknown): DateString | undefined => (typeof v === 'string' && isValidDate(v) ? v : undefined);
function oneOf<T extends string>(values: readonly T[]) {
  return (v: unknown): T | undefined => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined);
}
const level = (v: unknown): 1 | 2 | 3 | undefined => (v === 1 || v === 2 || v === 3 ? v : undefined);
const strList = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : undefined;
const obj = (v: unknown): Raw | undefined => (isObj(v) ? v : undefined);
const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Drop keys whose value is undefined so `'x' in o` means "present and well typed". */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export function buildPlan(root: unknown): Plan {
  const r = obj(root) ?? {};
  const present = new Set(Object.keys(r));
  const person = obj(r.person);
  const sentence = obj(r.sentence);
  const team = obj(r.team);
  const assessment = obj(r.assessment);
  const rmp = obj(r.risk_management_plan);
  const engagement = obj(r.engagement);
  const handover = obj(r.handover);
  const kind = oneOf(['plan', 'template'] as const)(r.kind);

  const plan: Plan = {
    sentence_plan: num(r.sentence_plan),
    kind,
    person: person && clean({
      prison_number: str(person.prison_number),
      gender: oneOf(['male', 'female'] as const)(person.gender),
      date_of_birth: date(person.date_of_birth),
      learning_disability: bool(person.learning_disability),
      english_first_language: bool(person.english_first_language),
      foreign_national: obj(person.foreign_national) && clean({
        liable_to_deportation: bool(obj(person.foreign_national)!.liable_to_deportation),
        deportation_order: bool(obj(person.foreign_national)!.deportation_order),
      }),
    }),
    sentence: sentence && clean({
      type: oneOf(SENTENCE_TYPES)(sentence.type),
      length_months: num(sentence.length_months),
      sentenced_on: date(sentence.sentenced_on),
      release_date: date(sentence.release_date),
      parole_eligibility_date: date(sentence.parole_eligibility_date),
      tariff_expiry_date: date(sentence.tariff_expiry_date),
      sentence_end_date: date(sentence.sentence_end_date),
      requirements: strList(sentence.requirements),
      supervised_on_release: bool(sentence.supervised_on_release),
      next_parole_review: date(sentence.next_parole_review),
      allocation: oneOf(['nps', 'crc'] as const)(sentence.allocation),
      setting: oneOf(PHASES)(sentence.setting),
      establishment: str(sentence.establishment),
    }),
    team: team && clean({
      prison_offender_manager: str(team.prison_offender_manager),
      community_offender_manager: str(team.community_offender_manager),
      key_worker: str(team.key_worker),
      plan_owner: oneOf(PLAN_OWNERS)(team.plan_owner),
    }),
    assessment: assessment && buildAssessment(assessment),
    risk_management_plan: rmp && clean({
      completed_on: date(rmp.completed_on),
      last_reviewed_on: date(rmp.last_reviewed_on),
      summary: str(rmp.summary),
      contingency: str(rmp.contingency),
    }),
    outcomes: items(r.outcomes).map((o, i) => {
      const x = obj(o) ?? {};
      return clean({ path: ['outcomes', i], id: str(x.id), description: str(x.description) });
    }),
    objectives: items(r.objectives).map((o, i) => {
      const x = obj(o) ?? {};
      return clean({
        path: ['objectives', i],
        id: str(x.id),
        outcome: str(x.outcome),
        need: oneOf(NEED_AREAS)(x.need),
        description: str(x.description),
        measure: str(x.measure),
        target_date: date(x.target_date),
        status: oneOf(OBJECTIVE_STATUSES)(x.status),
        status_since: date(x.status_since),
        achieved_on: date(x.achieved_on),
        reason: str(x.reason),
        outside_control: str(x.outside_control),
        harm_reduction: bool(x.harm_reduction),
      });
    }),
    actions: items(r.actions).map((a, i) => {
      const x = obj(a) ?? {};
      return clean({
        path: ['actions', i],
        id: str(x.id),
        objective: str(x.objective),
        description: str(x.description),
        type: oneOf(ACTION_TYPES)(x.type),
        programme: str(x.programme),
        strand: oneOf(STRANDS)(x.strand),
        eligibility: oneOf(ELIGIBILITY)(x.eligibility),
        priority: Number.isInteger(x.priority) ? (x.priority as number) : undefined,
        after: strList(x.after),
        phase: oneOf(PHASES)(x.phase),
        location: str(x.location),
        owner: oneOf(ACTION_OWNERS)(x.owner),
        start_date: date(x.start_date),
        target_date: date(x.target_date),
        delivery: oneOf(DELIVERIES)(x.delivery),
        agreed_with_com: bool(x.agreed_with_com),
        status: oneOf(ACTION_STATUSES)(x.status),
        status_since: date(x.status_since),
        reason: str(x.reason),
        harm_reduction: bool(x.harm_reduction),
      });
    }),
    engagement: engagement && clean({
      involved: bool(engagement.involved),
      discussed_on: date(engagement.discussed_on),
      views: str(engagement.views),
      reason: str(engagement.reason),
      told_noncompliance_affects_release: bool(engagement.told_noncompliance_affects_release),
    }),
    handover: handover && clean({ completed_on: date(handover.completed_on), with: oneOf(HANDOVER_ROLES)(handover.with) }),
    reviews: items(r.reviews).map((v, i) => {
      const x = obj(v) ?? {};
      return clean({ path: ['reviews', i], date: date(x.date), type: oneOf(REVIEW_TYPES)(x.type), reason: str(x.reason), by: str(x.by) });
    }),
    events: items(r.events).map((v, i) => {
      const x = obj(v) ?? {};
      return clean({ path: ['events', i], date: date(x.date), type: oneOf(EVENT_TYPES)(x.type), detail: str(x.detail) });
    }),
    present,
  };
  return clean(plan);
}

function buildAssessment(a: Raw): Assessment {
  const oasys = obj(a.oasys);
  const scores = obj(a.scores);
  const rosh = obj(a.rosh);
  const mappa = obj(a.mappa);
  const offence = obj(a.offence);
  const b4 = oneOf(BANDS4);
  const b3 = oneOf(BANDS3);
  return clean({
    oasys: oasys && clean({ completed_on: date(oasys.completed_on) }),
    scores: scores && clean({
      ogrs3_2yr: num(scores.ogrs3_2yr),
      ogp_2yr: num(scores.ogp_2yr),
      ovp_2yr: num(scores.ovp_2yr),
      osp_c: b4(scores.osp_c),
      osp_i: b3(scores.osp_i),
      rsr: num(scores.rsr),
      sara_partner: b4(scores.sara_partner),
      sara_others: b4(scores.sara_others),
      audit: Number.isInteger(scores.audit) ? (scores.audit as number) : undefined,
    }),
    erg22_completed: bool(a.erg22_completed),
    risk_review_referred_on: date(a.risk_review_referred_on),
    rosh: rosh && clean({ overall: b4(rosh.overall), public: b4(rosh.public), known_adult: b4(rosh.known_adult), children: b4(rosh.children), staff: b4(rosh.staff) }),
    mappa: mappa && clean({ category: level(mappa.category), level: level(mappa.level) }),
    needs: items(a.needs).map((n, i) => {
      const x = obj(n) ?? {};
      return clean({ path: ['assessment', 'needs', i], area: oneOf(NEED_AREAS)(x.area), linked_to_offending: bool(x.linked_to_offending), severity: b3(x.severity) });
    }),
    offence: offence && clean({
      index: oneOf(OFFENCE_TYPES)(offence.index),
      sexual_motivation: bool(offence.sexual_motivation),
      previous_sexual: bool(offence.previous_sexual),
      gang_affiliation: bool(offence.gang_affiliation),
    }),
  });
}

/** A 0..1 score read as a fraction, only when it is in range (out of range is schema/score-range's finding). */
export function fraction(v: number | undefined): number | undefined {
  return v !== undefined && v >= 0 && v <= 1 ? v : undefined;
}
