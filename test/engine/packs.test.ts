// Policy packs (issue 17 item 2): `extends:` layers packs under a configuration, in order, data
// only. The engine reads no file: these tests hand it an in-memory resolver.
import { describe, expect, it } from 'vitest';
import { loadConfigText, type PackResolver } from '../../server/src/engine/config.js';
import { BUILT_IN_PACK, PACK_LIMITS } from '../../server/src/engine/packs.js';
import { lint } from '../../server/src/engine/lint.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

const KNOWN = ALL_RULES.map((r) => r.meta.id);

/** Files by path; a reference is resolved against the naming file's folder like a relative path. */
function memory(files: Record<string, string>): PackResolver {
  return (ref, origin) => {
    const dir = origin.includes('/') ? origin.slice(0, origin.lastIndexOf('/')) : '.';
    const parts = `${dir}/${ref}`.split('/');
    const out: string[] = [];
    for (const p of parts) {
      if (p === '.' || p === '') continue;
      if (p === '..') out.pop();
      else out.push(p);
    }
    const path = out.join('/');
    return path in files ? { file: path, origin: path, text: files[path] } : { error: 'no such file or folder' };
  };
}

const REGION = `name: yorkshire-humber
version: 1.2.0
effective_from: 2025-04-01
description: Regional MAPPA protocol 2025, section 4.
rules:
  plan/interpreter: info
policy:
  rmp:
    reviewed_with_plan_gap_days: 28
availability:
  HMP Exampleton: [thinking_skills_programme]
checks:
  - id: local/mappa-accommodation
    policy: Regional MAPPA protocol 2025, section 4
    when:
      - { path: assessment.mappa.level, in: [2, 3] }
    require:
      some: objectives
      where: { path: need, equals: accommodation }
    message: A MAPPA case needs an accommodation objective.
`;

const load = (config: string, files: Record<string, string>) =>
  loadConfigText(config, 'team/.planlintrc.yaml', KNOWN, { resolvePack: memory(files), origin: 'team/.planlintrc.yaml' });

describe('policy packs', () => {
  it('a pack sets policy, severities, availability and checks; the configuration overrides it', () => {
    const r = load('extends: ./policy/yh.yaml\nrules:\n  plan/interpreter: warning\npolicy:\n  rmp:\n    required_from: high\n', { 'team/policy/yh.yaml': REGION });
    expect(r.problems).toEqual([]);
    expect(r.config.rules['plan/interpreter']).toBe('warning');
    expect(r.config.policy.rmp.reviewed_with_plan_gap_days).toBe(28);
    expect(r.config.policy.rmp.required_from).toBe('high');
    expect(r.config.catalogue.availability['HMP Exampleton']).toEqual(['thinking_skills_programme']);
    expect(r.config.checks?.map((c) => [c.id, c.from])).toEqual([['local/mappa-accommodation', 'team/policy/yh.yaml']]);
    expect(r.config.packs).toEqual([BUILT_IN_PACK, { name: 'yorkshire-humber', version: '1.2.0', effective_from: '2025-04-01', source: 'team/policy/yh.yaml' }]);
  });

  it("a pack's local check runs on plans like a built-in rule", () => {
    const r = load('extends: [./policy/yh.yaml]\n', { 'team/policy/yh.yaml': REGION });
    const plan = 'sentence_plan: 1\nkind: plan\nassessment:\n  mappa: { category: 2, level: 2 }\nobjectives: []\n';
    const ids = lint(plan, { asOf: '2026-11-23', config: r.config }).findings.map((f) => f.ruleId);
    expect(ids).toContain('local/mappa-accommodation');
  });

  it('packs apply in order, each after the packs it extends; a later one wins, a pack named twice applies once', () => {
    const files = {
      'team/national.yaml': 'name: national\nversion: 1.0.0\neffective_from: 2024-01-01\npolicy:\n  rmp:\n    reviewed_with_plan_gap_days: 7\n    required_from: high\n',
      'team/region.yaml': 'name: region\nversion: 2.0.0\neffective_from: 2025-01-01\nextends: ./national.yaml\npolicy:\n  rmp:\n    reviewed_with_plan_gap_days: 14\n',
    };
    const r = load('extends: [./national.yaml, ./region.yaml]\n', files);
    expect(r.problems).toEqual([]);
    expect(r.config.policy.rmp.reviewed_with_plan_gap_days).toBe(14);
    expect(r.config.policy.rmp.required_from).toBe('high');
    expect(r.config.packs?.map((p) => p.name)).toEqual(['psi-19-2014', 'national', 'region']);
  });

  it("a review obligation's parts are replaced whole across layers, as over the defaults", () => {
    const pack = 'name: p\nversion: 1.0.0\neffective_from: 2025-01-01\npolicy:\n  review:\n    obligations:\n      pre_tariff:\n        window: { before_due: { weeks: 12 } }\n';
    const r = load('extends: ./p.yaml\npolicy:\n  review:\n    obligations:\n      pre_tariff:\n        window: { from: anchor }\n', { 'team/p.yaml': pack });
    expect(r.problems).toEqual([]);
    const table = (r.config.policy.review as unknown as { obligations: Record<string, { window: unknown }> }).obligations;
    expect(table.pre_tariff.window).toEqual({ from: 'anchor' });
  });

  it('psi-19-2014 is the built-in base: naming it changes nothing', () => {
    const r = load('extends: psi-19-2014\n', {});
    expect(r.problems).toEqual([]);
    expect(r.config.policy).toEqual(loadConfigText('', 'c', KNOWN).config.policy);
  });

  it("problems inside a pack are located in the pack's own file", () => {
    const pack = 'name: region\nversion: 1.0.0\neffective_from: 2025-01-01\nrules:\n  plan/interpretr: off\npolicy:\n  rmp:\n    reviewed_with_plan_gap_days: -3\nchecks:\n  - id: plan/interpreter\n    require: { path: x, exists: true }\n    message: m\n';
    const r = load('extends: ./region.yaml\n', { 'team/region.yaml': pack });
    const at = r.problems.map((p) => `${p.file}:${p.line}: ${p.message.split(' — ')[0].slice(0, 40)}`);
    expect(at).toContain('team/region.yaml:5: unknown rule `plan/interpretr`');
    expect(r.problems.some((p) => p.file === 'team/region.yaml' && p.line === 8)).toBe(true);
    expect(r.problems.some((p) => p.file === 'team/region.yaml' && p.line === 10 && /built-in rule/.test(p.message))).toBe(true);
  });

  it('a pack needs name, version and effective_from, and takes no unknown keys', () => {
    const r = load('extends: ./p.yaml\n', { 'team/p.yaml': 'version: 1\nefective_from: 2025-01-01\n' });
    const msgs = r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(msgs.some((m) => /team\/p\.yaml:1: a policy pack needs `name`/.test(m))).toBe(true);
    expect(msgs.some((m) => /team\/p\.yaml:2: unknown key `efective_from` in a policy pack — did you mean `effective_from`\?/.test(m))).toBe(true);
  });

  it('a missing pack, a cycle and nesting past the limit are problems at the extends entry; the rest still applies', () => {
    const missing = load('extends:\n  - ./nope.yaml\n  - ./ok.yaml\n', { 'team/ok.yaml': 'name: ok\nversion: 1.0.0\neffective_from: 2025-01-01\npolicy: { rmp: { reviewed_with_plan_gap_days: 9 } }\n' });
    expect(missing.problems.map((p) => [p.file, p.line, p.message])).toEqual([['team/.planlintrc.yaml', 2, 'cannot read policy pack `./nope.yaml`: no such file or folder']]);
    expect(missing.config.policy.rmp.reviewed_with_plan_gap_days).toBe(9);

    const cyc = load('extends: ./a.yaml\n', {
      'team/a.yaml': 'name: a\nversion: 1.0.0\neffective_from: 2025-01-01\nextends: ./b.yaml\n',
      'team/b.yaml': 'name: b\nversion: 1.0.0\neffective_from: 2025-01-01\nextends: ./a.yaml\n',
    });
    expect(cyc.problems).toHaveLength(1);
    expect(cyc.problems[0]).toMatchObject({ file: 'team/b.yaml', line: 4 });
    expect(cyc.problems[0].message).toMatch(/extends itself/);

    const chain: Record<string, string> = {};
    for (let i = 0; i < PACK_LIMITS.depth + 2; i++) chain[`team/p${i}.yaml`] = `name: p${i}\nversion: 1.0.0\neffective_from: 2025-01-01\nextends: ./p${i + 1}.yaml\n`;
    const deep = load('extends: ./p0.yaml\n', chain);
    expect(deep.problems.some((p) => /more than 8 deep/.test(p.message))).toBe(true);
  });

  it('without a resolver (a front that cannot read files) only the built-in pack can be extended', () => {
    const r = loadConfigText('extends: [psi-19-2014, ./p.yaml]\n', 'c.yaml', KNOWN);
    expect(r.problems.map((p) => p.message)).toEqual(['cannot read policy pack `./p.yaml` here: packs are read from files, which this front cannot do']);
  });

  it("a hostile reference is shown bounded and without control characters or backticks", () => {
    const r = load(`extends: "./\\u001b[31m${'x'.repeat(400)}\`.yaml"\n`, {});
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).not.toMatch(/\u001b/);
    expect(r.problems[0].message).toMatch(/^cannot read policy pack `\.\/\?\[31mx+\.\.\.`: /);
    expect(r.problems[0].message.length).toBeLessThan(260);
  });

  it('programme entries from packs are appended in order; a bad entry is located in its own file', () => {
    const entry = (id: string) => `  - { id: ${id}, name: Local course ${id}, accredited: false }\n`;
    const r = load(`extends: ./p.yaml\nprogrammes:\n${entry('local_two')}`, {
      'team/p.yaml': `name: p\nversion: 1.0.0\neffective_from: 2025-01-01\nprogrammes:\n${entry('local_one')}  - { id: 7 }\n`,
    });
    const bad = r.problems.filter((p) => p.file === 'team/p.yaml');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((p) => p.line === 6)).toBe(true);
    expect(r.problems.filter((p) => p.file !== 'team/p.yaml')).toEqual([]);
    expect(r.config.catalogue.programmes.filter((p) => p.id.startsWith('local_')).map((p) => p.id)).toEqual(['local_one', 'local_two']);
  });
});

describe('schemas/policy-pack.schema.json', () => {
  it('documents every property of its own and refers to the config schema for the rest', async () => {
    const schema = (await import('../../schemas/policy-pack.schema.json')).default as { properties: Record<string, { description?: string; $ref?: string }>; required: string[] };
    const config = (await import('../../schemas/config.schema.json')).default as { properties: Record<string, unknown> };
    for (const [k, p] of Object.entries(schema.properties)) {
      if (p.$ref) expect(p.$ref, k).toBe(`config.schema.json#/properties/${k}`);
      else expect(p.description?.length ?? 0, k).toBeGreaterThan(20);
    }
    // Everything a configuration may say, a pack may say too.
    for (const k of Object.keys(config.properties)) expect(schema.properties[k], k).toBeDefined();
    expect(schema.required).toEqual(['name', 'version', 'effective_from']);
  });
});
