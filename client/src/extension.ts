// The planlint VS Code extension: starts the language server and adds the commands, the
// sentence timeline and the status bar item. Everything planlint knows comes from the server:
// diagnostics, fixes, hover and completion by LSP, the timeline and the status bar's next
// review by `planlint/timeline`, Lint Workspace by `planlint/lintWorkspace` (protocol.ts).
// The client bundles no engine and no command-line tool.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { fixAllCommand } from './fixAll.js';
import { createLanguageClient, localeSetting, RUNTIME } from './languageClient.js';
import { registerRuleDocs, setConfigFiles } from './ruleDocs.js';
import { isPlanText, planView, serverInfo } from './planService.js';
import type { TimelineResult } from '../../server/src/lsp/protocol.js';
import { WorkspaceLint, type WorkspaceLintSummary } from './workspaceLint.js';
import { PlanStatusBar } from './statusBar.js';
import { PlaceholderHold } from './placeholderHold.js';
import { findTemplates, newPlanFromTemplate, type TemplateChoice } from './templateCommand.js';
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
  /** The server's view of a document (undefined: not a plan): the client's one plan decision. */
  planView(doc: vscode.TextDocument): Promise<TimelineResult | undefined>;
  /** Lint Workspace's results (closed files only). */
  workspaceLint: WorkspaceLint;
  /** Where the extension runs: the Node extension host, or the web worker one (the web build). */
  runtime: 'node' | 'web';
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
      setConfigFiles(serverInfo(client.initializeResult).configFiles);
    } catch (e) {
      output.appendLine(`[client] the language server did not start: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('planlint: the language server did not start. See the planlint output for details.'), vscode.l10n.t('Show Output')).then((c) => {
        if (c) output.show(true);
      });
    }
  };

  // The server decides what is a plan and computes what the timeline and status bar show.
  const readPlan = async (doc: vscode.TextDocument): Promise<TimelineResult | undefined> => {
    const c = client;
    if (!c || !c.isRunning()) return undefined;
    return planView((method, params) => c.sendRequest(method, params), doc.uri.toString());
  };
  const planTest = async (uri: vscode.Uri, text: string): Promise<boolean> => {
    const c = client;
    return !!c && c.isRunning() && isPlanText((method, params) => c.sendRequest(method, params), uri.toString(), text);
  };
  const timeline = new TimelinePanel(output, readPlan, context.workspaceState);
  // The panel comes back after a window reload.
  context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, { deserializeWebviewPanel: (panel) => timeline.restore(panel).then(() => undefined) }));
  const statusBar = new PlanStatusBar(readPlan);
  const workspaceLint = new WorkspaceLint(() => client);
  context.subscriptions.push(timeline, statusBar, workspaceLint, registerRuleDocs(context));

  const reg = (id: string, fn: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };
  reg('planlint.newPlanFromTemplate', (arg, options) => newPlanFromTemplate(context.extensionUri, hold, planTest, arg, options as { personId?: string } | undefined));
  // Escape in a new plan's snippet: leave it, and show the placeholder findings.
  reg('planlint.leaveSnippet', async () => {
    await vscode.commands.executeCommand('leaveSnippet');
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) hold.end(doc.uri);
  });
  reg('planlint.showTimeline', async (arg, focus) => {
    // A Uri (explorer, editor title), a URI string and an obligation key (the review code
    // lens: the timeline opens at that review), or the active editor.
    const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' && /^[a-z][\w+.-]*:/.test(arg) ? vscode.Uri.parse(arg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('planlint: open a sentence plan to see its timeline.'));
      return false;
    }
    return timeline.show(await vscode.workspace.openTextDocument(uri), typeof focus === 'string' ? focus : undefined);
  });
  reg('planlint.lintWorkspace', (): Promise<WorkspaceLintSummary | undefined> => workspaceLint.run());
  reg('planlint.fixAllProblems', () => fixAllCommand());
  reg('planlint.restartServer', async () => {
    output.appendLine('[client] restarting the language server');
    if (client) await client.restart();
    else await start();
  });
  reg('planlint.showOutput', () => output.show(true));

  // `planlint.locale` is given to the server when it starts: a new value restarts it, so that
  // every message (problems, hovers, the timeline) is in the language chosen.
  let locale = localeSetting();
  let restarting: Promise<void> = Promise.resolve();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('planlint.locale') || localeSetting() === locale) return;
      locale = localeSetting();
      output.appendLine('[client] planlint.locale changed: restarting the language server');
      void vscode.window.setStatusBarMessage(vscode.l10n.t('planlint: restarting the language server in the language chosen'), 5000);
      // One restart at a time: a second change waits for the first.
      restarting = restarting.then(async () => {
        try {
          await vscode.commands.executeCommand('planlint.restartServer');
        } catch (err) {
          output.appendLine(`[client] the language server did not restart: ${(err as Error).message}`);
        }
        statusBar.refresh();
      });
    }),
  );

  await start();
  statusBar.refresh();
  return { client: () => client, timeline, statusBar, findTemplates: () => findTemplates(context.extensionUri, planTest), placeholderHold: hold, planView: readPlan, workspaceLint, runtime: RUNTIME };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
