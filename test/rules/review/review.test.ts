// The review rules' English: each message id of the family rendered once, byte for byte as before
// message ids, plus the metadata, the quick fix's edits and configured severities. What each rule
// reports, when, where and with which data is in the rule tester (tester.test.ts).
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { rules } from '../../../server/src/rules/review/index.js';
import { crcReleaseWindow } from '../../../server/src/rules/review/crc-release-window.js';
import { initialOasys } from '../../../server/src/rules/review/initial-oasys.js';
import { preParole } from '../../../server/src/rules/review/pre-parole.js';
import { postRelease } from '../../../server/src/rules/review/post-release.js';
import { preRelease } from '../../../server/src/rules/review/pre-release.js';
import { significantEvent } from '../../../server/src/rules/review/significant-event.js';
import { termination } from '../../../server/src/rules/review/termination.js';
import type { Rule } from '../../../server/src/engine/rule.js';
import { applyFix, at, planYaml, run, syntaxErrors, type PlanSpec } from './helpers.js';

const AS_OF = '2026-11-23';
const DET = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };

/** Apply the finding's quick fix, then check: parses, the rule is silent, and the fix is not offered again. */
function fixAndRelint(rule: Rule, text: string, asOf: string): string {
  const [f] = run(rule, text, asOf);
  expect(f.fixes).toHaveLength(1);
  expect(f.fixes[0].fixAll).toBe(false);
  const out = applyFix(text, f);
  expect(syntaxErrors(out)).toEqual([]);
  expect(run(rule, out, asOf)).toEqual([]);
  return out;
}

describe('metadata', () => {
  it('lists the review rules in catalogue order, none in templates, all time-dependent', () => {
    expect(rules.map((r) => r.meta.id)).toEqual([
      'review/initial-oasys', 'review/periodic', 'review/pre-tariff', 'review/pre-release', 'review/pre-release-mappa',
      'review/pre-parole', 'review/significant-event', 'review/termination', 'review/crc-release-window', 'review/post-release',
    ]);
    for (const r of rules) {
      expect(r.meta.inTemplates).toBe(false);
      expect(r.meta.usesAsOf).toBe(true);
      expect(r.meta.demandsPlan).toBe(true);
    }
  });
  it('does not run in templates', () => {
    const t = planYaml({ sentence: DET }).replace('kind: plan', 'kind: template');
    expect(lint(t, { asOf: AS_OF, rules }).findings).toEqual([]);
  });
});

describe('review/pre-release', () => {
  it('reports "overdue by 12 days" on the release date, with the window', () => {
    const text = planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']] });
    const [f] = run(preRelease, text, AS_OF);
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'Pre-release review overdue by 12 days: it was due on 2026-11-11 (2 weeks before release on 2026-11-25) and no review is recorded between 2026-09-30 and 2026-11-11 (PSI 19/2014 para 2.17; PRT: OASys timelines). Hold the review and record it in `reviews`.',
    );
    expect(at(text, f)).toBe('2026-11-25');
  });
  it('a review after the due date is "done late" on that review, one level below the rule (info)', () => {
    const text = planYaml({ sentence: DET, reviews: [['2026-11-20', 'pre_release']] });
    const [f] = run(preRelease, text, AS_OF);
    expect(f.severity).toBe('info');
    expect(f.message).toBe(
      'Pre-release review done late: it was due on 2026-11-11 (2 weeks before release on 2026-11-25) but the review came on 2026-11-20, 9 days late, and none is recorded between 2026-09-30 and 2026-11-11 (PSI 19/2014 para 2.17; PRT: OASys timelines). Note the reason for the delay in its `reason`, and keep the next review on time.',
    );
    expect(at(text, f)).toBe('2026-11-20');
    expect(f.related).toHaveLength(1);
    expect(f.fixes).toEqual([]);
  });
  it('a configured severity applies to late findings too', () => {
    const { config } = loadConfigText('rules:\n  review/pre-release: error\n', '.planlintrc.yaml', rules.map((r) => r.meta.id));
    const fs = lint(planYaml({ sentence: DET, reviews: [['2026-11-20', 'pre_release']] }), { asOf: AS_OF, rules: [preRelease], config }).findings;
    expect(fs.map((f) => f.severity)).toEqual(['error']);
  });
  it('fix: appends a flow-map review with the due date, type and plan owner', () => {
    const text = planYaml({ sentence: DET, planOwner: 'prison_offender_manager', reviews: [['2025-03-05', 'initial']] });
    const out = fixAndRelint(preRelease, text, AS_OF);
    expect(out).toBe(text + '  - { date: 2026-11-11, type: pre_release, by: prison_offender_manager }\n');
  });
  it('fix: creates `reviews` as a block list when there is none', () => {
    const text = planYaml({ sentence: DET });
    const out = fixAndRelint(preRelease, text, AS_OF);
    expect(out).toBe(text + 'reviews:\n  - date: 2026-11-11\n    type: pre_release\n');
  });
  it('fix: follows a block-map list', () => {
    const text = planYaml({ sentence: DET, extra: 'reviews:\n  # first\n  - date: 2025-03-05\n    type: initial' });
    const out = fixAndRelint(preRelease, text, AS_OF);
    expect(out).toBe(text + '  - date: 2026-11-11\n    type: pre_release\n');
  });
  it('fix: appends into a flow list', () => {
    const text = planYaml({ sentence: DET, extra: 'reviews: [{ date: 2025-03-05, type: initial }]' });
    const out = fixAndRelint(preRelease, text, AS_OF);
    expect(out).toContain('reviews: [{ date: 2025-03-05, type: initial }, { date: 2026-11-11, type: pre_release }]');
  });
});

describe('review/initial-oasys', () => {
  const s = (length_months: number) => ({ ...DET, length_months });
  it('exactly 10 months: nothing; 10.5 months: overdue', () => {
    expect(run(initialOasys, planYaml({ sentence: s(10) }), '2025-06-01')).toEqual([]);
    const text = planYaml({ sentence: s(10.5) });
    const [f] = run(initialOasys, text, '2025-06-01');
    expect(f.message).toBe(
      'Initial OASys assessment overdue by 72 days: it was due on 2025-03-21 (10 weeks after sentencing on 2025-01-10) and no OASys assessment or review is recorded between 2025-01-10 and 2025-03-21 (PRT: OASys timelines). Hold the review and record it in `reviews`.',
    );
    expect(at(text, f)).toBe('2025-01-10');
  });
  it('an OASys completed after the due date is "done late", pointing at it', () => {
    const text = planYaml({ sentence: s(12), oasys: '2025-03-22' });
    const [f] = run(initialOasys, text, '2025-06-01');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/^Initial OASys assessment done late: .* came on 2025-03-22, 1 day late, .*Keep the next review on time\.$/);
    expect(at(text, f)).toBe('2025-03-22');
  });
  it('fix adds an initial review on the due date', () => {
    const out = fixAndRelint(initialOasys, planYaml({ sentence: s(12) }), '2025-06-01');
    expect(out).toContain('reviews:\n  - date: 2025-03-21\n    type: initial\n');
  });
});

describe('review/significant-event', () => {
  it('a transfer with no review after it is reported once planlint\'s default 4 weeks have passed, on the event date', () => {
    const text = planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial']], events: [['2026-01-10', 'transfer']] });
    const [f] = run(significantEvent, text, '2026-02-08');
    expect(f.severity).toBe('error');
    expect(f.message).toBe(
      'Significant-event review (transfer): no review is recorded since it (2026-01-10). The policy (PSI 19/2014 paras 1.9, 2.17) asks for a review then but gives no number of weeks; planlint reports it once its default of 4 weeks has passed. Review the assessment and plan and record the review in `reviews`.',
    );
    expect(f.message).not.toMatch(/overdue by/);
    expect(at(text, f)).toBe('2026-01-10');
    expect(run(significantEvent, text, '2026-02-07')).toEqual([]);
    fixAndRelint(significantEvent, text, '2026-02-08');
  });
  it('open conditions: a review in the 8 weeks before the move is fine; a warning otherwise, with the latest review and the default window', () => {
    const ev: [string, string][] = [['2026-06-01', 'transfer_to_open_conditions']];
    expect(run(significantEvent, planYaml({ sentence: DET, events: ev, reviews: [['2026-05-31', 'significant_event']] }), '2026-07-01')).toEqual([]);
    expect(run(significantEvent, planYaml({ sentence: DET, events: ev, reviews: [['2026-04-06', 'periodic']] }), '2026-07-01')).toEqual([]);
    const text = planYaml({ sentence: DET, events: ev, reviews: [['2026-03-02', 'periodic'], ['2026-06-02', 'significant_event']] });
    const [f] = run(significantEvent, text, '2026-07-01');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'The move to open conditions on 2026-06-01 is to be reviewed before it (PRT: OASys timelines), but the latest review was on 2026-03-02, 13 weeks before the move; planlint\'s default window is 8 weeks. Review the assessment and plan before a move to open conditions, and record the review in `reviews`.',
    );
    expect(f.message).not.toMatch(/overdue by/);
  });
});

describe('review/termination', () => {
  const s = { type: 'community_order', sentenced_on: '2024-10-01', sentence_end_date: '2026-10-01' };
  it('a periodic review near the end does not count', () => {
    const text = planYaml({ sentence: s, reviews: [['2026-09-01', 'periodic']] });
    const [f] = run(termination, text, AS_OF);
    expect(f.message).toBe(
      "Termination review overdue by 53 days: it was due on 2026-10-01 (the end of the sentence on 2026-10-01; planlint's default window opens 8 weeks before it) and no termination review is recorded between 2026-08-06 and 2026-10-01 (PSI 19/2014 para 2.21). Hold the review and record it in `reviews`.",
    );
    const out = fixAndRelint(termination, text, AS_OF);
    expect(out).toContain('  - { date: 2026-10-01, type: termination }\n');
  });
});

describe('review/crc-release-window', () => {
  const s = { ...DET, length_months: 18, allocation: 'crc' };
  it('a pre-release review earlier than 12 weeks before release is reported', () => {
    const text = planYaml({ sentence: s, reviews: [['2026-09-01', 'pre_release']] });
    const [f] = run(crcReleaseWindow, text, '2026-10-01');
    expect(f.message).toBe(
      'The pre-release plan review on 2026-09-01 is 1 day too early: for a CRC-allocated case the plan for release is prepared no earlier than 12 weeks before release on 2026-11-25, i.e. from 2026-09-02 (PSI 19/2014 para 1.9). Review the plan again between 2026-09-02 and the release date.',
    );
    expect(at(text, f)).toBe('2026-09-01');
  });
});

describe('the English of the other messages, fix titles and related messages', () => {
  const first = (rule: Rule, spec: PlanSpec, asOf: string) => {
    const [f] = run(rule, planYaml(spec), asOf);
    return [f.message, f.fixes.map((x) => x.title), f.related.map((r) => r.message)];
  };
  it('review after release', () => {
    const crc = { type: 'determinate', length_months: 18, sentenced_on: '2026-01-05', release_date: '2026-09-01', allocation: 'crc', setting: 'community' };
    expect(first(postRelease, { sentence: crc, reviews: [['2026-08-10', 'pre_release']] }, AS_OF)).toEqual([
      'Review after release: no review is recorded since release on 2026-09-01. The policy (PSI 19/2014 para 1.9) asks for a review then but gives no number of weeks; planlint reports it once its default of 4 weeks has passed. Review the assessment and plan and record the review in `reviews`.',
      ['Record the review after release due on 2026-09-29 in `reviews` (confirm its real date)'],
      [],
    ]);
  });
  it('an objective achieved since the latest review', () => {
    const base = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2027-11-25', setting: 'custody' };
    expect(first(significantEvent, { sentence: base, reviews: [['2026-05-01', 'periodic']], extra: 'objectives:\n  - { id: OBJ-2, status: achieved, achieved_on: 2026-09-01 }' }, AS_OF)).toEqual([
      'Significant-event review (objective OBJ-2 achieved): no review is recorded since it (2026-09-01). The policy (PSI 19/2014 paras 1.9, 2.17) asks for a review then but gives no number of weeks; planlint reports it once its default of 4 weeks has passed. Review the assessment and plan and record the review in `reviews`.',
      ['Record the significant-event review (objective OBJ-2 achieved) due on 2026-09-29 in `reviews` (confirm its real date)'],
      [],
    ]);
  });
  it('a move to open conditions with no review before it', () => {
    expect(first(significantEvent, { sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']] }, '2026-06-01')).toEqual([
      'The move to open conditions on 2026-06-01 is to be reviewed before it (PRT: OASys timelines), but no review is recorded before it. Review the assessment and plan before a move to open conditions, and record the review in `reviews`.',
      ['Record the review before the move to open conditions due on 2026-05-31 in `reviews` (confirm its real date)'],
      [],
    ]);
  });
  it('a pre-parole review done late before the next parole review', () => {
    const lifer = { type: 'life', sentenced_on: '2002-05-10', parole_eligibility_date: '2014-08-01', setting: 'custody', next_parole_review: '2027-03-01' };
    expect(first(preParole, { sentence: lifer, reviews: [['2026-09-20', 'pre_parole']] }, AS_OF)).toEqual([
      'Pre-parole review done late: it was due on 2026-09-14 (24 weeks before the next parole review on 2027-03-01) but the review came on 2026-09-20, 6 days late, and none is recorded between 2026-07-20 and 2026-09-14 (PSI 19/2014 para 2.17; PRT: OASys timelines). Note the reason for the delay in its `reason`, and keep the next review on time.',
      [],
      ['The pre-parole review is due 24 weeks before the next parole review on 2027-03-01.'],
    ]);
  });
});
