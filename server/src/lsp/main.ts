// planlint language server entry point. The transport comes from the command line, as
// vscode-languageserver reads it: `--stdio`, `--node-ipc` or `--socket=<port>`.
// Given the client's `processId`, the connection exits when that process dies.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import pkg from '../../../package.json';
import { startServer } from './server.js';

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
const connection = createConnection(ProposedFeatures.all);
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
startServer(connection);
