// Hover: the rule explanation for a diagnostic under the cursor, the schema description
// of a key, the catalogue facts of a programme id, and the review obligations a date drives.

import type { LocalCheck } from '../policy/checks.js';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { dueDates, type Obligation } from '../engine/obligations.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { ServerState } from './context.js';
import { ruleDocHref } from './convert.js';
import type { Linted } from './documents.js';
import { eligibilityText, programmeFacts } from './programmes.js';
import { enumDescription, knownValues, schemaAt } from '../engine/schema.js';
import { idSites, nodeAt, siteAt, type IdKind } from './yamlPath.js';
import { idOr, isQuotableCode, isQuotableId } from '../engine/privacy.js';

/** "the id OBJ-2", or "this id" when it may not be quoted (a name typed as an id). */
const theId = (id: string): string => (isQuotableId(id) ? `the id ${id}` : 'this id');
import { defaultPolicy } from '../policy/index.js';
import { judgeMeasurable, judgeSpecific, type Judgement } from '../rules/smart/analysis.js';

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const STATE_TEXT: Record<string, string> = { met: 'met', upcoming: 'upcoming', late: 'done late', overdue: 'overdue' };

export function obligationLine(o: Obligation): string {
  let state = STATE_TEXT[o.state] ?? o.state;
  // A date that is planlint's default, not the policy's, is never "overdue by N days".
  if (o.state === 'overdue' && o.defaultDeadline) state = "no review yet, past planlint's default date";
  else if (o.state === 'overdue' && o.daysPast) state += ` by ${o.daysPast} day${o.daysPast === 1 ? '' : 's'}`;
  if (o.state === 'met' && o.metOn) state += ` (${o.metOn})`;
  return `${o.kind} due ${o.due} (${o.basis}): ${state}`;
}

/**
 * A finding, for people: the rule, its message once (which says what to do), the policy
 * paragraph and a link to the rule's page. The rationale and the examples are on that page,
 * not here, so a hover stays short (about 600 characters at most).
 */
function ruleSection(ruleId: string, message: string, checks: readonly LocalCheck[] | undefined): string {
  const local = ruleId.startsWith('local/') ? checks?.find((c) => c.id === ruleId) : undefined;
  const policy = local ? local.policy : RULES_BY_ID.get(ruleId)?.meta.policy;
  // The policy once: many messages already cite their paragraph.
  const cited = policy && !message.includes(policy.split(/[;(]/)[0].trim());
  const foot = [cited ? `Policy: ${mdText(policy)}` : '', moreLink(ruleId, local)].filter(Boolean).join(' · ');
  return [`**${ruleId}**`, message, foot].join('\n\n');
}

/**
 * Where to read more: a built-in rule's page; for a local check, what it is for and where it is
 * defined (its own configuration file or policy pack), since its documentation is the team's.
 */
function moreLink(ruleId: string, local: LocalCheck | undefined): string {
  if (!ruleId.startsWith('local/')) return `[More…](${ruleDocHref(ruleId)})`;
  const why = local?.description ? mdText(local.description) : '';
  const where = local?.from ? 'a local check from a policy pack' : "a local check in this project's configuration";
  return [why, `${where} (\`planlint explain ${ruleId}\`)`].filter(Boolean).join(' · ');
}

/** Configuration text shown in Markdown: one line, no markup or links of its own. */
const mdText = (s: string): string => s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).slice(0, 300);

/** A second or third finding at the same place: one line each. */
function ruleLine(ruleId: string, message: string): string {
  const first = /^.*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message;
  return ruleId.startsWith('local/') ? `**${ruleId}**: ${first}` : `**${ruleId}**: ${first} [More…](${ruleDocHref(ruleId)})`;
}

/** "Objective OBJ-2: need finance · target 2027-01-29 · in progress · 1 action" (no free text). */
function idSummary(l: Linted, kind: IdKind, id: string, withSmart = true): string {
  const plan = l.result.plan;
  const parts: string[] = [];
  if (kind === 'outcome') {
    if (!plan.outcomes.some((o) => o.id === id)) return `No outcome has ${theId(id)}.`;
    const n = plan.objectives.filter((o) => o.outcome === id).length;
    parts.push(`${n} objective${n === 1 ? '' : 's'}`);
  } else if (kind === 'objective') {
    const o = plan.objectives.find((x) => x.id === id);
    if (!o) return `No objective has ${theId(id)}.`;
    if (o.outcome) parts.push(`serves ${idOr(o.outcome, 'an outcome')}`);
    if (o.need) parts.push(`need ${o.need.replace(/_/g, ' ')}`);
    if (o.target_date) parts.push(`target ${o.target_date}`);
    if (o.status) parts.push(o.status.replace(/_/g, ' '));
    const n = plan.actions.filter((a) => a.objective === id).length;
    parts.push(`${n} action${n === 1 ? '' : 's'}`);
    // The per-letter table, unless a finding here already has the reader's attention.
    const table = withSmart ? smartTable(l, o, id) : '';
    return `**Objective${isQuotableId(id) ? ` ${id}` : ''}**: ${parts.join(' · ')}${table ? `\n\n${table}` : ''}`;
  } else {
    const a = plan.actions.find((x) => x.id === id);
    if (!a) return `No action has ${theId(id)}.`;
    if (a.objective) parts.push(`serves ${idOr(a.objective, 'an objective')}`);
    if (isQuotableCode(a.type)) parts.push(isQuotableCode(a.programme) ? `${a.type} (${a.programme})` : a.type);
    if (a.priority !== undefined) parts.push(`priority ${a.priority}`);
    if (a.start_date || a.target_date) parts.push(`${a.start_date ?? '?'} to ${a.target_date ?? '?'}`);
    if (a.status) parts.push(a.status.replace(/_/g, ' '));
    if (a.after?.length) parts.push(`after ${a.after.map((x) => idOr(x, 'an action')).join(', ')}`);
  }
  return `**${kind[0].toUpperCase()}${kind.slice(1)}${isQuotableId(id) ? ` ${id}` : ''}**: ${parts.join(' · ')}`;
}

const REASON: Record<NonNullable<Judgement['reason']>, string> = {
  'light-verb': 'names no act anyone could check',
  abstract: 'an aim or inner state, not an act',
  placeholder: 'stands in for work never named',
  disposition: 'a disposition, not an act',
  note: 'a note, not an objective',
  'no-act': 'names no act or result',
  opinion: 'rests on an opinion',
  'no-result': 'a check with no result that counts',
  'nothing-checkable': 'names nothing checkable',
};
const cell = (j: Judgement | undefined, what: string): string => {
  if (!j) return `— | no ${what}`;
  if (j.ok) return `yes | ${j.basis ?? 'checkable'}`;
  return `no | ${j.phrase ? `"${j.phrase}": ` : ''}${REASON[j.reason ?? 'no-act']}`;
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
  const named = (rule: string) => l.result.findings.filter((f) => f.ruleId === rule && mentionsId(f.message, id)).length;
  const byRules = (rules: string[], okText: string) => {
    const n = rules.reduce((s, r) => s + named(r), 0);
    return n ? `no | ${n} finding${n === 1 ? '' : 's'} (${rules.filter((r) => named(r)).join(', ')})` : `yes | ${okText}`;
  };
  let s: Judgement | undefined, m: Judgement | undefined;
  try {
    s = o.description ? judgeSpecific(o.description, sp) : undefined;
    m = o.measure ? judgeMeasurable(o.measure, sp) : undefined;
  } catch {
    return '';
  }
  return [
    '| | SMART | |',
    '|---|---|---|',
    `| **S** specific | ${cell(s, 'description')} |`,
    `| **M** measurable | ${cell(m, 'measure')} |`,
    `| **A** achievable | ${byRules(['smart/achievable'], 'no finding')} |`,
    `| **R** realistic | ${byRules(['smart/realistic', 'smart/phase'], 'no finding')} |`,
    `| **T** time-bound | ${o.target_date ? byRules(['smart/time-bound', 'smart/overdue'], `target ${o.target_date}`) : 'no | no target date'} |`,
  ].join('\n');
}

export function hoverMarkdown(l: Linted, offset: number): string | undefined {
  const sections: string[] = [];
  const res = l.result;

  // 1. Findings under the cursor.
  const here = res.findings.filter((f) => offset >= f.span.start && offset <= f.span.end);
  if (here.length) sections.push(ruleSection(here[0].ruleId, here[0].message, l.options.config?.checks));
  if (here.length > 1) sections.push(here.slice(1, 3).map((f) => ruleLine(f.ruleId, f.message)).join('\n\n') + (here.length > 3 ? `\n\n${here.length - 3} more here.` : ''));

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
      const facts = cat && programmeFacts(cat, value);
      if (facts) {
        // Under a finding, only the name and the verdict: the finding is the point.
        const lines = [`**${facts.name}** (\`${facts.id}\`)`, ...(here.length ? [] : facts.lines)];
        const action = at.path[0] === 'actions' && typeof at.path[1] === 'number' ? res.plan.actions.find((a) => a.path[1] === at.path[1]) : undefined;
        const elig = cat && l.options.config && eligibilityText(res.plan, value, cat, l.options.config.policy, action);
        if (elig) lines.push(`For this person: ${elig}`);
        sections.push(lines.join('\n\n'));
      } else sections.push('This value is not in the programme catalogue.'); // not quoted back: it may be a name typed in the wrong field
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
      if (shown.length) sections.push(['**Review obligations**', ...shown.map((o) => `- ${obligationLine(o)}`)].join('\n'));
    }

    // 4. An id (or a reference to one): what it names, by id, type and dates only.
    const site = siteAt(idSites(res.parsed.doc), offset);
    if (site) sections.push(idSummary(l, site.kind, site.id, !here.length));

    // 5. Schema description of the key (or of the value's key).
    if (typeof last === 'string' || at.on === 'key') {
      const sch = schemaAt(schemaPath);
      if (sch?.description) {
        const title = sch.title ? ` (${sch.title})` : '';
        const lines = [`**${key}**${title}`, sch.description];
        const values = knownValues(sch);
        if (values.length > 1 && at.on === 'key') lines.push(`One of: ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
        // On a fixed value: what that value means (the schema's per-value description).
        const meaning = at.on === 'value' ? enumDescription(sch, value) : undefined;
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
