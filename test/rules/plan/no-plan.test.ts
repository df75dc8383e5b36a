// plan/not-required (PSI 19/2014 paras 1.2, 1.7, 1.9): when no plan is needed, one info finding says
// why and nothing that demands plan content is reported.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lint } from '../../../server/src/engine/lint.js';
import { ruleTester } from '../tester.js';
import { AS_OF, rule } from './helpers.js';

/** A bare order as a practitioner might record it: no outcomes, objectives, owner or engagement. */
function bare(sentence: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return stringify({ sentence_plan: 1, kind: 'plan', person: { gender: 'male', date_of_birth: '1988-02-03' }, sentence, ...extra }, { lineWidth: 0 });
}
const order = (requirements: string[], type = 'community_order') =>
  bare({ type, sentenced_on: '2026-05-04', sentence_end_date: '2027-05-03', allocation: 'nps', setting: 'community', requirements });
const custody = (s: Record<string, unknown> = {}) =>
  bare({ type: 'determinate', length_months: 8, sentenced_on: '2026-06-01', release_date: '2026-10-01', setting: 'custody', ...s });
const ORDER_CITE = 'PSI 19/2014 paras 1.2, 1.7, 1.9';

ruleTester(rule('plan/not-required')).run({
  valid: [
    { name: 'a suspended sentence order with a single curfew needs a plan (1.2 and 1.9 attach the exception to community orders)', plan: order(['curfew'], 'suspended_sentence_order') },
    { name: 'a curfew and an exclusion are two requirements', plan: order(['curfew', 'exclusion']) },
    { name: 'a curfew with unpaid work', plan: order(['curfew', 'unpaid_work']) },
    { name: 'electronic monitoring alone is not a curfew or an exclusion', plan: order(['electronic_monitoring']) },
    { name: 'supervised on release', plan: custody({ supervised_on_release: true }) },
    { name: 'supervision on release not recorded', plan: custody() },
    { name: 'a template is not judged', plan: order(['curfew']).replace('kind: plan', 'kind: template') },
  ],
  invalid: [
    {
      name: 'a community order with a single curfew, on the requirements',
      plan: order(['curfew']),
      errors: [{ messageId: 'notNeeded', severity: 'info', cite: ORDER_CITE, data: { why: 'only_requirement', requirement: 'curfew', monitored: 'no' } }],
    },
    { name: 'a single exclusion requirement', plan: order(['exclusion']), errors: [{ messageId: 'notNeeded', data: { requirement: 'exclusion', monitored: 'no' } }] },
    {
      name: 'an electronically monitored curfew (PSI 1.7, the EM contractor case)',
      plan: order(['curfew', 'electronic_monitoring']),
      errors: [{ messageId: 'notNeeded', data: { requirement: 'curfew', monitored: 'yes' } }],
    },
    { name: 'an electronically monitored exclusion, listed second', plan: order(['electronic_monitoring', 'exclusion']), errors: [{ messageId: 'notNeeded', data: { requirement: 'exclusion', monitored: 'yes' } }] },
    {
      name: 'a custodial sentence with no supervision after release, on `supervised_on_release`',
      plan: custody({ supervised_on_release: false }),
      errors: [{ messageId: 'notNeeded', text: 'false', cite: 'PSI 19/2014 paras 1.2, 1.7', data: { why: 'unsupervised' } }],
    },
  ],
});

const all = (text: string, asOf = AS_OF) => lint(text, { asOf }).findings;
const ids = (text: string, asOf = AS_OF) => all(text, asOf).map((f) => f.ruleId);

describe('plan/not-required: no plan needed, no demands', () => {
  it('a community order with a single curfew: one info finding, nothing else', () => {
    const fs = all(order(['curfew']));
    expect(fs.map((f) => [f.ruleId, f.severity])).toEqual([['plan/not-required', 'info']]);
  });
  it('a single exclusion requirement, and an electronically monitored curfew or exclusion (PSI 1.7, the EM contractor case)', () => {
    expect(ids(order(['exclusion']))).toEqual(['plan/not-required']);
    expect(ids(order(['curfew', 'electronic_monitoring']))).toEqual(['plan/not-required']);
    expect(ids(order(['electronic_monitoring', 'exclusion']))).toEqual(['plan/not-required']);
  });
  it('a custodial sentence with no supervision after release: one info finding on `supervised_on_release`', () => {
    const text = bare({ type: 'determinate', length_months: 8, sentenced_on: '2026-06-01', release_date: '2026-10-01', setting: 'custody', supervised_on_release: false });
    const fs = all(text);
    expect(fs.map((f) => f.ruleId)).toEqual(['plan/not-required']);
  });
  it('the rules that demand content stay quiet, even with content that would break them', () => {
    const text = bare(
      { type: 'community_order', sentenced_on: '2024-05-04', sentence_end_date: '2025-05-03', setting: 'community', requirements: ['curfew'] },
      { objectives: [{ id: 'OBJ-1', description: 'Engage.' }], actions: [{ id: 'ACT-1', phase: 'community' }], events: [{ date: '2024-06-01', type: 'transfer' }] },
    );
    expect(ids(text)).toEqual(['plan/not-required']);
  });
  it('no risk management plan is asked for either: with no plan there is no assessment update (PSI 1.2, 1.4)', () => {
    const text = bare(
      { type: 'community_order', sentenced_on: '2026-05-04', setting: 'community', requirements: ['exclusion'] },
      { assessment: { rosh: { overall: 'medium' }, mappa: { category: 2, level: 2 } } },
    );
    expect(ids(text)).toEqual(['plan/not-required']);
  });
  it('the file is still checked for shape: a broken value is still an error', () => {
    const text = order(['curfew']).replace('gender: male', 'gender: Male');
    expect(ids(text).sort()).toEqual(['plan/not-required', 'schema/shape']);
  });
});

describe('plan/not-required: the edges, where a plan is needed', () => {
  it('a suspended sentence order with a single curfew needs a plan (1.2 and 1.9 attach the exception to community orders)', () => {
    const fs = ids(order(['curfew'], 'suspended_sentence_order'));
    expect(fs).not.toContain('plan/not-required');
    expect(fs).toContain('plan/outcomes-required');
  });
  it('a curfew and an exclusion are two requirements; curfew with unpaid work too', () => {
    expect(ids(order(['curfew', 'exclusion']))).not.toContain('plan/not-required');
    expect(ids(order(['curfew', 'unpaid_work']))).toContain('plan/outcomes-required');
  });
  it('electronic monitoring alone is not a curfew or an exclusion', () => {
    expect(ids(order(['electronic_monitoring']))).not.toContain('plan/not-required');
  });
  it('supervised on release (true, or not recorded) needs a plan', () => {
    const s = { type: 'determinate', length_months: 8, sentenced_on: '2026-06-01', release_date: '2026-10-01', setting: 'custody' };
    expect(ids(bare({ ...s, supervised_on_release: true }))).not.toContain('plan/not-required');
    expect(ids(bare(s))).toContain('plan/outcomes-required');
  });
  it('a template is not judged', () => {
    expect(ids(order(['curfew']).replace('kind: plan', 'kind: template'))).not.toContain('plan/not-required');
  });
});
