#!/usr/bin/env node
// UI-level check of the PACKAGED extension (recipe A2 of e2e-real-clients.md): builds the
// .vsix, installs it into a fresh VS Code server (from code-server), opens the fixture
// workspace in headless Chromium, reads the Problems panel, opens the timeline from the
// status bar item and saves a screenshot of it to docs/images/timeline.png, then makes a plan
// from a template (screenshots docs/images/template-*.png). Fails when the
// expected problems do not show, the timeline does not draw, or the extension host log has
// an error from planlint.
//
//   node test/vscode-host/ui.mjs [--no-build]
//
// VS Code's DOM (class names, ids) is internal and can change between versions: the
// code-server version is pinned in package.json.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, checkInstall, installPackaged, launchBrowser, logFiles, prepare, startServer } from './run.mjs';

const HOST = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HOST, '../..');
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 240_000);
const EXPECT = ['schema/shape', 'smart/overdue'];


async function main() {
  checkInstall();
  const t0 = Date.now();
  if (!process.argv.includes('--no-build')) await build();
  const { tmp, ws } = prepare({ 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false });
  let code = 1;
  let browser;
  let srv;
  try {
    // 1. Package and install the .vsix.
    installPackaged(tmp);
    console.log(`[vscode-ui] packaged and installed the .vsix after ${Date.now() - t0} ms`);

    // 2. Serve VS Code and open the workspace.
    const port = Number(process.env.UI_PORT || (process.env.PORT ? Number(process.env.PORT) + 1 : 8092));
    srv = await startServer(tmp, port);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(60_000);
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');

    // 3. Open the bad plan; read the Problems panel.
    await page.getByRole('treeitem', { name: 'bad.plan.yaml', exact: true }).dblclick();
    await page.waitForSelector('.tabs-container .tab[data-resource-name="bad.plan.yaml"]');
    await page.click('[id="status.problems"]');
    await page.waitForSelector('.markers-panel');
    await page.waitForFunction((w) => w.every((x) => (document.querySelector('.markers-panel')?.textContent || '').includes(x)), EXPECT);
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} [${e.textContent}]`));
    console.log('[vscode-ui] Problems panel:\n  ' + rows.join('\n  '));
    if (!rows.some((x) => /Error: .*not a valid gender.*schema\/shape/.test(x ?? ''))) throw new Error('the Problems panel lacks the schema/shape error');

    // 4. Open the good plan alone and its timeline, from the status bar item.
    await page.locator('.tabs-container .tab[data-resource-name="bad.plan.yaml"] .tab-actions .action-label').first().click({ force: true });
    await page.click('[id="status.problems"]'); // toggles the panel closed
    await page.setViewportSize({ width: 2000, height: 1000 });
    await page.getByRole('treeitem', { name: 'good.plan.yaml', exact: true }).dblclick();
    await page.waitForSelector('.tabs-container .tab.active[data-resource-name="good.plan.yaml"]');
    const item = page.locator('.statusbar-item[aria-label^="planlint:"]').first();
    await item.waitFor();
    await page.waitForFunction(() => /due|overdue/.test(document.querySelector('.statusbar-item[aria-label^="planlint:"]')?.getAttribute('aria-label') ?? ''));
    console.log(`[vscode-ui] status bar: ${await item.getAttribute('aria-label')}`);
    await item.click();
    const outer = page.frameLocator('iframe.webview.ready');
    const svg = outer.frameLocator('#active-frame').locator('svg.planlint-timeline');
    await svg.waitFor();
    const heading = await outer.frameLocator('#active-frame').locator('h1').textContent();
    if (!/good\.plan\.yaml, as of 2026-11-23/.test(heading ?? '')) throw new Error(`unexpected timeline heading: ${heading}`);
    await page.waitForTimeout(500);
    // The SVG follows the theme: its background is the editor background VS Code gives the webview.
    const colours = await outer.frameLocator('#active-frame').locator('rect.pl-bg').evaluate((el) => ({
      fill: getComputedStyle(el).fill,
      theme: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim(),
    }));
    console.log(`[vscode-ui] timeline background ${colours.fill}, theme editor background ${colours.theme}`);
    if (!colours.theme) throw new Error('the webview has no --vscode-editor-background');
    const hex = (rgb) => '#' + (rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
    if (hex(colours.fill) !== colours.theme.toLowerCase().slice(0, 7)) throw new Error('the timeline does not take the theme colours');
    const label = await svg.getAttribute('aria-labelledby');
    if (!label) throw new Error('the timeline SVG has no accessible label');
    const shot = join(ROOT, 'docs/images/timeline.png');
    mkdirSync(dirname(shot), { recursive: true });
    await page.locator('iframe.webview.ready').first().screenshot({ path: shot });
    await page.screenshot({ path: join(tmp, 'workbench.png') });
    console.log(`[vscode-ui] timeline screenshot: ${shot}`);

    // 5. New Plan from Template through the real UI: the quick pick by sentence type, the prison
    //    number prompt, a tab named after it, no squiggle while the snippet is active, and the
    //    placeholder errors once Escape (planlint.leaveSnippet's key binding) leaves it.
    await page.keyboard.press('F1');
    const quick = page.locator('.quick-input-widget');
    await quick.waitFor({ state: 'visible' });
    await page.keyboard.type('planlint: New Plan from Template');
    await page.waitForFunction(() => /New Plan from Template/.test(document.querySelector('.quick-input-widget .monaco-list-row')?.textContent ?? ''));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Determinate sentence/.test(document.querySelector('.quick-input-widget .monaco-list-row')?.textContent ?? ''));
    await page.waitForTimeout(300);
    const pickShot = join(ROOT, 'docs/images/template-pick.png');
    await quick.screenshot({ path: pickShot });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /prison number/.test(document.querySelector('.quick-input-widget')?.textContent ?? ''));
    await page.keyboard.type('A1234BC');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.tabs-container .tab.active[data-resource-name="A1234BC.plan.yaml"]');
    await page.waitForTimeout(2000); // the server has checked the new plan by now; the hold keeps its placeholder errors back
    const held = await page.locator('.editor-group-container.active .squiggly-error').count();
    const newShot = join(ROOT, 'docs/images/template-new-plan.png');
    await page.locator('.editor-group-container.active').screenshot({ path: newShot });
    console.log(`[vscode-ui] template screenshots: ${pickShot}, ${newShot}; error squiggles while in the snippet: ${held}`);
    if (held !== 0) throw new Error(`${held} error squiggles while the template's snippet is active`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.editor-group-container.active .squiggly-error', { timeout: 20_000 });
    console.log(`[vscode-ui] after Escape: ${await page.locator('.editor-group-container.active .squiggly-error').count()} error squiggles (the placeholders still to fill in)`);

    // 6. No errors from planlint in the logs.
    const logs = logFiles(join(tmp, 'server')).concat(logFiles(join(tmp, 'user')));
    const bad = [];
    for (const f of logs) {
      for (const line of readFileSync(f, 'utf8').split('\n'))
        if (/\[error\]/i.test(line) && /planlint/i.test(line)) bad.push(`${f.slice(tmp.length)}: ${line}`);
    }
    const activation = logs.map((f) => /_doActivateExtension planlint\.planlint\b[^\n]*/.exec(readFileSync(f, 'utf8'))?.[0]).find(Boolean);
    console.log(`[vscode-ui] ${logs.length} log files; ${activation ?? 'no activation logged'}; planlint errors: ${bad.length}`);
    if (!activation) throw new Error('the extension host log does not show planlint activating');
    if (bad.length) throw new Error('errors in the logs:\n' + bad.join('\n'));
    code = 0;
  } catch (e) {
    console.error('[vscode-ui]', e);
    if (process.env.KEEP_TMP) console.error(`[vscode-ui] kept ${tmp}`);
  } finally {
    await browser?.close().catch(() => {});
    srv?.kill();
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`[vscode-ui] ${code === 0 ? 'passed' : 'FAILED'} after ${Date.now() - t0} ms`);
  process.exit(code);
}

setTimeout(() => {
  console.error('[vscode-ui] hard timeout');
  process.exit(1);
}, TIMEOUT).unref();
main();
