// "New Plan from Template": pick a template by sentence type (the ones shipped with the
// extension first, then the workspace's `*.template.plan.yaml` files and any workspace YAML
// with `kind: template`), give the person's prison number (it names the new file), and get a
// new untitled plan with the template's placeholders as snippet tab stops. While the snippet
// is active no placeholder is reported (placeholderHold.ts).

import * as vscode from 'vscode';
import type { PlaceholderHold } from './placeholderHold.js';
import { hasTemplateKind, SENTENCE_TYPES, templateInfo, templateSummary, templateToSnippet, type TemplateInfo } from './templates.js';

export interface TemplateChoice {
  uri: vscode.Uri;
  /** The file name (built-in) or the workspace-relative path. */
  label: string;
  source: 'built-in' | 'workspace';
  /** What the template is for: its `title:`, else its first comment line. */
  title?: string;
  sentenceType?: string;
  idPlaceholder?: string;
}

export interface NewPlanOptions {
  /** The person's prison number; `''` for none. When given, no prompt is shown. */
  personId?: string;
}

const MAX_TEMPLATE_BYTES = 512 * 1024;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const PRISON_NUMBER = /^[A-Z][0-9]{4}[A-Z]{2}$/;
const TYPE_ORDER: readonly string[] = SENTENCE_TYPES;

/** Today's local calendar date, `YYYY-MM-DD` (the client bundles no engine: dates.ts's todayLocal, by hand). */
export function todayLocal(now: Date = new Date()): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_TEMPLATE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

function describe(uri: vscode.Uri, label: string, source: TemplateChoice['source'], text: string | undefined): TemplateChoice {
  const info: TemplateInfo = text ? templateInfo(text) : {};
  return { uri, label, source, title: info.title ?? (text ? templateSummary(text) : undefined), sentenceType: info.sentenceType, idPlaceholder: info.idPlaceholder };
}

/** Sentence type order, then title. */
function byType(a: TemplateChoice, b: TemplateChoice): number {
  const rank = (t: TemplateChoice): number => (t.sentenceType && TYPE_ORDER.includes(t.sentenceType) ? TYPE_ORDER.indexOf(t.sentenceType) : TYPE_ORDER.length);
  return rank(a) - rank(b) || (a.title ?? a.label).localeCompare(b.title ?? b.label) || a.label.localeCompare(b.label);
}

/** Every template on offer: built-in ones first, then the workspace's; each group by sentence type. */
/** The server's plan test for a file the client read (planService.ts isPlanText). */
export type PlanTest = (uri: vscode.Uri, text: string) => Promise<boolean>;

export async function findTemplates(extensionUri: vscode.Uri, isPlan: PlanTest): Promise<TemplateChoice[]> {
  const builtIns: TemplateChoice[] = [];
  const builtIn = vscode.Uri.joinPath(extensionUri, 'samples', 'templates');
  try {
    for (const [name, type] of await vscode.workspace.fs.readDirectory(builtIn)) {
      if (type !== vscode.FileType.File || !/\.plan\.ya?ml$/.test(name)) continue;
      const uri = vscode.Uri.joinPath(builtIn, name);
      builtIns.push(describe(uri, name, 'built-in', await readText(uri)));
    }
  } catch {
    // no built-in templates (development checkout without samples)
  }
  const workspace: TemplateChoice[] = [];
  if (vscode.workspace.workspaceFolders?.length) {
    const seen = new Set(builtIns.map((t) => t.uri.toString()));
    const named = await vscode.workspace.findFiles('**/*.template.plan.{yaml,yml}', EXCLUDE, 200);
    const yaml = await vscode.workspace.findFiles('**/*.{yaml,yml}', EXCLUDE, 1000);
    for (const uri of [...named, ...yaml]) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      const isNamed = /\.template\.plan\.ya?ml$/.test(uri.path);
      const text = await readText(uri);
      // `kind: template` here, and a plan by the server's test (templates.ts isTemplateText).
      if (!isNamed && (!text || !hasTemplateKind(text) || !(await isPlan(uri, text)))) continue;
      workspace.push(describe(uri, vscode.workspace.asRelativePath(uri), 'workspace', text));
    }
  }
  return [...builtIns.sort(byType), ...workspace.sort(byType)];
}

type Item = vscode.QuickPickItem & { choice?: TemplateChoice };

/** A sentence type's name in the quick pick, in VS Code's display language. */
export function sentenceTypeName(type: string | undefined): string {
  switch (type) {
    case 'determinate':
      return vscode.l10n.t('Determinate sentence');
    case 'extended_determinate':
      return vscode.l10n.t('Extended determinate sentence');
    case 'life':
      return vscode.l10n.t('Life sentence');
    case 'ipp':
      return vscode.l10n.t('IPP sentence');
    case 'community_order':
      return vscode.l10n.t('Community order');
    case 'suspended_sentence_order':
      return vscode.l10n.t('Suspended sentence order');
    default:
      return vscode.l10n.t('Template');
  }
}

/** The quick pick's items: a separator per source, each template labelled by its sentence type, its title as description. */
export function quickPickItems(templates: readonly TemplateChoice[]): Item[] {
  const items: Item[] = [];
  let group: string | undefined;
  for (const t of templates) {
    if (t.source !== group) {
      group = t.source;
      items.push({ label: t.source === 'built-in' ? vscode.l10n.t('Shipped with planlint') : vscode.l10n.t('This workspace'), kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: sentenceTypeName(t.sentenceType), description: t.title, detail: t.label, choice: t });
  }
  return items;
}

/** Asks for the person's prison number. `undefined`: cancelled; `''`: none given. */
async function askPersonId(): Promise<string | undefined> {
  const v = await vscode.window.showInputBox({
    title: vscode.l10n.t('planlint: New Plan from Template'),
    prompt: vscode.l10n.t("The person's prison number (one letter, four digits, two letters). It names the new file and stays on this computer. Leave empty to fill it in later."),
    placeHolder: 'A1234BC',
    ignoreFocusOut: true,
    validateInput: (s) => (s.trim() === '' || PRISON_NUMBER.test(s.trim().toUpperCase()) ? undefined : vscode.l10n.t('A prison number is one letter, four digits and two letters, e.g. A1234BC.')),
  });
  return v === undefined ? undefined : v.trim().toUpperCase();
}

/**
 * The untitled document for the new plan. With a prison number and a workspace folder, it is
 * `untitled:<folder>/<number>.plan.yaml` (its tab is titled by the number, and Save writes
 * that file); a number already used gets `-2`, `-3`… Otherwise an ordinary untitled document.
 */
async function newDocument(personId: string): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (personId && PRISON_NUMBER.test(personId) && folder) {
    for (let n = 1; n <= 50; n++) {
      const file = vscode.Uri.joinPath(folder.uri, `${personId}${n === 1 ? '' : `-${n}`}.plan.yaml`);
      const untitled = file.with({ scheme: 'untitled' });
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === untitled.toString())) continue;
      try {
        await vscode.workspace.fs.stat(file);
        continue; // exists
      } catch {
        // free
      }
      try {
        const doc = await vscode.workspace.openTextDocument(untitled);
        if (doc.getText() !== '') continue;
        return doc.languageId === 'sentence-plan' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'sentence-plan');
      } catch {
        break;
      }
    }
  }
  return vscode.workspace.openTextDocument({ language: 'sentence-plan', content: '' });
}

/**
 * Opens a new untitled plan from a template. `arg` (a Uri or a path) skips the quick pick;
 * `options.personId` skips the prompt. Resolves to the new editor, or undefined when cancelled.
 */
export async function newPlanFromTemplate(extensionUri: vscode.Uri, hold: PlaceholderHold | undefined, isPlan: PlanTest, arg?: unknown, options?: NewPlanOptions): Promise<vscode.TextEditor | undefined> {
  let uri: vscode.Uri | undefined = arg instanceof vscode.Uri ? arg : typeof arg === 'string' && arg ? vscode.Uri.file(arg) : undefined;
  if (!uri) {
    const templates = await findTemplates(extensionUri, isPlan);
    if (!templates.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('planlint: no templates found. A template is a plan with `kind: template` (e.g. `name.template.plan.yaml`).'));
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(quickPickItems(templates), {
      title: vscode.l10n.t('planlint: New Plan from Template'),
      placeHolder: vscode.l10n.t('Choose a template by sentence type'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!pick?.choice) return undefined;
    uri = pick.choice.uri;
  }
  const text = await readText(uri);
  if (text === undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('planlint: could not read the template {0}.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const { idPlaceholder } = templateInfo(text);
  let personId = options?.personId?.trim().toUpperCase() ?? '';
  if (idPlaceholder && options?.personId === undefined) {
    const asked = await askPersonId();
    if (asked === undefined) return undefined;
    personId = asked;
  }
  if (!PRISON_NUMBER.test(personId)) personId = '';
  const values = idPlaceholder && personId ? { [idPlaceholder]: personId } : {};
  const result = templateToSnippet(text, todayLocal(), { values });
  const doc = await newDocument(personId);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  const ok = await editor.insertSnippet(new vscode.SnippetString(result.snippet), new vscode.Position(0, 0), { undoStopBefore: false, undoStopAfter: true });
  if (!ok) return undefined;
  // Hold placeholder findings while the snippet is active, if the text is the one expected.
  if (hold && doc.getText().replace(/\r\n/g, '\n') === result.text.replace(/\r\n/g, '\n')) hold.start(doc, result.stops);
  return editor;
}
