// Which files are sentence plans: the one test, shared by the command line's file discovery
// (cli/files.ts), the language server (lsp/documents.ts) and, through the server, the VS Code
// client. Pure: a path (or URI) and text in, a yes or no out; no file system.
//
// A file is a plan when
//   - the editor says so (language `sentence-plan`), or
//   - its name ends with a plan suffix (`.plan.yaml`, `.plan.yml`, any case), or
//   - it is YAML (`.yaml` / `.yml`, or an editor's `yaml` document of any name) and its
//     top-level mapping has the key `sentence_plan`, as YAML reads it: plain or quoted, after
//     comments, a byte-order mark, a directive or `---`, on any line, in a block or a flow
//     mapping; not a key of a nested mapping, not text inside a block scalar or a string.
// A configuration file (`.planlintrc.yaml` / `.yml`) is never a plan, whatever it holds. Only
// the first DETECT_HEAD_CHARS characters are looked at, so a front that reads files (the CLI)
// reads a bounded head and every front answers the same.

import { CST, Parser } from 'yaml';

/** The names of planlint's configuration file (the one list: the config reader, the server's file watcher and the client all take it from here). */
export const CONFIG_NAMES = ['.planlintrc.yaml', '.planlintrc.yml'] as const;

/** The key that marks a plan. */
export const PLAN_KEY = 'sentence_plan';
/** File-name endings that make a file a plan whatever it holds (compared without case). */
export const PLAN_SUFFIXES = ['.plan.yaml', '.plan.yml'] as const;
/** File-name endings of YAML files, which are plans when their top level has the key. */
export const YAML_SUFFIXES = ['.yaml', '.yml'] as const;
/** The editor language of plans, and the languages whose documents may be plans. */
export const PLAN_LANGUAGE_ID = 'sentence-plan';
export const PLAN_LANGUAGE_IDS = [PLAN_LANGUAGE_ID, 'yaml'] as const;
/** How much of a file detection reads (UTF-16 code units). */
export const DETECT_HEAD_CHARS = 16_384;
/**
 * The manifest's `firstLine` for the `sentence-plan` language (package.json): a first line
 * that is the plan key. Every text it matches is a plan by isPlan (a test checks both).
 */
export const PLAN_FIRST_LINE = `^\\uFEFF?(?:${PLAN_KEY}|"${PLAN_KEY}"|'${PLAN_KEY}')[ \\t]*:(?:[ \\t]|$)`;

/** A URI (`file:///…`, `untitled:…`), not a file path (`/w/a #1.yaml`, `C:\\w\\a.yaml`). */
const isUri = (s: string): boolean => /^[A-Za-z][\w+.-]+:/.test(s) && !/^[A-Za-z]:[\\/]/.test(s);

/** The last segment of a path, or of a URI's path (without query or fragment, decoded). */
export function baseName(pathOrUri: string): string {
  const uri = isUri(pathOrUri);
  const p = uri ? pathOrUri.replace(/[?#].*$/, '') : pathOrUri;
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  let name = p.slice(i + 1);
  if (uri && /%[0-9A-Fa-f]{2}/.test(name)) {
    try {
      name = decodeURIComponent(name);
    } catch {
      /* keep it as it is */
    }
  }
  return name;
}

const endsWithAny = (name: string, suffixes: readonly string[]): boolean => {
  const lower = name.toLowerCase();
  return suffixes.some((s) => lower.endsWith(s));
};

/** A planlint configuration file, by name. */
export const isConfigName = (pathOrUri: string): boolean => (CONFIG_NAMES as readonly string[]).includes(baseName(pathOrUri));

/** A name that makes a file a plan on its own. */
export const hasPlanSuffix = (pathOrUri: string): boolean => endsWithAny(baseName(pathOrUri), PLAN_SUFFIXES);

/** A YAML file name (a candidate whose content decides). */
export const hasYamlSuffix = (pathOrUri: string): boolean => endsWithAny(baseName(pathOrUri), YAML_SUFFIXES);

/** The key text of a CST map item, when it is a scalar. */
function keyText(key: CST.Token | null | undefined): string | undefined {
  if (!key) return undefined;
  if (key.type === 'scalar' || key.type === 'single-quoted-scalar' || key.type === 'double-quoted-scalar') {
    return CST.resolveAsScalar(key)?.value;
  }
  return undefined;
}

/** Whether the first document of the text has `sentence_plan` as a key of its top-level mapping. */
export function hasTopLevelPlanKey(text: string): boolean {
  const head = text.length > DETECT_HEAD_CHARS ? text.slice(0, DETECT_HEAD_CHARS) : text;
  // Most YAML files are not plans: the key's name must be there at all.
  if (!head.includes(PLAN_KEY)) return false;
  for (const token of new Parser().parse(head.replace(/^\uFEFF/, ''))) {
    if (token.type !== 'document') continue;
    const value = token.value;
    if (!value) return false;
    if (value.type === 'block-map' || value.type === 'flow-collection') {
      if (value.type === 'flow-collection' && value.start.source !== '{') return false;
      return value.items.some((item) => keyText(item.key) === PLAN_KEY);
    }
    return false;
  }
  return false;
}

/**
 * Whether a file is a sentence plan. `path` is a file path or a URI; `languageId` is the
 * editor's language for the document, when there is an editor.
 */
export function isPlan(path: string, text: string, languageId?: string): boolean {
  if (isConfigName(path)) return false;
  if (languageId !== undefined) {
    if (languageId === PLAN_LANGUAGE_ID) return true;
    if (!(PLAN_LANGUAGE_IDS as readonly string[]).includes(languageId)) return false;
  } else if (!hasYamlSuffix(path)) return false;
  if (hasPlanSuffix(path)) return true;
  return hasTopLevelPlanKey(text);
}
