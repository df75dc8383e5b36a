// The programme rule family, in catalogue order (rules.md): accredited programmes are only
// planned when the person is eligible (PSI 19/2014 paras 2.8, 2.9, 2.14–2.16). The facts are
// in the programme catalogue (policy/programmes.json); the judging in policy/eligibility/
// (criteria.ts evaluates, catalogue.ts queries, wording.ts words).
import type { Rule } from '../../engine/rule.js';
import { adaptedVersion } from './adapted-version.js';
import { eligibilityNotPassed } from './eligibility-not-passed.js';
import { gender } from './gender.js';
import { legacy } from './legacy.js';
import { notAvailable } from './not-available.js';
import { notEligibleListed } from './not-eligible-listed.js';
import { offence } from './offence.js';
import { riskTooLow } from './risk-too-low.js';
import { unknown } from './unknown.js';

export const rules: Rule[] = [unknown, legacy, eligibilityNotPassed, notEligibleListed, riskTooLow, gender, offence, adaptedVersion, notAvailable];
