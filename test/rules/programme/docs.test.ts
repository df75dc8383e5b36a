// docs/programmes.md stays true to the data: every programme and criteria key is documented,
// and the configuration example loads cleanly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../server/src/policy/index.js';
import { config } from './helpers.js';

const doc = readFileSync('docs/programmes.md', 'utf8');
const { catalogue } = defaultPolicy();

describe('docs/programmes.md', () => {
  it('documents every programme and every withdrawn one by id', () => {
    for (const p of catalogue.programmes) expect(doc, p.id).toContain(`| \`${p.id}\` | ${p.name} |`);
    for (const l of catalogue.legacy) expect(doc, l.id).toContain(`\`${l.id}\``);
  });
  it('documents every key of the criteria language', () => {
    const schema = JSON.parse(readFileSync('schemas/policy/programmes.schema.json', 'utf8'));
    for (const k of Object.keys(schema.$defs.criterion.properties)) expect(doc, k).toContain(`\`${k}\``);
    for (const k of Object.keys(schema.$defs.offence_condition.properties)) expect(doc, k).toContain(`\`${k}\``);
  });
  it('its configuration example is valid', () => {
    const block = /## Changing the catalogue[\s\S]*?```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const cfg = config(block);
    expect(cfg.catalogue.programmes.map((p) => p.id)).toContain('local_money_skills');
    expect(cfg.policy.risk.rsr.use).toBe('tiering');
    expect(cfg.catalogue.availability['HMP Leeds']).toEqual(['thinking_skills_programme', 'kaizen']);
  });
});
