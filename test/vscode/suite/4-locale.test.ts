// planlint in English and Welsh in a real VS Code. This file runs in both runs of the suite:
// VS Code in English (`run.mjs`) and VS Code in Welsh (`run.mjs --locale cy`), and checks what
// each should show: the manifest's command titles and the extension's own words in VS Code's
// display language, and the server's messages in the language `planlint.locale` names.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, EXPECTED_LANGUAGE, EXTENSION_ID, nls, open, planlintDiagnostics, t, waitFor, wsUri } from './helpers.js';

interface Command {
  command: string;
  /** A localised title comes as the shown value and the English original (the palette matches both). */
  title: string | { value: string; original: string };
  category: string | { value: string; original: string };
}

const shown = (s: Command['title'] | undefined): string | undefined => (typeof s === 'object' ? s.value : s);

suite('planlint in English and Welsh', function () {
  this.timeout(90_000);

  test('VS Code runs in the display language the run asked for', () => {
    assert.equal(vscode.env.language, EXPECTED_LANGUAGE);
  });

  test("the command titles are in VS Code's display language (package.nls.json / package.nls.cy.json)", async () => {
    await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const commands = (ext.packageJSON as { contributes: { commands: Command[] } }).contributes.commands;
    const timeline = commands.find((c) => c.command === 'planlint.showTimeline');
    // What VS Code made of `%command.showTimeline.title%`.
    assert.equal(shown(timeline?.title), nls('command.showTimeline.title'));
    assert.equal(shown(timeline?.title), EXPECTED_LANGUAGE === 'cy' ? 'Dangos Llinell Amser y Ddedfryd' : 'Show Sentence Timeline');
    if (EXPECTED_LANGUAGE !== 'en') assert.equal(typeof timeline?.title === 'object' && timeline.title.original, 'Show Sentence Timeline', 'the English kept for the palette');
    assert.equal(shown(timeline?.category), 'planlint');
    for (const c of commands) assert.doesNotMatch(shown(c.title) ?? '', /^%.*%$|^$/, `${c.command} has a title, not a key`);
    const setting = (ext.packageJSON as { contributes: { configuration: { properties: Record<string, { markdownDescription?: string }> } } }).contributes.configuration.properties['planlint.locale'];
    assert.equal(setting.markdownDescription, nls('configuration.locale.markdownDescription'));
  });

  test("the extension's own words are in VS Code's display language (l10n/bundle.l10n.cy.json)", async () => {
    const a = await api();
    await open('good.plan.yaml');
    assert.equal(await vscode.commands.executeCommand<boolean>('planlint.showTimeline'), true);
    const html = await waitFor('the timeline page', () => (a.timeline.html?.includes('<svg') ? a.timeline.html : undefined));
    assert.ok(html.includes(`<title>${t('Sentence timeline')}</title>`), 'the page title');
    assert.ok(html.includes(`<html lang="${EXPECTED_LANGUAGE}">`), 'the page says its language');
    await waitFor('the panel titled in the display language', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((x) => x.input instanceof vscode.TabInputWebview && x.label === t('Timeline: {0}', 'good.plan.yaml')),
    );
    if (EXPECTED_LANGUAGE === 'cy') {
      assert.ok(html.includes('Llinell amser y ddedfryd'), 'Welsh chrome');
      assert.ok(html.includes('<span class="state-met">●</span> wedi&apos;i fodloni'), 'the legend in Welsh, escaped');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('planlint.locale: cy restarts the server and its problems are in Welsh; en brings the English back', async () => {
    const a = await api();
    const cfg = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('planlint');
    const before = cfg().inspect<string>('locale')?.globalValue;
    const uri = wsUri('bad.plan.yaml');
    await open('bad.plan.yaml');
    // smart/overdue on a target date in the past says how long ago: "… passed 296 days ago …".
    const overdue = (): string | undefined => planlintDiagnostics(uri).find((d) => codeOf(d) === 'smart/overdue')?.message;
    try {
      await cfg().update('locale', 'en', vscode.ConfigurationTarget.Global);
      await waitFor('the server running', () => a.client()?.isRunning());
      const english = await waitFor('the English message', () => {
        const m = overdue();
        return m && /\b\d+ days ago\b/.test(m) ? m : undefined;
      });
      const client = a.client();
      await cfg().update('locale', 'cy', vscode.ConfigurationTarget.Global);
      const welsh = await waitFor('the message in Welsh', () => {
        const m = overdue();
        return m && m !== english ? m : undefined;
      });
      // The number of days in Welsh (common.days), whatever of the rest is translated yet.
      assert.match(welsh, /\b\d+ (diwrnod|ddiwrnod)\b/);
      assert.doesNotMatch(welsh, /\bdays\b/);
      assert.equal(a.client(), client, 'the same client, restarted');
      assert.equal(a.client()?.isRunning(), true);
      await cfg().update('locale', 'en', vscode.ConfigurationTarget.Global);
      await waitFor('the English message again', () => overdue() === english);
    } finally {
      await cfg().update('locale', before, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the server running again', () => a.client()?.isRunning());
  });
});
