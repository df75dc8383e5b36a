// Rule texts that state policy numbers render them from the policy data, so a number is
// written down once (design.md invariants 3 and 4): a description or rationale says
// `{{review.pre_release.due_before_release}}` and shows "2 weeks" with the shipped policy, or
// whatever review.json (or a configuration's policy) says instead. Pure: no fs.
//
// Placeholders:
//   {{section.path}}            a duration ("2 years 24 weeks"), a number ("10"), a list ("2 or 3")
//   {{section.path|and}}        a duration's units or a list's items joined with "and" ("2 years and 24 weeks", "2 and 3")
//   {{section.path|weeks}}      a number said with its unit ("4 weeks", "1 week")
//   {{range A B}}               two durations: "8 and 2 weeks" when both are in the same single unit, else "8 weeks and 1 month"
//   {{range A B|to}}            the same with "to"
//
// Another language passes its `PolicyWords` (docs/ruleText.ts builds them from a message
// catalogue: `common.weeks` and the like), so a Welsh text says "12 wythnos" from the same data.

import type { Policy } from '../policy/index.js';
import type { Duration } from '../policy/review.js';
import type { RuleMeta } from '../engine/types.js';
import { describeDuration, plural } from '../policy/obligations.js';

const UNITS = ['years', 'months', 'weeks', 'days'] as const;

function valueAt(policy: Policy, dotted: string): unknown {
  let v: unknown = policy;
  for (const k of dotted.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, k)) throw new Error(`policy text names no policy value: ${dotted}`);
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

const isDuration = (v: unknown): v is Duration => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => (UNITS as readonly string[]).includes(k));

/** How a language says policy values: a number with its unit, and the joining words. */
export interface PolicyWords {
  /** `n` of a unit (`years`, `months`, `weeks`, `days`): "12 weeks", "12 wythnos". */
  unit(n: number, unit: string): string;
  and: string;
  or: string;
  to: string;
  none: string;
}

/** English: the wording the rules' own texts have always had. */
export const ENGLISH_WORDS: PolicyWords = {
  unit: (n, unit) => plural(n, unit.replace(/s$/, '')),
  and: 'and',
  or: 'or',
  to: 'to',
  none: 'none',
};

/** A duration's units, largest first: ["2 years", "24 weeks"] ("0 days" when empty). */
function durationParts(d: Duration, w: PolicyWords): string[] {
  if (w === ENGLISH_WORDS) return describeDuration(d).split(/ (?=\d)/);
  const parts = UNITS.filter((u) => d[u]).map((u) => w.unit(d[u] as number, u));
  return parts.length ? parts : [w.unit(0, 'days')];
}

function say(v: unknown, filter: string | undefined, where: string, w: PolicyWords): string {
  if (typeof v === 'number') return filter ? w.unit(v, filter.endsWith('s') ? filter : `${filter}s`) : String(v);
  if (Array.isArray(v)) {
    const items = v.map(String);
    const word = filter === 'and' ? w.and : w.or;
    return items.length <= 1 ? (items[0] ?? w.none) : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
  }
  if (isDuration(v)) {
    const parts = durationParts(v, w);
    if (filter !== 'and') return parts.join(' ');
    return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${w.and} ${parts[parts.length - 1]}`;
  }
  throw new Error(`policy text cannot say the value of ${where}`);
}

function singleUnit(d: Duration): [number, string] | undefined {
  const set = UNITS.filter((u) => d[u]);
  return set.length === 1 ? [d[set[0]] as number, set[0]] : undefined;
}

/** The template with every `{{…}}` filled in from `policy`, in English unless `words` say otherwise. */
export function renderPolicyText(template: string, policy: Policy, words: PolicyWords = ENGLISH_WORDS): string {
  return template.replace(/\{\{\s*([^}|]+?)\s*(?:\|\s*(\w+)\s*)?\}\}/g, (_m, expr: string, filter: string | undefined) => {
    const parts = expr.split(/\s+/);
    if (parts[0] === 'range' && parts.length === 3) {
      const a = valueAt(policy, parts[1]);
      const b = valueAt(policy, parts[2]);
      const join = filter === 'to' ? words.to : words.and;
      if (isDuration(a) && isDuration(b)) {
        const x = singleUnit(a);
        const y = singleUnit(b);
        // "8 and 2 weeks": one unit said once, when both are in it and the second is not singular.
        if (x && y && x[1] === y[1] && y[0] !== 1) return `${x[0]} ${join} ${words.unit(y[0], y[1])}`;
      }
      return `${say(a, undefined, parts[1], words)} ${join} ${say(b, undefined, parts[2], words)}`;
    }
    return say(valueAt(policy, expr), filter, expr, words);
  });
}

/** A rule's texts that carry placeholders, by rule id: kept so the docs can be rendered with another policy. */
const TEMPLATES = new Map<string, { description: string; rationale: string }>();

/**
 * Register a rule's description and rationale as templates and return its metadata with them
 * rendered from `policy` (the shipped policy), so every front that reads `meta` shows the numbers
 * the policy data holds.
 */
export function withPolicyTexts<M extends RuleMeta>(meta: M, policy: Policy): M {
  TEMPLATES.set(meta.id, { description: meta.description, rationale: meta.docs.rationale });
  return { ...meta, description: renderPolicyText(meta.description, policy), docs: { ...meta.docs, rationale: renderPolicyText(meta.docs.rationale, policy) } };
}

/** A rule's description and rationale as written, placeholders and all (undefined for a rule without any). */
export function policyTemplates(id: string): { description: string; rationale: string } | undefined {
  return TEMPLATES.get(id);
}

/** The rule's metadata with its policy numbers rendered from `policy` (unchanged for a rule without placeholders). */
export function metaFor(meta: RuleMeta, policy?: Policy): RuleMeta {
  const t = policy ? TEMPLATES.get(meta.id) : undefined;
  if (!t || !policy) return meta;
  return { ...meta, description: renderPolicyText(t.description, policy), docs: { ...meta.docs, rationale: renderPolicyText(t.rationale, policy) } };
}
