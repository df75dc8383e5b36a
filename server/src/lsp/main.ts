// planlint language server entry point. The transport comes from the command line, as
// vscode-languageserver reads it: `--stdio`, `--node-ipc` or `--socket=<port>`.
// Given the client's `processId`, the connection exits when that process dies.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

if (process.argv.includes('--version')) {
  process.stdout.write('planlint language server 0.1.0\n');
  process.exit(0);
}
const transports = ['--stdio', '--node-ipc'];
if (!process.argv.some((a) => transports.includes(a) || a.startsWith('--socket=') || a.startsWith('--pipe=') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('usage: node server.js --stdio | --node-ipc | --socket=<port>\n');
  process.exit(2);
}
// Nothing may write plan content to stdout/stderr: console output goes to the client's log.
const connection = createConnection(ProposedFeatures.all);
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
startServer(connection);
