// Rule pages offline, inside VS Code: the pages (docs/rules/<family>.md) ship in the .vsix,
// and `planlint.openRuleDoc` shows one rule's section in the Markdown preview. Diagnostics'
// rule links, the "Show documentation" code action and hover links are pointed at it, so a
// locked-down network or an offline laptop loses nothing. `planlint.docs.baseUrl` set to a
// URL makes the links open that site instead.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { planlintServesOutline, planlintShowsDiagnostic, YAML_EXTENSION_ID } from './coexist.js';
import { isConfigPath } from './planService.js';

export const RULE_DOC_SCHEME = 'planlint-rule';
export const CMD_OPEN_RULE_DOC = 'planlint.openRuleDoc';
const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

/** The part of a family page that documents one rule: from its anchor to the next. */
export function ruleSection(page: string, ruleId: string): string | undefined {
  const name = ruleId.split('/')[1];
  const start = page.indexOf(`<a id="${name}"></a>`);
  if (start < 0) return undefined;
  const next = page.indexOf('<a id="', start + 1);
  return page.slice(page.indexOf('\n', start) + 1, next < 0 ? undefined : next).trim() + '\n';
}

/** The virtual document of a rule's page (diagnostics link here: VS Code opens it from the Problems panel and the editor hover alike). */
export function ruleDocUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${ruleId}.md` });
}

/** `command:` URI that opens a rule's page in the Markdown preview (trusted hovers). */
export function ruleDocCommandUri(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${CMD_OPEN_RULE_DOC}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/** The config file names, as the server gave them at start-up (no list of the client's own). */
let configFiles: readonly string[] = [];
export function setConfigFiles(names: readonly string[]): void {
  configFiles = names;
}

const offline = (): boolean => !vscode.workspace.getConfiguration('planlint').get<string>('docs.baseUrl');

export function registerRuleDocs(context: vscode.ExtensionContext): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const id = uri.path.replace(/^\//, '').replace(/\.md$/, '');
      if (!RULE_ID.test(id)) return `# ${vscode.l10n.t('Unknown rule')}\n`;
      const family = id.split('/')[0];
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${family}.md`));
        return ruleSection(new TextDecoder().decode(bytes), id) ?? `# \`${id}\`\n\n${vscode.l10n.t('This rule has no page in this version of planlint.')}\n`;
      } catch {
        return `# \`${id}\`\n\n${vscode.l10n.t('The rule pages are missing from this installation of planlint.')}\n`;
      }
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, provider),
    vscode.commands.registerCommand(CMD_OPEN_RULE_DOC, async (arg: unknown) => {
      const ruleId = typeof arg === 'string' ? arg : await pickRule(context.extensionUri);
      if (typeof ruleId !== 'string' || !RULE_ID.test(ruleId)) return false;
      await vscode.commands.executeCommand('markdown.showPreview', ruleDocUri(ruleId));
      return true;
    }),
  );
}

/** From the command palette: choose a rule from the index lines of the bundled pages. */
async function pickRule(extensionUri: vscode.Uri): Promise<string | undefined> {
  const dir = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  const items: vscode.QuickPickItem[] = [];
  try {
    for (const [name] of (await vscode.workspace.fs.readDirectory(dir)).sort()) {
      if (!name.endsWith('.md')) continue;
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
      for (const m of page.matchAll(/^- \[`([a-z]+\/[a-z0-9-]+)`\]\(#[a-z0-9-]+\) — (.*)$/gm)) items.push({ label: m[1], detail: m[2] });
    }
  } catch {
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('planlint rule'), matchOnDetail: true }))?.label;
}

/** The rule id in a diagnostic link or a hover link to a rule page (`…/docs/rules/smart.md#time-bound`). */
function ruleOfDocLink(href: string): string | undefined {
  const m = /docs\/rules\/([a-z]+)\.md#([a-z0-9-]+)$/.exec(href);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** What planlint shows of a document's diagnostics, rule links pointed at the bundled pages (also for Lint Workspace's results). */
export function pointDiagnostics(uri: vscode.Uri, ds: vscode.Diagnostic[]): vscode.Diagnostic[] {
  // With the YAML extension installed, what it already shows is left to it (coexist.ts).
  const yamlExt = !!vscode.extensions.getExtension(YAML_EXTENSION_ID);
  if (yamlExt) {
    const doc = vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString());
    const facts = { languageId: doc?.languageId ?? 'yaml', isConfig: isConfigPath(uri.path, configFiles) };
    const kindOf = (d: vscode.Diagnostic): string | undefined => {
      const data = (d as vscode.Diagnostic & { data?: { kind?: unknown } }).data;
      return typeof data?.kind === 'string' ? data.kind : undefined;
    };
    ds = ds.filter((d) => planlintShowsDiagnostic(facts, typeof d.code === 'object' && d.code ? String(d.code.value) : d.code === undefined ? undefined : String(d.code), true, kindOf(d)));
  }
  if (!offline()) return ds;
  for (const d of ds) {
    if (typeof d.code === 'object' && d.code && typeof d.code.value === 'string' && RULE_ID.test(d.code.value)) {
      d.code = { value: d.code.value, target: ruleDocUri(d.code.value) };
    }
  }
  return ds;
}

/**
 * Language-client middleware: rule links go to the bundled pages (unless a docs URL is set),
 * and what Red Hat's YAML extension already shows is not shown twice (coexist.ts).
 */
export const ruleDocsMiddleware: Middleware = {
  handleDiagnostics(uri, diagnostics, next) {
    next(uri, pointDiagnostics(uri, diagnostics));
  },
  async provideDiagnostics(doc, previousResultId, token, next) {
    const r = await next(doc, previousResultId, token);
    if (r && r.kind === 'full') r.items = pointDiagnostics(doc instanceof vscode.Uri ? doc : doc.uri, r.items);
    return r;
  },
  async provideDocumentSymbols(document, token, next) {
    const facts = { languageId: document.languageId, isConfig: isConfigPath(document.uri.path, configFiles) };
    if (!planlintServesOutline(facts, !!vscode.extensions.getExtension(YAML_EXTENSION_ID))) return undefined;
    return next(document, token);
  },
  async provideHover(document, position, token, next) {
    const h = await next(document, position, token);
    if (!h || !offline()) return h;
    h.contents = h.contents.map((c) => {
      if (!(c instanceof vscode.MarkdownString)) return c;
      const text = c.value.replace(/\]\((https?:\/\/[^)\s]*docs\/rules\/[a-z]+\.md#[a-z0-9-]+)\)/g, (all, href: string) => {
        const id = ruleOfDocLink(href);
        return id ? `](${ruleDocCommandUri(id).toString()})` : all;
      });
      const md = new vscode.MarkdownString(text, c.supportThemeIcons);
      md.isTrusted = { enabledCommands: [CMD_OPEN_RULE_DOC] };
      return md;
    });
    return h;
  },
  async executeCommand(command, args, next) {
    if (command === 'planlint.showRuleDoc' && offline() && typeof args[0] === 'string' && RULE_ID.test(args[0])) {
      return vscode.commands.executeCommand(CMD_OPEN_RULE_DOC, args[0]);
    }
    return next(command, args);
  },
};
