// The review rule family, in catalogue order (rules.md). The due dates come from the engine's
// dueDates() (engine/obligations.ts), shared with the CLI report and the language server.
import type { Rule } from '../../engine/rule.js';
import { crcReleaseWindow } from './crc-release-window.js';
import { initialOasys } from './initial-oasys.js';
import { periodic } from './periodic.js';
import { postRelease } from './post-release.js';
import { preParole } from './pre-parole.js';
import { preReleaseMappa } from './pre-release-mappa.js';
import { preRelease } from './pre-release.js';
import { preTariff } from './pre-tariff.js';
import { significantEvent } from './significant-event.js';
import { termination } from './termination.js';

export const rules: Rule[] = [initialOasys, periodic, preTariff, preRelease, preReleaseMappa, preParole, significantEvent, termination, crcReleaseWindow, postRelease];
