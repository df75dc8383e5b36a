// `--format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other viewers read it.
// The driver lists the rules that have results (with descriptions, help links, default level
// and policy reference); results point at files by URI relative to the working directory.
// Columns are UTF-16 code units, SARIF's default `columnKind`.
import { ruleText } from '../../docs/ruleText.js';
import { DOCS_REPO_BASE, ruleDocUrl } from '../../docs/render.js';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../../engine/types.js';
import type { FileReport } from '../report.js';
import type { FormatContext, Formatter } from './index.js';
import { say } from '../messages.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
export const INFORMATION_URI = DOCS_REPO_BASE.replace(/\/blob\/main\/$/, '');

/** A URI reference for a reported file: relative to cwd when inside it, else a file: URL. */
export function artifactUri(r: FileReport, cwd: string): string {
  if (r.absolute === undefined) return encodeSegments(r.file.split(/[\\/]/));
  const rel = relative(cwd, r.absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return pathToFileURL(r.absolute).href;
  return encodeSegments(rel.split(sep));
}

const encodeSegments = (segs: string[]): string => segs.map((s) => encodeURIComponent(s)).join('/');

function ruleDescriptor(id: string, meta: RuleMeta | undefined, locale: string) {
  // The rule's own words in the report's locale (docs/ruleText.ts): a translated summary of what it
  // checks and what to do, else the English description and rationale.
  const t = meta ? ruleText(meta, locale) : undefined;
  const short = t?.description ?? id;
  const full = t?.checks ? [t.checks, t.todo].filter(Boolean).join(' ') : meta?.docs.rationale || short;
  // A local check (configuration, `local/...`) has no page online: its help is `planlint explain`.
  const local = id.startsWith('local/');
  return {
    id,
    shortDescription: { text: short },
    fullDescription: { text: full },
    ...(local ? {} : { helpUri: ruleDocUrl(id) }),
    help: { text: local ? `${full}\n\nplanlint explain ${id}` : `${full}\n\n${ruleDocUrl(id)}` },
    defaultConfiguration: { level: LEVEL[meta?.severity ?? 'error'] },
    properties: { policy: meta?.policy ?? '', tags: [id.split('/')[0]] },
  };
}

export const sarif: Formatter = (reports: readonly FileReport[], ctx: FormatContext) => {
  const ruleIds: string[] = [];
  const index = new Map<string, number>();
  for (const r of reports)
    for (const f of r.findings)
      if (!index.has(f.rule)) {
        index.set(f.rule, ruleIds.length);
        ruleIds.push(f.rule);
      }
  const results = [];
  const notifications = [];
  for (const r of reports) {
    const uri = artifactUri(r, ctx.cwd);
    for (const f of r.findings) {
      results.push({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule)!,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
            },
          },
        ],
        ...(f.policy ? { properties: { policy: f.policy } } : {}),
      });
    }
    if (r.readError !== undefined) {
      notifications.push({
        level: 'error',
        message: { text: say(ctx.catalogue, 'cli.readFailed', { file: r.file, reason: r.readError }) },
        locations: [{ physicalLocation: { artifactLocation: { uri } } }],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'planlint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: INFORMATION_URI,
            rules: ruleIds.map((id) => ruleDescriptor(id, ctx.rules.get(id), ctx.catalogue?.locale ?? 'en')),
          },
        },
        invocations: [
          {
            executionSuccessful: !ctx.executionFailed,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
