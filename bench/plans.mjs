// A deterministic generator of realistic sentence plans for the benchmarks.
// Sizes vary with the number of objectives/actions/reviews; about 20% carry a defect
// (a vague objective, a missing target date, a percentage score, an unknown key, an
// overdue review…); some use CRLF line endings; all have comments.

/** mulberry32: a tiny seeded PRNG so every run generates the same plans. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');
function addDays(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

const NEEDS = ['drug_misuse', 'thinking_behaviour', 'education_training_employment', 'accommodation', 'alcohol_misuse', 'relationships'];
const DESCRIPTIONS = [
  'Complete a drug treatment programme with the prison substance misuse service.',
  'Gain a level 2 qualification in construction skills before release.',
  'Secure settled accommodation for release with the housing team.',
  'Complete the Thinking Skills Programme and apply the skills on the wing.',
  'Build a budget and open a bank account with the finance adviser.',
];
const MEASURES = [
  'All sessions attended and negative drug tests for 12 consecutive weeks.',
  'Certificate awarded by the college.',
  'Tenancy agreement signed before the release date.',
  'Programme completion report received.',
];

/**
 * One plan's text. `size` is the number of objectives (each with 1–3 actions);
 * 1 gives ~60 lines, 40 gives ~2,000 lines.
 */
export function makePlan(i, { size = 3, seed = 1, defectRate = 0.2, crlfRate = 0.1 } = {}) {
  const r = rng(seed * 7919 + i);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const sentenced = addDays('2024-01-01', Math.floor(r() * 600));
  const release = addDays(sentenced, 400 + Math.floor(r() * 600));
  const end = addDays(release, 365 + Math.floor(r() * 700));
  const defect = r() < defectRate ? Math.floor(r() * 6) : -1;
  const lines = [
    `# Sentence plan ${i} (generated for benchmarks; fictional)`,
    'sentence_plan: 1',
    'kind: plan',
    'person:',
    `  prison_number: A${String(1000 + (i % 9000)).padStart(4, '0')}BC`,
    `  gender: ${r() < 0.9 ? 'male' : 'female'}`,
    `  date_of_birth: ${addDays('1980-01-01', Math.floor(r() * 9000))}`,
    '  learning_disability: false',
    'sentence:',
    '  type: determinate',
    `  length_months: ${24 + Math.floor(r() * 48)}`,
    `  sentenced_on: ${sentenced}`,
    `  release_date: ${release}`,
    `  sentence_end_date: ${end}`,
    '  allocation: nps',
    '  setting: custody',
    '  establishment: HMP Leeds',
    'team:',
    '  prison_offender_manager: POM Leeds 3',
    defect === 0 ? '  key_workr: KW 1' : '  community_offender_manager: COM Bradford 7',
    '  plan_owner: prison_offender_manager',
    'assessment:',
    `  oasys: { completed_on: ${addDays(sentenced, 30)} }`,
    `  scores: { ogrs3_2yr: ${defect === 1 ? 61 : (0.5 + r() * 0.45).toFixed(2)}, ovp_2yr: ${(r() * 0.5).toFixed(2)} }`,
    '  rosh: { overall: medium, public: medium, known_adult: low, children: low, staff: low }',
    '  needs:',
  ];
  const needs = NEEDS.slice(0, Math.min(NEEDS.length, size));
  for (const n of needs) lines.push(`    - { area: ${n}, linked_to_offending: true, severity: medium }`);
  lines.push(
    '  offence: { index: acquisitive }',
    'risk_management_plan:',
    `  completed_on: ${addDays(sentenced, 35)}`,
    `  last_reviewed_on: ${addDays(sentenced, 35)}`,
    '  summary: Monitoring of contact with former associates; drug testing.',
    '  contingency: Recall to custody on any breach of licence conditions.',
    'outcomes:',
    '  - id: OUT-1',
    '    description: Lives free of illicit drugs and stays out of acquisitive offending.',
    'objectives:',
  );
  let act = 0;
  const actions = [];
  for (let o = 1; o <= size; o++) {
    const need = needs[(o - 1) % needs.length];
    lines.push(
      `  # objective ${o}`,
      `  - id: OBJ-${o}`,
      '    outcome: OUT-1',
      `    need: ${need}`,
      `    description: ${defect === 2 && o === 1 ? 'engage' : pick(DESCRIPTIONS)}`,
      `    measure: ${pick(MEASURES)}`,
    );
    if (!(defect === 3 && o === 1)) lines.push(`    target_date: ${addDays(sentenced, 200 + o * 10)}`);
    lines.push('    status: in_progress', '    harm_reduction: true');
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      act++;
      actions.push(
        `  - id: ACT-${act}`,
        `    objective: OBJ-${o}`,
        '    type: education',
        `    description: ${pick(DESCRIPTIONS)}`,
        `    priority: ${defect === 4 && act === 1 ? 3 : act}`,
        '    phase: custody',
        '    owner: person',
        `    target_date: ${addDays(sentenced, 150 + act * 5)}`,
        '    status: in_progress',
      );
    }
  }
  lines.push('actions:', ...actions);
  lines.push(
    'engagement:',
    '  involved: true',
    `  discussed_on: ${addDays(sentenced, 30)}`,
    '  views: Wants help staying clean before release.',
    'reviews:',
    `  - { date: ${addDays(sentenced, 30)}, type: initial, by: prison_offender_manager }`,
  );
  if (defect !== 5) lines.push(`  - { date: ${addDays(sentenced, 35)}, type: periodic, by: prison_offender_manager }`);
  const eol = r() < crlfRate ? '\r\n' : '\n';
  return lines.join(eol) + eol;
}

/**
 * `count` plans with sizes spread so most are 80–300 lines and 3% are large, spread evenly
 * from about 1,200 to 5,000 lines (40 to 184 objectives).
 */
export function makeCorpus(count, { seed = 1 } = {}) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const random = rng(seed * 104729 + i);
    const r = random();
    const size = r < 0.97 ? 1 + Math.floor(r * 8) : 40 + Math.floor(random() * 145);
    out.push({ name: `plan-${String(i).padStart(5, '0')}.plan.yaml`, text: makePlan(i, { size, seed }) });
  }
  return out;
}
