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
