// `planlint.locale`: the language of the server's messages, shared by the Node and web clients.
import * as vscode from 'vscode';

/** The languages `planlint.locale` may name; its empty value leaves the choice to the server (VS Code's display language, `initialize.locale`). */
export const LOCALES = ['en', 'cy'] as const;

/** `planlint.locale` when it names a language (it is given to the server as `initializationOptions.locale`). */
export function localeSetting(): string | undefined {
  const v = vscode.workspace.getConfiguration('planlint').get<string>('locale');
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v) ? v : undefined;
}
