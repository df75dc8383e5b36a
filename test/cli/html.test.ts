// `--format html`: one page with each plan's timeline (the engine's SVG, the same picture as
// the VS Code timeline) and its findings. Unique ids per timeline, no script, escaped text,
// the same page from worker threads and from the cache, templates and unreadable files handled.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../server/src/engine/config.js';
import { lint } from '../../server/src/engine/lint.js';
import { dueDates } from '../../server/src/engine/obligations.js';
import { renderTimelineSvg } from '../../server/src/engine/timeline.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { AS_OF, bundleCli, cli, REPO, removeTree, spawnCli, tempTree } from './helpers.js';

const SAMPLE = (p: string): string => readFileSync(join(REPO, 'samples', p), 'utf8');
const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
const svgs = (html: string): string[] => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0]);
/** The <section> of one file. */
const section = (html: string, file: string): string => {
  const start = html.indexOf(`<h2>${file}</h2>`);
  expect(start, file).toBeGreaterThan(0);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
};

let dir: string;
beforeAll(() => {
  dir = tempTree({
    'good/determinate.plan.yaml': SAMPLE('good/determinate.plan.yaml'),
    'good/community.plan.yaml': SAMPLE('good/community.plan.yaml'),
    'bad/a&b <review>.plan.yaml': SAMPLE('bad/review-periodic.plan.yaml'),
    'templates/t.template.plan.yaml': SAMPLE('templates/determinate.template.plan.yaml'),
    'latin1.plan.yaml': Buffer.from('sentence_plan: 1\nname: Ren\xe9e\n', 'latin1'),
  });
});
afterAll(() => removeTree(dir));

const run = (argv: string[], cwd = dir) => cli(['--as-of', AS_OF, '--format', 'html', ...argv], { cwd, rules: ALL_RULES });

describe('--format html', () => {
  it('is one self-contained page: a strict CSP, no script, no external resource', async () => {
    const r = await run(['.']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(r.stdout.trimEnd().endsWith('</html>')).toBe(true);
    expect(r.stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(r.stdout).not.toMatch(/<script|<link|<img|<iframe|\son[a-z]+=/i);
    // The only URLs are the rule documentation links and the SVG namespace.
    const urls = [...r.stdout.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('#'));
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^https:\/\/github\.com\/planlint\/planlint\/blob\/main\/docs\/rules\/[a-z]+\.md#[a-z-]+$/);
    expect(r.stdout).toContain(`5 files checked as of ${AS_OF}`);
  });

  it('draws one timeline per plan (not for the template or the unreadable file), each with its own ids', async () => {
    const r = await run(['.']);
    expect(svgs(r.stdout)).toHaveLength(3);
    const all = ids(r.stdout);
    expect(new Set(all).size).toBe(all.length);
    // aria-labelledby points at ids of the same SVG.
    for (const svg of svgs(r.stdout)) {
      const refs = /aria-labelledby="([^"]*)"/.exec(svg)![1].split(' ');
      for (const ref of refs) expect(ids(svg)).toContain(ref);
    }
    expect(section(r.stdout, 'templates/t.template.plan.yaml')).toContain('No timeline: this is a template');
    const latin1 = section(r.stdout, 'latin1.plan.yaml');
    expect(latin1).not.toContain('<svg');
    expect(latin1).not.toContain('No timeline');
    expect(latin1).toContain('meta/encoding');
  });

  it('shows the same picture as the engine draws for the editor', async () => {
    const r = await run(['good/determinate.plan.yaml']);
    expect(r.code).toBe(0);
    const text = SAMPLE('good/determinate.plan.yaml');
    const res = lint(text, { asOf: AS_OF });
    const expected = renderTimelineSvg(res.plan, AS_OF, dueDates(res.plan, AS_OF, defaultConfig().policy), {
      idPrefix: 'pl-1',
      title: 'Sentence timeline of good/determinate.plan.yaml',
      inlineStyle: false,
    });
    expect(svgs(r.stdout)).toEqual([expected]);
    expect(expected).toContain('Pre-release review');
    // The stylesheet is the page's, once, not one copy per timeline.
    expect(expected).not.toContain('<style>');
    expect(r.stdout.split('.pl-custody {')).toHaveLength(2);
    // One file: no table of contents.
    expect(r.stdout).not.toContain('<nav');
  });

  it('escapes file names and messages, and shows quoted keys as code', async () => {
    const r = await run(['.']);
    expect(r.stdout).toContain('<h2>bad/a&amp;b &lt;review&gt;.plan.yaml</h2>');
    expect(r.stdout).not.toContain('a&b <review>');
    const bad = section(r.stdout, 'bad/a&amp;b &lt;review&gt;.plan.yaml');
    expect(bad).toContain('review/periodic');
    expect(bad).toMatch(/<code>[a-z_]+<\/code>/);
    expect(r.stdout).toMatch(/<nav aria-label="Files">[\s\S]*href="#file-\d+"/);
  });

  it('carries no name or prison number from the plans', async () => {
    const r = await run(['.']);
    for (const p of ['good/determinate.plan.yaml', 'good/community.plan.yaml']) {
      const text = SAMPLE(p);
      const name = /^\s*name: (.+)$/m.exec(text)![1];
      const number = /^\s*prison_number: (\S+)/m.exec(text)?.[1];
      expect(r.stdout).not.toContain(name);
      if (number) expect(r.stdout).not.toContain(number);
    }
    expect(r.stdout).not.toContain('Ren');
  });

  it('gives the same page from the cache, whether the cache was written by an html run or another format', async () => {
    const d = tempTree();
    try {
      for (const f of ['good/determinate.plan.yaml', 'good/indeterminate.plan.yaml', 'bad/review-periodic.plan.yaml']) copyFileSync(join(REPO, 'samples', f), join(d, f.replace('/', '-')));
      const plain = await run(['.'], d);
      // A cache written by a json run has no timelines: the html run lints again and adds them.
      await cli(['--as-of', AS_OF, '--format', 'json', '--cache', '.'], { cwd: d, rules: ALL_RULES });
      const cold = await run(['--cache', '.'], d);
      expect(cold.stdout).toBe(plain.stdout);
      const lines = readFileSync(join(d, '.planlintcache'), 'utf8').trimEnd().split('\n').slice(1);
      const entries = lines.map((l) => JSON.parse(l.split('\t')[2]) as { timeline?: { asOf: string } | null });
      expect(entries).toHaveLength(3);
      for (const e of entries) expect(e.timeline?.asOf).toBe(AS_OF);
      const warm = await run(['--cache', '.'], d);
      expect(warm.stdout).toBe(plain.stdout);
      // A later date draws a later "today" line.
      const later = await cli(['--as-of', '2027-01-05', '--format', 'html', '--cache', '.'], { cwd: d, rules: ALL_RULES });
      expect(later.stdout).toContain('today 2027-01-05');
      expect(later.stdout).not.toContain(`today ${AS_OF}`);
    } finally {
      removeTree(d);
    }
  });

  it('under --fix draws the plan as fixed', async () => {
    const d = tempTree({ 'p.plan.yaml': SAMPLE('bad/schema-score-range.plan.yaml') });
    try {
      const r = await run(['--fix', 'p.plan.yaml'], d);
      const fixed = readFileSync(join(d, 'p.plan.yaml'), 'utf8');
      expect(fixed).not.toBe(SAMPLE('bad/schema-score-range.plan.yaml'));
      const res = lint(fixed, { asOf: AS_OF });
      const expected = renderTimelineSvg(res.plan, AS_OF, dueDates(res.plan, AS_OF, defaultConfig().policy), { idPrefix: 'pl-1', title: 'Sentence timeline of p.plan.yaml', inlineStyle: false });
      expect(svgs(r.stdout)).toEqual([expected]);
    } finally {
      removeTree(d);
    }
  });

  it('worker threads give the same page as one thread', async () => {
    const bundle = await bundleCli();
    const d = tempTree();
    try {
      const { makeCorpus } = (await import(join(REPO, 'bench/plans.mjs'))) as { makeCorpus: (n: number, o?: { seed?: number }) => { name: string; text: string }[] };
      for (const p of makeCorpus(24, { seed: 5 })) writeFileSync(join(d, p.name), p.text);
      const args = (c: string) => ['--as-of', AS_OF, '--format', 'html', '--exit-zero', '--concurrency', c, '.'];
      const off = spawnCli(bundle, args('off'), { cwd: d });
      const two = spawnCli(bundle, args('2'), { cwd: d });
      expect(off.code).toBe(0);
      expect(svgs(off.stdout).length).toBeGreaterThanOrEqual(20);
      expect(two.stdout).toBe(off.stdout);
    } finally {
      removeTree(d);
    }
  }, 60_000);
});
