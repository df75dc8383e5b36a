import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint.js';
import { dueDates } from '../../server/src/engine/obligations.js';
import { escapeXml, renderTimeline, renderTimelineSvg, TIMELINE_STYLE, timelineModel } from '../../server/src/engine/timeline.js';
import { defaultPolicy } from '../../server/src/policy/index.js';

const ASOF = '2026-11-23';
const { policy } = defaultPolicy();

/**
 * A small well-formedness check for the SVG (no DOM in the tests): tags nest and close,
 * attribute values are quoted, `<` never appears in text and every `&` starts an entity.
 * Returns the element names in document order.
 */
function checkXml(xml: string): string[] {
  const names: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    expect(text, 'text between tags').not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(text).not.toContain('>');
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    for (const v of m[3].matchAll(/="([^"]*)"/g)) expect(v[1]).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    const [, close, name, , selfClose] = m;
    if (close) {
      expect(stack.pop(), `closing </${name}>`).toBe(name);
    } else {
      names.push(name);
      if (!selfClose) stack.push(name);
    }
    i = tag.lastIndex;
  }
  expect(stack).toEqual([]);
  return names;
}

/** The text content of the SVG (tags removed, entities decoded). */
const textOf = (svg: string): string =>
  svg
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

const sample = readFileSync(new URL('../../samples/good/determinate.plan.yaml', import.meta.url), 'utf8');

describe('renderTimelineSvg', () => {
  const r = lint(sample, { asOf: ASOF });
  const obligations = dueDates(r.plan, ASOF, policy);
  const svg = renderTimelineSvg(r.plan, ASOF, obligations);

  it('is one well-formed svg element with an accessible title and description', () => {
    const names = checkXml(svg);
    expect(names[0]).toBe('svg');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).toMatch(/role="img" aria-labelledby="pl-title pl-desc"/);
    expect(svg).toContain('<title id="pl-title">Sentence timeline</title>');
    expect(svg).toMatch(/<desc id="pl-desc">Timeline from 2025-06-10 to 2029-06-09, as of 2026-11-23\./);
    // Every row drawing carries its own title.
    expect(names.filter((n) => n === 'g').length).toBeLessThanOrEqual(names.filter((n) => n === 'title').length);
  });

  it('draws the sentence dates', () => {
    const t = textOf(svg);
    expect(t).toContain('Sentenced: 2025-06-10');
    expect(t).toContain('Release: 2027-06-09');
    expect(t).toContain('Sentence end: 2029-06-09');
    expect(t).toContain('In custody from 2025-06-10 to 2027-06-09');
    expect(t).toContain('On licence from 2027-06-09 to 2029-06-09');
    expect(t).toContain('today 2026-11-23');
  });

  it('draws every obligation with its due date and state, by class and by text', () => {
    expect(obligations.length).toBeGreaterThan(2);
    const t = textOf(svg);
    for (const o of obligations) {
      expect(t).toContain(`${o.kind}: due ${o.due}`);
      expect(t).toContain(`due ${o.due} · ${o.state === 'met' ? `met on ${o.metOn}` : o.state}`);
    }
    const pre = obligations.find((o) => o.rule === 'review/pre-release')!;
    expect(pre.state).toBe('upcoming');
    expect(svg).toContain('class="pl-upcoming pl-ring"');
    expect(svg).toContain('class="pl-met"');
  });

  it('shows overdue and late states with their own shapes', () => {
    const overdue = renderTimelineSvg(r.plan, ASOF, [
      { ...obligations[0], state: 'overdue', daysPast: 12, metOn: undefined, metBy: undefined },
      { ...obligations[0], kind: 'Late one', state: 'late', daysPast: 1, metOn: '2025-10-01' },
    ]);
    checkXml(overdue);
    const t = textOf(overdue);
    expect(t).toContain('overdue by 12 days');
    expect(t).toContain('done late on 2025-10-01 (1 day after the due date)');
    expect(overdue).toContain('class="pl-overdue pl-cross"');
    expect(overdue).toMatch(/<path class="pl-late" d="M/);
  });

  it('draws objective and action target dates by id', () => {
    const t = textOf(svg);
    for (const o of r.plan.objectives) expect(t).toContain(`Objective ${o.id}: target date ${o.target_date}`);
    for (const a of r.plan.actions.filter((x) => x.target_date)) expect(t).toContain(`Action ${a.id}:`);
  });

  it('never shows the person: no name, prison number, date of birth, establishment or free text', () => {
    expect(sample).toContain('Sample Person One');
    const t = textOf(svg);
    for (const secret of ['Sample Person One', 'A0001AA', '1990-04-12', 'HMP Leeds', 'POM Example 1', 'Drug testing', 'substance misuse service'])
      expect(t).not.toContain(secret);
    expect(svg).not.toContain('A0001AA');
  });

  it('escapes markup in ids and in the title', () => {
    const text = `sentence_plan: 1
kind: plan
person: { name: "Jo <Secret> Bloggs", prison_number: "Z9999ZZ" }
sentence: { type: determinate, length_months: 24, sentenced_on: 2026-01-05, release_date: 2027-01-04, sentence_end_date: 2028-01-04 }
objectives:
  - { id: "OBJ-<1>&\\"x'", target_date: 2026-12-01 }
actions:
  - { id: "</svg><script>alert(1)</script>", start_date: 2026-02-01, target_date: 2026-06-01 }
`;
    const lr = lint(text, { asOf: ASOF });
    const out = renderTimelineSvg(lr.plan, ASOF, dueDates(lr.plan, ASOF, policy), { title: 'A & <B>', idPrefix: 'x"y' });
    checkXml(out);
    expect(out).not.toContain('<script');
    // Ids that are not id-shaped are not drawn at all: the rows are named by position.
    expect(out).not.toContain('OBJ-&lt;1&gt;');
    expect(out).not.toContain('&lt;/svg&gt;&lt;script&gt;');
    expect(out).toContain('<title id="xy-title">A &amp; &lt;B&gt;</title>');
    expect(textOf(out)).toContain('Objective objective 1: target date 2026-12-01');
    expect(textOf(out)).toContain('Action action 1: from 2026-02-01');
    expect(out).not.toContain('Z9999ZZ');
    expect(out).not.toContain('Secret');
    // The action's start -> target span is a bar.
    expect(out).toMatch(/<rect class="pl-action"/);
  });

  it('takes colours from CSS variables with fallbacks', () => {
    expect(svg).toMatch(/\.pl-overdue \{ fill: var\(--vscode-charts-red, #[0-9a-f]{6}\)/);
    expect(svg).toMatch(/\.pl-text \{ fill: var\(--vscode-editor-foreground, #[0-9a-f]{6}\)/);
    // No fixed colours in presentation attributes: theming goes through the classes.
    expect(svg).not.toMatch(/ (fill|stroke)="#/);
  });

  it('places dates left to right in time order', () => {
    const xOf = (label: string): number => {
      const i = svg.indexOf(`<title>${label}`);
      expect(i).toBeGreaterThan(-1);
      const m = /<path class="pl-key" d="M([\d.]+) /.exec(svg.slice(i));
      return Number(m![1]);
    };
    expect(xOf('Sentenced: 2025-06-10')).toBeLessThan(xOf('Release: 2027-06-09'));
    expect(xOf('Release: 2027-06-09')).toBeLessThan(xOf('Sentence end: 2029-06-09'));
  });

  it('says there is nothing to draw for a plan without dates, and stays well-formed', () => {
    const lr = lint('sentence_plan: 1\nkind: plan\n', { asOf: ASOF });
    const out = renderTimelineSvg(lr.plan, 'not a date', []);
    checkXml(out);
    expect(textOf(out)).toContain('No dates to draw yet');
  });

  it('is deterministic and honours the width option', () => {
    expect(renderTimelineSvg(r.plan, ASOF, obligations)).toBe(svg);
    const narrow = renderTimelineSvg(r.plan, ASOF, obligations, { width: 600 });
    expect(narrow).toMatch(/^<svg [^>]*width="600"/);
  });

  it('splits into a plain-data model and its drawing (what the CLI caches and the html report draws)', () => {
    const model = timelineModel(r.plan, ASOF, obligations);
    // The model survives JSON (the cache) and structured cloning (worker threads) unchanged.
    const copy = JSON.parse(JSON.stringify(model)) as typeof model;
    expect(copy).toEqual(model);
    expect(renderTimeline(copy)).toBe(svg);
    expect(model.states.met + model.states.upcoming + model.states.late + model.states.overdue).toBe(obligations.length);
    // Without its stylesheet (a page that has one) the drawing is otherwise the same.
    const bare = renderTimeline(copy, { inlineStyle: false });
    checkXml(bare);
    expect(bare).not.toContain('<style>');
    expect(bare).toBe(svg.replace(`<style>${TIMELINE_STYLE}</style>`, ''));
  });

  it('escapeXml escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});

describe('the drawing in another locale', () => {
  it("says its own words (description, today, no dates) from the locale's catalogue", async () => {
    const { catalogueFor } = await import('../../server/src/engine/l10n.js');
    const { ensureLocales } = await import('../../server/src/engine/locales.js');
    ensureLocales();
    const r = lint(sample, { asOf: ASOF });
    const obligations = dueDates(r.plan, ASOF, defaultPolicy().policy);
    const en = renderTimelineSvg(r.plan, ASOF, obligations);
    const cy = renderTimelineSvg(r.plan, ASOF, obligations, { catalogue: catalogueFor('cy') });
    expect(en).toContain(`today ${ASOF}`);
    expect(en).toMatch(/<desc[^>]*>Timeline from /);
    expect(cy).toContain(`heddiw ${ASOF}`);
    expect(cy).toMatch(/<desc[^>]*>Llinell amser o /);
    expect(cy).not.toMatch(/Timeline from|Today \(as of|review obligation/);
    const empty = renderTimeline({ asOf: ASOF, rows: [], states: { met: 0, upcoming: 0, late: 0, overdue: 0 } }, { catalogue: catalogueFor('cy') });
    expect(empty).toContain('Dim dyddiadau i&apos;w dangos');
    expect(empty).not.toContain('No dates');
  });
});
