// planlint's server and Red Hat's yaml-language-server (the server inside the YAML extension for
// VS Code), side by side over the protocol, configured as the VS Code extension configures them:
// yaml-language-server gets planlint's schema associations (the manifest's `yamlValidation`), and
// planlint's diagnostics pass through the extension's own coexistence rules (client/src/coexist.ts).
// Checks that every problem shows exactly once, and that planlint's schemas work there.
// Usage: npm run build (at the root) && (cd test/yaml-ls && npm ci) && node test/yaml-ls/run.mjs
// Prints "yaml-ls: N passed, N failed"; exit 0 when all pass.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const esbuild = createRequire(join(ROOT, 'package.json'))('esbuild');

// The extension's real decision module, compiled on the fly (it imports nothing).
const coexistJs = esbuild.buildSync({ entryPoints: [join(ROOT, 'client/src/coexist.ts')], bundle: true, format: 'esm', write: false }).outputFiles[0].text;
const { planlintShowsDiagnostic } = await import(`data:text/javascript;base64,${Buffer.from(coexistJs).toString('base64')}`);

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// yaml.schemas as the YAML extension builds it from contributes.yamlValidation: schema URL -> globs.
const schemas = {};
for (const v of manifest.contributes.yamlValidation) schemas[pathToFileURL(resolve(ROOT, v.url)).href] = v.fileMatch.map((f) => (f.includes('/') ? f : `**/${f}`));
const YAML_SETTINGS = { yaml: { validate: true, hover: true, completion: true, schemas, schemaStore: { enable: false }, format: { enable: false } } };

function start(name, cmd, args, initOptions, answer) {
  const proc = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const published = new Map();
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p.diagnostics);
    for (const w of waiters.splice(0)) w();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map((i) => answer(i.section)));
  for (const m of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create']) conn.onRequest(m, () => null);
  conn.onNotification(() => undefined);
  conn.listen();
  return {
    name,
    conn,
    published,
    stderr: () => stderr,
    async init(rootUri) {
      await conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'ws' }],
        initializationOptions: initOptions,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
          textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
        },
      });
      conn.sendNotification('initialized', {});
      conn.sendNotification('workspace/didChangeConfiguration', { settings: YAML_SETTINGS });
    },
    open(uri, languageId, text) {
      published.delete(uri);
      conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    async diagnostics(uri, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (!published.has(uri)) {
        if (Date.now() > deadline) throw new Error(`${name}: no diagnostics for ${uri}\n${stderr.slice(-2000)}`);
        await new Promise((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
      // Let a second publish (after a schema load) settle.
      await new Promise((r) => setTimeout(r, 700));
      return published.get(uri);
    },
    async stop() {
      try {
        await conn.sendRequest('shutdown');
        conn.sendNotification('exit');
      } catch {
        /* gone */
      }
      setTimeout(() => proc.kill(), 500);
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'planlint-yaml-ls-'));
const rootUri = pathToFileURL(dir).href;
const yamlLs = start('yaml-language-server', process.execPath, [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'], {}, (section) =>
  section === 'yaml' ? YAML_SETTINGS.yaml : section && section.startsWith('yaml.') ? YAML_SETTINGS.yaml[section.slice(5)] ?? null : null,
);
const planlint = start('planlint', process.execPath, [join(ROOT, 'dist/server.js'), '--stdio'], { planlint: { asOf: '2026-11-23' } }, (section) => (section === 'planlint' ? { asOf: '2026-11-23' } : null));

let passed = 0;
let failed = 0;
const check = (what, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`- ${what}: ${ok ? 'passed' : `FAILED ${detail}`}`);
};
const lineOf = (d) => d.range.start.line + 1;
const shownByPlanlint = (facts, ds) => ds.filter((d) => planlintShowsDiagnostic(facts, d.code === undefined ? undefined : String(d.code), true, d.data?.kind));

try {
  await Promise.all([yamlLs.init(rootUri), planlint.init(rootUri)]);

  // 1. A config file: a severity typo (the schema knows) and an unknown rule id and a policy value
  //    out of range (only planlint knows). Together they show each problem once.
  const cfgText = 'rules:\n  smart/specific: loud\n  plan/intepreter: "off"\npolicy:\n  rmp:\n    reviewed_with_plan_gap_days: -4\n';
  writeFileSync(join(dir, '.planlintrc.yaml'), cfgText);
  const cfgUri = pathToFileURL(join(dir, '.planlintrc.yaml')).href;
  yamlLs.open(cfgUri, 'yaml', cfgText);
  planlint.open(cfgUri, 'yaml', cfgText);
  const [yc, pc] = await Promise.all([yamlLs.diagnostics(cfgUri), planlint.diagnostics(cfgUri)]);
  const pcShown = shownByPlanlint({ languageId: 'yaml', isConfig: true }, pc);
  const lines = [...yc, ...pcShown].map(lineOf).sort();
  check('config: yaml-language-server reports the severity typo from planlint\'s config schema', yc.some((d) => lineOf(d) === 2), JSON.stringify(yc.map((d) => [lineOf(d), d.message])));
  check('config: planlint keeps the unknown rule id and the policy value, which no schema describes', pcShown.some((d) => lineOf(d) === 3) && pcShown.some((d) => lineOf(d) === 6), JSON.stringify(pc.map((d) => [lineOf(d), d.data, d.message])));
  check('config: every problem shows once', JSON.stringify(lines) === JSON.stringify([2, 3, 6]), JSON.stringify(lines));

  // 2. A plan opened as `yaml` (a language switch): a syntax error and a policy problem. The YAML
  //    extension has no schema for plans, so it shows the syntax error only; planlint the rest.
  const planText = readFileSync(join(ROOT, 'samples/good/determinate.plan.yaml'), 'utf8').replace('  gender: male', '  gender: Male').replace(/^outcomes:$/m, 'outcomes: [');
  const planUri = pathToFileURL(join(dir, 'switched.plan.yaml')).href;
  yamlLs.open(planUri, 'yaml', planText);
  planlint.open(planUri, 'yaml', planText);
  const [yp, pp] = await Promise.all([yamlLs.diagnostics(planUri), planlint.diagnostics(planUri)]);
  const ppShown = shownByPlanlint({ languageId: 'yaml', isConfig: false }, pp);
  const syntaxLines = pp.filter((d) => d.code === 'schema/yaml-syntax').map(lineOf);
  check('plan as yaml: yaml-language-server reports the syntax error where planlint finds it', syntaxLines.length > 0 && syntaxLines.every((l) => yp.some((d) => lineOf(d) === l)), JSON.stringify({ yaml: yp.map(lineOf), planlint: syntaxLines }));
  check('plan as yaml: planlint shows no syntax error of its own, and keeps the policy checks', !ppShown.some((d) => d.code === 'schema/yaml-syntax') && ppShown.length > 0, JSON.stringify(ppShown.map((d) => d.code)));
  check('plan as yaml: yaml-language-server reports nothing from a plan schema (none is associated)', yp.every((d) => !/gender|Male/.test(d.message)), JSON.stringify(yp.map((d) => d.message)));

  // 3. A policy pack named planlint-policy.yaml: the pack schema, whose $refs point into the config
  //    schema by relative URL, works in yaml-language-server (offline, from the extension's files).
  const packText = 'name: Region\nversion: 1.0.0\neffective_from: 2025-04-01\nrules:\n  plan/interpreter: loud\nextra_key: 1\n';
  const packUri = pathToFileURL(join(dir, 'planlint-policy.yaml')).href;
  yamlLs.open(packUri, 'yaml', packText);
  const yk = await yamlLs.diagnostics(packUri);
  const klines = [...new Set(yk.map(lineOf))].sort();
  check('pack: yaml-language-server validates a pack (a bad name, a severity through the $ref, an unknown key)', [1, 5, 6].every((l) => klines.includes(l)), JSON.stringify(yk.map((d) => [lineOf(d), d.message])));
} catch (e) {
  failed++;
  console.log(`- FAILED: ${e.message}`);
} finally {
  await Promise.all([yamlLs.stop(), planlint.stop()]);
  rmSync(dir, { recursive: true, force: true });
}
console.log(`yaml-ls: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
