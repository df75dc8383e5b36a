// "Show Sentence Timeline": one webview panel that draws the plan in the active editor and
// redraws it (debounced) as the document changes. The model and its SVG come from the
// language server (planlint/timeline), which also decides what is a plan.

import * as vscode from 'vscode';
import type { TimelineResult } from '../../server/src/lsp/protocol.js';
import { escapeXml, timelineHtml, type Translate } from './timelineHtml.js';

/** The page's own words in VS Code's display language (l10n/bundle.l10n.<language>.json). */
const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
/** The language the page's own words are in: VS Code's when a bundle was loaded for it, else English. */
const pageLang = (): string => (vscode.l10n.bundle ? vscode.env.language : 'en');

export type PlanViewer = (doc: vscode.TextDocument) => Promise<TimelineResult | undefined>;

const DEBOUNCE_MS = 250;
export const VIEW_TYPE = 'planlint.timeline';
const MEMORY_KEY = 'planlint.timeline.uri';
const WEBVIEW_OPTIONS: vscode.WebviewPanelOptions & vscode.WebviewOptions = {
  enableScripts: false,
  enableCommandUris: false,
  localResourceRoots: [],
  retainContextWhenHidden: false,
};

export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private renders = 0;
  private readonly rendered = new vscode.EventEmitter<{ uri: vscode.Uri; html: string; renders: number }>();
  /** Fires after each redraw (tests and the status bar listen). */
  readonly onDidRender = this.rendered.event;

  /** Remembers which plan the panel shows, so a window reload can bring it back. */
  private memory: vscode.Memento | undefined;

  /** The obligation the panel was opened at (the code lens), until another plan is shown. */
  private focus: string | undefined;

  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly readPlan: PlanViewer,
    memory?: vscode.Memento,
  ) {
    this.memory = memory;
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.uri && e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((ed) => {
        if (this.panel && ed && ed.document.uri.toString() !== this.uri?.toString() && (ed.document.languageId === 'sentence-plan' || ed.document.languageId === 'yaml')) {
          void this.readPlan(ed.document).then((v) => {
            if (v) {
              this.uri = ed.document.uri;
              this.focus = undefined;
              this.schedule(0);
            }
          });
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration('planlint')) this.schedule();
      }),
      this.rendered,
    );
  }

  /** The HTML currently shown (undefined when the panel is closed). */
  get html(): string | undefined {
    return this.panel?.webview.html;
  }

  get documentUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  /** The obligation key the panel is open at, if any (tests read it). */
  get focusKey(): string | undefined {
    return this.panel ? this.focus : undefined;
  }

  /**
   * Opens (or reveals) the panel for a document, at an obligation when `focus` names one (its
   * key, from the code lens); resolves once the first drawing is in.
   */
  async show(doc: vscode.TextDocument, focus?: string): Promise<boolean> {
    const view = await this.readPlan(doc);
    if (!view) {
      void vscode.window.showWarningMessage(vscode.l10n.t('planlint: the active file is not a sentence plan (a *.plan.yaml file, or YAML with a top-level sentence_plan key).'));
      return false;
    }
    this.uri = doc.uri;
    this.focus = focus;
    void this.memory?.update(MEMORY_KEY, doc.uri.toString());
    if (!this.panel) this.adopt(vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t('Sentence timeline'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, WEBVIEW_OPTIONS));
    else this.panel.reveal(undefined, true);
    await this.render();
    return true;
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = WEBVIEW_OPTIONS;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      if (this.timer) clearTimeout(this.timer);
      void this.memory?.update(MEMORY_KEY, undefined);
    });
  }

  /**
   * After a window reload VS Code hands back the panel it had (WebviewPanelSerializer): take
   * it over and draw the plan it showed, if that plan can still be opened.
   */
  async restore(panel: vscode.WebviewPanel): Promise<boolean> {
    const saved = this.memory?.get<string>(MEMORY_KEY);
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.adopt(panel);
    try {
      if (!saved) throw new Error('no plan remembered');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(saved));
      if (!(await this.readPlan(doc))) throw new Error('no longer a plan');
      this.uri = doc.uri;
      await this.render();
      return true;
    } catch {
      const html = timelineHtml({ cspSource: panel.webview.cspSource, fileLabel: vscode.l10n.t('no plan'), asOf: '', svg: '', obligations: [], isTemplate: false, t, lang: pageLang() });
      panel.webview.html = html.replace('<div class="chart"></div>', () => `<p class="muted">${escapeXml(vscode.l10n.t('Open a sentence plan and run planlint: Show Sentence Timeline.'))}</p>`);
      return false;
    }
  }

  private schedule(ms = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.render();
    }, ms);
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const uri = this.uri;
    if (!panel || !uri) return;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc) return;
    try {
      const view = await this.readPlan(doc);
      if (!view || panel !== this.panel) return;
      const fileLabel = uri.path.split('/').pop() || vscode.l10n.t('plan');
      const html = timelineHtml({
        cspSource: panel.webview.cspSource,
        fileLabel,
        asOf: view.asOf,
        svg: view.svg,
        obligations: view.obligations,
        isTemplate: view.isTemplate,
        rows: view.rows,
        focus: this.focus,
        t,
        lang: pageLang(),
      });
      panel.title = vscode.l10n.t('Timeline: {0}', fileLabel);
      panel.webview.html = html;
      this.rendered.fire({ uri, html, renders: ++this.renders });
    } catch (e) {
      this.output.appendLine(`[timeline] could not draw the timeline: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subs) s.dispose();
  }
}
