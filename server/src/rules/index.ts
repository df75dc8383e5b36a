// Every rule, in catalogue order. Each family lives in its own folder.
import type { Rule } from '../engine/rule.js';
import { rules as engagement } from './engagement/index.js';
import { rules as meta } from './meta/index.js';
import { rules as plan } from './plan/index.js';
import { rules as programme } from './programme/index.js';
import { rules as review } from './review/index.js';
import { rules as rmp } from './rmp/index.js';
import { rules as schema } from './schema/index.js';
import { rules as sequence } from './sequence/index.js';
import { rules as smart } from './smart/index.js';
import { reviewMessages } from './review/support.js';
import { EXAMPLE_MESSAGES } from './smart/analysis.js';
import { ELIGIBILITY_MESSAGES } from '../policy/eligibility/messages.js';
import { NOTE_MESSAGES } from '../policy/eligibility/wording.js';

export const ALL_RULES: readonly Rule[] = [...schema, ...plan, ...engagement, ...smart, ...programme, ...sequence, ...rmp, ...review, ...meta];

/**
 * Messages a whole family shares, under family ids (`review.overdue`, `eligibility.belowThe`): a
 * rule's finding reads them when its own catalogue has no rule-level message (engine/messages.ts).
 */
export function familyMessages(): Readonly<Record<string, string>> {
  return { ...ELIGIBILITY_MESSAGES, ...NOTE_MESSAGES, ...reviewMessages(), ...EXAMPLE_MESSAGES };
}

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export const RULE_FAMILIES = ['schema', 'template', 'plan', 'engagement', 'smart', 'programme', 'sequence', 'rmp', 'review', 'meta'] as const;
