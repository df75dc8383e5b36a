// Diagnostics: findings -> protocol diagnostics, pushed (publishDiagnostics) for clients
// without pull support, pulled (textDocument/diagnostic) for clients that declare it.
// On-type validation is debounced; a result is only ever published for the document's
// current version (a slower, older lint never overwrites a newer one).

import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { problemText } from '../engine/l10n.js';
import { ensureLocales } from '../engine/locales.js';
import { checkCancelled, yieldToEventLoop, type ServerState } from './context.js';
import { SOURCE, toDiagnostic } from './convert.js';
import type { Doc } from './documents.js';
import { debounceFor, isConfigUri, type ConfigStore } from './settings.js';

export class DiagnosticsFeature {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Version last published per document (push mode): never publish older. */
  private published = new Map<string, { version: number; count: number }>();
  /** Diagnostics computed at the last open/save, for `run: onSave` in pull mode. */
  private onSaveResults = new Map<string, { version: number; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly s: ServerState,
    private readonly configs: ConfigStore,
  ) {}

  get pull(): boolean {
    return this.s.client.pullDiagnostics;
  }

  /** Schedule validation of a document after `delayMs` (0: next tick). */
  schedule(doc: Doc, delayMs: number): void {
    const t = this.timers.get(doc.uri);
    if (t) clearTimeout(t);
    const version = doc.version;
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        void this.validate(doc.uri, version);
      }, delayMs),
    );
  }

  async onOpen(doc: Doc): Promise<void> {
    this.schedule(doc, 0);
  }

  async onChange(doc: Doc): Promise<void> {
    const settings = await this.s.settings(doc.uri);
    if (settings.run === 'onSave' && !isConfigUri(doc.uri)) return;
    this.schedule(doc, debounceFor(settings, doc.conv.lines.lineCount));
  }

  async onSave(doc: Doc): Promise<void> {
    const settings = await this.s.settings(doc.uri);
    if (settings.run === 'onSave') {
      this.onSaveResults.delete(doc.uri);
      this.schedule(doc, 0);
    }
  }

  onClose(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.onSaveResults.delete(uri);
    if (!this.pull && this.published.has(uri)) void this.s.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(uri);
  }

  /** Re-validate every open document (config or settings changed). */
  revalidateAll(): void {
    this.onSaveResults.clear();
    if (this.pull) {
      if (this.s.client.diagnosticRefresh) void this.s.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const d of this.s.docs.all()) this.schedule(d, 0);
  }

  /** The diagnostics for a document's current state (plan findings, or config problems). */
  async compute(doc: Doc): Promise<Diagnostic[]> {
    if (isConfigUri(doc.uri)) return this.configDiagnostics(doc);
    const l = await this.s.lintDoc(doc);
    if (!l) return [];
    // The worker's findings as they came: publishing never parses the document on this thread.
    return (l.findings ?? l.result.findings).map((f) => toDiagnostic(f, l.conv, doc.uri, l.options.locale));
  }

  private async configDiagnostics(doc: Doc): Promise<Diagnostic[]> {
    const path = this.configs.paths.uriToPath(doc.uri) ?? doc.uri;
    const loaded = await this.configs.loadText(path, doc.text);
    if (this.s.locale && this.s.locale !== 'en') ensureLocales();
    return loaded.problems.map((p) => {
      // A problem inside a policy pack this file extends is said on line 1, naming the pack's
      // file and position (its lines are not this document's).
      const here = p.file === path;
      const line = here ? p.line : 1;
      const start = doc.conv.toPosition(doc.conv.lines.offsetAt({ line: line - 1, character: here ? p.column - 1 : 0 }));
      const endOff = doc.conv.lines.lineEnd(Math.max(0, line - 1));
      return {
        range: { start, end: doc.conv.toPosition(Math.max(endOff, doc.conv.toOffset(start))) },
        severity: DiagnosticSeverity.Error,
        source: SOURCE,
        code: 'config',
        // The problem in the session's locale (configuration messages are by id: engine/configMessages.ts).
        message: here ? problemText(p, this.s.locale) : `${p.file}:${p.line}:${p.column}: ${problemText(p, this.s.locale)}`,
        // What found it: a YAML editor validating with planlint's schema reports `syntax` and
        // `schema` problems itself; only planlint knows the rest (client/src/coexist.ts).
        data: { kind: here ? (p.kind ?? 'planlint') : 'planlint' },
      };
    });
  }

  private async validate(uri: string, version: number): Promise<void> {
    const doc = this.s.docs.get(uri);
    if (!doc || doc.version !== version) return;
    try {
      const diagnostics = await this.compute(doc);
      // A newer version arrived while we were working: its own validation will publish.
      if (this.s.docs.get(uri) !== doc || doc.version !== version) return;
      const settings = await this.s.settings(uri);
      if (settings.run === 'onSave') this.onSaveResults.set(uri, { version, diagnostics });
      if (this.pull) return;
      const last = this.published.get(uri);
      if (last && last.version > version) return;
      if (!diagnostics.length && (!last || last.count === 0) && !doc.isPlan() && !isConfigUri(uri)) return;
      this.published.set(uri, { version, count: diagnostics.length });
      await this.s.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (e) {
      this.s.log(`diagnostics failed: ${(e as Error)?.name ?? 'error'}`);
    }
  }

  /** textDocument/diagnostic */
  async pullReport(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    await yieldToEventLoop();
    checkCancelled(token);
    const doc = this.s.docs.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const settings = await this.s.settings(doc.uri);
    checkCancelled(token);
    if (settings.run === 'onSave' && !isConfigUri(doc.uri)) {
      const saved = this.onSaveResults.get(doc.uri);
      if (saved) return { kind: DocumentDiagnosticReportKind.Full, items: saved.diagnostics };
    }
    const items = await this.compute(doc);
    checkCancelled(token);
    // The result id names the text version and the settings/config it was linted with, so an
    // unchanged document is answered without resending its diagnostics.
    const l = doc.linted;
    const resultId = l && l.version === doc.version && !isConfigUri(doc.uri) ? `${doc.version}|${l.key}` : undefined;
    if (resultId && params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return resultId ? { kind: DocumentDiagnosticReportKind.Full, resultId, items } : { kind: DocumentDiagnosticReportKind.Full, items };
  }
}
