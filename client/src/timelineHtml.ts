// The timeline webview's HTML: the SVG the server drew (planlint/timeline), a legend and a
// table of review dates. Pure (no `vscode` import). No scripts: the page is static and
// replaced on each update. Strict CSP: nothing may load but styles and images from the
// webview itself. Opened from the review code lens, the page starts with the obligation the
// lens named, and marks its row in the table.

import type { TimelineObligation, TimelineRowView } from '../../server/src/lsp/protocol.js';

/**
 * Says one of the page's own sentences in the reader's language: `vscode.l10n.t` in the
 * extension (timelinePanel.ts), English with `{0}`… filled in here (the unit tests). Every
 * string it is given is a key of l10n/bundle.l10n.json (test/l10n/client.test.ts checks).
 */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** English: the message itself, `{n}` replaced by the n-th argument. */
export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] === undefined ? all : String(args[Number(i)])));

/** Escapes text for HTML character data and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface TimelinePage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** File name shown in the heading (a base name, not plan content). */
  fileLabel: string;
  asOf: string;
  svg: string;
  obligations: readonly TimelineObligation[];
  isTemplate: boolean;
  /** The rows the chart draws, for the table view (ids, fixed labels and dates only). */
  rows?: readonly TimelineRowView[];
  /** The key of the obligation to open at (the code lens's), if any. */
  focus?: string;
  /** The page's own words (default: English). */
  t?: Translate;
  /** The language of the page's own words (`<html lang>`; default `en`). */
  lang?: string;
}

export function contentSecurityPolicy(cspSource: string): string {
  return `default-src 'none'; style-src ${cspSource} 'unsafe-inline'; img-src ${cspSource} data:;`;
}

const PAGE_STYLE = `
body { background: var(--vscode-editor-background, #fff); color: var(--vscode-editor-foreground, #1f1f1f);
  font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px); padding: 8px 16px; }
h1 { font-size: 1.2em; font-weight: 600; margin: 0.4em 0; }
.muted { color: var(--vscode-descriptionForeground, #616161); }
.chart { overflow-x: auto; border: 1px solid var(--vscode-panel-border, #ddd); }
.chart svg { display: block; width: auto; max-width: none; height: auto; }
details { margin-top: 0.8em; }
summary { cursor: pointer; }
.legend { display: flex; flex-wrap: wrap; gap: 1em; margin: 0.6em 0; padding: 0; list-style: none; }
table { border-collapse: collapse; margin-top: 0.8em; }
td.nowrap { white-space: nowrap; }
th, td { text-align: left; padding: 2px 12px 2px 0; border-bottom: 1px solid var(--vscode-panel-border, #ddd); }
.state-met { color: var(--vscode-charts-green, #388a34); }
.state-upcoming { color: var(--vscode-charts-blue, #1a85ff); }
.state-late { color: var(--vscode-charts-orange, #d18616); }
.state-overdue { color: var(--vscode-charts-red, #e51400); font-weight: 600; }
tr.focus { outline: 2px solid var(--vscode-focusBorder, #0090f1); outline-offset: -2px; background: var(--vscode-editor-selectionHighlightBackground, #add6ff55); }
.focus-card { border-left: 4px solid var(--vscode-focusBorder, #0090f1); padding: 4px 10px; margin: 0.6em 0; background: var(--vscode-editor-selectionHighlightBackground, #add6ff26); }
`;

/** Escapes a double-quoted attribute value (keeps `'` readable: CSP keywords are quoted with it). */
const escapeAttr = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The chart's rows as a table: the same facts for screen readers, and full labels. */
export function rowsTable(rows: readonly TimelineRowView[], t: Translate = english): string {
  const tx = (m: string, ...args: (string | number)[]): string => escapeXml(t(m, ...args)); // translated, escaped
  const cells: string[] = [];
  for (const r of rows) {
    if (r.kind === 'header') {
      cells.push(`<tr><th colspan="3" scope="rowgroup">${escapeXml(r.label)}</th></tr>`);
      continue;
    }
    const when = r.bar ? `${r.bar.from} – ${r.bar.to}` : r.mark ? r.mark.at : '';
    const extra = [r.tick ? t('reviewed {0}', r.tick.at) : '', r.note ?? ''].filter(Boolean).join('; ');
    cells.push(`<tr><th scope="row">${escapeXml(r.title ?? r.label)}</th><td class="nowrap">${escapeXml(when)}</td><td class="muted">${escapeXml(extra)}</td></tr>`);
  }
  return (
    `<details><summary>${tx('The timeline as a table')}</summary><table aria-label="${tx('Timeline')}"><thead><tr><th>${tx('Item')}</th><th>${tx('Dates')}</th><th>${tx('Notes')}</th></tr></thead>` +
    `<tbody>${cells.join('')}</tbody></table></details>`
  );
}

/** The obligation the page opens at: named first, above the chart. */
function focusCard(o: TimelineObligation, t: Translate): string {
  const tx = (m: string, ...args: (string | number)[]): string => escapeXml(t(m, ...args)); // translated, escaped
  return (
    `<section class="focus-card" aria-label="${tx('Selected review')}" id="focus"><strong>${escapeXml(o.kind)}</strong>: ${tx('due {0}', o.due)} ` +
    `(${tx('window {0} – {1}', o.windowStart, o.due)}), <span class="state-${o.state}">${escapeXml(o.description)}</span>. ` +
    `<span class="muted">${escapeXml(o.basis)}</span></section>`
  );
}

export function timelineHtml(p: TimelinePage): string {
  const t = p.t ?? english;
  const tx = (m: string, ...args: (string | number)[]): string => escapeXml(t(m, ...args)); // translated, escaped
  const focused = p.focus === undefined ? undefined : p.obligations.find((o) => o.key === p.focus);
  const rows = p.obligations
    .map(
      (o) =>
        `<tr${o === focused ? ' class="focus" aria-current="true"' : ''}><td>${escapeXml(o.kind)}</td><td class="nowrap">${escapeXml(o.windowStart)} – ${escapeXml(o.due)}</td>` +
        `<td class="state-${o.state}">${escapeXml(o.description)}</td><td class="muted">${escapeXml(o.basis)}</td></tr>`,
    )
    .join('');
  const table = p.obligations.length
    ? `<table aria-label="${tx('Review obligations')}"><thead><tr><th>${tx('Review')}</th><th>${tx('Window')}</th><th>${tx('State')}</th><th>${tx('Why then')}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted">${p.isTemplate ? tx('This is a template: review dates are worked out for real plans only.') : tx('No review obligations yet: add the sentence type and dates.')}</p>`;
  return `<!DOCTYPE html>
<html lang="${escapeAttr(p.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(p.cspSource))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${tx('Sentence timeline')}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<h1>${tx('Sentence timeline')} <span class="muted">— ${tx('{0}, as of {1}', p.fileLabel, p.asOf)}</span></h1>
${focused ? focusCard(focused, t) : ''}
<ul class="legend" aria-label="${tx('Legend')}">
<li><span class="state-met">●</span> ${tx('met')}</li><li><span class="state-upcoming">○</span> ${tx('upcoming')}</li>
<li><span class="state-late">▲</span> ${tx('done late')}</li><li><span class="state-overdue">✕</span> ${tx('overdue')}</li>
<li class="muted">◆ ${tx('sentence dates')} · ■ ${tx('target dates')} · ${tx('shaded: review window')}</li>
</ul>
<div class="chart">${p.svg}</div>
${p.rows && p.rows.length ? rowsTable(p.rows, t) : ''}
${table}
</body>
</html>`;
}
