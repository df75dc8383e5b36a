import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { rules } from '../../../server/src/rules/review/index.js';
import { crcReleaseWindow } from '../../../server/src/rules/review/crc-release-window.js';
import { initialOasys } from '../../../server/src/rules/review/initial-oasys.js';
import { periodic } from '../../../server/src/rules/review/periodic.js';
import { preParole } from '../../../server/src/rules/review/pre-parole.js';
import { preReleaseMappa } from '../../../server/src/rules/review/pre-release-mappa.js';
import { preRelease } from '../../../server/src/rules/review/pre-release.js';
import { preTariff } from '../../../server/src/rules/review/pre-tariff.js';
import { significantEvent } from '../../../server/src/rules/review/significant-event.js';
import { termination } from '../../../server/src/rules/review/termination.js';
import type { Rule } from '../../../server/src/engine/rule.js';
import { applyFix, at, planYaml, run, syntaxErrors, type PlanSpec } from './helpers.js';

const AS_OF = '2026-11-23';
const DET = { type: 'determinate', length_months: 48, sentenced_on: '2025-01-10', release_date: '2026-11-25', setting: 'custody' };
const LIFE = { type: 'life', sentenced_on: '2020-01-10', parole_eligibility_date: '2030-06-15', setting: 'custody' };

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
  it("is met on the window's first day and on its last day", () => {
    for (const d of ['2026-09-30', '2026-11-11']) expect(run(preRelease, planYaml({ sentence: DET, reviews: [[d, 'pre_release']] }), AS_OF)).toEqual([]);
  });
  it('a review one day before the window opens leaves it overdue', () => {
    const [f] = run(preRelease, planYaml({ sentence: DET, reviews: [['2026-09-29', 'pre_release']] }), AS_OF);
    expect(f.message).toMatch(/^Pre-release review overdue by 12 days/);
  });
  it('the day after the due date: overdue by 1 day; on the due date: nothing yet', () => {
    const text = planYaml({ sentence: DET });
    expect(run(preRelease, text, '2026-11-12')[0].message).toMatch(/^Pre-release review overdue by 1 day: /);
    expect(run(preRelease, text, '2026-11-11')).toEqual([]);
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
  it('met by `assessment.oasys.completed_on` on the due date', () => {
    expect(run(initialOasys, planYaml({ sentence: s(12), oasys: '2025-03-21' }), '2025-06-01')).toEqual([]);
  });
  it('an OASys completed after the due date is "done late", pointing at it', () => {
    const text = planYaml({ sentence: s(12), oasys: '2025-03-22' });
    const [f] = run(initialOasys, text, '2025-06-01');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/^Initial OASys assessment done late: .* came on 2025-03-22, 1 day late, .*Keep the next review on time\.$/);
    expect(at(text, f)).toBe('2025-03-22');
  });
  it('life: 16 weeks', () => {
    const [f] = run(initialOasys, planYaml({ sentence: { ...LIFE, sentenced_on: '2025-01-10' } }), '2025-05-03');
    expect(f.message).toMatch(/^Initial OASys assessment overdue by 1 day: it was due on 2025-05-02 \(16 weeks after sentencing/);
  });
  it('fix adds an initial review on the due date', () => {
    const out = fixAndRelint(initialOasys, planYaml({ sentence: s(12) }), '2025-06-01');
    expect(out).toContain('reviews:\n  - date: 2025-03-21\n    type: initial\n');
  });
});

describe('review/periodic', () => {
  const base = { ...DET, release_date: '2032-01-01' };
  it('exactly 24 months: nothing; 25 months: overdue 2 years after the latest review', () => {
    const spec = (m: number): PlanSpec => ({ sentence: { ...base, length_months: m }, reviews: [['2025-03-05', 'initial']] });
    expect(run(periodic, planYaml(spec(24)), '2027-04-01')).toEqual([]);
    const text = planYaml(spec(25));
    const [f] = run(periodic, text, '2027-04-01');
    expect(f.message).toMatch(/^Periodic review overdue by 27 days: it was due on 2027-03-05 \(2 years after the review on 2025-03-05\)/);
    expect(at(text, f)).toBe('2025-03-05');
  });
  it('leap day: a review on 2028-02-29 is due again on 2030-02-28', () => {
    const text = planYaml({ sentence: { ...base, release_date: '2035-01-01', length_months: 120 }, reviews: [['2028-02-29', 'periodic']] });
    expect(run(periodic, text, '2030-02-28')).toEqual([]);
    expect(run(periodic, text, '2030-03-01')[0].message).toMatch(/^Periodic review overdue by 1 day: it was due on 2030-02-28/);
  });
  it('a gap over the interval between two reviews is "done late" on the later one', () => {
    const text = planYaml({ sentence: LIFE, reviews: [['2020-04-01', 'initial'], ['2023-04-02', 'periodic']] });
    const [f] = run(periodic, text, '2024-01-01');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/^Periodic review done late: it was due on 2023-04-01 \(3 years after the review on 2020-04-01\) but the review came on 2023-04-02, 1 day late/);
    expect(at(text, f)).toBe('2023-04-02');
  });
  it('not in the community', () => {
    expect(run(periodic, planYaml({ sentence: { ...LIFE, setting: 'community' }, reviews: [['2020-04-01', 'initial']] }), '2026-01-01')).toEqual([]);
  });
  it('fix adds a periodic review', () => {
    const text = planYaml({ sentence: LIFE, reviews: [['2020-04-01', 'initial']] });
    const out = fixAndRelint(periodic, text, '2023-05-01');
    expect(out).toContain('  - { date: 2023-04-01, type: periodic }\n');
  });
});

describe('review/pre-tariff and review/pre-parole', () => {
  it('pre-tariff: due 2 years 24 weeks before the PED', () => {
    const text = planYaml({ sentence: LIFE, reviews: [['2027-11-03', 'pre_tariff']] });
    const [f] = run(preTariff, text, '2028-01-01');
    expect(f.message).toMatch(/^Pre-tariff review overdue by 2 days: it was due on 2027-12-30 \(2 years 24 weeks before the parole eligibility date on 2030-06-15\) and no review is recorded between 2027-11-04 and 2027-12-30/);
    expect(at(text, f)).toBe('2030-06-15');
    expect(run(preTariff, planYaml({ sentence: LIFE, reviews: [['2027-11-04', 'periodic']] }), '2028-01-01')).toEqual([]);
    fixAndRelint(preTariff, text, '2028-01-01');
  });
  it('pre-parole: due 24 weeks before the PED; late after it', () => {
    const text = planYaml({ sentence: LIFE, reviews: [['2027-12-01', 'pre_tariff'], ['2030-01-05', 'pre_parole']] });
    const [f] = run(preParole, text, '2030-02-01');
    expect(f.severity).toBe('info');
    expect(f.message).toMatch(/^Pre-parole review done late: it was due on 2029-12-29 .* came on 2030-01-05, 7 days late/);
    expect(run(preParole, planYaml({ sentence: LIFE }), '2029-12-29')).toEqual([]);
    fixAndRelint(preParole, planYaml({ sentence: LIFE }), '2030-01-01');
  });
  it('extended sentences with a PED get the pre-parole review too (PSI 2.17); determinate ones do not', () => {
    const [f] = run(preParole, planYaml({ sentence: { ...LIFE, type: 'extended_determinate' } }), '2030-01-01');
    expect(f.message).toMatch(/^Pre-parole review overdue by 3 days: it was due on 2029-12-29 \(24 weeks before the parole eligibility date on 2030-06-15\)/);
    expect(run(preParole, planYaml({ sentence: { ...LIFE, type: 'determinate', length_months: 48 } }), '2030-01-01')).toEqual([]);
  });
});

describe('review/pre-release-mappa', () => {
  const s = { ...DET, release_date: '2027-01-09' };
  it('level 2: due 6 months before release', () => {
    const text = planYaml({ sentence: s, mappa: 2 });
    const [f] = run(preReleaseMappa, text, '2026-07-10');
    expect(f.message).toMatch(/^MAPPA pre-release review overdue by 1 day: it was due on 2026-07-09 \(6 months before release on 2027-01-09, MAPPA level 2\) and no review is recorded between 2026-05-14 and 2026-07-09/);
    expect(run(preReleaseMappa, planYaml({ sentence: s, mappa: 1 }), '2026-07-10')).toEqual([]);
    expect(run(preReleaseMappa, planYaml({ sentence: s, mappa: 3, reviews: [['2026-05-14', 'pre_release']] }), '2026-07-10')).toEqual([]);
    fixAndRelint(preReleaseMappa, text, '2026-07-10');
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
  it('an event a later review followed is met however late (history, not a finding)', () => {
    const text = planYaml({ sentence: DET, reviews: [['2025-03-05', 'initial'], ['2026-05-01', 'periodic']], events: [['2026-01-10', 'transfer']] });
    expect(run(significantEvent, text, AS_OF)).toEqual([]);
    // A review on the day of the event follows it too.
    expect(run(significantEvent, planYaml({ sentence: DET, reviews: [['2026-01-10', 'significant_event']], events: [['2026-01-10', 'transfer']] }), AS_OF)).toEqual([]);
    // The day before does not.
    expect(run(significantEvent, planYaml({ sentence: DET, reviews: [['2026-01-09', 'periodic']], events: [['2026-01-10', 'transfer']] }), AS_OF)).toHaveLength(1);
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
  it('open conditions with no review before the move: reported from the day of the move, not before', () => {
    const text = planYaml({ sentence: DET, events: [['2026-06-01', 'transfer_to_open_conditions']] });
    expect(run(significantEvent, text, '2026-05-31')).toEqual([]);
    expect(run(significantEvent, text, '2026-06-01')[0].message).toMatch(/but no review is recorded before it\./);
    const out = fixAndRelint(significantEvent, text, '2026-06-01');
    expect(out).toContain('reviews:\n  - date: 2026-05-31\n    type: significant_event\n');
  });
  it('respects a configured number of weeks', () => {
    const { config, problems } = loadConfigText('policy:\n  review:\n    significant_event_weeks: 6\n', 'c.yaml', []);
    expect(problems).toEqual([]);
    const text = planYaml({ sentence: DET, events: [['2026-01-10', 'risk_change']] });
    expect(lint(text, { asOf: '2026-02-08', rules: [significantEvent], config }).findings).toEqual([]);
    expect(lint(text, { asOf: '2026-02-22', rules: [significantEvent], config }).findings[0].message).toMatch(/planlint reports it once its default of 6 weeks has passed/);
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
  it('met from 8 weeks before the end; nothing before the end date passes', () => {
    expect(run(termination, planYaml({ sentence: s, reviews: [['2026-08-06', 'termination']] }), AS_OF)).toEqual([]);
    expect(run(termination, planYaml({ sentence: s }), '2026-10-01')).toEqual([]);
    expect(run(termination, planYaml({ sentence: s, reviews: [['2026-08-05', 'termination']] }), AS_OF)).toHaveLength(1);
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
  it('exactly 12 weeks before is fine; NPS cases and other review types are not judged', () => {
    expect(run(crcReleaseWindow, planYaml({ sentence: s, reviews: [['2026-09-02', 'pre_release']] }), '2026-10-01')).toEqual([]);
    expect(run(crcReleaseWindow, planYaml({ sentence: { ...s, allocation: 'nps' }, reviews: [['2026-09-01', 'pre_release']] }), '2026-10-01')).toEqual([]);
    expect(run(crcReleaseWindow, planYaml({ sentence: s, reviews: [['2026-09-01', 'periodic']] }), '2026-10-01')).toEqual([]);
  });
});
