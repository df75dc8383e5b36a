// What the language server needs from the place it runs in, injected by its entry point: the
// Node server (main.ts, hostNode.ts) and the browser server in a web worker (browserMain.ts,
// hostBrowser.ts) run the same server.ts over the same feature modules and differ only here.
//
// - paths: which file-system path the config reader (project/configFiles.ts) uses for a URI.
//   Node: the file's own path (file: URIs only). Browser: a path made from the whole URI
//   (`/<scheme>/@<authority>/<path>`), so the reader's walk up the folders works unchanged on
//   vscode-vfs://, vscode-remote:// and any other file system VS Code can read.
// - fs: the config reader's file system. Node: the real one (project/nodeFs.ts). Browser: what
//   the client read for the server with `workspace.fs` (`planlint/readFiles`); the reader is
//   synchronous, so a file it asks about that is not yet known is noted (`missed`), fetched
//   (`fetchMissed`) and the lookup done again (ConfigStore.resolve in settings.ts).
// - checker: where the rule checks of large texts run (Node: the lint worker thread under a
//   time and memory budget; browser: none, they run in the server's thread, under the same
//   size limits).
// - workspaceFiles: which files Lint Workspace reads and how. Node: the command line's
//   discovery and the file system; browser: the client's `workspace.findFiles` and
//   `workspace.fs` (`planlint/findFiles`, `planlint/readFiles`).
// - yieldToEventLoop: let queued messages be read (Node: setImmediate; browser: a message
//   channel). env: the environment the server's PLANLINT_* knobs are read from (none in a
//   browser).
//
// Nothing here may import a Node module: the browser server bundles this file.

import type { CancellationToken } from 'vscode-languageserver';
import type { ConfigFs } from '../project/configFiles.js';
import type { Checker } from './checker.js';

export interface HostPaths {
  /** The path the config reader uses for a document or folder URI; undefined: none (no config is read). */
  uriToPath(uri: string): string | undefined;
  /** The URI of such a path. */
  pathToUri(path: string): string | undefined;
  /** What a relative `configPath` is resolved against when a document is in no workspace folder. */
  cwd(): string | undefined;
}

export interface HostFs extends ConfigFs {
  /** Whether a call since the last `fetchMissed` asked about a file this file system has not read yet. */
  missed?(): boolean;
  /** Read what was missed (through the client), so that the next lookup finds it. */
  fetchMissed?(): Promise<void>;
  /** Forget what was read (a watched file changed). */
  forget?(): void;
  /** The workspace folders' paths (the browser reads nothing outside their file systems). */
  setFolders?(paths: readonly string[]): void;
}

export interface WorkspaceFile {
  uri: string;
  /** True: known to be a plan (found by the command line's discovery); undefined: decided once read. */
  plan?: boolean;
}

export interface WorkspaceFiles {
  /** The candidate files of the workspace folders (URIs). */
  list(folderUris: readonly string[], token: CancellationToken): Promise<WorkspaceFile[]>;
  /** A file's size in bytes and, when it is at most `maxBytes`, its bytes. Rejects when it cannot be read. */
  read(uri: string, maxBytes: number): Promise<{ size: number; bytes?: Uint8Array }>;
}

export interface ServerHost {
  readonly kind: 'node' | 'browser';
  readonly paths: HostPaths;
  readonly fs: HostFs;
  readonly checker?: Checker;
  readonly workspaceFiles?: WorkspaceFiles;
  readonly env: Readonly<Record<string, string | undefined>>;
  yieldToEventLoop(): Promise<void>;
}
