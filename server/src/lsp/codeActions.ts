// Code actions: each finding's fixes as quick fixes bound to its diagnostic, "fix all
// <rule> problems in this file", `source.fixAll.planlint` (the engine's fixAll, for
// editor.codeActionsOnSave), "disable <rule> for this line" and "show documentation".

import {
  CodeActionKind,
  MessageType,
  ShowMessageNotification,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type ExecuteCommandParams,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll } from '../engine/fix.js';
import { FixGuard } from '../engine/fixGuard.js';
import type { Finding } from '../engine/types.js';
import { checkCancelled, type ServerState } from './context.js';
import { minimalEdit, ruleDocHref, spansIntersect, toDiagnostic, type Converter } from './convert.js';
import type { Linted } from './documents.js';
import { text } from './messages.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.planlint`;
export const CMD_SHOW_RULE_DOC = 'planlint.showRuleDoc';
export const CMD_FIX_ALL = 'planlint.fixAll';
export const COMMANDS = [CMD_SHOW_RULE_DOC, CMD_FIX_ALL] as const;

/** Rules that cannot sensibly be silenced by a comment above the line. */
const NOT_DISABLABLE = new Set(['meta/unused-disable', 'meta/internal-error', 'meta/file-too-large', 'meta/too-complex', 'schema/yaml-syntax']);

function workspaceEdit(s: ServerState, uri: string, version: number, edits: LspTextEdit[]): WorkspaceEdit {
  if (s.client.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { changes: { [uri]: edits } };
}

/** Whether an action of `kind` was asked for (`only` lists kinds or their parents). */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || !only.length) return true;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function sameDiagnostic(d: Diagnostic, f: Finding, conv: Converter): boolean {
  if (d.code !== f.ruleId) return false;
  const r = conv.toRange(f.span);
  return d.range.start.line === r.start.line && d.range.start.character === r.start.character && d.range.end.line === r.end.line && d.range.end.character === r.end.character;
}

/** The text after applying every certain fix (optionally of one rule), as one minimal edit. */
function fixAllEdit(l: Linted, ruleId?: string): LspTextEdit | undefined {
  const r = fixAll(l.result.parsed.text, l.options, ruleId ? (f) => f.ruleId === ruleId : undefined);
  if (!r.changed) return undefined;
  const e = minimalEdit(l.result.parsed.text, r.text);
  return e ? l.conv.toTextEdit(e) : undefined;
}

export async function codeActions(s: ServerState, p: CodeActionParams, token?: CancellationToken): Promise<CodeAction[]> {
  const doc = s.docs.get(p.textDocument.uri);
  if (!doc) return [];
  const l = await s.lintDoc(doc);
  if (!l || l.version !== doc.version) return [];
  checkCancelled(token);
  const { uri } = doc;
  const conv = l.conv;
  const only = p.context?.only;
  const range = conv.toSpan(p.range);
  const findings = l.result.findings;
  const out: CodeAction[] = [];
  const clientDiags = p.context?.diagnostics ?? [];
  const locale = l.options.locale;
  const diagFor = (f: Finding): Diagnostic => clientDiags.find((d) => sameDiagnostic(d, f, conv)) ?? toDiagnostic(f, conv, uri, locale);

  const here = findings.filter((f) => spansIntersect(f.span, range));

  if (wanted(only, CodeActionKind.QuickFix)) {
    // 1. Each fix of each finding under the cursor.
    for (const f of here) {
      const firstCertain = f.fixes.findIndex((x) => x.fixAll);
      f.fixes.forEach((fix, i) => {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagFor(f)],
          isPreferred: i === firstCertain,
          edit: workspaceEdit(s, uri, doc.version, fix.edits.map((e) => conv.toTextEdit(e))),
        });
      });
    }
    // 2. Fix all problems of a rule in this file (when more than one can be fixed).
    const rulesHere = [...new Set(here.filter((f) => f.fixes.some((x) => x.fixAll)).map((f) => f.ruleId))];
    for (const rule of rulesHere) {
      const n = findings.filter((f) => f.ruleId === rule && f.fixes.some((x) => x.fixAll)).length;
      if (n < 2) continue;
      checkCancelled(token);
      const e = fixAllEdit(l, rule);
      if (!e) continue;
      out.push({
        title: text(locale, 'lsp.action.fixRule', { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: findings.filter((f) => f.ruleId === rule).map(diagFor),
        edit: workspaceEdit(s, uri, doc.version, [e]),
      });
    }
    // 3. Disable a rule for the finding's line, with a reason placeholder.
    const seen = new Set<string>();
    // In a text that already has syntax errors, a comment line can land inside a broken
    // construct and add one (found by fuzzing): the fix guard checks each, within its re-parse
    // budget for this request; past it, no more are offered.
    const guard = new FixGuard(l.result.parsed);
    for (const f of here) {
      if (NOT_DISABLABLE.has(f.ruleId)) continue;
      const line = conv.lines.positionAt(f.span.start).line;
      const key = `${f.ruleId}@${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lineText = conv.lines.lineText(line);
      const indent = /^[ \t]*/.exec(lineText)![0];
      const at = conv.lines.starts[line];
      const edit = { start: at, end: at, newText: `${indent}# planlint-disable-next-line ${f.ruleId} -- ${text(locale, 'lsp.action.disableReason')}${l.result.parsed.eol}` };
      if (!guard.allows([edit])) continue;
      out.push({
        title: text(locale, 'lsp.action.disable', { rule: f.ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagFor(f)],
        edit: workspaceEdit(s, uri, doc.version, [conv.toTextEdit(edit)]),
      });
    }
    // 4. Documentation for each rule under the cursor.
    for (const rule of [...new Set(here.map((f) => f.ruleId))].filter((r) => !r.startsWith('local/'))) {
      out.push({
        title: text(locale, 'lsp.action.showDoc', { rule }),
        kind: CodeActionKind.QuickFix,
        command: { title: text(locale, 'lsp.action.showDoc', { rule }), command: CMD_SHOW_RULE_DOC, arguments: [rule, ruleDocHref(rule)] },
      });
    }
  }

  // 5. Every certain fix in the file (editor.codeActionsOnSave: source.fixAll).
  if (only?.length ? wanted(only, FIX_ALL_KIND) : findings.some((f) => f.fixes.some((x) => x.fixAll))) {
    checkCancelled(token);
    const e = fixAllEdit(l);
    if (e) {
      out.push({ title: text(locale, 'lsp.action.fixAll'), kind: FIX_ALL_KIND, edit: workspaceEdit(s, uri, doc.version, [e]) });
    }
  }
  return out;
}

export async function executeCommand(s: ServerState, p: ExecuteCommandParams): Promise<unknown> {
  const args = p.arguments ?? [];
  if (p.command === CMD_SHOW_RULE_DOC) {
    const rule = typeof args[0] === 'string' ? args[0] : '';
    if (!/^[a-z]+\/[a-z0-9-]+$/.test(rule)) return null;
    const url = ruleDocHref(rule);
    if (s.client.showDocument) {
      const r = await s.connection.window.showDocument({ uri: url, external: true });
      return r.success;
    }
    // A notification (window.showInformationMessage sends a request, which a client may reject).
    void s.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text(s.locale, 'lsp.action.docAt', { rule, url }) }).catch(() => undefined);
    return true;
  }
  if (p.command === CMD_FIX_ALL) {
    const uri = typeof args[0] === 'string' ? args[0] : '';
    const doc = s.docs.get(uri);
    const l = doc && (await s.lintDoc(doc));
    if (!doc || !l) return null;
    const e = fixAllEdit(l);
    if (!e) return false;
    const r = await s.connection.workspace.applyEdit({ label: text(l.options.locale, 'lsp.action.fixAllLabel'), edit: workspaceEdit(s, uri, doc.version, [e]) });
    return r.applied;
  }
  return null;
}
