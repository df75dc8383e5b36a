// Risk management plan policy data for the rmp/* rules. Data in rmp.json, schema in
// schemas/policy/rmp.schema.json.
export interface RmpPolicy {
  /** A RoSH band (overall or any group) at or above this needs a risk management plan. */
  required_from: 'low' | 'medium' | 'high' | 'very_high';
  /** How many days the RMP's last review may predate the latest plan review (0: reviewed together). */
  reviewed_with_plan_gap_days: number;
  /** MAPPA levels that are inconsistent with a RoSH recorded as low. */
  mappa_levels_above_low_rosh: number[];
}
