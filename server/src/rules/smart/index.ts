// The smart rule family, in catalogue order (rules.md). Each rule is a module with `meta` and `check`.
import type { Rule } from '../../engine/rule.js';
import { achievable } from './achievable.js';
import { measurable } from './measurable.js';
import { overdue } from './overdue.js';
import { realistic } from './realistic.js';
import { specific } from './specific.js';
import { timeBound } from './time-bound.js';

export const rules: Rule[] = [specific, measurable, achievable, realistic, timeBound, overdue];
