// planlint's own requests on top of LSP: what crosses between the language server and the
// VS Code client besides the standard protocol. Types and names only (no imports), so the
// client can use this file without bundling anything of the server.
//
// - `planlint/timeline` (client -> server): the sentence timeline of an open document, drawn by
//   the engine (engine/timeline.ts) with the document's resolved configuration and as-of
//   date, plus what the status bar and the code lens need (the next obligation). `null` when
//   the document is not a plan (the server's plan test: the one the client relies on).
// - `planlint/lintWorkspace` (client -> server): lint every plan file of the workspace folders
//   that is not open in the editor, with `$/progress` (work done progress) and cancellation;
//   the answer carries protocol diagnostics (with their rule-page links) per file.
// - `planlint/isPlan` (client -> server): whether a file's text makes it a plan (the one plan
//   test, for files the client reads itself: workspace templates).
// - The initialize result's `capabilities.experimental.planlint`: the project's file names
//   (config file names, plan suffixes), so the client has no list of its own, and where the
//   server runs (`host`: `node`, or `browser` for the server in a web worker).
// - `planlint/readFiles` and `planlint/findFiles` (server -> client, the browser server only,
//   which has no file system of its own): the client answers with `workspace.fs.stat`/`readFile`
//   and `workspace.findFiles`, so configuration files and Lint Workspace work on any file system
//   VS Code reads (vscode-vfs://, vscode-remote://, file:).

export const TIMELINE_REQUEST = 'planlint/timeline';
export const LINT_WORKSPACE_REQUEST = 'planlint/lintWorkspace';
/** `{ uri, text }` -> boolean: whether a file that is not open is a plan (the one plan test), e.g. a workspace template. */
export const IS_PLAN_REQUEST = 'planlint/isPlan';
export const READ_FILES_REQUEST = 'planlint/readFiles';
export const FIND_FILES_REQUEST = 'planlint/findFiles';

export interface IsPlanParams {
  uri: string;
  /** The file's text (its head is enough). */
  text: string;
}

export interface TimelineParams {
  /** The document's URI (an open document). */
  uri: string;
  /** `YYYY-MM-DD`: judge by this date instead of the document's settings (`planlint.asOf`, else today). */
  asOf?: string;
}

export type ObligationStateName = 'met' | 'upcoming' | 'late' | 'overdue';

/** One review obligation, as the timeline page and the status bar show it (no plan free text). */
export interface TimelineObligation {
  /** Stable within a document version: the rule and the due date (`review/periodic@2026-12-01`). */
  key: string;
  rule: string;
  /** "Pre-release review". */
  kind: string;
  windowStart: string;
  due: string;
  state: ObligationStateName;
  /** "due in 12 days", "met on 2026-01-02". */
  description: string;
  /** Why it is due then. */
  basis: string;
  daysPast: number;
  /** The due date is planlint's default, not a figure from policy. */
  defaultDeadline: boolean;
}

/** A row of the chart (engine/timeline.ts's TimelineRow: ids, fixed labels and dates). */
export interface TimelineRowView {
  kind: string;
  label: string;
  title?: string;
  bar?: { from: string; to: string; cls: string };
  mark?: { at: string; cls: string; shape: string };
  tick?: { at: string; cls: string };
  note?: string;
}

export interface TimelineResult {
  uri: string;
  /** The document version the timeline was computed for. */
  version: number;
  asOf: string;
  isTemplate: boolean;
  /** The chart, drawn by the engine (escaped SVG). */
  svg: string;
  rows: TimelineRowView[];
  obligations: TimelineObligation[];
  /** The obligation to show first: the longest-overdue one, else the next upcoming one. */
  next?: { key: string; state: ObligationStateName; text: string };
}

export interface LintWorkspaceParams {
  /** Work done progress token (the client shows the progress). */
  workDoneToken?: string | number;
  /** Documents open in the editor (their live diagnostics stay theirs): skipped. */
  skip?: string[];
}

export interface LintWorkspaceResult {
  /** Plan files found. */
  files: number;
  /** Files linted (found, not open, readable). */
  linted: number;
  cancelled: boolean;
  /** Protocol diagnostics (LSP `Diagnostic`s) per file URI; files without findings are listed with none. */
  reports: { uri: string; diagnostics: unknown[] }[];
}

/** `capabilities.experimental.planlint` in the initialize result. */
export interface PlanlintServerInfo {
  configFiles: string[];
  planSuffixes: string[];
  requests: string[];
  /** Where the server runs: `node` (a process) or `browser` (a web worker). */
  host?: 'node' | 'browser';
}

export interface ReadFilesParams {
  /** `read`: the bytes too, when the file is at most `maxBytes` bytes; else its kind and size only. */
  files: { uri: string; read: boolean; maxBytes?: number }[];
}

/** One answer per file, in order. `data`: the bytes, base64 (read files of at most `maxBytes` only). */
export interface ReadFileAnswer {
  kind: 'file' | 'directory' | 'other' | 'symlink' | 'missing' | 'error';
  size?: number;
  mtime?: number;
  data?: string;
}

export interface FindFilesParams {
  /** Workspace folder URIs. */
  folders: string[];
  /** Glob of the candidates (relative to each folder). */
  include: string;
  /** At most this many URIs in all. */
  max: number;
}
