// The extension's own commands and views in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { todayLocal } from '../../../server/src/engine/dates.js';
import { api, EXTENSION_ID, open, planlintDiagnostics, waitFor, wsUri } from './helpers.js';

suite('planlint commands', function () {
  this.timeout(60_000);

  test('every command is registered', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    for (const c of ['newPlanFromTemplate', 'showTimeline', 'lintWorkspace', 'fixAllProblems', 'restartServer', 'showOutput', 'openRuleDoc'])
      assert.ok(all.includes(`planlint.${c}`), `planlint.${c}`);
  });

  test('New Plan from Template opens an untitled plan with the placeholders as tab stops', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const template = vscode.Uri.joinPath(ext.extensionUri, 'samples', 'templates', 'determinate.template.plan.yaml');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.newPlanFromTemplate', template);
    assert.ok(editor, 'an editor');
    const doc = editor.document;
    assert.equal(doc.isUntitled, true);
    assert.equal(doc.languageId, 'sentence-plan');
    const text = doc.getText();
    assert.match(text, /^kind: plan$/m);
    assert.match(text, /^ {2}prison_number: prison_number$/m);
    assert.match(text, /^ {2}gender: male$/m);
    assert.match(text, /^ {2}length_months: 24$/m);
    // Placeholders in comments stay as written; none is left in the data.
    assert.match(text, /each \$\{name\} or \$\{name:default\}/);
    assert.doesNotMatch(text.replace(/#.*$/gm, ''), /\$\{/);
    // Snippet mode: the first tab stop is selected, and the same name is linked.
    assert.equal(doc.getText(editor.selection), 'prison_number');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the template quick pick offers built-in, named and content-detected templates, and opens the chosen one', async () => {
    const a = await api();
    const found = await a.findTemplates();
    const labels = found.map((t) => `${t.source}:${t.label}`);
    assert.deepEqual(labels, ['built-in:determinate.template.plan.yaml', 'workspace:mine.template.plan.yaml', 'workspace:team/housing.yaml']);
    // Through the real quick pick: accept the first item.
    const pending = vscode.commands.executeCommand<vscode.TextEditor | undefined>('planlint.newPlanFromTemplate');
    await waitFor('the quick pick to show', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return vscode.window.activeTextEditor?.document.isUntitled;
    });
    const editor = await pending;
    assert.ok(editor);
    assert.match(editor.document.getText(), /^ {2}type: determinate$/m);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Output opens the planlint channel', async () => {
    await vscode.commands.executeCommand('planlint.showOutput');
  });

  test('a workspace template pre-fills today where it says so', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.newPlanFromTemplate', wsUri('mine.template.plan.yaml'));
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^ {2}sentenced_on: ${todayLocal()}$`, 'm'));
    assert.match(text, /^ {2}sentence_end_date: sentence_end_date$/m);
    assert.match(text, /^kind: plan$/m);
    assert.equal(editor.document.getText(editor.selection), todayLocal());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Show Sentence Timeline opens a webview with the SVG, and redraws on edits', async () => {
    const a = await api();
    const ed = await open('good.plan.yaml');
    const shown = await vscode.commands.executeCommand<boolean>('planlint.showTimeline');
    assert.equal(shown, true);
    const html = await waitFor('timeline html', () => a.timeline.html);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    assert.match(csp ?? '', /^default-src 'none'; style-src [^;]+ 'unsafe-inline'; img-src [^;]+ data:;$/);
    assert.doesNotMatch(csp ?? '', /script-src/);
    assert.doesNotMatch(html, /<script/i);
    for (const want of ['<svg xmlns="http://www.w3.org/2000/svg"', 'Sentenced: 2025-06-10', 'Pre-release review: due 2027-05-26', 'as of 2026-11-23'])
      assert.ok(html.includes(want), `the timeline shows ${want}`);
    assert.ok(!/A0001AA|Sample Person One/.test(html), 'no personal data');
    await waitFor('a webview tab titled after the file', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Timeline: good.plan.yaml'),
    );

    // An edit redraws it (debounced).
    const rendered = new Promise<string>((res) => {
      const sub = a.timeline.onDidRender((e) => {
        if (e.html.includes('Release: 2027-09-01')) {
          sub.dispose();
          res(e.html);
        }
      });
    });
    const doc = ed.document;
    const i = doc.getText().indexOf('release_date: 2027-06-09');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(i), doc.positionAt(i + 'release_date: 2027-06-09'.length)), 'release_date: 2027-09-01');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await Promise.race([rendered, new Promise<string>((_, rej) => setTimeout(() => rej(new Error('no redraw')), 10_000))]);
    assert.doesNotMatch(after, /Release: 2027-06-09/);
    assert.ok(after.includes('The timeline as a table'), 'a table view of the rows');
  });

  test('after a window reload the timeline panel comes back with its plan (WebviewPanelSerializer)', async () => {
    const a = await api();
    await open('good.plan.yaml');
    assert.equal(await vscode.commands.executeCommand<boolean>('planlint.showTimeline'), true);
    // What VS Code does on reload: a new panel of the same view type handed to the serializer.
    const revived = vscode.window.createWebviewPanel('planlint.timeline', 'Sentence timeline', vscode.ViewColumn.Beside, {});
    assert.equal(await a.timeline.restore(revived), true);
    const html = await waitFor('restored html', () => (a.timeline.html?.includes('<svg') ? a.timeline.html : undefined));
    assert.ok(html.includes('good.plan.yaml'));
    assert.equal(a.timeline.documentUri?.path.endsWith('/good.plan.yaml'), true);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok((ext.packageJSON.activationEvents as string[]).includes('onWebviewPanel:planlint.timeline'));
  });

  test('the status bar shows the counts and the next review due', async () => {
    const a = await api();
    await open('good.plan.yaml');
    const text = await waitFor('status bar text', () => {
      const t = a.statusBar.text;
      return t && /due|overdue/.test(t) ? t : undefined;
    });
    assert.match(text, /\$\(error\) 0 \$\(warning\) 0 · .+ (due in \d+ days?|due today|due tomorrow|overdue by \d+ days?)$/);
    await open('bad.plan.yaml');
    await waitFor('bad plan counts', () => planlintDiagnostics(wsUri('bad.plan.yaml')).length > 0);
    await waitFor('status bar for the bad plan', () => /\$\(warning\) [1-9]/.test(a.statusBar.text ?? ''));
  });

  test('Lint Workspace runs the bundled CLI as a task and reports through the $planlint problem matcher', async () => {
    await open('bad.plan.yaml');
    const code = await vscode.commands.executeCommand<number | undefined>('planlint.lintWorkspace');
    // bad.plan.yaml on disk still has its error (the quick fix earlier was not saved).
    assert.equal(code, 1);
    // The problem matcher turned the CLI's compact lines into markers: the on-disk `Male`
    // (line 9, column 11) is reported although the language server no longer sees it.
    const uri = wsUri('bad.plan.yaml');
    const fromTask = await waitFor('problem-matcher markers', () =>
      vscode.languages.getDiagnostics(uri).find((d) => d.source === 'planlint' && d.range.start.line === 8 && d.range.start.character === 10 && /not a valid gender/.test(d.message)),
    );
    assert.equal(fromTask.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(String(typeof fromTask.code === 'object' ? fromTask.code.value : fromTask.code), 'schema/shape');
  });

  test('rule links open the bundled rule page offline, in the Markdown preview', async () => {
    await open('bad.plan.yaml');
    const uri = wsUri('bad.plan.yaml');
    const d = await waitFor('a diagnostic with a rule link', () => planlintDiagnostics(uri).find((x) => typeof x.code === 'object' && x.code.target));
    const target = (d.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'planlint-rule');
    assert.equal(target.path, `/${String((d.code as { value: string }).value)}.md`);
    // Following the link (as the Problems panel and the hover do) opens the page.
    const linked = await vscode.workspace.openTextDocument(target);
    assert.match(linked.getText(), new RegExp(`^## \`${String((d.code as { value: string }).value).replace('/', '\\/')}\``));
    const opened = await vscode.commands.executeCommand<boolean>('planlint.openRuleDoc', 'smart/time-bound');
    assert.equal(opened, true);
    const page = await waitFor('the rule page document', () => vscode.workspace.textDocuments.find((t) => t.uri.scheme === 'planlint-rule' && t.uri.path === '/smart/time-bound.md'));
    assert.match(page.getText(), /^## `smart\/time-bound`/);
    assert.match(page.getText(), /\*\*Policy:\*\* PSI 19\/2014/);
    assert.match(page.getText(), /### Fails/);
    assert.doesNotMatch(page.getText(), /## `smart\/overdue`/);
  });

  test('the review code lens opens the sentence timeline', async () => {
    const ed = await open('good.plan.yaml');
    const lenses = await waitFor('the review code lens', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ed.document.uri);
      return l && l.length ? l : undefined;
    });
    const cmd = lenses[0].command!;
    assert.equal(cmd.command, 'planlint.showTimeline');
    assert.match(cmd.title, /^(Next due|Reviews): /);
    const shown = await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    assert.ok(shown, 'the timeline opened');
  });
});
