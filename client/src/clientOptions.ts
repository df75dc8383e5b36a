// `planlint.locale` and the client options the Node and web clients share (what the server is
// told at start-up, which documents it sees, the middleware).
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type { PlaceholderHold } from './placeholderHold.js';
import { ruleDocsMiddleware } from './ruleDocs.js';

/** The languages `planlint.locale` may name; its empty value leaves the choice to the server (VS Code's display language, `initialize.locale`). */
export const LOCALES = ['en', 'cy'] as const;

/** `planlint.locale` when it names a language (it is given to the server as `initializationOptions.locale`). */
export function localeSetting(): string | undefined {
  const v = vscode.workspace.getConfiguration('planlint').get<string>('locale');
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v) ? v : undefined;
}

/** The options of planlint's language client, in Node and in the browser alike. */
export function clientOptions(output: vscode.LogOutputChannel, hold?: PlaceholderHold): LanguageClientOptions {
  return {
    // Plans by language, and YAML in general: the server decides which YAML is a plan (and
    // watches the config files itself, by dynamic registration: the client keeps no names).
    documentSelector: [{ language: 'sentence-plan' }, { language: 'yaml' }],
    synchronize: { configurationSection: 'planlint' },
    outputChannel: output,
    traceOutputChannel: output,
    diagnosticCollectionName: 'planlint',
    // A docs URL set by the user goes to the server; without one, links open the bundled pages.
    initializationOptions: () => ({
      docsBaseUrl: vscode.workspace.getConfiguration('planlint').get<string>('docs.baseUrl') || undefined,
      // The review code lens opens the sentence timeline.
      lensCommand: 'planlint.showTimeline',
      // The language of messages, when the user chose one (`planlint.locale`); else the server
      // follows VS Code's display language, which the client sends as `initialize.locale`.
      locale: localeSetting(),
    }),
    middleware: hold ? hold.middleware(ruleDocsMiddleware) : ruleDocsMiddleware,
  };
}
