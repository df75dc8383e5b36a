// The plan rule family, in catalogue order (rules.md). Each rule is a module with `meta` and `check`.
import type { Rule } from '../../engine/rule.js';
import { actionObjective } from './action-objective.js';
import { actionOwner } from './action-owner.js';
import { crcHandover } from './crc-handover.js';
import { deportation } from './deportation.js';
import { interpreter } from './interpreter.js';
import { needCoverage } from './need-coverage.js';
import { notRequired } from './not-required.js';
import { objectiveOutcome } from './objective-outcome.js';
import { objectivesRequired } from './objectives-required.js';
import { outcomesRequired } from './outcomes-required.js';
import { ownerRequired } from './owner-required.js';
import { removalReason } from './removal-reason.js';
import { responsibility } from './responsibility.js';
import { riskEscalation } from './risk-escalation.js';
import { withdrawnStillListed } from './withdrawn-still-listed.js';
import { youngPersonEducation } from './young-person-education.js';

export const rules: Rule[] = [
  outcomesRequired,
  objectivesRequired,
  ownerRequired,
  objectiveOutcome,
  actionObjective,
  actionOwner,
  needCoverage,
  notRequired,
  responsibility,
  youngPersonEducation,
  withdrawnStillListed,
  removalReason,
  deportation,
  interpreter,
  riskEscalation,
  crcHandover,
];
