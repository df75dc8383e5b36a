// "Fix All": applies the server's `source.fixAll.planlint` code action to the active plan
// (every certain fix; the same as `editor.codeActionsOnSave: { "source.fixAll.planlint": "explicit" }`).

import * as vscode from 'vscode';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('planlint');

/** Resolves to true when an edit was applied, false when there was nothing to fix. */
export async function fixAllInDocument(doc: vscode.TextDocument): Promise<boolean> {
  const range = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, FIX_ALL_KIND.value, 1)) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action) return false;
  let applied = false;
  if (action.edit && action.edit.size > 0) applied = await vscode.workspace.applyEdit(action.edit);
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
    applied = true;
  }
  return applied;
}

export async function fixAllCommand(): Promise<boolean> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc) {
    void vscode.window.showInformationMessage(vscode.l10n.t('planlint: open a plan to fix.'));
    return false;
  }
  const applied = await fixAllInDocument(doc);
  if (!applied) void vscode.window.setStatusBarMessage(vscode.l10n.t('planlint: nothing to fix automatically'), 3000);
  return applied;
}
