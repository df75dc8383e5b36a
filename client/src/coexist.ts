// Living with Red Hat's YAML extension (redhat.vscode-yaml), which most VS Code users who touch
// YAML have. Decisions, in one place, with no `vscode` import so they are unit-tested:
// - `.planlintrc.yaml` / `.yml`: the YAML extension validates it against planlint's config schema
//   (the manifest's `yamlValidation`), so with it installed planlint leaves the problems that
//   schema and YAML syntax find to it, and shows only those nobody else can find: unknown rule
//   ids, policy values (the config schema does not describe them), local checks' meaning,
//   policy packs. Each problem shows once (test/yaml-ls/run.mjs checks it against the real
//   yaml-language-server).
// - A plan opened as `yaml` (a language switch, `files.associations`, or a plan whose first line
//   is not `sentence_plan:`): both extensions serve it. The YAML extension has no schema for
//   plans (the manifest no longer associates one), so it reports YAML syntax only and gives
//   the outline; planlint leaves those two to it and serves everything else (the policy
//   checks, hover, completion, fixes, lens, inlay hints).
// - A plan in the `sentence-plan` language: the YAML extension ignores it; planlint serves all.

export const YAML_EXTENSION_ID = 'redhat.vscode-yaml';

export interface DocFacts {
  languageId: string;
  /** The file is a planlint config file (.planlintrc.yaml / .yml). */
  isConfig: boolean;
}

/**
 * Whether planlint shows a diagnostic of this rule on this document. `configKind` is what found a
 * config problem (the server's `data.kind`: `syntax`, `schema` or `planlint`).
 */
export function planlintShowsDiagnostic(doc: DocFacts, rule: string | undefined, yamlExtension: boolean, configKind?: string): boolean {
  if (!yamlExtension) return true;
  if (doc.isConfig) return configKind === 'planlint';
  if (doc.languageId === 'yaml' && rule === 'schema/yaml-syntax') return false;
  return true;
}

/** Whether planlint gives the outline of this document. */
export function planlintServesOutline(doc: DocFacts, yamlExtension: boolean): boolean {
  return !(yamlExtension && doc.languageId === 'yaml');
}
