// What every feature module gets from the server: the open documents, their cached lint
// results, settings and a logger that never sees plan content.

import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { Doc, Documents, Linted } from './documents.js';
import type { Settings } from './settings.js';
import type { PositionEncoding } from './convert.js';

export interface ClientFeatures {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configuration: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
  showDocument: boolean;
  documentChanges: boolean;
  snippets: boolean;
  hierarchicalSymbols: boolean;
  markdownHover: boolean;
  codeActionLiterals: boolean;
  codeLensRefresh: boolean;
  inlayHintRefresh: boolean;
  workspaceFolders: boolean;
  encoding: PositionEncoding;
  /** A client command the review code lens runs with the document's URI (VS Code: the timeline). */
  lensCommand?: string;
}

export interface ServerState {
  readonly connection: Connection;
  readonly docs: Documents;
  readonly client: ClientFeatures;
  /** The locale the server speaks in this session (lsp/messages.ts; server.ts chooses it; default English). */
  readonly locale?: string;
  /** The settings for a document (fetched from the client once, then cached). */
  settings(uri: string): Promise<Settings>;
  /** The cached lint result of a plan's current version (undefined: unknown or not a plan). */
  linted(uri: string): Promise<Linted | undefined>;
  /** The lint result for a document already known to be open (may be a non-plan: undefined). */
  lintDoc(doc: Doc): Promise<Linted | undefined>;
  /** Log without plan content: feature name and error class only. */
  log(message: string): void;
}

/** Throw the protocol's "request cancelled" error when the client cancelled. */
export function checkCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

let yieldHere = (): Promise<void> => new Promise((r) => (typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0)));

/** The host's way to yield (host.ts: setImmediate in Node, a message channel in a web worker); set once by startServer. */
export function setYield(fn: () => Promise<void>): void {
  yieldHere = fn;
}

/** Let queued messages (a cancellation, a newer change) be read before doing work. */
export const yieldToEventLoop = (): Promise<void> => yieldHere();

/** A description of an error that names its kind and where, never its message (which may quote plan text). */
export function describeError(e: unknown): string {
  const err = e as Error | undefined;
  const name = err?.name ?? typeof e;
  const frames = (err?.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 4)
    .map((l) => l.trim())
    .join(' < ');
  return frames ? `${name} ${frames}` : name;
}
