// Every fixed value in the plan schema explains itself: `enumDescriptions` (parallel to `enum`,
// read by VS Code's JSON tooling, Red Hat's yaml-language-server and planlint's completion),
// and `markdownEnumDescriptions` where present says the same with code formatting.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/sentence-plan.schema.json'), 'utf8')) as unknown;

interface EnumNode {
  where: string;
  node: { enum: unknown[]; enumDescriptions?: unknown; markdownEnumDescriptions?: unknown };
}

function enums(n: unknown, where: string, out: EnumNode[] = []): EnumNode[] {
  if (Array.isArray(n)) n.forEach((x, i) => enums(x, `${where}/${i}`, out));
  else if (n && typeof n === 'object') {
    const o = n as Record<string, unknown>;
    if (Array.isArray(o.enum)) out.push({ where, node: o as EnumNode['node'] });
    for (const [k, v] of Object.entries(o)) if (k !== 'enum' && k !== 'enumDescriptions' && k !== 'markdownEnumDescriptions') enums(v, `${where}/${k}`, out);
  }
  return out;
}

const all = enums(schema, '#');
const multi = all.filter((e) => e.node.enum.length >= 2);

describe('enum descriptions in the plan schema', () => {
  it('finds every enum of the format (24: sentence type, statuses, bands, need areas, …)', () => {
    expect(multi.length).toBe(24);
    expect(multi.map((e) => e.where)).toContain('#/properties/actions/items/properties/status');
    expect(multi.map((e) => e.where)).toContain('#/$defs/need_area');
  });

  it.each(multi.map((e) => [e.where, e.node] as const))('%s: one plain description per value, 15–200 characters, no TODO', (_where, node) => {
    const d = node.enumDescriptions;
    expect(Array.isArray(d)).toBe(true);
    const descs = d as unknown[];
    expect(descs).toHaveLength(node.enum.length);
    for (const s of descs) {
      expect(typeof s).toBe('string');
      const t = s as string;
      expect(t.length).toBeGreaterThanOrEqual(15);
      expect(t.length).toBeLessThanOrEqual(200);
      expect(t).not.toMatch(/TODO|TBD|FIXME|XXX/i);
      expect(t).not.toContain('`');
      expect(t.trim()).toBe(t);
    }
    // No two values share a description (a copy-paste would leave one value unexplained).
    expect(new Set(descs).size).toBe(descs.length);
  });

  it.each(multi.filter((e) => e.node.markdownEnumDescriptions !== undefined).map((e) => [e.where, e.node] as const))(
    '%s: the Markdown descriptions say the same as the plain ones',
    (_where, node) => {
      const md = node.markdownEnumDescriptions as string[];
      expect(md).toHaveLength(node.enum.length);
      expect(md.map((s) => s.replace(/`/g, ''))).toEqual(node.enumDescriptions);
    },
  );

  it('a value is not explained by repeating its own name', () => {
    for (const { node } of multi) {
      (node.enumDescriptions as string[]).forEach((s, i) => {
        expect(s.toLowerCase().replace(/[^a-z0-9]/g, '')).not.toBe(String(node.enum[i]).toLowerCase().replace(/[^a-z0-9]/g, ''));
      });
    }
  });
});
