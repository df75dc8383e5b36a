// The web build of the extension (dist/web/extension.js, VS Code for the Web) is as thin as the
// Node client: none of the engine, rules, policy, project or CLI in it (the server in the web
// worker, dist/web/server.js, does all of that), no Node module, and under its size limit. The
// browser server holds the engine but nothing of Node: no fs, worker threads or child processes.
import { resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: an .mjs module without types
import { CLIENT_MAX_BYTES, WEB_CLIENT_MAX_BYTES, webClientBuild, webServerBuild } from '../../client/bundle.mjs';

const ROOT = resolve(__dirname, '../..');
const common = { bundle: true, write: false, metafile: true, logLevel: 'silent', minifySyntax: true, minifyWhitespace: true, keepNames: true, absWorkingDir: ROOT } as const;
const FORBIDDEN = /^server\/src\/(engine|rules|policy|cli|project)\//;

interface Built {
  bytes: number;
  inputs: Record<string, { bytes: number }>;
  ownBytes: number;
  text: string;
}

async function bundle(options: Record<string, unknown>): Promise<Built> {
  const r = await build({ ...common, ...options, outfile: resolve(ROOT, String(options.outfile)) } as never);
  const js = r.outputFiles!.find((f) => f.path.endsWith('.js'))!;
  const meta = r.metafile as Metafile;
  const out = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined)!;
  // planlint's own code in the output: every input that is not a dependency.
  const ownBytes = Object.entries(out.inputs)
    .filter(([i]) => !i.startsWith('node_modules/'))
    .reduce((n, [, v]) => n + v.bytesInOutput, 0);
  return { bytes: js.contents.length, inputs: meta.inputs, ownBytes, text: js.text };
}

let web: Built;
let server: Built;

beforeAll(async () => {
  [web, server] = await Promise.all([bundle(webClientBuild), bundle(webServerBuild)]);
}, 120_000);

describe('dist/web/extension.js', () => {
  it(`is at most ${WEB_CLIENT_MAX_BYTES / 1024} KB, of which planlint's own code is at most ${CLIENT_MAX_BYTES / 1024} KB`, () => {
    expect(web.bytes).toBeGreaterThan(10_000);
    expect(web.bytes).toBeLessThanOrEqual(WEB_CLIENT_MAX_BYTES);
    expect(web.ownBytes).toBeGreaterThan(10_000);
    expect(web.ownBytes).toBeLessThanOrEqual(CLIENT_MAX_BYTES);
  });
  it('holds nothing of the engine, rules, policy, project or CLI, and no YAML parser, schema validator or language model', () => {
    const inputs = Object.keys(web.inputs);
    expect(inputs.filter((i) => FORBIDDEN.test(i))).toEqual([]);
    expect(inputs.filter((i) => /node_modules\/(yaml|ajv|wink-|date-fns)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => !i.startsWith('client/src/') && !i.startsWith('node_modules/'))).toEqual(['server/src/lsp/protocol.ts']);
  });
  it('is the web client: the worker-starting module instead of the IPC one, the browser LSP library, and only vscode loaded at run time', () => {
    const inputs = Object.keys(web.inputs);
    expect(inputs).toContain('client/src/web/languageClient.ts');
    expect(inputs).not.toContain('client/src/languageClient.ts');
    expect(inputs.some((i) => i.startsWith('node_modules/vscode-languageclient/lib/browser/'))).toBe(true);
    expect(inputs.filter((i) => /vscode-languageclient\/lib\/node\/|vscode-jsonrpc\/lib\/node\//.test(i))).toEqual([]);
    const requires = [...new Set([...web.text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
    expect(requires).toEqual(['vscode']);
  });
});

describe('dist/web/server.js', () => {
  it('is the engine and the server without any Node module', () => {
    const inputs = Object.keys(server.inputs);
    expect(inputs).toContain('server/src/lsp/server.ts');
    expect(inputs).toContain('server/src/engine/lint.ts');
    expect(inputs).toContain('server/src/lsp/hostBrowser.ts');
    expect(inputs.filter((i) => /^node:|lintWorker\.ts$|hostNode\.ts$|nodeFs\.ts$|cli\/files\.ts$|lsp\/main\.ts$/.test(i))).toEqual([]);
    expect(server.text).not.toMatch(/require\("(node:)?(fs|worker_threads|child_process|path|url|os)"\)/);
  });
});
