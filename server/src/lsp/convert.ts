// The one place where engine types meet protocol types (design.md invariant 2, like
// rust-analyzer's to_proto/from_proto). The engine speaks UTF-16 offsets into the text it
// linted; the protocol speaks line/character in the negotiated position encoding
// (UTF-16 by default, UTF-8 when the client offers it). Every feature converts through here.

import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import { LineIndex } from '../engine/lines.js';
import type { Finding, Severity, Span, TextEdit } from '../engine/types.js';
import { ruleDocUrl } from '../docs/render.js';
import { text } from './messages.js';

export type PositionEncoding = 'utf-16' | 'utf-8';

let docsBase: string | undefined;

/**
 * Where rule documentation links point: the published docs by default, or a base URL the
 * editor sets (`initializationOptions.docsBaseUrl`, or the setting `planlint.docs.baseUrl`),
 * such as an intranet mirror for a network that cannot reach the public docs. The rule's page
 * is `<base>docs/rules/<family>.md#<name>`. Only http(s) and file URLs are taken; anything
 * else keeps the default. Returns whether the value was taken.
 */
export function setDocsBaseUrl(base: unknown): boolean {
  if (base === undefined || base === null || base === '') {
    docsBase = undefined;
    return true;
  }
  if (typeof base !== 'string' || base.length > 2000 || !/^(https?|file):\/\/[^\s]*$/i.test(base)) return false;
  docsBase = base.endsWith('/') ? base : `${base}/`;
  return true;
}

/** The one link to a rule's documentation (diagnostic codeDescription, hover, "show documentation"). */
export function ruleDocHref(ruleId: string): string {
  return ruleDocUrl(ruleId, docsBase);
}

export const SOURCE = 'planlint';

/** UTF-8 length of one UTF-16 code unit sequence starting at `i` (returns [bytes, units]). */
function utf8At(s: string, i: number): [number, number] {
  const c = s.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [4, 2];
  }
  return [3, 1];
}

/**
 * Offsets <-> positions for one text in one encoding. Cheap to build from an existing
 * LineIndex (the lint result already has one), so features never re-scan the text.
 */
export class Converter {
  readonly lines: LineIndex;

  constructor(
    textOrLines: string | LineIndex,
    readonly encoding: PositionEncoding = 'utf-16',
  ) {
    this.lines = typeof textOrLines === 'string' ? new LineIndex(textOrLines) : textOrLines;
  }

  get text(): string {
    return this.lines.text;
  }

  toPosition(offset: number): Position {
    const { line, character } = this.lines.positionAt(offset);
    if (this.encoding === 'utf-16' || character === 0) return { line, character };
    const start = this.lines.starts[line];
    const text = this.lines.text;
    let bytes = 0;
    for (let i = start; i < start + character; ) {
      const [b, u] = utf8At(text, i);
      bytes += b;
      i += u;
    }
    return { line, character: bytes };
  }

  toOffset(pos: Position): number {
    if (this.encoding === 'utf-16') return this.lines.offsetAt(pos);
    if (pos.line < 0) return 0;
    if (pos.line >= this.lines.lineCount) return this.lines.text.length;
    const start = this.lines.starts[pos.line];
    const end = this.lines.lineEnd(pos.line);
    const text = this.lines.text;
    let bytes = 0;
    let i = start;
    while (i < end) {
      const [b, u] = utf8At(text, i);
      // A column inside a character's bytes maps to that character's start.
      if (bytes + b > pos.character) break;
      bytes += b;
      i += u;
    }
    return i;
  }

  toRange(span: Span): Range {
    return { start: this.toPosition(span.start), end: this.toPosition(span.end) };
  }

  toSpan(range: Range): Span {
    const start = this.toOffset(range.start);
    const end = this.toOffset(range.end);
    return { start: Math.min(start, end), end: Math.max(start, end) };
  }

  toTextEdit(e: TextEdit): LspTextEdit {
    return { range: this.toRange({ start: e.start, end: e.end }), newText: e.newText };
  }

  fromTextEdit(e: LspTextEdit): TextEdit {
    const s = this.toSpan(e.range);
    return { start: s.start, end: s.end, newText: e.newText };
  }
}

export function toSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

/** The finding's message, ending with its policy reference (once), in the session's locale. */
export function diagnosticMessage(f: Finding, locale?: string): string {
  if (!f.policy || f.message.includes(f.policy)) return f.message;
  const message = f.message.trim();
  return text(locale, /[.!?)`]$/.test(message) ? 'lsp.citation' : 'lsp.citation.afterText', { message, policy: f.policy });
}

export function toDiagnostic(f: Finding, conv: Converter, uri: string, locale?: string): Diagnostic {
  const related: DiagnosticRelatedInformation[] = f.related.map((r) => ({
    location: { uri, range: conv.toRange(r.span) },
    message: r.message,
  }));
  const d: Diagnostic = {
    range: conv.toRange(f.span),
    severity: toSeverity(f.severity),
    code: f.ruleId,
    // A local check (`local/...`, from configuration) has no page online.
    ...(f.ruleId.startsWith('local/') ? {} : { codeDescription: { href: ruleDocHref(f.ruleId) } }),
    source: SOURCE,
    message: diagnosticMessage(f, locale),
  };
  if (related.length) d.relatedInformation = related;
  return d;
}

/**
 * The smallest single edit turning `before` into `after` (common prefix and suffix kept),
 * so a whole-file fix does not move the cursor or churn undo history.
 */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  // Never split a surrogate pair.
  if (p > 0 && isHigh(before.charCodeAt(p - 1))) p--;
  if (s > 0 && isLow(before.charCodeAt(before.length - s))) s--;
  return { start: p, end: before.length - s, newText: after.slice(p, after.length - s) };
}
const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether two spans touch or overlap (a zero-width span at a boundary counts). */
export function spansIntersect(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
