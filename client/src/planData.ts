// The client's own reading of a plan, for the timeline and the status bar: the engine is
// bundled into the client (esbuild), so no round trip to the server is needed. Diagnostics
// still come from the server only.

import * as vscode from 'vscode';
import { defaultConfig, loadConfigText, type ResolvedConfig } from '../../server/src/engine/config.js';
import { isValidDate, todayLocal } from '../../server/src/engine/dates.js';
import { lint } from '../../server/src/engine/lint.js';
import type { Plan } from '../../server/src/engine/model.js';
import { dueDates, type Obligation } from '../../server/src/engine/obligations.js';
import { RULES_BY_ID } from '../../server/src/rules/index.js';
import { CONFIG_NAMES, ConfigFiles, MAX_CONFIG_BYTES } from '../../server/src/project/configFiles.js';
import { nodeConfigFs } from '../../server/src/project/nodeFs.js';

export interface PlanView {
  uri: vscode.Uri;
  version: number;
  asOf: string;
  plan: Plan;
  isTemplate: boolean;
  obligations: Obligation[];
}

const PLAN_KEY = /(^|[\r\n])["']?sentence_plan["']?[ \t]*:/;

/** Whether a document is a sentence plan (same test as the server's). */
export function isPlanDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === 'sentence-plan') return true;
  if (doc.languageId !== 'yaml') return false;
  if (/\.plan\.ya?ml$/i.test(doc.uri.path)) return true;
  return PLAN_KEY.test(doc.getText(new vscode.Range(0, 0, 400, 0)));
}

/** "Today" per the `planlint.asOf` setting, else the local date. */
export function asOfFor(uri?: vscode.Uri): string {
  const s = vscode.workspace.getConfiguration('planlint', uri).get<string>('asOf', '');
  return s && isValidDate(s) ? s : todayLocal();
}

const realFolders = (): string[] =>
  (vscode.workspace.workspaceFolders ?? [])
    .filter((f) => f.uri.scheme === 'file')
    .map((f) => {
      try {
        return nodeConfigFs.realpath(f.uri.fsPath);
      } catch {
        return f.uri.fsPath;
      }
    });

/**
 * Another file system (a remote or virtual workspace): the same rules as the config reader
 * where vscode.workspace.fs can tell, a regular file (after links) under the size cap, never
 * read otherwise.
 */
async function readOther(uri: vscode.Uri, known: readonly string[]): Promise<ResolvedConfig | undefined> {
  try {
    const st = await vscode.workspace.fs.stat(uri);
    if ((st.type & vscode.FileType.File) === 0 || st.size > MAX_CONFIG_BYTES) return undefined;
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > MAX_CONFIG_BYTES) return undefined;
    return loadConfigText(new TextDecoder().decode(bytes), uri.path, known).config;
  } catch {
    return undefined;
  }
}

/**
 * The configuration for a document: `planlint.configPath` (inside a workspace folder), else the
 * nearest `.planlintrc.yaml` up to the file-system root, read as the server reads it (the one
 * config reader: a regular file under 1 MB, no link out of the workspace); else the defaults.
 */
export async function configFor(uri: vscode.Uri): Promise<ResolvedConfig> {
  const known = [...RULES_BY_ID.keys()];
  const explicit = vscode.workspace.getConfiguration('planlint', uri).get<string>('configPath', '');
  if (uri.scheme === 'file') {
    // A reader per call: nothing cached, so a config file created or changed is seen at once.
    const reader = new ConfigFiles(nodeConfigFs, known);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const which = reader.editorConfigFor(uri.fsPath, explicit, folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined);
    const l = which && reader.load(which.path, { roots: realFolders(), confine: which.confine });
    return l && l.refused === undefined ? l.config : defaultConfig();
  }
  if (explicit) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = folder && !explicit.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(explicit) ? vscode.Uri.joinPath(folder.uri, explicit) : undefined;
    const c = file && (await readOther(file, known));
    if (c) return c;
  }
  if (uri.scheme === 'vscode-remote') {
    let dir = vscode.Uri.joinPath(uri, '..');
    for (let i = 0; i < 64; i++) {
      for (const name of CONFIG_NAMES) {
        const c = await readOther(vscode.Uri.joinPath(dir, name), known);
        if (c) return c;
      }
      const up = vscode.Uri.joinPath(dir, '..');
      if (up.path === dir.path) break;
      dir = up;
    }
  }
  return defaultConfig();
}

/** Reads a plan document with the engine: the model and its review obligations. */
export async function readPlan(doc: vscode.TextDocument): Promise<PlanView | undefined> {
  if (!isPlanDocument(doc)) return undefined;
  const asOf = asOfFor(doc.uri);
  const config = await configFor(doc.uri);
  const maxChars = vscode.workspace.getConfiguration('planlint', doc.uri).get<number>('maxFileSize', 5_000_000);
  const text = doc.getText();
  if (text.length > maxChars) return undefined;
  // No rules: only the model is needed here (the server reports findings).
  const r = lint(text, { asOf, config, rules: [] });
  const obligations = r.isTemplate ? [] : dueDates(r.plan, asOf, config.policy);
  return { uri: doc.uri, version: doc.version, asOf, plan: r.plan, isTemplate: r.isTemplate, obligations };
}
