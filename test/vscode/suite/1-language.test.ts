// The language features in a real VS Code: the real client starts the real bundled server
// over IPC; everything is observed through VS Code's own API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
// @ts-expect-error: a plain .mjs module shared with the benchmarks
import { makePlan as makePlanUntyped } from '../../../bench/plans.mjs';
import { api, codeOf, EXTENSION_ID, open, planlintDiagnostics, positionOf, sleep, waitFor, wsUri } from './helpers.js';

const makePlan = makePlanUntyped as (i: number, o: { size: number; seed: number; defectRate: number; crlfRate: number }) => string;

suite('planlint language features', function () {
  this.timeout(60_000);
  let bad: vscode.TextEditor;

  suiteSetup(async () => {
    bad = await open('bad.plan.yaml');
  });

  test('activates on a plan file, which gets the sentence-plan language', async () => {
    assert.equal(bad.document.languageId, 'sentence-plan');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await waitFor('activation', () => ext.isActive);
    const a = await api();
    await waitFor('the language client to run', () => a.client()?.isRunning());
  });

  test('diagnostics arrive from the server with rule ids, on the exact value', async () => {
    const uri = bad.document.uri;
    const diags = await waitFor('diagnostics', () => {
      const d = planlintDiagnostics(uri);
      return d.some((x) => codeOf(x) === 'schema/shape') && d.some((x) => codeOf(x) === 'smart/overdue') ? d : undefined;
    });
    const shape = diags.find((d) => codeOf(d) === 'schema/shape')!;
    assert.equal(bad.document.getText(shape.range), 'Male');
    assert.equal(shape.severity, vscode.DiagnosticSeverity.Error);
    assert.match(shape.message, /not a valid gender/);
    const overdue = diags.find((d) => codeOf(d) === 'smart/overdue')!;
    assert.equal(overdue.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(bad.document.getText(overdue.range), '2026-01-31');
    // Personal data is never echoed.
    for (const d of diags) assert.doesNotMatch(d.message, /Sample Person One|A0001AA/);
  });

  test('YAML that is not a plan gets no diagnostics', async () => {
    const ed = await open('notes.yaml');
    assert.equal(ed.document.languageId, 'yaml');
    await sleep(1500);
    assert.deepEqual(planlintDiagnostics(ed.document.uri), []);
    await vscode.window.showTextDocument(bad.document);
  });

  test('hover explains the rule under the cursor', async () => {
    const pos = positionOf(bad.document, '2026-01-31').translate(0, 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', bad.document.uri, pos);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /smart\/overdue/);
    assert.match(text, /PSI 19\/2014/);
  });

  test('completion offers the allowed values of a key', async () => {
    const line = positionOf(bad.document, 'type: determinate');
    const pos = line.translate(0, 'type: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', bad.document.uri, pos);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const want of ['determinate', 'life', 'community_order']) assert.ok(labels.includes(want), `completion has ${want}: ${labels.join(', ')}`);
  });

  test('completion of a fixed value: in the order of use, each with what it means; hover on a value says it too', async () => {
    const pos = positionOf(bad.document, 'type: determinate').translate(0, 'type: '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', bad.document.uri, pos);
    const mine = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    const ordered = [...mine].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1)).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.deepEqual(ordered.slice(0, 3), ['determinate', 'extended_determinate', 'life'], ordered.join(', '));
    const doc = (i: vscode.CompletionItem): string => (typeof i.documentation === 'string' ? i.documentation : (i.documentation?.value ?? ''));
    assert.ok(mine.every((i) => doc(i).length >= 15), 'every value has its meaning');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', bad.document.uri, pos.translate(0, 2));
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /`determinate`: /);
  });

  test('the outline uses plan kinds, never function or class', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', bad.document.uri);
    const kinds = new Set<vscode.SymbolKind>();
    const walk = (ss: vscode.DocumentSymbol[]): void => ss.forEach((x) => (kinds.add(x.kind), walk(x.children)));
    walk(symbols);
    assert.ok(kinds.size > 2, 'an outline');
    for (const k of [vscode.SymbolKind.Function, vscode.SymbolKind.Class, vscode.SymbolKind.Namespace, vscode.SymbolKind.Module]) assert.ok(!kinds.has(k), `no ${vscode.SymbolKind[k]}`);
  });

  test('a quick fix from executeCodeActionProvider applies and the diagnostic goes', async () => {
    const uri = bad.document.uri;
    const shape = planlintDiagnostics(uri).find((d) => codeOf(d) === 'schema/shape')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, shape.range, vscode.CodeActionKind.QuickFix.value, 10);
    const describe = actions.map((a) => `${a.title} [${a.kind?.value}] edit=${a.edit?.size ?? 0} diags=${(a.diagnostics ?? []).map(codeOf).join(',')}`).join(' | ');
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.title === 'Change to `male`');
    assert.ok(fix?.edit, `a quick fix with an edit for schema/shape: ${describe}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(bad.document.getText(), /\n {2}gender: male\n/);
    await waitFor('the schema/shape diagnostic to go', () => !planlintDiagnostics(uri).some((d) => codeOf(d) === 'schema/shape'));
    assert.ok(planlintDiagnostics(uri).some((d) => codeOf(d) === 'smart/overdue'), 'the other finding stays');
  });

  test('changing a setting re-validates open plans', async () => {
    const uri = bad.document.uri;
    const cfg = vscode.workspace.getConfiguration('planlint');
    try {
      await cfg.update('rules', { 'smart/overdue': 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor('smart/overdue to be switched off', () => !planlintDiagnostics(uri).some((d) => codeOf(d) === 'smart/overdue'));
      // The as-of date is a setting too: before the target date, OBJ-1 is not overdue.
      await cfg.update('rules', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('smart/overdue back', () => planlintDiagnostics(uri).some((d) => codeOf(d) === 'smart/overdue'));
      await cfg.update('asOf', '2026-01-15', vscode.ConfigurationTarget.Global);
      await waitFor('smart/overdue gone as of 2026-01-15', () => !planlintDiagnostics(uri).some((d) => codeOf(d) === 'smart/overdue'));
    } finally {
      await cfg.update('rules', undefined, vscode.ConfigurationTarget.Global);
      await cfg.update('asOf', '2026-11-23', vscode.ConfigurationTarget.Global);
    }
    await waitFor('smart/overdue back as of 2026-11-23', () => planlintDiagnostics(uri).some((d) => codeOf(d) === 'smart/overdue'));
  });

  test('Fix All applies every certain fix in an untitled plan', async () => {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri('good.plan.yaml'))).replace('  gender: male\n', '  gender: Male\n');
    assert.match(text, /gender: Male/);
    const doc = await vscode.workspace.openTextDocument({ language: 'sentence-plan', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor('diagnostics on the untitled plan', () => planlintDiagnostics(doc.uri).some((d) => codeOf(d) === 'schema/shape')).catch((e) => {
      throw new Error(`${e.message}; ${doc.uri.toString()} ${doc.languageId}; diags: ${vscode.languages.getDiagnostics(doc.uri).map((d) => `${codeOf(d)} ${d.source} ${d.message.slice(0, 80)}`).join(' / ')}; text: ${doc.getText().slice(0, 200)}`);
    });
    const applied = await vscode.commands.executeCommand<boolean>('planlint.fixAllProblems');
    assert.equal(applied, true);
    await waitFor('the fix in the text', () => /\n {2}gender: male\n/.test(doc.getText()));
    await waitFor('schema/shape gone', () => !planlintDiagnostics(doc.uri).some((d) => codeOf(d) === 'schema/shape'));
    // Nothing certain is left to fix: a second run changes nothing.
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand<boolean>('planlint.fixAllProblems'), false);
    assert.equal(doc.getText(), before);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Restart Server brings the diagnostics back', async () => {
    const a = await api();
    const before = a.client();
    await vscode.commands.executeCommand('planlint.restartServer');
    await waitFor('the client to run again', () => a.client()?.isRunning());
    assert.equal(a.client(), before, 'the same client restarts');
    await vscode.window.showTextDocument(bad.document);
    await waitFor('diagnostics after the restart', () => planlintDiagnostics(bad.document.uri).some((d) => codeOf(d) === 'smart/overdue'));
  });

  test('inlay hints after dates say how far away they are', async () => {
    const ed = await open('good.plan.yaml');
    const doc = ed.document;
    const range = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor('inlay hints', async () => {
      const h = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, range);
      return h && h.length ? h : undefined;
    });
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    for (const l of labels) assert.match(l, /^(today|in \d+ \w+|\d+ \w+ ago|overdue \d+ \w+)( · .+)?$/);
    // Each hint sits right after a date value.
    for (const h of hints) assert.match(doc.lineAt(h.position.line).text.slice(0, h.position.character), /\d{4}-\d{2}-\d{2}['"]?$/);
    await vscode.window.showTextDocument(bad.document);
  });

  test('typing -> squiggle latency on a 200-line and a 5,000-line plan (medians of 10, printed)', async function () {
    this.timeout(180_000);
    const results: string[] = [];
    for (const target of [200, 5000]) {
      let size = 1;
      let text = makePlan(11, { size, seed: 4, defectRate: 0, crlfRate: 0 });
      while (text.split('\n').length < target) text = makePlan(11, { size: ++size, seed: 4, defectRate: 0, crlfRate: 0 });
      const uri = wsUri(`latency-${target}.plan.yaml`);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const ed = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await sleep(1500); // the first check of the opened plan
      const lines = text.split('\n');
      const statusLines = lines.map((l, n) => [l, n] as const).filter(([l]) => /^\s+status: in_progress$/.test(l));
      const times: number[] = [];
      for (let k = 0; k < 10; k++) {
        const [l, line] = statusLines[(k * 3) % statusLines.length];
        const at = new vscode.Position(line, l.length);
        ed.selection = new vscode.Selection(at, at);
        const errorHere = () => planlintDiagnostics(uri).some((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error);
        const t0 = Date.now();
        await vscode.commands.executeCommand('type', { text: 'x' });
        await waitFor('the squiggle', () => errorHere(), 30_000);
        times.push(Date.now() - t0);
        await vscode.commands.executeCommand('deleteLeft');
        await waitFor('the squiggle to go', () => !errorHere(), 30_000);
      }
      times.sort((a, b) => a - b);
      const median = (times[4] + times[5]) / 2;
      results.push(`${lines.length} lines: median ${median} ms (min ${times[0]}, max ${times[9]})`);
      assert.ok(median < 3000, `typing -> squiggle median ${median} ms on ${lines.length} lines`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
    console.log(`[latency] typing -> squiggle in real VS Code: ${results.join('; ')}`);
    await vscode.window.showTextDocument(bad.document);
  });
});
