// The sequence rule family, in catalogue order (rules.md): actions are in a logical order (PSI 19/2014 paras 2.7, 2.12–2.14).
import type { Rule } from '../../engine/rule.js';
import { communityConsultation } from './community-consultation.js';
import { cycle } from './cycle.js';
import { harmActions } from './harm-actions.js';
import { paroleTiming } from './parole-timing.js';
import { prerequisiteOrder } from './prerequisite-order.js';
import { priorityOrder } from './priority-order.js';
import { stabiliseFirst } from './stabilise-first.js';

export const rules: Rule[] = [priorityOrder, cycle, prerequisiteOrder, stabiliseFirst, communityConsultation, paroleTiming, harmActions];
