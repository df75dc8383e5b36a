// The plan-detection table (test/project/plan-detection.cases.ts) in a real VS Code: each case
// written to the workspace and opened as VS Code opens it (its own language detection), then
// the client's decision, which is the server's answer (planlint/timeline): the timeline and
// the status bar are offered exactly for plans, and only plans get plan findings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DETECTION_CASES } from '../../project/plan-detection.cases.js';
import { api, codeOf, planlintDiagnostics, sleep, waitFor, wsUri } from './helpers.js';

suite('plan detection, as the client decides it (through the server)', function () {
  this.timeout(120_000);
  const folder = (file: string): string => file.replace(/[^A-Za-z0-9]/g, '_');

  suiteSetup(async () => {
    for (const c of DETECTION_CASES) await vscode.workspace.fs.writeFile(wsUri('detect', folder(c.file), c.file), new TextEncoder().encode(c.text));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(wsUri('detect'), { recursive: true });
  });

  test('every case of the table', async () => {
    const a = await api();
    const wrong: string[] = [];
    for (const c of DETECTION_CASES) {
      const doc = await vscode.workspace.openTextDocument(wsUri('detect', folder(c.file), c.file));
      await vscode.window.showTextDocument(doc, { preview: false });
      const view = await waitFor(`the server's answer for ${c.file}`, async () => ({ v: await a.planView(doc) }));
      if ((view.v !== undefined) !== c.plan) wrong.push(`${c.name} (${doc.languageId}): timeline ${view.v ? 'offered' : 'not offered'}`);
      if (c.plan) {
        await waitFor(`findings for ${c.file}`, () => planlintDiagnostics(doc.uri).some((d) => codeOf(d) !== 'config'));
        await waitFor(`the status bar for ${c.file}`, () => /^\$\(checklist\) planlint /.test(a.statusBar.text ?? ''));
      } else {
        await sleep(300);
        const plan = planlintDiagnostics(doc.uri).filter((d) => codeOf(d) !== 'config');
        if (plan.length) wrong.push(`${c.name}: ${plan.length} plan finding(s)`);
        assert.equal(await vscode.commands.executeCommand('planlint.showTimeline', doc.uri), false, `${c.name}: no timeline`);
      }
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    assert.deepEqual(wrong, []);
  });
});
