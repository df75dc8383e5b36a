// `npm run package`: the VS Code extension (.vsix) from the same repository as the npm
// package. The repository's package.json is both the npm package's manifest (its `files`
// whitelist says what `npm pack` ships) and the extension's; vsce refuses a `files` list
// beside a .vscodeignore, so the .vsix is built from a staged copy holding exactly what the
// extension needs at run time, with a manifest that keeps the extension's fields only.
//   node client/package-vsix.mjs [--out FILE.vsix]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAGE = join(ROOT, '.build/vsix');

/**
 * The bundles the extension runs: the client, its LSP library and the language server (no CLI:
 * Lint Workspace runs in the server), and for VS Code for the Web the web build of the client
 * and the server for a web worker.
 */
export const VSIX_BUNDLES = ['dist/client.js', 'dist/languageclient.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js'];

/** What the extension needs at run time (the bundles, schemas, templates, grammar, offline rule pages, its English and Welsh strings). */
export const VSIX_FILES = [
  'README.md', 'CHANGELOG.md', 'LICENSE', 'icon.png',
  ...VSIX_BUNDLES,
  'schemas/*.schema.json',
  'samples/templates/*.plan.yaml', 'samples/templates/*.plan.yml',
  'client/language-configuration.json', 'client/syntaxes/*.json',
  'docs/images/timeline.png', 'docs/rules/*.md',
  // The manifest's strings (package.nls.<language>.json) and the client's (l10n/bundle.l10n.<language>.json).
  'package.nls.json', 'package.nls.*.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.*.json',
];

/** Manifest fields that belong to the npm package or to development, not to the extension. */
const NPM_ONLY = ['files', 'bin', 'scripts', 'devDependencies', 'dependencies', 'overrides', 'exports', 'publishConfig'];

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = resolve(outAt >= 0 ? args[outAt + 1] : join(ROOT, `planlint-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}.vsix`));

rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
for (const k of NPM_ONLY) delete manifest[k];

const files = globSync(VSIX_FILES, { cwd: ROOT, dot: false }).sort();
manifest.files = files;
writeFileSync(join(STAGE, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const f of VSIX_BUNDLES) {
  if (!files.includes(f)) {
    console.error(`package-vsix: ${f} is missing: run npm run build first`);
    process.exit(1);
  }
}
for (const f of files) {
  mkdirSync(dirname(join(STAGE, f)), { recursive: true });
  copyFileSync(join(ROOT, f), join(STAGE, f));
}
const vsce = join(ROOT, 'node_modules/.bin/vsce');
const r = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: STAGE, encoding: 'utf8' });
process.stdout.write(r.stdout ?? '');
process.stderr.write(r.stderr ?? '');
if (r.status !== 0) process.exit(r.status ?? 1);
rmSync(STAGE, { recursive: true, force: true });
console.log(`package-vsix: ${out} (${(statSync(out).size / 1024).toFixed(0)} KiB, ${files.length} files)`);
