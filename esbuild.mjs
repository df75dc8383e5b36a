// Bundles the three fronts into dist/: the CLI, the language server and the VS Code client.
// Policy data and schemas are JSON imported by the engine, so they are inlined in each bundle.
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  minifySyntax: true,
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/docs/generate.ts'], outfile: 'dist/tools/gen-docs.js' }),
  // The engine as a library, for the benchmarks and for scripts.
  build({ ...common, entryPoints: ['server/src/engine/index.ts'], outfile: 'dist/engine.js' }),
]);
chmodSync('dist/cli.js', 0o755);
if (watch) console.log('watch mode is not supported; re-run npm run build');
