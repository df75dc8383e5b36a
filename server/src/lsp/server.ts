// The language server's wiring: capabilities, document sync, settings and config, and one
// handler per feature (each feature lives in its own module and works on the cached lint
// result). Every handler is guarded: an exception becomes an empty result and a log line
// naming the feature and the error's kind, never plan content.

import {
  CodeActionKind,
  CodeLensRefreshRequest,
  InlayHintRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { todayLocal } from '../engine/dates.js';
import type { ResolvedConfig } from '../engine/config.js';
import { describeError, setYield, type ClientFeatures, type ServerState } from './context.js';
import { setDocsBaseUrl, type PositionEncoding } from './convert.js';
import { BadChange, Documents, type Doc, type Linted } from './documents.js';
import { DiagnosticsFeature } from './diagnostics.js';
import { codeActions, executeCommand, COMMANDS } from './codeActions.js';
import { completion, COMPLETION_TRIGGERS } from './completion.js';
import { hover } from './hover.js';
import { documentSymbols } from './symbols.js';
import { definition, prepareRename, references, rename } from './navigation.js';
import { foldingRanges } from './folding.js';
import { codeLenses } from './codeLens.js';
import { inlayHints } from './inlayHints.js';
import { chooseLocale } from '../engine/locales.js';
import { text } from './messages.js';
import { timeline } from './timeline.js';
import { lintWorkspace } from './workspaceLint.js';
import { IS_PLAN_REQUEST, LINT_WORKSPACE_REQUEST, TIMELINE_REQUEST, type IsPlanParams, type LintWorkspaceParams, type PlanlintServerInfo, type TimelineParams } from './protocol.js';
import { CONFIG_NAMES, isPlan, PLAN_SUFFIXES } from '../project/planFiles.js';
import { ConfigStore, effectiveAsOf, engineConfig, isConfigUri, normaliseSettings, type LoadedConfig, type Settings } from './settings.js';
import type { ServerHost } from './host.js';

export const SERVER_NAME = 'planlint';
export const SERVER_VERSION = '0.1.0';

function clientFeatures(params: InitializeParams): ClientFeatures {
  const c = params.capabilities ?? {};
  const td = c.textDocument ?? {};
  const ws = c.workspace ?? {};
  const offered = c.general?.positionEncodings ?? [];
  // UTF-8 when the client offers it (no conversion on its side); UTF-16 is the protocol's default.
  const encoding: PositionEncoding = offered.includes('utf-8') ? 'utf-8' : 'utf-16';
  const lens = (params.initializationOptions as { lensCommand?: unknown } | undefined)?.lensCommand;
  return {
    lensCommand: typeof lens === 'string' && /^[\w.-]{1,100}$/.test(lens) ? lens : undefined,
    pullDiagnostics: !!td.diagnostic,
    diagnosticRefresh: !!ws.diagnostics?.refreshSupport,
    configuration: !!ws.configuration,
    watchedFilesDynamic: !!ws.didChangeWatchedFiles?.dynamicRegistration,
    configurationDynamic: !!ws.didChangeConfiguration?.dynamicRegistration,
    showDocument: !!c.window?.showDocument?.support,
    documentChanges: !!ws.workspaceEdit?.documentChanges,
    snippets: !!td.completion?.completionItem?.snippetSupport,
    hierarchicalSymbols: !!td.documentSymbol?.hierarchicalDocumentSymbolSupport,
    markdownHover: (td.hover?.contentFormat ?? []).includes('markdown'),
    codeActionLiterals: !!td.codeAction?.codeActionLiteralSupport,
    codeLensRefresh: !!ws.codeLens?.refreshSupport,
    inlayHintRefresh: !!(ws as { inlayHint?: { refreshSupport?: boolean } }).inlayHint?.refreshSupport,
    workspaceFolders: !!ws.workspaceFolders,
    encoding,
  };
}

/** The server over a connection, with what the place it runs in provides (host.ts: hostNode.ts, hostBrowser.ts). */
export function startServer(connection: Connection, host: ServerHost): void {
  const lintWorker = host.checker;
  setYield(() => host.yieldToEventLoop());
  let client: ClientFeatures | undefined;
  let docs = new Documents('utf-16', undefined, host.env);
  let folders: WorkspaceFolder[] = [];
  /** Settings sent with didChangeConfiguration by clients without workspace/configuration. */
  let pushedSettings: unknown = undefined;
  const settingsCache = new Map<string, Promise<Settings>>();
  const configIds = new WeakMap<ResolvedConfig, number>();
  let nextConfigId = 1;

  const log = (message: string): void => connection.console.log(`planlint: ${message}`);
  const configs = new ConfigStore((loaded: LoadedConfig) => {
    // The log names the config file and says what went wrong and where: never a value from the
    // file (it could be any file), so problems are given by line only; the editor shows them
    // in full on the config file itself. A file not read at all is said so in planlint's words.
    if (loaded.refused !== undefined) {
      log(`configuration ${loaded.path} was not read: ${loaded.refused}; using the defaults`);
      // A notification: the editor shows it, and there is no answer to wait for (or to fail).
      // The reason is the config reader's own words (project/configFiles.ts, English).
      const message = text(messageLocale, 'lsp.config.notRead', { path: String(loaded.path), reason: String(loaded.refused) });
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
      return;
    }
    const lines = [...new Set(loaded.problems.map((p) => p.line))];
    const shown = lines.slice(0, 20).join(', ') + (lines.length > 20 ? ', …' : '');
    log(`configuration ${loaded.path}: ${loaded.problems.length} problem(s), at line${lines.length === 1 ? '' : 's'} ${shown} (open the file to see them)`);
  }, host.fs, host.paths);
  const uriToPath = (uri: string): string | undefined => host.paths.uriToPath(uri);

  const folderPaths = (): string[] => folders.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  const folderFor = (uri: string): string | undefined => {
    let best: WorkspaceFolder | undefined;
    for (const f of folders) if (uri.startsWith(f.uri.endsWith('/') ? f.uri : f.uri + '/') && (!best || f.uri.length > best.uri.length)) best = f;
    return best ? uriToPath(best.uri) : folders[0] ? uriToPath(folders[0].uri) : undefined;
  };

  const settings = (uri: string): Promise<Settings> => {
    let p = settingsCache.get(uri);
    if (!p) {
      if (client?.configuration) {
        p = connection.workspace
          .getConfiguration({ scopeUri: uri, section: 'planlint' })
          .then((raw) => normaliseSettings(raw ?? pushedSettings), () => normaliseSettings(pushedSettings));
      } else p = Promise.resolve(normaliseSettings(pushedSettings));
      settingsCache.set(uri, p);
    }
    return p;
  };

  // The language the server speaks (lsp/messages.ts, and the findings it publishes): chosen by
  // chooseLocale from the `planlint.locale` setting (initializationOptions.locale, then the setting
  // as it changes), the editor's display language, the workspace's team default, else English.
  let messageLocale = 'en';
  const localeSources: { setting?: string; client?: string; config?: string } = {};
  /** Choose the locale again; true when it changed. */
  const chooseMessageLocale = (): boolean => {
    const before = messageLocale;
    messageLocale = chooseLocale({ flag: localeSources.setting, client: localeSources.client, config: localeSources.config });
    return messageLocale !== before;
  };
  /**
   * The team's default (`locale:` in the configuration of the first workspace folder: the nearest
   * `.planlintrc.yaml` from its root, or the pushed `configPath` setting), read again whenever
   * configuration changes. Like the editor's language it is inherited, so chooseLocale takes it
   * only for a locale planlint has all of.
   */
  const teamLocale = async (): Promise<string | undefined> => {
    const root = folderPaths()[0];
    if (root === undefined) return undefined;
    try {
      const here = host.paths.pathToUri(`${root.replace(/[\\/]+$/, '')}/planlint-workspace`);
      if (here === undefined) return undefined;
      return (await configs.resolve(here, normaliseSettings(pushedSettings), root)).config.locale;
    } catch {
      return undefined;
    }
  };
  /** Read the team's default again; a new language re-renders every open document. */
  const refreshTeamLocale = (): void => {
    void teamLocale().then((l) => {
      const changed = l !== localeSources.config;
      localeSources.config = l;
      const relocalised = chooseMessageLocale();
      if (changed && l) log(`team default locale ${l} (messages in ${messageLocale})`);
      if (relocalised) rerender();
    });
  };
  /** The `locale` of a settings object: a string, '' (none), or undefined when it does not say. */
  const localeSetting = (raw: unknown): string | undefined => {
    const v = raw !== null && typeof raw === 'object' ? (raw as { locale?: unknown }).locale : undefined;
    return typeof v === 'string' ? v : v === null ? '' : undefined;
  };
  const lintDoc = async (doc: Doc): Promise<Linted | undefined> => {
    if (!doc.isPlan()) return undefined;
    const s = await settings(doc.uri);
    const loaded = await configs.resolve(doc.uri, s, folderFor(doc.uri));
    let id = configIds.get(loaded.config);
    if (id === undefined) configIds.set(loaded.config, (id = nextConfigId++));
    const config = engineConfig(loaded, s);
    return docs.lint(doc, { asOf: effectiveAsOf(s), config, maxChars: s.maxFileSize, locale: messageLocale, configKey: `${id}|${JSON.stringify(s.rules)}` });
  };

  const state: ServerState = {
    connection,
    get docs() {
      return docs;
    },
    get client() {
      return client!;
    },
    get locale() {
      return messageLocale;
    },
    settings,
    lintDoc,
    linted: async (uri) => {
      const d = docs.get(uri);
      return d ? lintDoc(d) : undefined;
    },
    log,
  };
  const diagnostics = new DiagnosticsFeature(state, configs);

  /** Run a feature; an exception is logged (kind only) and answered with `fallback`. */
  function guard<P, R>(name: string, fallback: R, fn: (params: P, token: import('vscode-languageserver').CancellationToken) => Promise<R> | R) {
    return async (params: P, token: import('vscode-languageserver').CancellationToken): Promise<R> => {
      // The protocol: a request before `initialize` is answered with ServerNotInitialized.
      if (!client) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized: send initialize first');
      try {
        if (params === null || typeof params !== 'object') throw new TypeError('malformed params');
        return await fn(params, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`${name} failed: ${describeError(e)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientFeatures(params);
    docs = new Documents(client.encoding, lintWorker, host.env);
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    configs.setWorkspaceFolders(folderPaths());
    // Settings for clients without workspace/configuration: `initializationOptions.planlint`
    // (Helix sends its `config` table this way) or `initializationOptions.settings`.
    const io = params.initializationOptions as { planlint?: unknown; settings?: unknown; docsBaseUrl?: unknown } | undefined;
    pushedSettings = io?.planlint ?? io?.settings;
    // The language of messages: `initializationOptions.locale` (or `planlint.locale`) when the
    // client names one, else the editor's display language (`initialize.locale`) when planlint has
    // all of it, else English (engine/locales.ts).
    localeSources.setting = localeSetting(io) ?? localeSetting(pushedSettings);
    localeSources.client = typeof params.locale === 'string' ? params.locale : undefined;
    // The team's default is read once initialized (in a browser the client reads the file).
    chooseMessageLocale();
    const pushedDocs = (pushedSettings as { docs?: { baseUrl?: unknown } } | undefined)?.docs?.baseUrl;
    if (!setDocsBaseUrl(io?.docsBaseUrl ?? pushedDocs)) log('docsBaseUrl ignored: it must be an http(s) or file URL');
    const result: InitializeResult = {
      capabilities: {
        positionEncoding: client.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.planlint`, CodeActionKind.SourceFixAll],
        },
        executeCommandProvider: { commands: [...COMMANDS] },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: { label: 'planlint' },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // The project's file names, so a client keeps no list of its own (protocol.ts).
        experimental: { planlint: { configFiles: [...CONFIG_NAMES], planSuffixes: [...PLAN_SUFFIXES], requests: [TIMELINE_REQUEST, ...(host.workspaceFiles ? [LINT_WORKSPACE_REQUEST] : []), IS_PLAN_REQUEST], host: host.kind } satisfies PlanlintServerInfo },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
    if (client.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'planlint', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  connection.onInitialized(() => {
    refreshTeamLocale();
    if (client?.configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'planlint' }).catch(() => undefined);
    if (client?.watchedFilesDynamic) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/{${CONFIG_NAMES.join(',')}}` }] })
        .catch(() => undefined);
    }
    if (client?.workspaceFolders) {
      try {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)), ...e.added];
          settingsCache.clear();
          configs.setWorkspaceFolders(folderPaths());
          refreshTeamLocale();
          diagnostics.revalidateAll();
        });
      } catch {
        // The client did not announce workspace folder support.
      }
    }
    log(`server started (today ${todayLocal()}, positions ${client?.encoding ?? 'utf-16'}, diagnostics ${client?.pullDiagnostics ? 'pull' : 'push'}, locale ${messageLocale})`);
  });

  // ---- documents
  connection.onDidOpenTextDocument((p) => {
    if (!client) return; // before initialize, notifications are dropped (the protocol)
    try {
      const d = p.textDocument;
      const doc = docs.open(d.uri, d.languageId, d.version, d.text);
      void diagnostics.onOpen(doc);
    } catch (e) {
      log(`didOpen failed: ${describeError(e)}`);
    }
  });
  connection.onDidChangeTextDocument((p) => {
    if (!client) return; // before initialize, notifications are dropped (the protocol)
    try {
      const doc = docs.get(p.textDocument.uri);
      if (!doc) return;
      // Never go back: a change for an older version than we hold is ignored.
      if (typeof p.textDocument.version === 'number' && p.textDocument.version < doc.version) return;
      doc.applyChanges(p.contentChanges, p.textDocument.version);
      // An edited (unsaved) config file only re-checks itself; plans follow when it is saved.
      void diagnostics.onChange(doc);
    } catch (e) {
      if (e instanceof BadChange) log(`didChange rejected, the document is unchanged: ${e.message}`);
      else log(`didChange failed: ${describeError(e)}`);
    }
  });
  connection.onDidSaveTextDocument((p) => {
    if (!client) return; // before initialize, notifications are dropped (the protocol)
    const doc = docs.get(p.textDocument.uri);
    if (!doc) return;
    if (isConfigUri(doc.uri)) onConfigChanged();
    void diagnostics.onSave(doc);
  });
  connection.onDidCloseTextDocument((p) => {
    if (!client) return; // before initialize, notifications are dropped (the protocol)
    diagnostics.onClose(p.textDocument.uri);
    docs.close(p.textDocument.uri);
    settingsCache.delete(p.textDocument.uri);
  });

  // ---- settings and config
  function onConfigChanged(): void {
    configs.invalidate();
    refreshTeamLocale();
    rerender();
  }
  /** Lint every open document again and redraw code lenses and inlay hints (a new config or language). */
  function rerender(): void {
    for (const d of docs.all()) d.linted = undefined;
    diagnostics.revalidateAll();
    if (client?.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (client?.inlayHintRefresh) void connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
  }
  connection.onDidChangeConfiguration((p) => {
    if (!client) return; // before initialize, notifications are dropped (the protocol)
    const s = (p?.settings as { planlint?: unknown } | undefined)?.planlint;
    if (s !== undefined) pushedSettings = s;
    settingsCache.clear();
    // The `planlint.locale` setting: pushed with the settings, else read again from the client.
    const pushed = localeSetting(s);
    if (pushed !== undefined) {
      localeSources.setting = pushed;
      chooseMessageLocale();
    } else if (client.configuration) {
      void connection.workspace.getConfiguration({ section: 'planlint' }).then(
        (raw) => {
          const pulled = localeSetting(raw);
          localeSources.setting = pulled === undefined ? localeSources.setting : pulled;
          // A new language: every open document is linted again, code lenses and hints redrawn.
          if (chooseMessageLocale()) onConfigChanged();
        },
        () => undefined,
      );
    }
    onConfigChanged();
  });
  connection.onDidChangeWatchedFiles((p) => {
    if (!client) return; // before initialize, notifications are dropped (the protocol)
    if (p.changes.some((c) => isConfigUri(c.uri) || c.type === FileChangeType.Deleted)) onConfigChanged();
  });

  // ---- features
  connection.languages.diagnostics.on(async (params, token) => {
    if (!client) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized: send initialize first');
    try {
      return await diagnostics.pullReport(params, token);
    } catch (e) {
      if (e instanceof ResponseError) throw e;
      log(`diagnostic pull failed: ${describeError(e)}`);
      return { kind: 'full', items: [] };
    }
  });
  connection.onCodeAction(guard('codeAction', [], (p, token) => codeActions(state, p, token)));
  connection.onExecuteCommand(guard('executeCommand', null, (p) => executeCommand(state, p)));
  connection.onCompletion(guard('completion', [], (p) => completion(state, p)));
  connection.onHover(guard('hover', null, (p) => hover(state, p)));
  connection.onDocumentSymbol(guard('documentSymbol', [], (p) => documentSymbols(state, p)));
  connection.onDefinition(guard('definition', null, (p) => definition(state, p)));
  connection.onReferences(guard('references', [], (p) => references(state, p)));
  connection.onPrepareRename(guard('prepareRename', null, (p) => prepareRename(state, p)));
  connection.onRenameRequest(guard('rename', null, (p) => rename(state, p)));
  connection.onFoldingRanges(guard('foldingRange', [], (p) => foldingRanges(state, p)));
  connection.onCodeLens(guard('codeLens', [], (p) => codeLenses(state, p)));
  connection.languages.inlayHint.on(guard('inlayHint', [], (p) => inlayHints(state, p)));
  connection.onRequest(IS_PLAN_REQUEST, guard('isPlan', false, (p: IsPlanParams) => typeof p.uri === 'string' && typeof p.text === 'string' && isPlan(p.uri, p.text, 'yaml')));
  connection.onRequest(TIMELINE_REQUEST, guard('timeline', null, (p: TimelineParams) => timeline(state, p)));
  const workspaceFiles = host.workspaceFiles;
  if (workspaceFiles) connection.onRequest(
    LINT_WORKSPACE_REQUEST,
    guard('lintWorkspace', { files: 0, linted: 0, cancelled: false, reports: [] }, async (p: LintWorkspaceParams, token) => {
      const progress = connection.window.attachWorkDoneProgress(p.workDoneToken);
      const deps = {
        folders: folders.map((f) => f.uri),
        files: workspaceFiles,
        yieldToEventLoop: () => host.yieldToEventLoop(),
        encoding: client!.encoding,
        maxChars: async (uri: string) => (await settings(uri)).maxFileSize,
        compute: (doc: Doc) => diagnostics.compute(doc),
        locale: messageLocale,
        done: (uri: string) => {
          if (!docs.get(uri)) settingsCache.delete(uri);
        },
      };
      return lintWorkspace(deps, Array.isArray(p.skip) ? p.skip.filter((u): u is string => typeof u === 'string') : [], progress, token);
    }),
  );

  connection.listen();
}
