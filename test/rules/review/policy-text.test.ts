// The review rules' texts render their numbers from the policy data: a window changed in a copy
// of the policy changes the description, the rule pages and the README table.
import { describe, expect, it } from 'vitest';
import { renderFamilyPages, renderRuleSection, renderRuleTable } from '../../../server/src/docs/render.js';
import { renderPolicyText } from '../../../server/src/docs/policyText.js';
import { readFileSync } from 'node:fs';
import { renderReviewsDoc, REVIEWS_TEMPLATE } from '../../../server/src/docs/reviewsDoc.js';
import { defaultConfig } from '../../../server/src/engine/config.js';
import { buildPolicy, defaultPolicy } from '../../../server/src/policy/index.js';
import { ALL_RULES } from '../../../server/src/rules/index.js';
import { rules } from '../../../server/src/rules/review/index.js';
import { preRelease } from '../../../server/src/rules/review/pre-release.js';
import { preTariff } from '../../../server/src/rules/review/pre-tariff.js';
import { significantEvent } from '../../../server/src/rules/review/significant-event.js';

const changed = buildPolicy({
  policy: {
    review: {
      pre_release: { window_opens_before_release: { weeks: 10 }, due_before_release: { weeks: 3 } },
      pre_tariff: { due_before_ped: { years: 3, weeks: 2 } },
      significant_event_weeks: 1,
      crc_release_window: { earliest_before_release: { weeks: 13 } },
    },
  },
});

describe('review rule texts from policy data', () => {
  it('the shipped texts say the shipped numbers, and no placeholder is left in any rule text', () => {
    expect(preRelease.meta.description).toContain('between 8 and 2 weeks before the release date');
    expect(preTariff.meta.description).toContain('2 years 24 weeks before the parole eligibility date');
    expect(preTariff.meta.docs.rationale).toContain('2 years and 24 weeks before');
    for (const r of ALL_RULES) {
      expect(r.meta.description).not.toContain('{{');
      expect(r.meta.docs.rationale).not.toContain('{{');
    }
  });

  it('a changed copy of the policy changes the description, the rule page and the README table', () => {
    expect(changed.problems).toEqual([]);
    const section = renderRuleSection(preRelease, changed.policy).join('\n');
    expect(section).toContain('between 10 and 3 weeks before the release date');
    expect(section).toContain('falls between 10 weeks and 3 weeks before `sentence.release_date`');
    expect(section).not.toContain('8 and 2 weeks');
    const page = renderFamilyPages(ALL_RULES, changed.policy).get('docs/rules/review.md')!;
    expect(page).toContain('3 years 2 weeks before the parole eligibility date');
    expect(page).toContain("planlint's default of 1 week");
    expect(page).toContain('no more than 13 weeks before the release date');
    expect(page).not.toContain('12 weeks before the release date');
    const table = renderRuleTable(ALL_RULES, changed.policy);
    expect(table).toContain('between 10 and 3 weeks');
    // The shipped rendering is what the committed docs hold.
    expect(renderFamilyPages(ALL_RULES).get('docs/rules/review.md')).toContain('between 8 and 2 weeks');
    expect(renderRuleSection(significantEvent).join('\n')).toContain("planlint's default of 4 weeks");
  });

  it('docs/reviews.md: its tables, notes and worked example follow a changed policy', () => {
    const template = readFileSync(REVIEWS_TEMPLATE, 'utf8');
    const shipped = renderReviewsDoc(template);
    const other = renderReviewsDoc(template, { ...defaultConfig(), policy: changed.policy });
    expect(shipped).not.toContain('{{');
    expect(shipped).toContain('| release − 2 weeks | release − 8 weeks to release − 2 weeks |');
    expect(other).toContain('| release − 3 weeks | release − 10 weeks to release − 3 weeks |');
    expect(shipped).toContain('PED − 2 years 24 weeks');
    expect(other).toContain('PED − 3 years 2 weeks');
    expect(other).toContain('no more than 13 weeks before release');
    expect(other).not.toContain('12 weeks');
    // The worked example is computed: the pre-release review moves with the policy.
    expect(shipped).toContain('| Pre-release review | 2026-11-11 | 2026-09-30 – 2026-11-11 | **overdue** (12 days) |');
    expect(other).toContain('| Pre-release review | 2026-11-04 | 2026-09-16 – 2026-11-04 | **overdue** (19 days) |');
    expect(other).toContain('Pre-release review overdue by 19 days');
  });

  it('every review rule text renders with the shipped policy unchanged from its rendered meta', () => {
    for (const r of rules) expect(renderRuleSection(r, defaultPolicy().policy)).toEqual(renderRuleSection(r));
  });

  it('placeholders: durations, lists, numbers with a unit, ranges', () => {
    const p = defaultPolicy().policy;
    expect(renderPolicyText('{{review.pre_tariff.due_before_ped}} / {{review.pre_tariff.due_before_ped|and}}', p)).toBe('2 years 24 weeks / 2 years and 24 weeks');
    expect(renderPolicyText('{{review.pre_release_mappa.mappa_levels}} / {{review.pre_release_mappa.mappa_levels|and}}', p)).toBe('2 or 3 / 2 and 3');
    expect(renderPolicyText('{{review.significant_event_weeks|weeks}}', p)).toBe('4 weeks');
    expect(renderPolicyText('{{range review.pre_release.window_opens_before_release review.pre_release.due_before_release|to}}', p)).toBe('8 to 2 weeks');
    expect(renderPolicyText('{{range review.pre_tariff.due_before_ped review.pre_release.due_before_release}}', p)).toBe('2 years 24 weeks and 2 weeks');
    expect(() => renderPolicyText('{{review.no_such_value}}', p)).toThrow(/no_such_value/);
  });
});

describe('plan rule texts that state review or plan policy numbers', () => {
  it('plan/crc-handover and plan/responsibility say the window and the minimum sentence the policy gives', async () => {
    const { crcHandover } = await import('../../../server/src/rules/plan/crc-handover.js');
    const { responsibility } = await import('../../../server/src/rules/plan/responsibility.js');
    expect(crcHandover.meta.description).toContain('within 12 weeks of release');
    const other = buildPolicy({ policy: { review: { crc_release_window: { earliest_before_release: { weeks: 13 } } }, plan: { responsibility_min_custodial_months: 10 } } });
    expect(other.problems).toEqual([]);
    const handover = renderRuleSection(crcHandover, other.policy).join('\n');
    expect(handover).toContain('within 13 weeks of release');
    expect(handover).not.toContain('12 weeks');
    const owner = renderRuleSection(responsibility, other.policy).join('\n');
    expect(owner).toContain('a determinate sentence of 10 months or more');
    expect(owner).toContain('except in the last 13 weeks before release');
    expect(owner).not.toMatch(/12 (weeks|months)/);
  });
});
