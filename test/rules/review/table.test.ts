// The review obligations are a table in policy data (policy/review.json), evaluated by one
// interpreter (policy/obligations.ts): adding an obligation of an existing shape is a table
// entry, in review.json or in configuration, never TypeScript.
import { configText } from '../../../server/src/engine/config.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { lint } from '../../../server/src/engine/lint.js';
import { dueDates } from '../../../server/src/engine/obligations.js';
import { buildPolicy, defaultPolicy } from '../../../server/src/policy/index.js';
import { periodic } from '../../../server/src/rules/review/periodic.js';
import { preRelease } from '../../../server/src/rules/review/pre-release.js';
import { rules } from '../../../server/src/rules/review/index.js';
import { planYaml } from './helpers.js';

const COMMUNITY = { type: 'community_order', sentenced_on: '2026-01-05', sentence_end_date: '2028-01-05' };

/** A local obligation of an existing shape (a plan date, an offset, a window): a community order is reviewed 6 months in. */
const SIX_MONTHS = [
  'policy:',
  '  review:',
  '    obligations:',
  '      community_six_months:',
  '        rule: review/periodic',
  '        label: Six-month review',
  '        applies: { sentence_type: [community_order] }',
  '        anchor: { date: sentence.sentenced_on }',
  '        due: { after: { months: 6 } }',
  '        window: { before_due: { weeks: 4 } }',
  '        review_type: periodic',
  '        basis: "{due_offset} after sentencing on {anchor}"',
  '        citation: { short: local policy, full: local review policy }',
  '',
].join('\n');

describe('obligations as policy data', () => {
  it('an obligation added in configuration is evaluated and reported by the rule it names', () => {
    const { config, problems } = loadConfigText(SIX_MONTHS, 'c.yaml', rules.map((r) => r.meta.id));
    expect(problems).toEqual([]);
    const text = planYaml({ sentence: COMMUNITY, reviews: [['2026-02-01', 'initial']] });
    const plan = lint(text, { asOf: '2026-08-01', rules: [] }).plan;
    const mine = dueDates(plan, '2026-08-01', config.policy).filter((o) => o.kind === 'Six-month review');
    expect(mine).toEqual([
      expect.objectContaining({ rule: 'review/periodic', due: '2026-07-05', windowStart: '2026-06-07', state: 'overdue', daysPast: 27, path: ['sentence', 'sentenced_on'], policy: 'local review policy' }),
    ]);
    const [f] = lint(text, { asOf: '2026-08-01', rules: [periodic], config }).findings;
    expect(f.ruleId).toBe('review/periodic');
    expect(f.message).toMatch(/^Six-month review overdue by 27 days: it was due on 2026-07-05 \(6 months after sentencing on 2026-01-05\)/);
    expect(f.message).toContain('(local policy)');
    // Its label and basis are policy data, said as written; the sentence around them is the family's message.
    expect(f.messageId).toBe('review/periodic.overdue');
    expect(f.data).toMatchObject({ kind: 'Six-month review', basis: '6 months after sentencing on 2026-01-05', due: '2026-07-05' });
    expect(f.cite).toBe('local policy');
    // Without the entry the same plan owes nothing under review/periodic (a community order has no periodic review).
    expect(lint(text, { asOf: '2026-08-01', rules: [periodic] }).findings).toEqual([]);
    // A review in its window meets it.
    const met = planYaml({ sentence: COMMUNITY, reviews: [['2026-06-20', 'periodic']] });
    expect(lint(met, { asOf: '2026-08-01', rules: [periodic], config }).findings).toEqual([]);
  });

  it('an override of one field of a shipped entry merges into it', () => {
    const { config, problems } = loadConfigText('policy:\n  review:\n    obligations:\n      pre_release:\n        window: { before_due: { weeks: 1 } }\n', 'c.yaml', []);
    expect(problems).toEqual([]);
    const det = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };
    const plan = lint(planYaml({ sentence: det }), { asOf: '2026-11-23', rules: [] }).plan;
    const [o] = dueDates(plan, '2026-11-23', config.policy).filter((x) => x.rule === 'review/pre-release');
    expect(o).toMatchObject({ due: '2026-11-11', windowStart: '2026-11-04', kind: 'Pre-release review' });
    const text = planYaml({ sentence: det, reviews: [['2026-10-20', 'pre_release']] });
    expect(lint(text, { asOf: '2026-11-23', rules: [preRelease] }).findings).toEqual([]);
    expect(lint(text, { asOf: '2026-11-23', rules: [preRelease], config }).findings).toHaveLength(1);
  });

  it('a shipped label reworded in configuration is said as written; the shipped one is a message by id', () => {
    const det = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };
    const text = planYaml({ sentence: det });
    const [shipped] = lint(text, { asOf: '2026-11-23', rules: [preRelease] }).findings;
    expect(shipped.data?.kind).toEqual({ id: 'label_pre_release', data: { case: 'sentence' } });
    const { config } = loadConfigText('policy:\n  review:\n    obligations:\n      pre_release:\n        label: Release review\n', 'c.yaml', []);
    const [f] = lint(text, { asOf: '2026-11-23', rules: [preRelease], config }).findings;
    expect(f.data?.kind).toBe('Release review');
    expect(f.message).toMatch(/^Release review overdue by 12 days/);
    expect(f.fixes[0].title).toBe('Record the release review due on 2026-11-11 in `reviews` (confirm its real date)');
  });

  it('an achieved objective is named in the obligation label by a quotable id only (the label reaches hover, the report and the timeline)', () => {
    const det = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2027-11-25', setting: 'custody' };
    const kinds = (id: string) =>
      dueDates(lint(planYaml({ sentence: det, reviews: [['2026-05-01', 'periodic']], extra: `objectives:\n  - { id: ${id}, status: achieved, achieved_on: 2026-09-01 }` }), { asOf: '2026-11-23', rules: [] }).plan, '2026-11-23', defaultPolicy().policy)
        .filter((o) => o.id === 'objective_achieved')
        .map((o) => o.kind);
    expect(kinds('OBJ-2')).toEqual(['Significant-event review (objective OBJ-2 achieved)']);
    expect(kinds('Jo Bloggs')).toEqual(['Significant-event review (objective 1 achieved)']);
  });

  it('a bad entry is reported with the file, line and key, and the defaults are used', () => {
    const bad = SIX_MONTHS.replace('review_type: periodic', 'review_type: monthly');
    const { config, problems } = loadConfigText(bad, 'c.yaml', []);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'c.yaml', line: 11 });
    expect(config.policy.review.obligations.community_six_months).toBeUndefined();
    const unknownKey = loadConfigText(SIX_MONTHS.replace('        review_type:', '        reveiw_type: x\n        review_type:'), 'c.yaml', []).problems;
    expect(unknownKey[0].message).toMatch(/unknown key `reveiw_type`/);
    expect(unknownKey[0].line).toBe(11);
  });

  it('a param that names no policy value, and a replacement that names no obligation, are located problems', () => {
    const r = buildPolicy({ policy: { review: { obligations: { pre_tariff: { due: { before: { param: 'pre_tariff.due_before_pde' } } }, pre_parole: { replaced_by: ['nope'] } } } } });
    expect(r.problems.map((p) => ({ ...p, message: configText(p.message) }))).toEqual([
      { path: ['policy', 'review', 'obligations', 'pre_tariff', 'due', 'before', 'param'], message: '`pre_tariff.due_before_pde` is not a value of the review policy' },
      { path: ['policy', 'review', 'obligations', 'pre_parole', 'replaced_by', 0], message: '`nope` is not an obligation in the table' },
    ]);
    expect(r.policy.review).toEqual(defaultPolicy().policy.review);
  });

  it('the named parameters drive the table: changing one moves every due date computed from it', () => {
    const pol = buildPolicy({ policy: { review: { pre_release: { due_before_release: { weeks: 3 } } } } });
    expect(pol.problems).toEqual([]);
    const det = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };
    const plan = lint(planYaml({ sentence: det }), { asOf: '2026-11-23', rules: [] }).plan;
    const [o] = dueDates(plan, '2026-11-23', pol.policy).filter((x) => x.rule === 'review/pre-release');
    expect(o).toMatchObject({ due: '2026-11-04', basis: '3 weeks before release on 2026-11-25' });
  });

  it('the interpreter names no rule, citation or sentence type: they are all in the table', () => {
    const src = readFileSync(new URL('../../../server/src/policy/obligations.ts', import.meta.url), 'utf8').replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '');
    const body = src.slice(src.indexOf('export function reviewRecords'));
    expect(body.length).toBeGreaterThan(2000);
    expect(body).not.toMatch(/'review\/[a-z-]+'/);
    expect(body).not.toMatch(/PSI|PRT/);
    expect(body).not.toMatch(/'(life|ipp|determinate|extended_determinate|community_order)'/);
    // Every shipped entry names a rule of the review family.
    const ids = new Set(rules.map((r) => r.meta.id));
    for (const o of Object.values(defaultPolicy().policy.review.obligations)) expect(ids.has(o.rule)).toBe(true);
  });
});
