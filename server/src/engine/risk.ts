// One meaning of "highest RoSH" for every rule and the eligibility engine: the highest of
// `rosh.overall` and every group (public, known adult, children, staff). A risk to any group
// is a risk (rules.md, "One meaning of highest RoSH").
import { BANDS4, type Band4, type Plan } from './model.js';
import type { Path } from './types.js';

export const ROSH_GROUPS = ['overall', 'public', 'known_adult', 'children', 'staff'] as const;
export type RoshGroup = (typeof ROSH_GROUPS)[number];
export const bandRank = (b: Band4): number => BANDS4.indexOf(b);

/** Each RoSH band recorded, overall first, with its path. */
export function roshBands(plan: Plan): { group: RoshGroup; band: Band4; path: Path }[] {
  const r = plan.assessment?.rosh;
  if (!r) return [];
  return ROSH_GROUPS.flatMap((g) => (r[g] ? [{ group: g, band: r[g]!, path: ['assessment', 'rosh', g] as Path }] : []));
}

/** The highest RoSH recorded (overall or any group) and where it is; on a tie the first wins, so `overall` is preferred. */
export function highestRosh(plan: Plan): { group: RoshGroup; band: Band4; path: Path } | undefined {
  let best: ReturnType<typeof highestRosh>;
  for (const b of roshBands(plan)) if (!best || bandRank(b.band) > bandRank(best.band)) best = b;
  return best;
}

/** Just the band of highestRosh(). */
export const highestRoshBand = (plan: Plan): Band4 | undefined => highestRosh(plan)?.band;
