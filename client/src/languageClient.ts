// Starts the planlint language server (dist/server.js) over Node IPC.

import * as vscode from 'vscode';
import type { PlaceholderHold } from './placeholderHold.js';
import { ruleDocsMiddleware } from './ruleDocs.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const CLIENT_ID = 'planlint';
export { LOCALES, localeSetting } from './localeSetting.js';
import { localeSetting } from './localeSetting.js';

/** Where this build of the extension runs (client/src/web/languageClient.ts says `web`). */
export const RUNTIME: 'node' | 'web' = 'node';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, hold?: PlaceholderHold): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Plans by language, and YAML in general: the server decides which YAML is a plan (and
    // watches the config files itself, by dynamic registration: the client keeps no names).
    documentSelector: [{ language: 'sentence-plan' }, { language: 'yaml' }],
    synchronize: { configurationSection: 'planlint' },
    outputChannel: output,
    traceOutputChannel: output,
    diagnosticCollectionName: 'planlint',
    // A docs URL set by the user goes to the server; without one, links open the bundled pages.
    initializationOptions: () => ({
      docsBaseUrl: vscode.workspace.getConfiguration('planlint').get<string>('docs.baseUrl') || undefined,
      // The review code lens opens the sentence timeline.
      lensCommand: 'planlint.showTimeline',
      // The language of messages, when the user chose one (`planlint.locale`); else the server
      // follows VS Code's display language, which the client sends as `initialize.locale`.
      locale: localeSetting(),
    }),
    middleware: hold ? hold.middleware(ruleDocsMiddleware) : ruleDocsMiddleware,
  };
  return new LanguageClient(CLIENT_ID, 'planlint', serverOptions, clientOptions);
}
