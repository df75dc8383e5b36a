// The browser server's host (server/src/lsp/hostBrowser.ts): URIs of any scheme become paths the
// config reader can walk, the POSIX path shim agrees with Node's, and configuration files and
// the packs they extend are read through the client (planlint/readFiles) in a few batched
// rounds, under the same rules as on disk (size cap, no links, the nearest file wins).
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientFs, browserPaths, hostPathToUri, uriToHostPath } from '../../server/src/lsp/hostBrowser.js';
import * as shim from '../../server/src/lsp/web/posixPath.js';
import { READ_FILES_REQUEST, type ReadFileAnswer, type ReadFilesParams } from '../../server/src/lsp/protocol.js';
import { ConfigStore, normaliseSettings, type LoadedConfig } from '../../server/src/lsp/settings.js';
import { MAX_CONFIG_BYTES } from '../../server/src/project/configFiles.js';

const PACK = `name: region
version: 1.0.0
effective_from: 2025-04-01
checks:
  - id: local/needs-outcome
    severity: warning
    policy: "Regional protocol (example), section 2"
    description: Every plan says what it is for in at least one outcome.
    require: { some: outcomes }
    message: "This plan has no outcome: add one under outcomes."
`;

/** A client over an in-memory tree of URIs; counts the requests it answers. */
function fakeClient(files: Record<string, string | { symlink: true } | { size: number }>) {
  const calls: ReadFilesParams[] = [];
  const send = async (method: string, params: unknown): Promise<unknown> => {
    expect(method).toBe(READ_FILES_REQUEST);
    const p = params as ReadFilesParams;
    calls.push(p);
    return p.files.map((f): ReadFileAnswer => {
      const v = files[f.uri];
      if (v === undefined) return { kind: 'missing' };
      if (typeof v === 'object' && 'symlink' in v) return { kind: 'symlink', size: 10, mtime: 1 };
      if (typeof v === 'object') return { kind: 'file', size: v.size, mtime: 1 };
      const bytes = new TextEncoder().encode(v);
      const a: ReadFileAnswer = { kind: 'file', size: bytes.length, mtime: 1 };
      if (f.read && bytes.length <= (f.maxBytes ?? 0)) a.data = Buffer.from(bytes).toString('base64');
      return a;
    });
  };
  return { send, calls };
}

const ROOT = 'vscode-vfs://github/team/plans';
const settings = normaliseSettings({});

async function resolveFor(files: Parameters<typeof fakeClient>[0], doc: string): Promise<{ loaded: LoadedConfig; rounds: number; problems: LoadedConfig[] }> {
  const { send, calls } = fakeClient(files);
  const problems: LoadedConfig[] = [];
  const store = new ConfigStore((l) => problems.push(l), new ClientFs(send), browserPaths);
  store.setWorkspaceFolders([uriToHostPath(ROOT)!]);
  const loaded = await store.resolve(doc, settings, uriToHostPath(ROOT));
  return { loaded, rounds: calls.length, problems };
}

describe('URIs as paths', () => {
  it('round-trips any scheme and authority, and walks up to the authority only', () => {
    for (const uri of ['vscode-vfs://github/team/plans/a.plan.yaml', 'vscode-remote://127.0.0.1:8091/tmp/ws/b.plan.yaml', 'file:///home/x/c.plan.yaml', 'vscode-vfs://github%2Bx/a%20b/c.yaml']) {
      const p = uriToHostPath(uri)!;
      expect(p.startsWith('/')).toBe(true);
      expect(decodeURIComponent(hostPathToUri(p)!)).toBe(decodeURIComponent(uri));
    }
    expect(uriToHostPath('file:///home/x')).toBe('/file/@/home/x');
    expect(hostPathToUri('/vscode-vfs')).toBeUndefined();
    expect(hostPathToUri('/')).toBeUndefined();
    expect(uriToHostPath('untitled:Untitled-1')).toBeUndefined();
  });
  it("the POSIX shim gives Node's path.posix results", () => {
    const paths = ['/a/b/c', '/a/b/../c/./d', '/', '/a/', '/file/@/x/.planlintrc.yaml', 'rel/x', '/a//b'];
    for (const p of paths) {
      expect(shim.dirname(p), p).toBe(posix.dirname(p));
      expect(shim.normalize(p), p).toBe(posix.normalize(p));
      expect(shim.isAbsolute(p), p).toBe(posix.isAbsolute(p));
      expect(shim.basename(p), p).toBe(posix.basename(p));
      for (const q of paths) {
        if (posix.isAbsolute(p) && posix.isAbsolute(q)) expect(shim.relative(p, q), `${p} ${q}`).toBe(posix.relative(p, q));
        expect(shim.join(p, q), `${p} ${q}`).toBe(posix.join(p, q));
        if (posix.isAbsolute(p)) expect(shim.resolve(p, q), `${p} ${q}`).toBe(posix.resolve(p, q));
      }
      expect(shim.resolve('/base', '../policy/x.yaml')).toBe(posix.resolve('/base', '../policy/x.yaml'));
    }
  });
});

describe('configuration read through the client', () => {
  it('finds the nearest .planlintrc.yaml up from a document and applies it and the pack it extends, in batched rounds', async () => {
    const { loaded, rounds, problems } = await resolveFor(
      {
        [`${ROOT}/.planlintrc.yaml`]: 'extends: ./policy/region.yaml\nrules:\n  smart/specific: "off"\n',
        [`${ROOT}/policy/region.yaml`]: PACK,
        [`${ROOT}/teams/north/.planlintrc.yml`]: 'rules:\n  smart/measurable: "off"\n',
      },
      `${ROOT}/cases/a.plan.yaml`,
    );
    expect(problems).toEqual([]);
    expect(loaded.path).toBe(uriToHostPath(`${ROOT}/.planlintrc.yaml`));
    expect(loaded.config.rules['smart/specific']).toBe('off');
    expect(loaded.config.rules['smart/measurable']).toBeUndefined();
    expect(loaded.config.checks?.map((c) => c.id)).toEqual(['local/needs-outcome']);
    // The names up the folders, the config file, the pack: each a single request.
    expect(rounds).toBeLessThanOrEqual(4);
  });
  it('the nearer file wins', async () => {
    const { loaded } = await resolveFor({ [`${ROOT}/.planlintrc.yaml`]: 'rules:\n  smart/specific: "off"\n', [`${ROOT}/teams/north/.planlintrc.yml`]: 'rules:\n  smart/measurable: "off"\n' }, `${ROOT}/teams/north/b.plan.yaml`);
    expect(loaded.config.rules).toEqual({ 'smart/measurable': 'off' });
  });
  it('no config file: the defaults, without a problem', async () => {
    const { loaded, problems } = await resolveFor({}, `${ROOT}/a.plan.yaml`);
    expect(loaded.path).toBeUndefined();
    expect(problems).toEqual([]);
  });
  it('a file over the size cap is refused without being read, and so is a symbolic link; each said once', async () => {
    const big = await resolveFor({ [`${ROOT}/.planlintrc.yaml`]: { size: MAX_CONFIG_BYTES + 10 } }, `${ROOT}/a.plan.yaml`);
    expect(big.loaded.refused).toMatch(/over the limit/);
    expect(big.problems).toHaveLength(1);
    const link = await resolveFor({ [`${ROOT}/.planlintrc.yaml`]: { symlink: true } }, `${ROOT}/a.plan.yaml`);
    expect(link.loaded.refused).toMatch(/symbolic link/);
    expect(link.problems).toHaveLength(1);
  });
  it("reads nothing outside the workspace folders' file system, however many ../ a pack path has", async () => {
    const { loaded, calls } = await (async () => {
      const { send, calls } = fakeClient({
        [`${ROOT}/.planlintrc.yaml`]: 'extends: ../../../../../file/@/etc/region.yaml\n',
        'file:///etc/region.yaml': PACK,
      });
      const store = new ConfigStore(() => {}, new ClientFs(send), browserPaths);
      store.setWorkspaceFolders([uriToHostPath(ROOT)!]);
      return { loaded: await store.resolve(`${ROOT}/a.plan.yaml`, settings, uriToHostPath(ROOT)), calls };
    })();
    expect(calls.flatMap((c) => c.files.map((f) => f.uri)).filter((u) => !u.startsWith('vscode-vfs://github/'))).toEqual([]);
    expect(loaded.config.checks ?? []).toEqual([]);
    expect(loaded.problems.length).toBeGreaterThan(0);
  });
  it('a client that fails every request: the defaults, and the lookup ends', async () => {
    const store = new ConfigStore(() => {}, new ClientFs(async () => Promise.reject(new Error('no'))), browserPaths);
    const loaded = await store.resolve(`${ROOT}/a.plan.yaml`, settings, uriToHostPath(ROOT));
    expect(loaded.config.rules).toEqual({});
  });
});
