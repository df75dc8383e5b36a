// No error for a placeholder while the analyst is still filling the new plan in.
//
// A plan made by New Plan from Template is `kind: plan` from the start, so the server checks
// it as a plan and reports every placeholder not yet filled in (template/placeholder-in-plan).
// While the template's snippet is active, this client-side hold keeps back the diagnostics on
// the tab stops (whatever their rule; the analyst is typing there) and every placeholder
// finding. The hold ends, and the server's diagnostics show in full, when the analyst leaves
// the snippet: moves the cursor off the tab stops, tabs to the end, presses Escape
// (planlint.leaveSnippet), saves or closes the document. Nothing is held in any other
// document, and the server is not involved (other editors see the plan as it is).

import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { applyChange, touches, within, type Range } from './tabStops.js';
import type { TabStop } from './templates.js';

const PLACEHOLDER_RULE = 'template/placeholder-in-plan';

const ruleOf = (d: vscode.Diagnostic): string | undefined => (typeof d.code === 'object' && d.code ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));

interface Session {
  doc: vscode.TextDocument;
  ranges: Range[];
}

export class PlaceholderHold implements vscode.Disposable {
  private readonly sessions = new Map<string, Session>();
  /** Pushed diagnostics held back (push clients): re-published in full when the hold ends. */
  private readonly pushed = new Map<string, { diagnostics: vscode.Diagnostic[]; next: (uri: vscode.Uri, d: vscode.Diagnostic[]) => void }>();
  private readonly subs: vscode.Disposable[] = [];
  /** The rule ids of the diagnostics the last filter held back, by document (tests read them). */
  private readonly heldRules = new Map<string, string[]>();
  private readonly ended = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when a hold ends (tests wait on it). */
  readonly onDidEnd = this.ended.event;

  /** `refresh` asks the language client to pull diagnostics again. */
  constructor(private readonly refresh: () => void) {
    this.subs.push(
      this.ended,
      vscode.workspace.onDidChangeTextDocument((e) => {
        const s = this.sessions.get(e.document.uri.toString());
        if (!s) return;
        for (const c of [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
          s.ranges = applyChange(s.ranges, { offset: c.rangeOffset, length: c.rangeLength, inserted: c.text.length });
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        const key = e.textEditor.document.uri.toString();
        if (!this.sessions.has(key)) return;
        // After the edit that moved the cursor has been applied to the ranges.
        setTimeout(() => {
          const s = this.sessions.get(key);
          if (!s) return;
          const inside = e.textEditor.selections.every((sel) => within(s.ranges, s.doc.offsetAt(sel.start), s.doc.offsetAt(sel.end)));
          if (!inside) this.end(s.doc.uri);
        }, 0);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.end(d.uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.end(d.uri, false)),
    );
  }

  /** Starts holding for a document whose snippet was just inserted with these stops. */
  start(doc: vscode.TextDocument, stops: readonly TabStop[]): void {
    const ranges = stops.map((t): Range => {
      const start = doc.offsetAt(new vscode.Position(t.line, t.character));
      return [start, start + t.length];
    });
    if (!ranges.length) return;
    this.sessions.set(doc.uri.toString(), { doc, ranges });
    // The server may have answered for the inserted text before the hold began (the server in
    // a web worker is that quick): pull again, so what shows now goes through the hold.
    this.refresh();
  }

  isHolding(uri: vscode.Uri): boolean {
    return this.sessions.has(uri.toString());
  }

  /** Ends the hold for a document and shows its diagnostics in full. */
  end(uri: vscode.Uri, show = true): void {
    const key = uri.toString();
    if (!this.sessions.delete(key)) return;
    this.heldRules.delete(key);
    const held = this.pushed.get(key);
    this.pushed.delete(key);
    if (show) {
      if (held) held.next(uri, held.diagnostics);
      this.refresh();
    }
    this.ended.fire(uri);
  }

  /** The diagnostics to show now: all of them, or without the held ones. */
  filter(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const s = this.sessions.get(uri.toString());
    if (!s) return diagnostics;
    const shown: vscode.Diagnostic[] = [];
    const held: string[] = [];
    for (const d of diagnostics) {
      if (ruleOf(d) === PLACEHOLDER_RULE || touches(s.ranges, s.doc.offsetAt(d.range.start), s.doc.offsetAt(d.range.end))) held.push(ruleOf(d) ?? '');
      else shown.push(d);
    }
    this.heldRules.set(uri.toString(), held);
    return shown;
  }

  /** The rule ids held back the last time the server's diagnostics came in for `uri`. */
  held(uri: vscode.Uri): readonly string[] {
    return this.heldRules.get(uri.toString()) ?? [];
  }

  /** Language-client middleware for pushed and pulled diagnostics (after `inner`). */
  middleware(inner: Middleware): Middleware {
    return {
      ...inner,
      handleDiagnostics: (uri, diagnostics, next) => {
        const mine = (u: vscode.Uri, ds: vscode.Diagnostic[]): void => {
          if (this.isHolding(u)) this.pushed.set(u.toString(), { diagnostics: ds, next });
          next(u, this.filter(u, ds));
        };
        if (inner.handleDiagnostics) inner.handleDiagnostics(uri, diagnostics, mine);
        else mine(uri, diagnostics);
      },
      provideDiagnostics: async (doc, previousResultId, token, next) => {
        const uri = doc instanceof vscode.Uri ? doc : doc.uri;
        // While holding, a full report: "unchanged" would keep what showed before the hold began.
        const prev = this.isHolding(uri) ? undefined : previousResultId;
        const r = inner.provideDiagnostics ? await inner.provideDiagnostics(doc, prev, token, next) : await next(doc, prev, token);
        if (!r || !this.isHolding(uri) || r.kind !== 'full') return r;
        // No result id: the next pull (when the hold ends) gets the full report, not "unchanged".
        return { kind: r.kind, items: this.filter(uri, r.items) } as typeof r;
      },
    };
  }

  dispose(): void {
    this.sessions.clear();
    this.pushed.clear();
    for (const d of this.subs) d.dispose();
  }
}
