// Programme facts for hover and completion, from the catalogue in the resolved config
// (policy data, not code), and the eligibility line for this person.

import type { Catalogue } from '../policy/index.js';
import type { Policy } from '../policy/index.js';
import type { Action, Plan } from '../engine/model.js';
import { programmeEligibilityText, programmeVerdict, type ProgrammeVerdict } from '../policy/eligibility.js';

type Loose = Record<string, unknown>;

export interface ProgrammeFacts {
  id: string;
  name: string;
  legacy: boolean;
  lines: string[];
}

const fmtList = (v: unknown): string | undefined => (Array.isArray(v) && v.length ? v.map(String).join(', ') : undefined);

function durationText(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as Loose;
  const parts = (['years', 'months', 'weeks', 'days'] as const)
    .filter((k) => typeof d[k] === 'number')
    .map((k) => `${d[k] as number} ${(d[k] as number) === 1 ? k.slice(0, -1) : k}`);
  return parts.length ? parts.join(' ') : undefined;
}

/** What the catalogue says about a programme id, as Markdown lines. */
export function programmeFacts(cat: Catalogue, id: string): ProgrammeFacts | undefined {
  const p = cat.programmes.find((x) => x.id === id) as (Loose & { id: string; name: string }) | undefined;
  if (p) {
    const lines: string[] = [];
    lines.push(p.accredited === false ? 'Not an accredited programme.' : 'Accredited programme.');
    if (typeof p.description === 'string') lines.push(p.description);
    const genders = fmtList(p.genders);
    if (genders) lines.push(`For: ${genders}.`);
    const settings = fmtList(p.settings);
    if (settings) lines.push(`Delivered in: ${settings}.`);
    const strands = fmtList(p.strands);
    if (strands) lines.push(`Strands: ${strands}.`);
    const dur = durationText(p.min_duration);
    if (dur) lines.push(`Needs at least ${dur} left to serve.`);
    const where = Object.entries(cat.availability ?? {})
      .filter(([, ids]) => ids.includes(id))
      .map(([e]) => e);
    if (where.length) lines.push(`Available at: ${where.join(', ')}.`);
    return { id, name: p.name, legacy: false, lines };
  }
  const old = cat.legacy.find((x) => x.id === id);
  if (old) {
    return {
      id,
      name: old.name,
      legacy: true,
      lines: [
        `No longer delivered: replaced by ${old.replaced_by.map((r) => `\`${r.id}\`${r.when ? ' (depending on risk)' : ''}`).join(' or ') || 'nothing'}.`,
      ],
    };
  }
  return undefined;
}

/**
 * "eligible: OGRS3 61%" / "not eligible: …" / "eligibility unknown: record …" for this person
 * (and the action the programme is listed on, when known): the programme helper's one line
 * (policy/eligibility.ts), so completion, hover and the programme/* rules agree.
 */
export function eligibilityText(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): string | undefined {
  try {
    return programmeEligibilityText(plan, programmeId, catalogue, policy, action);
  } catch {
    return undefined;
  }
}

/** The verdict for completion's ordering (eligible first, then unknown, then not eligible). */
export function eligibilityVerdict(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): ProgrammeVerdict | undefined {
  try {
    return programmeVerdict(plan, programmeId, catalogue, policy, action);
  } catch {
    return undefined;
  }
}

/** At most `max` characters, cut at a word boundary with an ellipsis (never mid-word). */
export function shortLine(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  if (one.length <= max) return one;
  const cut = one.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[;,:]$/, '')}…`;
}
