// Policy data: the defaults shipped with planlint, merged with a configuration's overrides
// and validated against the schemas in schemas/policy/. Policy is data: a policy team
// changes a number in a file, not in code (design.md invariant 4).

import { distance } from 'fastest-levenshtein';
import { compiled } from '../engine/ajv.js';
import type { Path } from '../engine/types.js';
import type { Msg } from '../engine/messages.js';
import { ajvMsg, cfgMsg, didYouMean } from '../engine/configMessages.js';
import programmesData from './programmes.json';
import reviewData from './review.json';
import riskData from './risk.json';
import rmpData from './rmp.json';
import smartData from './smart.json';
import planData from './plan.json';
import programmesSchema from '../../../schemas/policy/programmes.schema.json';
import reviewSchema from '../../../schemas/policy/review.schema.json';
import riskSchema from '../../../schemas/policy/risk.schema.json';
import rmpSchema from '../../../schemas/policy/rmp.schema.json';
import smartSchema from '../../../schemas/policy/smart.schema.json';
import planSchema from '../../../schemas/policy/plan.schema.json';
import type { Catalogue, LegacyProgramme, Programme } from './programmes.js';
import { reviewTableProblems, type ReviewPolicy } from './review.js';
import type { RiskPolicy } from './risk.js';
import type { RmpPolicy } from './rmp.js';
import type { SmartPolicy } from './smart.js';
import type { PlanPolicy } from './plan.js';

export type { Catalogue, LegacyProgramme, Programme } from './programmes.js';

export interface Policy {
  review: ReviewPolicy;
  smart: SmartPolicy;
  plan: PlanPolicy;
  risk: RiskPolicy;
  rmp: RmpPolicy;
}

/** A problem in policy data or an override, located by its path inside `policy:` / `programmes:` / `availability:`. */
export interface PolicyProblem {
  path: Path;
  message: Msg;
}

const SECTIONS = {
  review: { data: reviewData, schema: reviewSchema },
  smart: { data: smartData, schema: smartSchema },
  plan: { data: planData, schema: planSchema },
  risk: { data: riskData, schema: riskSchema },
  rmp: { data: rmpData, schema: rmpSchema },
} as const;

type SectionName = keyof typeof SECTIONS;
export const POLICY_SECTIONS = Object.keys(SECTIONS) as SectionName[];

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `$comment`, or `$comment <key>` (a note on one key of the same mapping): documentation, dropped on load. */
const isCommentKey = (k: string): boolean => k === '$comment' || k.startsWith('$comment ');

function stripComments<T>(v: T): T {
  if (Array.isArray(v)) return v.map(stripComments) as T;
  if (isObj(v)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of Object.entries(v)) if (!isCommentKey(k)) out[k] = stripComments(x);
    return { ...out } as T;
  }
  return v;
}

const DURATION_UNITS = ['years', 'months', 'weeks', 'days'];
const isDuration = (v: Record<string, unknown>): boolean =>
  Object.keys(v).length > 0 && Object.entries(v).every(([k, x]) => DURATION_UNITS.includes(k) && typeof x === 'number');

/**
 * Parts of a review obligation that are one value each (a due date, a window, an anchor, a
 * condition, a citation): an override replaces them whole, so `window: { before_due: … }` never
 * keeps the default's `opens_before_anchor` beside it.
 */
const WHOLE_IN_OBLIGATION = new Set(['due', 'window', 'anchor', 'applies', 'citation']);

/** Deep merge: objects merge key by key, anything else (lists included) replaces. */
export function merge(base: unknown, over: unknown, inObligation = false): unknown {
  if (!isObj(base) || !isObj(over)) return clone(over);
  // A duration ({ weeks: 8 }) is one value: an override replaces it whole, never adds units to it.
  if (isDuration(base)) return clone(over);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = k in base && !(inObligation && WHOLE_IN_OBLIGATION.has(k)) ? merge(base[k], v) : clone(v);
  }
  return out;
}

/** Merge a review section override: the entries of `obligations` merge one by one, their parts whole. */
function mergeReview(base: unknown, over: unknown): unknown {
  const merged = merge(base, over);
  if (!isObj(base) || !isObj(over) || !isObj(base.obligations) || !isObj(over.obligations) || !isObj(merged)) return merged;
  const table: Record<string, unknown> = { ...base.obligations };
  for (const [name, entry] of Object.entries(over.obligations)) {
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    table[name] = name in base.obligations ? merge(base.obligations[name], entry, true) : clone(entry);
  }
  return { ...merged, obligations: table };
}

/**
 * Merge two `policy:` overrides (policy packs layered under a configuration) with the same
 * semantics as an override over the defaults: sections key by key, durations and the parts of a
 * review obligation replaced whole.
 */
export function mergePolicyOverrides(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return clone(over);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = k in base ? (k === 'review' ? mergeReview : merge)(base[k], v) : clone(v);
  }
  return out;
}

/** A near miss among `keys`, for a did-you-mean (not imported from engine/config: that module imports this one). */
function suggest(word: string, keys: readonly string[]): Msg | '' {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of keys) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return didYouMean(best !== undefined && bestD <= Math.max(1, Math.floor(Math.max(word.length, best.length) * 0.4)) ? best : undefined);
}

function ajvProblems(prefix: Path, errors: { keyword: string; instancePath: string; message?: string; params?: Record<string, unknown>; parentSchema?: unknown }[]): PolicyProblem[] {
  return errors.map((e) => {
    const segs = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
    if (e.params && 'additionalProperty' in e.params) {
      // An unknown key: point at the key itself and name the nearest allowed one.
      const key = String(e.params.additionalProperty);
      const props = isObj(e.parentSchema) && isObj(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : [];
      return { path: [...prefix, ...segs, key], message: cfgMsg('unknownPolicyKey', { key, suggest: suggest(key, props), allowed: props.length ? cfgMsg('allowed', { list: props.join(', ') }) : '' }) };
    }
    return { path: [...prefix, ...segs], message: ajvMsg(e) };
  });
}

let defaults: { policy: Policy; catalogue: Catalogue } | undefined;

/** The shipped defaults, validated once. A broken default is a bug in planlint: it throws. */
export function defaultPolicy(): { policy: Policy; catalogue: Catalogue } {
  if (!defaults) {
    const r = buildPolicy({});
    if (r.problems.length) throw new Error(`planlint's own policy data is invalid: ${r.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
    defaults = { policy: r.policy, catalogue: r.catalogue };
  }
  return defaults;
}

export interface PolicyOverrides {
  policy?: unknown;
  programmes?: unknown;
  availability?: unknown;
}

/** Merge overrides into the defaults and validate. Invalid sections fall back to their defaults. */
export function buildPolicy(over: PolicyOverrides): { policy: Policy; catalogue: Catalogue; problems: PolicyProblem[] } {
  const problems: PolicyProblem[] = [];
  const policy = {} as Record<SectionName, unknown>;
  const overPolicy = isObj(over.policy) ? over.policy : {};
  for (const k of Object.keys(overPolicy)) {
    if (!(k in SECTIONS)) problems.push({ path: ['policy', k], message: cfgMsg('unknownSection', { key: k, list: POLICY_SECTIONS.join(', ') }) });
  }
  for (const name of POLICY_SECTIONS) {
    const { data, schema } = SECTIONS[name];
    const base = stripComments(data);
    const merged = name in overPolicy ? (name === 'review' ? mergeReview : merge)(base, overPolicy[name]) : clone(base);
    const validate = compiled(schema);
    // The review obligations table also names policy values and other obligations: checked after the schema.
    const semantic = name === 'review' && validate(merged) ? reviewTableProblems(merged as ReviewPolicy) : [];
    if (semantic.length) {
      problems.push(...semantic.map((p) => ({ path: ['policy', name, ...p.path], message: p.message })));
      policy[name] = clone(base);
    } else if (validate(merged)) policy[name] = merged;
    else {
      problems.push(...ajvProblems(['policy', name], validate.errors ?? []));
      policy[name] = clone(base);
    }
  }

  const baseCat = stripComments(programmesData) as unknown as { programmes: Programme[]; legacy: LegacyProgramme[] };
  const programmes = [...baseCat.programmes];
  if (over.programmes !== undefined) {
    if (!Array.isArray(over.programmes)) problems.push({ path: ['programmes'], message: cfgMsg('programmesList') });
    else {
      const validate = compiled(programmesSchema);
      over.programmes.forEach((p, i) => {
        if (!validate({ programmes: [p], legacy: [] })) {
          problems.push(...ajvProblems(['programmes', i], (validate.errors ?? []).map((e) => ({ ...e, instancePath: e.instancePath.replace(/^\/programmes\/0/, '') }))));
          return;
        }
        const entry = p as Programme;
        const at = programmes.findIndex((x) => x.id === entry.id);
        if (at >= 0) programmes[at] = entry;
        else programmes.push(entry);
      });
    }
  }
  const availability: Record<string, string[]> = Object.create(null);
  if (over.availability !== undefined) {
    if (!isObj(over.availability)) problems.push({ path: ['availability'], message: cfgMsg('availabilityMap') });
    else
      for (const [est, list] of Object.entries(over.availability)) {
        if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
          problems.push({ path: ['availability', est], message: cfgMsg('availabilityList') });
          continue;
        }
        const known = new Set(programmes.map((p) => p.id));
        list.forEach((id, i) => {
          if (!known.has(id as string)) problems.push({ path: ['availability', est, i], message: cfgMsg('availabilityUnknown', { id: String(id) }) });
        });
        availability[est] = list as string[];
      }
  }
  const catalogue: Catalogue = { programmes, legacy: baseCat.legacy, availability };
  const vcat = compiled(programmesSchema);
  if (!vcat({ programmes: catalogue.programmes, legacy: catalogue.legacy })) problems.push(...ajvProblems(['programmes'], vcat.errors ?? []));
  return { policy: policy as unknown as Policy, catalogue, problems };
}
