// "Lint Workspace": the bundled CLI over a workspace folder as a VS Code task, its output
// read by the `$planlint` problem matcher (the CLI's `--format compact` lines:
// `file:line:col: severity message [rule]`).

import * as vscode from 'vscode';

export const TASK_TYPE = 'planlint';

export function lintTask(extensionUri: vscode.Uri, folder: vscode.WorkspaceFolder): vscode.Task {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  const cfg = vscode.workspace.getConfiguration('planlint', folder.uri);
  const args = [cli, '--format', 'compact', '--no-color'];
  const asOf = cfg.get<string>('asOf', '');
  if (asOf) args.push('--as-of', asOf);
  const configPath = cfg.get<string>('configPath', '');
  if (configPath) args.push('--config', configPath);
  for (const [rule, sev] of Object.entries(cfg.get<Record<string, string>>('rules', {}) ?? {})) args.push('--rule', `${rule}:${sev}`);
  args.push('.');
  // The extension host's own runtime runs the CLI: Node in a VS Code server, Electron as Node on the desktop.
  const exec = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task({ type: TASK_TYPE, task: 'lint' }, folder, 'lint workspace', 'planlint', exec, ['$planlint']);
  task.group = vscode.TaskGroup.Test;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, clear: true };
  return task;
}

export function registerTasks(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => lintTask(extensionUri, f)),
    resolveTask: (t) => {
      const folder = typeof t.scope === 'object' ? t.scope : vscode.workspace.workspaceFolders?.[0];
      return folder ? lintTask(extensionUri, folder) : undefined;
    },
  });
}

/** Runs the lint task in the workspace folder of the active file (or the first one); resolves to its exit code. */
export async function lintWorkspace(extensionUri: vscode.Uri): Promise<number | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('planlint: open a folder to lint its plans.');
    return undefined;
  }
  const execution = await vscode.tasks.executeTask(lintTask(extensionUri, folder));
  return new Promise((resolve) => {
    const sub = vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution === execution) {
        sub.dispose();
        resolve(e.exitCode);
      }
    });
  });
}
