// The browser host of the language server (host.ts), for the server in a web worker
// (browserMain.ts): no file system, no threads, no process. Files are read by the client
// (`planlint/readFiles`, `planlint/findFiles`: protocol.ts, answered with VS Code's
// workspace.fs and workspace.findFiles), so a `.planlintrc.yaml` and the policy packs it
// extends work on vscode-vfs://, vscode-remote:// or file: alike; the rule checks run in the
// worker's own thread.
//
// Paths: the config reader walks folders by path, so a URI `scheme://authority/a/b` is given
// to it as the path `/scheme/@authority/a/b` (the authority percent-encoded, so it holds no
// `/`); a path above `/scheme/@authority` names nothing. Symbolic links are not followed
// (VS Code does not say where one leads): a link where a config file should be is refused.
// Only the workspace folders' file systems are read (their scheme and authority): a pack path
// with enough `../` cannot reach another file system VS Code knows (another scheme or host).

import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { FileInfo } from '../project/configFiles.js';
import type { HostFs, HostPaths, ServerHost, WorkspaceFiles } from './host.js';
import { FIND_FILES_REQUEST, READ_FILES_REQUEST, type FindFilesParams, type ReadFileAnswer, type ReadFilesParams } from './protocol.js';

const URI = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)([^?#]*)$/;

export function uriToHostPath(uri: string): string | undefined {
  const m = URI.exec(uri);
  if (!m) return undefined;
  let authority: string;
  try {
    authority = encodeURIComponent(decodeURIComponent(m[2]));
  } catch {
    return undefined;
  }
  return `/${m[1].toLowerCase()}/@${authority}${m[3] || '/'}`;
}

export function hostPathToUri(path: string): string | undefined {
  const m = /^\/([a-z][\w+.-]*)\/@([^/]*)(\/.*)?$/.exec(path);
  if (!m) return undefined;
  try {
    return `${m[1]}://${decodeURIComponent(m[2])}${m[3] ?? '/'}`;
  } catch {
    return undefined;
  }
}

/** The file system a path is on: its `/scheme/@authority/` prefix. */
function fileSystemOf(path: string): string | undefined {
  return /^\/[a-z][\w+.-]*\/@[^/]*\//.exec(path.endsWith('/') ? path : path + '/')?.[0];
}

export const browserPaths: HostPaths = { uriToPath: uriToHostPath, pathToUri: hostPathToUri, cwd: () => undefined };

type Send = (method: string, params: unknown) => Promise<unknown>;

interface Entry {
  kind: ReadFileAnswer['kind'];
  size: number;
  mtime: number;
  bytes?: Uint8Array;
}

const MISSING: Entry = { kind: 'missing', size: 0, mtime: 0 };

const fsError = (code: string): Error => Object.assign(new Error(code), { code });

function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** What the client read, by path; a lookup of something unknown is noted for `fetchMissed`. */
export class ClientFs implements HostFs {
  private readonly known = new Map<string, Entry>();
  /** Paths asked about and not known: whether their bytes are wanted. */
  private readonly wanted = new Map<string, { read: boolean; maxBytes: number }>();
  /** `/scheme/@authority/` of each workspace folder: nothing else is read. */
  private fileSystems = new Set<string>();

  constructor(private readonly send: Send) {}

  setFolders(paths: readonly string[]): void {
    this.fileSystems = new Set(paths.map(fileSystemOf).filter((f): f is string => f !== undefined));
  }

  private entry(path: string, read = false, maxBytes = 0): Entry | undefined {
    const e = this.known.get(path);
    if (e && (!read || e.kind !== 'file' || e.bytes || e.size > maxBytes)) return e;
    const fsOf = fileSystemOf(path);
    if (hostPathToUri(path) === undefined || fsOf === undefined || !this.fileSystems.has(fsOf)) return MISSING;
    const w = this.wanted.get(path);
    this.wanted.set(path, { read: read || !!w?.read, maxBytes: Math.max(maxBytes, w?.maxBytes ?? 0) });
    return undefined;
  }

  missed(): boolean {
    return this.wanted.size > 0;
  }

  async fetchMissed(): Promise<void> {
    const paths = [...this.wanted.keys()];
    const files = paths.map((p) => ({ uri: hostPathToUri(p)!, ...this.wanted.get(p)! }));
    this.wanted.clear();
    let answers: unknown;
    try {
      answers = await this.send(READ_FILES_REQUEST, { files } satisfies ReadFilesParams);
    } catch {
      answers = [];
    }
    const list = Array.isArray(answers) ? (answers as ReadFileAnswer[]) : [];
    paths.forEach((p, i) => {
      const a = list[i];
      if (!a || typeof a !== 'object' || typeof a.kind !== 'string') return this.known.set(p, { ...MISSING, kind: 'error' });
      if (a.kind === 'missing' || a.kind === 'error') return this.known.set(p, { ...MISSING, kind: a.kind });
      const e: Entry = { kind: a.kind, size: Number(a.size) || 0, mtime: Number(a.mtime) || 0 };
      if (typeof a.data === 'string') {
        try {
          e.bytes = fromBase64(a.data);
        } catch {
          return this.known.set(p, { ...MISSING, kind: 'error' });
        }
      }
      this.known.set(p, e);
    });
  }

  forget(): void {
    this.known.clear();
    this.wanted.clear();
  }

  private info(path: string, e: Entry | undefined): FileInfo {
    if (!e || e.kind === 'missing') throw fsError('ENOENT');
    if (e.kind === 'error') throw fsError('EIO');
    if (e.kind === 'symlink') throw fsError('ESYMLINK');
    return { kind: e.kind === 'file' ? 'file' : e.kind === 'directory' ? 'directory' : 'other', size: e.size, mtimeMs: e.mtime };
  }

  exists(path: string): boolean {
    const e = this.entry(path);
    return !!e && e.kind !== 'missing';
  }

  realpath(path: string): string {
    const e = this.entry(path);
    if (e?.kind === 'symlink') throw fsError('ESYMLINK');
    return path;
  }

  stat(path: string): FileInfo {
    return this.info(path, this.entry(path));
  }

  readRegular(path: string, limit: number): { info: FileInfo; bytes: Uint8Array; truncated: boolean } {
    const e = this.entry(path, true, limit);
    const info = this.info(path, e);
    if (info.kind !== 'file') return { info, bytes: new Uint8Array(0), truncated: false };
    if (!e!.bytes) {
      // Larger than the limit: the client sent its size only.
      if (e!.size >= limit) return { info, bytes: new Uint8Array(0), truncated: true };
      throw fsError('EIO');
    }
    const bytes = e!.bytes.length > limit ? e!.bytes.subarray(0, limit) : e!.bytes;
    return { info, bytes, truncated: e!.bytes.length >= limit };
  }
}

/** Lint Workspace's files: YAML files the client's workspace.findFiles lists, read through it. */
export function clientWorkspaceFiles(send: Send): WorkspaceFiles {
  return {
    async list(folderUris: readonly string[], token: CancellationToken) {
      if (token.isCancellationRequested) return [];
      const r = await send(FIND_FILES_REQUEST, { folders: [...folderUris], include: '**/*.{yaml,yml}', max: 20_000 } satisfies FindFilesParams);
      return (Array.isArray(r) ? r : []).filter((u): u is string => typeof u === 'string').map((uri) => ({ uri }));
    },
    async read(uri: string, maxBytes: number) {
      const r = await send(READ_FILES_REQUEST, { files: [{ uri, read: true, maxBytes }] } satisfies ReadFilesParams);
      const a = (Array.isArray(r) ? r[0] : undefined) as ReadFileAnswer | undefined;
      if (!a || a.kind !== 'file') throw new Error('not a readable file');
      const size = Number(a.size) || 0;
      return typeof a.data === 'string' ? { size, bytes: fromBase64(a.data) } : { size };
    },
  };
}

/** A macrotask through a message channel: queued messages from the client are read first. */
function channelYield(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  const ch = new MessageChannel();
  (ch.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((r) => {
      waiting.push(r);
      ch.port2.postMessage(0);
    });
}

export function browserHost(connection: Connection): ServerHost {
  const send: Send = (method, params) => connection.sendRequest(method, params);
  return {
    kind: 'browser',
    paths: browserPaths,
    fs: new ClientFs(send),
    workspaceFiles: clientWorkspaceFiles(send),
    env: {},
    yieldToEventLoop: channelYield(),
  };
}
