// Wording: the structured results of `criteria.ts` and `catalogue.ts` as messages (ids and
// data, engine/messages.ts; the English is in `messages.ts`), and rendered in English for the
// callers that want text (completion, hover, tests): "eligible: OGRS3 61%", "not eligible:
// OGRS3 is 31%, below the 50% the Thinking Skills Programme needs", "eligibility unknown:
// OGRS3 is not recorded: record `assessment.scores.ogrs3_2yr`". Pure: no file, no clock.
// Lists of reasons are deduplicated here, on the message (id and data).

import { COMMON_MESSAGES, renderMsg, type MessageCatalogue, type MessageValue, type Msg } from '../../engine/messages.js';
import type { Action, Phase, Plan, Strand } from '../../engine/model.js';
import { isQuotableId } from '../../engine/privacy.js';
import type { Policy } from '../index.js';
import type { Catalogue, LegacyProgramme, Level, OffenceCondition, Programme } from '../programmes.js';
import { adaptedVersions, programmeStanding, replacements, type VersionChoice } from './catalogue.js';
import {
  ASPECTS, assessRiskOfReoffending, evaluateActionEligibility, evaluateEligibility,
  type Aspect, type AspectEvals, type EligibilityOptions, type EligibilityResult, type Fact, type ListEval, type OffenceEval,
  type RiskOfReoffendingResult, type StrandSource, type TestOutcome, type Tri, SCORE_PATH,
} from './criteria.js';
import { ELIGIBILITY_MESSAGES } from './messages.js';
import programmesData from '../programmes.json';
import riskData from '../risk.json';

/** The English catalogue the text functions render with (the shared messages and eligibility's own). */
export const ENGLISH_ELIGIBILITY: MessageCatalogue = {
  locale: 'en',
  messages: { ...COMMON_MESSAGES, ...ELIGIBILITY_MESSAGES },
};

/** A message (or plain value) in a catalogue (English unless given). */
export const english = (m: MessageValue, catalogue: MessageCatalogue = ENGLISH_ELIGIBILITY): string =>
  typeof m === 'string' ? m : typeof m === 'number' ? String(m) : renderMsg(m, catalogue);

/** An eligibility message: `M('belowThe')` is `eligibility.belowThe` in messages.ts. */
const M = (id: string, data?: Msg['data']): Msg => {
  const full = `eligibility.${id}`;
  return data ? { id: full, data } : { id: full };
};
const key = (m: MessageValue | readonly MessageValue[]): string => JSON.stringify(m);
/** Distinct messages, first occurrence kept. */
function uniqMsgs<T extends MessageValue>(ms: Iterable<T>): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const m of ms) {
    const k = key(m);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(m);
    }
  }
  return out;
}

function chain(items: readonly MessageValue[], last: string, between: string): MessageValue {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  if (items.length === 2) return M(last, { a: items[0], b: items[1] });
  return M(between, { a: items[0], b: chain(items.slice(1), last, between) });
}
/** "a, b or c". */
export const orMsg = (items: readonly MessageValue[]): MessageValue => chain(items, 'or2', 'comma');
/** "a, b and c". */
export const andMsg = (items: readonly MessageValue[]): MessageValue => chain(items, 'and2', 'comma');
/** "a; b; c". */
export const semiMsg = (items: readonly MessageValue[]): MessageValue => chain(items, 'semi', 'semi');
/** "a, b, c". */
export const commaMsg = (items: readonly MessageValue[]): MessageValue => chain(items, 'comma', 'comma');

export const scoreMsg = (k: string): Msg => M('score', { key: k });
export const bandMsg = (b: string): Msg => M('band', { band: b });
export const strandMsg = (s: Strand): Msg => M('strand', { strand: s });
export const placeMsg = (s: Phase): Msg => M('place', { setting: s });
/** "the Thinking Skills Programme", "Kaizen": a programme's name as it reads inside a sentence. */
export const programmeMsg = (name: string): Msg => M('programme', { article: theName(name) === name ? 'none' : 'the', name });
const codeMsg = (c: string): Msg => M('code', { code: c });

// ---------------------------------------------------------------------------
// Names and numbers.

/** "the Thinking Skills Programme", "Kaizen": a programme name that reads well inside a sentence. */
export function theName(name: string): string {
  return /\b(Programme|Intervention)\b/.test(name) && !/^the\b/i.test(name) ? `the ${name}` : name;
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
/** "high (60% and over)", or the band's name when it has no cut-off. */
const range = (band: string, from: number | undefined): MessageValue => (from === undefined ? bandMsg(band) : M('range', { band: bandMsg(band), from }));
const notRecorded = (k: keyof typeof SCORE_PATH): Msg => M('notRecorded', { score: scoreMsg(k), path: SCORE_PATH[k] });
/** A prerequisite action as a result names it: its id when the id may be quoted (engine/privacy.ts), else its position. */
const actionName = (a: { id?: string; index: number }): MessageValue => (isQuotableId(a.id) ? a.id : { id: 'common.action', data: { n: a.index + 1 } });

// ---------------------------------------------------------------------------
// One test.

/** " the Thinking Skills Programme needs" after a threshold, when a programme is judged. */
const needs = (needer?: Msg): MessageValue => (needer ? M('needs', { programme: needer }) : '');
const allows = (needer?: Msg): MessageValue => (needer ? M('allows', { programme: needer }) : '');
/** " the X is for", else " required" (after "as"). */
const asFor = (needer?: Msg): MessageValue => (needer ? M('isFor', { programme: needer }) : M('required'));

/** The risk of reoffending in words: the level and the scores that set it (or the ones recorded). */
export interface RiskOfReoffending {
  level: Level;
  /** The scores that set the level ("OVP 66% (high)"), or, for low, the scores recorded (none at medium or above). */
  because: string[];
  /** False when no score the definition uses is recorded: the level is then a guess. */
  known: boolean;
  relied: string[];
}

/** What set the risk of reoffending, as messages ("OVP 66% (high)"). */
export function rooBecause(r: RiskOfReoffendingResult): Msg[] {
  if (r.level !== 'low') return uniqMsgs(r.because.map(passMsg));
  if (!r.recorded.length) return [M('noRiskScore')];
  return r.recorded.map((s) => M('scoreIs', { score: scoreMsg(s.key), v: s.fraction !== undefined ? pct(s.fraction) : bandMsg(s.band!) }));
}

export function describeRiskOfReoffending(r: RiskOfReoffendingResult): RiskOfReoffending {
  return { level: r.level, because: rooBecause(r).map((m) => english(m)), known: r.known, relied: r.relied };
}

const rooShown = (r: RiskOfReoffendingResult): Msg => M('rooShown', { level: bandMsg(r.level), because: commaMsg(rooBecause(r)) });
const bandedValue = (v: number, band: string): Msg => M('banded', { v: pct(v), band: bandMsg(band) });

/** What would satisfy a test: "OGRS3 50% or more", "OSP/C medium, high or very high". */
export function needMsg(f: Fact): Msg {
  switch (f.kind) {
    case 'value': {
      const score = scoreMsg(f.key);
      const t = f.scale === 'fraction' ? pct(f.threshold) : f.threshold;
      return M(f.op === 'at_least' ? 'needAtLeast' : f.op === 'at_most' ? 'needAtMost' : f.scale === 'count' ? 'needUnder' : 'needBelow', { score, t });
    }
    case 'score_band':
      return f.op === 'at_least'
        ? M(f.bands[0] === 'very_high' ? 'needBand' : 'needBandOrAbove', { score: scoreMsg(f.key), band: range(f.bands[0], f.from[0]) })
        : M('needBand', { score: scoreMsg(f.key), band: orMsg(f.bands.map((b, i) => range(b, f.from[i]))) });
    case 'band':
      return f.op === 'at_least'
        ? M(f.bands[0] === 'very_high' ? 'needBand' : 'needBandOrAbove', { score: scoreMsg(f.key), band: bandMsg(f.bands[0]) })
        : M('needBand', { score: scoreMsg(f.key), band: orMsg(f.bands.map(bandMsg)) });
    case 'risk_of_reoffending':
      return f.op === 'at_least' ? M(f.levels[0] === 'high' ? 'needRoo' : 'needRooAtLeast', { level: bandMsg(f.levels[0]) }) : M('needRooIn', { levels: orMsg(f.levels.map(bandMsg)) });
    case 'erg22':
      return M('needErg22');
    case 'completed_first':
      return M('needCompletedFirst', { programmes: orMsg(f.names) });
    case 'setting':
      return M('needDelivery', { where: orMsg(f.in.map(placeMsg)) });
    case 'strand':
      return M('needStrand', { strands: orMsg(f.in.map(strandMsg)) });
  }
}

/** What holds: "OGRS3 61%", "OVP 66% (high)", "New Me Strengths completed (ACT-1)". */
export function passMsg(f: Fact): Msg {
  switch (f.kind) {
    case 'value':
      return M('scoreIs', { score: scoreMsg(f.key), v: f.scale === 'fraction' ? pct(f.value!, f.threshold) : f.value! });
    case 'score_band':
      return M('scoreIs', { score: scoreMsg(f.key), v: bandedValue(f.value!, f.band!) });
    case 'band':
      return M('scoreIs', { score: scoreMsg(f.key), v: bandMsg(f.value!) });
    case 'risk_of_reoffending':
      return M('rooPass', { shown: rooShown(f.roo) });
    case 'erg22':
      return M('erg22Done');
    case 'completed_first':
      return M('completedAs', { programme: f.done!.programme, action: actionName(f.done!) });
    case 'setting':
      return M('inSetting', { setting: f.value! });
    case 'strand':
      return M('strandIs', { strand: strandMsg(f.value!) });
  }
}

/** Why a test failed, or what to record when it is unknown. `needer` is the programme judged. */
export function whyMsg(t: Pick<TestOutcome, 'result' | 'fact'>, needer?: Msg): Msg {
  const f = t.fact;
  const unknown = t.result === 'unknown';
  switch (f.kind) {
    case 'value': {
      if (unknown) return notRecorded(f.key);
      const fraction = f.scale === 'fraction';
      const data = { score: scoreMsg(f.key), v: fraction ? pct(f.value!, f.threshold) : f.value!, t: fraction ? pct(f.threshold) : f.threshold };
      if (f.op === 'at_least') return M('belowThe', { ...data, by: needs(needer) });
      if (f.op === 'below') return M(fraction ? 'notBelowThe' : 'notUnderThe', { ...data, by: allows(needer) });
      return M('aboveThe', { ...data, by: allows(needer) });
    }
    case 'score_band': {
      if (f.value === undefined) return notRecorded(f.key);
      if (f.band === undefined) return M('noBands', { score: scoreMsg(f.key) });
      const data = { score: scoreMsg(f.key), v: bandedValue(f.value, f.band) };
      return f.op === 'at_least'
        ? M('belowBand', { ...data, band: range(f.bands[0], f.from[0]), by: needs(needer) })
        : M('outsideBand', { ...data, bands: orMsg(f.bands.map(bandMsg)), by: needer ? M('isFor', { programme: needer }) : '' });
    }
    case 'band': {
      if (f.notForWomen) return M('notForWomen', { score: scoreMsg(f.key) });
      if (f.value === undefined) return notRecorded(f.key);
      const data = { score: scoreMsg(f.key), v: bandMsg(f.value) };
      return f.op === 'at_least' ? M('belowThe', { ...data, t: bandMsg(f.bands[0]), by: needs(needer) }) : M('notAs', { ...data, bands: orMsg(f.bands.map(bandMsg)), by: asFor(needer) });
    }
    case 'risk_of_reoffending':
      if (unknown) return M('rooUnknown');
      return f.op === 'at_least'
        ? M('rooBelow', { shown: rooShown(f.roo), level: bandMsg(f.levels[0]), by: needs(needer) })
        : M('rooNotIn', { shown: rooShown(f.roo), levels: orMsg(f.levels.map(bandMsg)), by: asFor(needer) });
    case 'erg22':
      return unknown ? M('erg22Unknown') : M('erg22Missing', { by: needer ? needs(needer) : M('isNeeded') });
    case 'completed_first':
      return f.planned ? M('reliesOn', { action: actionName(f.planned), programme: f.planned.programme }) : M('needsFirst', { need: needMsg(f) });
    case 'setting':
      return unknown ? M('settingUnknown') : M('workIn', { setting: f.value! });
    case 'strand':
      return unknown ? M('strandUnknown') : M('theStrandIs', { strand: strandMsg(f.value!) });
  }
}

/** `needMsg`, `passMsg` and `whyMsg` in English. */
export const needText = (f: Fact): string => english(needMsg(f));
export const passText = (f: Fact): string => english(passMsg(f));
export const whyText = (t: Pick<TestOutcome, 'result' | 'fact'>, needer?: string): string => english(whyMsg(t, needer === undefined ? undefined : programmeMsg(needer)));

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

/** One aspect as messages. */
export interface AspectMessages {
  result: Tri;
  reasons: Msg[];
  needs: Msg[];
  relied: string[];
}

interface Words {
  reasons: Msg[];
  needs: Msg[];
}
const NONE: Words = { reasons: [], needs: [] };

function listWords(l: ListEval, needer: Msg): Words {
  const withTests = l.alternatives.filter((p) => p.tests.length);
  if (!withTests.length) return NONE;
  const needsOf = withTests.map((p): Msg => {
    const ns = p.tests.map((t) => needMsg(t.fact));
    return ns.length === 1 ? ns[0] : (andMsg(ns) as Msg);
  });
  if (l.result === true) return { reasons: l.alternatives.find((x) => x.result === true)!.tests.map((t) => passMsg(t.fact)), needs: needsOf };
  const reasons = withTests
    .filter((p) => p.result === l.result)
    .map((p) => {
      const ws = p.tests.filter((t) => t.result === l.result).map((t) => whyMsg(t, needer));
      return ws.length === 1 ? ws[0] : (semiMsg(ws) as Msg);
    });
  return { reasons: uniqMsgs(reasons), needs: needsOf };
}

/** Parts that must all hold: the reasons of those that decide the result, every part's needs. */
function allOf(parts: readonly (Words & { result: Tri })[], result: Tri): Words {
  const pick = result === true ? parts : parts.filter((p) => p.result === result);
  return { reasons: pick.flatMap((p) => p.reasons), needs: parts.flatMap((p) => p.needs) };
}

/** "an index offence of `sexual`, a previous sexual offence and sexual motivation". */
export function offenceConditionMsg(c: OffenceCondition): MessageValue {
  const parts: MessageValue[] = [];
  if (c.index_in) parts.push(M('indexIn', { offences: orMsg(c.index_in.map(codeMsg)) }));
  if (c.previous_sexual) parts.push(M('previousSexual'));
  if (c.sexual_motivation) parts.push(M('sexualMotivation'));
  if (c.gang_affiliation) parts.push(M('gangLinked'));
  return andMsg(parts);
}

function offenceMsg(off: OffenceEval['offence']): Msg {
  const index = off?.index ? M('indexOffence', { index: off.index }) : M('noIndex');
  const yes: Msg[] = [];
  if (off?.previous_sexual) yes.push(M('previousSexual'));
  if (off?.sexual_motivation) yes.push(M('sexualMotivation'));
  if (off?.gang_affiliation) yes.push(M('groupAffiliation'));
  return yes.length ? M('offenceWith', { index, flags: andMsg(yes) }) : M('offenceWithNone', { index });
}

const aspectWords: { [A in Aspect]: (e: AspectEvals[A], needer: Msg) => Words } = {
  gender(e) {
    if (!e.genders) return NONE;
    const gs = e.genders;
    const who = M('who', { genders: gs.length === 1 ? gs[0] : 'both' });
    const need = [M('deliveredTo', { who })];
    if (e.result === 'unknown') return { reasons: [M('genderUnknown')], needs: need };
    return { reasons: e.result ? [] : [M('forOnly', { programme: programmeMsg(e.programme), who })], needs: need };
  },
  strand(e) {
    if (e.result !== false) return { reasons: e.explicit ? [M('strandIs', { strand: strandMsg(e.explicit) })] : [], needs: [] };
    const strands = e.strands ?? [];
    return {
      reasons: [M('noSuchStrand', { programme: programmeMsg(e.programme), strand: strandMsg(e.explicit!), id: e.explicit!, strands: andMsg(strands.map((s) => M('strandWithId', { strand: strandMsg(s), id: s }))) })],
      needs: strands.map((s) => M('needStrand', { strands: strandMsg(s) })),
    };
  },
  offence(e) {
    const parts = e.parts.map((p) => {
      const need = orMsg(p.conditions.map(offenceConditionMsg));
      const reasons =
        p.result === true
          ? [M('offenceHistory', { offence: offenceMsg(e.offence) })]
          : p.result === 'unknown'
            ? [M('offenceUnknown')]
            : [M('offenceMismatch', { programme: programmeMsg(e.programme), need, offence: offenceMsg(e.offence) })];
      return { result: p.result, reasons, needs: [need as Msg] };
    });
    return allOf(parts, e.result);
  },
  setting(e) {
    if (!e.settings) return NONE;
    const where = orMsg(e.settings.map(placeMsg));
    const need = [M('needDelivery', { where })];
    if (e.result === 'unknown') return { reasons: [M('settingUnknown')], needs: need };
    const byStrand = e.byStrand ? M('forStrand', { strand: strandMsg(e.byStrand) }) : '';
    return { reasons: e.result ? [] : [M('settingOnly', { programme: programmeMsg(e.programme), byStrand, where, place: placeMsg(e.value!) })], needs: need };
  },
  risk(e, needer) {
    const parts = e.lists.map((l) => ({ result: l.result, ...listWords(l, needer) }));
    if (e.defaultFrom === undefined) return allOf(parts, e.result);
    const w = parts[0];
    return { reasons: e.result === false ? w.reasons.map((reason) => M('noOwnCriteria', { reason, level: bandMsg(e.defaultFrom!) })) : w.reasons, needs: w.needs };
  },
  prerequisite(e, needer) {
    return allOf(e.lists.map((l) => ({ result: l.result, ...listWords(l, needer) })), e.result);
  },
};

function wordsOf<A extends Aspect>(a: A, e: AspectEvals[A], needer: Msg): Words {
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

/** `Eligibility` as messages (what the rules report). */
export interface EligibilityMessages {
  eligible: Tri;
  reasons: Msg[];
  relied: string[];
  strand?: Strand;
  strandSource: StrandSource;
  aspects: Record<Aspect, AspectMessages>;
}

/** An evaluation as messages. `programme` is the one evaluated (its name goes into "the 50% … needs"). */
export function eligibilityMessages(r: EligibilityResult, programme: Programme): EligibilityMessages {
  const needer = programmeMsg(programme.name);
  const aspects = {} as Record<Aspect, AspectMessages>;
  for (const asp of ASPECTS) {
    const v = r.aspects[asp];
    let w: Words;
    if (!r.everyStrand) w = wordsOf(asp, v.best, needer);
    else {
      // Reasons that differ by strand are prefixed with it; the same reason for every strand is said once.
      const same = v.same.map((p) => ({ strand: p.strand!, w: wordsOf(asp, p.eval, needer) }));
      const k = (x: Words): string => key(x.reasons);
      const alike = same.every((p) => k(p.w) === k(same[0].w));
      w = {
        reasons: v.result === true || alike ? wordsOf(asp, v.best, needer).reasons : uniqMsgs(same.flatMap((p) => p.w.reasons.map((reason) => M('onStrand', { strand: strandMsg(p.strand), reason })))),
        needs: uniqMsgs(v.per.flatMap((p) => wordsOf(asp, p.eval, needer).needs)),
      };
    }
    aspects[asp] = { result: v.result, reasons: w.reasons, needs: w.needs, relied: v.relied };
  }
  return {
    eligible: r.eligible,
    reasons: uniqMsgs(r.explaining.flatMap((a) => aspects[a].reasons)),
    relied: r.relied,
    strand: r.strand,
    strandSource: r.strandSource,
    aspects,
  };
}

/** `eligibilityMessages` in English. */
export function describeEligibility(r: EligibilityResult, programme: Programme): Eligibility {
  const m = eligibilityMessages(r, programme);
  const aspects = {} as Record<Aspect, AspectResult>;
  for (const a of ASPECTS) {
    const x = m.aspects[a];
    aspects[a] = { result: x.result, reasons: x.reasons.map((y) => english(y)), needs: x.needs.map((y) => english(y)), relied: x.relied };
  }
  return { eligible: m.eligible, reasons: m.reasons.map((y) => english(y)), relied: m.relied, strand: m.strand, strandSource: m.strandSource, aspects };
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

/** The messages of `checkActionEligibility`, for the rules. */
export function actionEligibilityMessages(action: Action, programme: Programme, plan: Plan, catalogue: Catalogue | undefined, policy: Policy): EligibilityMessages {
  return eligibilityMessages(evaluateActionEligibility(action, programme, plan, catalogue, policy), programme);
}

function summaryMsg(eligible: Tri, reasons: readonly MessageValue[]): MessageValue {
  const head = M(eligible === true ? 'eligible' : eligible === false ? 'notEligible' : 'unknown');
  return reasons.length ? M('summary', { head, why: semiMsg(reasons) }) : head;
}

/** "eligible: OGRS3 61%" / "not eligible: OGRS3 is 31%, below …" / "eligibility unknown: record …" — for completion and hover. */
export function eligibilitySummary(e: Eligibility): string {
  return english(summaryMsg(e.eligible, e.reasons.join('; ') === '' ? [] : e.reasons));
}

/** The person's risk of reoffending for programme purposes, in words. */
export function riskOfReoffending(plan: Plan, policy: Policy): RiskOfReoffending {
  return describeRiskOfReoffending(assessRiskOfReoffending(plan, policy));
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

/** A version choice as messages: each option's `because` (what holds, fails or is unknown). */
export interface ChoiceMessages {
  options: { id: string; name: string; result: Tri; because: Msg[] }[];
  chosen?: string;
  relied: string[];
}

export function choiceMessages(c: VersionChoice): ChoiceMessages {
  const options = c.options.map((o) => {
    const r = o.when.result;
    const tests = o.when.tests.filter((t) => t.result === r);
    return { id: o.id, name: o.name, result: r, because: tests.map((t) => (r === true ? passMsg(t.fact) : whyMsg(t))) };
  });
  return { options, chosen: c.chosen, relied: c.relied };
}

export function describeChoice(c: VersionChoice): ChoiceResult {
  const m = choiceMessages(c);
  return { options: m.options.map((o) => ({ ...o, because: o.because.map((b) => english(b)) })), chosen: m.chosen, relied: m.relied };
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

/** " (catalogue value marked uncertain: …)" as a message, or "" when nothing uncertain was relied on. */
export function uncertainMsg(relied: readonly string[]): MessageValue {
  const r = uniq(relied);
  // A shipped note is a message (a locale words it); a team's own note is its text, as written.
  return r.length ? M('uncertain', { values: semiMsg(r.map((n) => (NOTE_IDS.has(n) ? { id: NOTE_IDS.get(n)! } : n))) }) : '';
}

/** The shipped catalogues' "uncertain" notes, by message id (`eligibility.note.<where>`), from the policy data. */
export const NOTE_MESSAGES: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  const walk = (v: unknown, path: string[]): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : String(i)]));
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (k !== 'uncertain') {
          walk(x, [...path, k]);
        } else if (typeof x === 'string') {
          out[`eligibility.note.${path.join('.')}`] = x;
        } else if (typeof x === 'object' && x !== null) {
          for (const [f, t] of Object.entries(x)) if (typeof t === 'string') out[`eligibility.note.${[...path, f].join('.')}`] = t;
        }
      }
  };
  walk(programmesData, []);
  walk(riskData, ['risk']);
  for (const k of Object.keys(out)) out[k] = out[k].replace(/'/g, "''").replace(/[{}]/g, "'$&'");
  return out;
})();
/** A note's text → its id (the first place that says it, when two say the same). */
const NOTE_IDS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [id, t] of Object.entries(NOTE_MESSAGES)) {
    const text = t.replace(/'([{}])'/g, '$1').replace(/''/g, "'");
    if (!m.has(text)) m.set(text, id);
  }
  return m;
})();

/** The verdict for a programme id as messages (undefined outside the catalogue). */
export function verdictMessages(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): { verdict: ProgrammeVerdict['verdict']; text: MessageValue; reasons: MessageValue[] } | undefined {
  const s = programmeStanding(plan, programmeId, catalogue, policy, action);
  if (!s) return undefined;
  if (s.kind === 'legacy') {
    const c = s.replacement;
    const why = c.chosen ? M('replacedByForThisPerson', { id: c.chosen }) : M('replacedBy', { ids: orMsg(c.options.map((o) => codeMsg(o.id))) });
    return { verdict: 'withdrawn', text: M('withdrawn', { why }), reasons: [why] };
  }
  const e = eligibilityMessages(s.eligibility, s.programme);
  return {
    verdict: e.eligible === true ? 'eligible' : e.eligible === false ? 'not_eligible' : 'unknown',
    text: M('verdict', { summary: summaryMsg(e.eligible, e.reasons), uncertain: uncertainMsg(e.relied) }),
    reasons: e.reasons,
  };
}

export function programmeVerdict(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): ProgrammeVerdict | undefined {
  const v = verdictMessages(plan, programmeId, catalogue, policy, action);
  return v && { verdict: v.verdict, text: english(v.text), reasons: v.reasons.map((r) => english(r)) };
}

/**
 * The one line completion and hover show for a programme id in this plan: "eligible: OGRS3
 * 61%", "not eligible: OGRS3 is 31%, below …", "eligibility unknown: OGRS3 is not recorded: …";
 * for a withdrawn programme, what replaced it. Undefined for an id outside the catalogue.
 */
export function programmeEligibilityText(plan: Plan, programmeId: string, catalogue: Catalogue, policy: Policy, action?: Action): string | undefined {
  return programmeVerdict(plan, programmeId, catalogue, policy, action)?.text;
}
