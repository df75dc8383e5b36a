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

function say(v: unknown, filter: string | undefined, where: string): string {
  if (typeof v === 'number') return filter ? plural(v, filter.replace(/s$/, '')) : String(v);
  if (Array.isArray(v)) {
    const items = v.map(String);
    const word = filter === 'and' ? 'and' : 'or';
    return items.length <= 1 ? (items[0] ?? 'none') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
  }
  if (isDuration(v)) {
    if (filter !== 'and') return describeDuration(v);
    const parts = describeDuration(v).split(/ (?=\d)/);
    return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  }
  throw new Error(`policy text cannot say the value of ${where}`);
}

function singleUnit(d: Duration): [number, string] | undefined {
  const set = UNITS.filter((u) => d[u]);
  return set.length === 1 ? [d[set[0]] as number, set[0]] : undefined;
}

/** The template with every `{{…}}` filled in from `policy`. */
export function renderPolicyText(template: string, policy: Policy): string {
  return template.replace(/\{\{\s*([^}|]+?)\s*(?:\|\s*(\w+)\s*)?\}\}/g, (_m, expr: string, filter: string | undefined) => {
    const words = expr.split(/\s+/);
    if (words[0] === 'range' && words.length === 3) {
      const a = valueAt(policy, words[1]);
      const b = valueAt(policy, words[2]);
      const join = filter === 'to' ? 'to' : 'and';
      if (isDuration(a) && isDuration(b)) {
        const x = singleUnit(a);
        const y = singleUnit(b);
        // "8 and 2 weeks": one unit said once, when both are in it and the second is not singular.
        if (x && y && x[1] === y[1] && y[0] !== 1) return `${x[0]} ${join} ${y[0]} ${y[1]}`;
      }
      return `${say(a, undefined, words[1])} ${join} ${say(b, undefined, words[2])}`;
    }
    return say(valueAt(policy, expr), filter, expr);
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

/** The rule's metadata with its policy numbers rendered from `policy` (unchanged for a rule without placeholders). */
export function metaFor(meta: RuleMeta, policy?: Policy): RuleMeta {
  const t = policy ? TEMPLATES.get(meta.id) : undefined;
  if (!t || !policy) return meta;
  return { ...meta, description: renderPolicyText(t.description, policy), docs: { ...meta.docs, rationale: renderPolicyText(t.rationale, policy) } };
}
