// Starts the planlint language server in a web worker (dist/web/server.js), for VS Code for the
// Web and any VS Code that runs the extension in its web worker extension host. The web build
// of the extension (client/bundle.mjs: webClientBuild) takes this module in place of
// ../languageClient.ts; everything else in the extension is the same code.
//
// A worker cannot be created from the extension's own URL when that is remote
// (vscode-remote://, vscode-vfs:// ...), so the script is read with workspace.fs and started
// from a blob: URL. The server has no file system: it asks this client for configuration files
// and, for Lint Workspace, the workspace's files (clientFiles.ts).

import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { FIND_FILES_REQUEST, READ_FILES_REQUEST, type FindFilesParams, type ReadFilesParams } from '../../../server/src/lsp/protocol.js';
import type { PlaceholderHold } from '../placeholderHold.js';
import { findFiles, readFiles } from './clientFiles.js';
import { clientOptions } from '../clientOptions.js';

export const CLIENT_ID = 'planlint';

/** Where this build of the extension runs: the web worker extension host. */
export const RUNTIME: 'node' | 'web' = 'web';
export { LOCALES, localeSetting } from '../clientOptions.js';

declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(b: object): string };
declare const Worker: new (url: string, options?: { name?: string }) => object;

interface WorkerLike {
  addEventListener(type: 'error', listener: (e: { message?: string }) => void): void;
  terminate(): void;
}

/** The worker of the running server (a restart ends it and starts a fresh one). */
let current: WorkerLike | undefined;

/**
 * The server's worker, from a blob: URL, and its message transports. Transports, not the
 * worker itself: the web worker extension host wraps `Worker`, so the library's own
 * `instanceof Worker` test fails on the worker it gets back.
 */
async function startWorker(extensionUri: vscode.Uri, output: vscode.LogOutputChannel): Promise<MessageTransports> {
  try {
    current?.terminate();
    const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'server.js'));
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'planlint language server' }) as WorkerLike;
    current = worker;
    worker.addEventListener('error', (e) => output.error(`[client] the language server's worker failed: ${e.message ?? 'error'}`));
    type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
    return { reader: new BrowserMessageReader(worker as unknown as Port), writer: new BrowserMessageWriter(worker as unknown as Port) };
  } catch (e) {
    output.error(`[client] the language server's worker could not be started: ${(e as Error)?.message ?? e}`);
    throw e;
  }
}

/** The browser client, with the Node client's `restart` (Restart Server): stop, then a fresh worker. */
class WebLanguageClient extends LanguageClient {
  async restart(): Promise<void> {
    await this.stop().catch(() => undefined);
    await this.start();
  }
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, hold?: PlaceholderHold): WebLanguageClient {
  // vscode-languageclient 11 (browser): (id, name, worker or a function giving one, options).
  const client = new WebLanguageClient(CLIENT_ID, 'planlint', () => startWorker(context.extensionUri, output), clientOptions(output, hold));
  client.onRequest(READ_FILES_REQUEST, (p: ReadFilesParams) => readFiles(p));
  client.onRequest(FIND_FILES_REQUEST, (p: FindFilesParams, token) => findFiles(p, token));
  return client;
}
