// "Lint Workspace": the language server lints every plan file of the workspace folders
// (`planlint/lintWorkspace`, protocol.ts) with progress and cancellation; nothing is spawned
// and no command-line tool ships with the extension. The results go to their own diagnostic
// collection, for files that are not open only: an open document's diagnostics are the live
// ones the server keeps up to date, never replaced by a workspace result (so nothing is
// counted twice), and a file that opens later drops its workspace result for the live one.
// Rule-page links are kept (protocol codeDescription -> Diagnostic.code.target).

import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { LINT_WORKSPACE_REQUEST, type LintWorkspaceParams, type LintWorkspaceResult } from '../../server/src/lsp/protocol.js';
import { pointDiagnostics } from './ruleDocs.js';

export const WORKSPACE_COLLECTION = 'planlint-workspace';

export interface WorkspaceLintSummary {
  files: number;
  linted: number;
  errors: number;
  warnings: number;
  cancelled: boolean;
}

let runs = 0;

export class WorkspaceLint implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection(WORKSPACE_COLLECTION);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subs.push(
      this.collection,
      // A file opened in the editor gets live diagnostics: its workspace result goes.
      vscode.workspace.onDidOpenTextDocument((d) => this.collection.delete(d.uri)),
    );
  }

  async run(): Promise<WorkspaceLintSummary | undefined> {
    const c = this.client();
    if (!c || !c.isRunning()) {
      void vscode.window.showWarningMessage(vscode.l10n.t('planlint: the language server is not running; try planlint: Restart Server.'));
      return undefined;
    }
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('planlint: open a folder to lint its plans.'));
      return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('planlint: Lint Workspace'), cancellable: true }, async (progress, token) => {
      const workDoneToken = `planlint-workspace-${++runs}`;
      let last = 0;
      const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
        if (v.kind === 'end') return;
        const pct = typeof v.percentage === 'number' ? v.percentage : last;
        progress.report({ message: v.message, increment: Math.max(0, pct - last) });
        last = pct;
      });
      const skip = vscode.workspace.textDocuments.map((d) => d.uri.toString());
      const params: LintWorkspaceParams = { workDoneToken, skip };
      let r: LintWorkspaceResult;
      try {
        r = await c.sendRequest<LintWorkspaceResult>(LINT_WORKSPACE_REQUEST, params, token);
      } catch {
        return { files: 0, linted: 0, errors: 0, warnings: 0, cancelled: true };
      } finally {
        sub.dispose();
      }
      this.collection.clear();
      let errors = 0;
      let warnings = 0;
      const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
      for (const rep of r.reports) {
        const uri = vscode.Uri.parse(rep.uri);
        if (open.has(uri.toString())) continue;
        const ds = pointDiagnostics(uri, await c.protocol2CodeConverter.asDiagnostics(rep.diagnostics as never));
        errors += ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        warnings += ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
        if (ds.length) this.collection.set(uri, ds);
      }
      const summary = { files: r.files, linted: r.linted, errors, warnings, cancelled: r.cancelled };
      void vscode.window.setStatusBarMessage(
        r.cancelled
          ? vscode.l10n.t('planlint: stopped. Closed plans checked: {0}. Errors: {1}, warnings: {2}', r.linted, errors, warnings)
          : vscode.l10n.t('planlint: closed plans checked: {0}. Errors: {1}, warnings: {2}', r.linted, errors, warnings),
        8000,
      );
      return summary;
    });
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }
}
