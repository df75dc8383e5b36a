// plan/responsibility: PSI 19/2014 para 1.9's allocation table.
import { describe, expect, it } from 'vitest';
import { AS_OF, at, plan, run } from './helpers.js';

const ID = 'plan/responsibility';
type S = Record<string, unknown>;
const owners = ['prison_offender_manager', 'community_offender_manager', 'crc_offender_manager', 'unpaid_work_provider'] as const;
/** Which plan owners pass for a sentence (and RoSH). */
function accepted(sentence: S, rosh?: string, asOf = AS_OF): string[] {
  return owners.filter((o) => {
    const over: S = { sentence, team: { plan_owner: o } };
    if (rosh) over.assessment = { rosh: { overall: rosh, public: rosh } };
    return run(plan(over), ID, asOf).length === 0;
  });
}
const det = (months: number | undefined, allocation: string | undefined, setting: string | undefined): S => ({
  type: 'determinate', length_months: months, allocation, setting,
});

describe('plan/responsibility', () => {
  it('NPS determinate of 12 months or more, low/medium RoSH, in custody: the prison offender manager', () => {
    expect(accepted(det(48, 'nps', 'custody'), 'medium')).toEqual(['prison_offender_manager']);
    expect(accepted(det(48, 'nps', 'custody'), 'low')).toEqual(['prison_offender_manager']);
  });
  it('edge: exactly 12 months is planned in custody; just under is not judged between the two NPS roles', () => {
    expect(accepted(det(12, 'nps', 'custody'), 'medium')).toEqual(['prison_offender_manager']);
    expect(accepted(det(11.9, 'nps', 'custody'), 'medium')).toEqual(['prison_offender_manager', 'community_offender_manager']);
  });
  it('NPS determinate with high or very high RoSH: the community offender manager, throughout', () => {
    expect(accepted(det(48, 'nps', 'custody'), 'high')).toEqual(['community_offender_manager']);
    expect(accepted(det(48, 'nps', 'custody'), 'very_high')).toEqual(['community_offender_manager']);
  });
  it('a high RoSH in any group counts, not only overall', () => {
    const t = plan({ assessment: { rosh: { overall: 'medium', children: 'high' } } });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('prison_offender_manager');
    expect(fs[0].message).toContain('high risk of serious harm');
    expect(fs[0].message).toContain('`community_offender_manager`');
    expect(fs[0].message).toContain('PSI 19/2014 para 1.9');
  });
  it('NPS community orders, SSOs, IPP and extended sentences: the community offender manager', () => {
    expect(accepted({ type: 'community_order', allocation: 'nps', setting: 'community', length_months: undefined })).toEqual(['community_offender_manager']);
    expect(accepted({ type: 'suspended_sentence_order', allocation: 'nps', length_months: undefined })).toEqual(['community_offender_manager']);
    expect(accepted({ type: 'ipp', allocation: 'nps' })).toEqual(['community_offender_manager']);
    expect(accepted({ type: 'extended_determinate', allocation: 'nps' }, 'medium')).toEqual(['community_offender_manager']);
  });
  it('life sentences: either offender manager, never the CRC', () => {
    expect(accepted({ type: 'life', allocation: 'nps' })).toEqual(['prison_offender_manager', 'community_offender_manager']);
  });
  it('CRC cases: the CRC offender manager, except the POM in custody for 12 months or more', () => {
    expect(accepted({ type: 'community_order', allocation: 'crc', setting: 'community' })).toEqual(['crc_offender_manager']);
    expect(accepted(det(12, 'crc', 'custody'), 'low')).toEqual(['prison_offender_manager']);
    expect(accepted(det(11, 'crc', 'custody'), 'low')).toEqual(['crc_offender_manager']);
    expect(accepted(det(24, 'crc', 'community'), 'low')).toEqual(['crc_offender_manager']);
  });
  it('NPS determinate after release: the community offender manager', () => {
    expect(accepted(det(48, 'nps', 'community'), 'medium')).toEqual(['community_offender_manager']);
  });
  it('is quiet when the plan does not say enough to tell', () => {
    expect(accepted(det(48, undefined, 'custody'), 'medium')).toEqual([...owners]);
    expect(accepted({ type: undefined })).toEqual([...owners]);
  });
});

describe('plan/responsibility by stage (PSI 19/2014 para 1.9)', () => {
  it('life: either offender manager in custody; after release only the COM (who completes the plan post-release)', () => {
    expect(accepted({ type: 'life', allocation: 'nps', setting: 'custody' })).toEqual(['prison_offender_manager', 'community_offender_manager']);
    expect(accepted({ type: 'life', allocation: 'nps', setting: 'community' })).toEqual(['community_offender_manager']);
    const t = plan({ sentence: { type: 'life', allocation: 'nps', setting: 'community', length_months: undefined }, team: { plan_owner: 'prison_offender_manager' } });
    expect(run(t, ID)[0].message).toContain('after release');
  });
  it('CRC, 12 months or more in custody: the POM, and from 12 weeks before release the CRC offender manager too', () => {
    // AS_OF 2026-11-23: 12 weeks before a release on 2027-02-15 is exactly 2026-11-23.
    const crc = (release: string): S => ({ ...det(18, 'crc', 'custody'), release_date: release });
    expect(accepted(crc('2027-02-15'), 'low')).toEqual(['prison_offender_manager', 'crc_offender_manager']);
    expect(accepted(crc('2027-02-16'), 'low')).toEqual(['prison_offender_manager']);
    expect(accepted(crc('2027-02-14'), 'low')).toEqual(['prison_offender_manager', 'crc_offender_manager']);
  });
  it('IPP, extended and life sentences allocated to a CRC: a likely wrong allocation, reported on the allocation as planlint\'s reading', () => {
    for (const type of ['ipp', 'extended_determinate', 'life']) {
      const t = plan({ sentence: { type, allocation: 'crc', length_months: undefined }, team: { plan_owner: 'community_offender_manager' } });
      const fs = run(t, ID);
      expect(fs).toHaveLength(1);
      expect(at(t, fs[0])).toBe('crc');
      expect(fs[0].message).toContain("planlint's reading of 1.9");
    }
    // The owner is judged as an NPS case as well: a CRC owner on an IPP is a second finding.
    const t = plan({ sentence: { type: 'ipp', allocation: 'crc', length_months: undefined }, team: { plan_owner: 'crc_offender_manager' } });
    expect(run(t, ID).map((f) => at(t, f))).toEqual(['crc', 'crc_offender_manager']);
    expect(run(plan({ sentence: { type: 'ipp', allocation: 'nps', length_months: undefined }, team: { plan_owner: 'community_offender_manager' } }), ID)).toEqual([]);
  });
  it('an order whose only requirement is unpaid work: the unpaid work provider, whatever the allocation', () => {
    const order = (requirements: string[], allocation = 'crc', type = 'community_order'): S => ({ type, allocation, setting: 'community', requirements, length_months: undefined });
    expect(accepted(order(['unpaid_work']))).toEqual(['unpaid_work_provider']);
    expect(accepted(order(['unpaid_work'], 'nps', 'suspended_sentence_order'))).toEqual(['unpaid_work_provider']);
    // Edge: a second requirement puts the order back with the offender manager.
    expect(accepted(order(['unpaid_work', 'rehabilitation_activity']))).toEqual(['crc_offender_manager']);
    expect(accepted(order(['unpaid_work', 'curfew'], 'nps'))).toEqual(['community_offender_manager']);
  });
});

