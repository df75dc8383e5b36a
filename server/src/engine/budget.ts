// The work budget: "bound the work, not the input". A file under the size limit can still
// make a naive pass slow (issue 18): thousands of nested flow brackets (`yaml`'s toJS
// stringifies a collection used as a key once per level), tens of thousands of aliases
// (`yaml` resolves each by scanning every anchor), hundreds of thousands of nodes. One
// linear walk of the composed Document measures these BEFORE anything converts it to JS,
// and finds duplicate keys with a Set per mapping (yaml's own `uniqueKeys` check compares
// each key with every earlier one: quadratic, 50,000 keys took 23 s).

import { isAlias, isCollection, isMap, isPair, isScalar, type Document, type Node, type ParsedNode } from 'yaml';
import type { SyntaxProblem } from './parse.js';

export const WORK_BUDGET = {
  /**
   * Lines plus flow separators (`,` `[` `{`), counted before parsing: what the YAML parser's
   * time and memory grow with (800,000 one-key lines took 11-23 s and 1.3 GB in yaml alone).
   * A long plan has a few thousand.
   */
  maxLinesAndItems: 100_000,
  /** Nesting levels of collections (a plan is about 6 deep). */
  maxDepth: 64,
  /** Nodes in the document (scalars, collections, pairs, aliases). A large plan has a few thousand. */
  maxNodes: 1_000_000,
  /** Aliases (`*name`). Plans rarely have any; each costs a scan of every anchor in `yaml`. */
  maxAliases: 1_000,
  /** Nodes inside collections used as keys, counted once per enclosing key (what stringifying keys costs). */
  maxKeyNodes: 10_000,
  /** Syntax problems kept from the parser; past this the file is not read further. */
  maxSyntaxProblems: 1_000,
  /** Findings reported per file; past this one finding says how many more were dropped. */
  maxFindings: 1_000,
} as const;

export type BudgetLimit = 'depth' | 'nodes' | 'aliases' | 'keys';

export interface BudgetExcess {
  limit: BudgetLimit;
  /** Offset of the node where the limit was passed. */
  offset: number;
  /** Index of the top-level pair it is in, or null when the whole document is affected. */
  section: number | null;
}

export interface BudgetReport {
  nodes: number;
  aliases: number;
  /** Limits passed (at most one per top-level section, plus document-wide ones). */
  excess: BudgetExcess[];
  /** Duplicate keys (yaml's DUPLICATE_KEY problem, found with a Set), the first `maxSyntaxProblems`. */
  duplicates: SyntaxProblem[];
  /** Duplicate keys found past those kept. */
  moreDuplicates: number;
}

interface Frame {
  node: Node | null | undefined;
  depth: number;
  keyDepth: number;
  section: number | null;
}

const offsetOf = (n: Node | null | undefined, fallback: number): number => (n as ParsedNode | null | undefined)?.range?.[0] ?? fallback;

/** Measure `doc` against `WORK_BUDGET` in one iterative walk (no recursion: depth cannot overflow the stack). */
export function measureDocument(doc: Document.Parsed<ParsedNode>, budget = WORK_BUDGET): BudgetReport {
  let nodes = 0;
  let aliases = 0;
  let keyNodes = 0;
  const excess: BudgetExcess[] = [];
  const duplicates: SyntaxProblem[] = [];
  const marked = new Set<number | null>();
  const mark = (limit: BudgetLimit, offset: number, section: number | null): void => {
    if (marked.has(section)) return;
    marked.add(section);
    excess.push({ limit, offset, section });
  };
  const stack: Frame[] = [];
  const root = doc.contents;
  if (isMap(root)) {
    // Top-level pairs are sections: a budget passed inside one cuts only that section.
    nodes++;
    checkKeys(root, duplicates);
    for (let i = root.items.length - 1; i >= 0; i--) {
      const p = root.items[i];
      stack.push({ node: p.value as Node | null, depth: 1, keyDepth: 0, section: i });
      stack.push({ node: p.key as Node | null, depth: 1, keyDepth: isCollection(p.key) ? 1 : 0, section: i });
    }
  } else {
    stack.push({ node: root, depth: 0, keyDepth: 0, section: null });
  }
  while (stack.length) {
    const f = stack.pop()!;
    const n = f.node;
    if (!n) continue;
    if (marked.has(f.section) || marked.has(null)) {
      if (marked.has(null)) break;
      continue; // this section is cut already: nothing in it is converted
    }
    nodes++;
    keyNodes += f.keyDepth;
    if (nodes > budget.maxNodes) {
      mark('nodes', offsetOf(n, 0), null);
      break;
    }
    if (f.keyDepth > 0 && keyNodes > budget.maxKeyNodes) {
      mark('keys', offsetOf(n, 0), f.section);
      continue;
    }
    if (isAlias(n)) {
      if (++aliases > budget.maxAliases) {
        mark('aliases', offsetOf(n, 0), null);
        break;
      }
      continue;
    }
    if (isScalar(n)) continue;
    if (isPair(n)) {
      stack.push({ node: n.value as Node | null, depth: f.depth, keyDepth: f.keyDepth, section: f.section });
      stack.push({ node: n.key as Node | null, depth: f.depth, keyDepth: f.keyDepth + (isCollection(n.key) ? 1 : 0), section: f.section });
      continue;
    }
    if (isCollection(n)) {
      const depth = f.depth + 1;
      if (depth > budget.maxDepth) {
        mark('depth', offsetOf(n, 0), f.section);
        continue;
      }
      if (isMap(n)) {
        checkKeys(n, duplicates);
        for (let i = n.items.length - 1; i >= 0; i--) {
          const p = n.items[i];
          nodes++;
          stack.push({ node: p.value as Node | null, depth, keyDepth: f.keyDepth, section: f.section });
          stack.push({ node: p.key as Node | null, depth, keyDepth: f.keyDepth + (isCollection(p.key) ? 1 : 0), section: f.section });
        }
      } else {
        for (let i = n.items.length - 1; i >= 0; i--) stack.push({ node: n.items[i] as Node, depth, keyDepth: f.keyDepth, section: f.section });
      }
    }
  }
  const kept = duplicates.length > budget.maxSyntaxProblems ? duplicates.slice(0, budget.maxSyntaxProblems) : duplicates;
  return { nodes, aliases, excess, duplicates: kept, moreDuplicates: duplicates.length - kept.length };
}

/**
 * yaml's DUPLICATE_KEY, found with a Set: two scalar keys with the same value (yaml compares
 * `a === b || a.value === b.value`; collections and aliases as keys are compared by identity,
 * so they never repeat). Reported at the second key, as yaml does.
 */
function checkKeys(map: { items: { key: unknown }[] }, out: SyntaxProblem[]): void {
  if (map.items.length < 2) return;
  const seen = new Set<unknown>();
  for (const p of map.items) {
    const k = p.key;
    if (!isScalar(k)) continue;
    const v = k.value;
    if (typeof v === 'number' && Number.isNaN(v)) continue; // NaN !== NaN for yaml too
    if (seen.has(v)) {
      const at = (k as ParsedNode).range?.[0] ?? 0;
      out.push({ span: { start: at, end: at + 1 }, message: 'Map keys must be unique', code: 'DUPLICATE_KEY', severity: 'error' });
    } else seen.add(v);
  }
}

/** Lines plus flow separators in `text` (one pass, no allocation): the parser's work, estimated. */
export function countLinesAndItems(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n, a lone \r, `,`, `[`, `{`
    if (c === 10 || c === 44 || c === 91 || c === 123 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}
