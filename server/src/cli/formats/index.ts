// Report formats. Each takes the per-file reports and returns the whole report as text;
// none reads files or the plan's text (html draws each plan's timeline model: ids and dates).
import type { RuleMeta } from '../../engine/types.js';
import type { FileReport, RunSummary } from '../report.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'junit', 'github', 'compact', 'html'] as const;
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

export const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, sarif, junit, github, compact, html };
