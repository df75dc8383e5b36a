// The client side of a language-server session, shared by the LSP benches (lsp.mjs,
// lsp-worker.mjs, lsp-web.mjs): answers what the server asks (settings, registrations, logs)
// and turns published diagnostics into promises by document version.

/**
 * Wire a message connection as a quiet client and return `diagnosticsFor(uri, version)`, a
 * promise of the diagnostics the server publishes for that version. `settings()` is asked each
 * time the server pulls configuration; `extra` adds request handlers (e.g. `planlint/readFiles`).
 */
export function asClient(conn, settings, extra = {}) {
  const waiting = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    const key = `${p.uri}@${p.version}`;
    const w = waiting.get(key);
    if (w) {
      waiting.delete(key);
      w(p.diagnostics);
    }
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => settings()));
  conn.onRequest('client/registerCapability', () => null);
  for (const [method, handler] of Object.entries(extra)) conn.onRequest(method, handler);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  return (uri, version) => new Promise((r) => waiting.set(`${uri}@${version}`, r));
}
