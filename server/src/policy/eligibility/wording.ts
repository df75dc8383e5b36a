// Wording: the structured results of `criteria.ts` and `catalogue.ts` in English, as the
// programme/* rules, completion and hover show them ("eligible: OGRS3 61%", "not eligible:
// OGRS3 is 31%, below the 50% the Thinking Skills Programme needs", "eligibility unknown:
// OGRS3 is not recorded: record `assessment.scores.ogrs3_2yr`"). Pure: no file, no clock.
// Lists of reasons are deduplicated here, on their text.

import type { Action, Phase, Plan, Strand } from '../../engine/model.js';
import type { Policy } from '../index.js';
import type { Catalogue, Criterion, LegacyProgramme, Level, OffenceCondition, Programme } from '../programmes.js';
import { adaptedVersions, programmeStanding, replacements, type VersionChoice } from './catalogue.js';
import {
  ASPECTS, assessRiskOfReoffending, evaluateActionEligibility, evaluateCriterion, evaluateEligibility,
  type Aspect, type AspectEvals, type EligibilityOptions, type EligibilityResult, type Fact, type ListEval, type OffenceEval,
  type RiskOfReoffendingResult, type StrandSource, type TestOutcome, type Tri, SCORE_PATH,
} from './criteria.js';

// ---------------------------------------------------------------------------
// Names and numbers.

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

/** "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
/** "a, b and c". */
export function andList(items: readonly string[]): string {
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

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const place = (s: Phase): string => (s === 'custody' ? 'custody' : 'the community');
const scoreName = (key: string): string => SCORE_NAMES[key] ?? key;
/** "high (60% and over)", or the band's name when it has no cut-off. */
const range = (band: string, from: number | undefined): string => (from === undefined ? bandName(band) : `${bandName(band)} (${from}% and over)`);
const orAbove = (band: string, top: string): string => (band === top ? '' : ' or above');
const notRecorded = (key: keyof typeof SCORE_PATH): string => `${scoreName(key)} is not recorded: record \`${SCORE_PATH[key]}\``;
/** An action as a prerequisite names it (its id, else its position). */
const actionName = (a: { id?: string; index: number }): string => a.id ?? `action ${a.index + 1}`;

// ---------------------------------------------------------------------------
// One test.

/** " the Thinking Skills Programme needs" after a threshold, when a programme is judged. */
const needs = (needer?: string): string => (needer ? ` ${needer} needs` : '');
const allows = (needer?: string): string => (needer ? ` ${needer} allows` : '');
const isFor = (needer?: string): string => (needer ? ` ${needer} is for` : '');

/** The risk of reoffending in words: the level and the scores that set it (or the ones recorded). */
export interface RiskOfReoffending {
  level: Level;
  /** The scores that set the level ("OVP 66% (high)"), or, for low, the scores recorded (none at medium or above). */
  because: string[];
  /** False when no score the definition uses is recorded: the level is then a guess. */
  known: boolean;
  relied: string[];
}

export function describeRiskOfReoffending(r: RiskOfReoffendingResult): RiskOfReoffending {
  const because =
    r.level !== 'low'
      ? uniq(r.because.map(passText))
      : r.recorded.length
        ? r.recorded.map((s) => `${scoreName(s.key)} ${s.fraction !== undefined ? pct(s.fraction) : bandName(s.band!)}`)
        : ['no risk score is recorded'];
  return { level: r.level, because, known: r.known, relied: r.relied };
}

const rooShown = (r: RiskOfReoffendingResult): string => `${r.level} (${describeRiskOfReoffending(r).because.join(', ')})`;

/** What would satisfy a test: "OGRS3 50% or more", "OSP/C medium, high or very high". */
export function needText(f: Fact): string {
  const n = 'key' in f ? scoreName(f.key) : '';
  switch (f.kind) {
    case 'value': {
      const t = f.scale === 'fraction' ? pct(f.threshold) : String(f.threshold);
      return f.op === 'at_least' ? `${n} ${t} or more` : f.op === 'below' ? `${n} ${f.scale === 'count' ? 'under' : 'below'} ${t}` : `${n} ${t} or less`;
    }
    case 'score_band':
      return f.op === 'at_least' ? `${n} ${range(f.bands[0], f.from[0])}${orAbove(f.bands[0], 'very_high')}` : `${n} ${orList(f.bands.map((b, i) => range(b, f.from[i])))}`;
    case 'band':
      return f.op === 'at_least' ? `${n} ${bandName(f.bands[0])}${orAbove(f.bands[0], 'very_high')}` : `${n} ${orList(f.bands.map(bandName))}`;
    case 'risk_of_reoffending':
      return f.op === 'at_least' ? `a risk of reoffending of ${f.levels[0]}${orAbove(f.levels[0], 'high')}` : `a ${orList(f.levels)} risk of reoffending`;
    case 'erg22':
      return 'a completed ERG22+ assessment';
    case 'completed_first':
      return `${orList(f.names)} completed first`;
    case 'setting':
      return `delivery in ${orList(f.in.map(place))}`;
    case 'strand':
      return `the ${orList(f.in.map((s) => STRAND_NAMES[s] ?? s))} strand`;
  }
}

/** What holds: "OGRS3 61%", "OVP 66% (high)", "New Me Strengths completed (ACT-1)". */
export function passText(f: Fact): string {
  const n = 'key' in f ? scoreName(f.key) : '';
  switch (f.kind) {
    case 'value':
      return `${n} ${f.scale === 'fraction' ? pct(f.value!, f.threshold) : String(f.value)}`;
    case 'score_band':
      return `${n} ${pct(f.value!)} (${bandName(f.band!)})`;
    case 'band':
      return `${n} ${bandName(f.value!)}`;
    case 'risk_of_reoffending':
      return `risk of reoffending ${rooShown(f.roo)}`;
    case 'erg22':
      return 'ERG22+ assessment completed';
    case 'completed_first':
      return `${f.done!.programme} completed (${actionName(f.done!)})`;
    case 'setting':
      return `in ${f.value}`;
    case 'strand':
      return `${STRAND_NAMES[f.value!]} strand`;
  }
}

/** Why a test failed, or what to record when it is unknown. `needer` is the programme judged ("the Thinking Skills Programme"). */
export function whyText(t: Pick<TestOutcome, 'result' | 'fact'>, needer?: string): string {
  const f = t.fact;
  const unknown = t.result === 'unknown';
  switch (f.kind) {
    case 'value': {
      if (unknown) return notRecorded(f.key);
      const n = scoreName(f.key);
      const fraction = f.scale === 'fraction';
      const v = fraction ? pct(f.value!, f.threshold) : String(f.value);
      const x = fraction ? pct(f.threshold) : String(f.threshold);
      if (f.op === 'at_least') return `${n} is ${v}, below the ${x}${needs(needer)}`;
      if (f.op === 'below') return `${n} is ${v}, not ${fraction ? 'below' : 'under'} the ${x}${allows(needer)}`;
      return `${n} is ${v}, above the ${x}${allows(needer)}`;
    }
    case 'score_band': {
      const n = scoreName(f.key);
      if (f.value === undefined) return notRecorded(f.key);
      if (f.band === undefined) return `${n} has no bands in the risk policy`;
      const shown = `${pct(f.value)} (${bandName(f.band)})`;
      return f.op === 'at_least'
        ? `${n} is ${shown}, below the ${range(f.bands[0], f.from[0])} band${needs(needer)}`
        : `${n} is ${shown}, outside the ${orList(f.bands.map(bandName))} band${isFor(needer)}`;
    }
    case 'band': {
      const n = scoreName(f.key);
      if (f.notForWomen) return `${n} is not used for women`;
      if (f.value === undefined) return notRecorded(f.key);
      return f.op === 'at_least'
        ? `${n} is ${bandName(f.value)}, below the ${bandName(f.bands[0])}${needs(needer)}`
        : `${n} is ${bandName(f.value)}, not ${orList(f.bands.map(bandName))} as${isFor(needer) || ' required'}`;
    }
    case 'risk_of_reoffending':
      if (unknown) return 'no risk score is recorded: record OGRS3 and the other predictor scores under `assessment.scores`';
      return f.op === 'at_least'
        ? `the risk of reoffending is ${rooShown(f.roo)}, below the ${f.levels[0]}${needs(needer)}`
        : `the risk of reoffending is ${rooShown(f.roo)}, not ${orList(f.levels)} as${isFor(needer) || ' required'}`;
    case 'erg22':
      return unknown ? 'the ERG22+ assessment is not recorded: record `assessment.erg22_completed`' : `no completed ERG22+ assessment is recorded, which${needs(needer) || ' is needed'}`;
    case 'completed_first':
      return f.planned
        ? `it relies on ${actionName(f.planned)} (${f.planned.programme}) being completed first`
        : `it needs ${needText(f)}: if it was, record it as an action with \`status: completed\``;
    case 'setting':
      return unknown ? 'the setting is not recorded: give the action a `phase`' : `the work is in ${f.value}`;
    case 'strand':
      return unknown ? 'the strand is not known: give the action a `strand`' : `the strand is ${STRAND_NAMES[f.value!]}`;
  }
}

// ---------------------------------------------------------------------------
// Aspects.

/** One aspect in words. */
export interface AspectResult {
  result: Tri;
  /** Why: what passed ("OGRS3 61%"), what failed ("OGRS3 is 31%, below the 50% … needs"), or what to record. */
  reasons: string[];
  /** What would satisfy it, for completion: "OSP/C medium, high or very high". */
  needs: string[];
  /** Catalogue or band values marked uncertain that the result relied on. */
  relied: string[];
}

interface Words {
  reasons: string[];
  needs: string[];
}
const NONE: Words = { reasons: [], needs: [] };

function listWords(l: ListEval, needer: string | undefined): Words {
  const withTests = l.alternatives.filter((p) => p.tests.length);
  if (!withTests.length) return NONE;
  const needsOf = withTests.map((p) => andList(p.tests.map((t) => needText(t.fact))));
  if (l.result === true) return { reasons: l.alternatives.find((x) => x.result === true)!.tests.map((t) => passText(t.fact)), needs: needsOf };
  const reasons = withTests
    .filter((p) => p.result === l.result)
    .map((p) => p.tests.filter((t) => t.result === l.result).map((t) => whyText(t, needer)).join('; '))
    .filter((s) => s !== '');
  return { reasons: uniq(reasons), needs: needsOf };
}

/** Parts that must all hold: the reasons of those that decide the result, every part's needs. */
function allOf(parts: readonly (Words & { result: Tri })[], result: Tri): Words {
  const pick = result === true ? parts : parts.filter((p) => p.result === result);
  return { reasons: pick.flatMap((p) => p.reasons), needs: parts.flatMap((p) => p.needs) };
}

/** "an index offence of `sexual`, a previous sexual offence and sexual motivation". */
export function describeOffenceCondition(c: OffenceCondition): string {
  const parts: string[] = [];
  if (c.index_in) parts.push(`an index offence of ${orList(c.index_in.map((o) => `\`${o}\``))}`);
  if (c.previous_sexual) parts.push('a previous sexual offence');
  if (c.sexual_motivation) parts.push('sexual motivation');
  if (c.gang_affiliation) parts.push('offending linked to group or gang affiliation');
  return andList(parts);
}

function describeOffence(off: OffenceEval['offence']): string {
  const bits: string[] = [off?.index ? `an index offence of \`${off.index}\`` : 'no index offence'];
  const yes: string[] = [];
  if (off?.previous_sexual) yes.push('a previous sexual offence');
  if (off?.sexual_motivation) yes.push('sexual motivation');
  if (off?.gang_affiliation) yes.push('group affiliation');
  if (yes.length) bits.push(`with ${andList(yes)}`);
  else bits.push('with no previous sexual offence, sexual motivation or group affiliation recorded');
  return bits.join(' ');
}

const aspectWords: { [A in Aspect]: (e: AspectEvals[A], needer: string) => Words } = {
  gender(e) {
    if (!e.genders) return NONE;
    const gs = e.genders;
    const who = gs.length === 1 ? (gs[0] === 'male' ? 'men' : 'women') : 'men and women';
    const need = [`delivered to ${who}`];
    if (e.result === 'unknown') return { reasons: ['the gender is not recorded: record `person.gender`'], needs: need };
    return { reasons: e.result ? [] : [`${theName(e.programme)} is for ${who} only`], needs: need };
  },
  strand(e) {
    if (e.result !== false) return { reasons: e.explicit ? [`${STRAND_NAMES[e.explicit]} strand`] : [], needs: [] };
    const strands = e.strands ?? [];
    return {
      reasons: [`${theName(e.programme)} has no ${STRAND_NAMES[e.explicit!]} strand (\`${e.explicit}\`); its strands are ${andList(strands.map((s) => `${STRAND_NAMES[s]} (\`${s}\`)`))}`],
      needs: strands.map((s) => `the ${STRAND_NAMES[s]} strand`),
    };
  },
  offence(e) {
    const parts = e.parts.map((p) => {
      const need = orList(p.conditions.map(describeOffenceCondition));
      const reasons =
        p.result === true
          ? [`offence history: ${describeOffence(e.offence)}`]
          : p.result === 'unknown'
            ? ['the offence is not recorded: record `assessment.offence.index` (and `previous_sexual`, `sexual_motivation`, `gang_affiliation` where they apply)']
            : [`${theName(e.programme)} is for people with ${need}, and the plan records ${describeOffence(e.offence)}`];
      return { result: p.result, reasons, needs: [need] };
    });
    return allOf(parts, e.result);
  },
  setting(e) {
    if (!e.settings) return NONE;
    const where = orList(e.settings.map(place));
    const need = [`delivery in ${where}`];
    if (e.result === 'unknown') return { reasons: ['the setting is not recorded: give the action a `phase`'], needs: need };
    const byStrand = e.byStrand ? ` for ${STRAND_NAMES[e.byStrand]}` : '';
    return { reasons: e.result ? [] : [`${theName(e.programme)} is delivered${byStrand} in ${where} only, and this work is in ${place(e.value!)}`], needs: need };
  },
  risk(e, needer) {
    const parts = e.lists.map((l) => ({ result: l.result, ...listWords(l, needer) }));
    if (e.defaultFrom === undefined) return allOf(parts, e.result);
    const w = parts[0];
    const suffix = ` (the catalogue has no criteria of its own for it; offending behaviour programmes in general suit a ${e.defaultFrom} or higher risk of reoffending)`;
    return { reasons: e.result === false ? w.reasons.map((x) => x + suffix) : w.reasons, needs: w.needs };
  },
  prerequisite(e, needer) {
    return allOf(e.lists.map((l) => ({ result: l.result, ...listWords(l, needer) })), e.result);
  },
};

function wordsOf<A extends Aspect>(a: A, e: AspectEvals[A], needer: string): Words {
  return aspectWords[a](e, needer);
}

// ---------------------------------------------------------------------------
// A programme.

export interface Eligibility {
  eligible: Tri;
  reasons: string[];
  relied: string[];
  /** The strand the criteria were taken from (undefined: every strand was tried). */
  strand?: Strand;
  strandSource: StrandSource;
  aspects: Record<Aspect, AspectResult>;
}

/** An evaluation in words. `programme` is the one evaluated (its name goes into "the 50% … needs"). */
export function describeEligibility(r: EligibilityResult, programme: Programme): Eligibility {
  const needer = theName(programme.name);
  const aspects = {} as Record<Aspect, AspectResult>;
  for (const asp of ASPECTS) {
    const v = r.aspects[asp];
    let w: Words;
    if (!r.everyStrand) w = wordsOf(asp, v.best, needer);
    else {
      // Reasons that differ by strand are prefixed with it; the same reason for every strand is said once.
      const same = v.same.map((p) => ({ strand: p.strand!, w: wordsOf(asp, p.eval, needer) }));
      const key = (x: Words): string => JSON.stringify(x.reasons);
      const alike = same.every((p) => key(p.w) === key(same[0].w));
      w = {
        reasons: v.result === true || alike ? wordsOf(asp, v.best, needer).reasons : uniq(same.flatMap((p) => p.w.reasons.map((x) => `${STRAND_NAMES[p.strand]} strand: ${x}`))),
        needs: uniq(v.per.flatMap((p) => wordsOf(asp, p.eval, needer).needs)),
      };
    }
    aspects[asp] = { result: v.result, reasons: w.reasons, needs: w.needs, relied: v.relied };
  }
  return {
    eligible: r.eligible,
    reasons: uniq(r.explaining.flatMap((a) => aspects[a].reasons)),
    relied: r.relied,
    strand: r.strand,
    strandSource: r.strandSource,
    aspects,
  };
}

/**
 * Is the person eligible for a programme, in words? `strand` is the action's own `strand`
 * when it has one. 'unknown' means the plan does not record what the criteria need: `reasons`
 * then say what to record.
 */
export function checkEligibility(programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy, strand?: Strand, opts: EligibilityOptions = {}): Eligibility {
  return describeEligibility(evaluateEligibility(programme, plan, catalogue, policy, strand, opts), programme);
}

/** `checkEligibility` for an action: its strand, and its phase (or the person's setting). */
export function checkActionEligibility(action: Action, programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy): Eligibility {
  return describeEligibility(evaluateActionEligibility(action, programme, plan, catalogue, policy), programme);
}

/** "eligible: OGRS3 61%" / "not eligible: OGRS3 is 31%, below …" / "eligibility unknown: record …" — for completion and hover. */
export function eligibilitySummary(e: Eligibility): string {
  const why = e.reasons.join('; ');
  const head = e.eligible === true ? 'eligible' : e.eligible === false ? 'not eligible' : 'eligibility unknown';
  return why ? `${head}: ${why}` : head;
}

/** The person's risk of reoffending for programme purposes, in words. */
export function riskOfReoffending(plan: Plan, policy: Policy): RiskOfReoffending {
  return describeRiskOfReoffending(assessRiskOfReoffending(plan, policy));
}

/** A criterion on its own (the `when` of an adapted version or a legacy replacement), in words. */
export function criterionHolds(c: Criterion | undefined, plan: Plan, policy: Policy, strand?: Strand, opts: EligibilityOptions = {}): { result: Tri; passes: string[]; unknowns: string[]; fails: string[]; relied: string[] } {
  const r = evaluateCriterion(c, plan, policy, strand, opts);
  return {
    result: r.result,
    passes: r.tests.filter((t) => t.result === true).map((t) => passText(t.fact)),
    unknowns: r.tests.filter((t) => t.result === 'unknown').map((t) => whyText(t)),
    fails: r.tests.filter((t) => t.result === false).map((t) => whyText(t)),
    relied: r.relied,
  };
}

// ---------------------------------------------------------------------------
// Versions.

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

export function describeChoice(c: VersionChoice): ChoiceResult {
  const options = c.options.map((o): Choice => {
    const r = o.when.result;
    const tests = o.when.tests.filter((t) => t.result === r);
    return { id: o.id, name: o.name, result: r, because: tests.map((t) => (r === true ? passText(t.fact) : whyText(t))) };
  });
  return { options, chosen: c.chosen, relied: c.relied };
}

/** The adapted equivalent(s) of a programme for a person with a learning disability. */
export function adaptedVersionFor(programme: Programme, plan: Plan, catalogue: Catalogue, policy: Policy, strand?: Strand): ChoiceResult | undefined {
  const c = adaptedVersions(programme, plan, catalogue, policy, strand);
  return c && describeChoice(c);
}

/** What replaced a withdrawn programme, for this person. */
export function replacementFor(legacy: LegacyProgramme, plan: Plan, catalogue: Catalogue, policy: Policy): ChoiceResult {
  return describeChoice(replacements(legacy, plan, catalogue, policy));
}

/** "What is needed" for a programme, for completion: the alternatives of its criteria for a strand. */
export function describeNeeds(programme: Programme, plan: Plan, catalogue: Catalogue, policy: Policy, strand?: Strand): string[] {
  const e = checkEligibility(programme, plan, catalogue, policy, strand);
  return uniq(ASPECTS.flatMap((a) => e.aspects[a].needs));
}

// ---------------------------------------------------------------------------
// The one line for completion and hover.

/** Whether this person can go on the programme: the verdict and the one-line reason. */
export interface ProgrammeVerdict {
  verdict: 'eligible' | 'unknown' | 'not_eligible' | 'withdrawn';
  /** "eligible: OGRS3 61%" / "not eligible: …" / "eligibility unknown: …" / "withdrawn: replaced by …". */
  text: string;
  /** The reasons alone, without the verdict word. */
  reasons: string[];
}

/** " (catalogue value marked uncertain: …)" or "". */
export function uncertainNote(relied: readonly string[]): string {
  const r = uniq(relied);
  return r.length ? ` (catalogue value marked uncertain: ${r.join('; ')})` : '';
}

export function programmeVerdict(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): ProgrammeVerdict | undefined {
  const s = programmeStanding(plan, programmeId, catalogue, policy, action);
  if (!s) return undefined;
  if (s.kind === 'legacy') {
    const c = s.replacement;
    const why = c.chosen ? `replaced by \`${c.chosen}\` for this person` : `replaced by ${orList(c.options.map((o) => `\`${o.id}\``))}`;
    return { verdict: 'withdrawn', text: `withdrawn: ${why}`, reasons: [why] };
  }
  const e = describeEligibility(s.eligibility, s.programme);
  return {
    verdict: e.eligible === true ? 'eligible' : e.eligible === false ? 'not_eligible' : 'unknown',
    text: eligibilitySummary(e) + uncertainNote(e.relied),
    reasons: e.reasons,
  };
}

/**
 * The one line completion and hover show for a programme id in this plan: "eligible: OGRS3
 * 61%", "not eligible: OGRS3 is 31%, below …", "eligibility unknown: OGRS3 is not recorded: …";
 * for a withdrawn programme, what replaced it. Undefined for an id outside the catalogue.
 */
export function programmeEligibilityText(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): string | undefined {
  return programmeVerdict(plan, programmeId, catalogue, policy, action)?.text;
}
