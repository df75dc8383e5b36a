// The extension's own commands and views in a real VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { todayLocal } from '../../../server/src/engine/dates.js';
import { quickPickItems } from '../../../client/src/templateCommand.js';
import { api, codeOf, EXTENSION_ID, open, planlintDiagnostics, positionOf, t, waitFor, wsUri } from './helpers.js';

suite('planlint commands', function () {
  this.timeout(60_000);

  test('every command is registered', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    for (const c of ['newPlanFromTemplate', 'showTimeline', 'lintWorkspace', 'fixAllProblems', 'restartServer', 'showOutput', 'openRuleDoc', 'leaveSnippet'])
      assert.ok(all.includes(`planlint.${c}`), `planlint.${c}`);
  });

  test('New Plan from Template: named after the prison number, tab stops, no placeholder error until the analyst leaves the snippet', async () => {
    const a = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const template = vscode.Uri.joinPath(ext.extensionUri, 'samples', 'templates', 'determinate.template.plan.yaml');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.newPlanFromTemplate', template, { personId: 'a1234bc' });
    assert.ok(editor, 'an editor');
    const doc = editor.document;
    assert.equal(doc.isUntitled, true);
    assert.equal(doc.languageId, 'sentence-plan');
    assert.equal(doc.uri.path, wsUri('A1234BC.plan.yaml').path, 'untitled, with the file it will be saved as');
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.equal(tab?.label, 'A1234BC.plan.yaml');
    const text = doc.getText();
    // The template's header and title are gone; practitioners' comments stay.
    assert.match(text, /^sentence_plan: 1\nkind: plan\n/);
    assert.doesNotMatch(text, /Template:|^title:/m);
    assert.match(text, /^# Stabilise first: the drug work comes before the programme \(PSI 19\/2014 para 2\.12\)\.$/m);
    assert.match(text, /^ {2}prison_number: A1234BC$/m);
    assert.match(text, /^ {2}gender: male$/m);
    assert.match(text, /^ {2}release_date: \$\{release_date\}$/m);
    // Snippet mode: the first tab stop is selected.
    assert.equal(doc.getText(editor.selection), 'male');
    assert.equal(a.placeholderHold.isHolding(doc.uri), true);
    // The server's placeholder findings arrive, and are held back.
    await waitFor('the server to report the placeholders', () => a.placeholderHold.held(doc.uri).filter((r) => r === 'template/placeholder-in-plan').length > 5);
    assert.deepEqual(planlintDiagnostics(doc.uri).map((d) => `${codeOf(d)} ${d.range.start.line}`), []);
    // Type into the stops: still held, even a half-typed date.
    await vscode.commands.executeCommand('type', { text: 'female' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(doc.getText(editor.selection), '${date_of_birth}');
    await vscode.commands.executeCommand('type', { text: '1990-02-3' });
    assert.match(doc.getText(), /^ {2}gender: female\n {2}date_of_birth: 1990-02-3$/m);
    // The server has checked the half-typed date (a schema/shape error), and it is held too.
    await waitFor('the edit to be checked', () => a.placeholderHold.held(doc.uri).includes('schema/shape'));
    assert.deepEqual(planlintDiagnostics(doc.uri).map((d) => codeOf(d)), []);
    assert.equal(a.placeholderHold.isHolding(doc.uri), true);
    // Leave the snippet (the cursor moves off the tab stops): everything shows.
    const ended = new Promise((r) => a.placeholderHold.onDidEnd(r));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await ended;
    const shown = await waitFor('the placeholder errors', () => {
      const ds = planlintDiagnostics(doc.uri);
      return ds.some((d) => codeOf(d) === 'template/placeholder-in-plan') && ds;
    });
    const dob = shown.find((d) => d.range.start.line === positionOf(doc, 'date_of_birth:').line);
    assert.equal(codeOf(dob!), 'schema/shape', 'the half-typed date is reported now');
    const releaseLine = positionOf(doc, '  release_date:').line;
    assert.ok(shown.some((d) => codeOf(d) === 'template/placeholder-in-plan' && d.range.start.line === releaseLine), 'the unfilled release date is reported');
    assert.equal(a.placeholderHold.isHolding(doc.uri), false);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('New Plan from Template: Escape leaves the snippet; Save writes <prison number>.plan.yaml, and a second plan for the same number gets -2', async () => {
    const a = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const template = vscode.Uri.joinPath(ext.extensionUri, 'samples', 'templates', 'life.template.plan.yaml');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.newPlanFromTemplate', template, { personId: 'B2345CD' });
    const doc = editor.document;
    await waitFor('held placeholder findings', () => a.placeholderHold.held(doc.uri).length > 5);
    assert.deepEqual(planlintDiagnostics(doc.uri), []);
    // What the Escape key runs in a plan's snippet.
    await vscode.commands.executeCommand('planlint.leaveSnippet');
    assert.equal(a.placeholderHold.isHolding(doc.uri), false);
    await waitFor('the placeholder errors after Escape', () => planlintDiagnostics(doc.uri).some((d) => codeOf(d) === 'template/placeholder-in-plan'));

    const second = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.newPlanFromTemplate', template, { personId: 'B2345CD' });
    assert.equal(second.document.uri.path, wsUri('B2345CD-2.plan.yaml').path, 'the open untitled plan keeps its name');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    // Save: no dialog, the file is written where the name says, and it is checked as a plan.
    const target = wsUri('B2345CD.plan.yaml');
    await vscode.window.showTextDocument(doc);
    assert.equal(await doc.save(), true);
    try {
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(saved, /^ {2}prison_number: B2345CD$/m);
      assert.match(saved, /^ {2}type: life$/m);
      const file = await vscode.workspace.openTextDocument(target);
      await vscode.window.showTextDocument(file);
      await waitFor('the saved plan checked', () => planlintDiagnostics(target).some((d) => codeOf(d) === 'template/placeholder-in-plan'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(target);
    }
  });

  test('the template quick pick: built-in templates by sentence type first, then the workspace ones, each with its title', async () => {
    const a = await api();
    const found = await a.findTemplates();
    const builtIn = found.filter((t) => t.source === 'built-in');
    assert.equal(found.slice(0, builtIn.length).every((t) => t.source === 'built-in'), true, 'built-in first');
    assert.deepEqual(
      builtIn.map((t) => t.label).sort(),
      [
        'community-order.template.plan.yaml',
        'determinate.template.plan.yaml',
        'extended-determinate.template.plan.yaml',
        'ipp.template.plan.yaml',
        'licence.template.plan.yaml',
        'life.template.plan.yaml',
        'suspended-sentence-order.template.plan.yaml',
        'womens.template.plan.yaml',
        'young-adult.template.plan.yaml',
      ],
    );
    const order = ['determinate', 'extended_determinate', 'life', 'ipp', 'community_order', 'suspended_sentence_order'];
    const ranks = builtIn.map((t) => order.indexOf(t.sentenceType ?? ''));
    assert.deepEqual(ranks, [...ranks].sort((x, y) => x - y), 'grouped by sentence type');
    assert.ok(builtIn.every((t) => t.title && !/^Template:/.test(t.title)), 'each has its title');
    assert.deepEqual(found.slice(builtIn.length).map((t) => `${t.source}:${t.label}`), ['workspace:mine.template.plan.yaml', 'workspace:team/housing.yaml']);
    const items = quickPickItems(found);
    assert.equal(items[0].kind, vscode.QuickPickItemKind.Separator);
    const life = items.find((i) => i.detail === 'life.template.plan.yaml');
    assert.equal(life?.label, t('Life sentence'));
    assert.match(life?.description ?? '', /^Before tariff — /);
    assert.equal(items.find((i) => i.detail === 'mine.template.plan.yaml')?.description, 'a short community order (workspace template used by the VS Code tests).');

    // Through the real quick pick and prompt: accept the first template, then an empty prison number.
    const pending = vscode.commands.executeCommand<vscode.TextEditor | undefined>('planlint.newPlanFromTemplate');
    await waitFor('the quick pick and the prompt', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return vscode.window.activeTextEditor?.document.isUntitled;
    });
    const editor = await pending;
    assert.ok(editor);
    assert.equal(editor.document.uri.scheme, 'untitled');
    assert.match(editor.document.getText(), /^ {2}type: determinate$/m);
    assert.match(editor.document.getText(), /^ {2}prison_number: \$\{prison_number\}$/m, 'no number given: it stays a tab stop');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Show Output opens the planlint channel', async () => {
    await vscode.commands.executeCommand('planlint.showOutput');
  });

  test('a workspace template pre-fills today where it says so', async () => {
    // No person in this template: no prompt.
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('planlint.newPlanFromTemplate', wsUri('mine.template.plan.yaml'));
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^ {2}sentenced_on: ${todayLocal()}$`, 'm'));
    assert.match(text, /^ {2}sentence_end_date: \$\{sentence_end_date\}$/m);
    assert.match(text, /^sentence_plan: 1\nkind: plan$/m);
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
    for (const want of ['<svg xmlns="http://www.w3.org/2000/svg"', 'Sentenced: 2025-06-10', 'Pre-release review: due 2027-05-26', t('{0}, as of {1}', 'good.plan.yaml', '2026-11-23')])
      assert.ok(html.includes(want), `the timeline shows ${want}`);
    assert.ok(!/A0001AA|Sample Person One/.test(html), 'no personal data');
    await waitFor('a webview tab titled after the file', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((x) => x.input instanceof vscode.TabInputWebview && x.label === t('Timeline: {0}', 'good.plan.yaml')),
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
    assert.ok(after.includes(t('The timeline as a table')), 'a table view of the rows');
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

  test('Lint Workspace runs in the server: closed plans get its results with their rule links, open ones keep their live diagnostics, nothing is counted twice', async () => {
    const a = await api();
    const openUri = wsUri('bad.plan.yaml');
    await open('bad.plan.yaml');
    const live = await waitFor('live diagnostics of the open plan', () => {
      const d = planlintDiagnostics(openUri);
      return d.length ? d : undefined;
    });
    // A plan on disk that is not open: a copy of bad.plan.yaml as it is on disk (the quick fix
    // earlier was not saved), where `Male` is not a valid gender (line 9, column 11).
    const closedUri = wsUri('closed', 'other.plan.yaml');
    await vscode.workspace.fs.writeFile(closedUri, await vscode.workspace.fs.readFile(openUri));
    try {
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === closedUri.toString()), 'not open');
      const summary = await vscode.commands.executeCommand<{ files: number; linted: number; errors: number; warnings: number; cancelled: boolean }>('planlint.lintWorkspace');
      assert.ok(summary, 'the command answers with a summary');
      assert.equal(summary.cancelled, false);
      assert.ok(summary.files >= 3 && summary.linted >= 1 && summary.linted < summary.files, `files ${summary.files}, linted ${summary.linted}`);
      assert.ok(summary.errors >= 1);
      // The closed plan: its findings, with the rule-page link (offline: the bundled page).
      const shape = planlintDiagnostics(closedUri).find((d) => codeOf(d) === 'schema/shape' && /not a valid gender/.test(d.message));
      assert.ok(shape, 'the closed plan has the workspace result');
      assert.equal(shape.range.start.line, 8);
      assert.equal(shape.range.start.character, 10);
      assert.equal(shape.severity, vscode.DiagnosticSeverity.Error);
      assert.equal((shape.code as { target: vscode.Uri }).target.scheme, 'planlint-rule');
      // The open plan: exactly its live diagnostics, once (what Problems shows, and what the status bar counts).
      const after = planlintDiagnostics(openUri);
      assert.deepEqual(after.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort(), live.map((d) => `${codeOf(d)}@${d.range.start.line}`).sort());
      const errors = after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
      const warnings = after.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      await waitFor('the status bar counts what Problems shows', () => a.statusBar.text?.includes(`$(error) ${errors} $(warning) ${warnings}`));
      // No task and no process: the extension ships no CLI.
      assert.equal((await vscode.tasks.fetchTasks({ type: 'planlint' })).length, 0);
      // Opening the closed plan: its workspace result gives way to the live diagnostics, not added to them.
      await open('closed', 'other.plan.yaml');
      await waitFor('the workspace result to give way', () => !a.workspaceLint.collection.get(closedUri)?.length);
      const shapes = (): vscode.Diagnostic[] => planlintDiagnostics(closedUri).filter((d) => codeOf(d) === 'schema/shape' && /not a valid gender/.test(d.message));
      await waitFor('live diagnostics for the newly opened plan', () => shapes().length > 0);
      assert.equal(shapes().length, 1, `once: ${planlintDiagnostics(closedUri).map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ')}`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(wsUri('closed'), { recursive: true });
    }
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

  test('the review code lens opens the sentence timeline at the review it names', async () => {
    const a = await api();
    const ed = await open('good.plan.yaml');
    const lenses = await waitFor('the review code lens', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ed.document.uri);
      return l && l.length ? l : undefined;
    });
    const cmd = lenses[0].command!;
    assert.equal(cmd.command, 'planlint.showTimeline');
    assert.match(cmd.title, /^(Next due|Reviews): /);
    const [uri, key] = (cmd.arguments ?? []) as [string, string | undefined];
    assert.equal(uri, ed.document.uri.toString());
    assert.match(key ?? '', /^review\/[a-z-]+@\d{4}-\d{2}-\d{2}$/);
    const shown = await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    assert.ok(shown, 'the timeline opened');
    assert.equal(a.timeline.focusKey, key);
    // The page opens with that review named first, and its row marked.
    const view = await a.planView(ed.document);
    const o = view!.obligations.find((x) => x.key === key)!;
    assert.ok(cmd.title.startsWith(`Next due: ${o.kind} ${o.due}`), 'the lens names it first');
    const html = await waitFor('the focused timeline', () => (a.timeline.html?.includes('class="focus-card"') ? a.timeline.html : undefined));
    assert.ok(html.includes(`<strong>${o.kind}</strong>: ${t('due {0}', o.due)}`));
    assert.ok(html.indexOf('class="focus-card"') < html.indexOf('<div class="chart">'), 'before the chart');
    assert.match(html, new RegExp(`<tr class="focus" aria-current="true"><td>${o.kind}</td>`));
    // Shown again from the editor title (a Uri): no review singled out.
    assert.equal(await vscode.commands.executeCommand('planlint.showTimeline', ed.document.uri), true);
    await waitFor('the plain timeline', () => a.timeline.html && !a.timeline.html.includes('class="focus-card"'));
  });
});
