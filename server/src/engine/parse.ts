// Text -> YAML Document (with source ranges) + CST comments + syntax problems.
// Uses `yaml`'s Parser and Composer directly so the CST is available for comments
// and for fixes that must keep the author's layout.

import { Composer, Document, Parser, type CST, type ParsedNode } from 'yaml';
import { measureDocument, WORK_BUDGET, type BudgetReport } from './budget.js';
import { LineIndex, detectEol } from './lines.js';
import type { Span } from './types.js';

export interface SyntaxProblem {
  span: Span;
  message: string;
  /** `yaml`'s error code (e.g. BAD_INDENT, DUPLICATE_KEY) or our own. */
  code: string;
  severity: 'error' | 'warning';
}

export interface Comment {
  /** Offset of the `#`. */
  start: number;
  end: number;
  /** Text after the `#`. */
  text: string;
  /** 0-based line of the comment. */
  line: number;
  /** True when the comment is alone on its line. */
  ownLine: boolean;
}

export interface ParsedText {
  text: string;
  lines: LineIndex;
  eol: '\n' | '\r\n' | '\r';
  /** The first YAML document (the plan). Null only for an empty stream. */
  doc: Document.Parsed<ParsedNode> | null;
  /** Number of YAML documents in the stream. */
  documentCount: number;
  comments: Comment[];
  problems: SyntaxProblem[];
  /** The first document measured against the work budget (engine/budget.ts); null without a document. */
  budget: BudgetReport | null;
  /** Syntax errors past `WORK_BUDGET.maxSyntaxProblems`, counted but not kept. */
  droppedProblems: number;
}

export const PARSE_OPTIONS = {
  // YAML 1.2 core schema: `2025-01-10` stays a string, so no time zone ever touches a date.
  version: '1.2',
  schema: 'core',
  prettyErrors: false,
  // Duplicate keys are found by engine/budget.ts with a Set per mapping: yaml's own check
  // compares each key with every earlier one (50,000 keys: 23 s).
  uniqueKeys: false,
  keepSourceTokens: true,
  strict: true,
  // Never let `yaml` print warnings (process.emitWarning -> stderr): they quote document
  // content, e.g. a collection used as a key, and a plan's content is personal data.
  // Problems are collected in doc.errors/doc.warnings and reported as findings instead.
  logLevel: 'error',
} as const;

/** Alias expansion limit for toJS: bounds "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;

export function parseText(text: string): ParsedText {
  const lines = new LineIndex(text);
  const problems: SyntaxProblem[] = [];
  const tokens: CST.Token[] = [];
  const parser = new Parser();
  // `yaml` does not treat a lone CR as a line break, editors and the LSP do. Replacing each
  // lone CR with LF keeps every offset, so spans and edits still apply to the original text.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const docs: Document.Parsed<ParsedNode>[] = [];
  let dropped = 0;
  try {
    for (const token of parser.parse(source)) tokens.push(token);
    const composer = new Composer<ParsedNode>(PARSE_OPTIONS);
    // Keep the first `maxSyntaxProblems` errors; count the rest without building them (each
    // is an Error with a stack: 800,000 broken lines made 1.6 million, 2.7 GB).
    const c = composer as unknown as { onError: (source: unknown, code: string, message: string, warning?: boolean) => void };
    const keep = c.onError;
    let kept = 0;
    c.onError = (src, code, message, warning) => {
      if (kept >= WORK_BUDGET.maxSyntaxProblems) {
        dropped++;
        return;
      }
      kept++;
      keep(src, code, message, warning);
    };
    for (const d of composer.compose(tokens, true, source.length)) docs.push(d);
  } catch (e) {
    // `yaml` recurses per nesting level: a block mapping thousands of levels deep followed by
    // a dedent overflows the stack. Such a file is reported, not crashed on.
    if (!(e instanceof RangeError)) throw e;
    return {
      text,
      lines,
      eol: detectEol(text),
      doc: null,
      documentCount: 0,
      comments: [],
      problems: [
        {
          span: { start: 0, end: lines.lineEnd(0) },
          message: `This file is nested too deeply to read (thousands of levels), so it was not checked. A sentence plan is a few levels deep: check that this is the right file.`,
          code: 'TOO_DEEP',
          severity: 'error',
        },
      ],
      budget: null,
      droppedProblems: 0,
    };
  }

  const clampSpan = (pos: [number, number]): Span => {
    const start = Math.max(0, Math.min(pos[0], text.length));
    const end = Math.max(start, Math.min(pos[1], text.length));
    return { start, end };
  };

  let budget: BudgetReport | null = null;
  docs.forEach((d, i) => {
    const measured = measureDocument(d);
    if (i === 0) budget = measured;
    // Problems in later documents are reported too: they are still in the file.
    for (const e of d.errors) problems.push({ span: clampSpan(e.pos), message: e.message, code: e.code, severity: 'error' });
    // An anchor or alias name ending in `:` is valid YAML (test suite cases 2SXE, W5VH); yaml
    // warns that it reads ambiguously, which is not a problem with the file.
    for (const w of d.warnings) if (!(w.code === 'BAD_ALIAS' && / ending in : is ambiguous/.test(w.message))) problems.push({ span: clampSpan(w.pos), message: w.message, code: w.code, severity: 'warning' });
    dropped += measured.moreDuplicates;
    for (const e of measured.duplicates) {
      if (problems.length < WORK_BUDGET.maxSyntaxProblems) problems.push(e);
      else dropped++;
    }
    if (i === 1) {
      const start = d.range?.[0] ?? 0;
      problems.push({
        span: { start, end: Math.min(text.length, start + 3) },
        message:
          'This file holds more than one YAML document (`---`); a sentence plan is one document, so only the first is checked.',
        code: 'MULTIPLE_DOCUMENTS',
        severity: 'error',
      });
    }
  });

  problems.push(...duplicateYamlDirectives(tokens, clampSpan));
  const comments = collectComments(tokens, lines);
  return {
    text,
    lines,
    eol: detectEol(text),
    doc: docs[0] ?? null,
    documentCount: docs.length,
    comments,
    problems: dedupeProblems(problems),
    budget,
    droppedProblems: dropped,
  };
}

/**
 * A second `%YAML` directive before one document is an error (YAML 1.2 section 6.8.1; test
 * suite case SF5V); yaml accepts it silently.
 */
function duplicateYamlDirectives(tokens: readonly CST.Token[], clampSpan: (pos: [number, number]) => Span): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  let seen = false;
  for (const t of tokens) {
    if (t.type === 'document') seen = false;
    else if (t.type === 'directive' && /^%YAML(\s|$)/.test(t.source)) {
      if (seen) {
        out.push({
          span: clampSpan([t.offset, t.offset + t.source.length]),
          message: 'A second `%YAML` directive before the same document: a document may have only one. Remove this line (a sentence plan needs no directives).',
          code: 'DUPLICATE_DIRECTIVE',
          severity: 'error',
        });
      }
      seen = true;
    }
  }
  return out;
}

function dedupeProblems(ps: SyntaxProblem[]): SyntaxProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.span.start}:${p.code}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Every comment token in the CST, in document order. The walk follows the CST's own shape
 * (`yaml`'s CST.Token types: where each kind of token keeps the tokens it holds) with an
 * explicit stack, so 10,000-deep nesting cannot overflow the call stack. A test checks it
 * against a generic walk of every object in the CST.
 */
function collectComments(tokens: CST.Token[], lines: LineIndex): Comment[] {
  const out: Comment[] = [];
  const stack: (CST.Token | null | undefined)[] = [];
  const pushAll = (ts: readonly (CST.Token | null | undefined)[] | undefined): void => {
    if (ts) for (let i = ts.length - 1; i >= 0; i--) stack.push(ts[i]);
  };
  const pushItems = (items: readonly CST.CollectionItem[]): void => {
    for (let i = items.length - 1; i >= 0; i--) {
      const it = items[i];
      stack.push(it.value);
      pushAll(it.sep);
      stack.push(it.key);
      pushAll(it.start);
    }
  };
  pushAll(tokens);
  while (stack.length) {
    const t = stack.pop();
    if (!t) continue;
    switch (t.type) {
      case 'comment': {
        const start = t.offset;
        const line = lines.positionAt(start).line;
        const before = lines.text.slice(lines.starts[line], start);
        out.push({ start, end: start + t.source.length, text: t.source.slice(1), line, ownLine: before.trim() === '' });
        break;
      }
      case 'document':
        pushAll(t.end);
        stack.push(t.value);
        pushAll(t.start);
        break;
      case 'doc-end':
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        pushAll(t.end);
        break;
      case 'block-scalar':
        pushAll(t.props);
        break;
      case 'block-map':
      case 'block-seq':
        pushItems(t.items);
        break;
      case 'flow-collection':
        pushAll(t.end);
        pushItems(t.items);
        stack.push(t.start);
        break;
      default:
        break; // other source tokens, errors and directives hold no tokens
    }
  }
  // The walk visits tokens in document order already; sorting keeps that a guarantee.
  return out.sort((a, b) => a.start - b.start);
}
