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

export interface PlanView {
  uri: vscode.Uri;
  version: number;
  asOf: string;
  plan: Plan;
  isTemplate: boolean;
  obligations: Obligation[];
}

const PLAN_KEY = /(^|[\r\n])["']?sentence_plan["']?[ \t]*:/;
const CONFIG_NAMES = ['.planlintrc.yaml', '.planlintrc.yml'];

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

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The configuration for a document: `planlint.configPath`, else the nearest `.planlintrc.yaml` up to the file-system root. */
export async function configFor(uri: vscode.Uri): Promise<ResolvedConfig> {
  const known = [...RULES_BY_ID.keys()];
  const load = async (file: vscode.Uri): Promise<ResolvedConfig | undefined> => {
    const text = await readText(file);
    return text === undefined ? undefined : loadConfigText(text, file.path, known).config;
  };
  const explicit = vscode.workspace.getConfiguration('planlint', uri).get<string>('configPath', '');
  if (explicit) {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = explicit.startsWith('/') || /^[A-Za-z]:[\\/]/.test(explicit) ? vscode.Uri.file(explicit) : folder ? vscode.Uri.joinPath(folder.uri, explicit) : undefined;
    const c = file && (await load(file));
    if (c) return c;
  }
  if (uri.scheme === 'file' || uri.scheme === 'vscode-remote') {
    let dir = vscode.Uri.joinPath(uri, '..');
    for (let i = 0; i < 64; i++) {
      for (const name of CONFIG_NAMES) {
        const c = await load(vscode.Uri.joinPath(dir, name));
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
