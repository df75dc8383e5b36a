// The planlint VS Code extension: starts the language server and adds the commands, the
// sentence timeline and the status bar item. Diagnostics, fixes, hover and completion come
// from the server; the timeline and status bar read the plan with the bundled engine.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fixAllCommand } from './fixAll.js';
import { createLanguageClient } from './languageClient.js';
import { registerRuleDocs } from './ruleDocs.js';
import { PlanStatusBar } from './statusBar.js';
import { PlaceholderHold } from './placeholderHold.js';
import { findTemplates, newPlanFromTemplate, type TemplateChoice } from './templateCommand.js';
import { lintWorkspace, registerTasks } from './tasks.js';
import { TimelinePanel, VIEW_TYPE } from './timelinePanel.js';

/** What `activate` returns: used by the integration tests. */
export interface PlanlintApi {
  client(): LanguageClient | undefined;
  timeline: TimelinePanel;
  statusBar: PlanStatusBar;
  /** The templates New Plan from Template offers. */
  findTemplates(): Promise<TemplateChoice[]>;
  /** Diagnostics held back while a new plan's snippet is active. */
  placeholderHold: PlaceholderHold;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PlanlintApi> {
  const output = vscode.window.createOutputChannel('planlint', { log: true });
  context.subscriptions.push(output);

  // Placeholder findings wait until the analyst leaves a new plan's snippet: then pull again.
  const hold = new PlaceholderHold(() => {
    (client?.getFeature('textDocument/diagnostic') as { refresh?(): void } | undefined)?.refresh?.();
  });
  context.subscriptions.push(hold);

  const start = async (): Promise<void> => {
    client = createLanguageClient(context, output, hold);
    try {
      await client.start();
    } catch (e) {
      output.appendLine(`[client] the language server did not start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage('planlint: the language server did not start. See the planlint output for details.', 'Show Output').then((c) => {
        if (c) output.show(true);
      });
    }
  };

  const timeline = new TimelinePanel(output, context.workspaceState);
  // The panel comes back after a window reload.
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: (panel) => timeline.restore(panel).then(() => undefined) }));
  const statusBar = new PlanStatusBar();
  context.subscriptions.push(timeline, statusBar, registerTasks(context.extensionUri), registerRuleDocs(context));

  const reg = (id: string, fn: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };
  reg('planlint.newPlanFromTemplate', (arg, options) => newPlanFromTemplate(context.extensionUri, hold, arg, options as { personId?: string } | undefined));
  // Escape in a new plan's snippet: leave it, and show the placeholder findings.
  reg('planlint.leaveSnippet', async () => {
    await vscode.commands.executeCommand('leaveSnippet');
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) hold.end(doc.uri);
  });
  reg('planlint.showTimeline', async (arg) => {
    // A Uri (explorer, editor title), a URI string (the review code lens), or the active editor.
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' && /^[a-z][\w+.-]*:/.test(arg) ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('planlint: open a sentence plan to see its timeline.');
      return false;
    }
    return timeline.show(await vscode.workspace.openTextDocument(uri));
  });
  reg('planlint.lintWorkspace', () => lintWorkspace(context.extensionUri));
  reg('planlint.fixAllProblems', () => fixAllCommand());
  reg('planlint.restartServer', async () => {
    output.appendLine('[client] restarting the language server');
    if (client) await client.restart();
    else await start();
  });
  reg('planlint.showOutput', () => output.show(true));

  await start();
  return { client: () => client, timeline, statusBar, findTemplates: () => findTemplates(context.extensionUri), placeholderHold: hold };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
