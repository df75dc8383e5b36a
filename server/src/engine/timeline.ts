// The sentence timeline as an SVG string: the plan's key dates, its review obligations with
// their state, and the objectives' and actions' target dates on one time axis.
// Pure (plan model + asOf + obligations -> string): no DOM, no clock, no I/O. Shared by the
// VS Code timeline webview and any report that wants the same picture.
//
// Personal data is never drawn (design.md invariant 7): no name, prison number, date of
// birth, establishment or free text; items are named by their ids, which are escaped.
// Colours are CSS classes whose rules read CSS variables (the VS Code theme's, in a webview)
// with fixed fallbacks, so the SVG also stands on its own. State is shown by shape and by
// text as well as by colour.

import { daysBetween } from './dates.js';
import { renderMsg, type MessageCatalogue, type MessageData } from './messages.js';
import { idOr } from './privacy.js';
import type { Plan } from './model.js';
import type { Obligation, ObligationState } from './obligations.js';

export interface TimelineOptions {
  /** Total width in px (default 960). */
  width?: number;
  /** Prefix for element ids, to keep them unique when several SVGs share a page (default `pl`). */
  idPrefix?: string;
  /** Accessible title (default "Sentence timeline"). Never pass a person's name. */
  title?: string;
  /**
   * Include the drawing's stylesheet in the SVG (default true). A page with many timelines
   * passes false and puts TIMELINE_STYLE in its own stylesheet once.
   */
  inlineStyle?: boolean;
  /** The catalogue the drawing's own words come from (`timeline.*`; English by default). */
  catalogue?: MessageCatalogue;
}

/** The drawing's own words (engine/messages.ts syntax); the rows' labels come with the model. */
export const TIMELINE_MESSAGES: Readonly<Record<string, string>> = {
  'timeline.title': 'Sentence timeline',
  'timeline.noDates': 'No dates to draw.',
  'timeline.noDatesHint': 'No dates to draw yet: add sentence.sentenced_on, release and end dates, and target dates.',
  'timeline.desc':
    'Timeline from {start} to {end}, as of {asOf}. {n, plural, one {# review obligation} other {# review obligations}}{n, plural, =0 {} other {: {met} met, {upcoming} upcoming, {late} late, {overdue} overdue}}.',
  'timeline.todayTitle': 'Today (as of {asOf})',
  'timeline.today': 'today {asOf}',
};
const ENGLISH_TIMELINE: MessageCatalogue = { locale: 'en', messages: TIMELINE_MESSAGES };

type RowKind = 'header' | 'span' | 'date' | 'obligation' | 'target';

export interface TimelineRow {
  kind: RowKind;
  label: string;
  /** Tooltip / accessible name of the row's drawing. */
  title?: string;
  /** A bar from..to (inclusive dates). */
  bar?: { from: string; to: string; cls: string };
  /** A marker. */
  mark?: { at: string; cls: string; shape: 'circle' | 'ring' | 'diamond' | 'triangle' | 'square' | 'cross' };
  /** A second, small marker (the review that met an obligation). */
  tick?: { at: string; cls: string };
  /** Text drawn next to the marker. */
  note?: string;
}

const STATE_SHAPE: Record<ObligationState, NonNullable<TimelineRow['mark']>['shape']> = {
  met: 'circle',
  upcoming: 'ring',
  late: 'triangle',
  overdue: 'cross',
};

/** Escapes text for XML character data and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (d: string | undefined): d is string => typeof d === 'string' && ISO.test(d);

/** Short human state text for an obligation. */
export function describeObligation(o: Obligation): string {
  switch (o.state) {
    case 'met':
      return `met on ${o.metOn}`;
    case 'late':
      return `done late on ${o.metOn} (${o.daysPast} day${o.daysPast === 1 ? '' : 's'} after the due date)`;
    case 'overdue':
      return `overdue by ${o.daysPast} day${o.daysPast === 1 ? '' : 's'}`;
    default:
      return 'upcoming';
  }
}

function rowsFor(plan: Plan, asOf: string, obligations: readonly Obligation[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  const s = plan.sentence ?? {};
  const custodial = s.type !== undefined && s.type !== 'community_order' && s.type !== 'suspended_sentence_order';

  // Sentence: the custody and licence/community spans, then each key date.
  const sentenceRows: TimelineRow[] = [];
  if (isDate(s.sentenced_on)) {
    if (custodial && isDate(s.release_date) && s.release_date >= s.sentenced_on)
      sentenceRows.push({ kind: 'span', label: 'In custody', title: `In custody from ${s.sentenced_on} to ${s.release_date}`, bar: { from: s.sentenced_on, to: s.release_date, cls: 'pl-custody' } });
    const from = custodial && isDate(s.release_date) ? s.release_date : s.sentenced_on;
    if (isDate(s.sentence_end_date) && s.sentence_end_date >= from)
      sentenceRows.push({
        kind: 'span',
        label: custodial ? 'On licence' : 'In the community',
        title: `${custodial ? 'On licence' : 'In the community'} from ${from} to ${s.sentence_end_date}`,
        bar: { from, to: s.sentence_end_date, cls: 'pl-licence' },
      });
  }
  const keyDates: [string, string | undefined][] = [
    ['Sentenced', s.sentenced_on],
    ['Tariff expiry', s.tariff_expiry_date],
    ['Parole eligibility (PED)', s.parole_eligibility_date],
    ['Release', s.release_date],
    ['Sentence end', s.sentence_end_date],
  ];
  for (const [label, d] of keyDates)
    if (isDate(d)) sentenceRows.push({ kind: 'date', label, title: `${label}: ${d}`, mark: { at: d, cls: 'pl-key', shape: 'diamond' }, note: d });
  if (sentenceRows.length) rows.push({ kind: 'header', label: 'Sentence' }, ...sentenceRows);

  // Reviews: each obligation's window, its due date (shape + class by state) and the review that met it.
  const obs = obligations.filter((o) => isDate(o.due) && isDate(o.windowStart));
  if (obs.length) {
    rows.push({ kind: 'header', label: 'Reviews' });
    for (const o of obs) {
      const state = describeObligation(o);
      rows.push({
        kind: 'obligation',
        label: o.kind,
        title: `${o.kind}: due ${o.due} (window ${o.windowStart} to ${o.windowEnd}), ${state}. ${o.basis}.`,
        bar: o.windowStart <= o.due ? { from: o.windowStart, to: o.due, cls: `pl-window pl-${o.state}` } : undefined,
        mark: { at: o.due, cls: `pl-${o.state}`, shape: STATE_SHAPE[o.state] },
        tick: isDate(o.metOn) ? { at: o.metOn, cls: `pl-${o.state}` } : undefined,
        note: `due ${o.due} · ${state}`,
      });
    }
  }

  // Objectives and actions: target dates (actions: from their start date when given).
  const objectives = plan.objectives.filter((o) => isDate(o.target_date));
  if (objectives.length) {
    rows.push({ kind: 'header', label: 'Objectives' });
    objectives.forEach((o, i) => {
      const id = idOr(o.id, `objective ${i + 1}`);
      const done = o.status === 'achieved';
      rows.push({
        kind: 'target',
        label: id,
        title: `Objective ${id}: target date ${o.target_date}${o.status ? `, ${o.status.replace(/_/g, ' ')}` : ''}`,
        mark: { at: o.target_date!, cls: done ? 'pl-met' : o.target_date! < asOf ? 'pl-past' : 'pl-target', shape: 'square' },
        note: `target ${o.target_date}`,
      });
    });
  }
  const actions = plan.actions.filter((a) => isDate(a.target_date) || isDate(a.start_date));
  if (actions.length) {
    rows.push({ kind: 'header', label: 'Actions' });
    actions.forEach((a, i) => {
      const id = idOr(a.id, `action ${i + 1}`);
      const done = a.status === 'completed';
      const end = a.target_date ?? a.start_date!;
      const start = isDate(a.start_date) && a.start_date <= end ? a.start_date : undefined;
      rows.push({
        kind: 'target',
        label: id,
        title: `Action ${id}: ${start ? `from ${start} ` : ''}${a.target_date ? `target date ${a.target_date}` : `starts ${a.start_date}`}${a.status ? `, ${a.status.replace(/_/g, ' ')}` : ''}`,
        bar: start && start < end ? { from: start, to: end, cls: 'pl-action' } : undefined,
        mark: { at: end, cls: done ? 'pl-met' : end < asOf ? 'pl-past' : 'pl-target', shape: 'square' },
        note: a.target_date ? `target ${a.target_date}` : `starts ${a.start_date}`,
      });
    });
  }
  return rows;
}

/** The timeline's stylesheet (colours read VS Code theme variables, with light fallbacks). */
export const TIMELINE_STYLE = `
.pl-bg { fill: var(--vscode-editor-background, #ffffff); }
.pl-text { fill: var(--vscode-editor-foreground, #1f1f1f); font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 12px; }
.pl-muted { fill: var(--vscode-descriptionForeground, #616161); }
.pl-header { font-weight: 600; }
.pl-axis { stroke: var(--vscode-editorRuler-foreground, #c0c0c0); stroke-width: 1; }
.pl-grid { stroke: var(--vscode-editorIndentGuide-background, #e5e5e5); stroke-width: 1; }
.pl-today { stroke: var(--vscode-editorCursor-foreground, #0066bf); stroke-width: 2; stroke-dasharray: 4 3; }
.pl-today-text { fill: var(--vscode-editorCursor-foreground, #0066bf); }
.pl-custody { fill: var(--vscode-charts-purple, #8a5cd1); opacity: 0.55; }
.pl-licence { fill: var(--vscode-charts-blue, #2f7fd1); opacity: 0.45; }
.pl-action { fill: var(--vscode-charts-foreground, #7a7a7a); opacity: 0.35; }
.pl-window { opacity: 0.3; }
.pl-key { fill: var(--vscode-charts-purple, #8a5cd1); stroke: none; }
.pl-met { fill: var(--vscode-charts-green, #388a34); stroke: var(--vscode-charts-green, #388a34); }
.pl-upcoming { fill: var(--vscode-charts-blue, #1a85ff); stroke: var(--vscode-charts-blue, #1a85ff); }
.pl-late { fill: var(--vscode-charts-orange, #d18616); stroke: var(--vscode-charts-orange, #d18616); }
.pl-overdue { fill: var(--vscode-charts-red, #e51400); stroke: var(--vscode-charts-red, #e51400); }
.pl-target { fill: var(--vscode-charts-yellow, #bf8803); stroke: var(--vscode-charts-yellow, #bf8803); }
.pl-past { fill: var(--vscode-descriptionForeground, #616161); stroke: var(--vscode-descriptionForeground, #616161); }
.pl-ring { fill: var(--vscode-editor-background, #ffffff); stroke-width: 2; }
.pl-cross { stroke-width: 3; fill: none; }
`;

/** Round to 1 decimal for compact, stable output. */
const r1 = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The plan's timeline as a standalone SVG document fragment (`<svg …>…</svg>`).
 * `obligations` is `dueDates(plan, asOf, policy)`; pass `[]` to draw only the plan's own dates.
 */
export function renderTimelineSvg(plan: Plan, asOf: string, obligations: readonly Obligation[], options: TimelineOptions = {}): string {
  return renderTimeline(timelineModel(plan, asOf, obligations), options);
}

/**
 * What the timeline draws, without the drawing: plain JSON (labels are ids and fixed words,
 * never plan free text), so the command line can compute it in a worker thread, keep it in
 * its cache and draw it later with an id prefix of the report's choosing.
 */
export interface TimelineModel {
  asOf: string;
  rows: TimelineRow[];
  /** How many review obligations are in each state. */
  states: Record<ObligationState, number>;
}

export function timelineModel(plan: Plan, asOf: string, obligations: readonly Obligation[]): TimelineModel {
  const states: Record<ObligationState, number> = { met: 0, upcoming: 0, late: 0, overdue: 0 };
  for (const o of obligations) states[o.state]++;
  return { asOf, rows: rowsFor(plan, asOf, obligations), states };
}

/** Draws a timeline model (see renderTimelineSvg). */
export function renderTimeline(model: TimelineModel, options: TimelineOptions = {}): string {
  const width = Math.max(480, Math.round(options.width ?? 960));
  const idp = (options.idPrefix ?? 'pl').replace(/[^A-Za-z0-9_-]/g, '') || 'pl';
  const say = (id: string, data?: MessageData): string => renderMsg({ id, ...(data ? { data } : {}) }, options.catalogue ?? ENGLISH_TIMELINE);
  const titleText = options.title ?? say('timeline.title');
  const { rows, asOf, states } = model;
  const obligationCount = states.met + states.upcoming + states.late + states.overdue;

  // The time range: every date drawn, and asOf.
  const dates: string[] = isDate(asOf) ? [asOf] : [];
  for (const r of rows) {
    if (r.bar) dates.push(r.bar.from, r.bar.to);
    if (r.mark) dates.push(r.mark.at);
    if (r.tick) dates.push(r.tick.at);
  }
  dates.sort();

  const open = (h: number, desc: string): string =>
    `<svg xmlns="http://www.w3.org/2000/svg" class="planlint-timeline" width="${width}" height="${h}" viewBox="0 0 ${width} ${h}" role="img" aria-labelledby="${idp}-title ${idp}-desc">` +
    `<title id="${idp}-title">${escapeXml(titleText)}</title><desc id="${idp}-desc">${escapeXml(desc)}</desc>${options.inlineStyle === false ? '' : `<style>${TIMELINE_STYLE}</style>`}` +
    `<rect class="pl-bg" x="0" y="0" width="${width}" height="${h}"/>`;

  if (rows.length === 0 || dates.length === 0) {
    const h = 60;
    return (
      open(h, say('timeline.noDates')) +
      `<text class="pl-text pl-muted" x="16" y="34">${escapeXml(say('timeline.noDatesHint'))}</text></svg>`
    );
  }

  const start = dates[0];
  const end = dates[dates.length - 1];
  let span = daysBetween(start, end);
  if (span < 30) span = 30;
  const pad = Math.max(7, Math.round(span * 0.03));
  const origin = start;
  const total = span + 2 * pad;

  const labelW = 220;
  const left = labelW + 10;
  const right = width - 16;
  const plotW = right - left;
  const top = 44;
  const rowH = 22;
  const height = top + rows.length * rowH + 16;
  const x = (d: string): number => left + ((daysBetween(origin, d) + pad) / total) * plotW;

  const desc = say('timeline.desc', { start, end, asOf, n: obligationCount, ...states });

  const out: string[] = [open(height, desc)];

  // Axis: year ticks (or months for short spans).
  const y0 = top - 14;
  out.push(`<g class="pl-axis-group" aria-hidden="true"><line class="pl-axis" x1="${left}" y1="${y0}" x2="${right}" y2="${y0}"/>`);
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4)) + 1;
  const years = lastYear - firstYear;
  const ticks: string[] = [];
  if (years <= 2) {
    for (let y = firstYear; y <= lastYear; y++)
      for (let m = 1; m <= 12; m += years <= 1 ? 1 : 3) ticks.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
  } else {
    const step = Math.max(1, Math.ceil(years / 12));
    for (let y = firstYear; y <= lastYear; y += step) ticks.push(`${String(y).padStart(4, '0')}-01-01`);
  }
  for (const t of ticks) {
    const tx = x(t);
    if (tx < left - 0.5 || tx > right + 0.5) continue;
    out.push(`<line class="pl-grid" x1="${r1(tx)}" y1="${y0}" x2="${r1(tx)}" y2="${height - 8}"/>`);
    out.push(`<text class="pl-text pl-muted" x="${r1(tx)}" y="${y0 - 6}" text-anchor="middle">${years <= 2 ? t.slice(0, 7) : t.slice(0, 4)}</text>`);
  }
  out.push('</g>');

  // Rows.
  rows.forEach((row, i) => {
    const cy = top + i * rowH + rowH / 2;
    const ty = cy + 4;
    if (row.kind === 'header') {
      out.push(`<text class="pl-text pl-header" x="8" y="${ty}">${escapeXml(row.label)}</text>`);
      return;
    }
    out.push(`<g class="pl-row pl-row-${row.kind}"><title>${escapeXml(row.title ?? row.label)}</title>`);
    out.push(`<text class="pl-text" x="20" y="${ty}">${escapeXml(row.label.length > 32 ? row.label.slice(0, 31) + '…' : row.label)}</text>`);
    if (row.bar) {
      const bx = x(row.bar.from);
      const bw = Math.max(2, x(row.bar.to) - bx);
      out.push(`<rect class="${row.bar.cls}" x="${r1(bx)}" y="${r1(cy - 6)}" width="${r1(bw)}" height="12" rx="2"/>`);
    }
    if (row.tick) {
      const kx = x(row.tick.at);
      out.push(`<line class="${row.tick.cls}" x1="${r1(kx)}" y1="${r1(cy - 8)}" x2="${r1(kx)}" y2="${r1(cy + 8)}" stroke-width="2"/>`);
    }
    if (row.mark) {
      const mx = x(row.mark.at);
      out.push(shape(row.mark.shape, row.mark.cls, mx, cy));
      if (row.note) {
        const onLeft = mx > left + plotW * 0.62;
        // Text on the left starts before the row's bar and tick so that it never covers them.
        const leftEdge = Math.min(mx, row.bar ? x(row.bar.from) : mx, row.tick ? x(row.tick.at) : mx);
        out.push(`<text class="pl-text pl-muted" x="${r1(onLeft ? leftEdge - 10 : mx + 10)}" y="${ty}"${onLeft ? ' text-anchor="end"' : ''}>${escapeXml(row.note)}</text>`);
      }
    }
    out.push('</g>');
  });

  // Today.
  if (isDate(asOf)) {
    const tx = x(asOf);
    out.push(`<g class="pl-today-group"><title>${escapeXml(say('timeline.todayTitle', { asOf }))}</title><line class="pl-today" x1="${r1(tx)}" y1="${y0}" x2="${r1(tx)}" y2="${height - 8}"/>`);
    out.push(`<text class="pl-text pl-today-text" x="${r1(tx)}" y="${height - 1}" text-anchor="middle">${escapeXml(say('timeline.today', { asOf }))}</text></g>`);
  }
  out.push('</svg>');
  return out.join('');
}

function shape(kind: NonNullable<TimelineRow['mark']>['shape'], cls: string, x: number, y: number): string {
  const X = r1(x);
  const Y = r1(y);
  switch (kind) {
    case 'circle':
      return `<circle class="${cls}" cx="${X}" cy="${Y}" r="6"/>`;
    case 'ring':
      return `<circle class="${cls} pl-ring" cx="${X}" cy="${Y}" r="5"/>`;
    case 'diamond':
      return `<path class="${cls}" d="M${X} ${r1(y - 7)}L${r1(x + 7)} ${Y}L${X} ${r1(y + 7)}L${r1(x - 7)} ${Y}Z"/>`;
    case 'triangle':
      return `<path class="${cls}" d="M${X} ${r1(y - 7)}L${r1(x + 7)} ${r1(y + 6)}L${r1(x - 7)} ${r1(y + 6)}Z"/>`;
    case 'square':
      return `<rect class="${cls}" x="${r1(x - 5)}" y="${r1(y - 5)}" width="10" height="10"/>`;
    case 'cross':
      return `<path class="${cls} pl-cross" d="M${r1(x - 6)} ${r1(y - 6)}L${r1(x + 6)} ${r1(y + 6)}M${r1(x + 6)} ${r1(y - 6)}L${r1(x - 6)} ${r1(y + 6)}"/>`;
  }
}
