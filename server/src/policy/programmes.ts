// The programme catalogue's types. Data: programmes.json; schema (and the criteria language,
// documented there and in docs/programmes.md): schemas/policy/programmes.schema.json.
// Everything but `id` and `name` is optional, so configuration can add a local programme
// with little data: an absent field means no check is made on it.

import type { Band3, Band4, OffenceType, Phase, Strand } from '../engine/model.js';

export type Level = 'low' | 'medium' | 'high';

/** A test of a banded 0..1 score (OGRS3, OVP, RSR). Thresholds are fractions, like the plan's scores. */
export interface NumericScoreTest {
  at_least?: number;
  below?: number;
  at_most?: number;
  band_at_least?: Band4;
  band_in?: Band4[];
}
/** A test of a 0..1 score with no bands (OGP). */
export interface RawScoreTest {
  at_least?: number;
  below?: number;
  at_most?: number;
}
export interface BandTest<B extends string = Band4> {
  at_least?: B;
  in?: B[];
}
export interface AuditTest {
  at_least?: number;
  below?: number;
  at_most?: number;
}

/**
 * One alternative: every test given must hold (AND). A `Criterion[]` is a list of
 * alternatives of which one must hold (OR). Data the plan does not record makes a test
 * 'unknown', never a fail.
 */
export interface Criterion {
  ogrs3_2yr?: NumericScoreTest;
  ovp_2yr?: NumericScoreTest;
  rsr?: NumericScoreTest;
  ogp_2yr?: RawScoreTest;
  osp_c?: BandTest<Band4>;
  osp_i?: BandTest<Band3>;
  sara_partner?: BandTest<Band4>;
  sara_others?: BandTest<Band4>;
  rosh_overall?: BandTest<Band4>;
  audit?: AuditTest;
  erg22_completed?: true;
  completed_first?: string[];
  risk_of_reoffending?: BandTest<Level>;
  setting?: { in: Phase[] };
  strand?: { in: Strand[] };
}

/** One offence history a programme is for: every key given must hold. A list is OR. */
export interface OffenceCondition {
  index_in?: OffenceType[];
  previous_sexual?: true;
  sexual_motivation?: true;
  gang_affiliation?: true;
}

/** By strand; `all_strands` applies whatever the strand (AND with the strand's own entry). */
export type ByStrand<T> = Partial<Record<Strand | 'all_strands', T>>;

export interface SimpleDuration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  sessions?: number;
  weeks_estimate?: number;
  uncertain?: boolean | string;
}
export interface Duration extends SimpleDuration {
  custody?: SimpleDuration;
  community?: SimpleDuration;
}

/** Fields a rule may rely on that the sources were thin on: a short noun phrase each. */
export type UncertainField = 'eligibility' | 'settings' | 'genders' | 'strands' | 'min_duration' | 'adapted_version' | 'offence_targets';

export interface Programme {
  id: string;
  name: string;
  description?: string;
  accredited?: boolean;
  genders?: ('male' | 'female')[];
  settings?: Phase[];
  settings_by_strand?: Partial<Record<Strand, Phase[]>>;
  strands?: Strand[];
  eligibility?: ByStrand<Criterion[]>;
  offence_targets?: ByStrand<OffenceCondition[]>;
  min_duration?: Duration;
  adapted_version?: { id: string; when?: Criterion }[];
  suitable_for_learning_disability?: boolean | 'case_by_case';
  notes?: string[];
  uncertain?: Partial<Record<UncertainField, string>>;
}

export interface LegacyProgramme {
  id: string;
  name: string;
  replaced_by: { id: string; when?: Criterion }[];
  uncertain?: string;
}

export interface Catalogue {
  programmes: Programme[];
  legacy: LegacyProgramme[];
  /** Establishment -> programme ids delivered there. An establishment not listed: no restriction known. */
  availability: Record<string, string[]>;
}
