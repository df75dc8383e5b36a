// The lint loop: text + settings -> findings. The one entry point every front uses.

import { isMap } from 'yaml';
import { ALL_RULES, RULES_BY_ID } from '../rules/index.js';
import { localRules } from '../policy/checks.js';
import { defaultConfig, nearest, ruleSetting, type ResolvedConfig } from './config.js';
import { locate } from './locate.js';
import { buildPlan, type Plan } from './model.js';
import { noPlanNeeded } from './scope.js';
import { FixGuard } from './fixGuard.js';
import { countLinesAndItems, WORK_BUDGET, type BudgetExcess } from './budget.js';
import { LineIndex } from './lines.js';
import { MAX_ALIAS_COUNT, parseText, type ParsedText } from './parse.js';
import { nearMiss, redactMessage } from './privacy.js';
import { makeEditApi, makeSpanFn, type Rule, type RuleContext } from './rule.js';
import { directiveCovers, parseDirectives, type Directive } from './suppress.js';
import { catalogueFor, catalogueForRule } from './l10n.js';
import { ensureLocales } from './locales.js';
import { renderMsg, type MessageData, type Msg } from './messages.js';
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
  if (text.length > maxChars) return tooLarge(text, maxChars, options.locale);
  if (countLinesAndItems(text) > WORK_BUDGET.maxLinesAndItems) return tooManyLines(text, options.locale);

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
  const complex: Finding[] = excess.map((x) => tooComplexFinding(parsed, x, options.locale));
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
  if (options.locale && options.locale !== 'en') ensureLocales();
  const locale = catalogueFor(options.locale);

  for (const rule of rules) {
    const setting = ruleSetting(config.rules, rule.meta.id, rule.meta.severity);
    if (setting === 'off') continue;
    if (isTemplate && !rule.meta.inTemplates) continue;
    if (noPlan && rule.meta.demandsPlan) continue;
    const severity: Severity = setting;
    const configured = rule.meta.id in config.rules || `${rule.meta.id.split('/')[0]}/*` in config.rules;
    const catalogue = catalogueForRule(rule, locale);
    const render = (m: Msg, cite?: string): string => redactMessage(renderMsg(withCite(m, cite), catalogue, rule.meta.id), text);
    const report = (d: ReportDescriptor): void => {
      // Bound the work per file: past ten times the reported cap, findings are only counted.
      if (findings.length >= WORK_BUDGET.maxFindings * 10) {
        overflow++;
        return;
      }
      findings.push({
        ruleId: rule.meta.id,
        severity: d.severity && !configured ? d.severity : severity,
        // Rules quote only id-shaped values (engine/privacy.ts); anything shaped like a personal
        // identifier that still reaches a message, a related message or a fix title is withheld.
        message: render({ id: d.messageId, data: d.data }, d.cite),
        messageId: fullMessageId(rule.meta.id, d.messageId),
        ...(d.data ? { data: redactData(d.data, text) } : {}),
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
        ...metaMessage(META_RULES.internalError, 'failed', { rule: rule.meta.id, error: errorName(e) }, options.locale),
        policy: '',
        span: { start: bom, end: Math.max(bom, parsed.lines.lineEnd(0)) },
        fixes: [],
        related: [],
      });
    }
  }

  const directives = parseDirectives(parsed.comments, (line) => nextContentLine(parsed, line));
  const kept = applyDirectives(findings, directives, parsed);
  const unused = unusedDirectiveFindings(directives, config, parsed, rules, options.locale);
  const all = [...kept, ...unused];
  all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  // The cap: the first `maxFindings` (in document order) are reported, and one finding on
  // line 1 says how many more there were (and syntax problems the parser did not keep).
  const dropped = Math.max(0, all.length - WORK_BUDGET.maxFindings) + overflow + parsed.droppedProblems;
  const shown = all.length > WORK_BUDGET.maxFindings ? all.slice(0, WORK_BUDGET.maxFindings) : all;
  // The one fix guard (engine/fixGuard.ts): no fix offered may add a YAML syntax error.
  new FixGuard(parsed).filterFixes(shown);
  const extra = [...complex, ...(dropped ? [tooManyFinding(parsed, bom, dropped, options.locale)] : [])];
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

/** A finding's message, id and data for one of the engine's own (meta) rules, rendered in the lint's locale. */
function metaMessage(ruleId: string, id: string, data: MessageData, locale: string | undefined): { message: string; messageId: string; data: MessageData } {
  return { message: renderMsg({ id, data }, catalogueFor(locale), ruleId), messageId: fullMessageId(ruleId, id), data };
}

/** The class name of what a rule threw (a code such as `TypeError`, never its message). */
function errorName(e: unknown): string {
  const n = (e as Error)?.name ?? 'Error';
  return typeof n === 'string' && /^[A-Za-z][A-Za-z0-9_]{0,40}$/.test(n) ? n : 'Error';
}

const count = (n: number): string => n.toLocaleString('en-GB');

const LIMIT_MAX: Record<BudgetExcess['limit'], string> = {
  depth: String(WORK_BUDGET.maxDepth),
  nodes: count(WORK_BUDGET.maxNodes),
  aliases: count(WORK_BUDGET.maxAliases),
  keys: '',
};

/** One `meta/too-complex` finding for a budget passed: says which limit and where, never what. */
function tooComplexFinding(parsed: ParsedText, x: BudgetExcess, locale: string | undefined): Finding {
  const line = parsed.lines.positionAt(Math.min(x.offset, parsed.text.length)).line;
  const data = { whole: x.section === null ? 'yes' : 'no', limit: x.limit, ...(x.limit === 'keys' ? {} : { max: LIMIT_MAX[x.limit] }), line: line + 1 };
  return {
    ruleId: META_RULES.tooComplex,
    severity: 'error',
    ...metaMessage(META_RULES.tooComplex, 'complex', data, locale),
    policy: '',
    span: { start: parsed.lines.starts[line], end: parsed.lines.lineEnd(line) },
    fixes: [],
    related: [],
  };
}

function tooManyFinding(parsed: ParsedText, bom: number, dropped: number, locale: string | undefined): Finding {
  return {
    ruleId: META_RULES.tooComplex,
    severity: 'error',
    ...metaMessage(META_RULES.tooComplex, 'tooMany', { max: count(WORK_BUDGET.maxFindings), dropped: count(dropped) }, locale),
    policy: '',
    span: { start: bom, end: Math.max(bom, parsed.lines.lineEnd(0)) },
    fixes: [],
    related: [],
  };
}

function tooLarge(text: string, maxChars: number, locale: string | undefined): LintResult {
  const parsed = parseText('');
  return {
    findings: [
      {
        ruleId: META_RULES.fileTooLarge,
        severity: 'error',
        ...metaMessage(META_RULES.fileTooLarge, 'tooLarge', { length: count(text.length), max: count(maxChars) }, locale),
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
function tooManyLines(text: string, locale: string | undefined): LintResult {
  const parsed = parseText('');
  const lines = new LineIndex(text);
  return {
    findings: [
      {
        ruleId: META_RULES.tooComplex,
        severity: 'error',
        ...metaMessage(META_RULES.tooComplex, 'tooManyLines', { max: count(WORK_BUDGET.maxLinesAndItems) }, locale),
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

function unusedDirectiveFindings(directives: Directive[], config: ResolvedConfig, pt: ParsedText, rules: readonly Rule[], locale: string | undefined): Finding[] {
  const setting = ruleSetting(config.rules, META_RULES.unusedDisable, 'warning');
  if (setting === 'off') return [];
  const known = [...new Set([...RULES_BY_ID.keys(), ...rules.map((r) => r.meta.id), ...Object.values(META_RULES)])];
  const out: Finding[] = [];
  for (const d of directives) {
    const base = { ruleId: META_RULES.unusedDisable, severity: setting, policy: '', span: d.span, related: [] };
    const say = (id: string, data: MessageData = {}) => metaMessage(META_RULES.unusedDisable, id, data, locale);
    const removal = { title: say('fixRemove').message, edits: [removeCommentEdit(pt, d)], fixAll: true };
    if (!d.reason) {
      out.push({ ...base, ...say('noReason'), fixes: [] });
    }
    const unknown = d.rules.filter((r) => !r.endsWith('/*') && !known.includes(r));
    for (const r of unknown) {
      // A word in a comment may be anything (a name typed there): quoted only as a near miss of a rule id.
      const near = nearest(r, known);
      const hint: Msg = near ? { id: 'didYouMean', data: { near } } : { id: 'period' };
      out.push({ ...base, ...(nearMiss(r, near) ? say('unknownRule', { rule: r, hint }) : say('unknownWord', { hint })), fixes: [] });
    }
    const unusedRules = d.rules.length === 0 ? (d.used.size ? [] : ['*']) : d.rules.filter((r) => !d.used.has(r) && !unknown.includes(r));
    if (unusedRules.length && unknown.length === 0) {
      const codes: Msg[] = unusedRules.map((r) => ({ id: 'ruleCode', data: { rule: r } }));
      const what: Msg = unusedRules[0] === '*' ? { id: 'anyRule' } : codes.reduceRight((b: Msg | undefined, a) => (b ? { id: 'wordList', data: { a, b } } : a), undefined)!;
      out.push({
        ...base,
        ...say('unused', { what, where: d.kind === 'file' ? 'file' : 'line', partial: unusedRules.length < d.rules.length ? 'yes' : 'no' }),
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
