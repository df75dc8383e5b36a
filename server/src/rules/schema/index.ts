// The schema rule family. Each rule is a module with `meta` and `check`; list them here.
import type { Rule } from '../../engine/rule.js';

export const rules: Rule[] = [];
