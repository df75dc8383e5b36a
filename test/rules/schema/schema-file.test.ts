// The plan JSON Schema itself: well-formed, documented on every property, and in step with
// the format's example plan.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import configSchema from '../../../schemas/config.schema.json';
import schema from '../../../schemas/sentence-plan.schema.json';
import { compiled } from '../../../server/src/engine/ajv.js';
import { lint } from '../../../server/src/engine/lint.js';
import { loadConfigText } from '../../../server/src/engine/config.js';
import { ALL_RULES } from '../../../server/src/rules/index.js';
import { AS_OF, EXAMPLE, run } from './fixtures.js';

type S = Record<string, unknown>;

/** Every property schema in the document, with its JSON path. */
function properties(s: unknown, path: string, out: [string, S][] = []): [string, S][] {
  if (!s || typeof s !== 'object') return out;
  const o = s as S;
  const props = o.properties as Record<string, S> | undefined;
  if (props) for (const [k, v] of Object.entries(props)) {
    out.push([`${path}.${k}`, v]);
    properties(v, `${path}.${k}`, out);
  }
  if (o.items) properties(o.items, `${path}[]`, out);
  const defs = o.$defs as Record<string, S> | undefined;
  if (defs) for (const [k, v] of Object.entries(defs)) properties(v, `$defs.${k}`, out);
  return out;
}

/** Every object schema (a schema with `properties`), with its path. */
function objects(s: unknown, path: string, out: [string, S][] = []): [string, S][] {
  if (!s || typeof s !== 'object') return out;
  const o = s as S;
  if (o.properties) out.push([path, o]);
  for (const [k, v] of Object.entries((o.properties as Record<string, S>) ?? {})) objects(v, `${path}.${k}`, out);
  if (o.items) objects(o.items, `${path}[]`, out);
  return out;
}

describe('schemas/sentence-plan.schema.json', () => {
  it('has an $id, a title and a description, and compiles', () => {
    expect(schema.$id).toBe('https://planlint.dev/schemas/sentence-plan.schema.json');
    expect(schema.title).toBeTruthy();
    expect(schema.description.length).toBeGreaterThan(40);
    expect(() => compiled(schema)).not.toThrow();
  });

  it('has a description on every property, list item and shared definition', () => {
    const all = properties(schema, '');
    expect(all.length).toBeGreaterThan(100);
    const undocumented = all.filter(([, s]) => typeof s.description !== 'string' || (s.description as string).length < 10).map(([p]) => p);
    expect(undocumented).toEqual([]);
    const items: string[] = [];
    for (const [p, s] of all) if (s.items && typeof (s.items as S).description !== 'string') items.push(p);
    expect(items).toEqual([]);
    for (const [k, d] of Object.entries(schema.$defs)) expect(typeof (d as S).description, k).toBe('string');
  });

  it('closes every object', () => {
    const open = objects(schema, '').filter(([, s]) => s.additionalProperties !== false).map(([p]) => p);
    expect(open).toEqual([]);
  });

  it('covers the format additions that rules use', () => {
    const p = schema.properties;
    expect(Object.keys(p.assessment.properties.scores.properties)).toEqual(
      expect.arrayContaining(['sara_partner', 'sara_others', 'audit']),
    );
    expect(p.assessment.properties.erg22_completed.type).toBe('boolean');
    expect(p.assessment.properties.offence.properties.gang_affiliation.type).toBe('boolean');
    expect(p.actions.items.properties.strand.enum).toEqual(['general_violence', 'intimate_partner_violence', 'sexual_offence', 'general']);
    expect(p.actions.items.properties.harm_reduction.type).toBe('boolean');
    expect(p.engagement.properties.reason.type).toBe('string');
    expect(p.person.properties.name.type).toBe('string');
  });

  it('leaves to policy rules the keys whose absence they report', () => {
    expect(schema.required).toEqual(['sentence_plan']);
    expect(schema.properties.objectives.items.required).toEqual(['id']);
    expect(schema.properties.actions.items.required).toEqual(['id']);
    expect(schema.properties.outcomes.items.required).toEqual(['id']);
    expect(schema.properties.reviews.items.required).toEqual(['date', 'type']);
    expect(schema.properties.events.items.required).toEqual(['date', 'type']);
    expect(schema.properties.assessment.properties.needs.items.required).toEqual(['area']);
    expect((schema.properties.team as S).required).toBeUndefined();
    expect((schema.properties.engagement as S).required).toBeUndefined();
  });

  it('uses no oneOf/anyOf', () => {
    expect(JSON.stringify(schema)).not.toMatch(/"(oneOf|anyOf)"/);
  });

  it('accepts the example plan of plan-format.md', () => {
    const v = compiled(schema);
    const r = lint(EXAMPLE, { asOf: AS_OF, rules: [] });
    expect(v(r.root)).toBe(true);
    expect(v.errors ?? []).toEqual([]);
  });

  it('the example plan has no schema-family finding', () => {
    expect(run(EXAMPLE).findings).toEqual([]);
    const all = lint(EXAMPLE, { asOf: AS_OF, rules: ALL_RULES });
    expect(all.findings.filter((f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('template/'))).toEqual([]);
  });
});

describe('schemas/config.schema.json', () => {
  it('has a description on every property and its examples are valid configuration', () => {
    const undocumented = properties(configSchema, '').filter(([, s]) => typeof s.description !== 'string').map(([p]) => p);
    expect(undocumented).toEqual([]);
    const v = compiled(configSchema);
    for (const [k, p] of Object.entries(configSchema.properties)) {
      for (const ex of (p as S).examples as unknown[]) {
        expect(v({ [k]: ex }), k).toBe(true);
        // A pack named by an example is read from an in-memory file (the engine reads no file itself).
        const pack = { file: 'pack.yaml', origin: 'pack.yaml', text: 'name: example\nversion: 1.0.0\neffective_from: 2025-04-01\n' };
        const { problems } = loadConfigText(JSON.stringify({ [k]: ex }), 'example', ALL_RULES.map((r) => r.meta.id), { resolvePack: () => pack });
        // Whether the example's programme ids are in the catalogue is the catalogue's business.
        expect(problems.filter((p) => !/not a programme in the catalogue/.test(p.message)), k).toEqual([]);
      }
    }
  });
});

describe('docs/format.md', () => {
  const doc = readFileSync('docs/format.md', 'utf8');
  it('names every key and every allowed value of the schema', () => {
    const missing: string[] = [];
    for (const [path, s] of properties(schema, '')) {
      const key = path.split('.').pop()!.replace('[]', '');
      if (![`\`${key}\``, `.${key}\``, `\`${key}.`].some((x) => doc.includes(x))) missing.push(path);
      const e = (s.enum ?? []) as unknown[];
      for (const v of e) if (!doc.includes(`\`${String(v)}\``)) missing.push(`${path} = ${String(v)}`);
    }
    for (const [k, d] of Object.entries(schema.$defs)) for (const v of ((d as S).enum ?? []) as unknown[]) if (!doc.includes(`\`${String(v)}\``)) missing.push(`$defs.${k} = ${String(v)}`);
    expect(missing).toEqual([]);
  });
  it('its example has no schema-family finding', () => {
    const example = /## Example\n+```yaml\n([\s\S]*?)```/.exec(doc)![1];
    expect(run(example).findings).toEqual([]);
  });
});
