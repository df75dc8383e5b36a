// Hover: the rule explanation for a diagnostic under the cursor, the schema description
// of a key, the catalogue facts of a programme id, and the review obligations a date drives.

import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { dueDates, type Obligation } from '../engine/obligations.js';
import { RULES_BY_ID } from '../rules/index.js';
import type { ServerState } from './context.js';
import { ruleDocHref } from './convert.js';
import type { Linted } from './documents.js';
import { eligibilityText, programmeFacts } from './programmes.js';
import { enumOf, schemaAt } from './schema.js';
import { nodeAt } from './yamlPath.js';

const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const STATE_TEXT: Record<string, string> = { met: 'met', upcoming: 'upcoming', late: 'done late', overdue: 'overdue' };

export function obligationLine(o: Obligation): string {
  let state = STATE_TEXT[o.state] ?? o.state;
  if (o.state === 'overdue' && o.daysPast) state += ` by ${o.daysPast} day${o.daysPast === 1 ? '' : 's'}`;
  if (o.state === 'met' && o.metOn) state += ` (${o.metOn})`;
  return `${o.kind} due ${o.due} (${o.basis}): ${state}`;
}

function ruleSection(ruleId: string, message: string): string {
  const rule = RULES_BY_ID.get(ruleId);
  const parts = [`**${ruleId}**${rule ? ` — ${rule.meta.description}` : ''}`, message];
  if (rule?.meta.docs.rationale) parts.push(rule.meta.docs.rationale.trim());
  if (rule?.meta.policy) parts.push(`Policy: ${rule.meta.policy}`);
  parts.push(`[Documentation](${ruleDocHref(ruleId)})`);
  return parts.join('\n\n');
}

export function hoverMarkdown(l: Linted, offset: number): string | undefined {
  const sections: string[] = [];
  const res = l.result;

  // 1. Findings under the cursor.
  const here = res.findings.filter((f) => offset >= f.span.start && offset <= f.span.end);
  for (const f of here.slice(0, 3)) sections.push(ruleSection(f.ruleId, f.message));

  const at = nodeAt(res.parsed.doc, offset);
  if (at && at.path.length) {
    const schemaPath = at.path.map((s) => (typeof s === 'number' ? '#' : s));
    const key = at.path.filter((s): s is string => typeof s === 'string').pop();
    const last = at.path[at.path.length - 1];
    const value = at.on === 'value' && at.scalar ? at.scalar.value : undefined;

    // 2. Programme id: catalogue facts (and eligibility for this person).
    if (at.on === 'value' && key === 'programme' && typeof value === 'string') {
      const cat = l.options.config?.catalogue;
      const facts = cat && programmeFacts(cat, value);
      if (facts) {
        const lines = [`**${facts.name}** (\`${facts.id}\`)`, ...facts.lines];
        const action = at.path[0] === 'actions' && typeof at.path[1] === 'number' ? res.plan.actions.find((a) => a.path[1] === at.path[1]) : undefined;
        const elig = cat && l.options.config && eligibilityText(res.plan, value, cat, l.options.config.policy, action);
        if (elig) lines.push(`For this person: ${elig}`);
        sections.push(lines.join('\n\n'));
      } else sections.push(`\`${value}\` is not in the programme catalogue.`);
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
      if (related.length) sections.push(['**Review obligations**', ...related.map((o) => `- ${obligationLine(o)}`)].join('\n'));
    }

    // 4. Schema description of the key (or of the value's key).
    if (typeof last === 'string' || at.on === 'key') {
      const sch = schemaAt(schemaPath);
      if (sch?.description) {
        const title = sch.title ? ` (${sch.title})` : '';
        const lines = [`**${key}**${title}`, sch.description];
        const values = enumOf(sch);
        if (values.length > 1 && at.on === 'key') lines.push(`One of: ${values.map((v) => `\`${String(v)}\``).join(', ')}`);
        sections.push(lines.join('\n\n'));
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
