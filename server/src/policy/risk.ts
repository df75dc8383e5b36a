// Risk policy's types. Data: risk.json; schema: schemas/policy/risk.schema.json.
// Cut-offs are PERCENTAGES (`unit: 'percent'`); plans record scores as fractions.

import type { OffenceType, Strand } from '../engine/model.js';
import type { Criterion, Level } from './programmes.js';

/** Each band starts at its cut-off (inclusive); below `medium` is low. */
export interface BandCuts {
  medium: number;
  high: number;
  very_high?: number;
  uncertain?: string;
}

export interface RiskPolicy {
  unit: 'percent';
  bands: { ogrs3_2yr: BandCuts; ovp_2yr: BandCuts };
  rsr: {
    use: 'programme_eligibility' | 'tiering';
    cuts: { programme_eligibility: BandCuts; tiering: BandCuts };
    uncertain?: string;
  };
  /** Risk of reoffending for programme purposes: high if any `high` criterion holds, else medium if any `medium` one does, else low. */
  reoffending: {
    high: Criterion[];
    medium: Criterion[];
    ignore_for_women?: string[];
  };
  /** Accredited programmes with no criteria of their own suit this risk of reoffending and above (PSI 19/2014 para 2.15). */
  programmes_suit_from: Level;
  strand_inference: {
    by_index: Partial<Record<OffenceType, Strand>>;
    sexual_motivation?: Strand;
    otherwise: Strand;
  };
}
