// The VS Code client's pure parts: templates -> snippets, the status bar's "next due" text,
// the timeline page's CSP. The parts that need VS Code are tested in a real VS Code (test/vscode).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentStart, escapeSnippetText, isTemplateText, templateSummary, templateToSnippet } from '../../client/src/templates.js';
import { describeNext, nextObligation } from '../../client/src/summary.js';
import { contentSecurityPolicy, rowsTable, timelineHtml } from '../../client/src/timelineHtml.js';
import { TIMELINE_STYLE, type TimelineRow } from '../../server/src/engine/timeline.js';
import { lint } from '../../server/src/engine/lint.js';
import type { Obligation } from '../../server/src/engine/obligations.js';

const TODAY = '2026-11-23';

/** Expands a snippet the way VS Code does when every tab stop keeps its default. */
function expand(snippet: string): string {
  const defaults = new Map<string, string>();
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length && '\\$}'.includes(snippet[i + 1])) {
      out += snippet[++i];
    } else if (c === '$') {
      const m = /^\$(?:\{(\d+)(?::((?:\\.|[^\\}])*))?\}|(\d+))/.exec(snippet.slice(i));
      if (!m) throw new Error(`bare $ at ${i}: ${snippet.slice(i, i + 20)}`);
      const n = m[1] ?? m[3];
      if (m[2] !== undefined) defaults.set(n, m[2].replace(/\\(.)/g, '$1'));
      out += defaults.get(n) ?? '';
      i += m[0].length - 1;
    } else if (c === '}') {
      throw new Error(`unescaped } at ${i}`);
    } else out += c;
  }
  return out;
}

describe('templateToSnippet', () => {
  it('turns placeholders into numbered tab stops, the same name into the same stop', () => {
    const r = templateToSnippet('a: ${first}\nb: ${second:two}\nc: "${first}"\n', TODAY);
    expect(r.snippet).toBe('a: ${1:first}\nb: ${2:two}\nc: "${1}"\n$0');
    expect(r.names).toEqual(['first', 'second']);
  });

  it('pre-fills today where the template says so', () => {
    const r = templateToSnippet('x: ${today}\ny: ${date}\nsentenced_on: ${sentenced_on:today}\n', TODAY);
    expect(r.snippet).toBe(`x: ${TODAY}\ny: ${TODAY}\nsentenced_on: \${1:${TODAY}}\n$0`);
  });

  it('escapes $, } and \\ outside placeholders and in defaults', () => {
    const t = 'cost: "$5 {a} } \\\\n"\nd: ${d:x}y\\z$}\ne: ${e:a$b\\c}\n';
    const r = templateToSnippet(t, TODAY);
    expect(r.snippet).toContain('${2:a\\$b\\\\c}');
    expect(expand(r.snippet)).toBe('cost: "$5 {a} } \\\\n"\nd: xy\\z$}\ne: a$b\\c\n');
    // Round trip: with every default kept, the text is what the template says.
    const plain = 'k: "$HOME and ${not a placeholder} \\\\ }"\n';
    expect(expand(templateToSnippet(plain, TODAY).snippet)).toBe(plain);
  });

  it('leaves placeholders in comments alone and makes kind: template a plan', () => {
    const t = '# each ${name} or ${name:default} becomes a tab stop\nsentence_plan: 1\nkind: template   # a template\nperson:\n  gender: ${gender:male} # ${not_a_stop}\n';
    const r = templateToSnippet(t, TODAY);
    expect(r.names).toEqual(['gender']);
    expect(expand(r.snippet)).toBe('# each ${name} or ${name:default} becomes a tab stop\nsentence_plan: 1\nkind: plan   # a template\nperson:\n  gender: male # ${not_a_stop}\n');
  });

  it('turns the shipped template into a plan that parses, with kind: plan and no placeholders left', () => {
    const text = readFileSync(new URL('../../samples/templates/determinate.template.plan.yaml', import.meta.url), 'utf8');
    expect(isTemplateText(text)).toBe(true);
    const r = templateToSnippet(text, TODAY);
    expect(r.names).toContain('prison_number');
    expect(r.names).toContain('oasys_completed_on');
    // A repeated placeholder is one tab stop.
    expect(r.names.filter((n) => n === 'oasys_completed_on')).toHaveLength(1);
    const body = expand(r.snippet);
    const lr = lint(body, { asOf: TODAY, rules: [] });
    expect(lr.plan.kind).toBe('plan');
    expect(lr.isTemplate).toBe(false);
    expect(lr.parsed.problems).toEqual([]);
    const dataLines = body.split('\n').map((l) => l.slice(0, commentStart(l) === -1 ? undefined : commentStart(l)));
    expect(dataLines.join('\n')).not.toContain('${');
  });

  it('keeps CRLF line ends', () => {
    const r = templateToSnippet('a: ${x}\r\nb: 1\r\n', TODAY);
    expect(r.snippet).toBe('a: ${1:x}\r\nb: 1\r\n$0');
  });
});

describe('template helpers', () => {
  it('commentStart finds # after white space, outside quotes', () => {
    expect(commentStart('a: b # c')).toBe(5);
    expect(commentStart('a: "b # c"')).toBe(-1);
    expect(commentStart("a: 'it''s # not'")).toBe(-1);
    expect(commentStart('a: b#c')).toBe(-1);
    expect(commentStart('# top')).toBe(0);
    expect(commentStart("a: person's view # c")).toBe(17);
  });
  it('isTemplateText needs kind: template and sentence_plan', () => {
    expect(isTemplateText('sentence_plan: 1\nkind: template\n')).toBe(true);
    expect(isTemplateText('sentence_plan: 1\nkind: "template" # x\n')).toBe(true);
    expect(isTemplateText('sentence_plan: 1\nkind: plan\n')).toBe(false);
    expect(isTemplateText('kind: template\n')).toBe(false);
    expect(isTemplateText('sentence_plan: 1\n  kind: template\n')).toBe(false);
  });
  it('templateSummary reads the first comment', () => {
    expect(templateSummary('# Template: a determinate sentence.\nsentence_plan: 1\n')).toBe('a determinate sentence.');
    expect(templateSummary('sentence_plan: 1\n')).toBeUndefined();
  });
  it('escapeSnippetText', () => {
    expect(escapeSnippetText('a$b}c\\d')).toBe('a\\$b\\}c\\\\d');
  });
});

const ob = (over: Partial<Obligation>): Obligation => ({
  rule: 'review/pre-release',
  kind: 'Pre-release review',
  due: '2026-11-28',
  windowStart: '2026-09-01',
  windowEnd: '2026-11-28',
  state: 'upcoming',
  daysPast: 0,
  basis: 'x',
  path: ['sentence', 'release_date'],
  reviewType: 'pre_release',
  accepts: 'any',
  policy: 'p',
  ...over,
});

describe('status bar text', () => {
  it('shows the next upcoming review with days to go', () => {
    const o = nextObligation([ob({ kind: 'Met one', state: 'met', due: '2026-01-01' }), ob({ due: '2027-01-01', kind: 'Later' }), ob({})]);
    expect(o?.kind).toBe('Pre-release review');
    expect(describeNext(o!, TODAY)).toBe('Pre-release review due in 5 days');
    expect(describeNext(ob({ due: TODAY }), TODAY)).toBe('Pre-release review due today');
    expect(describeNext(ob({ due: '2026-11-24' }), TODAY)).toBe('Pre-release review due tomorrow');
  });
  it('puts the longest-overdue review first', () => {
    const o = nextObligation([ob({}), ob({ kind: 'Periodic review', state: 'overdue', due: '2026-11-20', daysPast: 3 }), ob({ kind: 'Older', state: 'overdue', due: '2026-10-01', daysPast: 53 })]);
    expect(describeNext(o!, TODAY)).toBe('Older overdue by 53 days');
    expect(describeNext(ob({ state: 'overdue', daysPast: 1 }), TODAY)).toBe('Pre-release review overdue by 1 day');
  });
  it('shows nothing when every review is met', () => {
    expect(nextObligation([ob({ state: 'met' }), ob({ state: 'late' })])).toBeUndefined();
  });
});

describe('timeline page', () => {
  it('has a strict CSP with no script source, and escapes the file name', () => {
    const html = timelineHtml({ cspSource: 'vscode-webview://x', fileLabel: '<b>.plan.yaml', asOf: TODAY, svg: '<svg></svg>', obligations: [ob({})], isTemplate: false });
    expect(contentSecurityPolicy('S')).toBe("default-src 'none'; style-src S 'unsafe-inline'; img-src S data:;");
    expect(html).toContain(`content="default-src 'none'; style-src vscode-webview://x 'unsafe-inline'; img-src vscode-webview://x data:;"`);
    expect(timelineHtml({ cspSource: '"><x', fileLabel: 'f', asOf: TODAY, svg: '', obligations: [], isTemplate: true })).toContain('style-src &quot;&gt;&lt;x');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;b&gt;.plan.yaml');
    expect(html).toContain('<td class="state-upcoming">upcoming</td>');
  });
  it('draws the chart at its own size (12 px text, scrolling sideways in a narrow panel), never scaled down', () => {
    const html = timelineHtml({ cspSource: 'S', fileLabel: 'f', asOf: TODAY, svg: '<svg></svg>', obligations: [], isTemplate: false });
    expect(html).toMatch(/\.chart svg \{[^}]*width: auto; max-width: none;/);
    expect(html).toMatch(/\.chart \{[^}]*overflow-x: auto/);
    expect(TIMELINE_STYLE).toMatch(/\.pl-text \{[^}]*font-size: 1[1-9]px/);
  });
  it('gives the rows as a table too, with full labels, for screen readers', () => {
    const rows: TimelineRow[] = [
      { kind: 'header', label: 'Objectives' },
      { kind: 'target', label: 'OBJ-1 (a long label that the chart cuts)', title: 'OBJ-1 target 2027-03-31', mark: { at: '2027-03-31', cls: 'x', shape: 'square' } },
      { kind: 'obligation', label: 'Pre-release review', bar: { from: '2027-04-14', to: '2027-05-26', cls: 'y' }, tick: { at: '2027-05-01', cls: 'z' }, note: 'met' },
    ];
    const t = rowsTable(rows);
    expect(t).toContain('<summary>The timeline as a table</summary>');
    expect(t).toContain('<th colspan="3" scope="rowgroup">Objectives</th>');
    expect(t).toContain('<th scope="row">OBJ-1 target 2027-03-31</th><td class="nowrap">2027-03-31</td>');
    expect(t).toContain('<td class="nowrap">2027-04-14 – 2027-05-26</td><td class="muted">reviewed 2027-05-01; met</td>');
    expect(rowsTable([{ kind: 'target', label: '<b>' }])).toContain('&lt;b&gt;');
  });
});
