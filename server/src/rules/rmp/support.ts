// Shared by the rmp/* rules: reading RoSH bands.
import type { Band4 } from '../../engine/model.js';

export { ROSH_GROUPS, bandRank, roshBands, highestRosh, type RoshGroup } from '../../engine/risk.js';
import type { RoshGroup } from '../../engine/risk.js';
import type { Msg } from '../../engine/messages.js';

/** RoSH bands and groups in words, shared by rmp/* and sequence/harm-actions (spread into `meta.messages`). */
export const ROSH_MESSAGES = {
  band: '{band, select, very_high {very high} other {{band}}}',
  group: '{group, select, overall {overall} public {to the public} known_adult {to a known adult} children {to children} other {to staff}}',
} as const;

/** A band as a message: "very high". */
export const bandName = (b: Band4): Msg => ({ id: 'band', data: { band: b } });
/** A RoSH group as a message: "to the public" ("overall" for the overall RoSH). */
export const groupName = (g: RoshGroup): Msg => ({ id: 'group', data: { group: g } });
