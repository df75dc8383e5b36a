// "New Plan from Template": pick a template (the ones shipped with the extension, the
// workspace's `*.template.plan.yaml` files and any workspace YAML with `kind: template`),
// then open an untitled plan with the template's placeholders as snippet tab stops.

import * as vscode from 'vscode';
import { todayLocal } from '../../server/src/engine/dates.js';
import { isTemplateText, templateSummary, templateToSnippet } from './templates.js';

export interface TemplateChoice {
  uri: vscode.Uri;
  label: string;
  source: 'built-in' | 'workspace';
}

const MAX_TEMPLATE_BYTES = 512 * 1024;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_TEMPLATE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Every template on offer, built-in ones first. */
export async function findTemplates(extensionUri: vscode.Uri): Promise<TemplateChoice[]> {
  const out: TemplateChoice[] = [];
  const builtIn = vscode.Uri.joinPath(extensionUri, 'samples', 'templates');
  try {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(builtIn))
      if (type === vscode.FileType.File && /\.plan\.ya?ml$/.test(name)) out.push({ uri: vscode.Uri.joinPath(builtIn, name), label: name, source: 'built-in' });
  } catch {
    // no built-in templates (development checkout without samples)
  }
  out.sort((a, b) => a.label.localeCompare(b.label));
  if (vscode.workspace.workspaceFolders?.length) {
    const seen = new Set(out.map((t) => t.uri.toString()));
    const named = await vscode.workspace.findFiles('**/*.template.plan.{yaml,yml}', EXCLUDE, 200);
    const yaml = await vscode.workspace.findFiles('**/*.{yaml,yml}', EXCLUDE, 1000);
    for (const uri of [...named, ...yaml]) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      const isNamed = /\.template\.plan\.ya?ml$/.test(uri.path);
      if (!isNamed) {
        const text = await readText(uri);
        if (!text || !isTemplateText(text)) continue;
      }
      out.push({ uri, label: vscode.workspace.asRelativePath(uri), source: 'workspace' });
    }
  }
  return out;
}

/**
 * Opens a new untitled plan from a template. `arg` (a Uri or a path) skips the quick pick.
 * Resolves to the new editor, or undefined when cancelled.
 */
export async function newPlanFromTemplate(extensionUri: vscode.Uri, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  let uri: vscode.Uri | undefined = arg instanceof vscode.Uri ? arg : typeof arg === 'string' && arg ? vscode.Uri.file(arg) : undefined;
  if (!uri) {
    const templates = await findTemplates(extensionUri);
    if (!templates.length) {
      void vscode.window.showInformationMessage('planlint: no templates found. A template is a plan with `kind: template` (e.g. `name.template.plan.yaml`).');
      return undefined;
    }
    const items = await Promise.all(
      templates.map(async (t) => {
        const text = await readText(t.uri);
        return { label: t.label, description: t.source, detail: text ? templateSummary(text) : undefined, uri: t.uri };
      }),
    );
    const pick = await vscode.window.showQuickPick(items, { title: 'planlint: New Plan from Template', placeHolder: 'Choose a template', matchOnDescription: true, matchOnDetail: true });
    if (!pick) return undefined;
    uri = pick.uri;
  }
  const text = await readText(uri);
  if (text === undefined) {
    void vscode.window.showErrorMessage(`planlint: could not read the template ${vscode.workspace.asRelativePath(uri)}.`);
    return undefined;
  }
  const today = todayLocal();
  const { snippet } = templateToSnippet(text.replace(/^\uFEFF/, ''), today);
  const doc = await vscode.workspace.openTextDocument({ language: 'sentence-plan', content: '' });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const ok = await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0), { undoStopBefore: false, undoStopAfter: true });
  return ok ? editor : undefined;
}
