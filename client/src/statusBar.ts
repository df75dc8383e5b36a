// Status bar item for a plan: planlint's error/warning counts for the file (what the Problems
// panel shows for it) and the next review due (from the server, planlint/timeline). Clicking
// opens the timeline.

import * as vscode from 'vscode';
import type { ObligationStateName, TimelineResult } from '../../server/src/lsp/protocol.js';

export const DIAGNOSTIC_SOURCE = 'planlint';

/** A review's state in words (the timeline's legend says the same). */
export function stateName(state: ObligationStateName): string {
  switch (state) {
    case 'met':
      return vscode.l10n.t('met');
    case 'upcoming':
      return vscode.l10n.t('upcoming');
    case 'late':
      return vscode.l10n.t('done late');
    case 'overdue':
      return vscode.l10n.t('overdue');
  }
}

export class PlanStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `view` asks the server for a document's plan view (undefined: not a plan). */
  constructor(private readonly view: (doc: vscode.TextDocument) => Promise<TimelineResult | undefined>) {
    this.item = vscode.window.createStatusBarItem('planlint.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'planlint';
    this.item.command = 'planlint.showTimeline';
    this.subs.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule(50);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(300);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('planlint')) this.schedule(0);
      }),
    );
    this.schedule(0);
  }

  /** Redraw now (the server has started). */
  refresh(): void {
    this.schedule(0);
  }

  /** The text currently shown (tests read it). */
  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const view = doc && (await this.view(doc).catch(() => undefined));
    if (doc !== vscode.window.activeTextEditor?.document) return; // another editor came meanwhile
    if (!doc || !view) {
      this.item.hide();
      return;
    }
    // Every planlint diagnostic VS Code holds for the file, whichever collection: what Problems
    // lists. (Lint Workspace never adds to an open file's, so nothing is counted twice.)
    const diags = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const next = view.next;
    const nextText = next?.text;
    this.item.text = `$(checklist) planlint $(error) ${errors} $(warning) ${warnings}${nextText ? ` · ${nextText}` : ''}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`${vscode.l10n.t('**planlint** — errors: {0}, warnings: {1} in this plan (as of {2})', errors, warnings, view.asOf)}\n\n`);
    if (view.isTemplate) tip.appendMarkdown(`${vscode.l10n.t('This is a template: review dates are worked out for real plans only.')}\n\n`);
    for (const o of view.obligations.filter((x) => x.state !== 'met').slice(0, 6)) tip.appendMarkdown(`- ${vscode.l10n.t('{0}: due {1} ({2})', o.kind, o.due, stateName(o.state))}\n`);
    tip.appendMarkdown(`\n${vscode.l10n.t('Click to show the sentence timeline.')}`);
    this.item.tooltip = tip;
    this.item.backgroundColor = next?.state === 'overdue' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = {
      label: nextText
        ? vscode.l10n.t('planlint: errors: {0}, warnings: {1}. {2}. Show the sentence timeline.', errors, warnings, nextText)
        : vscode.l10n.t('planlint: errors: {0}, warnings: {1}. Show the sentence timeline.', errors, warnings),
    };
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
  }
}
