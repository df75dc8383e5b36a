// The engagement rule family, in catalogue order (rules.md). Each rule is a module with `meta` and `check`.
import type { Rule } from '../../engine/rule.js';
import { discretionaryRelease } from './discretionary-release.js';
import { recorded } from './recorded.js';
import { views } from './views.js';

export const rules: Rule[] = [recorded, views, discretionaryRelease];
