// samples/good stays clean under every rule; samples/bad shows every rule at least once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../server/src/engine/lint.js';
import { ALL_RULES } from '../server/src/rules/index.js';

const AS_OF = '2026-11-23';
const list = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? list(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

/** Rules no sample can show: engine failures, refused files and encodings are tested elsewhere. */
const NOT_SHOWABLE = new Set(['meta/internal-error', 'meta/file-too-large', 'meta/encoding', 'meta/unreadable', 'meta/too-complex', 'meta/not-fixed']);

describe('samples/good', () => {
  const files = list('samples/good');
  it('has a plan for every sentence type and stage (issue 11)', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const seen = new Set<string>();
    for (const f of files) {
      const p = lint(readFileSync(f, 'utf8'), { asOf: AS_OF, rules: [] }).plan;
      const s = p.sentence;
      seen.add(`${s?.type}/${s?.setting}`);
      if (s?.allocation === 'crc') seen.add(`crc/${s.type}/${s.setting}`);
      if (p.person?.gender === 'female') seen.add('woman');
      if (p.person?.learning_disability) seen.add('learning disability');
      if (p.person?.foreign_national?.liable_to_deportation) seen.add('foreign national');
      if (p.team?.plan_owner === 'unpaid_work_provider') seen.add('unpaid work only');
      if (p.person?.date_of_birth && s?.sentenced_on && Number(s.sentenced_on.slice(0, 4)) - Number(p.person.date_of_birth.slice(0, 4)) <= 21) seen.add('young adult');
    }
    for (const want of [
      'community_order/community', 'suspended_sentence_order/community', 'life/custody', 'life/community', 'ipp/custody',
      'extended_determinate/custody', 'determinate/custody', 'determinate/community', 'crc/determinate/custody', 'crc/determinate/community',
      'woman', 'learning disability', 'foreign national', 'unpaid work only', 'young adult',
    ]) expect([...seen]).toContain(want);
  });
  // As of the fixed test date and as of the day the samples were written (a week later).
  it.each(files.flatMap((f) => [[f, AS_OF], [f, '2026-12-01']]))('%s has no error or warning as of %s', (f, asOf) => {
    const r = lint(readFileSync(f, 'utf8'), { asOf });
    const bad = r.findings.filter((x) => x.severity !== 'info').map((x) => `${x.ruleId}: ${x.message}`);
    expect(bad).toEqual([]);
  });
});

describe('samples/templates', () => {
  it('has a template for every sentence type, for licence after release, for women and for young adults', () => {
    const plans = list('samples/templates').map((f) => lint(readFileSync(f, 'utf8'), { asOf: AS_OF, rules: [] }).plan);
    const types = new Set(plans.map((p) => p.sentence?.type));
    for (const t of ['determinate', 'extended_determinate', 'life', 'ipp', 'community_order', 'suspended_sentence_order']) expect(types, t).toContain(t);
    const custodial = ['determinate', 'extended_determinate', 'life', 'ipp'];
    expect(plans.some((p) => custodial.includes(p.sentence?.type ?? '') && p.sentence?.setting === 'community'), 'licence after release').toBe(true);
    expect(plans.some((p) => p.person?.gender === 'female'), "women's").toBe(true);
    expect(list('samples/templates').some((f) => /young-adult/.test(f)), 'young adult').toBe(true);
  });
  it.each(list('samples/templates'))('%s is a clean template', (f) => {
    const r = lint(readFileSync(f, 'utf8'), { asOf: AS_OF });
    expect(r.isTemplate).toBe(true);
    expect(r.findings.filter((x) => x.severity !== 'info').map((x) => `${x.ruleId}: ${x.message}`)).toEqual([]);
  });
});

describe('samples/bad', () => {
  it('shows every rule in the catalogue at least once', () => {
    const seen = new Set<string>();
    for (const f of list('samples/bad')) for (const x of lint(readFileSync(f, 'utf8'), { asOf: AS_OF }).findings) seen.add(x.ruleId);
    const missing = ALL_RULES.map((r) => r.meta.id).filter((id) => !NOT_SHOWABLE.has(id) && !seen.has(id));
    expect(missing).toEqual([]);
    expect(seen.has('meta/internal-error')).toBe(false);
  });
});

describe('messages name the policy, never a repository path', () => {
  // Analysts read these in the editor and CI logs, where a path such as docs/format.md means nothing.
  const repoPath = /\b(docs|server|src|schemas|test)\/[\w./-]+|\b[\w-]+\.(md|ts|json)\b/;
  it('no finding from any sample carries a repository path in its message or policy', () => {
    const offenders: string[] = [];
    for (const f of [...list('samples/bad'), ...list('samples/good'), ...list('samples/templates')]) {
      for (const x of lint(readFileSync(f, 'utf8'), { asOf: AS_OF }).findings) {
        if (repoPath.test(x.message) || repoPath.test(x.policy)) offenders.push(`${f}: ${x.ruleId}: ${x.message} [${x.policy}]`);
      }
    }
    expect(offenders).toEqual([]);
  });
  it('no rule names a repository path as its policy', () => {
    expect(ALL_RULES.filter((r) => repoPath.test(r.meta.policy)).map((r) => r.meta.id)).toEqual([]);
  });
});
