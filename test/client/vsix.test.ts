// What the .vsix ships (`npm run package`, client/package-vsix.mjs): the client, its LSP
// library and the language server, no command-line tool (Lint Workspace runs in the server),
// no source maps, sources, tests or node_modules; the schemas, templates, grammar and offline
// rule pages. The list is read from the package's own zip directory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** The entry names of a zip file, from its central directory. */
function zipEntries(zip: Buffer): string[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names.sort();
}

let dir: string;
let entries: string[];
let size: number;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/server.js')) || !existsSync(join(ROOT, 'dist/languageclient.js'))) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
  }
  dir = mkdtempSync(join(tmpdir(), 'planlint-vsix-'));
  const out = join(dir, 'planlint.vsix');
  const r = spawnSync(process.execPath, ['client/package-vsix.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  entries = zipEntries(readFileSync(out));
  size = statSync(out).size;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .vsix', () => {
  it('ships the client, its LSP library and the server, their web builds, and no CLI', () => {
    const bundles = entries.filter((e) => e.startsWith('extension/dist/'));
    expect(bundles).toEqual(['extension/dist/client.js', 'extension/dist/languageclient.js', 'extension/dist/server.js', 'extension/dist/web/extension.js', 'extension/dist/web/server.js']);
  });

  it('holds exactly the run-time files, nothing else', () => {
    const allowed = [
      /^extension\.vsixmanifest$/,
      /^\[Content_Types\]\.xml$/,
      /^extension\/(package\.json|icon\.png|readme\.md|changelog\.md|LICENSE\.txt)$/,
      /^extension\/dist\/(client|languageclient|server)\.js$/,
      /^extension\/dist\/web\/(extension|server)\.js$/,
      /^extension\/schemas\/(sentence-plan|config|policy-pack)\.schema\.json$/,
      /^extension\/samples\/templates\/[a-z-]+\.template\.plan\.yaml$/,
      /^extension\/client\/language-configuration\.json$/,
      /^extension\/client\/syntaxes\/sentence-plan\.tmLanguage\.json$/,
      /^extension\/docs\/images\/timeline\.png$/,
      /^extension\/docs\/rules\/[a-z]+\.md$/,
      /^extension\/package\.nls(\.[a-z]{2,3})?\.json$/,
      /^extension\/l10n\/bundle\.l10n(\.[a-z]{2,3})?\.json$/,
    ];
    expect(entries.filter((e) => !allowed.some((re) => re.test(e)))).toEqual([]);
    expect(entries.some((e) => /\.map$|node_modules|\/src\/|\/test\//.test(e))).toBe(false);
    // One page per rule family, and every shipped template.
    expect(entries.filter((e) => e.startsWith('extension/docs/rules/')).length).toBeGreaterThanOrEqual(9);
    expect(entries.filter((e) => e.startsWith('extension/samples/templates/')).length).toBeGreaterThanOrEqual(9);
  });

  it('ships the English and Welsh strings: the manifest (package.nls) and the client (l10n bundles)', () => {
    for (const f of ['package.nls.json', 'package.nls.cy.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.cy.json']) expect(entries).toContain(`extension/${f}`);
  });

  // Two language servers (Node and web worker), each with the SMART language model (~1 MB packed).
  it("is under 3.5 MB packed (today ~3 MB: the two language servers' SMART language models are ~2 MB of it)", () => {
    expect(size).toBeLessThan(3.5 * 1024 * 1024);
  });
});
