// The Node host of the language server (host.ts): file: URIs are file-system paths, the real
// file system (project/nodeFs.ts), the lint worker thread (lintWorker.ts) and the command
// line's discovery for Lint Workspace.

import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { discover } from '../cli/files.js';
import { nodeConfigFs } from '../project/nodeFs.js';
import { budgetFromEnv } from './checker.js';
import type { HostPaths, ServerHost, WorkspaceFiles } from './host.js';
import { LintWorker } from './lintWorker.js';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).toString();
}

export const nodePaths: HostPaths = { uriToPath, pathToUri, cwd: () => process.cwd() };

/** Lint Workspace's files: the plans the command line's discovery finds under each folder. */
export const nodeWorkspaceFiles: WorkspaceFiles = {
  async list(folderUris, token) {
    const out: { uri: string; plan: boolean }[] = [];
    for (const folder of folderUris) {
      if (token.isCancellationRequested) break;
      const path = uriToPath(folder);
      if (path === undefined) continue;
      const { targets } = await discover(['.'], path);
      for (const t of targets) if (!t.error && !t.raw) out.push({ uri: pathToUri(t.absolute), plan: true });
    }
    return out;
  },
  async read(uri, maxBytes) {
    const path = uriToPath(uri);
    if (path === undefined) throw new Error('not a file');
    const st = await stat(path);
    return st.size > maxBytes ? { size: st.size } : { size: st.size, bytes: await readFile(path) };
  },
};

export interface NodeHostOptions {
  /** The script a lint worker thread runs (the server bundle); without it, documents are linted on the main thread. */
  lintWorkerScript?: string;
  env?: NodeJS.ProcessEnv;
}

export function nodeHost(options: NodeHostOptions = {}): ServerHost {
  const env = options.env ?? process.env;
  // PLANLINT_LSP_LINT_WORKER=off lints on the main thread, as before the worker (for comparison: bench/lsp-worker.mjs).
  const checker = options.lintWorkerScript && env.PLANLINT_LSP_LINT_WORKER !== 'off' ? new LintWorker(options.lintWorkerScript, budgetFromEnv(env)) : undefined;
  return {
    kind: 'node',
    paths: nodePaths,
    fs: nodeConfigFs,
    checker,
    workspaceFiles: nodeWorkspaceFiles,
    env,
    yieldToEventLoop: () => new Promise((r) => setImmediate(r)),
  };
}
