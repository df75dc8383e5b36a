// The npm package: `npm pack` ships the CLI and language-server bundles, the schemas and the
// docs the CLI points to (README, LICENSE, the rule pages), and nothing else: no tests,
// sources, samples, benchmarks or the VS Code client. Both bins start from the built bundles
// (npm test builds dist/ first); the language server answers `initialize` under either name.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

function packedFiles(): string[] {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout)[0].files as { path: string }[]).map((f) => f.path).sort();
}

/** Send `initialize` then `shutdown` + `exit` over stdio; resolve with the initialize result. */
function initialize(command: string, args: string[]): Promise<{ result: { capabilities: Record<string, unknown>; serverInfo?: { name: string } } }> {
  return new Promise((done, fail) => {
    const p = spawn(command, args, { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      p.kill();
      fail(new Error('no answer to initialize in 15 s'));
    }, 15_000);
    const send = (m: object) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }), 'utf8');
      p.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      p.stdin.write(body);
    };
    let buf = Buffer.alloc(0);
    p.stdout.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const head = buf.indexOf('\r\n\r\n');
        if (head < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
        if (buf.length < head + 4 + len) return;
        const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString('utf8'));
        buf = buf.subarray(head + 4 + len);
        if (msg.id === 1) {
          clearTimeout(timer);
          send({ id: 2, method: 'shutdown' });
          send({ method: 'exit' });
          done(msg);
        }
      }
    });
    p.on('error', fail);
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

describe('the npm package', () => {
  it('is installable: not private, bins for the CLI and the language server, no runtime dependencies (everything is bundled)', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ planlint: 'dist/cli.js', 'planlint-language-server': 'dist/server.js' });
    expect(pkg.dependencies ?? {}).toEqual({});
  });
  it('packs the bundles, schemas and docs only', () => {
    const files = packedFiles();
    for (const f of ['dist/cli.js', 'dist/cli.js.map', 'dist/server.js', 'dist/server.js.map', 'schemas/sentence-plan.schema.json', 'schemas/config.schema.json', 'docs/rules/smart.md', 'README.md', 'LICENSE', 'package.json']) {
      expect(files, f).toContain(f);
    }
    const unwanted = files.filter((f) => /^(test|server|client|bench|samples|\.ci|node_modules)\//.test(f) || /\.ts$/.test(f) || f === 'dist/client.js' || f.startsWith('dist/tools/') || f === 'dist/engine.js');
    expect(unwanted).toEqual([]);
  });
  it('both bins are executable scripts with a node shebang', () => {
    for (const bin of Object.values(pkg.bin) as string[]) {
      const path = join(REPO, bin);
      expect(readFileSync(path, 'utf8').startsWith('#!/usr/bin/env node\n'), bin).toBe(true);
      expect(() => accessSync(path, constants.X_OK), bin).not.toThrow();
    }
  });
  it('planlint-language-server --stdio answers initialize', async () => {
    const r = await initialize(process.execPath, [join(REPO, 'dist/server.js'), '--stdio']);
    expect(r.result.capabilities).toHaveProperty('hoverProvider');
    expect(r.result.capabilities).toHaveProperty('codeActionProvider');
  });
  it('planlint --lsp starts the same server (stdio by default)', async () => {
    const r = await initialize(process.execPath, [join(REPO, 'dist/cli.js'), '--lsp']);
    expect(r.result.capabilities).toHaveProperty('hoverProvider');
  });
  it('the language server prints its version, the package version', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'dist/server.js'), '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`planlint language server ${pkg.version}`);
  });
});
