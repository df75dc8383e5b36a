// planlint's command-line entry point: wires run() to the process. Everything else is in run.ts.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import pc from 'picocolors';
import { run, takeLocale } from './run.js';
import { availableLocales, chooseLocale } from '../engine/locales.js';
import { cliCatalogue, say } from './messages.js';
import { isWorkerInit, workerMain } from './worker.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// The same bundle is the lint worker thread (--concurrency): a worker only answers batches.
if (!isMainThread && isWorkerInit(workerData)) workerMain();
else if (process.argv[2] === '--lsp') startLanguageServer();
else {
  // The reader of standard output went away (`planlint … | head`): nobody will see the rest,
  // so stop at once, without a stack trace, with the status of a failed write (docs/cli.md).
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`planlint: ${say(runCatalogue(), 'cli.stdoutFailed', { code: e.code ?? 'error' })}\n`);
    process.exit(2);
  });
  start();
}

// Write synchronously-ordered and let the process end naturally, so piped output is not cut short.
function start(): void {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin,
    color: pc.isColorSupported,
    env: process.env,
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`planlint: ${say(runCatalogue(), 'cli.internalError', { detail: (e as Error)?.stack ?? String(e) })}\n`);
      process.exitCode = 2;
    },
  );
}

/**
 * `planlint --lsp [--stdio | --node-ipc | --socket=PORT]`: the language server, for editors
 * configured with the CLI's name. The server is its own bundle beside this one
 * (dist/server.js, also installed as `planlint-language-server`); stdio is the default.
 */
function startLanguageServer(): void {
  const rest = process.argv.slice(3);
  const transport = rest.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe=')) ? [] : ['--stdio'];
  const serverScript = join(__dirname, 'server.js');
  process.argv = [process.argv[0], serverScript, ...rest, ...transport];
  // A path computed at run time: the server stays its own bundle (the CLI does not carry it).
  const load = createRequire(__filename);
  load(serverScript);
}

/** The locale of this run's messages, as run() chooses it (for what is said outside run()). */
function runCatalogue() {
  const locales = availableLocales();
  const flag = takeLocale(process.argv.slice(2)).locale;
  return cliCatalogue(chooseLocale({ flag: flag !== undefined && locales.includes(flag) ? flag : undefined, env: process.env }, locales));
}
