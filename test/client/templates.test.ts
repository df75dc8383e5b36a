// The VS Code client's pure parts: templates -> snippets, the status bar's "next due" text,
// the timeline page's CSP. The parts that need VS Code are tested in a real VS Code (test/vscode).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commentStart, escapeSnippetText, isTemplateText, stripTemplateOnly, templateInfo, templateSummary, templateToSnippet } from '../../client/src/templates.js';
import { applyChange, touches, within, type Range } from '../../client/src/tabStops.js';
import { describeNext, nextObligation, obligationView } from '../../server/src/lsp/timeline.js';
import { contentSecurityPolicy, rowsTable, timelineHtml } from '../../client/src/timelineHtml.js';
import { TIMELINE_STYLE, type TimelineRow } from '../../server/src/engine/timeline.js';
import { lint } from '../../server/src/engine/lint.js';
import { isPlan } from '../../server/src/project/planFiles.js';

/** The server's plan test, as planlint/isPlan answers it for a workspace YAML file. */
const planText = (t: string): boolean => isPlan('file:///w/t.yaml', t, 'yaml');
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
    // With no default, the stop shows the placeholder itself, so an unfilled one stays a placeholder.
    expect(r.snippet).toBe('a: ${1:\\${first\\}}\nb: ${2:two}\nc: "${1}"\n$0');
    expect(r.names).toEqual(['first', 'second']);
    expect(r.text).toBe('a: ${first}\nb: two\nc: "${first}"\n');
    expect(expand(r.snippet)).toBe(r.text);
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
    const t = 'sentence_plan: 1\nkind: template   # a template\n# each ${name} or ${name:default} becomes a tab stop\nperson:\n  gender: ${gender:male} # ${not_a_stop}\n';
    const r = templateToSnippet(t, TODAY);
    expect(r.names).toEqual(['gender']);
    expect(expand(r.snippet)).toBe('sentence_plan: 1\nkind: plan   # a template\n# each ${name} or ${name:default} becomes a tab stop\nperson:\n  gender: male # ${not_a_stop}\n');
  });

  const shipped = readdirSync(new URL('../../samples/templates/', import.meta.url)).filter((f) => f.endsWith('.plan.yaml'));
  it.each(shipped)('turns %s into a plan whose only findings are the placeholders still to fill in', (f) => {
    const text = readFileSync(new URL(`../../samples/templates/${f}`, import.meta.url), 'utf8');
    expect(isTemplateText(text, planText)).toBe(true);
    const info = templateInfo(text);
    expect(info.title).toMatch(/^\S.{10,}$/);
    expect(info.idPlaceholder).toBe('prison_number');
    const r = templateToSnippet(text, TODAY, { values: { prison_number: 'A1234BC' } });
    expect(r.names).not.toContain('prison_number');
    // A repeated placeholder is one tab stop.
    expect(new Set(r.names).size).toBe(r.names.length);
    const body = expand(r.snippet);
    expect(body).toBe(r.text);
    expect(body).toMatch(/^sentence_plan: 1\nkind: plan\n/); // header comments and title dropped
    expect(body).not.toMatch(/^title:/m);
    expect(body).toContain('  prison_number: A1234BC\n');
    // Every stop's recorded position holds its initial text.
    const lines = body.split('\n');
    for (const s of r.stops) expect(lines[s.line].slice(s.character, s.character + s.length), `stop ${s.index}`).toMatch(/\S/);
    const lr = lint(body, { asOf: TODAY });
    expect(lr.plan.kind).toBe('plan');
    expect(lr.parsed.problems).toEqual([]);
    // Nothing but the unfilled placeholders is reported: the defaults make a coherent plan.
    const other = lr.findings.filter((x) => x.severity !== 'info' && x.ruleId !== 'template/placeholder-in-plan').map((x) => `${x.ruleId}: ${x.message}`);
    expect(other).toEqual([]);
    const unfilled = lr.findings.filter((x) => x.ruleId === 'template/placeholder-in-plan').length;
    expect(unfilled).toBeGreaterThan(5);
  });

  it('records where each tab stop and copy is, in lines and columns (CRLF too)', () => {
    for (const eol of ['\n', '\r\n']) {
      const r = templateToSnippet(['a: ${x}', 'b: [${y:1}, "${x}"]', ''].join(eol), TODAY);
      expect(r.stops).toEqual([
        { index: 1, line: 0, character: 3, length: 4 },
        { index: 2, line: 1, character: 4, length: 1 },
        { index: 1, line: 1, character: 8, length: 4 },
      ]);
    }
  });

  it('inserts known values as text, escaped', () => {
    const r = templateToSnippet('id: ${prison_number}\nx: "${prison_number}"\n', TODAY, { values: { prison_number: 'A$1}' } });
    expect(r.snippet).toBe('id: A\\$1\\}\nx: "A\\$1\\}"\n$0');
    expect(r.stops).toEqual([]);
  });

  it('keeps CRLF line ends', () => {
    const r = templateToSnippet('a: ${x:1}\r\nb: 1\r\n', TODAY);
    expect(r.snippet).toBe('a: ${1:1}\r\nb: 1\r\n$0');
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
    expect(isTemplateText('sentence_plan: 1\nkind: template\n', planText)).toBe(true);
    expect(isTemplateText('sentence_plan: 1\nkind: "template" # x\n', planText)).toBe(true);
    expect(isTemplateText('sentence_plan: 1\nkind: plan\n', planText)).toBe(false);
    expect(isTemplateText('kind: template\n', planText)).toBe(false);
    expect(isTemplateText('sentence_plan: 1\n  kind: template\n', planText)).toBe(false);
    // The plan test is the server's: a quoted key counts, a key in a block scalar does not.
    expect(isTemplateText('"sentence_plan": 1\nkind: template\n', planText)).toBe(true);
    expect(isTemplateText('notes: |\n  sentence_plan: 1\nkind: template\n', planText)).toBe(false);
  });
  it('stripTemplateOnly drops the header, # Template: notes and the title, and keeps practitioners\' comments and directives', () => {
    const t = [
      '# Template: for X.',
      '# Each ${name} is a tab stop.',
      '',
      '# yaml-language-server: $schema=x.json',
      'sentence_plan: 1',
      'kind: template',
      'title: For X — with Y',
      'team:',
      '  # PSI 19/2014 para 1.9: the POM owns it.',
      '  plan_owner: prison_offender_manager   # Template: change for CRC cases',
      '# template: pick the strand',
      'x: "a # Template: not a comment"',
      '',
    ].join('\n');
    expect(stripTemplateOnly(t)).toBe(
      ['# yaml-language-server: $schema=x.json', 'sentence_plan: 1', 'kind: template', 'team:', '  # PSI 19/2014 para 1.9: the POM owns it.', '  plan_owner: prison_offender_manager', 'x: "a # Template: not a comment"', ''].join('\n'),
    );
    expect(stripTemplateOnly('title: >\n  folded\n  title\nsentence_plan: 1\n')).toBe('sentence_plan: 1\n');
  });
  it('templateInfo reads the title, the sentence type and the id placeholder from lines', () => {
    const t = "sentence_plan: 1\nkind: template\ntitle: 'It''s for IPP'   # c\nperson:\n  name: x\n  prison_number: ${noms:A0000AA}\nsentence:\n  # note\n  type: ipp  # indeterminate\n  requirements:\n    type: x\n";
    expect(templateInfo(t)).toEqual({ title: "It's for IPP", sentenceType: 'ipp', idPlaceholder: 'noms' });
    expect(templateInfo('sentence_plan: 1\nsentence:\n  type: ${type}\nperson:\n  prison_number: A1234BC\n')).toEqual({});
    expect(templateInfo('title: "a \\"quoted\\" one"\n').title).toBe('a "quoted" one');
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
    const html = timelineHtml({ cspSource: 'vscode-webview://x', fileLabel: '<b>.plan.yaml', asOf: TODAY, svg: '<svg></svg>', obligations: [obligationView(ob({}))], isTemplate: false });
    expect(contentSecurityPolicy('S')).toBe("default-src 'none'; style-src S 'unsafe-inline'; img-src S data:;");
    expect(html).toContain(`content="default-src 'none'; style-src vscode-webview://x 'unsafe-inline'; img-src vscode-webview://x data:;"`);
    expect(timelineHtml({ cspSource: '"><x', fileLabel: 'f', asOf: TODAY, svg: '', obligations: [], isTemplate: true })).toContain('style-src &quot;&gt;&lt;x');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;b&gt;.plan.yaml');
    expect(html).toContain('<td class="state-upcoming">upcoming</td>');
  });
  it('opened at an obligation (the code lens), names it first and marks its row', () => {
    const obs = [obligationView(ob({})), obligationView(ob({ rule: 'review/periodic', kind: 'Periodic review', due: '2026-12-20', windowStart: '2026-12-01' }))];
    const html = timelineHtml({ cspSource: 'S', fileLabel: 'f', asOf: TODAY, svg: '<svg></svg>', obligations: obs, isTemplate: false, focus: 'review/periodic@2026-12-20' });
    expect(html).toMatch(/<section class="focus-card" aria-label="Selected review" id="focus"><strong>Periodic review<\/strong>: due 2026-12-20 \(window 2026-12-01 – 2026-12-20\)/);
    // The card comes before the chart, so the page opens at it; the row is marked for screen readers too.
    expect(html.indexOf('focus-card"')).toBeLessThan(html.indexOf('<div class="chart">'));
    expect(html.match(/<tr class="focus" aria-current="true">/g)).toHaveLength(1);
    expect(html).toMatch(/<tr class="focus" aria-current="true"><td>Periodic review<\/td>/);
    expect(html).not.toMatch(/<script/i);
    // An unknown key (the plan changed since the lens was drawn): the page as usual.
    const plain = timelineHtml({ cspSource: 'S', fileLabel: 'f', asOf: TODAY, svg: '<svg></svg>', obligations: obs, isTemplate: false, focus: 'review/periodic@1999-01-01' });
    expect(plain).not.toContain('focus-card"');
    expect(plain).not.toContain('aria-current');
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

describe('tab stop ranges through edits', () => {
  const r: Range[] = [
    [10, 20],
    [30, 35],
  ];
  it('typing inside or at the edge of a stop grows it; edits before move it; after leave it', () => {
    expect(applyChange(r, { offset: 10, length: 10, inserted: 7 })).toEqual([
      [10, 17],
      [27, 32],
    ]); // the stop's text replaced by a shorter value
    expect(applyChange(r, { offset: 20, length: 0, inserted: 1 })).toEqual([
      [10, 21],
      [31, 36],
    ]); // typed at the end
    expect(applyChange(r, { offset: 0, length: 0, inserted: 3 })).toEqual([
      [13, 23],
      [33, 38],
    ]);
    expect(applyChange(r, { offset: 40, length: 2, inserted: 0 })).toEqual(r);
    expect(applyChange(r, { offset: 18, length: 5, inserted: 1 })).toEqual([
      [10, 19],
      [26, 31],
    ]); // straddles the end: the union
  });
  it('within and touches', () => {
    expect(within(r, 20, 20)).toBe(true);
    expect(within(r, 10, 20)).toBe(true);
    expect(within(r, 21, 21)).toBe(false);
    expect(within(r, 19, 31)).toBe(false);
    expect(touches(r, 0, 9)).toBe(false);
    expect(touches(r, 0, 10)).toBe(true);
    expect(touches(r, 25, 40)).toBe(true);
  });
});
