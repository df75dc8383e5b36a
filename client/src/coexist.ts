// Living with Red Hat's YAML extension (redhat.vscode-yaml), which most VS Code users who touch
// YAML have. Decisions, in one place, with no `vscode` import so they are unit-tested:
// - `.planlintrc.yaml` / `.yml`: the YAML extension validates it against planlint's config schema
//   (the manifest's `yamlValidation`), so planlint shows its own config diagnostics only when
//   the YAML extension is not there. Otherwise every problem would show twice.
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

/** Whether planlint shows a diagnostic of this rule on this document. */
export function planlintShowsDiagnostic(doc: DocFacts, rule: string | undefined, yamlExtension: boolean): boolean {
  if (!yamlExtension) return true;
  if (doc.isConfig) return false;
  if (doc.languageId === 'yaml' && rule === 'schema/yaml-syntax') return false;
  return true;
}

/** Whether planlint gives the outline of this document. */
export function planlintServesOutline(doc: DocFacts, yamlExtension: boolean): boolean {
  return !(yamlExtension && doc.languageId === 'yaml');
}
