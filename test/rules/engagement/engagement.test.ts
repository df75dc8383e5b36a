// engagement/recorded, engagement/views, engagement/discretionary-release, in the rule tester.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { ruleTester } from '../tester.js';
import { AS_OF, plan, rule } from '../plan/helpers.js';

const PARAS = 'PSI 19/2014 paras 1.5, 1.9';

ruleTester(rule('engagement/recorded')).run({
  valid: [
    { name: 'involved, with the date the plan was discussed', plan: plan() },
    { name: 'not involved is still a record (involved: false with a date)', plan: plan({ engagement: { involved: false } }) },
    // Realistic: the person took part on the day the OASys was completed (the base plan's 2025-08-01 for both).
    {
      name: 'engagement recorded on the day of the OASys assessment',
      plan: plan({ assessment: { oasys: { completed_on: '2025-08-01' } }, engagement: { involved: true, discussed_on: '2025-08-01' } }),
    },
    { name: 'a wrongly typed `involved` is left to schema/shape', plan: plan({ engagement: { involved: 'yes' } }) },
    { name: 'an engagement record that is not a map is left to schema/shape', plan: plan({ engagement: 'discussed' }) },
    { name: 'templates are not judged', plan: plan({ kind: 'template', engagement: undefined }) },
  ],
  invalid: [
    {
      name: 'no engagement record at all, as an error at the top of the file',
      plan: plan({ engagement: undefined }),
      errors: [{ messageId: 'missing', cite: PARAS, severity: 'error' }],
    },
    {
      name: 'a missing `involved`, at the engagement key',
      plan: plan({ engagement: { involved: undefined } }),
      errors: [{ messageId: 'missingInvolved', text: 'engagement', cite: PARAS }],
    },
    {
      name: 'a missing `discussed_on`',
      plan: plan({ engagement: { discussed_on: undefined } }),
      errors: [{ messageId: 'missingDiscussedOn', text: 'engagement', cite: PARAS }],
    },
    {
      name: 'both missing: one finding',
      plan: plan({ engagement: { involved: undefined, discussed_on: undefined } }),
      errors: [{ messageId: 'missingBoth', cite: PARAS }],
    },
    {
      name: 'hand-written: an empty engagement map, reported on its key line',
      plan: 'sentence_plan: 1\nkind: plan\nengagement:\n  views: Wants to work.\n',
      errors: [{ messageId: 'missingBoth', line: 3, column: 1, text: 'engagement' }],
    },
  ],
});

ruleTester(rule('engagement/views')).run({
  valid: [
    { name: 'views recorded in the person\u2019s words', plan: plan() },
    { name: 'not involved, with the reason recorded', plan: plan({ engagement: { involved: false, views: undefined, reason: 'Declined to attend.' } }) },
    { name: 'not involved, but the views they gave are recorded', plan: plan({ engagement: { involved: false } }) },
    { name: 'a missing engagement record is engagement/recorded\u2019s finding', plan: plan({ engagement: undefined }) },
  ],
  invalid: [
    {
      name: 'involved, but no views recorded',
      plan: plan({ engagement: { views: undefined } }),
      errors: [{ messageId: 'missing', text: 'engagement', cite: 'PSI 19/2014 para 2.5', severity: 'warning' }],
    },
    {
      name: 'not involved, neither reason nor views: at the `involved` value',
      plan: plan({ engagement: { involved: false, views: undefined } }),
      errors: [{ messageId: 'notInvolvedNoReason', text: 'false', cite: 'PSI 19/2014 paras 1.5, 2.5' }],
    },
    { name: 'blank views count as missing', plan: plan({ engagement: { views: '   ' } }), errors: [{ messageId: 'missing' }] },
  ],
});

describe('engagement/views never echoes the person\u2019s words', () => {
  it('the message holds nothing from the plan', () => {
    const t = plan({ engagement: { involved: false, views: undefined, reason: undefined } });
    const f = lint(t, { asOf: AS_OF, rules: [rule('engagement/views')] }).findings[0];
    expect(f.messageId).toBe('engagement/views.notInvolvedNoReason');
    expect(f.message).not.toContain('stay clean');
  });
});

const disc = (type: string, engagement: Record<string, unknown>) =>
  plan({
    sentence: { type, release_date: undefined, parole_eligibility_date: '2030-01-01' },
    engagement: { involved: false, views: undefined, reason: 'Declined to attend the planning meeting.', ...engagement },
  });
const REASON = '  reason: Declined to attend the planning meeting.\n';
const told = (t: string) => t.replace(REASON, `${REASON}  told_noncompliance_affects_release: true\n`);
const flow = 'sentence_plan: 1\nsentence: { type: ipp }\nengagement: { involved: false, discussed_on: 2026-10-01 }\n';

ruleTester(rule('engagement/discretionary-release')).run({
  valid: [
    { name: 'a determinate sentence: release is not discretionary', plan: disc('determinate', {}) },
    { name: 'an IPP prisoner who is engaged', plan: disc('ipp', { involved: true }) },
    { name: 'a life-sentenced person not engaged, who has been told', plan: disc('life', { told_noncompliance_affects_release: true }) },
    { name: 'a wrongly typed value is left to schema/shape', plan: disc('ipp', { told_noncompliance_affects_release: 'yes' }) },
    { name: 'templates are not judged', plan: disc('ipp', {}).replace('kind: plan', 'kind: template') },
  ],
  invalid: [
    ...(['ipp', 'life', 'extended_determinate'] as const).map((type) => ({
      name: `${type}, not involved, nothing recorded: a quick fix records it for the author to confirm`,
      plan: disc(type, {}),
      errors: [{ messageId: 'notTold', data: { sentence: type }, text: 'false', severity: 'error' as const, cite: 'PSI 19/2014 para 2.6', suggestions: [told(disc(type, {}))] }],
      output: null,
    })),
    {
      name: 'recorded as not told: at the value, no fix',
      plan: disc('life', { told_noncompliance_affects_release: false }),
      errors: [{ messageId: 'recordedNotTold', data: { sentence: 'life' }, suggestions: [] }],
    },
    {
      name: 'the fix inserts into a flow map too',
      plan: flow,
      errors: [
        {
          messageId: 'notTold',
          line: 3,
          text: 'false',
          suggestions: ['sentence_plan: 1\nsentence: { type: ipp }\nengagement: { involved: false, discussed_on: 2026-10-01, told_noncompliance_affects_release: true }\n'],
        },
      ],
    },
  ],
});

describe('engagement metadata', () => {
  it('every engagement rule is off in templates', () => {
    for (const id of ['engagement/recorded', 'engagement/views', 'engagement/discretionary-release']) expect(rule(id).meta.inTemplates).toBe(false);
  });
  it('the fix title is a message the author confirms', () => {
    const f = lint(disc('ipp', {}), { asOf: AS_OF, rules: [rule('engagement/discretionary-release')] }).findings[0];
    expect(f.fixes[0].fixAll).toBe(false);
    expect(f.fixes[0].title).toContain('confirm before saving');
  });
});
