// plan/young-person-education, plan/deportation, plan/interpreter, plan/risk-escalation, plan/crc-handover, in the rule tester.
import { ruleTester } from '../tester.js';
import { item, plan, rule } from './helpers.js';

// Sentenced on 2025-06-10; an 18th birthday on 2025-06-11 means 17 on the day of sentence.
const young = (dob: string, objectives?: unknown[]) => plan({ person: { date_of_birth: dob }, ...(objectives ? { objectives } : {}) });
const ete = (over: Record<string, unknown> = {}) => [item('objectives', 0, {}), item('objectives', 1, { need: 'education_training_employment', ...over })];

ruleTester(rule('plan/young-person-education')).run({
  valid: [
    { name: 'edge: 18 on the day of sentence (the birthday itself)', plan: young('2007-06-10') },
    { name: 'a young person with an education, training or employment objective', plan: young('2008-01-01', ete()) },
    { name: 'an adult', plan: plan() },
    { name: 'no date of birth: quiet', plan: plan({ person: { date_of_birth: undefined } }) },
    { name: 'templates are not judged', plan: plan({ kind: 'template', person: { date_of_birth: '2008-01-01' } }) },
  ],
  invalid: [
    {
      name: 'edge: under 18 the day before the 18th birthday',
      plan: young('2007-06-11'),
      errors: [{ messageId: 'noEducation', text: 'objectives', data: { age: 18 }, cite: 'PSI 19/2014 para 1.9', severity: 'error' }],
    },
    { name: 'an ETE objective no longer appropriate does not count', plan: young('2008-01-01', ete({ status: 'no_longer_appropriate' })), errors: [{ messageId: 'noEducation' }] },
  ],
});

const fn = (foreign_national: Record<string, unknown>, over: Record<string, unknown> = {}) => plan({ person: { foreign_national }, ...over });
const homeCountry = [item('actions', 0, {}), item('actions', 1, { description: 'Meet the Home Office team about the Facilitated Returns Scheme.' })];

ruleTester(rule('plan/deportation')).run({
  valid: [
    { name: 'liable to deportation, with an action preparing for the home country', plan: fn({ liable_to_deportation: true }, { actions: homeCountry }) },
    { name: 'a foreign national not liable to deportation', plan: fn({ liable_to_deportation: false }) },
    { name: 'not a foreign national', plan: plan() },
    { name: 'released and supervised in the community', plan: fn({ liable_to_deportation: true }, { sentence: { setting: 'community' } }) },
    { name: 'a deportation order, but supervised in the community', plan: fn({ deportation_order: true }, { sentence: { setting: 'community' } }) },
    { name: 'edge: on release day (no setting recorded) the person is no longer in custody', plan: fn({ liable_to_deportation: true }, { sentence: { setting: undefined, release_date: '2026-11-24' } }), asOf: '2026-11-24' },
    // PSI 2.4: in the community a foreign national is planned for like everyone else.
    {
      name: 'liable to deportation on a community order: planned for like everyone else',
      plan: fn({ liable_to_deportation: true }, { sentence: { type: 'community_order', setting: undefined, release_date: undefined, length_months: undefined } }),
    },
  ],
  invalid: [
    { name: 'in custody, liable to deportation, no home-country preparation (the base custody plan)', plan: plan({ person: { foreign_national: { liable_to_deportation: true } } }), errors: [{ messageId: 'noHomeCountryWork' }] },
    {
      name: 'edge: custody with no setting recorded, the day before release: still noted',
      plan: fn({ liable_to_deportation: true }, { sentence: { setting: undefined, release_date: '2026-11-24' } }),
      asOf: '2026-11-23',
      errors: [{ messageId: 'noHomeCountryWork' }],
    },
    {
      name: 'a deportation order: planning may stop, noted at the value',
      plan: fn({ liable_to_deportation: true, deportation_order: true }),
      errors: [{ messageId: 'orderMade', text: 'true', severity: 'info', cite: 'PSI 19/2014 para 2.4' }],
    },
    {
      name: 'liable to deportation with nothing for the home country',
      plan: fn({ liable_to_deportation: true, deportation_order: false }),
      errors: [{ messageId: 'noHomeCountryWork', text: 'true', cite: 'PSI 19/2014 para 2.4' }],
    },
  ],
});

const prog = (over: Record<string, unknown> = {}) =>
  item('actions', 1, { type: 'programme', programme: 'thinking_skills_programme', eligibility: 'passed', description: 'Complete the Thinking Skills Programme.', ...over });
const oneToOne = item('actions', 0, { type: 'intervention', delivery: 'one_to_one', description: 'Work through the victim awareness workbook with the POM.' });
const noEnglish = (actions: unknown[]) => plan({ person: { english_first_language: false }, actions });

ruleTester(rule('plan/interpreter')).run({
  valid: [
    { name: 'an interpreter is already planned', plan: noEnglish([item('actions', 0, {}), prog({ description: 'Complete the Thinking Skills Programme, delivered with an interpreter.' })]) },
    { name: 'English is the first language', plan: plan({ person: { english_first_language: true }, actions: [item('actions', 0, {}), prog()] }) },
    { name: 'no programme or one-to-one work', plan: plan({ person: { english_first_language: false } }) },
    { name: 'group work that is not an accredited programme', plan: noEnglish([item('actions', 0, {}), item('actions', 1, { type: 'intervention', delivery: 'group' })]) },
    { name: 'one-to-one education is not offence-focused work', plan: noEnglish([item('actions', 0, {}), item('actions', 1, { type: 'education', delivery: 'one_to_one' })]) },
    {
      name: 'one-to-one work already planned with an interpreter',
      plan: noEnglish([item('actions', 0, {}), item('actions', 1, { type: 'behaviour', delivery: 'one_to_one', description: 'Victim awareness sessions with an interpreter.' })]),
    },
    { name: 'edge: the same one-to-one work with English as first language', plan: plan({ person: { english_first_language: true }, actions: [item('actions', 1, { type: 'intervention', delivery: 'one_to_one' })] }) },
    { name: 'completed programme work', plan: noEnglish([item('actions', 0, {}), prog({ status: 'completed' })]) },
    { name: 'withdrawn programme work', plan: noEnglish([item('actions', 0, {}), prog({ status: 'withdrawn' })]) },
  ],
  invalid: [
    {
      name: 'accredited programme work: discuss the options',
      plan: noEnglish([item('actions', 0, {}), prog()]),
      errors: [{ messageId: 'consider', text: 'false', severity: 'info', cite: 'PSI 19/2014 para 2.16', data: { work: { id: 'programmes', data: { actions: 'ACT-2' } } } }],
    },
    {
      name: 'a one-to-one intervention: consider an interpreter, with the action as related location',
      plan: noEnglish([item('actions', 0, {}), item('actions', 1, { type: 'intervention', delivery: 'one_to_one' })]),
      errors: [{ messageId: 'consider', data: { work: { id: 'oneToOne', data: { actions: 'ACT-2' } } } }],
    },
    {
      name: 'one-to-one work and a programme: both parts, one finding',
      plan: noEnglish([oneToOne, prog()]),
      errors: [
        {
          messageId: 'consider',
          data: { work: { id: 'both', data: { a: { id: 'oneToOne', data: { actions: 'ACT-1' } }, b: { id: 'programmes', data: { actions: 'ACT-2' } } } } },
        },
      ],
    },
  ],
});

const crcOrder = (rosh: Record<string, string>, extra: Record<string, unknown> = {}) =>
  plan({
    sentence: { type: 'community_order', allocation: 'crc', setting: 'community', length_months: undefined, release_date: undefined },
    team: { plan_owner: 'crc_offender_manager' },
    assessment: { rosh: { overall: undefined, public: undefined, known_adult: undefined, children: undefined, staff: undefined, ...rosh }, ...extra },
  });
const crcHigh = (over: Record<string, unknown> = {}) =>
  plan({ sentence: { allocation: 'crc' }, assessment: { rosh: { overall: 'medium', public: 'high' }, ...over } });

ruleTester(rule('plan/risk-escalation')).run({
  valid: [
    { name: 'a CRC case referred for risk review', plan: crcHigh({ risk_review_referred_on: '2026-09-01' }) },
    { name: 'an NPS case at high RoSH needs no escalation', plan: plan({ assessment: { rosh: { overall: 'high' } } }) },
    { name: 'a CRC case at medium RoSH', plan: plan({ sentence: { allocation: 'crc' } }) },
    { name: 'edge: a CRC community order at medium RoSH is not escalated', plan: crcOrder({ overall: 'medium', public: 'medium' }) },
    { name: 'a CRC community order at very high RoSH, referred', plan: crcOrder({ overall: 'very_high' }, { risk_review_referred_on: '2026-10-12' }) },
  ],
  invalid: [
    {
      name: 'a CRC case whose RoSH to the public is high, not referred: at the highest band',
      plan: crcHigh(),
      errors: [{ messageId: 'notReferred', text: 'high', data: { band: 'high' }, cite: 'PSI 19/2014 para 2.17' }],
    },
    { name: 'a CRC community order, high RoSH to children only', plan: crcOrder({ overall: 'medium', children: 'high' }), errors: [{ messageId: 'notReferred', text: 'high' }] },
    { name: 'very high overall', plan: plan({ sentence: { allocation: 'crc' }, assessment: { rosh: { overall: 'very_high' } } }), errors: [{ messageId: 'notReferred', data: { band: 'very_high' } }] },
  ],
});

const crcCustody = (release: string, over: Record<string, unknown> = {}) => plan({ sentence: { allocation: 'crc', length_months: 18, release_date: release }, ...over });

ruleTester(rule('plan/crc-handover')).run({
  valid: [
    { name: 'more than 12 weeks before release', plan: crcCustody('2027-02-16') },
    { name: 'the handover is recorded', plan: crcCustody('2027-01-10', { handover: { completed_on: '2026-11-20' } }) },
    { name: 'an NPS case', plan: plan({ sentence: { release_date: '2027-01-10' } }) },
    { name: 'a CRC case already released', plan: plan({ sentence: { length_months: 18, release_date: '2026-11-01', allocation: 'crc', setting: 'community' } }) },
    { name: 'the handover recorded with the CRC offender manager', plan: crcCustody('2027-02-15', { handover: { completed_on: '2026-11-20', with: 'crc_offender_manager' } }) },
  ],
  invalid: [
    {
      name: 'edge: exactly 12 weeks before release, no handover',
      plan: crcCustody('2027-02-15'),
      errors: [{ messageId: 'missing', text: '2027-02-15', data: { release: '2027-02-15', window: { id: 'common.weeks', data: { n: 12 } } }, cite: 'PSI 19/2014 para 2.18', severity: 'error' }],
    },
  ],
});
