// Report formats. Each takes the per-file reports and returns the whole report as text;
// none reads files or the plan's text (html draws each plan's timeline model: ids and dates).
import type { RuleMeta } from '../../engine/types.js';
import type { FileReport, RunSummary, UpcomingDue } from '../report.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github', 'compact', 'html', 'gitlab'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatContext {
  /** Directory that relative paths (SARIF URIs) are relative to. */
  cwd: string;
  /** Whether to use ANSI colour (stylish only). */
  color: boolean;
  /** planlint's version, for tool metadata. */
  version: string;
  /** Metadata of every known rule, by id. */
  rules: ReadonlyMap<string, RuleMeta>;
  summary: RunSummary;
  /** The date the run checked against (--as-of), for reports that show it. */
  asOf?: string;
  /** Set when the run itself failed somewhere (unreadable file, failed write): SARIF records it. */
  executionFailed: boolean;
}

export type Formatter = (reports: readonly FileReport[], ctx: FormatContext) => string;

/**
 * A format that can be written file by file, as each file's findings arrive: the command
 * line then keeps no finding after it is written (see run.ts). `head` and `tail` may not
 * depend on the files; `tail` gets the summary and the upcoming reviews of every file.
 */
export interface StreamingFormatter {
  head(ctx: Omit<FormatContext, 'summary'>): string;
  /** One file's part; `index` counts files from 0. */
  file(report: FileReport, index: number, ctx: Omit<FormatContext, 'summary'>): string;
  tail(ctx: FormatContext, files: number, upcoming: readonly FileUpcoming[]): string;
}

/** A review falling due soon, with the file it belongs to. */
export type FileUpcoming = UpcomingDue & { file: string };

/** The whole report of a streaming format: exactly the parts it writes when streaming. */
export function wholeReport(f: StreamingFormatter): Formatter {
  return (reports, ctx) => {
    let out = f.head(ctx);
    reports.forEach((r, i) => (out += f.file(r, i, ctx)));
    const upcoming = reports.flatMap((r) => (r.upcoming ?? []).map((u) => ({ file: r.file, ...u })));
    return out + f.tail(ctx, reports.length, upcoming);
  };
}

export const STREAMING: Partial<Record<FormatName, StreamingFormatter>> = { stylish, json, github, compact };

export const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: wholeReport(stylish),
  json: wholeReport(json),
  github: wholeReport(github),
  compact: wholeReport(compact),
  sarif,
  junit,
  html,
  gitlab,
};
