// parseText's comment list: the typed walk of the CST finds exactly the comment tokens a
// generic walk of every object in the CST finds (the oracle below), on hand-written cases
// for every place the CST keeps tokens and on mutated samples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Parser } from 'yaml';
import { parseText } from '../../server/src/engine/parse.js';
import { fuzzSettings, mutantArb, SAMPLES } from '../fuzz/mutate.js';

/**
 * Every object in the CST with type `comment`, found without knowing the CST's shape. The
 * text is parsed as parseText parses it: a lone CR is a line break (read as LF, same offsets).
 */
function oracle(text: string): [number, number][] {
  const out: [number, number][] = [];
  const stack: unknown[] = [...new Parser().parse(text.replace(/\r(?!\n)/g, '\n'))];
  while (stack.length) {
    const t = stack.pop();
    if (!t || typeof t !== 'object') continue;
    const tok = t as { type?: string; offset?: number; source?: string };
    if (tok.type === 'comment' && typeof tok.offset === 'number' && typeof tok.source === 'string') {
      out.push([tok.offset, tok.offset + tok.source.length]);
      continue;
    }
    for (const v of Object.values(t)) if (v && typeof v === 'object') stack.push(...(Array.isArray(v) ? v : [v]));
  }
  return out.sort((a, b) => a[0] - b[0]);
}

const found = (text: string): [number, number][] => parseText(text).comments.map((c) => [c.start, c.end]);

describe('comments in the CST', () => {
  const cases: Record<string, string> = {
    'document start and end': '# head\n%YAML 1.2\n--- # after marker\na: 1 # tail\n... # after end\n# trailing\n',
    'block map and sequence items': 'a: # on key line\n  # own line\n  - 1 # item\n  # between\n  - b: 2 # nested\nc: 3\n',
    'flow collections': 'a: [1, # one\n  2 # two\n  ] # after\nb: { x: 1, # x\n  y: 2 } # y\n',
    'block scalar header': 'a: | # header comment\n  text # not a comment\nb: 1\n',
    'quoted scalars and aliases': 'a: &x "q" # dq\nb: \'s\' # sq\nc: *x # alias\n',
    'explicit keys': '? k # key\n: v # value\n',
    'several documents': 'a: 1 # one\n---\nb: 2 # two\n--- # three\n',
    'broken YAML': 'a: [1, 2 # open\nb: "x # not closed\n  - c # c\n',
  };
  for (const [name, text] of Object.entries(cases))
    it(name, () => {
      const want = oracle(text);
      expect(want.length).toBeGreaterThan(0);
      expect(found(text)).toEqual(want);
    });

  it('the samples', () => {
    for (const s of SAMPLES) expect(found(s.text), s.name).toEqual(oracle(s.text));
  });

  it('mutated samples', () => {
    fc.assert(
      fc.property(mutantArb, (m) => {
        expect(found(m.text)).toEqual(oracle(m.text));
      }),
      fuzzSettings('comments', 300, 5000),
    );
  });

  it('10,000-deep nesting does not overflow the stack', () => {
    const deep = '['.repeat(10_000) + '# c\n' + ']'.repeat(10_000) + '\n';
    expect(found(deep)).toEqual(oracle(deep));
  });
});
