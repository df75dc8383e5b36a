// How the VS Code client is bundled (esbuild.mjs builds it; test/client/bundle.test.ts builds
// it again with a metafile and checks what went in). Two files:
//   dist/client.js          the extension's own code: commands, status bar, timeline page,
//                           templates. No engine, rules, policy or CLI: everything planlint
//                           knows comes from the server (server/src/lsp/protocol.ts).
//   dist/languageclient.js  Microsoft's vscode-languageclient (with its protocol and JSON-RPC
//                           libraries), bundled on its own and fully minified: third-party
//                           code that changes only with the dependency, kept out of client.js
//                           so that client.js's size is planlint's code alone.
// client.js loads the library as `./languageclient.js` at run time.
//
// The web build (VS Code for the Web, the web worker extension host) is one file,
// dist/web/extension.js: that host loads an extension's main module only (no require of a file
// beside it), so the browser LSP client library is bundled in. It is built from the same
// sources, with client/src/web/languageClient.ts (the server in a web worker) in place of
// client/src/languageClient.ts (the server over Node IPC).

/** The limit test/client/bundle.test.ts holds dist/client.js to. */
export const CLIENT_MAX_BYTES = 200 * 1024;
/** The limit for the bundled language-client library (its size today is about 440 KB). */
export const LANGUAGECLIENT_MAX_BYTES = 600 * 1024;

/** vscode-languageclient (any entry) -> the separate bundle beside client.js. */
export const languageClientExternal = {
  name: 'planlint-languageclient-external',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageclient(\/node)?$/ }, () => ({ path: './languageclient.js', external: true }));
  },
};

/** Options for dist/client.js (merged over esbuild.mjs's common ones). */
export const clientBuild = {
  entryPoints: ['client/src/extension.ts'],
  outfile: 'dist/client.js',
  external: ['vscode'],
  plugins: [languageClientExternal],
};

/** Options for dist/languageclient.js. */
export const languageClientBuild = {
  entryPoints: ['vscode-languageclient/node'],
  outfile: 'dist/languageclient.js',
  external: ['vscode'],
  minify: true,
  keepNames: false,
};

/** The limit for dist/web/extension.js: the client's own code (as dist/client.js) and the browser LSP client library. */
export const WEB_CLIENT_MAX_BYTES = 800 * 1024;

/** The web build: ./languageClient.js -> ./web/languageClient.ts, vscode-languageclient/node -> /browser. */
export const webSubstitutes = {
  name: 'planlint-web-substitutes',
  setup(build) {
    build.onResolve({ filter: /^\.\/languageClient\.js$/ }, (args) =>
      /client[\\/]src$/.test(args.resolveDir) ? { path: new URL('./src/web/languageClient.ts', import.meta.url).pathname } : undefined,
    );
    build.onResolve({ filter: /^vscode-languageclient\/node$/ }, (args) => build.resolve('vscode-languageclient/browser', { kind: args.kind, resolveDir: args.resolveDir }));
  },
};

/** Options for dist/web/extension.js (merged over esbuild.mjs's common ones). */
export const webClientBuild = {
  entryPoints: ['client/src/extension.ts'],
  outfile: 'dist/web/extension.js',
  platform: 'browser',
  target: 'es2022',
  format: 'cjs',
  external: ['vscode'],
  plugins: [webSubstitutes],
};

/** dist/web/server.js: the language server in a web worker. `node:path` is the config reader's only Node import: a POSIX shim stands in. */
export const webServerBuild = {
  entryPoints: ['server/src/lsp/browserMain.ts'],
  outfile: 'dist/web/server.js',
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  alias: { 'node:path': './server/src/lsp/web/posixPath.ts' },
};
