// Report formats. Each takes the per-file reports and returns the whole report as text;
// none reads files or the plan's text (html draws each plan's timeline model: ids and dates).
import type { RuleMeta } from '../../engine/types.js';
import type { MessageCatalogue } from '../../engine/messages.js';
import type { FileReport, RunSummary, UpcomingDue } from '../report.js';
import { jsonForTerminal, markupForTerminal } from '../escape.js';
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
  /** The run's catalogue: the report's own words (titles, headings, severity words) in its locale; English when absent. */
  catalogue?: MessageCatalogue;
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

/** A streaming format whose every part is passed through `safe` (escape.ts). */
function safeStream(f: StreamingFormatter, safe: (s: string) => string): StreamingFormatter {
  return { head: (ctx) => safe(f.head(ctx)), file: (r, i, ctx) => safe(f.file(r, i, ctx)), tail: (ctx, n, u) => safe(f.tail(ctx, n, u)) };
}
const safeWhole = (f: Formatter, safe: (s: string) => string): Formatter => (reports, ctx) => safe(f(reports, ctx));

// Nothing a user wrote reaches a terminal or CI log unescaped (escape.ts): the text formats
// escape each value they print; JSON, SARIF, JUnit and HTML are escaped in their own syntax
// and then made safe as a whole.
const safeJson = safeStream(json, jsonForTerminal);

export const STREAMING: Partial<Record<FormatName, StreamingFormatter>> = { stylish, json: safeJson, github, compact };

export const FORMATTERS: Record<FormatName, Formatter> = {
  stylish: wholeReport(stylish),
  json: wholeReport(safeJson),
  github: wholeReport(github),
  compact: wholeReport(compact),
  sarif: safeWhole(sarif, jsonForTerminal),
  junit: safeWhole(junit, markupForTerminal),
  html: safeWhole(html, markupForTerminal),
  gitlab: safeWhole(gitlab, jsonForTerminal),
};
