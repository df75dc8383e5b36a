// `planlint/lintWorkspace` (protocol.ts): every plan file of the workspace folders, found by
// the command line's discovery (the one plan test) and linted by the server's own lint path
// (the same one open documents take: their settings, their nearest config), with work done
// progress and cancellation. Documents open in the editor are skipped: their diagnostics are
// live and stay the editor's. Nothing from a plan is logged.

import { readFile, stat } from 'node:fs/promises';
import { DiagnosticSeverity, type CancellationToken, type Diagnostic, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { discover } from '../cli/files.js';
import { decode } from '../cli/decode.js';
import { ruleDocHref, SOURCE } from './convert.js';
import { Doc } from './documents.js';
import type { LintWorkspaceResult } from './protocol.js';
import { pathToUri } from './settings.js';
import { text } from './messages.js';

export interface WorkspaceLintDeps {
  /** Real paths of the workspace folders. */
  folders: string[];
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
  const files: { uri: string; path: string }[] = [];
  for (const folder of deps.folders) {
    if (token.isCancellationRequested) break;
    const { targets } = await discover(['.'], folder);
    for (const t of targets) {
      if (t.error || t.raw) continue;
      const uri = pathToUri(t.absolute);
      if (seen.has(uri)) continue;
      seen.add(uri);
      files.push({ uri, path: t.absolute });
    }
  }
  const reports: LintWorkspaceResult['reports'] = [];
  let linted = 0;
  for (let i = 0; i < files.length; i++) {
    if (token.isCancellationRequested || progress.token?.isCancellationRequested) break;
    const { uri, path } = files[i];
    progress.report(Math.round((i / files.length) * 100), text(locale, 'lsp.workspace.progress', { i: i + 1, n: files.length }));
    if (skip.some((u) => sameUri(u, uri))) continue;
    try {
      const max = await deps.maxChars(uri);
      // A file of more bytes than four per character cannot be under the limit: not read.
      const st = await stat(path);
      if (st.size > max * 4) {
        reports.push({ uri, diagnostics: [fileDiagnostic('meta/file-too-large', text(locale, 'lsp.workspace.tooLarge', { bytes: st.size.toLocaleString('en-GB') }))] });
        linted++;
        continue;
      }
      const decoded = decode(await readFile(path));
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
    await new Promise<void>((r) => setImmediate(r));
  }
  const cancelled = token.isCancellationRequested || !!progress.token?.isCancellationRequested;
  progress.done();
  return { files: files.length, linted, cancelled, reports };
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
