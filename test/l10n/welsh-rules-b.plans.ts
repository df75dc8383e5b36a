// Plans for test/l10n/welsh-rules-b.test.ts that reach message branches the samples and the
// documented examples do not (fictional plans, no personal data).
const plan = (body: string): string => `sentence_plan: 1\nkind: plan\n${body}\n`;

export const EXTRA_PLANS: { name: string; text: string }[] = [
  {
    name: 'withdrawn objective still served, reviewed since; only one outcome',
    text: plan(`sentence:
  type: determinate
  length_months: 36
  allocation: nps
  setting: custody
  release_date: 2027-09-01
  sentence_end_date: 2028-09-01
outcomes:
  - { id: OUT-1, description: Lives without offending. }
objectives:
  - { id: OBJ-1, need: accommodation, status: no_longer_appropriate, status_since: 2026-01-10 }
  - { id: OBJ-2, need: finance, description: Open a basic bank account., measure: Account opened., target_date: 2027-01-31 }
actions:
  - { id: ACT-1, objective: OBJ-1, type: accommodation, owner: person }
  - { id: ACT-2, objective: OBJ-2, type: finance, owner: person, after: [ACT-1] }
reviews:
  - { date: 2026-03-01, type: periodic }`),
  },
  {
    name: 'interpreter for both kinds of work; deportation order made',
    text: plan(`person:
  english_first_language: false
  foreign_national: { liable_to_deportation: true, deportation_order: true }
sentence:
  type: determinate
  setting: custody
actions:
  - { id: ACT-1, type: intervention, delivery: one_to_one, description: Victim awareness work. }
  - { id: ACT-2, type: programme, programme: thinking_skills_programme }`),
  },
  {
    name: 'no engagement record; life sentence recorded CRC; not told recorded',
    text: plan(`sentence:
  type: life
  allocation: crc
  setting: custody
team:
  plan_owner: crc_offender_manager`),
  },
  {
    name: 'engagement without involved; told recorded false',
    text: plan(`sentence:
  type: extended_determinate
engagement:
  involved: false
  discussed_on: 2026-10-02
  reason: Declined.
  views: Wants work.
  told_noncompliance_affects_release: false`),
  },
  {
    name: 'engagement without involved',
    text: plan(`engagement:
  discussed_on: 2026-10-02`),
  },
  {
    name: 'objectives: no description, programme name only, no measure, empty measure, vague kinds, no action',
    text: plan(`objectives:
  - { id: OBJ-1, need: finance, target_date: 2027-01-31 }
  - { id: OBJ-2, need: thinking_behaviour, description: Thinking Skills Programme, measure: Completed., target_date: 2027-01-31 }
  - { id: OBJ-3, need: accommodation, description: Find a place to live after release., measure: "", target_date: 2027-01-31 }
  - { id: OBJ-4, need: relationships, description: Improve his attitude., measure: He feels better about it., target_date: 2027-01-31 }
  - { id: OBJ-5, need: attitudes, description: TBC, measure: Report received., target_date: 2027-01-31 }
  - { id: OBJ-6, need: attitudes, description: Be more motivated., measure: Staff think it went well., target_date: 2027-01-31 }
actions:
  - { id: ACT-1, objective: OBJ-2, type: programme, programme: thinking_skills_programme, status: not_started }
  - { id: ACT-2, objective: OBJ-3, type: transfer }`),
  },
  {
    name: 'priorities missing and tied; a self-loop; programme with no substance misuse work',
    text: plan(`assessment:
  needs:
    - { area: drug_misuse, linked_to_offending: true, severity: high }
    - { area: alcohol_misuse, linked_to_offending: true, severity: high }
actions:
  - { id: ACT-1, type: programme, programme: thinking_skills_programme, priority: 1, after: [ACT-1] }
  - { id: ACT-2, type: education, priority: 1 }
  - { id: ACT-3, type: education }`),
  },
  {
    name: 'prerequisite listed later, no priorities; dates clash',
    text: plan(`actions:
  - { id: ACT-1, type: education, after: [ACT-2], start_date: 2027-01-01 }
  - { id: ACT-2, type: employment, target_date: 2027-06-30 }`),
  },
  {
    name: 'MAPPA category without a risk management plan',
    text: plan(`assessment:
  rosh: { overall: low }
  mappa: { category: 1 }`),
  },
  {
    name: 'custodial sentence without supervision',
    text: plan(`sentence:
  type: determinate
  supervised_on_release: false`),
  },
  ...[
    'type: ipp',
    'type: community_order\n  allocation: crc',
    'type: suspended_sentence_order\n  allocation: nps',
    'type: determinate\n  allocation: crc\n  setting: community',
    'type: determinate\n  allocation: crc\n  length_months: 6',
    'type: determinate\n  allocation: crc\n  length_months: 36\n  setting: custody\n  release_date: 2027-01-10',
    'type: determinate\n  allocation: crc\n  length_months: 36\n  setting: custody\n  release_date: 2029-01-10',
    'type: determinate\n  allocation: nps\n  setting: community',
    'type: life\n  setting: community',
    'type: life\n  setting: custody',
    'type: determinate\n  allocation: nps',
  ].map((s, i) => ({
    name: `owner missing and owner wrong, sentence ${i + 1}`,
    text: plan(`sentence:\n  ${s}\nteam:\n  plan_owner: unpaid_work_provider`),
  })),
  {
    name: 'owner missing, high RoSH NPS case',
    text: plan(`sentence:
  type: determinate
  allocation: nps
assessment:
  rosh: { overall: very_high }`),
  },
  {
    name: 'unpaid work only, owned by the wrong role',
    text: plan(`sentence:
  type: community_order
  allocation: nps
  requirements: [unpaid_work]
team:
  plan_owner: community_offender_manager`),
  },
];
