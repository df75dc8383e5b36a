// The linguistic analysis behind smart/specific and smart/measurable: it reads an objective's
// sentence, not a word list. Pure and deterministic (no clock, no I/O, no network).
//
// Specific (the description). The words are tagged (nlp.ts), then split into verb phrases: a
// verb, what it acts on (its object or the noun after its preposition) and what comes with it
// (amounts, frequencies, dates). Clauses that only give a purpose ("to reduce risk"), a condition
// ("if the victim agrees") or a relative clause are set aside; means ("by attending ...") count.
// A phrase names a concrete act when its verb is not a light verb ("address", "work on",
// "engage with") and its object is not abstract ("insight", "attitudes", "risk"), a bare kind of
// work ("interventions", "support") or a placeholder ("appropriate", "as required"); or when a
// light verb comes with an amount or a frequency and a concrete object ("reduce his methadone
// from 60ml to 30ml"). A linking verb ("be", "stay") is concrete only with a checkable state
// ("alcohol-free"). A note with no verb is specific when it names a thing and a time or
// frequency ("AA weekly post-release"). The description is specific when one phrase is.
//
// Measurable (the measure). It is an opinion when it carries a word of opinion, feeling or
// unquantified change ("satisfied", "improved", "better", "settled", "insight"): naming a report
// or counting sessions does not change that. Otherwise it is measurable when it states something
// checkable: a number, a document or record, a result or criterion ("negative", "no
// adjudications"), or a fact reported by a verb ("signed", "issued", "attends"). A check with no
// result ("monitored", "taken into account") is not.
//
// The vocabularies are policy data (policy/smart.json); this file is the grammar.
import type { SmartPolicy } from '../../policy/smart.js';
import smartData from '../../policy/smart.json';
import type { MessageValue } from '../../engine/messages.js';
import { escapeTemplate } from '../../engine/schemaText.js';
import { type Tagger, type Token, winkTagger } from './nlp.js';

// ---------------------------------------------------------------------------------------------
// Vocabularies compiled for matching: verbs with their inflections, nouns with their plurals.

const IRREGULAR: Record<string, string[]> = {
  be: ['am', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", "'m"],
  have: ['has', 'had', 'having'], do: ['does', 'did', 'done', 'doing'], make: ['made'], take: ['took', 'taken'],
  think: ['thought'], feel: ['felt'], show: ['shown'], keep: ['kept'], deal: ['dealt'], get: ['got', 'gotten'],
  see: ['saw', 'seen'], go: ['went', 'gone', 'goes'], give: ['gave', 'given'], write: ['wrote', 'written'],
  bring: ['brought'], find: ['found'], meet: ['met'], pay: ['paid'], repay: ['repaid'], send: ['sent'], tell: ['told'],
  leave: ['left'], sit: ['sat'], build: ['built'], understand: ['understood'], become: ['became'],
  learn: ['learnt'], seek: ['sought'], draw: ['drew', 'drawn'], overcome: ['overcame'], buy: ['bought'],
  hold: ['held'], wear: ['wore', 'worn'], grow: ['grew', 'grown'], read: ['read'], say: ['said', 'says'],
  lead: ['led'], spend: ['spent'], stand: ['stood'], begin: ['began', 'begun'], teach: ['taught'], cut: ['cut', 'cutting'],
  set: ['set', 'setting'], put: ['put', 'putting'], quit: ['quit', 'quitting'], stop: ['stopped', 'stopping'],
  plan: ['planned', 'planning'], ring: ['rang', 'rung'], study: ['studied', 'studies'], apply: ['applied', 'applies'],
  try: ['tried', 'tries'], rely: ['relied', 'relies'], satisfy: ['satisfied', 'satisfies'], comply: ['complied', 'complies'],
};

/** Inflected forms of a word used as a verb (over-generation is harmless: the forms are only looked up). */
function verbForms(w: string): string[] {
  const out = new Set([w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`]);
  if (w.endsWith('e')) out.add(`${w.slice(0, -1)}ing`);
  if (w.endsWith('y')) { out.add(`${w.slice(0, -1)}ies`); out.add(`${w.slice(0, -1)}ied`); }
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(w) && w.length <= 5) { out.add(`${w}${w.slice(-1)}ed`); out.add(`${w}${w.slice(-1)}ing`); }
  for (const f of IRREGULAR[w] ?? []) out.add(f);
  return [...out];
}

/** Singular of a noun, roughly ("issues" → "issue", "agencies" → "agency"). */
function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

function split(phrase: string): string[] {
  return phrase.toLowerCase().replace(/[’‘]/g, "'").split(/\s+/).filter((w) => w !== '');
}

/** A list of phrases; the first word of each may be inflected (verbs) or plural (nouns). */
interface Phrases {
  /** first word form → the phrases (as word arrays after the first), longest first, and the entry. */
  byFirst: Map<string, { rest: string[]; entry: string }[]>;
}
function phrases(list: readonly string[], inflect: 'verb' | 'noun' | 'none'): Phrases {
  const byFirst = new Map<string, { rest: string[]; entry: string }[]>();
  for (const entry of list) {
    const ws = split(entry);
    if (!ws.length) continue;
    const firsts = inflect === 'verb' ? verbForms(ws[0]) : inflect === 'noun' ? [ws[0], `${ws[0]}s`, `${ws[0]}es`] : [ws[0]];
    for (const f of firsts) {
      let l = byFirst.get(f);
      if (!l) byFirst.set(f, (l = []));
      l.push({ rest: ws.slice(1), entry: ws.join(' ') });
    }
  }
  for (const l of byFirst.values()) l.sort((a, b) => b.rest.length - a.rest.length);
  return { byFirst };
}

/** The longest phrase of `p` starting at token i: its length in tokens and its entry. */
function matchAt(p: Phrases, toks: readonly Token[], i: number, useLemma = false): { len: number; entry: string } | undefined {
  const t = toks[i];
  const cands = p.byFirst.get(t.lower) ?? (useLemma ? p.byFirst.get(t.lemma) : undefined);
  if (!cands) return undefined;
  for (const c of cands) {
    let ok = true;
    for (let j = 0; j < c.rest.length; j++) {
      const u = toks[i + 1 + j];
      if (!u || (u.lower !== c.rest[j] && singular(u.lower) !== c.rest[j])) { ok = false; break; }
    }
    if (ok) return { len: 1 + c.rest.length, entry: c.entry };
  }
  return undefined;
}

interface Lexicon {
  light: Phrases; action: Phrases; actionBase: Set<string>; copula: Phrases; states: Phrases;
  abstract: Set<string>; generic: Set<string>; placeholders: Phrases; notes: Phrases;
  obtaining: Phrases; tangible: Set<string>;
  opinion: Phrases; process: Phrases; evidence: Set<string>; results: Phrases; notFacts: Set<string>;
  typoTargets: string[];
}

const lexCache = new WeakMap<SmartPolicy, Lexicon>();
function lexicon(sp: SmartPolicy): Lexicon {
  let lx = lexCache.get(sp);
  if (!lx) {
    const nouns = (l: readonly string[]) => new Set(l.map((w) => split(w).join(' ')));
    lx = {
      light: phrases(sp.light_verbs, 'verb'),
      action: phrases(sp.action_verbs, 'verb'),
      actionBase: new Set(sp.action_verbs.filter((w) => !w.includes(' ')).map((w) => w.toLowerCase())),
      copula: phrases(sp.copula_verbs, 'verb'),
      states: phrases(sp.concrete_states, 'none'),
      abstract: nouns(sp.abstract_nouns),
      generic: nouns(sp.generic_nouns),
      obtaining: phrases(sp.obtaining_verbs, 'verb'),
      tangible: nouns(sp.tangible_needs),
      placeholders: phrases(sp.placeholders, 'none'),
      notes: phrases(sp.note_words, 'none'),
      opinion: phrases(sp.opinion_markers, 'verb'),
      process: phrases(sp.process_words, 'verb'),
      evidence: nouns(sp.evidence_nouns),
      results: phrases(sp.result_words, 'none'),
      notFacts: new Set(sp.fact_verbs_exclude.flatMap((w) => verbForms(w.toLowerCase()))),
      typoTargets: [...new Set([...sp.light_verbs, ...sp.action_verbs].filter((w) => !w.includes(' ') && w.length >= 5).map((w) => w.toLowerCase()))],
    };
    lexCache.set(sp, lx);
  }
  return lx;
}

// ---------------------------------------------------------------------------------------------
// Word classes that are grammar, not policy.

const NUMBER_WORDS = new Set(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'dozen', 'once', 'twice', 'half', 'fortnight', 'first', 'second', 'third',
  'fourth', 'fifth', 'sixth', 'single', 'both']);
const FREQUENCY = new Set(['daily', 'weekly', 'fortnightly', 'monthly', 'nightly', 'yearly', 'annually', 'quarterly', 'every', 'each', 'per']);
const TIME_WORDS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'post-release', 'pre-release',
  'release', 'week', 'weeks', 'month', 'months', 'day', 'days', 'year', 'years', 'fortnight', 'licence', 'crd', 'hdc']);
const CONDITION = new Set(['if', 'when', 'whenever', 'while', 'whilst', 'until', 'unless', 'once', 'because', 'since', 'although', 'though', 'whether', 'as soon as']);
const RELATIVE = new Set(['who', 'whom', 'which', 'that', 'what', 'whatever', 'whichever', 'where', 'how']);
const MEANS = new Set(['by', 'through', 'via']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'you']);
/** Verbs whose "to" infinitive is their content ("continue to comply", "try to engage"). */
const CATENATIVE = new Set(['continue', 'try', 'aim', 'strive', 'seek', 'need', 'want', 'agree', 'start', 'begin', 'learn', 'attempt', 'wish', 'plan', 'hope', 'expect', 'work']);
const COMPARATIVES = new Set(['better', 'worse', 'more', 'less', 'fewer', 'greater', 'lesser', 'healthier', 'safer', 'stronger', 'closer', 'wider', 'happier', 'calmer', 'improved']);
/** Verbs of giving something up: what is given up is a behaviour anyone can check. */
const CESSATION = new Set(['stop', 'quit', 'give up', 'cease', 'abstain', 'abstain from']);
/** Verbs of telling, whose recipient makes the duty concrete. */
const RECIPIENT = new Set(['tell', 'disclose', 'declare', 'report', 'notify', 'inform', 'explain', 'show', 'give', 'hand', 'send', 'hand over']);
const NOT_ABSTRACT = new Set(['university', 'charity', 'facility', 'authority', 'city', 'entity', 'community centre', 'business', 'witness', 'activity centre']);
const BE = new Set(verbForms('be'));
const CHANGE = new Set(['improve', 'improved', 'improves', 'improvement', 'increase', 'increased', 'increases', 'decrease', 'decreased', 'reduce', 'reduced', 'reduces', 'reduction',
  'more', 'less', 'fewer', 'lower', 'higher', 'greater', 'better', 'worse']);

const isNum = (t: Token | undefined) => !!t && (t.pos === 'NUM' || /\d/.test(t.text) || NUMBER_WORDS.has(t.lower));
const isNounish = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'X';
const isPunct = (t: Token) => t.pos === 'PUNCT' || /^[;:.,!?()[\]"]$/.test(t.text);
const isBoundary = (t: Token) => t.text === ';' || t.text === '.' || t.text === ':' || t.text === '!' || t.text === '?';
/** A capitalised word inside the text, or an acronym: a name of a programme, service or place. */
const isName = (t: Token, i: number) => (t.pos === 'PROPN' && (i > 0 || /^[A-Z]{2,}/.test(t.text))) || /^[A-Z][A-Z0-9&-]+s?$/.test(t.text) || (i > 0 && /^[A-Z][a-z]/.test(t.text) && isNounish(t));

/** Optimal string alignment distance, bounded (for typos like "adress", "reigster"). */
function osa(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 9;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const c = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + c);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.

export interface Judgement {
  ok: boolean;
  /** What made it not SMART: a short phrase built from the text's own common words (never a name, a number or more than ~40 characters). */
  phrase?: string;
  /** Why, as a category the message explains. */
  reason?: 'light-verb' | 'abstract' | 'placeholder' | 'disposition' | 'note' | 'no-act' | 'opinion' | 'no-result' | 'nothing-checkable';
  /** For the hover: what made it SMART (a kind of evidence or act), in plain words. */
  basis?: string;
}

/** A safe short phrase: only lower-case common words (no names, digits, ids), at most ~40 characters. */
export function safePhrase(words: readonly string[]): string | undefined {
  const ws = words.filter((w) => /^[a-z][a-z'-]*$/.test(w));
  if (!ws.length) return undefined;
  let s = ws.join(' ');
  while (s.length > 40 && ws.length > 1) { ws.pop(); s = `${ws.join(' ')}`; }
  return s.length <= 40 ? s : undefined;
}
const phraseOf = (toks: readonly Token[], from: number, to: number) =>
  safePhrase(toks.slice(from, to).filter((t, i) => !isName(t, from + i) && !isNum(t) && !isPunct(t)).map((t) => t.lower));

function isAbstract(lx: Lexicon, t: Token): boolean {
  const w = t.lower;
  const s = singular(w);
  if (NOT_ABSTRACT.has(s)) return false;
  if (lx.abstract.has(w) || lx.abstract.has(s) || lx.abstract.has(t.lemma)) return true;
  return w.length > 6 && /(ness|ity|ities|ism|isms)$/.test(w);
}
const isGeneric = (lx: Lexicon, t: Token) => lx.generic.has(t.lower) || lx.generic.has(singular(t.lower)) || lx.generic.has(t.lemma);

function placeholderIn(lx: Lexicon, toks: readonly Token[], from: number, to: number): string | undefined {
  for (let i = from; i < to; i++) {
    const m = matchAt(lx.placeholders, toks, i);
    if (m && i + m.len <= to) return m.entry;
  }
  return undefined;
}

function anchorIn(toks: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (isNum(t) || FREQUENCY.has(t.lower)) return true;
    if (t.lower === 'a' || t.lower === 'per') {
      const n = toks[i + 1]?.lower;
      if (n && /^(day|week|month|year|fortnight|night)$/.test(n)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Specific.

interface Phrase {
  verb: number; end: number; kind: 'light' | 'copula' | 'act';
  /** Index just after the verb (and its particles). */
  after: number;
  entry: string;
  passive: boolean;
  subjectFrom: number;
}

/** Tag a description, mending what taggers get wrong in terse imperative notes. */
function tagDescription(text: string, lx: Lexicon, tag: Tagger): Token[] {
  const first = /^\s*([A-Z][a-z'’]+)\b/.exec(text);
  const lowered = first ? text.replace(first[1], first[1].toLowerCase()) : text;
  const toks = tag(lowered).map((t) => ({ ...t }));
  if (!toks.length) return toks;
  const t0 = toks[0];
  const next = toks[1];
  // "Finances to be addressed", "Housing is to be looked at": a subject, not an imperative
  const subject = (next?.lower === 'to' && toks[2] && BE.has(toks[2].lower)) || (next && BE.has(next.lower));
  if (subject && t0.pos === 'VERB') t0.pos = 'NOUN';
  if (subject) { /* not an imperative */ } else if (t0.pos !== 'VERB' && t0.pos !== 'AUX') {
    // "Open bank account", "Sign VDT compact", "Ring St Mungo's": an imperative at the start.
    let verb = lx.actionBase.has(t0.lower) && next?.lower !== 'of' && next?.pos !== 'VERB';
    if (!verb && next && /^(DET|PRON|PROPN|ADP|CCONJ|NUM|ADV|PART)$/.test(next.pos)) {
      const re = tag(`I will ${lowered}`);
      verb = re[2]?.pos === 'VERB' && re[2]?.lower === t0.lower;
    }
    if (!verb && t0.lower.length >= 5 && !matchAt(lx.light, toks, 0)) {
      // a typo of a verb we know ("adress", "reigster")
      const fix = lx.typoTargets.find((w) => osa(t0.lower, w) <= 1);
      if (fix) { t0.lower = fix; t0.lemma = fix; verb = true; }
    }
    if (verb) t0.pos = 'VERB';
  } else if (!matchAt(lx.light, toks, 0) && !matchAt(lx.action, toks, 0) && t0.lower.length >= 5) {
    const fix = lx.typoTargets.find((w) => osa(t0.lower, w) <= 1 && w !== t0.lower);
    if (fix) { t0.lower = fix; t0.lemma = fix; }
  }
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    // after "will", "to", "must": a verb ("Mr A will complete ...", tagged as an adjective)
    if (t.pos !== 'VERB' && /^(will|shall|must|should|to|can)$/.test(prev.lower) && (prev.pos === 'AUX' || prev.pos === 'PART')
      && (lx.actionBase.has(t.lower) || lx.light.byFirst.has(t.lower))) { t.pos = 'VERB'; continue; }
    if (t.pos !== 'VERB') continue;
    // a participle or gerund before a noun is a modifier ("known adults", "offending behaviour", "positive, structured routines")
    if (/(ed|en|ing)$/.test(t.lower) && toks[i + 1] && isNounish(toks[i + 1]) && (/^(DET|ADP|PRON|ADJ|NUM|VERB|CCONJ)$/.test(prev.pos) || ((prev.text === ',' || isNounish(prev)) && /ed$/.test(t.lower)))
      && !(MEANS.has(prev.lower) && t.lower.endsWith('ing'))) { t.pos = 'ADJ'; continue; }
    // a gerund after a preposition or a possessive is a noun ("of budgeting", "his offending"), except a means ("by attending")
    if (t.lower.endsWith('ing') && ((prev.pos === 'ADP' && !MEANS.has(prev.lower) && !/^(on|at|about|towards|into)$/.test(prev.lower)) || /^(his|her|their|my|your|its)$/.test(prev.lower))) { t.pos = 'NOUN'; continue; }
  }
  return toks;
}

function findPhrases(toks: Token[], lx: Lexicon): { phrases: Phrase[]; skipped: boolean[] } {
  const out: Phrase[] = [];
  const skipped = new Array<boolean>(toks.length).fill(false);
  const skipTo = (from: number, commaEnds = true) => {
    let j = from;
    while (j < toks.length && !isBoundary(toks[j]) && !(commaEnds && toks[j].text === ',')) { skipped[j] = true; j++; }
    return j;
  };
  const clauseHasVerb = (from: number) => {
    for (let j = from; j < toks.length && !isBoundary(toks[j]) && toks[j].text !== ','; j++) if (toks[j].pos === 'VERB' || (toks[j].pos === 'AUX' && j > from)) return true;
    return false;
  };
  let clauseStart = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (isBoundary(t)) { clauseStart = i + 1; continue; }
    // purposes, conditions and relative clauses are not what the person will do
    const two = `${t.lower} ${toks[i + 1]?.lower ?? ''}`;
    if ((two === 'in order' || two === 'so that' || two === 'so as' || two === 'so we' || two === 'so he' || two === 'so she' || two === 'so they'
      || (two === 'with a' && toks[i + 2]?.lower === 'view')) && out.length) { i = skipTo(i, false) - 1; continue; }
    if ((CONDITION.has(t.lower) || (t.lower === 'as' && toks[i + 1]?.lower === 'soon')) && clauseHasVerb(i + 1)) { i = skipTo(i) - 1; continue; }
    if ((t.lower === 'before' || t.lower === 'after') && toks[i + 1] && SUBJECT_PRONOUNS.has(toks[i + 1].lower)) { i = skipTo(i) - 1; continue; }
    if (RELATIVE.has(t.lower) && out.length && clauseHasVerb(i + 1) && t.pos !== 'DET') { i = skipTo(i) - 1; continue; }
    if (SUBJECT_PRONOUNS.has(t.lower) && out.length) {
      // "... who he spends time with", "... the people he used to": a clause inside the object
      let j = i + 1;
      while (toks[j] && (toks[j].pos === 'AUX' || toks[j].pos === 'ADV' || toks[j].pos === 'PART')) j++;
      if (toks[j]?.pos === 'VERB') { i = skipTo(i) - 1; continue; }
    }
    const isVerb = t.pos === 'VERB' || (t.pos === 'AUX' && (BE.has(t.lower) || /^(have|has|get|gets|do|does)$/.test(t.lower)) && !isVerbAhead(toks, i + 1));
    if (!isVerb) continue;
    if (out.length) {
      const prev = toks[i - 1];
      // inside an object, not a new act: "interventions offered by", "as directed", "the role drugs have played",
      // "whatever is identified", "accommodation needs"
      const participle = /(ed|en)$/.test(t.lower) && t.lemma !== t.lower;
      if ((participle && prev && (isNounish(prev) || prev.lower === 'as')) || (prev && prev.pos === 'AUX' && !/^(to|will)$/.test(prev.lower) && i - 2 > out[out.length - 1].verb)
        || (/[^s]s$/.test(t.lower) && t.lemma !== t.lower && prev && isNounish(prev))) { i = skipTo(i) - 1; continue; }
    }
    // "to" + verb after a phrase is a purpose ("engage ... to reduce the risk"), unless the verb
    // before takes it as its content ("continue to comply", "try to engage")
    if (toks[i - 1]?.lower === 'to' && out.length) {
      const last = out[out.length - 1];
      const lastVerb = toks[last.verb];
      if (last.after >= i - 1 && (CATENATIVE.has(lastVerb.lemma) || CATENATIVE.has(lastVerb.lower))) out.pop();
      else { i = skipTo(i) - 1; continue; }
    }
    // a passive: "to be addressed", "is made"
    let k = i - 1;
    while (k >= 0 && (toks[k].pos === 'ADV' || toks[k].lower === 'not')) k--;
    const passive = t.pos === 'VERB' && k >= 0 && BE.has(toks[k].lower);
    const light = matchAt(lx.light, toks, i, true);
    const action = matchAt(lx.action, toks, i, true);
    const copula = (t.pos === 'AUX' && BE.has(t.lower)) || (!light && !(action && action.len > 1) && matchAt(lx.copula, toks, i, true));
    let kind: Phrase['kind'];
    let len = 1;
    let entry = t.lower;
    if (light && (!action || light.len >= action.len)) { kind = 'light'; len = light.len; entry = light.entry; }
    else if (copula) { kind = 'copula'; len = (copula as { len: number }).len ?? 1; entry = t.lemma; }
    else { kind = 'act'; if (action) { len = action.len; entry = action.entry; } else entry = t.lemma || t.lower; }
    out.push({ verb: i, end: i + len, kind, after: i + len, entry, passive, subjectFrom: clauseStart });
    i += len - 1;
  }
  // each phrase runs to the next phrase or the end of its clause
  for (let p = 0; p < out.length; p++) {
    let e = out[p].after;
    const stop = p + 1 < out.length ? out[p + 1].verb : toks.length;
    while (e < stop && !isBoundary(toks[e])) e++;
    out[p].end = e;
  }
  return { phrases: out, skipped };
}

function isVerbAhead(toks: readonly Token[], i: number): boolean {
  let j = i;
  while (toks[j] && (toks[j].pos === 'ADV' || toks[j].pos === 'PART' || toks[j].lower === 'not')) j++;
  return toks[j]?.pos === 'VERB' || toks[j]?.pos === 'AUX';
}

interface ObjectInfo { heads: number[]; from: number; to: number; names: boolean; modifiers: boolean; comparative: boolean; nums: boolean }

/** The object of a phrase: the noun phrase after the verb (or after its preposition), coordinated nouns included. */
function objectOf(lx: Lexicon, toks: readonly Token[], skipped: readonly boolean[], from: number, to: number): ObjectInfo {
  const genericWord = (t: Token) => isGeneric(lx, t) && !isAbstract(lx, t);
  let i = from;
  while (i < to && (skipped[i] || toks[i].pos === 'ADV' || toks[i].pos === 'PART' || toks[i].pos === 'ADP' || toks[i].text === '-' || (toks[i].pos === 'PRON' && /^(him|her|them|himself|herself|themselves|it|me|myself)$/.test(toks[i].lower)))) i++;
  const start = i;
  const heads: number[] = [];
  let names = false, modifiers = false, comparative = false, nums = false;
  let lastNoun = -1;
  let ofUsed = false;
  for (; i < to; i++) {
    const t = toks[i];
    if (skipped[i]) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'X') {
      // "the issues Mr X raised": a name after a plural noun, or a title, starts a clause of its own
      if (/^(mr|mrs|ms|miss|dr)$/.test(t.lower) || (lastNoun >= 0 && lastNoun === i - 1 && toks[lastNoun].pos === 'NOUN' && /[^s]s$/.test(toks[lastNoun].lower) && isName(t, i))) break;
      if (lastNoun === -2) { if (isName(t, i)) names = true; continue; } // inside "of ...": names count, the head stays
      // a noun modifier qualifies a kind of work ("the drug awareness course"), a generic one does not ("a support network")
      if (lastNoun >= 0 && (lastNoun === i - 1 || toks[i - 1]?.text === '-') && !genericWord(toks[lastNoun])) modifiers = true;
      lastNoun = i;
      if (isName(t, i)) names = true;
      continue;
    }
    if (isNum(t)) { nums = true; continue; }
    if (COMPARATIVES.has(t.lower)) { comparative = true; continue; }
    // a tagger's adjective at the end of a noun phrase is its head ("a supported housing flat in ...")
    if (t.pos === 'ADJ' && lastNoun === i - 1 && toks[lastNoun].pos === 'NOUN' && (!toks[i + 1] || /^(ADP|PUNCT|CCONJ)$/.test(toks[i + 1].pos))) {
      modifiers = true;
      lastNoun = i;
      continue;
    }
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'PRON' || t.pos === 'SYM' || t.text === '-' || t.text === "'s" || t.pos === 'PART' || t.text === '&') continue;
    if (t.pos === 'CCONJ' || t.text === ',') {
      const n = toks[i + 1];
      if (n && /^(NOUN|PROPN|DET|ADJ|PRON|NUM)$/.test(n.pos) && !skipped[i + 1]) { if (lastNoun >= 0) heads.push(lastNoun); lastNoun = -1; continue; }
      break;
    }
    if (t.lower === 'of' && !ofUsed && lastNoun >= 0) {
      // "a copy of his birth certificate", "sessions of the Building Choices programme": names count, the head stays
      heads.push(lastNoun);
      lastNoun = -2;
      ofUsed = true;
      continue;
    }
    if (t.pos === 'ADV') continue;
    break;
  }
  if (lastNoun >= 0) heads.push(lastNoun);
  return { heads, from: start, to: i, names, modifiers, comparative, nums };
}

function judgePhrase(toks: Token[], skipped: boolean[], ph: Phrase, lx: Lexicon): { concrete: boolean; reason?: Judgement['reason']; phrase?: string } {
  const region = [ph.after, ph.end] as const;
  let obj = objectOf(lx, toks, skipped, ph.after, ph.end);
  if (ph.passive && !obj.heads.length) obj = objectOf(lx, toks, skipped, ph.subjectFrom, ph.verb);
  const placeholder = placeholderIn(lx, toks, region[0], region[1]);
  const headsAbstract = obj.heads.filter((h) => isAbstract(lx, toks[h]) && !isName(toks[h], h));
  const headsGeneric = obj.heads.filter((h) => !isAbstract(lx, toks[h]) && isGeneric(lx, toks[h]) && !isName(toks[h], h));
  const qualifiedGeneric = (obj.names || obj.modifiers || obj.nums || anchorIn(toks, obj.from, obj.to)) && !placeholder;
  const concreteHeads = obj.heads.filter((h) => !headsAbstract.includes(h) && (!headsGeneric.includes(h) || qualifiedGeneric));
  const focus = headsAbstract[0] ?? headsGeneric[0] ?? obj.heads[0];
  const show = (extra?: string) => {
    const verbWords = split(ph.entry);
    const tail = extra ?? (focus === undefined ? undefined : phraseOf(toks, Math.max(obj.from, focus - 2), focus + 1));
    return safePhrase([...verbWords, ...(tail ? tail.split(' ') : [])]);
  };
  if (ph.kind === 'copula') {
    for (let i = ph.after; i < ph.end; i++) {
      if (skipped[i]) continue;
      const t = toks[i];
      if (matchAt(lx.states, toks, i) || /-free$/.test(t.lower) || (t.lower === 'free' && toks[i - 1]?.text === '-')) {
        // "stay out of the exclusion zone", but not "stay out of trouble"
        const after = toks.slice(i + 1, ph.end).filter((u, k) => !skipped[i + 1 + k] && isNounish(u));
        if (!obj.comparative && !after.some((u) => isAbstract(lx, u) && !isName(u, toks.indexOf(u)))) return { concrete: true };
      }
    }
    return { concrete: false, reason: 'disposition', phrase: show(phraseOf(toks, ph.after, Math.min(ph.end, ph.after + 4))) };
  }
  if (CESSATION.has(ph.entry) && !obj.comparative) return { concrete: true }; // "stop drinking", "give up cannabis": a checkable behaviour
  if (obj.comparative && !obj.nums && !anchorIn(toks, ph.after, ph.end)) return { concrete: false, reason: ph.kind === 'light' ? 'light-verb' : 'abstract', phrase: show(phraseOf(toks, obj.from, Math.min(obj.to, obj.from + 4))) };
  if (ph.kind === 'light') {
    const anchored = anchorIn(toks, ph.after, ph.end);
    if (anchored && concreteHeads.length && !placeholder) return { concrete: true };
    return { concrete: false, reason: 'light-verb', phrase: show() };
  }
  // an act: concrete unless what it acts on is abstract, a bare kind of work or a placeholder
  const objWords = toks.slice(obj.from, obj.to).map((t) => t.lower);
  if (objWords[0] === 'whatever' || objWords[0] === 'whichever' || (toks[obj.from]?.lower === 'whatever')) return { concrete: false, reason: 'placeholder', phrase: safePhrase([ph.entry, 'whatever']) };
  if (!obj.heads.length && /^(that|how)$/.test(toks[ph.after]?.lower ?? '')) {
    // "show that he can ...", "prove that ...": an evaluation, not an act
    return { concrete: false, reason: 'abstract', phrase: safePhrase([...split(ph.entry), toks[ph.after].lower]) };
  }
  if (!obj.heads.length) {
    // "keep himself safe", "make himself available": a disposition
    for (let i = ph.after; i < ph.end && !skipped[i]; i++) {
      const t = toks[i];
      if (t.pos === 'ADJ' && !matchAt(lx.states, toks, i) && !/-free$/.test(t.lower)) return { concrete: false, reason: 'disposition', phrase: safePhrase([...split(ph.entry), t.lower]) };
      if (!/^(PRON|ADV|PART|ADJ)$/.test(t.pos)) break;
    }
    // "whatever is identified", "as directed": nothing but a placeholder
    if (placeholder && (toks[ph.after]?.lower === 'whatever' || toks[ph.after]?.lower === 'as' || toks[ph.after]?.lower === 'all')) return { concrete: false, reason: 'placeholder', phrase: safePhrase([ph.entry, ...split(placeholder)]) };
    return { concrete: true };
  }
  if (concreteHeads.length) return { concrete: true };
  // "secure accommodation", "agree release accommodation with the COM", "find employment": a
  // need area a person can have, after a verb of getting it, is a result two officers agree on
  const obtaining = matchAt(lx.obtaining, toks, ph.verb, true);
  if (obtaining && !placeholder && obj.heads.some((h) => lx.tangible.has(toks[h].lower) || lx.tangible.has(singular(toks[h].lower)) || lx.tangible.has(toks[h].lemma))) return { concrete: true };
  if (RECIPIENT.has(ph.entry)) {
    // "disclose any new relationship to his COM": a duty to tell someone named is concrete
    for (let i = obj.to; i < ph.end; i++) if (!skipped[i] && (isName(toks[i], i) || (isNounish(toks[i]) && !isAbstract(lx, toks[i]) && !isGeneric(lx, toks[i])))) return { concrete: true };
  }
  if (headsGeneric.length && !headsAbstract.length) return { concrete: false, reason: 'placeholder', phrase: show() };
  return { concrete: false, reason: 'abstract', phrase: show() };
}

/** Judge a description: is it Specific? */
export function judgeSpecific(text: string, sp: SmartPolicy, tag: Tagger = winkTagger): Judgement {
  const lx = lexicon(sp);
  const toks = tagDescription(text, lx, tag);
  if (!toks.length) return { ok: false, reason: 'no-act' };
  const { phrases: found, skipped } = findPhrases(toks, lx);
  const judged = found.map((p) => ({ p, j: judgePhrase(toks, skipped, p, lx) }));
  const good = judged.find((x) => x.j.concrete);
  if (good) return { ok: true, basis: `a concrete act ("${safePhrase([good.p.entry]) ?? 'act'}")` };
  const firstBad = judged[0];
  if (firstBad) {
    // a note with a status word ("money - discuss") reads as a note, not as an act
    return { ok: false, reason: firstBad.j.reason, phrase: firstBad.j.phrase };
  }
  // no verb at all: a terse note
  for (let i = 0; i < toks.length; i++) {
    const m = matchAt(lx.notes, toks, i);
    if (m) return { ok: false, reason: 'note', phrase: safePhrase(split(m.entry)) };
  }
  const things = toks.filter((t, i) => (isNounish(t) || isName(t, i)) && !isAbstract(lx, t) && !(isGeneric(lx, t) && !isName(t, i)));
  const names = toks.some((t, i) => isName(t, i) && !isAbstract(lx, t));
  const when = anchorIn(toks, 0, toks.length) || toks.some((t) => TIME_WORDS.has(t.lower) && t.lower !== 'licence');
  if ((names || things.length) && when) return { ok: true, basis: 'a named activity with a time or frequency' };
  const abstract = toks.find((t) => isAbstract(lx, t));
  return { ok: false, reason: abstract ? 'abstract' : 'no-act', phrase: abstract ? safePhrase([abstract.lower]) : undefined };
}

// ---------------------------------------------------------------------------------------------
// Measurable.

const TEST_NOUNS = /^(mdt|mdts|test|tests|swab|swabs|screen|screens|result|results|reading|readings|breathalyser|breathalyzer|sample|samples|check|checks|drug|tests?)$/;

/** Judge a measure: can it be checked without opinion? */
export function judgeMeasurable(text: string, sp: SmartPolicy, tag: Tagger = winkTagger): Judgement {
  const lx = lexicon(sp);
  const toks = tag(text);
  if (!toks.length) return { ok: false, reason: 'nothing-checkable' };
  const used = new Array<boolean>(toks.length).fill(false);
  // 1. opinion, feeling, unquantified change
  for (let i = 0; i < toks.length; i++) {
    const m = matchAt(lx.opinion, toks, i);
    if (!m) continue;
    const t = toks[i];
    if (t.lower === 'well' && toks[i - 1]?.lower === 'as') continue;
    // a kind of document, not an opinion: "a coping plan written with the in-reach team"
    if (/ing$/.test(t.lower) && m.len === 1 && toks[i + 1] && (lx.evidence.has(toks[i + 1].lower) || lx.evidence.has(singular(toks[i + 1].lower)))) continue;
    // a word of a name, not an opinion: "Building Better Relationships completed"
    if (/^[A-Z]/.test(t.text) && (i > 0 || /^[A-Z]/.test(toks[i + 1]?.text ?? '')) && (/^[A-Z]/.test(toks[i - 1]?.text ?? '') || /^[A-Z]/.test(toks[i + 1]?.text ?? ''))) continue;
    if (CHANGE.has(t.lower) || COMPARATIVES.has(t.lower)) {
      // "reduced to 30ml", "fewer than three", "90% or better", "9 or below": an amount, not an opinion
      const ahead = toks.slice(i + 1, i + 4);
      const quantified = ahead.some((u, k) => isNum(u) && (k === 0 || /^(than|to|by|from|of|at|in|or)$/.test(ahead[k - 1]?.lower ?? '')))
        || (toks[i - 1]?.lower === 'or' && (isNum(toks[i - 2]) || toks[i - 2]?.text === '%'));
      if (quantified) continue;
    }
    if (t.lower === 'positive' || t.lower === 'negative') {
      const near = [toks[i - 1], toks[i + 1], toks[i + 2]].some((u) => u && (TEST_NOUNS.test(u.lower) || u.lower === 'for'));
      if (near) continue;
    }
    return { ok: false, reason: 'opinion', phrase: safePhrase(toks.slice(i, i + m.len).map((u) => u.lower)) };
  }
  // 2. a check with no result
  let process: string | undefined;
  for (let i = 0; i < toks.length; i++) {
    const m = matchAt(lx.process, toks, i);
    // a participle that qualifies a noun is part of a name for a thing, not a check:
    // "a supported housing place", "supported living", "a monitored curfew"
    const next = toks[i + 1];
    const qualifies = next && (isNounish(next) || (/ing$/.test(next.lower) && toks[i + 2] && isNounish(toks[i + 2])));
    if (m && m.len === 1 && /ed$/.test(toks[i].lower) && qualifies && !BE.has(toks[i - 1]?.lower ?? '')) continue;
    if (m) { process ??= toks.slice(i, i + m.len).map((u) => u.lower).join(' '); for (let j = i; j < i + m.len; j++) used[j] = true; i += m.len - 1; }
  }
  // 3. something checkable
  let result = false, weak = false, basis = '';
  for (let i = 0; i < toks.length; i++) {
    if (used[i]) continue;
    const t = toks[i];
    if (isNum(t)) { result = true; basis ||= 'a number, date or count'; continue; }
    const r = matchAt(lx.results, toks, i);
    if (r) {
      if (/^(every|each|all)$/.test(r.entry)) weak = true;
      else { result = true; basis ||= 'a stated result'; }
      continue;
    }
    if (FREQUENCY.has(t.lower)) { weak = true; continue; }
    // "a written offer", "a signed agreement": a participle of a fact, as a modifier
    if ((t.pos === 'ADJ' || t.pos === 'VERB') && /(ed|en)$/.test(t.lower) && toks[i + 1] && isNounish(toks[i + 1]) && !isAbstract(lx, toks[i + 1])) { weak = true; basis ||= 'a document or record'; continue; }
    if (isNounish(t) && (lx.evidence.has(t.lower) || lx.evidence.has(singular(t.lower)) || lx.evidence.has(t.lemma))) { weak = true; basis ||= 'a document or record'; continue; }
    if (t.pos === 'VERB' && !lx.notFacts.has(t.lower) && !lx.notFacts.has(t.lemma)) {
      // "uses the skills", "skills learnt": a verb about an abstract thing reports no fact
      let j = i + 1;
      while (toks[j] && /^(DET|ADJ|PRON|ADV)$/.test(toks[j].pos)) j++;
      const object = toks[j] && isNounish(toks[j]) ? toks[j] : undefined;
      let b = i - 1;
      while (b >= 0 && (toks[b].pos === 'AUX' || toks[b].pos === 'ADV' || toks[b].pos === 'PART')) b--;
      const subject = b >= 0 && isNounish(toks[b]) ? toks[b] : undefined;
      if ((object && isAbstract(lx, object)) || (subject && isAbstract(lx, subject) && !lx.evidence.has(singular(subject.lower)))) continue;
      result = true; basis ||= 'a fact that happened or not'; continue;
    }
  }
  if (process && !result) return { ok: false, reason: 'no-result', phrase: safePhrase(split(process)) };
  if (result || weak) return { ok: true, basis: basis || 'a checkable fact' };
  return { ok: false, reason: 'nothing-checkable' };
}

/** The SMART wording examples for a need area (policy data `smart.examples`), or the default ones. */
/**
 * The example a message quotes, as a message when it is the shipped example (`smart.example.<need>.<kind>`,
 * so a locale says it in its own words), else the team's own text from configuration, as written.
 */
export function exampleMsg(sp: SmartPolicy, need: string | undefined, kind: 'specific' | 'measurable'): MessageValue {
  const text = exampleFor(sp, need)[kind];
  const key = need !== undefined && Object.hasOwn(sp.examples, need) ? need : 'default';
  return SHIPPED_EXAMPLES[key]?.[kind] === text ? { id: `smart.example.${key}.${kind}` } : text;
}

const SHIPPED_EXAMPLES = smartData.examples as Readonly<Record<string, { specific: string; measurable: string }>>;

/** The shipped examples in English, by message id (the smart family's shared messages). */
export const EXAMPLE_MESSAGES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SHIPPED_EXAMPLES).flatMap(([k, v]) => (['specific', 'measurable'] as const).map((kind) => [`smart.example.${k}.${kind}`, escapeTemplate(v[kind])])),
);

export function exampleFor(sp: SmartPolicy, need: string | undefined): { specific: string; measurable: string } {
  return (need !== undefined && Object.hasOwn(sp.examples, need) ? sp.examples[need] : undefined) ?? sp.examples.default ?? {
    specific: 'Attend every weekly appointment with the named service after release',
    measurable: 'Attendance at every appointment confirmed in writing by the service',
  };
}
