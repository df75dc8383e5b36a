// Shared by the rmp/* rules: reading RoSH bands.
import { BANDS4, type Band4, type Plan } from '../../engine/model.js';
import type { Path } from '../../engine/types.js';

export const ROSH_GROUPS = ['overall', 'public', 'known_adult', 'children', 'staff'] as const;
export type RoshGroup = (typeof ROSH_GROUPS)[number];

export const bandRank = (b: Band4): number => BANDS4.indexOf(b);
export const bandName = (b: Band4): string => b.replace('_', ' ');

/** Each RoSH band recorded, overall first, with its path. */
export function roshBands(plan: Plan): { group: RoshGroup; band: Band4; path: Path }[] {
  const r = plan.assessment?.rosh;
  if (!r) return [];
  return ROSH_GROUPS.flatMap((g) => (r[g] ? [{ group: g, band: r[g]!, path: ['assessment', 'rosh', g] as Path }] : []));
}

/** The highest RoSH recorded (overall or any group) and where it is; the first one wins a tie, so `overall` is preferred. */
export function highestRosh(plan: Plan): { group: RoshGroup; band: Band4; path: Path } | undefined {
  let best: ReturnType<typeof highestRosh>;
  for (const b of roshBands(plan)) if (!best || bandRank(b.band) > bandRank(best.band)) best = b;
  return best;
}

const GROUP_NAME: Record<RoshGroup, string> = { overall: 'overall', public: 'to the public', known_adult: 'to a known adult', children: 'to children', staff: 'to staff' };
export const groupName = (g: RoshGroup): string => GROUP_NAME[g];
