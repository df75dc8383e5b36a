// The programme catalogue and risk data: complete against the catalogue table of
// docs/programmes.md (the project's own copy of the programme facts), strictly
// schema-checked, and overridable from configuration with clear problems.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { buildPolicy, defaultPolicy } from '../../../server/src/policy/index.js';
import { ALL_RULES } from '../../../server/src/rules/index.js';

const { catalogue, policy } = defaultPolicy();
const RULE_IDS = ALL_RULES.map((r) => r.meta.id);
const load = (yaml: string) => loadConfigText(yaml, '.planlintrc.yaml', RULE_IDS);

describe('the shipped catalogue', () => {
  const doc = readFileSync('docs/programmes.md', 'utf8');
  const section = doc.slice(doc.indexOf('\n## The catalogue'), doc.indexOf('\n### Withdrawn programmes'));
  const rows = [...section.matchAll(/^\| `([a-z_]+)` \| ([^|]+) \|/gm)].map((m) => ({ id: m[1], name: m[2].trim() }));
  it('has every row of the catalogue table in docs/programmes.md, by id and name, in order', () => {
    expect(rows.length).toBe(14);
    expect(catalogue.programmes.map((p) => p.id)).toEqual(rows.map((r) => r.id));
    for (const r of rows) expect(catalogue.programmes.find((p) => p.id === r.id)!.name).toContain(r.name.replace(/ \(.*\)$/, '').split(' (')[0]);
  });
  it('gives each programme who it is for, genders, settings, strands and (where known) a minimum duration', () => {
    for (const p of catalogue.programmes) {
      expect(p.description, p.id).toBeTruthy();
      expect(p.accredited, p.id).toBe(true);
      expect(p.genders?.length, p.id).toBeGreaterThan(0);
      expect(p.settings?.length, p.id).toBeGreaterThan(0);
      expect(p.strands?.length, p.id).toBeGreaterThan(0);
      if (p.id !== 'healthy_sex_programme') expect(p.min_duration, p.id).toBeDefined();
    }
    expect(catalogue.programmes.find((p) => p.id === 'horizon')!.min_duration).toEqual({ custody: { months: 6 }, community: { months: 12 } });
    expect(catalogue.programmes.find((p) => p.id === 'thinking_skills_programme')!.min_duration).toEqual({ sessions: 19, weeks_estimate: 10 });
  });
  it('marks the values the programme facts call uncertain', () => {
    const u = Object.fromEntries(catalogue.programmes.filter((p) => p.uncertain).map((p) => [p.id, Object.keys(p.uncertain!)]));
    expect(u).toEqual({
      building_better_relationships: ['settings'],
      horizon: ['adapted_version'],
      i_horizon: ['eligibility', 'settings'],
      healthy_sex_programme: ['min_duration'],
      covaid: ['eligibility'],
    });
    expect(policy.risk.bands.ogrs3_2yr.uncertain).toBeTruthy();
    expect(policy.risk.rsr.uncertain).toBeTruthy();
  });
  it('every programme id it refers to exists', () => {
    const ids = new Set(catalogue.programmes.map((p) => p.id));
    for (const p of catalogue.programmes) {
      for (const a of p.adapted_version ?? []) expect(ids.has(a.id), `${p.id} -> ${a.id}`).toBe(true);
      for (const list of Object.values(p.eligibility ?? {})) for (const c of list ?? []) for (const id of c.completed_first ?? []) expect(ids.has(id), id).toBe(true);
    }
    for (const l of catalogue.legacy) for (const r of l.replaced_by) expect(ids.has(r.id), `${l.id} -> ${r.id}`).toBe(true);
  });
  it('lists the withdrawn programmes with their replacements', () => {
    expect(catalogue.legacy.map((l) => l.id)).toEqual([
      'enhanced_thinking_skills', 'sotp', 'core_sotp', 'extended_sotp', 'internet_sotp', 'self_change_programme', 'healthy_relationships_programme', 'calm', 'resolve',
    ]);
    const legacyIds = new Set(catalogue.legacy.map((l) => l.id));
    for (const p of catalogue.programmes) expect(legacyIds.has(p.id)).toBe(false);
  });
  it('the adapted equivalents and the learning-disability flags follow the programme facts', () => {
    const adapted = Object.fromEntries(catalogue.programmes.filter((p) => p.adapted_version).map((p) => [p.id, p.adapted_version!.map((a) => a.id)]));
    expect(adapted).toEqual({
      kaizen: ['becoming_new_me_plus'],
      thinking_skills_programme: ['new_me_strengths'],
      building_better_relationships: ['new_me_strengths'],
      horizon: ['new_me_strengths', 'becoming_new_me_plus'],
    });
    const ld = (id: string) => catalogue.programmes.find((p) => p.id === id)!.suitable_for_learning_disability;
    for (const id of ['living_as_new_me', 'healthy_sex_programme', 'becoming_new_me_plus', 'new_me_strengths', 'building_choices_high', 'building_choices_moderate']) expect(ld(id), id).toBe(true);
    for (const id of ['healthy_identity_intervention', 'identity_matters']) expect(ld(id), id).toBe('case_by_case');
  });
});

describe('the schemas', () => {
  const progSchema = JSON.parse(readFileSync('schemas/policy/programmes.schema.json', 'utf8'));
  const riskSchema = JSON.parse(readFileSync('schemas/policy/risk.schema.json', 'utf8'));
  /** Every object schema is closed and every property described. */
  function walk(node: unknown, where: string, out: string[]): void {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`, out));
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n.type === 'object' && n.additionalProperties !== false) out.push(`${where}: additionalProperties`);
    if (n.properties) for (const [k, v] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) if (!v.description) out.push(`${where}/${k}: description`);
    for (const [k, v] of Object.entries(n)) walk(v, `${where}/${k}`, out);
  }
  it('are strict and describe every property', () => {
    const out: string[] = [];
    walk(progSchema, 'programmes', out);
    walk(riskSchema, 'risk', out);
    expect(out).toEqual([]);
  });
  it('share one criteria language', () => {
    for (const [k, v] of Object.entries(riskSchema.$defs)) expect(progSchema.$defs[k], k).toEqual(v);
  });
  it('the risk data says its unit', () => {
    expect(policy.risk.unit).toBe('percent');
    expect(riskSchema.description).toMatch(/PERCENTAGES/);
  });
});

describe('configuration', () => {
  it('adds a local programme and replaces a shipped one by id', () => {
    const r = load('programmes:\n  - id: local_money_skills\n    name: Money Skills (local)\n    accredited: false\n  - id: thinking_skills_programme\n    name: Thinking Skills Programme\n    eligibility:\n      all_strands:\n        - ogrs3_2yr: { at_least: 0.4 }\n');
    expect(r.problems).toEqual([]);
    const ids = r.config.catalogue.programmes.map((p) => p.id);
    expect(ids).toContain('local_money_skills');
    expect(ids.filter((x) => x === 'thinking_skills_programme')).toHaveLength(1);
    expect(r.config.catalogue.programmes.find((p) => p.id === 'thinking_skills_programme')!.eligibility).toEqual({ all_strands: [{ ogrs3_2yr: { at_least: 0.4 } }] });
  });
  it('an invalid criteria entry is a problem naming the key, on its line', () => {
    const text = 'programmes:\n  - id: local_course\n    name: Local course\n    eligibility:\n      all_strands:\n        - ogrs4_2yr: { at_least: 0.5 }\n';
    const r = load(text);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: '.planlintrc.yaml', line: 6, column: 11 });
    expect(r.problems[0].message).toMatch(/^unknown key `ogrs4_2yr` — did you mean `ogrs3_2yr`\?/);
    // The invalid entry is not added.
    expect(r.config.catalogue.programmes.map((p) => p.id)).not.toContain('local_course');
  });
  it('a threshold written as a percentage is refused (criteria use fractions)', () => {
    const r = load('programmes:\n  - id: local_course\n    name: Local course\n    eligibility:\n      all_strands:\n        - ogrs3_2yr: { at_least: 50 }\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(6);
    expect(r.problems[0].message).toMatch(/<= 1/);
  });
  it('an unknown strand or band is named', () => {
    const r = load('programmes:\n  - id: local_course\n    name: Local course\n    eligibility:\n      violence:\n        - ovp_2yr: { band_at_least: High }\n');
    // The unknown strand is named on its own line (its value is not checked further).
    expect(r.problems.map((p) => p.line)).toEqual([5]);
    expect(r.problems[0].message).toMatch(/unknown key `violence`.*allowed: all_strands, general_violence/);
    const band = load('programmes:\n  - id: local_course\n    name: Local course\n    eligibility:\n      general_violence:\n        - ovp_2yr: { band_at_least: High }\n');
    expect(band.problems).toHaveLength(1);
    expect(band.problems[0]).toMatchObject({ line: 6 });
    expect(band.problems[0].message).toMatch(/allowed values/);
  });
  it('risk policy can be overridden (RSR tiering cut) and an invalid band is refused', () => {
    expect(load('policy:\n  risk:\n    rsr:\n      use: tiering\n').config.policy.risk.rsr.use).toBe('tiering');
    const bad = load('policy:\n  risk:\n    bands:\n      ovp_2yr: { medium: 30, high: 60, extreme: 95 }\n');
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0].message).toContain('unknown key `extreme`');
    expect(bad.problems[0].line).toBe(4);
    expect(bad.config.policy.risk.bands.ovp_2yr).toEqual(policy.risk.bands.ovp_2yr);
  });
  it('availability naming a programme outside the catalogue is a problem', () => {
    const r = load('availability:\n  HMP Leeds: [thinking_skills_programme, kaizn]\n');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].message).toContain('`kaizn`');
  });
  it('buildPolicy keeps the defaults valid', () => {
    expect(buildPolicy({}).problems).toEqual([]);
  });
});
