// The schema rule family (and template/placeholder-in-plan, a check on the document's form).
// Each rule is a module with `meta` and `check`; listed in catalogue order.
import type { Rule } from '../../engine/rule.js';
import { danglingReference } from './dangling-reference.js';
import { duplicateId } from './duplicate-id.js';
import { placeholderInPlan } from './placeholder-in-plan.js';
import { scoreRange } from './score-range.js';
import { shape } from './shape.js';
import { yamlSyntax } from './yaml-syntax.js';

export const rules: Rule[] = [yamlSyntax, shape, duplicateId, danglingReference, scoreRange, placeholderInPlan];
