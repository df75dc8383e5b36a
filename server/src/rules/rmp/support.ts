// Shared by the rmp/* rules: reading RoSH bands.
import type { Band4 } from '../../engine/model.js';

export { ROSH_GROUPS, bandRank, roshBands, highestRosh, type RoshGroup } from '../../engine/risk.js';
import type { RoshGroup } from '../../engine/risk.js';
export const bandName = (b: Band4): string => b.replace('_', ' ');

const GROUP_NAME: Record<RoshGroup, string> = { overall: 'overall', public: 'to the public', known_adult: 'to a known adult', children: 'to children', staff: 'to staff' };
export const groupName = (g: RoshGroup): string => GROUP_NAME[g];
