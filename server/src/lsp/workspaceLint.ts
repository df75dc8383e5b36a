// `planlint/lintWorkspace` (protocol.ts): every plan file of the workspace folders, found by
// the host (host.ts: in Node the command line's discovery, in the browser the client's
// workspace.findFiles; the one plan test either way) and linted by the server's own lint path
// (the same one open documents take: their settings, their nearest config), with work done
// progress and cancellation. Documents open in the editor are skipped: their diagnostics are
// live and stay the editor's. Nothing from a plan is logged.

import { DiagnosticSeverity, type CancellationToken, type Diagnostic, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { decode } from '../cli/decode.js';
import { isPlan } from '../project/planFiles.js';
import { ruleDocHref, SOURCE } from './convert.js';
import { Doc } from './documents.js';
import type { WorkspaceFile, WorkspaceFiles } from './host.js';
import type { LintWorkspaceResult } from './protocol.js';
import { text } from './messages.js';

export interface WorkspaceLintDeps {
  /** The workspace folders' URIs. */
  folders: string[];
  /** How files are found and read (host.ts). */
  files: WorkspaceFiles;
  /** Let a cancellation (or an edit) be read between files. */
  yieldToEventLoop(): Promise<void>;
  encoding: 'utf-16' | 'utf-8';
  /** The largest file to read, in characters (the document's `maxFileSize` setting). */
  maxChars(uri: string): Promise<number>;
  /** The diagnostics of a (temporary) document, by the server's lint path. */
  compute(doc: Doc): Promise<Diagnostic[]>;
  /** After each file (the server forgets its per-file settings). */
  done?(uri: string): void;
  /** The session's locale (progress and the server's own diagnostics). */
  locale?: string;
}

const sameUri = (a: string, b: string): boolean => a === b || decodeURIComponent(a) === decodeURIComponent(b);

export async function lintWorkspace(deps: WorkspaceLintDeps, skip: readonly string[], progress: WorkDoneProgressReporter & { token?: CancellationToken }, token: CancellationToken): Promise<LintWorkspaceResult> {
  const locale = deps.locale;
  progress.begin(text(locale, 'lsp.workspace.title'), 0, text(locale, 'lsp.workspace.finding'), true);
  const seen = new Set<string>();
  const files: WorkspaceFile[] = [];
  try {
    for (const f of await deps.files.list(deps.folders, token)) {
      if (seen.has(f.uri)) continue;
      seen.add(f.uri);
      files.push(f);
    }
  } catch {
    // The folders could not be listed: nothing to lint.
  }
  const reports: LintWorkspaceResult['reports'] = [];
  let linted = 0;
  /** Candidates that turned out not to be plans (found by name by the host, read here). */
  let notPlans = 0;
  for (let i = 0; i < files.length; i++) {
    if (token.isCancellationRequested || progress.token?.isCancellationRequested) break;
    const { uri, plan } = files[i];
    progress.report(Math.round((i / files.length) * 100), text(locale, plan ? 'lsp.workspace.progress' : 'lsp.workspace.progressFiles', { i: i + 1, n: files.length }));
    if (skip.some((u) => sameUri(u, uri))) continue;
    try {
      const max = await deps.maxChars(uri);
      // A file of more bytes than four per character cannot be under the limit: not read.
      const read = await deps.files.read(uri, max * 4);
      if (!read.bytes) {
        if (!plan) continue; // not read, so not known to be a plan
        reports.push({ uri, diagnostics: [fileDiagnostic('meta/file-too-large', text(locale, 'lsp.workspace.tooLarge', { bytes: read.size.toLocaleString('en-GB') }))] });
        linted++;
        continue;
      }
      const decoded = decode(read.bytes);
      if (!plan && (!decoded.ok || !isPlan(uri, decoded.text, 'yaml'))) {
        notPlans++;
        continue;
      }
      if (!decoded.ok) {
        reports.push({ uri, diagnostics: [fileDiagnostic('meta/encoding', decoded.message, decoded.line - 1, decoded.column - 1)] });
      } else {
        const doc = new Doc(uri, 'sentence-plan', 0, decoded.text, deps.encoding);
        reports.push({ uri, diagnostics: await deps.compute(doc) });
      }
      linted++;
    } catch {
      // The file went away or cannot be read: nothing to show for it.
    } finally {
      deps.done?.(uri);
    }
    // Let a cancellation (or an edit in an open document) be read between files.
    await deps.yieldToEventLoop();
  }
  const cancelled = token.isCancellationRequested || !!progress.token?.isCancellationRequested;
  progress.done();
  return { files: files.length - notPlans, linted, cancelled, reports };
}

function fileDiagnostic(rule: string, message: string, line = 0, character = 0): Diagnostic {
  return {
    range: { start: { line, character }, end: { line, character } },
    severity: DiagnosticSeverity.Error,
    code: rule,
    codeDescription: { href: ruleDocHref(rule) },
    source: SOURCE,
    message,
  };
}
