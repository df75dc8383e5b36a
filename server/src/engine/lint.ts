// The lint loop: text + settings -> findings. The one entry point every front uses.

import { isMap } from 'yaml';
import { ALL_RULES, RULES_BY_ID } from '../rules/index.js';
import { localRules } from '../policy/checks.js';
import { defaultConfig, nearest, ruleSetting, type ResolvedConfig } from './config.js';
import { locate } from './locate.js';
import { buildPlan, type Plan } from './model.js';
import { noPlanNeeded } from './scope.js';
import { applyEdits } from './edits.js';
import { countLinesAndItems, WORK_BUDGET, type BudgetExcess } from './budget.js';
import { LineIndex } from './lines.js';
import { MAX_ALIAS_COUNT, parseText, type ParsedText } from './parse.js';
import { nearMiss, redactMessage } from './privacy.js';
import { makeEditApi, makeSpanFn, type Rule, type RuleContext } from './rule.js';
import { directiveCovers, parseDirectives, type Directive } from './suppress.js';
import { catalogueFor, catalogueForRule } from './l10n.js';
import { isMsg, renderMsg, type MessageData, type Msg } from './messages.js';
import type { Finding, ReportDescriptor, Severity } from './types.js';

export interface LintOptions {
  /** "Today", `YYYY-MM-DD`. Required: the engine never reads the clock. */
  asOf: string;
  config?: ResolvedConfig;
  /** Restrict to these rules (tests); default: every rule. */
  rules?: readonly Rule[];
  /** Refuse texts longer than this many characters (default 5,000,000). */
  maxChars?: number;
  /** The locale messages are rendered in (default `en`; engine/l10n.ts). */
  locale?: string;
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
  tooComplex: 'meta/too-complex',
} as const;

const DEFAULT_MAX_CHARS = 5_000_000;

export function lint(text: string, options: LintOptions): LintResult {
  const config = options.config ?? defaultConfig();
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) return tooLarge(text, maxChars);
  if (countLinesAndItems(text) > WORK_BUDGET.maxLinesAndItems) return tooManyLines(text);

  // A byte-order mark is not content: parse after it, keep offsets in the original text.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const parsed = parseText(text);
  const findings: Finding[] = [];
  let overflow = 0;

  // The work budget (engine/budget.ts) was measured on the composed Document: nothing over it
  // is converted to JS. A top-level section over it is left out (the rest is checked); a
  // document-wide excess (too many nodes or aliases, or a root that is not a mapping) means
  // only the syntax is reported.
  const excess = parsed.budget?.excess ?? [];
  const refused = excess.some((x) => x.section === null);
  const complex: Finding[] = excess.map((x) => tooComplexFinding(parsed, x));
  let root: unknown;
  try {
    root = parsed.doc && !refused ? toJSWithout(parsed.doc, new Set(excess.map((x) => x.section as number))) : null;
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
  const allRules = config.checks?.length ? [...(options.rules ?? ALL_RULES), ...localRules(config.checks)] : (options.rules ?? ALL_RULES);
  const rules = allRules.filter((r) => !refused || r.meta.id === 'schema/yaml-syntax');
  // No plan needed (PSI 19/2014 paras 1.2, 1.7): the rules that demand plan content stay quiet.
  const noPlan = !isTemplate && noPlanNeeded(plan, config.policy.plan) !== undefined;
  const span = makeSpanFn(parsed);
  const edit = makeEditApi(parsed);
  const locale = catalogueFor(options.locale);

  for (const rule of rules) {
    const setting = ruleSetting(config.rules, rule.meta.id, rule.meta.severity);
    if (setting === 'off') continue;
    if (isTemplate && !rule.meta.inTemplates) continue;
    if (noPlan && rule.meta.demandsPlan) continue;
    const severity: Severity = setting;
    const configured = rule.meta.id in config.rules || `${rule.meta.id.split('/')[0]}/*` in config.rules;
    const catalogue = catalogueForRule(rule, locale);
    const render = (m: string | Msg, cite?: string): string => redactMessage(isMsg(m) ? renderMsg(withCite(m, cite), catalogue, rule.meta.id) : m, text);
    const report = (d: ReportDescriptor): void => {
      // Bound the work per file: past ten times the reported cap, findings are only counted.
      if (findings.length >= WORK_BUDGET.maxFindings * 10) {
        overflow++;
        return;
      }
      const main: Msg | string = d.messageId !== undefined ? { id: d.messageId, data: d.data } : (d.message ?? '');
      findings.push({
        ruleId: rule.meta.id,
        severity: d.severity && !configured ? d.severity : severity,
        // Rules quote only id-shaped values (engine/privacy.ts); anything shaped like a personal
        // identifier that still reaches a message, a related message or a fix title is withheld.
        message: render(main, d.cite),
        ...(d.messageId !== undefined ? { messageId: fullMessageId(rule.meta.id, d.messageId), data: redactData(d.data, text) } : {}),
        ...(d.cite ? { cite: d.cite } : {}),
        policy: rule.meta.policy,
        span: d.span ?? span(d.path, d.at),
        fixes: (d.fixes ?? []).filter((f) => f.edits.length > 0).map((f) => ({ ...f, title: render(f.title) })),
        related: (d.related ?? []).map((r) => ({ span: span(r.path, r.at), message: render(r.message) })),
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
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  // The cap: the first `maxFindings` (in document order) are reported, and one finding on
  // line 1 says how many more there were (and syntax problems the parser did not keep).
  const dropped = Math.max(0, all.length - WORK_BUDGET.maxFindings) + overflow + parsed.droppedProblems;
  const shown = all.length > WORK_BUDGET.maxFindings ? all.slice(0, WORK_BUDGET.maxFindings) : all;
  dropFixesThatBreakSyntax(shown, parsed);
  const extra = [...complex, ...(dropped ? [tooManyFinding(parsed, bom, dropped)] : [])];
  const result = extra.length ? [...shown, ...extra].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId)) : shown;
  return { findings: result, parsed, plan, isTemplate, root };
}

const fullMessageId = (ruleId: string, id: string): string => (id.includes('.') ? id : `${ruleId}.${id}`);

/** `{cite}` in a message is the citation the finding carries (data, not text). */
function withCite(m: Msg, cite: string | undefined): Msg {
  return cite === undefined ? m : { id: m.id, data: { ...m.data, cite } };
}

/** The data kept on a finding: strings pass the same last-line redaction as messages. */
function redactData(data: MessageData | undefined, text: string): MessageData | undefined {
  if (!data) return undefined;
  const out: Record<string, MessageData[string]> = {};
  for (const [k, v] of Object.entries(data)) out[k] = typeof v === 'string' ? redactMessage(v, text) : v;
  return out;
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
  // Each check re-parses the whole text: past a budget of re-parsed characters the remaining
  // fixes are not offered (never offered unchecked).
  let budget = REPARSE_BUDGET_CHARS;
  for (const f of findings) {
    if (!f.fixes.length) continue;
    f.fixes = f.fixes.filter((fix) => {
      budget -= parsed.text.length;
      return budget >= 0 && errors(parseText(applyEdits(parsed.text, fix.edits)).problems) <= before;
    });
  }
}

/** Characters `dropFixesThatBreakSyntax` may re-parse per lint (200 fixes of a 100 KB plan). */
const REPARSE_BUDGET_CHARS = 20_000_000;

/** `doc.toJS()`, leaving out the top-level pairs in `cut` (the document is restored after). */
function toJSWithout(doc: NonNullable<ParsedText['doc']>, cut: ReadonlySet<number>): unknown {
  const root = doc.contents;
  if (!cut.size || !isMap(root)) return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  const items = root.items;
  root.items = items.filter((_, i) => !cut.has(i));
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } finally {
    root.items = items;
  }
}

const LIMIT_WORDS: Record<BudgetExcess['limit'], string> = {
  depth: `it is nested more than ${WORK_BUDGET.maxDepth} levels deep`,
  nodes: `it holds more than ${WORK_BUDGET.maxNodes.toLocaleString('en-GB')} values`,
  aliases: `it has more than ${WORK_BUDGET.maxAliases.toLocaleString('en-GB')} aliases (\`*name\`)`,
  keys: 'it uses lists or mappings as keys, too large to read',
};

/** One `meta/too-complex` finding for a budget passed: says which limit and where, never what. */
function tooComplexFinding(parsed: ParsedText, x: BudgetExcess): Finding {
  const line = parsed.lines.positionAt(Math.min(x.offset, parsed.text.length)).line;
  const what =
    x.section === null
      ? 'This file is too complex to check within planlint\'s work budget'
      : 'This part of the file is too complex to check within planlint\'s work budget';
  const rest = x.section === null ? 'only its YAML syntax was checked' : `the top-level section it is in was left out and everything else was checked`;
  return {
    ruleId: META_RULES.tooComplex,
    severity: 'error',
    message: `${what}: ${LIMIT_WORDS[x.limit]} (line ${line + 1}), so ${rest}. A sentence plan is a few levels deep with a few thousand values: check that this is the right file.`,
    policy: '',
    span: { start: parsed.lines.starts[line], end: parsed.lines.lineEnd(line) },
    fixes: [],
    related: [],
  };
}

function tooManyFinding(parsed: ParsedText, bom: number, dropped: number): Finding {
  return {
    ruleId: META_RULES.tooComplex,
    severity: 'error',
    message: `This file has more than ${WORK_BUDGET.maxFindings.toLocaleString('en-GB')} problems: the first ${WORK_BUDGET.maxFindings.toLocaleString('en-GB')} are listed and ${dropped.toLocaleString('en-GB')} more were not. Fix the first ones (often one mistake repeated) and check again.`,
    policy: '',
    span: { start: bom, end: Math.max(bom, parsed.lines.lineEnd(0)) },
    fixes: [],
    related: [],
  };
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

/** Over the parser's budget: not parsed at all; one `meta/too-complex` finding on line 1. */
function tooManyLines(text: string): LintResult {
  const parsed = parseText('');
  const lines = new LineIndex(text);
  return {
    findings: [
      {
        ruleId: META_RULES.tooComplex,
        severity: 'error',
        message: `This file is too complex to check within planlint's work budget: it has more than ${WORK_BUDGET.maxLinesAndItems.toLocaleString('en-GB')} lines and list items, so it was not read. A sentence plan is a few hundred lines: check that this is the right file.`,
        policy: '',
        span: { start: 0, end: lines.lineEnd(0) },
        fixes: [],
        related: [],
      },
    ],
    parsed: { ...parsed, text, lines },
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
      // A word in a comment may be anything (a name typed there): quoted only as a near miss of a rule id.
      const near = nearest(r, known);
      const shown = nearMiss(r, near) ? `\`${r}\`` : 'A word in this comment';
      out.push({ ...base, message: `${shown} is not a planlint rule${near ? ` — did you mean \`${near}\`?` : '.'}`, fixes: [] });
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
