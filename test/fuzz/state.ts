// A language server state without a connection, for calling the feature handlers in-process
// (they are plain functions of a ServerState: open documents, cached lint, client features).
import type { Connection } from 'vscode-languageserver';
import { defaultConfig } from '../../server/src/engine/config.js';
import type { ClientFeatures, ServerState } from '../../server/src/lsp/context.js';
import { Documents, type Doc } from '../../server/src/lsp/documents.js';
import { normaliseSettings } from '../../server/src/lsp/settings.js';
import { AS_OF } from './mutate.js';

export const CLIENT: ClientFeatures = {
  pullDiagnostics: false, diagnosticRefresh: false, configuration: true, watchedFilesDynamic: false, configurationDynamic: false,
  showDocument: false, documentChanges: true, snippets: true, hierarchicalSymbols: true, markdownHover: true,
  codeActionLiterals: true, codeLensRefresh: false,
  inlayHintRefresh: false, workspaceFolders: false, encoding: 'utf-16',
};

export function makeState(): ServerState {
  const docs = new Documents('utf-16');
  const config = defaultConfig();
  const settings = normaliseSettings({ asOf: AS_OF });
  const logs: string[] = [];
  const lintDoc = async (doc: Doc) => (doc.isPlan() ? docs.lint(doc, { asOf: AS_OF, config, maxChars: settings.maxFileSize, configKey: '1' }) : undefined);
  // The feature handlers never need the connection except for commands (not fuzzed here).
  const connection = new Proxy({}, { get: (_t, k) => { throw new Error(`connection.${String(k)} used`); } }) as Connection;
  return {
    connection, docs, client: CLIENT,
    settings: async () => settings,
    lintDoc,
    linted: async (uri) => { const d = docs.get(uri); return d ? lintDoc(d) : undefined; },
    log: (m) => void logs.push(m),
  };
}

