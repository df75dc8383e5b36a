// template/placeholder-in-plan: a `${…}` placeholder left in a plan; silent in templates.
import { describe, expect, it } from 'vitest';
import { EXAMPLE, at, edit, findings } from './fixtures.js';

const ID = 'template/placeholder-in-plan';
const ph = (text: string) => findings(text, ID);

describe('template/placeholder-in-plan', () => {
  it('a filled-in plan passes; `$` and braces that are not placeholders pass', () => {
    expect(ph(EXAMPLE)).toEqual([]);
    expect(ph(edit(EXAMPLE, 'Wants help staying clean before release.', '"Costs $5 {weekly} and ${ not one"'))).toEqual([]);
  });

  it('reports a placeholder value, at the value', () => {
    const text = edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: ${target_date}');
    const [f, ...rest] = ph(text);
    expect(rest).toEqual([]);
    expect(at(text, f)).toBe('${target_date}');
    expect(f.message).toBe('`${target_date}` is a template placeholder left in a plan: replace it with the real value (or set `kind: template` if this file is a template).');
  });

  it('one finding per value, naming each placeholder in it', () => {
    const text = edit(EXAMPLE, 'Wants help staying clean before release.', '"${first} and ${second:none} and ${first}"');
    const [f, ...rest] = ph(text);
    expect(rest).toEqual([]);
    expect(at(text, f)).toBe('"${first} and ${second:none} and ${first}"');
    // The placeholder's name is quoted, never its default (which may be any text).
    expect(f.message).toMatch(/^`\$\{first\}`, `\$\{second:…\}` are template placeholders left in a plan: replace them/);
  });

  it('finds placeholders in list items and with defaults', () => {
    const text = edit(EXAMPLE, '    priority: 1', '    priority: ${priority:1}\n    after: ["${first_action}"]');
    expect(ph(text).map((f) => at(text, f))).toEqual(['${priority:1}', '"${first_action}"']);
  });

  it('applies when kind is absent', () => {
    const text = edit(edit(EXAMPLE, 'kind: plan\n', ''), 'target_date: 2025-12-31', 'target_date: ${target_date}');
    expect(ph(text)).toHaveLength(1);
  });

  it('is silent in a template', () => {
    const text = edit(edit(EXAMPLE, 'kind: plan', 'kind: template'), 'target_date: 2025-12-31', 'target_date: ${target_date}');
    expect(ph(text)).toEqual([]);
  });
});
