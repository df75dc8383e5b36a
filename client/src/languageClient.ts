// Starts the planlint language server (dist/server.js) over Node IPC.

import * as vscode from 'vscode';
import type { PlaceholderHold } from './placeholderHold.js';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';

export const CLIENT_ID = 'planlint';
export { LOCALES, localeSetting } from './clientOptions.js';
import { clientOptions } from './clientOptions.js';

/** Where this build of the extension runs (client/src/web/languageClient.ts says `web`). */
export const RUNTIME: 'node' | 'web' = 'node';

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, hold?: PlaceholderHold): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  return new LanguageClient(CLIENT_ID, 'planlint', serverOptions, clientOptions(output, hold));
}
