// Where the extension runs, and a team's configuration file from the workspace. The suite runs
// twice (test/vscode-host/run.mjs): in the Node extension host, and with the extension forced
// into the web worker extension host (`remote.extensionKind` web, the web build of the
// extension and the language server in a web worker). PLANLINT_SUITE_RUNTIME is set by the
// bundler for each run, so a web run that silently fell back to Node fails here.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, EXTENSION_ID, open, planlintDiagnostics, waitFor, wsUri } from './helpers.js';

declare const PLANLINT_SUITE_RUNTIME: 'node' | 'web';

suite(`where planlint runs (${PLANLINT_SUITE_RUNTIME} run)`, function () {
  this.timeout(60_000);

  test('the extension, its tests and its language server run where this run says', async () => {
    const a = await api();
    await waitFor('the language client to run', () => a.client()?.isRunning());
    const web = PLANLINT_SUITE_RUNTIME === 'web';
    assert.equal(a.runtime, PLANLINT_SUITE_RUNTIME, 'the extension build that was loaded');
    // The code running these tests is in the same extension host as the extension.
    const g = globalThis as { process?: unknown; importScripts?: unknown; navigator?: { userAgent?: string }; document?: unknown };
    assert.equal(typeof g.process === 'undefined', web, `process is ${typeof g.process}`);
    if (web) {
      assert.equal(typeof g.importScripts, 'function', 'a worker global scope');
      assert.equal(typeof g.document, 'undefined', 'no DOM: a worker, not the window');
      assert.match(g.navigator?.userAgent ?? '', /Chrome/);
    }
    const info = (a.client()?.initializeResult?.capabilities.experimental as { planlint?: { host?: string } } | undefined)?.planlint;
    assert.equal(info?.host, web ? 'browser' : 'node', 'the language server build');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.extensionKind, web ? vscode.ExtensionKind.UI : vscode.ExtensionKind.Workspace);
  });

  test("a .planlintrc.yaml in the workspace applies to the plans below it, read through VS Code's file system", async () => {
    const dir = wsUri('configured');
    const plan = vscode.Uri.joinPath(dir, 'team', 'c.plan.yaml');
    // The team lowers schema/shape to a warning; bad.plan.yaml has a schema/shape error.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '.planlintrc.yaml'), new TextEncoder().encode('rules:\n  schema/shape: warning\n'));
    await vscode.workspace.fs.writeFile(plan, await vscode.workspace.fs.readFile(wsUri('bad.plan.yaml')));
    try {
      await open('configured', 'team', 'c.plan.yaml');
      const shape = await waitFor('schema/shape as the config says', () => planlintDiagnostics(plan).find((d) => codeOf(d) === 'schema/shape' && d.severity === vscode.DiagnosticSeverity.Warning));
      assert.match(shape.message, /not a valid gender/);
      // The same plan outside the configured folder keeps the default severity.
      const elsewhere = planlintDiagnostics(wsUri('bad.plan.yaml')).find((d) => codeOf(d) === 'schema/shape');
      if (elsewhere) assert.equal(elsewhere.severity, vscode.DiagnosticSeverity.Error);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });
});
