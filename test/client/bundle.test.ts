// The VS Code client stays thin: its bundle (built here with client/bundle.mjs's options, as
// esbuild.mjs builds it) holds none of the engine, rules, policy or CLI, and stays under
// 200 KB; the language-client library it loads is a bundle of its own with nothing of planlint
// in it. The client's sources are checked by their import graph as well, so a type-only
// import from the server is fine and a value import of the engine is not.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: an .mjs module without types
import { CLIENT_MAX_BYTES, clientBuild, LANGUAGECLIENT_MAX_BYTES, languageClientBuild } from '../../client/bundle.mjs';

const ROOT = resolve(__dirname, '../..');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', write: false, metafile: true, logLevel: 'silent', minifySyntax: true, minifyWhitespace: true, keepNames: true, absWorkingDir: ROOT } as const;

const FORBIDDEN = /^server\/src\/(engine|rules|policy|cli|project)\//;

let client: { bytes: number; inputs: string[]; text: string };
let library: { bytes: number; inputs: string[] };

async function bundle(options: Record<string, unknown>): Promise<{ bytes: number; inputs: string[]; text: string }> {
  const r = await build({ ...common, ...options, outfile: join(ROOT, String(options.outfile)) });
  const js = r.outputFiles.find((f) => f.path.endsWith('.js'))!;
  const meta = r.metafile as Metafile;
  return { bytes: js.contents.length, inputs: Object.keys(meta.inputs), text: js.text };
}

beforeAll(async () => {
  [client, library] = await Promise.all([bundle(clientBuild), bundle(languageClientBuild)]);
}, 60_000);

describe('dist/client.js', () => {
  it(`is at most ${CLIENT_MAX_BYTES / 1024} KB`, () => {
    expect(client.bytes).toBeGreaterThan(10_000);
    expect(client.bytes).toBeLessThanOrEqual(CLIENT_MAX_BYTES);
  });
  it('holds nothing of the engine, rules, policy, project or CLI, and no YAML parser, schema validator or language model', () => {
    expect(client.inputs.filter((i) => FORBIDDEN.test(i))).toEqual([]);
    expect(client.inputs.filter((i) => /node_modules\/(yaml|ajv|wink-|date-fns|vscode-languageclient|vscode-jsonrpc)\//.test(i))).toEqual([]);
    // What it does hold: the client's own sources, and of the server the request names only.
    expect(client.inputs.filter((i) => !i.startsWith('client/src/'))).toEqual(['server/src/lsp/protocol.ts']);
    expect(client.inputs).toContain('client/src/extension.ts');
  });
  it('loads the language-client library beside it, and VS Code', () => {
    const requires = [...new Set([...client.text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
    expect(requires).toEqual(['./languageclient.js', 'vscode']);
  });
  it("the built file in dist/ (npm test builds it) is the same size as this test's bundle", () => {
    let built: number | undefined;
    try {
      built = readFileSync(join(ROOT, 'dist/client.js')).length;
    } catch {
      return; // not built (a single test file run before a build)
    }
    expect(built).toBeLessThanOrEqual(CLIENT_MAX_BYTES);
  });
});

describe('dist/languageclient.js', () => {
  it('is the LSP client library only', () => {
    expect(library.inputs.filter((i) => !i.startsWith('node_modules/'))).toEqual([]);
    expect(library.inputs.some((i) => i.startsWith('node_modules/vscode-languageclient/'))).toBe(true);
    expect(library.bytes).toBeLessThanOrEqual(LANGUAGECLIENT_MAX_BYTES);
  });
});

describe("the client's import graph", () => {
  it('imports from the server only types and the request names (server/src/lsp/protocol.ts)', () => {
    const files = readdirSync(join(ROOT, 'client/src')).filter((f) => f.endsWith('.ts'));
    const bad: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(ROOT, 'client/src', f), 'utf8');
      for (const m of src.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
        const [, typeOnly, spec] = m;
        if (!spec.includes('server/src/')) continue;
        if (!typeOnly && !spec.endsWith('server/src/lsp/protocol.js')) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
  it('protocol.ts imports nothing', () => {
    expect(readFileSync(join(ROOT, 'server/src/lsp/protocol.ts'), 'utf8')).not.toMatch(/^import /m);
  });
});
