// planlint language server entry point. The transport comes from the command line, as
// vscode-languageserver reads it: `--stdio`, `--node-ipc` or `--socket=<port>`.
// Given the client's `processId`, the connection exits when that process dies.
import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import pkg from '../../../package.json';
import { FramingFilter } from './framing.js';
import { isLintWorkerData, lintWorkerMain } from './lintWorker.js';
import { nodeHost } from './hostNode.js';
import { startServer } from './server.js';

// The same bundle is the lint worker thread (lintWorker.ts): a worker only answers checks.
if (!isMainThread && isLintWorkerData(workerData)) lintWorkerMain();
else main();

function main(): void {
  if (process.argv.includes('--version')) {
    process.stdout.write(`planlint language server ${(pkg as { version: string }).version}\n`);
    process.exit(0);
  }
  const transports = ['--stdio', '--node-ipc'];
  if (!process.argv.some((a) => transports.includes(a) || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'))) {
    process.stderr.write('usage: planlint-language-server --stdio | --node-ipc | --socket=<port>   (or: planlint --lsp)\n');
    process.exit(2);
  }
  // Nothing may write plan content to stdout/stderr: console output goes to the client's log.
  // Over stdio, the framing is checked first (framing.ts): a message with a missing, NaN or
  // negative Content-Length is dropped with a log line, and reading goes on at the next one.
  let logReject = (why: string): void => void process.stderr.write(`planlint: ${why}\n`);
  const stdio = process.argv.includes('--stdio');
  const connection = stdio
    ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin.pipe(new FramingFilter((why) => logReject(why)))), new StreamMessageWriter(process.stdout))
    : createConnection(ProposedFeatures.all);
  logReject = (why) => connection.console.error(`planlint: a message from the editor was dropped: ${why}; reading goes on at the next message`);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  // A promise nobody awaited that fails (a client rejecting a request the server sent) is
  // logged by kind, never allowed to end the process.
  process.on('unhandledRejection', (e) => connection.console.error(`planlint: an operation failed: ${(e as Error | undefined)?.name ?? typeof e}`));
  startServer(connection, nodeHost({ lintWorkerScript: __filename }));
}
