#!/usr/bin/env node
// UI-level check of the PACKAGED extension in the web worker extension host (issue 19): the
// .vsix installed into a fresh VS Code server, the user setting remote.extensionKind web for
// planlint (so VS Code runs its browser entry, dist/web/extension.js, in the browser, and the
// language server in a web worker), the fixture workspace opened in headless Chromium. Reads
// the Problems panel (the server's findings), opens the sentence timeline from the status bar
// and saves a screenshot of the workbench to docs/images/web.png. Fails when the problems or the
// timeline do not show, or when planlint activated in the Node extension host instead (its log
// is on the server's disk; the web worker host's is in the browser).
//
//   node test/vscode-host/ui-web.mjs [--no-build]

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, checkInstall, installPackaged, launchBrowser, logFiles, prepare, startServer, webSettings } from './run.mjs';

const HOST = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HOST, '../..');
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 240_000);
const EXPECT = ['schema/shape', 'smart/overdue'];


async function main() {
  checkInstall();
  const t0 = Date.now();
  if (!process.argv.includes('--no-build')) await build();
  const { tmp, ws } = prepare({ 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false, ...webSettings() });
  let code = 1;
  let browser;
  let srv;
  try {
    installPackaged(tmp);
    console.log(`[vscode-ui-web] packaged and installed the .vsix after ${Date.now() - t0} ms`);

    const port = Number(process.env.UI_WEB_PORT || (process.env.PORT ? Number(process.env.PORT) + 2 : 8093));
    srv = await startServer(tmp, port);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(60_000);
    const workerErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /planlint/i.test(m.text())) workerErrors.push(m.text().slice(0, 300));
    });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.explorer-folders-view .monaco-list-row');

    // The bad plan and the Problems panel: the findings come from the server in the web worker.
    await page.getByRole('treeitem', { name: 'bad.plan.yaml', exact: true }).dblclick();
    await page.waitForSelector('.tabs-container .tab[data-resource-name="bad.plan.yaml"]');
    await page.click('[id="status.problems"]');
    await page.waitForSelector('.markers-panel');
    await page.waitForFunction((w) => w.every((x) => (document.querySelector('.markers-panel')?.textContent || '').includes(x)), EXPECT);
    await page.waitForTimeout(500);
    const rows = await page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} [${e.textContent}]`));
    console.log(`[vscode-ui-web] Problems panel: ${rows.length} rows, e.g.\n  ${rows.slice(0, 4).join('\n  ')}`);
    if (!rows.some((x) => /not a valid gender.*schema\/shape/.test(x))) throw new Error('the Problems panel lacks the schema/shape error');

    // The timeline, from the status bar item, beside the plan and its problems.
    const item = page.locator('.statusbar-item[aria-label^="planlint:"]').first();
    await item.waitFor();
    await page.waitForFunction(() => /due|overdue/.test(document.querySelector('.statusbar-item[aria-label^="planlint:"]')?.getAttribute('aria-label') ?? ''));
    console.log(`[vscode-ui-web] status bar: ${await item.getAttribute('aria-label')}`);
    await item.click();
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('svg.planlint-timeline').waitFor();
    const heading = await frame.locator('h1').textContent();
    if (!/bad\.plan\.yaml, as of 2026-11-23/.test(heading ?? '')) throw new Error(`unexpected timeline heading: ${heading}`);
    await page.waitForTimeout(800);
    const shot = join(ROOT, 'docs/images/web.png');
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    console.log(`[vscode-ui-web] screenshot: ${shot}`);

    // Where it ran: never in the Node extension host (whose log is on this disk).
    // The language server is a worker of this page, named by the client (client/src/web/languageClient.ts).
    const names = await Promise.all(page.workers().map((w) => w.evaluate(() => self.name).catch(() => '')));
    console.log(`[vscode-ui-web] web workers: ${names.map((n) => n || '(unnamed)').join(', ')}`);
    if (!names.some((n) => /(^|-> )planlint language server$/.test(n))) throw new Error('no planlint language server among the web workers');
    const nodeLogs = logFiles(tmp).filter((f) => /remoteexthost\.log$/.test(f));
    if (!nodeLogs.length) throw new Error('no Node extension host log to check');
    const inNode = nodeLogs.some((f) => /_doActivateExtension planlint\.planlint\b/.test(readFileSync(f, 'utf8')));
    console.log(`[vscode-ui-web] Node extension host log: planlint activated there: ${inNode}; planlint errors in the browser console: ${workerErrors.length}`);
    if (inNode) throw new Error('planlint activated in the Node extension host, not the web worker');
    if (workerErrors.length) throw new Error('errors in the browser console:\n' + workerErrors.join('\n'));
    code = 0;
  } catch (e) {
    console.error('[vscode-ui-web]', e);
    if (process.env.KEEP_TMP) console.error(`[vscode-ui-web] kept ${tmp}`);
  } finally {
    await browser?.close().catch(() => {});
    srv?.kill();
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`[vscode-ui-web] ${code === 0 ? 'passed' : 'FAILED'} after ${Date.now() - t0} ms`);
  process.exit(code);
}

setTimeout(() => {
  console.error('[vscode-ui-web] hard timeout');
  process.exit(1);
}, TIMEOUT).unref();
main();
