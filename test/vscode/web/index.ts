// Entry point of the suite's web build (extensionTestsPath when the extension runs in the web
// worker extension host): the same test files as the Node run, with mocha's browser build (the
// web worker host loads one module and nothing beside it, so mocha and every test file are
// bundled into this one: test/vscode-host/run.mjs --web). `setup.ts` comes first: the test
// files call `suite`/`test` as they load.
import { mocha } from './setup.js';
import '../suite/1-language.test.js';
import '../suite/2-commands.test.js';
import '../suite/3-detection.test.js';
import '../suite/4-host.test.js';

export function run(): Promise<void> {
  return new Promise((res, rej) => {
    try {
      mocha.run((failures) => (failures ? rej(new Error(`${failures} test(s) failed.`)) : res()));
    } catch (e) {
      rej(e as Error);
    }
  });
}
