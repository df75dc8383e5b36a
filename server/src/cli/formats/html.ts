// `--format html`: one self-contained page for people (a caseload review, a CI artefact).
// For each file: its counts, the plan's sentence timeline (the same SVG as the VS Code
// timeline, drawn by the engine from the plan's dates and review obligations) and a table of
// its findings. Like every format it carries rule, location and message only: the timeline
// draws ids, fixed labels and dates, never a name, prison number or free text.
// No script, no external resource: a strict Content Security Policy allows inline styles only.

import { ruleDocUrl } from '../../docs/render.js';
import { escapeXml, renderTimeline, TIMELINE_STYLE } from '../../engine/timeline.js';
import type { Severity } from '../../engine/types.js';
import type { FileReport } from '../report.js';
import type { FormatContext, Formatter } from './index.js';
import { say } from '../messages.js';

type Cat = FormatContext['catalogue'];

/** Rules that say a file was not (fully) checked: there is no plan to draw, and no need to say so. */
const NOT_CHECKED = new Set(['meta/unreadable', 'meta/encoding', 'meta/file-too-large', 'meta/internal-error']);

/** Escaped text with `code` spans (the messages quote keys and values in backticks). */
function messageHtml(message: string): string {
  return escapeXml(message).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f1f1f; --muted: #616161; --line: #d0d7de; --head: #f6f8fa;
  --error: #c50f1f; --warning: #9a6700; --info: #0969da; --ok: #1a7f37; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1e1e1e; --fg: #d4d4d4; --muted: #a0a0a0; --line: #3c3c3c; --head: #252526;
    --error: #f48771; --warning: #cca700; --info: #75beff; --ok: #89d185;
    /* The timeline SVG reads VS Code theme variables, with light fallbacks: give it dark ones. */
    --vscode-editor-background: #1e1e1e; --vscode-editor-foreground: #d4d4d4; --vscode-descriptionForeground: #a0a0a0;
    --vscode-editorRuler-foreground: #5a5a5a; --vscode-editorIndentGuide-background: #404040;
    --vscode-editorCursor-foreground: #aeafad; --vscode-charts-foreground: #cccccc; }
}
body { background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1040px; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 16px; margin: 0 0 4px; overflow-wrap: anywhere; }
a { color: var(--info); }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--head); padding: 0 3px; border-radius: 3px; }
.muted { color: var(--muted); }
.summary { margin: 0 0 16px; }
.counts span + span::before { content: " · "; color: var(--muted); }
.error { color: var(--error); } .warning { color: var(--warning); } .info { color: var(--info); } .ok { color: var(--ok); }
nav ul { list-style: none; padding: 0; margin: 0 0 24px; columns: 2 320px; }
nav li { margin: 2px 0; overflow-wrap: anywhere; }
section.file { border-top: 1px solid var(--line); padding: 16px 0; }
figure { margin: 12px 0; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--head); font-weight: 600; }
td.pos, td.sev, td.rule { white-space: nowrap; }
footer { border-top: 1px solid var(--line); margin-top: 24px; padding-top: 8px; font-size: 12px; }
`;

function counts(findings: FileReport['findings']): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const COUNT_IDS = { error: 'cli.count.errors', warning: 'cli.count.warnings', info: 'cli.count.infos' } as const;

/** The catalogue's text (with its data), escaped for HTML content and double-quoted attributes. */
const text = (t: Cat, id: Parameters<typeof say>[1], data?: Parameters<typeof say>[2]): string =>
  say(t, id, data).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function countsHtml(c: Record<Severity, number>, t: Cat): string {
  if (c.error + c.warning + c.info === 0) return `<span class="ok">${text(t, 'cli.html.noProblems')}</span>`;
  return (['error', 'warning', 'info'] as const)
    .filter((s) => c[s] > 0)
    .map((s) => `<span class="${s}">${text(t, COUNT_IDS[s], { n: c[s] })}</span>`)
    .join('');
}

function fileSection(r: FileReport, index: number, t: Cat): string {
  const id = `file-${index + 1}`;
  const out: string[] = [`<section class="file" id="${id}">`, `<h2>${escapeXml(r.file)}</h2>`, `<p class="counts">${countsHtml(counts(r.findings), t)}</p>`];
  if (r.timeline) {
    // Each timeline gets its own id prefix: several SVGs share this page.
    out.push(`<figure>${renderTimeline(r.timeline, { idPrefix: `pl-${index + 1}`, title: say(t, 'cli.html.timeline', { file: r.file }), inlineStyle: false, ...(t ? { catalogue: t } : {}) })}</figure>`);
  } else if (!r.findings.some((f) => NOT_CHECKED.has(f.rule))) {
    out.push(`<p class="muted">${text(t, 'cli.html.noTimeline')}</p>`);
  }
  if (r.findings.length) {
    out.push(`<table><thead><tr>${(['cli.html.colLine', 'cli.html.colSeverity', 'cli.html.colMessage', 'cli.html.colRule', 'cli.html.colPolicy'] as const).map((id) => `<th>${text(t, id)}</th>`).join('')}</tr></thead><tbody>`);
    for (const f of r.findings) {
      out.push(
        `<tr><td class="pos">${f.line}:${f.column}</td><td class="sev ${f.severity}">${text(t, 'cli.severity', { severity: f.severity })}</td><td>${messageHtml(f.message)}${f.fixable ? ` <span class="muted">${text(t, 'cli.html.fixable')}</span>` : ''}</td>` +
          `<td class="rule"><a href="${escapeXml(ruleDocUrl(f.rule))}"><code>${escapeXml(f.rule)}</code></a></td><td>${escapeXml(f.policy)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

export const html: Formatter = (reports, ctx) => {
  const s = ctx.summary;
  const t = ctx.catalogue;
  const total = s.errors + s.warnings + s.infos;
  const head = [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(t?.locale ?? 'en')}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="planlint">',
    `<title>${text(t, 'cli.html.title')}</title>`,
    `<style>${STYLE}${TIMELINE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${text(t, 'cli.html.title')}</h1>`,
    `<p class="summary">${ctx.asOf ? text(t, 'cli.html.checkedAsOf', { n: s.files, asOf: ctx.asOf }) : text(t, 'cli.html.checked', { n: s.files })} ` +
      (total === 0 ? `<span class="ok">${text(t, 'cli.html.noProblems')}</span>` : `<span class="counts">${countsHtml({ error: s.errors, warning: s.warnings, info: s.infos }, t)}</span>`) +
      (s.fixable ? ` <span class="muted">${text(t, 'cli.html.fixableCount', { n: s.fixable })}</span>` : '') +
      (s.baselined ? ` <span class="muted">${text(t, 'cli.html.baselined', { n: s.baselined })}</span>` : '') +
      (ctx.executionFailed ? ` <span class="error">${text(t, 'cli.html.failed')}</span>` : '') +
      '</p>',
    '</header>',
  ];
  const nav = reports.length > 1
    ? [`<nav aria-label="${text(t, 'cli.html.files')}"><ul>`, ...reports.map((r, i) => `<li><a href="#file-${i + 1}">${escapeXml(r.file)}</a> <span class="counts">${countsHtml(counts(r.findings), t)}</span></li>`), '</ul></nav>']
    : [];
  const body = reports.map((r, i) => fileSection(r, i, t));
  const foot = [
    `<footer class="muted">${text(t, 'cli.html.footer', { version: ctx.version })}</footer>`,
    '</body>',
    '</html>',
    '',
  ];
  return [...head, ...nav, '<main>', ...body, '</main>', ...foot].join('\n');
};
