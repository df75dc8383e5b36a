// Rule docs and the README table are generated from rule metadata; this fails when they are stale.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from '../server/src/engine/parse.js';
import { renderFamilyPages, renderRuleTable, README_TABLE_END, README_TABLE_START } from '../server/src/docs/render.js';
import { ALL_RULES } from '../server/src/rules/index.js';
import { REVIEWS_PAGE, REVIEWS_TEMPLATE, renderReviewsDoc } from '../server/src/docs/reviewsDoc.js';

describe('rule metadata', () => {
  it('has unique ids of the form family/name', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });
  it.each(ALL_RULES.map((r) => [r.meta.id, r] as const))('%s documents itself', (id, r) => {
    expect(r.meta.description.length).toBeGreaterThan(10);
    expect(r.meta.docs.rationale.length).toBeGreaterThan(20);
    if (!id.startsWith('meta/')) {
      expect(r.meta.policy).toMatch(/PSI|PRT|plan format|programmes/i);
      expect(r.meta.docs.bad.trim()).not.toBe('');
      expect(r.meta.docs.good.trim()).not.toBe('');
    }
    for (const frag of [r.meta.docs.bad, r.meta.docs.good]) {
      if (frag.trim()) expect(parseText(frag).problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});

describe('generated docs are up to date (run `npm run docs` if this fails)', () => {
  it('docs/rules/<family>.md match the metadata', () => {
    for (const [path, text] of renderFamilyPages(ALL_RULES)) {
      expect(existsSync(path), `${path} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${path} is stale`).toBe(text);
    }
  });
  it('docs/reviews.md matches its template and the review policy', () => {
    expect(readFileSync(REVIEWS_PAGE, 'utf8')).toBe(renderReviewsDoc(readFileSync(REVIEWS_TEMPLATE, 'utf8')));
  });
  it('the README rule table matches the metadata', () => {
    const readme = readFileSync('README.md', 'utf8');
    const a = readme.indexOf(README_TABLE_START);
    const b = readme.indexOf(README_TABLE_END);
    expect(a).toBeGreaterThan(0);
    expect(readme.slice(a + README_TABLE_START.length, b).trim()).toBe(renderRuleTable(ALL_RULES).trim());
  });
});
