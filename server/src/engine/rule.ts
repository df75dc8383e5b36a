// The rule framework: a rule is `meta` + `check(context)`, as in ESLint. A rule reports
// findings against paths in the plan; it never formats output or knows which front shows it.

import type { Document, ParsedNode } from 'yaml';
import type { Catalogue, Policy } from '../policy/index.js';
import { appendItem, insertPair, removeItem, reorderItems, replaceValue, scalarSource } from './edits.js';
import { locate, spanFor, type Located } from './locate.js';
import type { Plan } from './model.js';
import type { ParsedText } from './parse.js';
import type { Anchor, Path, ReportDescriptor, RuleMeta, Span, TextEdit } from './types.js';

export interface RuleContext {
  /** The typed plan model (fields of the wrong type read as absent). */
  readonly plan: Plan;
  /** The plain JS value of the document (for schema-level rules that need raw values). */
  readonly root: unknown;
  readonly parsed: ParsedText;
  readonly doc: Document.Parsed<ParsedNode> | null;
  /** "Today" for time-dependent rules, `YYYY-MM-DD`. Never read the clock in a rule. */
  readonly asOf: string;
  readonly policy: Policy;
  readonly catalogue: Catalogue;
  readonly isTemplate: boolean;
  report(d: ReportDescriptor): void;
  span(path: Path, at?: Anchor): Span;
  locate(path: Path): Located;
  /** Edit builders over this document; each returns undefined when it cannot be sure. */
  readonly edit: {
    replaceValue(path: Path, source: string): TextEdit | undefined;
    insertPair(mapPath: Path, key: string, value: string | readonly string[]): TextEdit | undefined;
    appendItem(seqPath: Path, item: string | readonly string[]): TextEdit | undefined;
    removeItem(seqPath: Path, index: number): TextEdit | undefined;
    reorderItems(seqPath: Path, order: readonly number[]): TextEdit | undefined;
    /** YAML source for a scalar, keeping the quoting style of the node at `likePath`. */
    scalar(value: string | number | boolean | null, likePath?: Path): string;
  };
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export function makeEditApi(pt: ParsedText): RuleContext['edit'] {
  return {
    replaceValue: (path, source) => replaceValue(pt, path, source),
    insertPair: (mapPath, key, value) => insertPair(pt, mapPath, key, value),
    appendItem: (seqPath, item) => appendItem(pt, seqPath, item),
    removeItem: (seqPath, index) => removeItem(pt, seqPath, index),
    reorderItems: (seqPath, order) => reorderItems(pt, seqPath, order),
    scalar: (value, likePath) => scalarSource(value, likePath ? (locate(pt.doc, likePath).node as never) : undefined),
  };
}

export function makeSpanFn(pt: ParsedText): (path: Path, at?: Anchor) => Span {
  return (path, at) => spanFor(pt.doc, pt.lines, path, at);
}
