// Inlay hints after dates: relative to the as-of date, "overdue" for an objective not
// achieved, and how long before release custody work falls; off with inlayHints.dates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { relativeText, spanText } from '../../server/src/lsp/inlayHints.js';
import { AS_OF, ROOT, startClient, type TestClient } from './harness.js';

const DET = readFileSync(join(ROOT, 'samples/good/determinate.plan.yaml'), 'utf8');
interface Hint {
  position: { line: number; character: number };
  label: string;
}
let c: TestClient | undefined;
afterEach(() => c?.stop());

async function hints(text: string, settings?: Record<string, unknown>): Promise<{ hints: Hint[]; init: Record<string, unknown> }> {
  const started = await startClient({ settings });
  c = started.client;
  const uri = 'file:///ws/d.plan.yaml';
  c.open(uri, text);
  await c.diagnostics(uri, 1);
  const lines = text.split('\n').length;
  const r = (await c.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } })) as Hint[];
  return { hints: r, init: started.init.capabilities };
}
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('inlay hints for dates', () => {
  it('words a span of days plainly', () => {
    expect(spanText(1)).toBe('1 day');
    expect(spanText(12)).toBe('12 days');
    expect(spanText(14)).toBe('2 weeks');
    expect(spanText(-21)).toBe('3 weeks');
    expect(spanText(200)).toBe('7 months');
    expect(spanText(800)).toBe('2 years');
    expect(relativeText('2026-11-23', '2026-11-23')).toBe('today');
    expect(relativeText('2026-12-05', '2026-11-23')).toBe('in 12 days');
    expect(relativeText('2026-11-02', '2026-11-23')).toBe('3 weeks ago');
  });

  it('after the release date and each target date, with the time before release for custody work', async () => {
    const { hints: hs, init } = await hints(DET);
    expect(init.inlayHintProvider).toBeTruthy();
    const release = hs.find((h) => h.position.line === lineOf(DET, 'release_date: 2027-06-09'));
    expect(release?.label).toBe(relativeText('2027-06-09', AS_OF));
    const target = hs.find((h) => h.position.line === lineOf(DET, 'target_date: 2027-03-31'));
    expect(target?.label).toMatch(/^in 4 months · 10 weeks before release$/);
    // At the end of the value.
    expect(target!.position.character).toBe(DET.split('\n')[lineOf(DET, 'target_date: 2027-03-31')].indexOf('2027-03-31') + 10);
    for (const h of hs) expect(h.label).toMatch(/^(today|in \d+ \w+|\d+ \w+ ago|overdue \d+ \w+)( · (\d+ \w+ before release|on release|after release))?$/);
  });

  it('an objective past its target date and not achieved is overdue; an achieved one is history', async () => {
    const past = DET.replace('    target_date: 2027-03-31\n    status: in_progress', '    target_date: 2026-11-20\n    status: in_progress');
    const { hints: hs } = await hints(past);
    expect(hs.find((h) => h.position.line === lineOf(past, 'target_date: 2026-11-20'))?.label).toMatch(/^overdue 3 days/);
    const done = DET.replace('    target_date: 2027-03-31\n    status: in_progress', '    target_date: 2026-11-20\n    status: achieved');
    const { hints: hs2 } = await hints(done);
    expect(hs2.find((h) => h.position.line === lineOf(done, 'target_date: 2026-11-20'))?.label).toMatch(/^3 days ago/);
  });

  it('none when the setting turns them off', async () => {
    const { hints: hs } = await hints(DET, { inlayHints: { dates: false } });
    expect(hs).toEqual([]);
  });
});
