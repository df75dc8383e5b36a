// Inline suppression comments, as ESLint and markdownlint have them:
//   # planlint-disable-next-line smart/specific, smart/measurable -- agreed with the panel
//   value  # planlint-disable-line smart/specific -- reason
//   # planlint-disable-file plan/interpreter -- reason
// A directive with no rule list applies to every rule. Every directive needs a reason
// after ` -- `; an unused or reasonless directive is reported as meta/unused-disable.

import type { Comment } from './parse.js';
import type { Span } from './types.js';

export type DirectiveKind = 'next-line' | 'line' | 'file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or family patterns (`smart/*`); empty means every rule. */
  rules: string[];
  reason: string;
  /** The whole comment. */
  span: Span;
  /** The 0-based line the directive silences (next-line / line); -1 for file. */
  targetLine: number;
  /** Rules (or '*') this directive actually silenced a finding for. */
  used: Set<string>;
  comment: Comment;
}

const RE = /^\s*planlint-disable-(next-line|line|file)\b(.*)$/;

export function parseDirectives(comments: readonly Comment[], nextContentLine: (line: number) => number): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = RE.exec(c.text);
    if (!m) continue;
    const kind = m[1] as DirectiveKind;
    const rest = m[2];
    const sep = rest.indexOf('--');
    const list = sep >= 0 ? rest.slice(0, sep) : rest;
    const reason = sep >= 0 ? rest.slice(sep + 2).trim() : '';
    const rules = list
      .split(/[,\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const targetLine = kind === 'file' ? -1 : kind === 'line' ? c.line : nextContentLine(c.line);
    out.push({ kind, rules, reason, span: { start: c.start, end: c.end }, targetLine, used: new Set(), comment: c });
  }
  return out;
}

export function directiveCovers(d: Directive, ruleId: string): string | undefined {
  if (d.rules.length === 0) return '*';
  for (const r of d.rules) {
    if (r === ruleId) return r;
    if (r.endsWith('/*') && ruleId.startsWith(r.slice(0, -1))) return r;
  }
  return undefined;
}
