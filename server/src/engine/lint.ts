// The lint loop: text + settings -> findings. The one entry point every front uses.

import { ALL_RULES, RULES_BY_ID } from '../rules/index.js';
import { localRules } from '../policy/checks.js';
import { defaultConfig, nearest, ruleSetting, type ResolvedConfig } from './config.js';
import { locate } from './locate.js';
import { buildPlan, type Plan } from './model.js';
import { applyEdits } from './edits.js';
import { MAX_ALIAS_COUNT, parseText, type ParsedText } from './parse.js';
import { makeEditApi, makeSpanFn, type Rule, type RuleContext } from './rule.js';
import { directiveCovers, parseDirectives, type Directive } from './suppress.js';
import type { Finding, ReportDescriptor, Severity } from './types.js';

export interface LintOptions {
  /** "Today", `YYYY-MM-DD`. Required: the engine never reads the clock. */
  asOf: string;
  config?: ResolvedConfig;
  /** Restrict to these rules (tests); default: every rule. */
  rules?: readonly Rule[];
  /** Refuse texts longer than this many characters (default 5,000,000). */
  maxChars?: number;
}

export interface LintResult {
  findings: Finding[];
  parsed: ParsedText;
  plan: Plan;
  isTemplate: boolean;
  /** Plain JS value of the first document (undefined when it could not be built). */
  root: unknown;
}

export const META_RULES = {
  unusedDisable: 'meta/unused-disable',
  internalError: 'meta/internal-error',
  fileTooLarge: 'meta/file-too-large',
} as const;

const DEFAULT_MAX_CHARS = 5_000_000;

export function lint(text: string, options: LintOptions): LintResult {
  const config = options.config ?? defaultConfig();
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) return tooLarge(text, maxChars);

  // A byte-order mark is not content: parse after it, keep offsets in the original text.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parsed = parseText(text);
  const findings: Finding[] = [];

  let root: unknown;
  try {
    root = parsed.doc ? parsed.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) : null;
  } catch (e) {
    root = null;
    parsed.problems.push({
      span: { start: bom, end: Math.min(text.length, parsed.lines.lineEnd(0)) },
      message:
        (e as Error).message.includes('alias')
          ? `Too many alias expansions (more than ${MAX_ALIAS_COUNT}): the document may be an alias bomb, so it is not read further.`
          : 'The document could not be read as data.',
      code: 'ALIAS_LIMIT',
      severity: 'error',
    });
  }
  const plan = buildPlan(root);
  const isTemplate = plan.kind === 'template';

  // Local checks from configuration run as rules after the built-in ones.
  const rules = config.checks?.length ? [...(options.rules ?? ALL_RULES), ...localRules(config.checks)] : (options.rules ?? ALL_RULES);
  const span = makeSpanFn(parsed);
  const edit = makeEditApi(parsed);

  for (const rule of rules) {
    const setting = ruleSetting(config.rules, rule.meta.id, rule.meta.severity);
    if (setting === 'off') continue;
    if (isTemplate && !rule.meta.inTemplates) continue;
    const severity: Severity = setting;
    const configured = rule.meta.id in config.rules || `${rule.meta.id.split('/')[0]}/*` in config.rules;
    const report = (d: ReportDescriptor): void => {
      findings.push({
        ruleId: rule.meta.id,
        severity: d.severity && !configured ? d.severity : severity,
        message: d.message,
        policy: rule.meta.policy,
        span: d.span ?? span(d.path, d.at),
        fixes: (d.fixes ?? []).filter((f) => f.edits.length > 0),
        related: (d.related ?? []).map((r) => ({ span: span(r.path, r.at), message: r.message })),
      });
    };
    const ctx: RuleContext = {
      plan,
      root,
      parsed,
      doc: parsed.doc,
      asOf: options.asOf,
      policy: config.policy,
      catalogue: config.catalogue,
      isTemplate,
      report,
      span,
      locate: (p) => locate(parsed.doc, p),
      edit,
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // One rule's bug must not hide the others' findings. Say which rule, never what content.
      findings.push({
        ruleId: META_RULES.internalError,
        severity: 'error',
        message: `planlint's rule \`${rule.meta.id}\` failed on this file (${(e as Error)?.name ?? 'Error'}); its checks are missing. Please report this with the rule id.`,
        policy: '',
        span: { start: bom, end: Math.max(bom, parsed.lines.lineEnd(0)) },
        fixes: [],
        related: [],
      });
    }
  }

  const directives = parseDirectives(parsed.comments, (line) => nextContentLine(parsed, line));
  const kept = applyDirectives(findings, directives, parsed);
  const unused = unusedDirectiveFindings(directives, config, parsed, rules);
  const all = [...kept, ...unused];
  dropFixesThatBreakSyntax(all, parsed);
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { findings: all, parsed, plan, isTemplate, root };
}

/**
 * In a text that already has YAML syntax errors, a fix computed from the damaged tree can make
 * things worse (an inserted pair under a broken key adds an error). There, each fix is checked
 * by re-parsing the fixed text and dropped if it would add a syntax error. Texts that parse
 * cleanly (the usual case) pay nothing.
 */
function dropFixesThatBreakSyntax(findings: Finding[], parsed: ParsedText): void {
  const errors = (ps: ParsedText['problems']): number => ps.filter((p) => p.severity === 'error').length;
  const before = errors(parsed.problems);
  if (before === 0) return;
  for (const f of findings) {
    if (!f.fixes.length) continue;
    f.fixes = f.fixes.filter((fix) => errors(parseText(applyEdits(parsed.text, fix.edits)).problems) <= before);
  }
}

function tooLarge(text: string, maxChars: number): LintResult {
  const parsed = parseText('');
  return {
    findings: [
      {
        ruleId: META_RULES.fileTooLarge,
        severity: 'error',
        message: `This file is ${text.length.toLocaleString('en-GB')} characters long, over the limit of ${maxChars.toLocaleString('en-GB')}; it was not checked. A sentence plan is far smaller: check that this is the right file, or raise the limit (--max-file-size).`,
        policy: '',
        span: { start: 0, end: 0 },
        fixes: [],
        related: [],
      },
    ],
    parsed: { ...parsed, text },
    plan: buildPlan(null),
    isTemplate: false,
    root: null,
  };
}

/** The next line after `line` that is not blank or a comment (what a next-line directive silences). */
function nextContentLine(pt: ParsedText, line: number): number {
  for (let l = line + 1; l < pt.lines.lineCount; l++) {
    const t = pt.lines.lineText(l).trim();
    if (t !== '' && !t.startsWith('#')) return l;
  }
  return line + 1;
}

function applyDirectives(findings: Finding[], directives: Directive[], pt: ParsedText): Finding[] {
  if (!directives.length) return findings;
  return findings.filter((f) => {
    if (f.ruleId === META_RULES.internalError) return true;
    const line = pt.lines.positionAt(f.span.start).line;
    for (const d of directives) {
      if (d.kind !== 'file' && d.targetLine !== line) continue;
      const by = directiveCovers(d, f.ruleId);
      if (by) {
        d.used.add(by);
        return false;
      }
    }
    return true;
  });
}

function unusedDirectiveFindings(directives: Directive[], config: ResolvedConfig, pt: ParsedText, rules: readonly Rule[]): Finding[] {
  const setting = ruleSetting(config.rules, META_RULES.unusedDisable, 'warning');
  if (setting === 'off') return [];
  const known = [...new Set([...RULES_BY_ID.keys(), ...rules.map((r) => r.meta.id), ...Object.values(META_RULES)])];
  const out: Finding[] = [];
  for (const d of directives) {
    const base = { ruleId: META_RULES.unusedDisable, severity: setting, policy: '', span: d.span, related: [] };
    const removal = { title: 'Remove this suppression comment', edits: [removeCommentEdit(pt, d)], fixAll: true };
    if (!d.reason) {
      out.push({ ...base, message: 'This suppression has no reason: add one after ` -- ` so reviewers know why the rule does not apply here.', fixes: [] });
    }
    const unknown = d.rules.filter((r) => !r.endsWith('/*') && !known.includes(r));
    for (const r of unknown) {
      const near = nearest(r, known);
      out.push({ ...base, message: `\`${r}\` is not a planlint rule${near ? ` — did you mean \`${near}\`?` : ''}.`, fixes: [] });
    }
    const unusedRules = d.rules.length === 0 ? (d.used.size ? [] : ['*']) : d.rules.filter((r) => !d.used.has(r) && !unknown.includes(r));
    if (unusedRules.length && unknown.length === 0) {
      const what = unusedRules[0] === '*' ? 'any rule' : unusedRules.map((r) => `\`${r}\``).join(', ');
      const where = d.kind === 'file' ? 'in this file' : 'on the line it covers';
      out.push({
        ...base,
        message: `Unused suppression: ${what} reports nothing ${where}. Remove it${unusedRules.length < d.rules.length ? ' or those rules from it' : ''}.`,
        fixes: unusedRules.length === d.rules.length || d.rules.length === 0 ? [removal] : [],
      });
    }
  }
  return out;
}

/** Remove a directive comment: the whole line when it stands alone, else just the comment. */
function removeCommentEdit(pt: ParsedText, d: Directive) {
  const c = d.comment;
  if (c.ownLine) {
    const start = pt.lines.starts[c.line];
    const next = c.line + 1 < pt.lines.lineCount ? pt.lines.starts[c.line + 1] : pt.lines.lineEnd(c.line);
    return { start, end: next, newText: '' };
  }
  let s = c.start;
  while (s > 0 && (pt.text[s - 1] === ' ' || pt.text[s - 1] === '\t')) s--;
  return { start: s, end: c.end, newText: '' };
}
