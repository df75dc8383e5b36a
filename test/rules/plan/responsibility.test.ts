// plan/responsibility: PSI 19/2014 para 1.9's allocation table, in the rule tester. Each row says which
// plan owners a sentence (and RoSH) accepts: every accepted owner is a valid case, every other owner an
// invalid one reported on `team.plan_owner` with the reason (`why`) the table gives.
import { ruleTester, type InvalidCase, type ValidCase } from '../tester.js';
import { plan, rule } from './helpers.js';

type S = Record<string, unknown>;
const OWNERS = ['prison_offender_manager', 'community_offender_manager', 'crc_offender_manager', 'unpaid_work_provider'] as const;
const det = (months: number | undefined, allocation: string | undefined, setting: string | undefined): S => ({ type: 'determinate', length_months: months, allocation, setting });

interface Row {
  name: string;
  sentence: S;
  rosh?: string;
  asOf?: string;
  accepted: readonly (typeof OWNERS)[number][];
  /** The `why` message id for the owners not accepted (none when all are accepted). */
  why?: string;
}

const ROWS: Row[] = [
  { name: 'NPS determinate, 48 months, medium RoSH, in custody', sentence: det(48, 'nps', 'custody'), rosh: 'medium', accepted: ['prison_offender_manager'], why: 'whyNpsCustody' },
  { name: 'NPS determinate, low RoSH, in custody', sentence: det(48, 'nps', 'custody'), rosh: 'low', accepted: ['prison_offender_manager'], why: 'whyNpsCustody' },
  { name: 'edge: exactly 12 months is planned in custody by the POM', sentence: det(12, 'nps', 'custody'), rosh: 'medium', accepted: ['prison_offender_manager'], why: 'whyNpsCustody' },
  { name: 'edge: just under 12 months is not judged between the two NPS roles', sentence: det(11.9, 'nps', 'custody'), rosh: 'medium', accepted: ['prison_offender_manager', 'community_offender_manager'], why: 'whyNps' },
  { name: 'NPS determinate, high RoSH: the COM throughout', sentence: det(48, 'nps', 'custody'), rosh: 'high', accepted: ['community_offender_manager'], why: 'whyNpsHighRosh' },
  { name: 'NPS determinate, very high RoSH', sentence: det(48, 'nps', 'custody'), rosh: 'very_high', accepted: ['community_offender_manager'], why: 'whyNpsHighRosh' },
  { name: 'NPS community order', sentence: { type: 'community_order', allocation: 'nps', setting: 'community', length_months: undefined }, accepted: ['community_offender_manager'], why: 'whyNpsOrder' },
  { name: 'NPS suspended sentence order', sentence: { type: 'suspended_sentence_order', allocation: 'nps', length_months: undefined }, accepted: ['community_offender_manager'], why: 'whyNpsOrder' },
  { name: 'IPP', sentence: { type: 'ipp', allocation: 'nps' }, accepted: ['community_offender_manager'], why: 'sentenceName' },
  { name: 'extended determinate sentence', sentence: { type: 'extended_determinate', allocation: 'nps' }, rosh: 'medium', accepted: ['community_offender_manager'], why: 'sentenceName' },
  { name: 'life, in custody: either offender manager, never the CRC', sentence: { type: 'life', allocation: 'nps', setting: 'custody' }, accepted: ['prison_offender_manager', 'community_offender_manager'], why: 'whyLifeCustody' },
  // Realistic: after release on licence the community offender manager owns every objective and the plan.
  { name: 'life, after release: only the COM, who completes the plan post-release', sentence: { type: 'life', allocation: 'nps', setting: 'community', length_months: undefined }, accepted: ['community_offender_manager'], why: 'whyLifeCommunity' },
  { name: 'NPS determinate after release: the COM', sentence: det(48, 'nps', 'community'), rosh: 'medium', accepted: ['community_offender_manager'], why: 'whyNpsCommunity' },
  { name: 'CRC community order', sentence: { type: 'community_order', allocation: 'crc', setting: 'community' }, accepted: ['crc_offender_manager'], why: 'whyCrcOrder' },
  { name: 'CRC determinate of 12 months in custody: the POM', sentence: det(12, 'crc', 'custody'), rosh: 'low', accepted: ['prison_offender_manager'], why: 'whyCrcCustody' },
  { name: 'CRC determinate under 12 months: the CRC offender manager', sentence: det(11, 'crc', 'custody'), rosh: 'low', accepted: ['crc_offender_manager'], why: 'whyCrcShort' },
  { name: 'CRC determinate after release', sentence: det(24, 'crc', 'community'), rosh: 'low', accepted: ['crc_offender_manager'], why: 'whyCrcCommunity' },
  // As of 2026-11-23: 12 weeks before a release on 2027-02-15 is exactly that day.
  { name: 'CRC custody, exactly 12 weeks before release: the CRC offender manager too', sentence: { ...det(18, 'crc', 'custody'), release_date: '2027-02-15' }, rosh: 'low', accepted: ['prison_offender_manager', 'crc_offender_manager'], why: 'whyCrcLastWeeks' },
  { name: 'CRC custody, 12 weeks and a day before release: the POM only', sentence: { ...det(18, 'crc', 'custody'), release_date: '2027-02-16' }, rosh: 'low', accepted: ['prison_offender_manager'], why: 'whyCrcCustody' },
  { name: 'CRC custody, inside the last 12 weeks', sentence: { ...det(18, 'crc', 'custody'), release_date: '2027-02-14' }, rosh: 'low', accepted: ['prison_offender_manager', 'crc_offender_manager'], why: 'whyCrcLastWeeks' },
  { name: 'unpaid work only (CRC community order): the unpaid work provider', sentence: { type: 'community_order', allocation: 'crc', setting: 'community', requirements: ['unpaid_work'], length_months: undefined }, accepted: ['unpaid_work_provider'], why: 'whyUnpaidWork' },
  { name: 'unpaid work only (NPS suspended sentence order)', sentence: { type: 'suspended_sentence_order', allocation: 'nps', setting: 'community', requirements: ['unpaid_work'], length_months: undefined }, accepted: ['unpaid_work_provider'], why: 'whyUnpaidWork' },
  { name: 'edge: unpaid work and a second requirement is back with the offender manager', sentence: { type: 'community_order', allocation: 'crc', setting: 'community', requirements: ['unpaid_work', 'rehabilitation_activity'], length_months: undefined }, accepted: ['crc_offender_manager'], why: 'whyCrcOrder' },
  { name: 'edge: unpaid work and a curfew, NPS', sentence: { type: 'community_order', allocation: 'nps', setting: 'community', requirements: ['unpaid_work', 'curfew'], length_months: undefined }, accepted: ['community_offender_manager'], why: 'whyNpsOrder' },
  { name: 'no allocation: quiet', sentence: det(48, undefined, 'custody'), rosh: 'medium', accepted: OWNERS },
  { name: 'no sentence type: quiet', sentence: { type: undefined }, accepted: OWNERS },
];

const text = (r: Row, owner: string): string => {
  const over: S = { sentence: r.sentence, team: { plan_owner: owner } };
  if (r.rosh) over.assessment = { rosh: { overall: r.rosh, public: r.rosh } };
  return plan(over);
};

const valid: ValidCase[] = ROWS.flatMap((r) => r.accepted.map((o) => ({ name: `${r.name}: ${o} passes`, plan: text(r, o), asOf: r.asOf })));
const invalid: InvalidCase[] = ROWS.flatMap((r) =>
  OWNERS.filter((o) => !r.accepted.includes(o)).map((o) => ({
    name: `${r.name}: ${o} is reported`,
    plan: text(r, o),
    asOf: r.asOf,
    errors: [{ messageId: 'wrongOwner', text: o, cite: 'PSI 19/2014 para 1.9', severity: 'error' as const, data: { owner: { id: 'role', data: { owner: o } }, why: { id: r.why! } } }],
  })),
);

ruleTester(rule('plan/responsibility')).run({
  valid: [
    ...valid,
    { name: 'an IPP on the NPS owned by the COM', plan: plan({ sentence: { type: 'ipp', allocation: 'nps', length_months: undefined }, team: { plan_owner: 'community_offender_manager' } }) },
  ],
  invalid: [
    ...invalid,
    {
      name: 'a high RoSH in any group counts, not only overall; the expected owner is named with its code',
      plan: plan({ assessment: { rosh: { overall: 'medium', children: 'high' } } }),
      errors: [{ messageId: 'wrongOwner', text: 'prison_offender_manager', data: { why: { id: 'whyNpsHighRosh', data: { rosh: 'high' } }, want: { id: 'roleWithCode', data: { owner: 'community_offender_manager' } } } }],
    },
    ...(['ipp', 'extended_determinate', 'life'] as const).map((type) => ({
      name: `${type} allocated to a CRC: a likely wrong allocation, on the allocation (planlint's reading of 1.9)`,
      plan: plan({ sentence: { type, allocation: 'crc', length_months: undefined }, team: { plan_owner: 'community_offender_manager' } }),
      errors: [{ messageId: 'likelyNps', text: 'crc', data: { sentence: { id: 'sentenceName', data: { type } } }, cite: 'PSI 19/2014 para 1.9' }],
    })),
    {
      name: 'an IPP allocated to a CRC with a CRC owner: the allocation and the owner',
      plan: plan({ sentence: { type: 'ipp', allocation: 'crc', length_months: undefined }, team: { plan_owner: 'crc_offender_manager' } }),
      errors: [
        { messageId: 'likelyNps', text: 'crc' },
        { messageId: 'wrongOwner', text: 'crc_offender_manager' },
      ],
    },
  ],
});
