// Criteria evaluation: a plan and a programme's criteria in, a structured result out (per
// test, per alternative, per aspect, per strand). Pure and wordless: no English here, only
// what was tested, against what, and how it came out; `wording.ts` turns it into text.
//
// The criteria language (schemas/policy/programmes.schema.json, docs/programmes.md): a list
// of criteria is a set of alternatives (OR); each criterion maps a score or fact to a test,
// and all its tests must hold (AND). Data a plan does not record makes a test 'unknown',
// never a fail. Every score test goes through the one operator (`operators.ts`).

import { fraction, type Action, type Band4, type OffenceType, type Phase, type Plan, type Strand } from '../../engine/model.js';
import { highestRoshBand } from '../../engine/risk.js';
import type { Policy } from '../index.js';
import type { BandCuts, RiskPolicy } from '../risk.js';
import type { ByStrand, Catalogue, Criterion, Level, OffenceCondition, Programme } from '../programmes.js';
import { bandHolds, holds, type Operator } from './operators.js';

export type Tri = boolean | 'unknown';

/** What a check is about; each programme rule reports one aspect. */
export type Aspect = 'gender' | 'strand' | 'offence' | 'setting' | 'risk' | 'prerequisite';
export const ASPECTS: readonly Aspect[] = ['gender', 'strand', 'offence', 'setting', 'risk', 'prerequisite'];

export type StrandSource = 'action' | 'inferred' | 'only' | 'none';

export interface EligibilityOptions {
  /** Where the work is delivered (the action's `phase`, else `sentence.setting`). */
  setting?: Phase;
  /** The action being judged, so `completed_first` can look at the other actions. */
  action?: Action;
}

export function andTri(rs: readonly Tri[]): Tri {
  if (rs.some((r) => r === false)) return false;
  if (rs.some((r) => r === 'unknown')) return 'unknown';
  return true;
}
export function orTri(rs: readonly Tri[]): Tri {
  if (rs.some((r) => r === true)) return true;
  if (rs.some((r) => r === 'unknown')) return 'unknown';
  return false;
}
const better = (a: Tri, b: Tri): boolean => (a === true && b !== true) || (a === 'unknown' && b === false);
const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];

// ---------------------------------------------------------------------------
// What a test reads.

/** The criterion keys that test a score. */
export type ScoreKey = 'ogrs3_2yr' | 'ovp_2yr' | 'rsr' | 'ogp_2yr' | 'osp_c' | 'osp_i' | 'sara_partner' | 'sara_others' | 'rosh_overall' | 'audit';

/** Where each score is recorded in a plan (what to record when it is missing). */
export const SCORE_PATH: Record<ScoreKey, string> = {
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

/** How a score is recorded: a 0..1 fraction (OGRS3, OVP, RSR, OGP), a count (AUDIT 0–40) or a band. */
const SCALE: Record<ScoreKey, 'fraction' | 'count' | 'band'> = {
  ogrs3_2yr: 'fraction', ovp_2yr: 'fraction', rsr: 'fraction', ogp_2yr: 'fraction',
  audit: 'count',
  osp_c: 'band', osp_i: 'band', sara_partner: 'band', sara_others: 'band', rosh_overall: 'band',
};

function readNumber(key: ScoreKey, plan: Plan): number | undefined {
  const scores = plan.assessment?.scores as Record<string, number | undefined> | undefined;
  return key === 'audit' ? plan.assessment?.scores?.audit : fraction(scores?.[key]);
}
function readBand(key: ScoreKey, plan: Plan): string | undefined {
  return key === 'rosh_overall' ? highestRoshBand(plan) : (plan.assessment?.scores as Record<string, string | undefined> | undefined)?.[key];
}

// ---------------------------------------------------------------------------
// Bands.

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
  const at = (p: number | undefined): boolean => p !== undefined && holds('at_least', value, p / 100);
  const band: Band4 = at(c.cuts.very_high) ? 'very_high' : at(c.cuts.high) ? 'high' : at(c.cuts.medium) ? 'medium' : 'low';
  const relied = key === 'rsr' && c.uncertain ? [c.uncertain] : band === 'very_high' && c.uncertain ? [c.uncertain] : [];
  return { band, relied };
}

/** The percentage a band starts at, for a banded score (undefined: low, or no cut-off). */
function bandStart(key: string, band: string, risk: RiskPolicy): number | undefined {
  const c = cutsFor(key, risk)?.cuts;
  if (!c) return undefined;
  return band === 'medium' ? c.medium : band === 'high' ? c.high : band === 'very_high' ? c.very_high : undefined;
}

// ---------------------------------------------------------------------------
// What a test found: the facts the wording is made from.

export type NumericOp = 'at_least' | 'below' | 'at_most';
export type BandOp = 'at_least' | 'in';

/** A plan's action as a result names it: its id and its position (the wording decides which to show). */
export interface ActionRef {
  id?: string;
  /** 0-based position in `actions`. */
  index: number;
  /** The programme's catalogue name (or its id when the catalogue has no entry). */
  programme: string;
}

export type Fact =
  /** A score compared as a number (fractions: OGRS3, OVP, RSR, OGP; counts: AUDIT). No `value`: not recorded. */
  | { kind: 'value'; key: ScoreKey; scale: 'fraction' | 'count'; op: NumericOp; threshold: number; value?: number }
  /** A 0..1 score compared by its band. `from`: each wanted band's cut-off in percent. `value` with no `band`: the score has no bands. */
  | { kind: 'score_band'; key: ScoreKey; op: BandOp; bands: string[]; from: (number | undefined)[]; value?: number; band?: Band4 }
  /** A score recorded as a band (OSP, SARA, RoSH). */
  | { kind: 'band'; key: ScoreKey; op: BandOp; bands: string[]; value?: string; notForWomen?: true }
  /** The computed risk of reoffending. */
  | { kind: 'risk_of_reoffending'; op: BandOp; levels: Level[]; roo: RiskOfReoffendingResult }
  | { kind: 'erg22'; value?: boolean }
  /** `done`: a completed action for one of `names`; `planned`: one still to happen; neither: none in the plan. */
  | { kind: 'completed_first'; names: string[]; done?: ActionRef; planned?: ActionRef }
  | { kind: 'setting'; in: Phase[]; value?: Phase }
  | { kind: 'strand'; in: Strand[]; value?: Strand };

export interface TestOutcome {
  aspect: Aspect;
  result: Tri;
  fact: Fact;
  /** Catalogue or band values marked uncertain that the result relied on. */
  relied: string[];
  /** A condition (setting, strand) rather than a requirement: only selects the alternative. */
  condition?: boolean;
}

/** One criterion (alternative): its tests, and whether all hold. */
export interface CriterionResult {
  result: Tri;
  tests: TestOutcome[];
  relied: string[];
}

// ---------------------------------------------------------------------------
// The risk of reoffending.

export interface RecordedScore {
  key: ScoreKey;
  fraction?: number;
  band?: string;
}

export interface RiskOfReoffendingResult {
  level: Level;
  /** High or medium: the passing tests that set the level (in order, not yet deduplicated). */
  because: Fact[];
  /** Low: the scores recorded (none at medium or above). */
  recorded: RecordedScore[];
  /** False when no score the definition uses is recorded: the level is then a guess. */
  known: boolean;
  relied: string[];
}

/**
 * The person's risk of reoffending for programme purposes (risk.json `reoffending`): high when
 * any `high` criterion holds, else medium when any `medium` one does, else low. For women the
 * scores in `ignore_for_women` (OSP) are not used.
 */
export function assessRiskOfReoffending(plan: Plan, policy: Policy): RiskOfReoffendingResult {
  // Pure in (plan, policy), and asked for by every criterion that uses it: computed once per pair.
  let byPolicy = rooCache.get(plan);
  if (!byPolicy) rooCache.set(plan, (byPolicy = new WeakMap()));
  let r = byPolicy.get(policy);
  if (!r) byPolicy.set(policy, (r = computeRiskOfReoffending(plan, policy)));
  return r;
}
const rooCache = new WeakMap<Plan, WeakMap<Policy, RiskOfReoffendingResult>>();

function computeRiskOfReoffending(plan: Plan, policy: Policy): RiskOfReoffendingResult {
  const risk = policy.risk;
  const ctx: EvalContext = { plan, policy, inDefinition: true };
  const relied: string[] = [];
  for (const level of ['high', 'medium'] as const) {
    const hits = risk.reoffending[level].map((c) => evalCriterion(c, ctx)).filter((r) => r.result === true);
    if (hits.length) {
      hits.forEach((h) => relied.push(...h.relied));
      return { level, because: hits.flatMap((h) => h.tests.filter((t) => t.result === true).map((t) => t.fact)), recorded: [], known: true, relied: uniq(relied) };
    }
  }
  const recorded = recordedScores(plan, risk);
  return { level: 'low', because: [], recorded, known: recorded.length > 0, relied: [] };
}

function recordedScores(plan: Plan, risk: RiskPolicy): RecordedScore[] {
  const s = plan.assessment?.scores ?? {};
  const woman = plan.person?.gender === 'female';
  const ignore = new Set(woman ? risk.reoffending.ignore_for_women ?? [] : []);
  const out: RecordedScore[] = [];
  for (const k of ['ogrs3_2yr', 'ovp_2yr', 'rsr'] as const) {
    const v = fraction(s[k]);
    if (v !== undefined && !ignore.has(k)) out.push({ key: k, fraction: v });
  }
  for (const k of ['osp_c', 'osp_i', 'sara_partner', 'sara_others'] as const) {
    const v = s[k];
    if (v !== undefined && !ignore.has(k)) out.push({ key: k, band: v });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Strands and settings.

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

/** Where an action is delivered: its `phase`, else the person's `sentence.setting`. */
export function settingOf(action: Action | undefined, plan: Plan): Phase | undefined {
  return action?.phase ?? plan.sentence?.setting;
}

/** The settings a programme is delivered in for a strand (undefined: no restriction known). */
export function settingsFor(programme: Programme, strand: Strand | undefined): Phase[] | undefined {
  return (strand && programme.settings_by_strand?.[strand]) || programme.settings;
}

// ---------------------------------------------------------------------------
// Evaluating one criterion.

interface EvalContext {
  plan: Plan;
  policy: Policy;
  strand?: Strand;
  setting?: Phase;
  action?: Action;
  catalogue?: Catalogue;
  /** Inside risk.json's own definition: `risk_of_reoffending` is not allowed (no recursion). */
  inDefinition: boolean;
  roo?: RiskOfReoffendingResult;
}

const risky = (result: Tri, fact: Fact, relied: string[] = []): TestOutcome => ({ aspect: 'risk', result, fact, relied });

/** The numeric and band tests of one score, in the order the language lists them. */
function scoreTests(key: ScoreKey, t: Record<string, unknown>, ctx: EvalContext): TestOutcome[] {
  const out: TestOutcome[] = [];
  const scale = SCALE[key];
  if (scale === 'band') {
    const woman = ctx.plan.person?.gender === 'female';
    const notForWomen = woman && (ctx.policy.risk.reoffending.ignore_for_women ?? []).includes(key);
    const value = readBand(key, ctx.plan);
    const band = (op: BandOp, bands: string[]): void => {
      const fact: Fact = { kind: 'band', key, op, bands, value, ...(notForWomen ? { notForWomen: true as const } : {}) };
      out.push(risky(notForWomen || value === undefined ? 'unknown' : bandHolds(op, value, op === 'in' ? bands : bands[0]), fact));
    };
    if (typeof t.at_least === 'string') band('at_least', [t.at_least]);
    if (Array.isArray(t.in)) band('in', t.in as string[]);
    return out;
  }
  const value = readNumber(key, ctx.plan);
  for (const op of ['at_least', 'below', 'at_most'] as const) {
    const x = t[op];
    if (typeof x !== 'number') continue;
    out.push(risky(value === undefined ? 'unknown' : holds(op, value, x), { kind: 'value', key, scale, op, threshold: x, value }));
  }
  if (scale === 'count') return out;
  // A fraction tested by its band (OVP `band_at_least: high`).
  const risk = ctx.policy.risk;
  const banded = value === undefined ? undefined : bandOf(key, value, risk);
  const uncertainTop = cutsFor(key, risk)?.uncertain;
  const byBand = (op: BandOp, bands: string[]): void => {
    const fact: Fact = { kind: 'score_band', key, op, bands, from: bands.map((b) => bandStart(key, b, risk)), value, band: banded?.band };
    if (!banded) {
      out.push(risky('unknown', fact));
      return;
    }
    // A threshold at the very high band relies on its cut-off, which may be marked uncertain.
    const relied = [...banded.relied, ...(bands.includes('very_high') && uncertainTop ? [uncertainTop] : [])];
    out.push(risky(bandHolds(op, banded.band, op === 'in' ? bands : bands[0]), fact, relied));
  };
  if (typeof t.band_at_least === 'string') byBand('at_least', [t.band_at_least]);
  if (Array.isArray(t.band_in)) byBand('in', t.band_in as string[]);
  return out;
}

function levelTests(t: { at_least?: Level; in?: Level[] }, ctx: EvalContext): TestOutcome[] {
  if (ctx.inDefinition) return [];
  const roo = (ctx.roo ??= assessRiskOfReoffending(ctx.plan, ctx.policy));
  const out: TestOutcome[] = [];
  const judge = (op: BandOp, levels: Level[]): void => {
    const fact: Fact = { kind: 'risk_of_reoffending', op, levels, roo };
    out.push(roo.known ? risky(bandHolds(op, roo.level, op === 'in' ? levels : levels[0]), fact, roo.relied) : risky('unknown', fact));
  };
  if (t.at_least) judge('at_least', [t.at_least]);
  if (Array.isArray(t.in)) judge('in', t.in);
  return out;
}

function completedFirst(ids: string[], ctx: EvalContext): TestOutcome {
  const nameOf = (id: string): string => ctx.catalogue?.programmes.find((p) => p.id === id)?.name ?? id;
  const acts = ctx.plan.actions.filter((a) => a !== ctx.action && a.programme !== undefined && ids.includes(a.programme) && (a.type === 'programme' || a.type === undefined));
  const ref = (a: Action): ActionRef => ({ id: a.id, index: Number(a.path[1]), programme: nameOf(a.programme!) });
  const names = ids.map(nameOf);
  const done = acts.find((a) => a.status === 'completed');
  if (done) return { aspect: 'prerequisite', result: true, fact: { kind: 'completed_first', names, done: ref(done) }, relied: [] };
  const planned = acts.find((a) => a.status !== 'withdrawn' && a.status !== 'no_longer_appropriate' && a.eligibility !== 'not_eligible');
  return { aspect: 'prerequisite', result: 'unknown', fact: { kind: 'completed_first', names, ...(planned ? { planned: ref(planned) } : {}) }, relied: [] };
}

function evalCriterion(c: Criterion, ctx: EvalContext): CriterionResult {
  const tests: TestOutcome[] = [];
  for (const [key, t] of Object.entries(c) as [string, unknown][]) {
    if (t === undefined || t === null) continue;
    switch (key) {
      case 'ogrs3_2yr':
      case 'ovp_2yr':
      case 'rsr':
      case 'ogp_2yr':
      case 'osp_c':
      case 'osp_i':
      case 'sara_partner':
      case 'sara_others':
      case 'rosh_overall':
      case 'audit':
        tests.push(...scoreTests(key, t as Record<string, unknown>, ctx));
        break;
      case 'erg22_completed': {
        const v = ctx.plan.assessment?.erg22_completed;
        tests.push(risky(v === true ? true : v === false ? false : 'unknown', { kind: 'erg22', value: v }));
        break;
      }
      case 'completed_first':
        if (Array.isArray(t) && t.length) tests.push(completedFirst(t as string[], ctx));
        break;
      case 'risk_of_reoffending':
        tests.push(...levelTests(t as { at_least?: Level; in?: Level[] }, ctx));
        break;
      case 'setting': {
        const ins = ((t as { in?: Phase[] }).in ?? []) as Phase[];
        tests.push({ aspect: 'setting', condition: true, result: ctx.setting === undefined ? 'unknown' : ins.includes(ctx.setting), fact: { kind: 'setting', in: ins, value: ctx.setting }, relied: [] });
        break;
      }
      case 'strand': {
        const ins = ((t as { in?: Strand[] }).in ?? []) as Strand[];
        tests.push({ aspect: 'strand', condition: true, result: ctx.strand === undefined ? 'unknown' : ins.includes(ctx.strand), fact: { kind: 'strand', in: ins, value: ctx.strand }, relied: [] });
        break;
      }
      default:
        break;
    }
  }
  return { result: andTri(tests.map((x) => x.result)), tests, relied: uniq(tests.flatMap((x) => x.relied)) };
}

/** Evaluate a criterion on its own (the `when` of an adapted version or a legacy replacement). Undefined holds. */
export function evaluateCriterion(c: Criterion | undefined, plan: Plan, policy: Policy, strand?: Strand, opts: EligibilityOptions = {}): CriterionResult {
  if (!c) return { result: true, tests: [], relied: [] };
  return evalCriterion(c, { plan, policy, strand, setting: opts.setting, action: opts.action, inDefinition: false });
}

// ---------------------------------------------------------------------------
// Aspects of a programme.

export interface Judged {
  result: Tri;
  relied: string[];
}

/** One applicable alternative, narrowed to the tests of one aspect. */
export interface Alternative extends Judged {
  tests: TestOutcome[];
}

/** One list of alternatives judged on one aspect: only alternatives whose conditions do not fail count. */
export interface ListEval extends Judged {
  /** The applicable alternatives, each with its tests of the aspect (none when no alternative tests it). */
  alternatives: Alternative[];
}

export interface RiskEval extends Judged {
  lists: ListEval[];
  /** The programme has no criteria of its own: it was judged on this risk of reoffending and above. */
  defaultFrom?: Level;
}
export interface PrerequisiteEval extends Judged {
  lists: ListEval[];
}
export interface OffenceEval extends Judged {
  programme: string;
  /** Per list of offence targets (all must hold), its alternatives. */
  parts: (Judged & { conditions: OffenceCondition[] })[];
  offence?: { index?: OffenceType; previous_sexual?: boolean; sexual_motivation?: boolean; gang_affiliation?: boolean };
}
export interface GenderEval extends Judged {
  programme: string;
  genders?: ('male' | 'female')[];
}
export interface SettingEval extends Judged {
  programme: string;
  settings?: Phase[];
  /** The strand the settings are particular to (`settings_by_strand`), if any. */
  byStrand?: Strand;
  value?: Phase;
}
export interface StrandEval extends Judged {
  programme: string;
  explicit?: Strand;
  strands?: Strand[];
}

export interface AspectEvals {
  gender: GenderEval;
  strand: StrandEval;
  offence: OffenceEval;
  setting: SettingEval;
  risk: RiskEval;
  prerequisite: PrerequisiteEval;
}

function listOf(results: readonly CriterionResult[], aspect: Aspect): ListEval {
  const applicable = results.filter((r) => !r.tests.some((t) => t.condition && t.result === false));
  const per = applicable.map((r): Alternative => {
    const tests = r.tests.filter((t) => t.aspect === aspect && !t.condition);
    return { result: andTri(tests.map((t) => t.result)), tests, relied: uniq([...tests.flatMap((t) => t.relied), ...(tests.length ? r.tests.filter((t) => t.condition).flatMap((t) => t.relied) : [])]) };
  });
  const withTests = per.filter((p) => p.tests.length);
  if (!withTests.length) return { result: true, alternatives: [], relied: [] };
  const result = orTri(per.map((p) => p.result));
  const relied = result === true ? per.find((x) => x.result === true)!.relied : uniq(withTests.flatMap((p) => p.relied));
  return { result, alternatives: per, relied };
}

const andOf = (parts: readonly Judged[]): Judged => ({ result: andTri(parts.map((p) => p.result)), relied: uniq(parts.flatMap((p) => p.relied)) });

function listsFor<T>(m: ByStrand<T[]> | undefined, strand: Strand | undefined): T[][] {
  if (!m) return [];
  const out: T[][] = [];
  if (m.all_strands?.length) out.push(m.all_strands);
  if (strand && m[strand]?.length) out.push(m[strand]!);
  return out;
}

function hasCriteria(programme: Programme): boolean {
  const e = programme.eligibility;
  return !!e && Object.values(e).some((l) => Array.isArray(l) && l.length > 0);
}

function riskAndPrerequisite(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand: Strand | undefined, opts: EligibilityOptions): { risk: RiskEval; prerequisite: PrerequisiteEval } {
  const ctx: EvalContext = { plan, policy, strand, setting: opts.setting, action: opts.action, inDefinition: false };
  const uncertainElig = programme.uncertain?.eligibility ? [programme.uncertain.eligibility] : [];
  if (!hasCriteria(programme)) {
    if (programme.accredited === false) return { risk: { result: true, relied: [], lists: [] }, prerequisite: { result: true, relied: [], lists: [] } };
    // No criteria of its own: offending behaviour programmes suit medium and higher risk of reoffending (PSI 19/2014 para 2.15).
    const from = policy.risk.programmes_suit_from;
    const list = listOf([evalCriterion({ risk_of_reoffending: { at_least: from } }, ctx)], 'risk');
    const a = andOf([list]);
    return { risk: { ...a, lists: [list], defaultFrom: from, relied: uniq([...a.relied, ...uncertainElig]) }, prerequisite: { result: true, relied: [], lists: [] } };
  }
  const lists = listsFor(programme.eligibility, strand);
  const risks: ListEval[] = [];
  const pres: ListEval[] = [];
  for (const list of lists) {
    const rs = list.map((c) => evalCriterion(c, { ...ctx, catalogue }));
    risks.push(listOf(rs, 'risk'));
    pres.push(listOf(rs, 'prerequisite'));
  }
  const risk = andOf(risks);
  // Thresholds that differ by setting rely on the programme being delivered in that setting.
  const bySetting = opts.setting !== undefined && lists.some((l) => l.some((c) => c.setting?.in?.includes(opts.setting!)));
  const uncertainSetting = bySetting && programme.uncertain?.settings ? [programme.uncertain.settings] : [];
  return {
    risk: { result: risk.result, lists: risks, relied: uniq([...risk.relied, ...(risks.length ? uncertainElig : []), ...uncertainSetting]) },
    prerequisite: { ...andOf(pres), lists: pres },
  };
}

function offenceAspect(programme: Programme, plan: Plan, strand: Strand | undefined): OffenceEval {
  const lists = listsFor(programme.offence_targets, strand);
  const relied = programme.uncertain?.offence_targets ? [programme.uncertain.offence_targets] : [];
  const off = plan.assessment?.offence;
  const offence = off ? { index: off.index, previous_sexual: off.previous_sexual, sexual_motivation: off.sexual_motivation, gang_affiliation: off.gang_affiliation } : undefined;
  if (!lists.length) return { result: true, relied: [], programme: programme.name, parts: [], offence };
  const recorded = off?.index !== undefined;
  const flag = (v: boolean | undefined): Tri => (v === true ? true : v === false || recorded ? false : 'unknown');
  const condHolds = (c: OffenceCondition): Tri => {
    const rs: Tri[] = [];
    if (c.index_in) rs.push(off?.index === undefined ? 'unknown' : c.index_in.includes(off.index));
    if (c.previous_sexual) rs.push(flag(off?.previous_sexual));
    if (c.sexual_motivation) rs.push(flag(off?.sexual_motivation));
    if (c.gang_affiliation) rs.push(flag(off?.gang_affiliation));
    return andTri(rs);
  };
  const parts = lists.map((list) => ({ result: orTri(list.map(condHolds)), relied, conditions: list }));
  return { ...andOf(parts), programme: programme.name, parts, offence };
}

function genderAspect(programme: Programme, plan: Plan): GenderEval {
  const gs = programme.genders;
  const relied = programme.uncertain?.genders ? [programme.uncertain.genders] : [];
  if (!gs?.length) return { result: true, relied: [], programme: programme.name };
  const g = plan.person?.gender;
  return { result: !g ? 'unknown' : gs.includes(g), relied, programme: programme.name, genders: gs };
}

function settingAspect(programme: Programme, strand: Strand | undefined, setting: Phase | undefined): SettingEval {
  const ss = settingsFor(programme, strand);
  const relied = programme.uncertain?.settings ? [programme.uncertain.settings] : [];
  if (!ss?.length) return { result: true, relied: [], programme: programme.name };
  const byStrand = strand && programme.settings_by_strand?.[strand] ? strand : undefined;
  return { result: !setting ? 'unknown' : ss.includes(setting), relied, programme: programme.name, settings: ss, value: setting, ...(byStrand ? { byStrand } : {}) };
}

function strandAspect(programme: Programme, explicit: Strand | undefined): StrandEval {
  const strands = programme.strands;
  const ok = !explicit || !strands?.length || strands.includes(explicit);
  return { result: ok, relied: ok ? [] : programme.uncertain?.strands ? [programme.uncertain.strands] : [], programme: programme.name, explicit, strands };
}

function evaluateForStrand(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand: Strand | undefined, explicit: Strand | undefined, opts: EligibilityOptions): AspectEvals {
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

// ---------------------------------------------------------------------------
// The whole programme.

/** The aspects judged for one strand (undefined: the programme's criteria have no strand to choose). */
export interface StrandEvaluation {
  strand?: Strand;
  aspects: AspectEvals;
}

/** One aspect over the strands tried. */
export interface AspectVerdict<A extends Aspect = Aspect> extends Judged {
  /** The strand evaluation whose result this is (the best one). */
  best: AspectEvals[A];
  /** The strands with that result. */
  same: { strand?: Strand; eval: AspectEvals[A] }[];
  /** The strands considered for this aspect. */
  per: { strand?: Strand; eval: AspectEvals[A] }[];
}

export interface EligibilityResult {
  eligible: Tri;
  /** The aspects that explain the verdict (all of them when eligible). */
  explaining: Aspect[];
  relied: string[];
  /** The strand the criteria were taken from (undefined: every strand was tried). */
  strand?: Strand;
  strandSource: StrandSource;
  /** True when every strand was tried (no strand to go on): the person is eligible when one fits. */
  everyStrand: boolean;
  aspects: { [A in Aspect]: AspectVerdict<A> };
}

/**
 * Is the person eligible for a programme? `strand` is the action's own `strand` when it has
 * one. 'unknown' means the plan does not record what the criteria need. Each aspect (gender,
 * strand, offence, setting, risk, prerequisite) is judged separately so that each rule
 * reports only its own.
 */
export function evaluateEligibility(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand?: Strand, opts: EligibilityOptions = {}): EligibilityResult {
  const resolved = resolveStrand(programme, plan, policy, strand);
  const everyStrand = !(resolved.strand !== undefined || !(programme.strands && programme.strands.length > 1));
  const all: StrandEvaluation[] = everyStrand
    ? programme.strands!.map((s) => ({ strand: s, aspects: evaluateForStrand(programme, plan, catalogue, policy, s, undefined, opts) }))
    : [{ strand: resolved.strand, aspects: evaluateForStrand(programme, plan, catalogue, policy, resolved.strand, strand, opts) }];
  // Only strands the person's offending could fit are judged on the rest (Kaizen for an
  // acquisitive offence: the general violence strand, not the IPV or sexual ones).
  const fitting = all.filter((p) => p.aspects.offence.result !== false);
  const aspects = {} as { [A in Aspect]: AspectVerdict<A> };
  for (const asp of ASPECTS) {
    const per = asp === 'offence' || !fitting.length ? all : fitting;
    let best = per[0];
    for (const p of per) if (better(p.aspects[asp].result, best.aspects[asp].result)) best = p;
    const r = best.aspects[asp].result;
    const same = per.filter((p) => p.aspects[asp].result === r);
    const view = (p: StrandEvaluation) => ({ strand: p.strand, eval: p.aspects[asp] });
    (aspects as Record<Aspect, AspectVerdict>)[asp] = {
      result: r,
      relied: everyStrand ? uniq(same.flatMap((p) => p.aspects[asp].relied)) : best.aspects[asp].relied,
      best: best.aspects[asp],
      same: same.map(view),
      per: per.map(view),
    };
  }
  const eligible = andTri(ASPECTS.map((a) => aspects[a].result));
  const explaining = ASPECTS.filter((a) => (eligible === true ? true : aspects[a].result === eligible));
  return {
    eligible,
    explaining,
    relied: uniq(explaining.flatMap((a) => aspects[a].relied)),
    strand: resolved.strand,
    strandSource: resolved.source,
    everyStrand,
    aspects,
  };
}

/** `evaluateEligibility` for an action: its strand, and its phase (or the person's setting). */
export function evaluateActionEligibility(action: Action, programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy): EligibilityResult {
  return evaluateEligibility(programme, plan, catalogue, policy, action.strand, { setting: settingOf(action, plan), action });
}

export type { Operator };
