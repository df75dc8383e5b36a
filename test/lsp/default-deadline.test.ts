// The editor never says "overdue by N days" against a date that is planlint's default, not the policy's.
import { describe, expect, it } from 'vitest';
import { dueDates } from '../../server/src/engine/obligations.js';
import { lint } from '../../server/src/engine/lint.js';
import { defaultPolicy } from '../../server/src/policy/index.js';
import { lensTitle } from '../../server/src/lsp/codeLens.js';
import { obligationLine } from '../../server/src/lsp/hover.js';

const text = `sentence_plan: 1
kind: plan
sentence: { type: determinate, length_months: 48, sentenced_on: 2025-01-10, release_date: 2028-11-25, setting: custody }
reviews:
  - { date: 2025-03-01, type: initial }
events:
  - { date: 2026-01-10, type: transfer }
`;

describe('hover and code lens on a planlint-default date', () => {
  const obligations = dueDates(lint(text, { asOf: '2026-11-23', rules: [] }).plan, '2026-11-23', defaultPolicy().policy);
  const event = obligations.find((o) => o.rule === 'review/significant-event')!;
  it('the event with no review after it is past the default date, said without "overdue by"', () => {
    expect(event).toMatchObject({ state: 'overdue', defaultDeadline: true });
    expect(obligationLine(event)).toMatch(/no review yet, past planlint's default date$/);
    expect(obligationLine(event)).not.toMatch(/overdue by/);
    expect(lensTitle([event])).toBe("Next due: Significant-event review (transfer) 2026-02-07 (no review yet)");
  });
  it('a policy date is still "overdue by N days"', () => {
    const periodic = { ...event, rule: 'review/periodic' as const, defaultDeadline: undefined, kind: 'Periodic review', daysPast: 3 };
    expect(lensTitle([periodic])).toBe('Next due: Periodic review 2026-02-07 (overdue by 3 days)');
  });
});
