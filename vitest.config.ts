import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/vscode/**', 'test/vscode-host/**', 'test/e2e/**', 'node_modules/**'],
    // The plain closing line ("vitest: N passed, N failed") is printed by the summary reporter.
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
