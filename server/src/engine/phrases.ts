// Matching word lists (policy phrases) against a text's words through an index: a trie of the
// phrases' words, built once per list. Each position of the text walks the trie only as far
// as the text's words follow a phrase, so the cost is (words in the text) × (words in the
// longest phrase), whatever the list's length. Comparing every phrase at every position was
// (phrases × words): 20,000 configured phrases on a long description took 95 s (issue 18).
// Pure: no policy knowledge, used by the rules through rules/plan/support.ts.

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Rank of the phrase ending here (its index in longest-first order), or -1. */
  rank: number;
}

interface PhraseIndex {
  root: TrieNode;
  /** Phrases (words joined by one space) by rank: longest first, then in list order. */
  phrases: string[];
  lengths: number[];
}

const cache = new WeakMap<readonly string[], PhraseIndex>();

/**
 * The index for a list, cached per list (policy lists are built once per config). `split`
 * turns a phrase into its words, the same way as the text is split.
 */
export function phraseIndex(list: readonly string[], split: (text: string) => string[]): PhraseIndex {
  let index = cache.get(list);
  if (index) return index;
  const unique = [...new Set(list.map((p) => split(p).join(' ')).filter((p) => p !== ''))];
  // Stable sort: longest first, list order among phrases of one length (the order matching claims words in).
  const phrases = unique.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
  const root: TrieNode = { next: new Map(), rank: -1 };
  phrases.forEach((words, rank) => {
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) node.next.set(w, (child = { next: new Map(), rank: -1 }));
      node = child;
    }
    node.rank = rank;
  });
  index = { root, phrases: phrases.map((w) => w.join(' ')), lengths: phrases.map((w) => w.length) };
  cache.set(list, index);
  return index;
}

/**
 * Find the phrases in `tokens` without overlap: longer phrases claim their words first, then,
 * among phrases of one length, the earlier in the list, each left to right. Returns the phrases
 * found (in text order, each once) and the tokens left over.
 */
export function findPhrases(tokens: readonly string[], index: PhraseIndex): { found: string[]; rest: string[] } {
  // Every (position, phrase) match, found by walking the trie from each position.
  const matches: { at: number; rank: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let node = index.root.next.get(tokens[i]);
    for (let j = i + 1; node; j++) {
      if (node.rank >= 0) matches.push({ at: i, rank: node.rank });
      if (j >= tokens.length) break;
      node = node.next.get(tokens[j]);
    }
  }
  if (!matches.length) return { found: [], rest: [...tokens] };
  matches.sort((a, b) => a.rank - b.rank || a.at - b.at);
  const used = new Array<boolean>(tokens.length).fill(false);
  const hits: { at: number; rank: number }[] = [];
  for (const m of matches) {
    const len = index.lengths[m.rank];
    let free = true;
    for (let k = 0; k < len; k++) if (used[m.at + k]) { free = false; break; }
    if (!free) continue;
    for (let k = 0; k < len; k++) used[m.at + k] = true;
    hits.push(m);
  }
  const found = [...new Set(hits.sort((a, b) => a.at - b.at).map((h) => index.phrases[h.rank]))];
  return { found, rest: tokens.filter((_, i) => !used[i]) };
}
