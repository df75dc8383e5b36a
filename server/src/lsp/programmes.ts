// Programme facts for hover and completion, from the catalogue in the resolved config
// (policy data, not code), and the eligibility line for this person.

import type { Catalogue } from '../policy/index.js';
import type { Policy } from '../policy/index.js';
import type { Action, Plan } from '../engine/model.js';
import { verdictMessages, type ProgrammeVerdict } from '../policy/eligibility/wording.js';
import { render, text, type Msg } from './messages.js';

/** The eligibility wording's messages are the family's (`eligibility.*`): rendered in the locale, English where no translation has them. */
const ELIGIBILITY = 'eligibility';

type Loose = Record<string, unknown>;

export interface ProgrammeFacts {
  id: string;
  name: string;
  legacy: boolean;
  lines: string[];
}

const fmtList = (v: unknown): string | undefined => (Array.isArray(v) && v.length ? v.map(String).join(', ') : undefined);

const UNIT: Record<string, string> = { years: 'common.years', months: 'common.months', weeks: 'common.weeks', days: 'common.days' };

function durationText(v: unknown, locale: string | undefined): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as Loose;
  const parts = (['years', 'months', 'weeks', 'days'] as const).filter((k) => typeof d[k] === 'number').map((k) => text(locale, UNIT[k], { n: d[k] as number }));
  return parts.length ? parts.join(' ') : undefined;
}

/** "a or b or c" in the locale. */
const orList = (xs: readonly string[], locale: string | undefined): string => xs.reduce((a, b) => text(locale, 'lsp.programme.or', { a, b }));

/**
 * What the catalogue says about a programme id, as Markdown lines. The catalogue's own values
 * (names, descriptions, genders, settings, strands, establishments) are policy data, in English.
 */
export function programmeFacts(cat: Catalogue, id: string, locale?: string): ProgrammeFacts | undefined {
  const p = cat.programmes.find((x) => x.id === id) as (Loose & { id: string; name: string }) | undefined;
  if (p) {
    const lines: string[] = [];
    lines.push(text(locale, p.accredited === false ? 'lsp.programme.notAccredited' : 'lsp.programme.accredited'));
    if (typeof p.description === 'string') lines.push(p.description);
    const genders = fmtList(p.genders);
    if (genders) lines.push(text(locale, 'lsp.programme.for', { genders }));
    const settings = fmtList(p.settings);
    if (settings) lines.push(text(locale, 'lsp.programme.deliveredIn', { settings }));
    const strands = fmtList(p.strands);
    if (strands) lines.push(text(locale, 'lsp.programme.strands', { strands }));
    const duration = durationText(p.min_duration, locale);
    if (duration) lines.push(text(locale, 'lsp.programme.minDuration', { duration }));
    const where = Object.entries(cat.availability ?? {})
      .filter(([, ids]) => ids.includes(id))
      .map(([e]) => e);
    if (where.length) lines.push(text(locale, 'lsp.programme.availableAt', { where: where.join(', ') }));
    return { id, name: p.name, legacy: false, lines };
  }
  const old = cat.legacy.find((x) => x.id === id);
  if (old) {
    const ids = old.replaced_by.map((r) => (r.when ? text(locale, 'lsp.programme.dependingOnRisk', { id: `\`${r.id}\`` }) : `\`${r.id}\``));
    return {
      id,
      name: old.name,
      legacy: true,
      lines: [text(locale, 'lsp.programme.replacedBy', { ids: ids.length ? orList(ids, locale) : text(locale, 'lsp.programme.nothing') })],
    };
  }
  return undefined;
}

/**
 * "eligible: OGRS3 61%" / "not eligible: …" / "eligibility unknown: record …" for this person
 * (and the action the programme is listed on, when known): the programme helper's one line
 * (policy/eligibility.ts), so completion, hover and the programme/* rules agree.
 */
export function eligibilityText(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action, locale?: string): string | undefined {
  return eligibilityVerdict(plan, programmeId, catalogue, policy, action, locale)?.text;
}

/** The verdict for completion's ordering (eligible first, then unknown, then not eligible), its words in the locale. */
export function eligibilityVerdict(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action, locale?: string): ProgrammeVerdict | undefined {
  try {
    const v = verdictMessages(plan, programmeId, catalogue, policy, action);
    const t = (m: Msg | string | number): string => render(locale, m, ELIGIBILITY);
    return v && { verdict: v.verdict, text: t(v.text), reasons: v.reasons.map(t) };
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
