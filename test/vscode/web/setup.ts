// mocha's browser build, set up before the test files load (index.ts imports this first).
// @ts-expect-error: mocha's browser bundle has no types of its own here
import mochaBrowser from 'mocha/mocha.js';

interface BrowserMocha {
  setup(o: { ui: string; reporter?: string; timeout?: number; color?: boolean }): void;
  run(cb: (failures: number) => void): void;
}

export const mocha = mochaBrowser as BrowserMocha;
mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 30_000, color: false });
