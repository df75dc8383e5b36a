// engagement/recorded, engagement/views, engagement/discretionary-release.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { AS_OF, applyFix, at, expectParses, plan, rule, run } from '../plan/helpers.js';

describe('engagement/recorded', () => {
  const ID = 'engagement/recorded';
  it('reports a plan with no engagement record, as an error', () => {
    const fs = run(plan({ engagement: undefined }), ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].message).toContain('PSI 19/2014 paras 1.5, 1.9');
  });
  it('reports a missing `involved`, at the engagement key', () => {
    const t = plan({ engagement: { involved: undefined } });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('engagement');
    expect(fs[0].message).toContain('`involved: true` or `involved: false`');
  });
  it('reports a missing `discussed_on`', () => {
    const fs = run(plan({ engagement: { discussed_on: undefined } }), ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('`discussed_on`');
  });
  it('reports both missing in one finding', () => {
    const fs = run(plan({ engagement: { involved: undefined, discussed_on: undefined } }), ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toContain('neither');
  });
  it('passes with both, including `involved: false`', () => {
    expect(run(plan(), ID)).toEqual([]);
    expect(run(plan({ engagement: { involved: false } }), ID)).toEqual([]);
  });
  it('leaves a wrongly typed value to schema/shape', () => {
    expect(run(plan({ engagement: { involved: 'yes' } }), ID)).toEqual([]);
    expect(run(plan({ engagement: 'discussed' }), ID)).toEqual([]);
  });
  it('does not run in templates', () => {
    expect(run(plan({ kind: 'template', engagement: undefined }), ID)).toEqual([]);
  });
});

describe('engagement/views', () => {
  const ID = 'engagement/views';
  it('warns when the person was involved but their views are not recorded', () => {
    const t = plan({ engagement: { views: undefined } });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].message).toContain('`engagement.views`');
  });
  it('warns when not involved and neither a reason nor views are given, pointing at `involved`', () => {
    const t = plan({ engagement: { involved: false, views: undefined } });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('false');
    expect(fs[0].message).toContain('`reason`');
  });
  it('passes when not involved with a reason, or with views', () => {
    expect(run(plan({ engagement: { involved: false, views: undefined, reason: 'Declined to attend.' } }), ID)).toEqual([]);
    expect(run(plan({ engagement: { involved: false } }), ID)).toEqual([]);
  });
  it('treats blank views as missing, and never echoes them', () => {
    const fs = run(plan({ engagement: { views: '   ' } }), ID);
    expect(fs).toHaveLength(1);
    const f2 = run(plan({ engagement: { involved: false, views: undefined, reason: undefined } }), ID);
    expect(f2[0].message).not.toContain('stay clean');
  });
  it('leaves a missing engagement record to engagement/recorded', () => {
    expect(run(plan({ engagement: undefined }), ID)).toEqual([]);
  });
});

describe('engagement/discretionary-release', () => {
  const ID = 'engagement/discretionary-release';
  const disc = (type: string, engagement: Record<string, unknown>) =>
    plan({ sentence: { type, release_date: undefined, parole_eligibility_date: '2030-01-01' }, engagement: { involved: false, views: undefined, reason: 'Declined to attend the planning meeting.', ...engagement } });
  for (const type of ['ipp', 'life', 'extended_determinate']) {
    it(`reports ${type} with involved: false and nothing recorded`, () => {
      const fs = run(disc(type, {}), ID);
      expect(fs).toHaveLength(1);
      expect(fs[0].severity).toBe('error');
      expect(fs[0].message).toContain('PSI 19/2014 para 2.6');
    });
  }
  it('is quiet for a determinate sentence, or when involved, or when told', () => {
    expect(run(disc('determinate', {}), ID)).toEqual([]);
    expect(run(disc('ipp', { involved: true }), ID)).toEqual([]);
    expect(run(disc('ipp', { told_noncompliance_affects_release: true }), ID)).toEqual([]);
  });
  it('reports `false` at the value, with no fix', () => {
    const t = disc('life', { told_noncompliance_affects_release: false });
    const fs = run(t, ID);
    expect(fs).toHaveLength(1);
    expect(at(t, fs[0])).toBe('false');
    expect(fs[0].fixes).toEqual([]);
  });
  it('its quick fix inserts `told_noncompliance_affects_release: true` for the author to confirm', () => {
    const t = disc('ipp', {});
    const fs = run(t, ID);
    expect(fs[0].fixes).toHaveLength(1);
    expect(fs[0].fixes[0].fixAll).toBe(false);
    expect(fs[0].fixes[0].title).toContain('confirm before saving');
    const out = applyFix(t, ID);
    expect(out).toContain('  reason: Declined to attend the planning meeting.\n  told_noncompliance_affects_release: true\n');
    expect(run(out, ID)).toEqual([]);
  });
  it('inserts into a flow map too', () => {
    const t = 'sentence_plan: 1\nsentence: { type: ipp }\nengagement: { involved: false, discussed_on: 2026-10-01 }\n';
    const out = applyFix(t, ID);
    expect(out).toBe('sentence_plan: 1\nsentence: { type: ipp }\nengagement: { involved: false, discussed_on: 2026-10-01, told_noncompliance_affects_release: true }\n');
    expectParses(out);
    expect(run(out, ID)).toEqual([]);
  });
  it('metadata: every engagement rule is off in templates', () => {
    for (const id of ['engagement/recorded', 'engagement/views', 'engagement/discretionary-release']) expect(rule(id).meta.inTemplates).toBe(false);
    expect(lint(disc('ipp', {}).replace('kind: plan', 'kind: template'), { asOf: AS_OF, rules: [rule(ID)] }).findings).toEqual([]);
  });
});
