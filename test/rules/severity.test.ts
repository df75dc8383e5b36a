// Every rule's default severity against the catalogue's severity table (rules.md): error where
// PSI 19/2014 says *must* (its italic mandatory text), warning where a source says *should*, info
// where it says *may* or *consider*. The table is repo data, written here once; a rule whose
// default disagrees with it fails this test.
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../server/src/rules/index.js';
import type { Severity } from '../../server/src/engine/types.js';

const TABLE: Record<string, Severity> = {
  'schema/yaml-syntax': 'error', 'schema/shape': 'error', 'schema/duplicate-id': 'error', 'schema/dangling-reference': 'error',
  'schema/score-range': 'error', 'template/placeholder-in-plan': 'error',
  // PSI 2.3 "should" (outcomes, owner); 1.9 "must produce" (responsibility); 1.9 "must retain its emphasis on education".
  'plan/outcomes-required': 'warning', 'plan/owner-required': 'warning', 'plan/objective-outcome': 'warning', 'plan/action-objective': 'warning',
  'plan/need-coverage': 'warning', 'plan/not-required': 'info', 'plan/responsibility': 'error', 'plan/young-person-education': 'error',
  'plan/withdrawn-still-listed': 'warning', 'plan/deportation': 'info', 'plan/interpreter': 'info',
  // PSI 2.17 (risk escalation: "should follow"); 2.18 italic "there must be a handover".
  'plan/risk-escalation': 'warning', 'plan/crc-handover': 'error',
  // Parity with the government's Sentence Plan service, not PSI requirements.
  'plan/objectives-required': 'warning', 'plan/action-owner': 'warning', 'plan/removal-reason': 'warning',
  'engagement/recorded': 'error', 'engagement/views': 'warning', 'engagement/discretionary-release': 'error',
  // PSI 2.7 "should be SMART"; "Plans must be realistic" (error where certain).
  'smart/specific': 'warning', 'smart/measurable': 'warning', 'smart/achievable': 'warning', 'smart/realistic': 'error',
  'smart/time-bound': 'warning', 'smart/overdue': 'warning',
  'programme/unknown': 'error', 'programme/legacy': 'error', 'programme/eligibility-not-passed': 'warning', 'programme/not-eligible-listed': 'warning',
  'programme/risk-too-low': 'warning', 'programme/gender': 'warning', 'programme/offence': 'warning', 'programme/adapted-version': 'warning',
  'programme/not-available': 'warning',
  // PSI 2.12 "may need to address this" (stabilise first); 2.13 italic "must be planned in consultation".
  'sequence/priority-order': 'warning', 'sequence/cycle': 'error', 'sequence/prerequisite-order': 'warning', 'sequence/stabilise-first': 'info',
  'sequence/community-consultation': 'error', 'sequence/parole-timing': 'warning', 'sequence/harm-actions': 'warning',
  // PSI 1.4 "will be required"; PRT "must be completed". No seed ties a MAPPA level to a RoSH band.
  'rmp/required': 'error', 'rmp/reviewed-with-plan': 'warning', 'rmp/mappa-level': 'info',
  // PRT's OASys timelines say "should"; PSI 2.17, 2.21 and 1.9 are italic mandatory text.
  'review/initial-oasys': 'warning', 'review/periodic': 'warning', 'review/pre-tariff': 'warning', 'review/pre-release': 'warning',
  'review/pre-release-mappa': 'warning', 'review/pre-parole': 'warning', 'review/significant-event': 'error', 'review/termination': 'error',
  'review/crc-release-window': 'error', 'review/post-release': 'warning',
};

describe('default severities follow the catalogue table', () => {
  const rules = ALL_RULES.filter((r) => !r.meta.id.startsWith('meta/'));
  it('every rule outside meta/ is in the table, and every table row is a rule', () => {
    expect(rules.map((r) => r.meta.id).filter((id) => !(id in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((id) => !rules.some((r) => r.meta.id === id))).toEqual([]);
  });
  it.each(rules.map((r) => [r.meta.id, r.meta.severity] as const))('%s defaults to the table severity', (id, severity) => {
    expect(severity).toBe(TABLE[id]);
  });
});
