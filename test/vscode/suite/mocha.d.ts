// The mocha `tdd` globals the suite uses (mocha itself is installed in test/vscode-host, not in the main project).
declare function suite(name: string, fn: (this: { timeout(ms: number): void }) => void): void;
declare function test(name: string, fn: (this: { timeout(ms: number): void }) => unknown): void;
declare function suiteSetup(fn: () => unknown): void;
declare function suiteTeardown(fn: () => unknown): void;
