// Hover: the rule explanation for a diagnostic under the cursor, the schema description
// of a key, the catalogue facts of a programme id, and the review obligations a date drives.

import { obligationWords } from './timeline.js';
import type { LocalCheck } from '../policy/checks.js';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { dueDates, type Obligation } from '../engine/obligations.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { ServerState } from './context.js';
import { ruleDocHref } from './convert.js';
import type { Linted } from './documents.js';
import { eligibilityText, programmeFacts } from './programmes.js';
import { knownValues, schemaAt } from '../engine/schema.js';
import { schemaDescription, schemaEnumDescription, schemaTitle } from '../engine/schemaText.js';
import { idSites, nodeAt, siteAt, type IdKind } from './yamlPath.js';
import { idOr, isQuotableCode, isQuotableId } from '../engine/privacy.js';
import { defaultPolicy } from '../policy/index.js';
import { judgeMeasurable, judgeSpecific, type Judgement } from '../rules/smart/analysis.js';
import { msg, render, text, type Msg } from './messages.js';

/** "the id OBJ-2", or "this id" when it may not be quoted (a name typed as an id). */
const theId = (id: string): Msg => (isQuotableId(id) ? msg('lsp.hover.theId', { id }) : msg('lsp.hover.thisId'));
/** A status value in words ("in progress"), in the locale. */
const statusMsg = (status: string): Msg => msg('lsp.status', { status, text: status.replace(/_/g, ' ') });

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const STATE_TEXT: Record<string, string> = { met: 'lsp.obligation.met', upcoming: 'lsp.obligation.upcoming', late: 'lsp.obligation.late', overdue: 'lsp.obligation.overdue' };

/** "Periodic review due 2026-12-01 (every 6 months): upcoming" (the kind and basis in the locale: obligationWords). */
export function obligationLine(o: Obligation, locale?: string): string {
  let state: Msg | string = STATE_TEXT[o.state] ? msg(STATE_TEXT[o.state]) : o.state;
  // A date that is planlint's default, not the policy's, is never "overdue by N days".
  if (o.state === 'overdue' && o.defaultDeadline) state = msg('lsp.obligation.pastDefault');
  else if (o.state === 'overdue' && o.daysPast) state = msg('lsp.obligation.overdueBy', { n: o.daysPast });
  if (o.state === 'met' && o.metOn) state = msg('lsp.obligation.metWhen', { date: o.metOn });
  const { kind, basis } = obligationWords(o, locale);
  return text(locale, 'lsp.obligation.line', { kind, due: o.due, basis, state });
}

/**
 * A finding, for people: the rule, its message once (which says what to do), the policy
 * paragraph and a link to the rule's page. The rationale and the examples are on that page,
 * not here, so a hover stays short (about 600 characters at most).
 */
function ruleSection(ruleId: string, message: string, checks: readonly LocalCheck[] | undefined, locale: string | undefined): string {
  const local = ruleId.startsWith('local/') ? checks?.find((c) => c.id === ruleId) : undefined;
  const policy = local ? local.policy : RULES_BY_ID.get(ruleId)?.meta.policy;
  // The policy once: many messages already cite their paragraph.
  const cited = policy && !message.includes(policy.split(/[;(]/)[0].trim());
  const foot = [cited ? text(locale, 'lsp.hover.policy', { policy: mdText(policy) }) : '', moreLink(ruleId, local, locale)].filter(Boolean).join(' · ');
  return [`**${ruleId}**`, message, foot].join('\n\n');
}

/**
 * Where to read more: a built-in rule's page; for a local check, what it is for and where it is
 * defined (its own configuration file or policy pack), since its documentation is the team's.
 */
function moreLink(ruleId: string, local: LocalCheck | undefined, locale: string | undefined): string {
  if (!ruleId.startsWith('local/')) return text(locale, 'lsp.hover.more', { href: ruleDocHref(ruleId) });
  // The check's description is the team's own text (configuration data), shown as written.
  const why = local?.description ? mdText(local.description) : '';
  const where = text(locale, local?.from ? 'lsp.hover.localFromPack' : 'lsp.hover.localInConfig', { command: `planlint explain ${ruleId}` });
  return [why, where].filter(Boolean).join(' · ');
}

/** Configuration text shown in Markdown: one line, no markup or links of its own. */
const mdText = (s: string): string => s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).slice(0, 300);

/** A second or third finding at the same place: one line each. */
function ruleLine(ruleId: string, message: string, locale: string | undefined): string {
  const first = /^.*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;
  return ruleId.startsWith('local/') ? text(locale, 'lsp.hover.ruleLine', { rule: ruleId, message: first }) : text(locale, 'lsp.hover.ruleLineMore', { rule: ruleId, message: first, href: ruleDocHref(ruleId) });
}

/** "Objective OBJ-2: need finance · target 2027-01-29 · in progress · 1 action" (no free text). */
function idSummary(l: Linted, kind: IdKind, id: string, withSmart = true): string {
  const plan = l.result.plan;
  const locale = l.options.locale;
  const t = (m: Msg): string => render(locale, m);
  const parts: string[] = [];
  const head = (facts: string, table = ''): string =>
    `${text(locale, `lsp.hover.${kind}${isQuotableId(id) ? '' : 'NoId'}`, { id, facts })}${table ? `\n\n${table}` : ''}`;
  if (kind === 'outcome') {
    if (!plan.outcomes.some((o) => o.id === id)) return text(locale, 'lsp.hover.noOutcome', { which: theId(id) });
    const n = plan.objectives.filter((o) => o.outcome === id).length;
    parts.push(text(locale, 'lsp.hover.objectives', { n }));
  } else if (kind === 'objective') {
    const o = plan.objectives.find((x) => x.id === id);
    if (!o) return text(locale, 'lsp.hover.noObjective', { which: theId(id) });
    if (o.outcome) parts.push(text(locale, 'lsp.hover.serves', { what: idOr(o.outcome, text(locale, 'lsp.hover.anOutcome')) }));
    if (o.need) parts.push(text(locale, 'lsp.hover.need', { need: msg('lsp.need', { need: o.need, text: o.need.replace(/_/g, ' ') }) }));
    if (o.target_date) parts.push(text(locale, 'lsp.hover.target', { date: o.target_date }));
    if (o.status) parts.push(t(statusMsg(o.status)));
    const n = plan.actions.filter((a) => a.objective === id).length;
    parts.push(text(locale, 'lsp.hover.actions', { n }));
    // The per-letter table, unless a finding here already has the reader's attention.
    const table = withSmart ? smartTable(l, o, id) : '';
    return head(parts.join(' · '), table);
  } else {
    const a = plan.actions.find((x) => x.id === id);
    if (!a) return text(locale, 'lsp.hover.noAction', { which: theId(id) });
    if (a.objective) parts.push(text(locale, 'lsp.hover.serves', { what: idOr(a.objective, text(locale, 'lsp.hover.anObjective')) }));
    if (isQuotableCode(a.type)) parts.push(isQuotableCode(a.programme) ? `${a.type} (${a.programme})` : a.type);
    if (a.priority !== undefined) parts.push(text(locale, 'lsp.hover.priority', { n: a.priority }));
    if (a.start_date || a.target_date) parts.push(text(locale, 'lsp.hover.dates', { start: a.start_date ?? '?', end: a.target_date ?? '?' }));
    if (a.status) parts.push(t(statusMsg(a.status)));
    if (a.after?.length) parts.push(text(locale, 'lsp.hover.after', { ids: a.after.map((x) => idOr(x, text(locale, 'lsp.hover.anAction'))).join(', ') }));
  }
  return head(parts.join(' · '));
}

const REASON: Record<NonNullable<Judgement['reason']>, string> = {
  'light-verb': 'lsp.smart.lightVerb',
  abstract: 'lsp.smart.abstract',
  placeholder: 'lsp.smart.placeholder',
  disposition: 'lsp.smart.disposition',
  note: 'lsp.smart.note',
  'no-act': 'lsp.smart.noAct',
  opinion: 'lsp.smart.opinion',
  'no-result': 'lsp.smart.noResult',
  'nothing-checkable': 'lsp.smart.nothingCheckable',
};
const cell = (j: Judgement | undefined, none: string): Msg => {
  if (!j) return msg(none);
  // The basis is the sentence analysis's own word for what it found (English data).
  if (j.ok) return msg('lsp.smart.yes', { basis: j.basis ?? msg('lsp.smart.checkable') });
  const reason = msg(REASON[j.reason ?? 'no-act']);
  return j.phrase ? msg('lsp.smart.noPhrase', { phrase: j.phrase, reason }) : msg('lsp.smart.no', { reason });
};

/** True when a message names the id as a whole word ("OBJ-1" but not "OBJ-12"). */
function mentionsId(message: string, id: string): boolean {
  const word = /[A-Za-z0-9_-]/;
  for (let i = message.indexOf(id); i >= 0; i = message.indexOf(id, i + 1)) {
    if (!word.test(message[i - 1] ?? ' ') && !word.test(message[i + id.length] ?? ' ')) return true;
  }
  return false;
}

/** The objective judged letter by letter: S and M by the sentence analysis, A, R, T by the findings that name it. */
function smartTable(l: Linted, o: { description?: string; measure?: string; target_date?: string }, id: string): string {
  const sp = l.options.config?.policy.smart ?? defaultPolicy().policy.smart;
  const locale = l.options.locale;
  const named = (rule: string) => l.result.findings.filter((f) => f.ruleId === rule && mentionsId(f.message, id)).length;
  const byRules = (rules: string[], ok: Msg): Msg => {
    const n = rules.reduce((s, r) => s + named(r), 0);
    return n ? msg('lsp.smart.findings', { n, rules: rules.filter((r) => named(r)).join(', ') }) : msg('lsp.smart.yes', { basis: ok });
  };
  let s: Judgement | undefined, m: Judgement | undefined;
  try {
    s = o.description ? judgeSpecific(o.description, sp) : undefined;
    m = o.measure ? judgeMeasurable(o.measure, sp) : undefined;
  } catch {
    return '';
  }
  const noFinding = msg('lsp.smart.noFinding');
  return [
    text(locale, 'lsp.smart.header'),
    '|---|---|---|',
    text(locale, 'lsp.smart.specific', { cell: cell(s, 'lsp.smart.noDescription') }),
    text(locale, 'lsp.smart.measurable', { cell: cell(m, 'lsp.smart.noMeasure') }),
    text(locale, 'lsp.smart.achievable', { cell: byRules(['smart/achievable'], noFinding) }),
    text(locale, 'lsp.smart.realistic', { cell: byRules(['smart/realistic', 'smart/phase'], noFinding) }),
    text(locale, 'lsp.smart.timeBound', { cell: o.target_date ? byRules(['smart/time-bound', 'smart/overdue'], msg('lsp.hover.target', { date: o.target_date })) : msg('lsp.smart.noTargetDate') }),
  ].join('\n');
}

export function hoverMarkdown(l: Linted, offset: number): string | undefined {
  const sections: string[] = [];
  const res = l.result;
  const locale = l.options.locale;

  // 1. Findings under the cursor.
  const here = res.findings.filter((f) => offset >= f.span.start && offset <= f.span.end);
  if (here.length) sections.push(ruleSection(here[0].ruleId, here[0].message, l.options.config?.checks, locale));
  if (here.length > 1) sections.push(here.slice(1, 3).map((f) => ruleLine(f.ruleId, f.message, locale)).join('\n\n') + (here.length > 3 ? `\n\n${text(locale, 'lsp.hover.moreHere', { n: here.length - 3 })}` : ''));

  const at = nodeAt(res.parsed.doc, offset);
  if (at && at.path.length) {
    const schemaPath = at.path.map((s) => (typeof s === 'number' ? '#' : s));
    const key = at.path.filter((s): s is string => typeof s === 'string').pop();
    const last = at.path[at.path.length - 1];
    const value = at.on === 'value' && at.scalar ? at.scalar.value : undefined;

    // 2. Programme id: catalogue facts (and eligibility for this person); a programme/*
    //    finding here already names the programme, its verdict and the reason.
    if (at.on === 'value' && key === 'programme' && typeof value === 'string' && !here.some((f) => f.ruleId.startsWith('programme/'))) {
      const cat = l.options.config?.catalogue;
      const facts = cat && programmeFacts(cat, value, locale);
      if (facts) {
        // Under a finding, only the name and the verdict: the finding is the point.
        const lines = [`**${facts.name}** (\`${facts.id}\`)`, ...(here.length ? [] : facts.lines)];
        const action = at.path[0] === 'actions' && typeof at.path[1] === 'number' ? res.plan.actions.find((a) => a.path[1] === at.path[1]) : undefined;
        const elig = cat && l.options.config && eligibilityText(res.plan, value, cat, l.options.config.policy, action, locale);
        if (elig) lines.push(text(locale, 'lsp.programme.forThisPerson', { text: elig }));
        sections.push(lines.join('\n\n'));
      } else sections.push(text(locale, 'lsp.programme.notInCatalogue')); // not quoted back: it may be a name typed in the wrong field
    }

    // 3. Date fields: the obligations they drive or meet.
    if (at.on === 'value' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && l.options.config) {
      let obligations: Obligation[] = [];
      try {
        obligations = dueDates(res.plan, l.options.asOf, l.options.config.policy);
      } catch {
        obligations = [];
      }
      const parent = at.path.slice(0, -1);
      const related = obligations.filter(
        (o) => samePath(o.path, at.path) || (o.metBy && (samePath(o.metBy, parent) || samePath(o.metBy, at.path) || (samePath(o.metBy, ['assessment', 'oasys']) && samePath(at.path, ['assessment', 'oasys', 'completed_on'])))),
      );
      // An obligation whose finding is shown above is not repeated.
      const shown = related.filter((o) => !here.some((f) => f.ruleId === o.rule));
      if (shown.length) sections.push([text(locale, 'lsp.hover.obligations'), ...shown.map((o) => `- ${obligationLine(o, locale)}`)].join('\n'));
    }

    // 4. An id (or a reference to one): what it names, by id, type and dates only.
    const site = siteAt(idSites(res.parsed.doc), offset);
    if (site) sections.push(idSummary(l, site.kind, site.id, !here.length));

    // 5. Schema description of the key (or of the value's key): the schema's title, description
    //    and per-value descriptions are catalogue messages (engine/schemaText.ts), in the locale.
    if (typeof last === 'string' || at.on === 'key') {
      const sch = schemaAt(schemaPath);
      if (sch?.description) {
        const title = sch.title ? ` (${schemaTitle(sch, locale)})` : '';
        const lines = [`**${key}**${title}`, schemaDescription(sch, locale)!];
        const values = knownValues(sch);
        if (values.length > 1 && at.on === 'key') lines.push(text(locale, 'lsp.hover.oneOf', { values: values.map((v) => `\`${String(v)}\``).join(', ') }));
        // On a fixed value: what that value means (the schema's per-value description).
        const meaning = at.on === 'value' ? schemaEnumDescription(sch, value, locale) : undefined;
        if (meaning) lines.push(`\`${String(value)}\`: ${meaning}`);
        // Under a finding the key's description is context, not the point: keep it for a clean value.
        if (!here.length) sections.push(lines.join('\n\n'));
      }
    }
  }
  return sections.length ? sections.join('\n\n---\n\n') : undefined;
}

export async function hover(s: ServerState, p: HoverParams): Promise<Hover | null> {
  const l = await s.linted(p.textDocument.uri);
  if (!l) return null;
  const offset = l.conv.toOffset(p.position);
  const md = hoverMarkdown(l, offset);
  if (!md) return null;
  return { contents: { kind: s.client.markdownHover ? MarkupKind.Markdown : MarkupKind.PlainText, value: md } };
}
