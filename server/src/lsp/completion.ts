// Completion from the schema and policy data: keys valid at the cursor (not yet present),
// enum values, ids for `objective`/`outcome`/`after`, programme ids from the catalogue,
// need areas, and snippets for whole objectives/actions/reviews with computed dates.
// The cursor's path comes from the text and its indentation, so completion works while
// the document does not parse.

import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import { addMonths } from '../engine/dates.js';
import type { Action, Plan } from '../engine/model.js';
import type { ServerState } from './context.js';
import { effectiveAsOf } from './settings.js';
import type { Linted } from './documents.js';
import { eligibilityVerdict, programmeFacts, shortLine } from './programmes.js';
import { enumOf, knownValues, isArraySchema, isObjectSchema, propertiesOf, requiredOf, schemaAt, type SchemaNode } from '../engine/schema.js';
import { lineContext, nodeAt, siblingKeys, type LineContext } from './yamlPath.js';
import { text as say } from './messages.js';
import { schemaDescription, schemaEnumDescription, schemaTitle } from '../engine/schemaText.js';

export const COMPLETION_TRIGGERS = [':', '-', '[', ','];

/** Keys whose values are free text about the person: nothing to suggest. */
const FREE_TEXT = new Set(['description', 'measure', 'views', 'reason', 'detail', 'summary', 'contingency', 'name', 'outside_control', 'location']);

interface Ids {
  outcome: string[];
  objective: string[];
  action: string[];
}

function collectIds(plan: Plan | undefined, text: string): Ids {
  const ids: Ids = {
    outcome: (plan?.outcomes ?? []).map((o) => o.id).filter((x): x is string => !!x),
    objective: (plan?.objectives ?? []).map((o) => o.id).filter((x): x is string => !!x),
    action: (plan?.actions ?? []).map((o) => o.id).filter((x): x is string => !!x),
  };
  // A document that does not parse may lose items from the model: add what the text shows.
  let section = '';
  for (const line of text.split(/\r\n|\r|\n/)) {
    const top = /^([A-Za-z_]\w*)\s*:/.exec(line);
    if (top) section = top[1];
    const m = /^\s*(?:-\s+)?id\s*:\s*["']?([A-Za-z0-9][\w.-]*)/.exec(line);
    if (!m) continue;
    const list = section === 'outcomes' ? ids.outcome : section === 'objectives' ? ids.objective : section === 'actions' ? ids.action : undefined;
    if (list && !list.includes(m[1])) list.push(m[1]);
  }
  return ids;
}

function nextId(existing: readonly string[], fallbackPrefix: string): string {
  let prefix = fallbackPrefix;
  let max = 0;
  for (const id of existing) {
    const m = /^(.*?)(\d+)$/.exec(id);
    if (!m) continue;
    if (m[1] === prefix || max === 0) prefix = m[1];
    if (m[1] === prefix) max = Math.max(max, Number(m[2]));
  }
  return `${prefix}${max + 1}`;
}

/** A key's detail: the schema's title, else its type, in the locale's words. */
function typeText(n: SchemaNode, locale: string | undefined): string | undefined {
  if (n.title) return schemaTitle(n, locale);
  if (n.format === 'date') return say(locale, 'lsp.completion.date');
  if (typeof n.type === 'string') return say(locale, 'lsp.completion.type', { type: n.type });
  if (n.enum) return say(locale, 'lsp.completion.oneOf', { n: n.enum.length });
  return undefined;
}

interface Ctx {
  s: ServerState;
  l: Linted | undefined;
  cx: LineContext;
  cursor: number;
  asOf: string;
  ids: Ids;
  plan: Plan | undefined;
  snippets: boolean;
  locale: string | undefined;
}

function keyItems(c: Ctx, mapSchema: SchemaNode, present: Set<string>, indent: string): CompletionItem[] {
  const props = propertiesOf(mapSchema);
  const required = new Set(requiredOf(mapSchema));
  const out: CompletionItem[] = [];
  for (const [key, sch] of Object.entries(props)) {
    if (present.has(key)) continue;
    let text = `${key}: `;
    let format: InsertTextFormat = InsertTextFormat.PlainText;
    const values = enumOf(sch);
    if (c.snippets) {
      format = InsertTextFormat.Snippet;
      if (isArraySchema(sch)) {
        const item = schemaAt(['#'], sch);
        text = isObjectSchema(item) ? `${key}:\n${indent}  - $0` : `${key}: [$0]`;
      } else if (isObjectSchema(sch)) text = `${key}:\n${indent}  $0`;
      else if (values.length > 1 && values.length <= 12) text = `${key}: \${1|${values.map(String).join(',')}|}`;
      else if (values.length === 1) text = `${key}: ${String(values[0])}`;
      else text = `${key}: $0`;
    }
    out.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: typeText(sch, c.locale) ?? (required.has(key) ? say(c.locale, 'lsp.completion.required') : undefined),
      documentation: sch.description ? { kind: 'markdown', value: schemaDescription(sch, c.locale)! } : undefined,
      sortText: `${required.has(key) ? '0' : '1'}${key}`,
      insertTextFormat: format,
      // Continuation lines already carry their indentation.
      insertTextMode: InsertTextMode.asIs,
      textEditText: text,
    } as CompletionItem & { textEditText: string });
  }
  return out;
}

function snippetItems(c: Ctx, seqKey: string, dashCol: number, withDash: boolean): CompletionItem[] {
  const ind = ' '.repeat(dashCol + 2);
  const dash = withDash ? '- ' : '';
  const target6 = addMonths(c.asOf, 6);
  const target3 = addMonths(c.asOf, 3);
  const sn = (i: number, def: string): string => (c.snippets ? `\${${i}:${def}}` : def);
  // The snippets' placeholder texts (the words a user types over) are in the locale; values stay values.
  let lines: string[] | undefined;
  let label = '';
  if (seqKey === 'objectives') {
    label = 'objective';
    lines = [
      `id: ${nextId(c.ids.objective, 'OBJ-')}`,
      `outcome: ${sn(1, c.ids.outcome[0] ?? 'OUT-1')}`,
      `need: ${sn(2, 'thinking_behaviour')}`,
      `description: ${sn(3, say(c.locale, 'lsp.snippet.objectiveDescription'))}`,
      `measure: ${sn(4, say(c.locale, 'lsp.snippet.objectiveMeasure'))}`,
      `target_date: ${sn(5, target6)}`,
      `status: not_started`,
    ];
  } else if (seqKey === 'actions') {
    label = 'action';
    lines = [
      `id: ${nextId(c.ids.action, 'ACT-')}`,
      `objective: ${sn(1, c.ids.objective[0] ?? 'OBJ-1')}`,
      `type: ${sn(2, 'other')}`,
      `description: ${sn(3, say(c.locale, 'lsp.snippet.actionDescription'))}`,
      `priority: ${sn(4, String(c.ids.action.length + 1))}`,
      `owner: ${sn(5, 'person')}`,
      `start_date: ${c.asOf}`,
      `target_date: ${sn(6, target3)}`,
      `status: not_started`,
    ];
  } else if (seqKey === 'reviews') {
    label = 'review';
    lines = [`date: ${sn(1, c.asOf)}`, `type: ${sn(2, 'periodic')}`, `by: ${sn(3, 'prison_offender_manager')}`];
  } else if (seqKey === 'outcomes') {
    label = 'outcome';
    lines = [`id: ${nextId(c.ids.outcome, 'OUT-')}`, `description: ${sn(1, say(c.locale, 'lsp.snippet.outcomeDescription'))}`];
  }
  if (!lines) return [];
  const text = dash + lines.map((l, i) => (i === 0 ? l : ind + l)).join('\n') + (c.snippets ? '$0' : '');
  return [
    {
      label: say(c.locale, `lsp.completion.new${label[0].toUpperCase()}${label.slice(1)}`),
      kind: CompletionItemKind.Snippet,
      detail:
        label === 'objective'
          ? say(c.locale, 'lsp.completion.objectiveTarget', { date: target6, asOf: c.asOf })
          : label === 'action'
            ? say(c.locale, 'lsp.completion.actionTarget', { date: target3 })
            : label === 'review'
              ? say(c.locale, 'lsp.completion.reviewDated', { date: c.asOf })
              : undefined,
      insertTextFormat: c.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
      sortText: '00',
      textEditText: text,
    } as CompletionItem & { textEditText: string },
  ];
}

function valueItems(c: Ctx, key: string, sch: SchemaNode | undefined, ownId: string | undefined): CompletionItem[] {
  const out: CompletionItem[] = [];
  const ref = (ids: string[], what: string) => {
    for (const id of ids) if (id !== ownId) out.push({ label: id, kind: CompletionItemKind.Reference, detail: what, textEditText: id } as CompletionItem & { textEditText: string });
  };
  if (key === 'objective') ref(c.ids.objective, say(c.locale, 'lsp.completion.refObjective'));
  else if (key === 'outcome') ref(c.ids.outcome, say(c.locale, 'lsp.completion.refOutcome'));
  else if (key === 'after') ref(c.ids.action, say(c.locale, 'lsp.completion.refAction'));
  else if (key === 'programme') {
    // Labelled by name, the id inserted; eligible first, then unknown, then not eligible,
    // with the reason as one short line (the whole of it in the documentation).
    const cfg = c.l?.options.config;
    const action = actionAt(c);
    const RANK = { eligible: 0, unknown: 1, not_eligible: 2, withdrawn: 3 } as const;
    const WORD_ID = { eligible: 'lsp.completion.eligible', unknown: 'lsp.completion.unknown', not_eligible: 'lsp.completion.notEligible', withdrawn: 'lsp.completion.withdrawn' } as const;
    const word = (v: keyof typeof WORD_ID): string => say(c.locale, WORD_ID[v]);
    for (const p of cfg?.catalogue.programmes ?? []) {
      const v = cfg && c.plan ? eligibilityVerdict(c.plan, p.id, cfg.catalogue, cfg.policy, action, c.locale) : undefined;
      const facts = cfg ? programmeFacts(cfg.catalogue, p.id, c.locale) : undefined;
      const rank = v ? RANK[v.verdict] : 1;
      const reason = v?.reasons.length ? shortLine(v.reasons.join('; ')) : undefined;
      // The programme's name is catalogue data (English); the label is what a user looks for.
      const docs = [`**${p.name}** (\`${p.id}\`)`, ...(v ? [say(c.locale, 'lsp.programme.forThisPerson', { text: v.text })] : []), ...(facts?.lines ?? [])];
      out.push({
        label: p.name,
        ...(v ? { labelDetails: { description: word(v.verdict) } } : {}),
        kind: CompletionItemKind.Value,
        detail: v ? (reason ? say(c.locale, 'lsp.completion.verdictReason', { verdict: word(v.verdict), reason }) : word(v.verdict)) : p.id,
        documentation: { kind: 'markdown', value: docs.join('\n\n') },
        sortText: `${rank}_${p.name.toLowerCase()}`,
        filterText: p.id,
        textEditText: p.id,
      } as CompletionItem & { textEditText: string });
    }
  } else if (!FREE_TEXT.has(key) && sch) {
    out.push(...enumItems(sch, key, c.locale));
    const t = sch.type;
    if (!out.length && (t === 'boolean' || (Array.isArray(t) && t.includes('boolean')))) {
      for (const v of ['true', 'false']) out.push({ label: v, kind: CompletionItemKind.Value, textEditText: v } as CompletionItem & { textEditText: string });
    }
    if (!out.length && sch.format === 'date') out.push({ label: c.asOf, kind: CompletionItemKind.Value, detail: say(c.locale, 'lsp.completion.today'), textEditText: c.asOf } as CompletionItem & { textEditText: string });
  }
  return out;
}

/**
 * Fixed values, labelled by value, in the schema's order (the order of use: `not_started`
 * before `completed`, `initial` before `termination`), each with its own description from the
 * schema's `markdownEnumDescriptions` (else `enumDescriptions`) and the field's title as a
 * short detail.
 */
function enumItems(sch: SchemaNode, key: string, locale: string | undefined): CompletionItem[] {
  const values = knownValues(sch);
  const width = String(values.length).length;
  return values.map((v, i) => {
    const text = schemaEnumDescription(sch, v, locale);
    return {
      label: String(v),
      kind: CompletionItemKind.EnumMember,
      detail: schemaTitle(sch, locale) ?? key,
      ...(text ? { documentation: { kind: 'markdown', value: text } } : {}),
      sortText: String(i).padStart(width, '0'),
      textEditText: String(v),
    } as CompletionItem & { textEditText: string };
  });
}

/** The action the cursor is in, from the parsed document (when it parses there). */
function actionAt(c: Ctx): Action | undefined {
  const at = c.l ? nodeAt(c.l.result.parsed.doc, c.cursor) : undefined;
  if (!at || at.path[0] !== 'actions' || typeof at.path[1] !== 'number') return undefined;
  return c.plan?.actions.find((a) => a.path[1] === at.path[1]);
}

/** The id of the action the cursor is in (so `after` does not offer the action itself). */
function ownIdAt(c: Ctx): string | undefined {
  return actionAt(c)?.id;
}

export async function completion(s: ServerState, p: CompletionParams): Promise<CompletionItem[]> {
  const doc = s.docs.get(p.textDocument.uri);
  if (!doc || !doc.isPlan()) return [];
  const l = await s.lintDoc(doc);
  const conv = doc.conv;
  const cursor = conv.toOffset(p.position);
  const cx = lineContext(conv.lines, cursor);
  const settings = await s.settings(doc.uri);
  const asOf = l?.options.asOf ?? effectiveAsOf(settings);
  const plan = l?.result.plan;
  const c: Ctx = { s, l, cx, cursor, asOf, ids: collectIds(plan, doc.text), plan, snippets: s.client.snippets, locale: l?.options.locale ?? s.locale };
  const line = conv.lines.positionAt(cursor).line;
  let items: CompletionItem[] = [];

  if (cx.on === 'key') {
    const here = schemaAt(cx.mapPath);
    const last = cx.mapPath[cx.mapPath.length - 1];
    if (isObjectSchema(here)) {
      const present = cx.newItem ? new Set<string>() : siblingKeys(conv.lines, line, cx.keyColumn);
      items = keyItems(c, here!, present, ' '.repeat(cx.keyColumn));
      if (cx.newItem && last === '#') {
        const seqKey = cx.mapPath[cx.mapPath.length - 2];
        if (typeof seqKey === 'string' && cx.mapPath.length === 2) items = [...snippetItems(c, seqKey, cx.dashColumn, false), ...items];
      }
    } else if (isArraySchema(here) && typeof last === 'string' && cx.mapPath.length === 1 && !cx.newItem) {
      // On a blank line under `objectives:` etc.: a whole new item, dash included.
      items = snippetItems(c, last, cx.keyColumn, true);
    } else if (last === '#' && here) {
      // An item of a list of scalars (`after:` / `- ACT-1`).
      const seqKey = cx.mapPath[cx.mapPath.length - 2];
      if (typeof seqKey === 'string') items = valueItems(c, seqKey, here, ownIdAt(c));
    }
  } else if (cx.key) {
    const sch = schemaAt([...cx.mapPath, cx.key]);
    const valueSchema = cx.inFlowSeq && isArraySchema(sch) ? schemaAt(['#'], sch!) : sch;
    items = valueItems(c, cx.key, valueSchema, ownIdAt(c));
  }

  const prefix = cx.prefix.toLowerCase();
  const range = conv.toRange({ start: cx.wordStart, end: cursor });
  return items
    .filter((i) => !prefix || (i.filterText ?? i.label).toLowerCase().includes(prefix) || i.label.toLowerCase().includes(prefix) || i.kind === CompletionItemKind.Snippet)
    .map((i) => {
      const { textEditText, ...rest } = i as CompletionItem & { textEditText: string };
      const newText = cx.on === 'value' && cx.afterColon ? ` ${textEditText}` : textEditText;
      return { ...rest, filterText: i.kind === CompletionItemKind.Snippet ? cx.prefix || i.label : (i.filterText ?? i.label), textEdit: { range, newText } };
    });
}
