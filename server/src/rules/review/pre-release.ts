// review/pre-release: determinate/extended, in custody: reviewed between 8 and 2 weeks before release.
import { obligationRule } from './support.js';

export const preRelease = obligationRule({
  id: 'review/pre-release',
  severity: 'warning',
  description: 'A determinate or extended sentence in custody is reviewed between {{range review.pre_release.window_opens_before_release review.pre_release.due_before_release}} before the release date (MAPPA level {{review.pre_release.mappa_levels_instead|and}}: replaced by the review {{review.pre_release_mappa.due_before_release}} before).',
  docs: {
    rationale:
      'The assessment and plan are reviewed when the person is due to be released (PSI 19/2014 para 2.17). For a determinate or extended sentence the review falls between {{review.pre_release.window_opens_before_release}} and {{review.pre_release.due_before_release}} before `sentence.release_date` (PRT: OASys timelines); it is due {{review.pre_release.due_before_release}} before release.\n\n' +
      'Any review dated in that window meets it, whatever its type. Past the due date with none: warning "overdue by N days" on the release date. A review after the due date but before release: info "done late". For MAPPA level {{review.pre_release.mappa_levels_instead|and}} cases this review is replaced by the one {{review.pre_release_mappa.due_before_release}} before release (`review/pre-release-mappa`; PRT: for those cases "this should happen 6 months before"); a policy team that wants both sets `policy.review.pre_release.mappa_levels_instead: []`. The rule applies while the person is in custody (`sentence.setting: custody`, or a release date not yet reached when the setting is not recorded). The quick fix adds a `pre_release` review dated on the due date for you to correct. Intervals are policy data (`policy.review.pre_release`).',
    bad: 'sentence:\n  type: determinate\n  length_months: 48\n  sentenced_on: 2025-01-10\n  release_date: 2026-11-25   # review due between 2026-09-30 and 2026-11-11\n  setting: custody\nreviews:\n  - { date: 2025-03-05, type: initial }',
    good: 'sentence:\n  type: determinate\n  length_months: 48\n  sentenced_on: 2025-01-10\n  release_date: 2026-11-25\n  setting: custody\nreviews:\n  - { date: 2025-03-05, type: initial }\n  - { date: 2026-10-20, type: pre_release }',
  },
});
