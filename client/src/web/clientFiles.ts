// The client's side of the browser server's file access (protocol.ts: `planlint/readFiles`,
// `planlint/findFiles`): the server in a web worker has no file system, so it asks the
// client, which answers with VS Code's own (workspace.fs, workspace.findFiles), whatever the
// workspace's file system is (vscode-vfs://, vscode-remote://, file:). Only what the server
// names is read: configuration files and the packs they extend, and, for Lint Workspace, the
// YAML files of the workspace folders; a file over the size the server gives is not read.

import * as vscode from 'vscode';
import type { FindFilesParams, ReadFileAnswer, ReadFilesParams } from '../../../server/src/lsp/protocol.js';

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function readOne(f: { uri?: unknown; read?: unknown; maxBytes?: unknown }): Promise<ReadFileAnswer> {
  if (typeof f?.uri !== 'string') return { kind: 'error' };
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(f.uri, true);
  } catch {
    return { kind: 'error' };
  }
  let st: vscode.FileStat;
  try {
    st = await vscode.workspace.fs.stat(uri);
  } catch (e) {
    return { kind: (e as { code?: string })?.code === 'FileNotFound' || e instanceof vscode.FileSystemError ? 'missing' : 'error' };
  }
  const kind: ReadFileAnswer['kind'] =
    st.type & vscode.FileType.SymbolicLink ? 'symlink' : st.type & vscode.FileType.File ? 'file' : st.type & vscode.FileType.Directory ? 'directory' : 'other';
  const answer: ReadFileAnswer = { kind, size: st.size, mtime: st.mtime };
  const max = typeof f.maxBytes === 'number' ? f.maxBytes : 0;
  if (kind === 'file' && f.read === true && st.size <= max) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      answer.data = toBase64(bytes.length > max ? bytes.subarray(0, max) : bytes);
    } catch {
      return { kind: 'error' };
    }
  }
  return answer;
}

export async function readFiles(params: ReadFilesParams): Promise<ReadFileAnswer[]> {
  const files = Array.isArray(params?.files) ? params.files.slice(0, 1000) : [];
  return Promise.all(files.map(readOne));
}

export async function findFiles(params: FindFilesParams, token?: vscode.CancellationToken): Promise<string[]> {
  const folders = Array.isArray(params?.folders) ? params.folders.filter((f): f is string => typeof f === 'string') : [];
  const include = typeof params?.include === 'string' ? params.include : '**/*.{yaml,yml}';
  const max = typeof params?.max === 'number' && params.max > 0 ? Math.min(params.max, 100_000) : 20_000;
  const out: string[] = [];
  for (const f of folders) {
    if (out.length >= max || token?.isCancellationRequested) break;
    const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(f, true), include), '**/{node_modules,.git}/**', max - out.length, token);
    for (const u of found) out.push(u.toString());
  }
  return out;
}
