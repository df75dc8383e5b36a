// Entry point VS Code calls (extensionTestsPath): runs every bundled *.test.js next to it with
// mocha (tdd UI). Mocha comes from the host sub-package (test/vscode-host/node_modules) or
// from MOCHA_PATH; @vscode/test-electron can use the same file where VS Code can be downloaded.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface MochaLike {
  addFile(f: string): void;
  run(cb: (failures: number) => void): void;
}
type MochaCtor = new (o: { ui: string; color: boolean; timeout: number; reporter?: string }) => MochaLike;

export function run(): Promise<void> {
  const mochaPath = process.env.MOCHA_PATH ?? resolve(__dirname, '../../../test/vscode-host/node_modules/mocha');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(mochaPath) as MochaCtor;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((x) => x.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((res, rej) => mocha.run((failures) => (failures ? rej(new Error(`${failures} test(s) failed.`)) : res())));
}
