// Programme eligibility, as pure functions over the plan model and the policy data. Used by
// the programme/* rules and by the language server's completion and hover ("eligible: OGRS3
// 61%", "not eligible: needs OSP/C medium or above"). Nothing here reads a file or the clock.
//
// The criteria language (schemas/policy/programmes.schema.json, docs/programmes.md): a list
// of criteria is a set of alternatives (OR); each criterion maps a score or fact to a test,
// and all its tests must hold (AND). Data a plan does not record makes a test 'unknown',
// never a fail: the result then says what to record.

import { fraction, type Action, type Band4, type Phase, type Plan, type Strand } from '../engine/model.js';
import { highestRoshBand } from '../engine/risk.js';
import type { Policy } from './index.js';
import type { BandCuts, RiskPolicy } from './risk.js';
import type { ByStrand, Catalogue, Criterion, Level, LegacyProgramme, OffenceCondition, Programme } from './programmes.js';

export type Tri = boolean | 'unknown';

/** What a check is about; each programme rule reports one aspect. */
export type Aspect = 'gender' | 'strand' | 'offence' | 'setting' | 'risk' | 'prerequisite';
export const ASPECTS: readonly Aspect[] = ['gender', 'strand', 'offence', 'setting', 'risk', 'prerequisite'];

export interface AspectResult {
  result: Tri;
  /** Why: what passed ("OGRS3 61%"), what failed ("OGRS3 is 31%, below the 50% … needs"), or what to record. */
  reasons: string[];
  /** What would satisfy it, for completion: "OSP/C medium, high or very high". */
  needs: string[];
  /** Catalogue or band values marked uncertain that the result relied on. */
  relied: string[];
}

export interface Eligibility {
  eligible: Tri;
  reasons: string[];
  relied: string[];
  /** The strand the criteria were taken from (undefined: every strand was tried). */
  strand?: Strand;
  strandSource: StrandSource;
  aspects: Record<Aspect, AspectResult>;
}

export type StrandSource = 'action' | 'inferred' | 'only' | 'none';

export interface EligibilityOptions {
  /** Where the work is delivered (the action's `phase`, else `sentence.setting`). */
  setting?: Phase;
  /** The action being judged, so `completed_first` can look at the other actions. */
  action?: Action;
}

// ---------------------------------------------------------------------------
// Names and numbers for messages.

export const SCORE_NAMES: Record<string, string> = {
  ogrs3_2yr: 'OGRS3',
  ovp_2yr: 'OVP',
  rsr: 'RSR',
  ogp_2yr: 'OGP',
  osp_c: 'OSP/C',
  osp_i: 'OSP/I',
  sara_partner: 'SARA (partner)',
  sara_others: 'SARA (others)',
  rosh_overall: 'RoSH',
  audit: 'AUDIT',
};
const SCORE_PATH: Record<string, string> = {
  ogrs3_2yr: 'assessment.scores.ogrs3_2yr',
  ovp_2yr: 'assessment.scores.ovp_2yr',
  rsr: 'assessment.scores.rsr',
  ogp_2yr: 'assessment.scores.ogp_2yr',
  osp_c: 'assessment.scores.osp_c',
  osp_i: 'assessment.scores.osp_i',
  sara_partner: 'assessment.scores.sara_partner',
  sara_others: 'assessment.scores.sara_others',
  rosh_overall: 'assessment.rosh.overall',
  audit: 'assessment.scores.audit',
};
const BAND_ORDER: readonly string[] = ['low', 'medium', 'high', 'very_high'];
const LEVEL_ORDER: readonly Level[] = ['low', 'medium', 'high'];
export const STRAND_NAMES: Record<Strand, string> = {
  general_violence: 'general violence',
  intimate_partner_violence: 'intimate partner violence',
  sexual_offence: 'sexual offending',
  general: 'general offending',
};

export const bandName = (b: string): string => b.replace(/_/g, ' ');

/** "the Thinking Skills Programme", "Kaizen": a programme name that reads well inside a sentence. */
export function theName(name: string): string {
  return /\b(Programme|Intervention)\b/.test(name) && !/^the\b/i.test(name) ? `the ${name}` : name;
}
const rank = (b: string): number => BAND_ORDER.indexOf(b);

/** "a, b or c". */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A 0..1 score as a percentage, with as few decimals as keep it on the right side of
 * `against` (0.4999 against 0.5 is "49.99%", never "50%").
 */
export function pct(v: number, against?: number): string {
  const x = v * 100;
  for (let d = 0; d <= 6; d++) {
    const s = Number(x.toFixed(d));
    if (s / 100 === v) return `${s}%`;
    if (d >= 2 && (against === undefined || (Math.sign(s / 100 - against) === Math.sign(v - against) && s / 100 !== against))) return `${s}%`;
  }
  return `${x}%`;
}

// ---------------------------------------------------------------------------
// Bands and the risk of reoffending.

function cutsFor(key: string, risk: RiskPolicy): { cuts: BandCuts; uncertain?: string } | undefined {
  if (key === 'ogrs3_2yr' || key === 'ovp_2yr') return { cuts: risk.bands[key], uncertain: risk.bands[key].uncertain };
  if (key === 'rsr') return { cuts: risk.rsr.cuts[risk.rsr.use], uncertain: risk.rsr.uncertain };
  return undefined;
}

/** The band of a 0..1 score by risk.json's percentage cut-offs (inclusive); undefined for unbanded scores (OGP). */
export function bandOf(key: string, value: number, risk: RiskPolicy): { band: Band4; relied: string[] } | undefined {
  const c = cutsFor(key, risk);
  if (!c) return undefined;
  // Compare against cut/100: both are the nearest doubles to the same decimals, so 0.6 is exactly 60%.
  const at = (p: number | undefined): boolean => p !== undefined && value >= p / 100;
  const band: Band4 = at(c.cuts.very_high) ? 'very_high' : at(c.cuts.high) ? 'high' : at(c.cuts.medium) ? 'medium' : 'low';
  const relied = key === 'rsr' && c.uncertain ? [c.uncertain] : band === 'very_high' && c.uncertain ? [c.uncertain] : [];
  return { band, relied };
}

/** "high (60% and over)". */
function bandRange(key: string, band: string, risk: RiskPolicy): string {
  const c = cutsFor(key, risk)?.cuts;
  if (!c) return bandName(band);
  const from = band === 'medium' ? c.medium : band === 'high' ? c.high : band === 'very_high' ? c.very_high : undefined;
  return from === undefined ? bandName(band) : `${bandName(band)} (${from}% and over)`;
}

export interface RiskOfReoffending {
  level: Level;
  /** The scores that set the level ("OVP 66% (high)"), or, for low, the scores recorded (none at medium or above). */
  because: string[];
  /** False when no score the definition uses is recorded: the level is then a guess. */
  known: boolean;
  relied: string[];
}

/**
 * The person's risk of reoffending for programme purposes (risk.json `reoffending`): high when
 * any `high` criterion holds, else medium when any `medium` one does, else low. For women the
 * scores in `ignore_for_women` (OSP) are not used.
 */
export function riskOfReoffending(plan: Plan, policy: Policy): RiskOfReoffending {
  // Pure in (plan, policy), and asked for by every criterion that uses it: computed once per pair.
  let byPolicy = rooCache.get(plan);
  if (!byPolicy) rooCache.set(plan, (byPolicy = new WeakMap()));
  let r = byPolicy.get(policy);
  if (!r) byPolicy.set(policy, (r = computeRiskOfReoffending(plan, policy)));
  return r;
}
const rooCache = new WeakMap<Plan, WeakMap<Policy, RiskOfReoffending>>();

function computeRiskOfReoffending(plan: Plan, policy: Policy): RiskOfReoffending {
  const risk = policy.risk;
  const ctx = baseContext(plan, policy, undefined, {}, undefined, true);
  const relied: string[] = [];
  for (const level of ['high', 'medium'] as const) {
    const hits = risk.reoffending[level].map((c) => evalCriterion(c, ctx)).filter((r) => r.result === true);
    if (hits.length) {
      hits.forEach((h) => relied.push(...h.relied));
      return { level, because: [...new Set(hits.flatMap((h) => h.passes))], known: true, relied: [...new Set(relied)] };
    }
  }
  const recorded = recordedScores(plan, risk);
  return {
    level: 'low',
    because: recorded.length ? recorded : ['no risk score is recorded'],
    known: recorded.length > 0,
    relied: [],
  };
}

function recordedScores(plan: Plan, risk: RiskPolicy): string[] {
  const s = plan.assessment?.scores ?? {};
  const woman = plan.person?.gender === 'female';
  const ignore = new Set(woman ? risk.reoffending.ignore_for_women ?? [] : []);
  const out: string[] = [];
  for (const k of ['ogrs3_2yr', 'ovp_2yr', 'rsr'] as const) {
    const v = fraction(s[k]);
    if (v !== undefined && !ignore.has(k)) out.push(`${SCORE_NAMES[k]} ${pct(v)}`);
  }
  for (const k of ['osp_c', 'osp_i', 'sara_partner', 'sara_others'] as const) {
    const v = s[k];
    if (v !== undefined && !ignore.has(k)) out.push(`${SCORE_NAMES[k]} ${bandName(v)}`);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Strands.

/** The strand the index offence points to (risk.json `strand_inference`); undefined with no offence recorded. */
export function inferStrand(plan: Plan, policy: Policy): Strand | undefined {
  const off = plan.assessment?.offence;
  const si = policy.risk.strand_inference;
  if (off?.sexual_motivation === true && si.sexual_motivation) return si.sexual_motivation;
  if (!off?.index) return undefined;
  return si.by_index[off.index] ?? si.otherwise;
}

/**
 * The strand whose criteria apply: the action's own `strand`; else the inferred one when the
 * programme has it; else the programme's only strand; else none (every strand is tried).
 */
export function resolveStrand(programme: Programme, plan: Plan, policy: Policy, explicit?: Strand): { strand?: Strand; source: StrandSource } {
  if (explicit) return { strand: explicit, source: 'action' };
  const inferred = inferStrand(plan, policy);
  const strands = programme.strands ?? [];
  if (!strands.length) return inferred ? { strand: inferred, source: 'inferred' } : { source: 'none' };
  if (inferred && strands.includes(inferred)) return { strand: inferred, source: 'inferred' };
  if (strands.length === 1) return { strand: strands[0], source: 'only' };
  return { source: 'none' };
}

// ---------------------------------------------------------------------------
// Evaluating criteria.

interface EvalContext {
  plan: Plan;
  policy: Policy;
  strand?: Strand;
  setting?: Phase;
  action?: Action;
  /** The programme's name, for "the 50% <name> needs". */
  needer?: string;
  /** Inside risk.json's own definition: `risk_of_reoffending` is not allowed (no recursion). */
  inDefinition: boolean;
  rooCache?: RiskOfReoffending;
}

function baseContext(plan: Plan, policy: Policy, strand: Strand | undefined, opts: EligibilityOptions, needer: string | undefined, inDefinition = false): EvalContext {
  return { plan, policy, strand, setting: opts.setting, action: opts.action, needer, inDefinition };
}

interface TestResult {
  aspect: Aspect;
  result: Tri;
  /** Pass: what holds. */
  pass?: string;
  /** Fail or unknown: why, or what to record. */
  why?: string;
  /** What would satisfy the test. */
  need: string;
  relied: string[];
  /** A condition (setting, strand) rather than a requirement: only selects the alternative. */
  condition?: boolean;
}

const needs = (ctx: EvalContext): string => (ctx.needer ? ` ${ctx.needer} needs` : '');
const allows = (ctx: EvalContext): string => (ctx.needer ? ` ${ctx.needer} allows` : '');
const isFor = (ctx: EvalContext): string => (ctx.needer ? ` ${ctx.needer} is for` : '');

function numericTests(key: string, t: Record<string, unknown>, ctx: EvalContext): TestResult[] {
  const risk = ctx.policy.risk;
  const name = SCORE_NAMES[key] ?? key;
  const scores = ctx.plan.assessment?.scores as Record<string, number | undefined> | undefined;
  const v = fraction(scores?.[key]);
  const out: TestResult[] = [];
  const unknown = (need: string): TestResult => ({ aspect: 'risk', result: 'unknown', why: `${name} is not recorded: record \`${SCORE_PATH[key]}\``, need, relied: [] });
  const banded = v === undefined ? undefined : bandOf(key, v, risk);
  const shown = (against?: number): string => (banded ? `${pct(v!, against)} (${bandName(banded.band)})` : pct(v!, against));
  if (typeof t.at_least === 'number') {
    const x = t.at_least;
    const need = `${name} ${pct(x)} or more`;
    if (v === undefined) out.push(unknown(need));
    else out.push(v >= x ? { aspect: 'risk', result: true, pass: `${name} ${pct(v, x)}`, need, relied: [] } : { aspect: 'risk', result: false, why: `${name} is ${pct(v, x)}, below the ${pct(x)}${needs(ctx)}`, need, relied: [] });
  }
  if (typeof t.below === 'number') {
    const x = t.below;
    const need = `${name} below ${pct(x)}`;
    if (v === undefined) out.push(unknown(need));
    else out.push(v < x ? { aspect: 'risk', result: true, pass: `${name} ${pct(v, x)}`, need, relied: [] } : { aspect: 'risk', result: false, why: `${name} is ${pct(v, x)}, not below the ${pct(x)}${allows(ctx)}`, need, relied: [] });
  }
  if (typeof t.at_most === 'number') {
    const x = t.at_most;
    const need = `${name} ${pct(x)} or less`;
    if (v === undefined) out.push(unknown(need));
    else out.push(v <= x ? { aspect: 'risk', result: true, pass: `${name} ${pct(v, x)}`, need, relied: [] } : { aspect: 'risk', result: false, why: `${name} is ${pct(v, x)}, above the ${pct(x)}${allows(ctx)}`, need, relied: [] });
  }
  if (typeof t.band_at_least === 'string') {
    const b = t.band_at_least;
    const need = `${name} ${bandRange(key, b, risk)}${b === 'very_high' ? '' : ' or above'}`;
    const cutNote = b === 'very_high' ? cutsFor(key, risk)?.uncertain : undefined;
    if (v === undefined) out.push(unknown(need));
    else if (!banded) out.push({ aspect: 'risk', result: 'unknown', why: `${name} has no bands in the risk policy`, need, relied: [] });
    else {
      const relied = [...banded.relied, ...(cutNote ? [cutNote] : [])];
      out.push(
        rank(banded.band) >= rank(b)
          ? { aspect: 'risk', result: true, pass: `${name} ${shown()}`, need, relied }
          : { aspect: 'risk', result: false, why: `${name} is ${shown()}, below the ${bandRange(key, b, risk)} band${needs(ctx)}`, need, relied },
      );
    }
  }
  if (Array.isArray(t.band_in)) {
    const bs = t.band_in as string[];
    const need = `${name} ${orList(bs.map((b) => bandRange(key, b, risk)))}`;
    if (v === undefined) out.push(unknown(need));
    else if (!banded) out.push({ aspect: 'risk', result: 'unknown', why: `${name} has no bands in the risk policy`, need, relied: [] });
    else {
      const relied = [...banded.relied, ...(bs.includes('very_high') && cutsFor(key, risk)?.uncertain ? [cutsFor(key, risk)!.uncertain!] : [])];
      out.push(
        bs.includes(banded.band)
          ? { aspect: 'risk', result: true, pass: `${name} ${shown()}`, need, relied }
          : { aspect: 'risk', result: false, why: `${name} is ${shown()}, outside the ${orList(bs.map(bandName))} band${isFor(ctx)}`, need, relied },
      );
    }
  }
  return out;
}

function bandTests(key: string, t: { at_least?: string; in?: string[] }, ctx: EvalContext): TestResult[] {
  const name = SCORE_NAMES[key] ?? key;
  const woman = ctx.plan.person?.gender === 'female';
  const ignored = woman && (ctx.policy.risk.reoffending.ignore_for_women ?? []).includes(key);
  const raw = key === 'rosh_overall' ? highestRoshBand(ctx.plan) : (ctx.plan.assessment?.scores as Record<string, string | undefined> | undefined)?.[key];
  const out: TestResult[] = [];
  const judge = (need: string, ok: (b: string) => boolean, fail: (b: string) => string): TestResult => {
    if (ignored) return { aspect: 'risk', result: 'unknown', why: `${name} is not used for women`, need, relied: [] };
    if (raw === undefined) return { aspect: 'risk', result: 'unknown', why: `${name} is not recorded: record \`${SCORE_PATH[key]}\``, need, relied: [] };
    return ok(raw) ? { aspect: 'risk', result: true, pass: `${name} ${bandName(raw)}`, need, relied: [] } : { aspect: 'risk', result: false, why: fail(raw), need, relied: [] };
  };
  if (typeof t.at_least === 'string') {
    const b = t.at_least;
    const need = `${name} ${bandName(b)}${b === 'very_high' ? '' : ' or above'}`;
    out.push(judge(need, (x) => rank(x) >= rank(b), (x) => `${name} is ${bandName(x)}, below the ${bandName(b)}${needs(ctx)}`));
  }
  if (Array.isArray(t.in)) {
    const bs = t.in;
    const need = `${name} ${orList(bs.map(bandName))}`;
    out.push(judge(need, (x) => bs.includes(x), (x) => `${name} is ${bandName(x)}, not ${orList(bs.map(bandName))} as${isFor(ctx) || ' required'}`));
  }
  return out;
}

function auditTests(t: Record<string, unknown>, ctx: EvalContext): TestResult[] {
  const v = ctx.plan.assessment?.scores?.audit;
  const out: TestResult[] = [];
  const add = (need: string, ok: (v: number) => boolean, fail: (v: number) => string): void => {
    if (v === undefined) out.push({ aspect: 'risk', result: 'unknown', why: 'AUDIT is not recorded: record `assessment.scores.audit`', need, relied: [] });
    else out.push(ok(v) ? { aspect: 'risk', result: true, pass: `AUDIT ${v}`, need, relied: [] } : { aspect: 'risk', result: false, why: fail(v), need, relied: [] });
  };
  if (typeof t.at_least === 'number') { const x = t.at_least; add(`AUDIT ${x} or more`, (v) => v >= x, (v) => `AUDIT is ${v}, below the ${x}${needs(ctx)}`); }
  if (typeof t.below === 'number') { const x = t.below; add(`AUDIT under ${x}`, (v) => v < x, (v) => `AUDIT is ${v}, not under the ${x}${allows(ctx)}`); }
  if (typeof t.at_most === 'number') { const x = t.at_most; add(`AUDIT ${x} or less`, (v) => v <= x, (v) => `AUDIT is ${v}, above the ${x}${allows(ctx)}`); }
  return out;
}

function levelTests(t: { at_least?: Level; in?: Level[] }, ctx: EvalContext): TestResult[] {
  if (ctx.inDefinition) return [];
  const roo = (ctx.rooCache ??= riskOfReoffending(ctx.plan, ctx.policy));
  const out: TestResult[] = [];
  const shown = `${roo.level} (${roo.because.join(', ')})`;
  const judge = (need: string, ok: boolean, fail: string): TestResult => {
    if (!roo.known) return { aspect: 'risk', result: 'unknown', why: 'no risk score is recorded: record OGRS3 and the other predictor scores under `assessment.scores`', need, relied: [] };
    return ok ? { aspect: 'risk', result: true, pass: `risk of reoffending ${shown}`, need, relied: roo.relied } : { aspect: 'risk', result: false, why: fail, need, relied: roo.relied };
  };
  if (t.at_least) {
    const b = t.at_least;
    out.push(judge(`a risk of reoffending of ${b}${b === 'high' ? '' : ' or above'}`, LEVEL_ORDER.indexOf(roo.level) >= LEVEL_ORDER.indexOf(b), `the risk of reoffending is ${shown}, below the ${b}${needs(ctx)}`));
  }
  if (Array.isArray(t.in)) {
    const bs = t.in;
    out.push(judge(`a ${orList(bs)} risk of reoffending`, bs.includes(roo.level), `the risk of reoffending is ${shown}, not ${orList(bs)} as${isFor(ctx) || ' required'}`));
  }
  return out;
}

function completedFirst(ids: string[], ctx: EvalContext, catalogue?: Catalogue): TestResult {
  const nameOf = (id: string): string => catalogue?.programmes.find((p) => p.id === id)?.name ?? id;
  const need = `${orList(ids.map(nameOf))} completed first`;
  const acts = ctx.plan.actions.filter((a) => a !== ctx.action && a.programme !== undefined && ids.includes(a.programme) && (a.type === 'programme' || a.type === undefined));
  const done = acts.find((a) => a.status === 'completed');
  const idOf = (a: Action): string => a.id ?? `action ${Number(a.path[1]) + 1}`;
  if (done) return { aspect: 'prerequisite', result: true, pass: `${nameOf(done.programme!)} completed (${idOf(done)})`, need, relied: [] };
  const planned = acts.find((a) => a.status !== 'withdrawn' && a.status !== 'no_longer_appropriate' && a.eligibility !== 'not_eligible');
  if (planned) return { aspect: 'prerequisite', result: 'unknown', why: `it relies on ${idOf(planned)} (${nameOf(planned.programme!)}) being completed first`, need, relied: [] };
  return { aspect: 'prerequisite', result: 'unknown', why: `it needs ${need}: if it was, record it as an action with \`status: completed\``, need, relied: [] };
}

interface CriterionResult {
  result: Tri;
  tests: TestResult[];
  passes: string[];
  relied: string[];
}

function evalCriterion(c: Criterion, ctx: EvalContext, catalogue?: Catalogue): CriterionResult {
  const tests: TestResult[] = [];
  for (const [key, t] of Object.entries(c) as [string, unknown][]) {
    if (t === undefined || t === null) continue;
    switch (key) {
      case 'ogrs3_2yr':
      case 'ovp_2yr':
      case 'rsr':
      case 'ogp_2yr':
        tests.push(...numericTests(key, t as Record<string, unknown>, ctx));
        break;
      case 'osp_c':
      case 'osp_i':
      case 'sara_partner':
      case 'sara_others':
      case 'rosh_overall':
        tests.push(...bandTests(key, t as { at_least?: string; in?: string[] }, ctx));
        break;
      case 'audit':
        tests.push(...auditTests(t as Record<string, unknown>, ctx));
        break;
      case 'erg22_completed': {
        const v = ctx.plan.assessment?.erg22_completed;
        const need = 'a completed ERG22+ assessment';
        tests.push(
          v === true
            ? { aspect: 'risk', result: true, pass: 'ERG22+ assessment completed', need, relied: [] }
            : v === false
              ? { aspect: 'risk', result: false, why: `no completed ERG22+ assessment is recorded, which${needs(ctx) || ' is needed'}`, need, relied: [] }
              : { aspect: 'risk', result: 'unknown', why: 'the ERG22+ assessment is not recorded: record `assessment.erg22_completed`', need, relied: [] },
        );
        break;
      }
      case 'completed_first':
        if (Array.isArray(t) && t.length) tests.push(completedFirst(t as string[], ctx, catalogue));
        break;
      case 'risk_of_reoffending':
        tests.push(...levelTests(t as { at_least?: Level; in?: Level[] }, ctx));
        break;
      case 'setting': {
        const ins = ((t as { in?: Phase[] }).in ?? []) as Phase[];
        const need = `delivery in ${orList(ins.map((s) => (s === 'custody' ? 'custody' : 'the community')))}`;
        tests.push(
          ctx.setting === undefined
            ? { aspect: 'setting', condition: true, result: 'unknown', why: 'the setting is not recorded: give the action a `phase`', need, relied: [] }
            : { aspect: 'setting', condition: true, result: ins.includes(ctx.setting), pass: `in ${ctx.setting}`, why: `the work is in ${ctx.setting}`, need, relied: [] },
        );
        break;
      }
      case 'strand': {
        const ins = ((t as { in?: Strand[] }).in ?? []) as Strand[];
        const need = `the ${orList(ins.map((s) => STRAND_NAMES[s] ?? s))} strand`;
        tests.push(
          ctx.strand === undefined
            ? { aspect: 'strand', condition: true, result: 'unknown', why: 'the strand is not known: give the action a `strand`', need, relied: [] }
            : { aspect: 'strand', condition: true, result: ins.includes(ctx.strand), pass: `${STRAND_NAMES[ctx.strand]} strand`, why: `the strand is ${STRAND_NAMES[ctx.strand]}`, need, relied: [] },
        );
        break;
      }
      default:
        break;
    }
  }
  return { result: andTri(tests.map((x) => x.result)), tests, passes: tests.filter((x) => x.result === true && x.pass).map((x) => x.pass!), relied: [...new Set(tests.flatMap((x) => x.relied))] };
}

function andTri(rs: readonly Tri[]): Tri {
  if (rs.some((r) => r === false)) return false;
  if (rs.some((r) => r === 'unknown')) return 'unknown';
  return true;
}
function orTri(rs: readonly Tri[]): Tri {
  if (rs.some((r) => r === true)) return true;
  if (rs.some((r) => r === 'unknown')) return 'unknown';
  return false;
}
const better = (a: Tri, b: Tri): boolean => (a === true && b !== true) || (a === 'unknown' && b === false);

/** Evaluate a criterion on its own (the `when` of an adapted version or a legacy replacement). */
export function criterionHolds(c: Criterion | undefined, plan: Plan, policy: Policy, strand?: Strand, opts: EligibilityOptions = {}): { result: Tri; passes: string[]; unknowns: string[]; fails: string[]; relied: string[] } {
  if (!c) return { result: true, passes: [], unknowns: [], fails: [], relied: [] };
  const r = evalCriterion(c, baseContext(plan, policy, strand, opts, undefined));
  return {
    result: r.result,
    passes: r.passes,
    unknowns: r.tests.filter((t) => t.result === 'unknown' && t.why).map((t) => t.why!),
    fails: r.tests.filter((t) => t.result === false && t.why).map((t) => t.why!),
    relied: r.relied,
  };
}

/**
 * One aspect of a list of alternatives: only alternatives whose conditions (setting, strand)
 * do not fail are considered, and only their tests of this aspect are judged.
 */
function aspectOfList(results: readonly CriterionResult[], aspect: Aspect): AspectResult {
  const applicable = results.filter((r) => !r.tests.some((t) => t.condition && t.result === false));
  const per = applicable.map((r) => {
    const ts = r.tests.filter((t) => t.aspect === aspect && !t.condition);
    return { result: andTri(ts.map((t) => t.result)), ts, relied: [...new Set([...ts.flatMap((t) => t.relied), ...(ts.length ? r.tests.filter((t) => t.condition).flatMap((t) => t.relied) : [])])] };
  });
  const withTests = per.filter((p) => p.ts.length);
  if (!withTests.length) return { result: true, reasons: [], needs: [], relied: [] };
  const result = orTri(per.map((p) => p.result));
  const needs = withTests.map((p) => andList(p.ts.map((t) => t.need)));
  if (result === true) {
    const p = per.find((x) => x.result === true)!;
    return { result, reasons: p.ts.filter((t) => t.pass).map((t) => t.pass!), needs, relied: p.relied };
  }
  const want: Tri = result === false ? false : 'unknown';
  const reasons = withTests
    .filter((p) => p.result === want)
    .map((p) => p.ts.filter((t) => t.result === want && t.why).map((t) => t.why!).join('; '))
    .filter((s) => s !== '');
  return { result, reasons: [...new Set(reasons)], needs, relied: [...new Set(withTests.flatMap((p) => p.relied))] };
}

function combineAnd(parts: readonly AspectResult[]): AspectResult {
  if (!parts.length) return { result: true, reasons: [], needs: [], relied: [] };
  const result = andTri(parts.map((p) => p.result));
  const pick = result === true ? parts : parts.filter((p) => p.result === result);
  return {
    result,
    reasons: pick.flatMap((p) => p.reasons),
    needs: parts.flatMap((p) => p.needs),
    relied: [...new Set(parts.flatMap((p) => p.relied))],
  };
}

// ---------------------------------------------------------------------------
// Offence targets.

function offenceAspect(programme: Programme, plan: Plan, strand: Strand | undefined): AspectResult {
  const lists = listsFor(programme.offence_targets, strand);
  const relied = programme.uncertain?.offence_targets ? [programme.uncertain.offence_targets] : [];
  if (!lists.length) return { result: true, reasons: [], needs: [], relied: [] };
  const off = plan.assessment?.offence;
  const recorded = off?.index !== undefined;
  const flag = (v: boolean | undefined): Tri => (v === true ? true : v === false || recorded ? false : 'unknown');
  const parts = lists.map((list): AspectResult => {
    const rs = list.map((c) => condHolds(c, plan, flag));
    const result = orTri(rs);
    const need = orList(list.map(describeOffenceCondition));
    if (result === true) return { result, reasons: [`offence history: ${describeOffence(plan)}`], needs: [need], relied };
    if (result === 'unknown') return { result, reasons: ['the offence is not recorded: record `assessment.offence.index` (and `previous_sexual`, `sexual_motivation`, `gang_affiliation` where they apply)'], needs: [need], relied };
    return { result, reasons: [`${theName(programme.name)} is for people with ${need}, and the plan records ${describeOffence(plan)}`], needs: [need], relied };
  });
  return combineAnd(parts);
}

function condHolds(c: OffenceCondition, plan: Plan, flag: (v: boolean | undefined) => Tri): Tri {
  const off = plan.assessment?.offence;
  const rs: Tri[] = [];
  if (c.index_in) rs.push(off?.index === undefined ? 'unknown' : c.index_in.includes(off.index));
  if (c.previous_sexual) rs.push(flag(off?.previous_sexual));
  if (c.sexual_motivation) rs.push(flag(off?.sexual_motivation));
  if (c.gang_affiliation) rs.push(flag(off?.gang_affiliation));
  return andTri(rs);
}

export function describeOffenceCondition(c: OffenceCondition): string {
  const parts: string[] = [];
  if (c.index_in) parts.push(`an index offence of ${orList(c.index_in.map((o) => `\`${o}\``))}`);
  if (c.previous_sexual) parts.push('a previous sexual offence');
  if (c.sexual_motivation) parts.push('sexual motivation');
  if (c.gang_affiliation) parts.push('offending linked to group or gang affiliation');
  return andList(parts);
}

function describeOffence(plan: Plan): string {
  const off = plan.assessment?.offence;
  const bits: string[] = [off?.index ? `an index offence of \`${off.index}\`` : 'no index offence'];
  const yes: string[] = [];
  if (off?.previous_sexual) yes.push('a previous sexual offence');
  if (off?.sexual_motivation) yes.push('sexual motivation');
  if (off?.gang_affiliation) yes.push('group affiliation');
  if (yes.length) bits.push(`with ${andList(yes)}`);
  else bits.push('with no previous sexual offence, sexual motivation or group affiliation recorded');
  return bits.join(' ');
}

function listsFor<T>(m: ByStrand<T[]> | undefined, strand: Strand | undefined): T[][] {
  if (!m) return [];
  const out: T[][] = [];
  if (m.all_strands?.length) out.push(m.all_strands);
  if (strand && m[strand]?.length) out.push(m[strand]!);
  return out;
}

// ---------------------------------------------------------------------------
// The whole check.

/** A programme or legacy entry by id. */
export function findProgramme(id: string, catalogue: Catalogue): { kind: 'programme'; programme: Programme } | { kind: 'legacy'; legacy: LegacyProgramme } | undefined {
  const p = catalogue.programmes.find((x) => x.id === id);
  if (p) return { kind: 'programme', programme: p };
  const l = catalogue.legacy.find((x) => x.id === id);
  if (l) return { kind: 'legacy', legacy: l };
  return undefined;
}

/** Where an action is delivered: its `phase`, else the person's `sentence.setting`. */
export function settingOf(action: Action | undefined, plan: Plan): Phase | undefined {
  return action?.phase ?? plan.sentence?.setting;
}

/** The settings a programme is delivered in for a strand (undefined: no restriction known). */
export function settingsFor(programme: Programme, strand: Strand | undefined): Phase[] | undefined {
  return (strand && programme.settings_by_strand?.[strand]) || programme.settings;
}

function strandAspect(programme: Programme, explicit: Strand | undefined): AspectResult {
  const strands = programme.strands;
  const relied = programme.uncertain?.strands ? [programme.uncertain.strands] : [];
  if (!explicit || !strands?.length || strands.includes(explicit)) return { result: true, reasons: explicit ? [`${STRAND_NAMES[explicit]} strand`] : [], needs: [], relied: [] };
  return {
    result: false,
    reasons: [`${theName(programme.name)} has no ${STRAND_NAMES[explicit]} strand (\`${explicit}\`); its strands are ${andList(strands.map((s) => `${STRAND_NAMES[s]} (\`${s}\`)`))}`],
    needs: strands.map((s) => `the ${STRAND_NAMES[s]} strand`),
    relied,
  };
}

function genderAspect(programme: Programme, plan: Plan): AspectResult {
  const gs = programme.genders;
  const relied = programme.uncertain?.genders ? [programme.uncertain.genders] : [];
  if (!gs?.length) return { result: true, reasons: [], needs: [], relied: [] };
  const g = plan.person?.gender;
  const who = gs.length === 1 ? (gs[0] === 'male' ? 'men' : 'women') : 'men and women';
  const need = `delivered to ${who}`;
  if (!g) return { result: 'unknown', reasons: ['the gender is not recorded: record `person.gender`'], needs: [need], relied };
  if (gs.includes(g)) return { result: true, reasons: [], needs: [need], relied };
  return { result: false, reasons: [`${theName(programme.name)} is for ${who} only`], needs: [need], relied };
}

function settingAspect(programme: Programme, strand: Strand | undefined, setting: Phase | undefined): AspectResult {
  const ss = settingsFor(programme, strand);
  const relied = programme.uncertain?.settings ? [programme.uncertain.settings] : [];
  if (!ss?.length) return { result: true, reasons: [], needs: [], relied: [] };
  const where = orList(ss.map((s) => (s === 'custody' ? 'custody' : 'the community')));
  const need = `delivery in ${where}`;
  const byStrand = strand && programme.settings_by_strand?.[strand] ? ` for ${STRAND_NAMES[strand]}` : '';
  if (!setting) return { result: 'unknown', reasons: ['the setting is not recorded: give the action a `phase`'], needs: [need], relied };
  if (ss.includes(setting)) return { result: true, reasons: [], needs: [need], relied };
  return { result: false, reasons: [`${theName(programme.name)} is delivered${byStrand} in ${where} only, and this work is in ${setting === 'custody' ? 'custody' : 'the community'}`], needs: [need], relied };
}

function hasCriteria(programme: Programme): boolean {
  const e = programme.eligibility;
  return !!e && Object.values(e).some((l) => Array.isArray(l) && l.length > 0);
}

function riskAndPrerequisite(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand: Strand | undefined, opts: EligibilityOptions): { risk: AspectResult; prerequisite: AspectResult } {
  const ctx = baseContext(plan, policy, strand, opts, theName(programme.name));
  const uncertainElig = programme.uncertain?.eligibility ? [programme.uncertain.eligibility] : [];
  if (!hasCriteria(programme)) {
    if (programme.accredited === false) return { risk: { result: true, reasons: [], needs: [], relied: [] }, prerequisite: { result: true, reasons: [], needs: [], relied: [] } };
    // No criteria of its own: offending behaviour programmes suit medium and higher risk of reoffending (PSI 19/2014 para 2.15).
    const r = evalCriterion({ risk_of_reoffending: { at_least: policy.risk.programmes_suit_from } }, ctx);
    const a = aspectOfList([r], 'risk');
    return {
      risk: { ...a, reasons: a.result === false ? a.reasons.map((x) => `${x} (the catalogue has no criteria of its own for it; offending behaviour programmes in general suit a ${policy.risk.programmes_suit_from} or higher risk of reoffending)`) : a.reasons, relied: [...new Set([...a.relied, ...uncertainElig])] },
      prerequisite: { result: true, reasons: [], needs: [], relied: [] },
    };
  }
  const lists = listsFor(programme.eligibility, strand);
  const risks: AspectResult[] = [];
  const pres: AspectResult[] = [];
  for (const list of lists) {
    const rs = list.map((c) => evalCriterion(c, ctx, catalogue));
    risks.push(aspectOfList(rs, 'risk'));
    pres.push(aspectOfList(rs, 'prerequisite'));
  }
  const risk = combineAnd(risks);
  // Thresholds that differ by setting rely on the programme being delivered in that setting.
  const bySetting = opts.setting !== undefined && lists.some((l) => l.some((c) => c.setting?.in?.includes(opts.setting!)));
  const uncertainSetting = bySetting && programme.uncertain?.settings ? [programme.uncertain.settings] : [];
  return { risk: { ...risk, relied: [...new Set([...risk.relied, ...(risks.length ? uncertainElig : []), ...uncertainSetting])] }, prerequisite: combineAnd(pres) };
}

function evaluateForStrand(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand: Strand | undefined, explicit: Strand | undefined, opts: EligibilityOptions): Record<Aspect, AspectResult> {
  const { risk, prerequisite } = riskAndPrerequisite(programme, plan, catalogue, policy, strand, opts);
  return {
    gender: genderAspect(programme, plan),
    strand: strandAspect(programme, explicit),
    offence: offenceAspect(programme, plan, strand),
    setting: settingAspect(programme, strand, opts.setting),
    risk,
    prerequisite,
  };
}

function overall(aspects: Record<Aspect, AspectResult>): Tri {
  return andTri(ASPECTS.map((a) => aspects[a].result));
}

/**
 * Is the person eligible for a programme? `strand` is the action's own `strand` when it has
 * one. 'unknown' means the plan does not record what the criteria need: `reasons` then say
 * what to record. Each aspect (gender, strand, offence, setting, risk, prerequisite) is
 * judged separately so that each rule reports only its own.
 */
export function checkEligibility(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand?: Strand, opts: EligibilityOptions = {}): Eligibility {
  const resolved = resolveStrand(programme, plan, policy, strand);
  let aspects: Record<Aspect, AspectResult>;
  if (resolved.strand !== undefined || !(programme.strands && programme.strands.length > 1)) {
    aspects = evaluateForStrand(programme, plan, catalogue, policy, resolved.strand, strand, opts);
  } else {
    // No strand given or inferable: the person is eligible when some strand fits.
    const all = programme.strands.map((s) => ({ s, a: evaluateForStrand(programme, plan, catalogue, policy, s, undefined, opts) }));
    // Only strands the person's offending could fit are judged on the rest (Kaizen for an
    // acquisitive offence: the general violence strand, not the IPV or sexual ones).
    const fitting = all.filter((p) => p.a.offence.result !== false);
    aspects = {} as Record<Aspect, AspectResult>;
    for (const asp of ASPECTS) {
      const per = asp === 'offence' || !fitting.length ? all : fitting;
      let best = per[0];
      for (const p of per) if (better(p.a[asp].result, best.a[asp].result)) best = p;
      const r = best.a[asp].result;
      const same = per.filter((p) => p.a[asp].result === r);
      // Reasons that differ by strand are prefixed with it; the same reason for every strand is said once.
      const key = (p: (typeof per)[number]): string => JSON.stringify(p.a[asp].reasons);
      const alike = same.every((p) => key(p) === key(same[0]));
      aspects[asp] = {
        result: r,
        reasons: r === true || alike ? best.a[asp].reasons : [...new Set(same.flatMap((p) => p.a[asp].reasons.map((x) => `${STRAND_NAMES[p.s]} strand: ${x}`)))],
        needs: [...new Set(per.flatMap((p) => p.a[asp].needs))],
        relied: [...new Set(same.flatMap((p) => p.a[asp].relied))],
      };
    }
  }
  const eligible = overall(aspects);
  const pick = ASPECTS.filter((a) => (eligible === true ? true : aspects[a].result === eligible));
  return {
    eligible,
    reasons: [...new Set(pick.flatMap((a) => aspects[a].reasons))],
    relied: [...new Set(pick.flatMap((a) => aspects[a].relied))],
    strand: resolved.strand,
    strandSource: resolved.source,
    aspects,
  };
}

/** `checkEligibility` for an action: its strand, and its phase (or the person's setting). */
export function checkActionEligibility(action: Action, programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy): Eligibility {
  return checkEligibility(programme, plan, catalogue, policy, action.strand, { setting: settingOf(action, plan), action });
}

/** "eligible: OGRS3 61%" / "not eligible: OGRS3 is 31%, below …" / "eligibility unknown: record …" — for completion and hover. */
export function eligibilitySummary(e: Eligibility): string {
  const why = e.reasons.join('; ');
  const head = e.eligible === true ? 'eligible' : e.eligible === false ? 'not eligible' : 'eligibility unknown';
  return why ? `${head}: ${why}` : head;
}

// ---------------------------------------------------------------------------
// Adapted versions and legacy replacements.

export interface Choice {
  id: string;
  name: string;
  result: Tri;
  /** Why it applies, or what it depends on. */
  because: string[];
}

export interface ChoiceResult {
  options: Choice[];
  /** The one option that certainly applies to this person (every other one certainly does not). */
  chosen?: string;
  relied: string[];
}

function choose(entries: readonly { id: string; when?: Criterion }[], plan: Plan, catalogue: Catalogue, policy: Policy, strand: Strand | undefined, uncertain: string | undefined): ChoiceResult {
  const options = entries.map((e): Choice => {
    const h = criterionHolds(e.when, plan, policy, strand);
    const name = catalogue.programmes.find((p) => p.id === e.id)?.name ?? e.id;
    return { id: e.id, name, result: h.result, because: h.result === true ? h.passes : h.result === false ? h.fails : h.unknowns };
  });
  const yes = options.filter((o) => o.result === true);
  const chosen = yes.length === 1 && options.every((o) => o === yes[0] || o.result === false) ? yes[0].id : undefined;
  return { options, chosen, relied: uncertain && entries.some((e) => e.when) ? [uncertain] : [] };
}

/** The adapted equivalent(s) of a programme for a person with a learning disability. */
export function adaptedVersionFor(programme: Programme, plan: Plan, catalogue: Catalogue, policy: Policy, strand?: Strand): ChoiceResult | undefined {
  const list = programme.adapted_version;
  if (!list?.length) return undefined;
  const s = resolveStrand(programme, plan, policy, strand).strand;
  return choose(list, plan, catalogue, policy, s, programme.uncertain?.adapted_version);
}

/** What replaced a withdrawn programme, for this person. */
export function replacementFor(legacy: LegacyProgramme, plan: Plan, catalogue: Catalogue, policy: Policy): ChoiceResult {
  return choose(legacy.replaced_by, plan, catalogue, policy, undefined, legacy.uncertain);
}

/** Whether an establishment delivers a programme per configured availability (undefined: not listed, no restriction known). */
export function availabilityAt(programmeId: string, establishment: string | undefined, catalogue: Catalogue): { delivered: boolean; establishment: string } | undefined {
  if (!establishment) return undefined;
  const norm = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
  const key = Object.keys(catalogue.availability).find((k) => norm(k) === norm(establishment));
  if (key === undefined) return undefined;
  return { delivered: catalogue.availability[key].includes(programmeId), establishment: key };
}

/** "What is needed" for a programme, for completion: the alternatives of its criteria for a strand. */
export function describeNeeds(programme: Programme, plan: Plan, catalogue: Catalogue, policy: Policy, strand?: Strand): string[] {
  const e = checkEligibility(programme, plan, catalogue, policy, strand);
  return [...new Set(ASPECTS.flatMap((a) => e.aspects[a].needs))];
}

/**
 * The one line completion and hover show for a programme id in this plan: "eligible: OGRS3
 * 61%", "not eligible: OGRS3 is 31%, below …", "eligibility unknown: OGRS3 is not recorded: …";
 * for a withdrawn programme, what replaced it. Undefined for an id outside the catalogue.
 */
export function programmeEligibilityText(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): string | undefined {
  return programmeVerdict(plan, programmeId, catalogue, policy, action)?.text;
}

/** Whether this person can go on the programme: the verdict and the one-line reason. */
export interface ProgrammeVerdict {
  verdict: 'eligible' | 'unknown' | 'not_eligible' | 'withdrawn';
  /** "eligible: OGRS3 61%" / "not eligible: …" / "eligibility unknown: …" / "withdrawn: replaced by …". */
  text: string;
  /** The reasons alone, without the verdict word. */
  reasons: string[];
}

export function programmeVerdict(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): ProgrammeVerdict | undefined {
  const f = findProgramme(programmeId, catalogue);
  if (!f) return undefined;
  if (f.kind === 'legacy') {
    const c = replacementFor(f.legacy, plan, catalogue, policy);
    const names = c.options.map((o) => `\`${o.id}\``);
    const why = c.chosen ? `replaced by \`${c.chosen}\` for this person` : `replaced by ${orList(names)}`;
    return { verdict: 'withdrawn', text: `withdrawn: ${why}`, reasons: [why] };
  }
  const e = action ? checkActionEligibility(action, f.programme, plan, catalogue, policy) : checkEligibility(f.programme, plan, catalogue, policy, undefined, { setting: plan.sentence?.setting });
  const uncertain = e.relied.length ? ` (catalogue value marked uncertain: ${e.relied.join('; ')})` : '';
  return {
    verdict: e.eligible === true ? 'eligible' : e.eligible === false ? 'not_eligible' : 'unknown',
    text: eligibilitySummary(e) + uncertain,
    reasons: e.reasons,
  };
}
