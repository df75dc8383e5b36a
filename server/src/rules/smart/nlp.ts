// The part-of-speech tagger behind the SMART analysis (analysis.ts): wink-nlp with its English
// "lite web" model, both MIT and both on npm; the model ships inside its package, so there is no
// download and no network. Pure and deterministic: the same text always gives the same tags.
// Loaded on first use (about 100 ms), so a run that never judges an objective never pays for it.
// Why this library and not compromise: docs/dependencies.md (numbers from the development corpus).

/** A word of an objective's text with its Universal POS tag (VERB, NOUN, PROPN, ADJ, ADP, AUX, ...). */
export interface Token {
  /** As written. */
  text: string;
  /** Lower case, curly apostrophes made straight. */
  lower: string;
  /** The tagger's lemma (base form), lower case. */
  lemma: string;
  pos: string;
}

export type Tagger = (text: string) => Token[];

interface WinkDoc {
  tokens(): { out(f?: unknown): string[] };
}
interface Wink {
  readDoc(text: string): WinkDoc;
  its: { value: unknown; pos: unknown; lemma: unknown };
}

let wink: Wink | undefined;
function load(): Wink {
  if (!wink) {
    // require() in a function, not a top-level import: the bundles (esbuild) initialise the model
    // only when this runs, and the browser build bundles it the same way.
    const winkNLP = require('wink-nlp') as (model: unknown, pipe: string[]) => Wink;
    const model = require('wink-eng-lite-web-model') as unknown;
    wink = winkNLP(model, ['pos']);
  }
  return wink;
}

// The same description is judged by lint, hover and the fix-all passes: keep the last few.
const memo = new Map<string, Token[]>();
const MEMO_MAX = 512;

/** Tag a text with wink-nlp. */
export const winkTagger: Tagger = (text) => {
  const hit = memo.get(text);
  if (hit) return hit;
  const nlp = load();
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(nlp.its.value);
  const pos = doc.tokens().out(nlp.its.pos);
  const lemma = doc.tokens().out(nlp.its.lemma);
  const out = values.map((v, i) => {
    const lower = v.toLowerCase().replace(/[’‘]/g, "'");
    return { text: v, lower, lemma: String(lemma[i] ?? lower).toLowerCase(), pos: String(pos[i] ?? 'X') };
  });
  if (memo.size >= MEMO_MAX) memo.delete(memo.keys().next().value as string);
  memo.set(text, out);
  return out;
};
