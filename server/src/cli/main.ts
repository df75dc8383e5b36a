// planlint's command-line entry point: wires run() to the process. Everything else is in run.ts.
import pc from 'picocolors';
import { run } from './run.js';

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Write synchronously-ordered and let the process end naturally, so piped output is not cut short.
run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin,
  color: pc.isColorSupported,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`planlint: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 2;
  },
);
