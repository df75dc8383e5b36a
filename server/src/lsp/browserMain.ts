// planlint language server in a web worker (VS Code for the Web: vscode.dev, github.dev, or
// any VS Code whose extension runs in the web worker extension host). The same server as
// main.ts, over the worker's message port, with the browser host (hostBrowser.ts): files are
// read by the client, rule checks run in this thread. Bundled by esbuild.mjs as
// dist/web/server.js (platform browser, iife).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost } from './hostBrowser.js';
import { startServer } from './server.js';

// The worker's global scope (the project compiles without the DOM library).
declare const self: { addEventListener(type: 'unhandledrejection', listener: (e: { reason: unknown; preventDefault(): void }) => void): void };
type Port = ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as unknown as Port), new BrowserMessageWriter(self as unknown as Port));
// Nothing may write plan content anywhere but the client's log.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
self.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  connection.console.error(`planlint: an operation failed: ${(e.reason as Error | undefined)?.name ?? typeof e.reason}`);
});
startServer(connection, browserHost(connection));
