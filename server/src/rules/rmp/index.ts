// The rmp rule family, in catalogue order (rules.md): the risk management plan (PSI 19/2014 para 1.4).
import type { Rule } from '../../engine/rule.js';
import { mappaLevel } from './mappa-level.js';
import { required } from './required.js';
import { reviewedWithPlan } from './reviewed-with-plan.js';

export const rules: Rule[] = [required, reviewedWithPlan, mappaLevel];
