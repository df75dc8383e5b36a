// schema/shape: the plan JSON Schema, one plain-English finding per defect, on the exact node.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { shape } from '../../../server/src/rules/schema/shape.js';
import { AS_OF, EXAMPLE, applyFix, at, edit, findings, run } from './fixtures.js';

const ID = 'schema/shape';
const shapeOf = (text: string) => findings(text, ID);

describe('schema/shape: unknown keys', () => {
  it('reports a misspelt key on the key, with a quick-fix rename', () => {
    const text = edit(EXAMPLE, '  prison_offender_manager: POM Leeds 3', '  prison_offender_managr: POM Leeds 3');
    const [f, ...rest] = shapeOf(text);
    expect(rest).toEqual([]);
    expect(at(text, f)).toBe('prison_offender_managr');
    expect(f.message).toBe('Unknown key `prison_offender_managr` in `team` — did you mean `prison_offender_manager`?');
    expect(f.fixes).toHaveLength(1);
    expect(f.fixes[0].fixAll).toBe(false);
    applyFix(text, f, EXAMPLE);
  });

  it('names the brief\'s example: key_workr in team', () => {
    const text = edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner: prison_offender_manager\n  key_workr: Wing B');
    const [f] = shapeOf(text);
    expect(f.message).toBe('Unknown key `key_workr` in `team` — did you mean `key_worker`?');
    applyFix(text, f, edit(text, 'key_workr', 'key_worker'));
  });

  it('keeps the quoting of a quoted key', () => {
    const text = edit(EXAMPLE, '  gender: male', '  "gendr": male');
    const [f] = shapeOf(text);
    applyFix(text, f, edit(text, '"gendr"', '"gender"'));
  });

  it('offers no rename when the right key is already there', () => {
    const text = edit(EXAMPLE, '  gender: male', '  gender: male\n  gendr: male');
    const [f] = shapeOf(text);
    expect(f.message).toContain('did you mean `gender`? That key is already given here');
    expect(f.fixes).toEqual([]);
  });

  it('lists the allowed keys when nothing is near, and names list items by id', () => {
    const text = edit(EXAMPLE, '    status: in_progress', '    status: in_progress\n    colour: blue');
    const [f] = shapeOf(text);
    expect(at(text, f)).toBe('colour');
    // Not a near miss of a known key: not quoted (it may be a name typed as a key); its line is given.
    expect(f.message).toMatch(/^An unknown key at line \d+ in objective OBJ-1\. Keys allowed here: `id`, `outcome`/);
    expect(f.message).not.toContain('colour');
    expect(f.fixes).toEqual([]);
  });

  it('reports unknown top-level keys', () => {
    const text = EXAMPLE + 'notes: none\n';
    const [f] = shapeOf(text);
    expect(f.message).toMatch(/^An unknown key at line \d+ at the top level of the plan/);
  });
});

describe('schema/shape: prototype keys and odd keys', () => {
  it('`__proto__` in person is an unknown key and pollutes nothing', () => {
    const text = edit(EXAMPLE, '  gender: male', '  gender: male\n  __proto__: { polluted: true }');
    const r = run(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const f = r.findings.filter((x) => x.ruleId === ID);
    expect(f).toHaveLength(1);
    expect(at(text, f[0])).toBe('__proto__');
    expect(f[0].message).toMatch(/^An unknown key at line 6 in `person`/);
  });

  it('`constructor` and `toString` keys are unknown keys, not inherited members', () => {
    const text = EXAMPLE + 'constructor: 1\ntoString: x\n';
    const f = shapeOf(text);
    expect(f.map((x) => at(text, x))).toEqual(['constructor', 'toString']);
  });

  it('a non-string key does not crash', () => {
    const text = EXAMPLE + '? [a, b]\n: 1\n1: one\n';
    const r = run(text);
    expect(r.findings.some((x) => x.ruleId === 'meta/internal-error')).toBe(false);
    expect(r.findings.filter((x) => x.ruleId === ID).length).toBeGreaterThanOrEqual(2);
  });
});

describe('schema/shape: types', () => {
  it('text where a number belongs, on the value', () => {
    const text = edit(EXAMPLE, 'length_months: 48', 'length_months: forty-eight');
    const [f] = shapeOf(text);
    expect(at(text, f)).toBe('forty-eight');
    expect(f.message).toBe('`length_months` should be a number, not text.');
    expect(f.fixes).toEqual([]);
  });

  it('a quoted number is unquoted by fix-all', () => {
    const text = edit(EXAMPLE, 'length_months: 48', 'length_months: "48"');
    const [f] = shapeOf(text);
    expect(f.fixes[0].fixAll).toBe(true);
    applyFix(text, f, EXAMPLE);
  });

  it('a quoted boolean is unquoted by fix-all; yes/no get a quick fix', () => {
    const t1 = edit(EXAMPLE, 'learning_disability: false', "learning_disability: 'false'");
    const [a] = shapeOf(t1);
    expect(a.fixes[0].fixAll).toBe(true);
    applyFix(t1, a, EXAMPLE);
    const t2 = edit(EXAMPLE, 'learning_disability: false', 'learning_disability: no');
    const [b] = shapeOf(t2);
    expect(b.message).toContain('YAML 1.2 reads `no` as text: write `false`');
    expect(b.fixes[0].fixAll).toBe(false);
    applyFix(t2, b, EXAMPLE);
  });

  it('a single value where a list belongs becomes a one-item list', () => {
    const text = edit(EXAMPLE, '  setting: custody\n', '  setting: custody\n  requirements: unpaid_work\n');
    const [f] = shapeOf(text);
    expect(f.message).toContain('`requirements` should be a list, not text');
    expect(f.fixes[0].fixAll).toBe(true);
    applyFix(text, f, edit(text, 'requirements: unpaid_work', 'requirements: [unpaid_work]'));
  });

  it('a whole number is required for priority', () => {
    const text = edit(EXAMPLE, 'priority: 1', 'priority: 1.5');
    const [f] = shapeOf(text);
    expect(f.message).toBe('`priority` should be a whole number, not 1.5.');
  });

  it('a mapping where a list belongs is reported once (no cascade)', () => {
    const text = edit(EXAMPLE, 'reviews:\n  - { date: 2025-03-05, type: initial, by: prison_offender_manager }', 'reviews:\n  date: 2025-03-05');
    const f = shapeOf(text);
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe('`reviews` should be a list, not a mapping.');
  });

  it('an empty optional key reads as not given; an empty required key is reported', () => {
    expect(shapeOf(edit(EXAMPLE, '  gender: male', '  gender:'))).toEqual([]);
    expect(shapeOf(edit(EXAMPLE, 'reviews:\n  - { date: 2025-03-05, type: initial, by: prison_offender_manager }', 'reviews:'))).toEqual([]);
    const text = edit(EXAMPLE, '  - id: ACT-1', '  - id:');
    const [f] = shapeOf(text);
    expect(f.message).toBe('`id` has no value: give text, or remove the key.');
  });

  it('leaves the keys a policy rule reports as absent to that rule', () => {
    for (const [from, to] of [
      ['outcomes:\n  - id: OUT-1\n    description: Lives free of illicit drugs and stays out of acquisitive offending.', 'outcomes:'],
      ['  plan_owner: prison_offender_manager', '  plan_owner:'],
      ['    target_date: 2025-12-31', '    target_date:'],
      ['    measure: All sessions attended and negative drug tests for 12 consecutive weeks.', '    measure:'],
    ]) {
      expect(shapeOf(edit(EXAMPLE, from, to)), to).toEqual([]);
    }
    // Removing them altogether is not a shape defect either.
    expect(shapeOf(edit(EXAMPLE, '  plan_owner: prison_offender_manager\n', ''))).toEqual([]);
  });

  it('an empty file and a list at the top level', () => {
    expect(shapeOf('')[0].message).toMatch(/^This file is empty/);
    const [f] = shapeOf('- a\n- b\n');
    expect(f.message).toContain("this file's top level is a list");
  });
});

describe('schema/shape: required keys', () => {
  it('a missing id is reported on the item', () => {
    const text = edit(EXAMPLE, '  - id: OBJ-1\n    outcome: OUT-1', '  - outcome: OUT-1');
    const [f, ...rest] = shapeOf(text);
    expect(rest).toEqual([]);
    expect(at(text, f)).toBe('outcome: OUT-1');
    expect(f.message).toBe('The 1st objective is missing `id`: give it an id that is unique in the plan so that other items can refer to it (such as `OBJ-1`).');
  });

  it('a review needs a date and a type; a need needs an area', () => {
    const text = edit(EXAMPLE, '{ date: 2025-03-05, type: initial, by: prison_offender_manager }', '{ by: prison_offender_manager }');
    const f = shapeOf(text);
    expect(f.map((x) => x.message)).toEqual([
      'The 1st review is missing `date`: add the date (YYYY-MM-DD).',
      'The 1st review is missing `type`: add its type (one of initial, periodic, significant_event, pre_release, pre_tariff, pre_parole or termination).',
    ]);
    const n = shapeOf(edit(EXAMPLE, '{ area: drug_misuse, linked_to_offending: true, severity: high }', '{ linked_to_offending: true, severity: high }'));
    expect(n.map((x) => x.message)).toEqual(['The 1st need is missing `area`: say which need area it is.']);
  });

  it('sentence_plan is required, with a quick fix adding it at the top', () => {
    const text = edit(EXAMPLE, 'sentence_plan: 1\n', '');
    const [f] = shapeOf(text);
    expect(f.message).toMatch(/^This plan has no `sentence_plan: 1`/);
    expect(f.span.start).toBe(0);
    expect(f.fixes[0].fixAll).toBe(false);
    applyFix(text, f, EXAMPLE);
  });

  it('sentence_plan must be 1', () => {
    const [a] = shapeOf(edit(EXAMPLE, 'sentence_plan: 1', 'sentence_plan: 2'));
    expect(a.message).toContain('`sentence_plan` must be 1');
    expect(a.fixes).toEqual([]);
    const t = edit(EXAMPLE, 'sentence_plan: 1', 'sentence_plan: "1"');
    const [b] = shapeOf(t);
    applyFix(t, b, EXAMPLE);
  });
});

describe('schema/shape: enumerations', () => {
  it('the brief\'s example: High for RoSH, fixed by fix-all', () => {
    const text = edit(EXAMPLE, 'overall: medium', 'overall: High');
    const [f] = shapeOf(text);
    expect(at(text, f)).toBe('High');
    expect(f.message).toBe('`High` is not a valid RoSH level: use one of low, medium, high, very_high.');
    expect(f.fixes[0]).toMatchObject({ title: 'Change to `high`', fixAll: true });
    applyFix(text, f, edit(EXAMPLE, 'overall: medium', 'overall: high'));
  });

  it.each(['very high', 'veryhigh', 'Very-High', 'VERY_HIGH', ' very  high'])('%s → very_high (certain)', (v) => {
    const text = edit(EXAMPLE, 'overall: medium', `overall: "${v}"`);
    const [f] = shapeOf(text);
    expect(f.fixes[0].fixAll).toBe(true);
    applyFix(text, f, edit(EXAMPLE, 'overall: medium', 'overall: "very_high"'));
  });

  it('a spelling guess is a quick fix only, and the fixed plan re-lints clean', () => {
    const text = edit(EXAMPLE, 'type: substance_misuse', 'type: substance_misuze');
    const [f] = shapeOf(text);
    expect(f.message).toBe('`substance_misuze` is not a valid action type: use one of programme, assessment, intervention, education, employment, substance_misuse, accommodation, behaviour, rotl, pipe, transfer, other. Did you mean `substance_misuse`?');
    expect(f.fixes[0].fixAll).toBe(false);
    applyFix(text, f, EXAMPLE);
  });

  it('no fix when nothing is near', () => {
    const [f] = shapeOf(edit(EXAMPLE, 'setting: custody', 'setting: hospital'));
    expect(f.message).toBe('The value of `setting` is not a valid setting: use one of custody, community.');
    expect(f.fixes).toEqual([]);
  });

  it('does not quote back text that is not a near miss (it may be a name)', () => {
    const text = edit(EXAMPLE, 'plan_owner: prison_offender_manager', 'plan_owner: Jane Example');
    const [f] = shapeOf(text);
    expect(at(text, f)).toBe('Jane Example');
    expect(f.message).not.toContain('Jane');
    expect(f.message).toBe('The value of `plan_owner` is not a valid plan owner: use one of prison_offender_manager, community_offender_manager, crc_offender_manager, unpaid_work_provider.');
  });

  it('numeric enumerations: MAPPA level', () => {
    const text = edit(EXAMPLE, '  offence: { index: acquisitive }', '  offence: { index: acquisitive }\n  mappa: { level: 4 }');
    const [f] = shapeOf(text);
    expect(f.message).toBe('`4` is not a valid MAPPA level: use one of 1, 2, 3.');
    const quoted = edit(EXAMPLE, '  offence: { index: acquisitive }', '  offence: { index: acquisitive }\n  mappa: { level: "2" }');
    const [g] = shapeOf(quoted);
    applyFix(quoted, g, edit(quoted, '"2"', '2'));
  });

  it('fix-all over a file with several near misses leaves no shape finding', async () => {
    const { fixAll } = await import('../../../server/src/engine/fix.js');
    const text = edit(edit(EXAMPLE, 'overall: medium', 'overall: Medium'), 'gender: male', 'gender: MALE');
    const r = fixAll(text, { asOf: AS_OF, rules: [shape] });
    expect(r.text).toBe(EXAMPLE);
    expect(r.remaining).toEqual([]);
  });
});

describe('schema/shape: dates and patterns', () => {
  it('the brief\'s example: 2025-02-30 is not a calendar date', () => {
    const text = edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: 2025-02-30');
    const [f] = shapeOf(text);
    expect(at(text, f)).toBe('2025-02-30');
    expect(f.message).toBe('`2025-02-30` is not a calendar date (YYYY-MM-DD): that day does not exist. Check `target_date`.');
  });

  it('29 February is a date in a leap year only', () => {
    expect(shapeOf(edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: 2028-02-29'))).toEqual([]);
    expect(shapeOf(edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: 2027-02-29'))).toHaveLength(1);
  });

  it('an unpadded date is padded by fix-all', () => {
    const text = edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: 2025-12-1');
    const [f] = shapeOf(text);
    expect(f.fixes[0].fixAll).toBe(true);
    applyFix(text, f, edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: 2025-12-01'));
  });

  it('a UK-style date is explained, not guessed', () => {
    const [f] = shapeOf(edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: 31/12/2025'));
    expect(f.message).toBe('`31/12/2025` is not a calendar date: write `target_date` as YYYY-MM-DD (for example 2025-03-05).');
    expect(f.fixes).toEqual([]);
  });

  it('does not quote back free text written in a date field', () => {
    const [f] = shapeOf(edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: when Sam is released'));
    expect(f.message).toBe('`target_date` is not a calendar date: write `target_date` as YYYY-MM-DD (for example 2025-03-05).');
  });

  it('never echoes a date of birth', () => {
    const text = edit(EXAMPLE, 'date_of_birth: 1994-05-17', 'date_of_birth: 1994-02-30');
    const [f] = shapeOf(text);
    expect(f.message).not.toContain('1994');
    expect(f.message).toContain('`date_of_birth`');
  });

  it('prison numbers: lower case is fixed, and the value is never echoed', () => {
    const text = edit(EXAMPLE, 'prison_number: A1234BC', 'prison_number: a1234bc');
    const [f] = shapeOf(text);
    expect(f.message).not.toContain('a1234bc');
    applyFix(text, f, EXAMPLE);
    const [g] = shapeOf(edit(EXAMPLE, 'prison_number: A1234BC', 'prison_number: AB12345'));
    expect(g.message).not.toContain('AB12345');
    expect(g.message).toBe('`prison_number` is not in the form A1234BC (one letter, four digits, two letters).');
    expect(g.fixes).toEqual([]);
  });

  it('ids with spaces get a quick fix', () => {
    const text = edit(EXAMPLE, '  - id: ACT-1', '  - id: ACT 1');
    const [f] = shapeOf(text);
    // An id with a space is not quoted back; the fix title shows the id-shaped replacement.
    expect(f.message).toContain('The id of the 1st action is not a valid id');
    expect(f.fixes[0].title).toBe('Change to `ACT-1`');
    expect(f.fixes[0].fixAll).toBe(false);
    applyFix(text, f, EXAMPLE);
  });

  it('ranges: priority from 1, AUDIT 0 to 40', () => {
    const [p] = shapeOf(edit(EXAMPLE, 'priority: 1', 'priority: 0'));
    expect(p.message).toBe('`priority` must be 1 or more (1 is the highest priority); it is `0`.');
    const audit = (n: string) => shapeOf(edit(EXAMPLE, 'scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }', `scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34, audit: ${n} }`));
    expect(audit('0')).toEqual([]);
    expect(audit('40')).toEqual([]);
    expect(audit('41')[0].message).toBe('`audit` (AUDIT score) must be from 0 to 40; it is `41`.');
  });
});

describe('schema/shape: scores and templates', () => {
  it('leaves out-of-range and percentage scores to schema/score-range', () => {
    for (const v of ['48', '"48%"', '-0.1', '150', '"0.5"']) {
      const text = edit(EXAMPLE, 'ogrs3_2yr: 0.61', `ogrs3_2yr: ${v}`);
      expect(shapeOf(text), v).toEqual([]);
      expect(findings(text, 'schema/score-range'), v).toHaveLength(1);
    }
    // A score that is not a number at all is a shape defect.
    const [f] = shapeOf(edit(EXAMPLE, 'ogrs3_2yr: 0.61', 'ogrs3_2yr: high'));
    expect(f.message).toBe('`ogrs3_2yr` should be a number, not text.');
  });

  const TEMPLATE = `sentence_plan: 1
kind: template
person:
  gender: \${gender:male}
  date_of_birth: \${date_of_birth}
  learning_disability: \${learning_disability:false}
sentence:
  type: \${sentence_type:determinate}
  length_months: \${length_months}
  release_date: \${release_date}
assessment:
  scores: { ogrs3_2yr: "\${ogrs}", audit: "\${audit}" }
  rosh:
    overall: \${rosh:medium}
objectives:
  - id: OBJ-1
    outcome: \${outcome:OUT-1}
    target_date: \${target_date}
actions:
  - id: ACT-1
    priority: \${priority:1}
    after: \${after}
`;

  it('a template with placeholders passes', () => {
    const r = run(TEMPLATE);
    expect(r.isTemplate).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === ID)).toEqual([]);
  });

  it('a template is still strict about keys and required ids', () => {
    const text = edit(TEMPLATE, '  - id: ACT-1\n', '  - descripton: x\n');
    expect(shapeOf(text).map((f) => f.message)).toEqual([
      'Unknown key `descripton` in the 1st action — did you mean `description`?',
      'The 1st action is missing `id`: give it an id that is unique in the plan so that other items can refer to it (such as `ACT-1`).',
    ]);
    // A placeholder that is not a whole value is not a placeholder: it is checked.
    expect(shapeOf(edit(TEMPLATE, 'release_date: ${release_date}', 'release_date: on ${release_date}'))).toHaveLength(1);
  });

  it('in a plan a placeholder is reported once, by template/placeholder-in-plan', () => {
    const text = edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: ${target_date}');
    const r = run(text);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['template/placeholder-in-plan']);
  });
});

describe('schema/shape: collapsing and spans', () => {
  it('one finding per value even when several keywords fail', () => {
    // Wrong type for an enum-valued, integer-valued and date-valued key at once.
    const text = edit(edit(edit(EXAMPLE, 'priority: 1', 'priority: [1]'), 'phase: custody', 'phase: 7'), 'target_date: 2025-04-30', 'target_date: 20250430');
    const f = shapeOf(text);
    expect(f.map((x) => at(text, x))).toEqual(['[1]', '7', '20250430']);
    expect(f.map((x) => x.message)).toEqual([
      '`priority` should be a whole number, not a list.',
      '`7` is not a valid phase: use one of custody, community.',
      '`target_date` should be text, not a whole number.',
    ]);
  });

  it('CRLF text gives the same line/column spans as LF', () => {
    const lf = edit(edit(EXAMPLE, 'overall: medium', 'overall: High'), 'prison_offender_manager: POM', 'prison_offender_managr: POM');
    const crlf = lf.replace(/\n/g, '\r\n');
    const pos = (text: string) => {
      const r = lint(text, { asOf: AS_OF, rules: [shape] });
      return r.findings.map((f) => [f.message, r.parsed.lines.positionAt(f.span.start), r.parsed.lines.positionAt(f.span.end)]);
    };
    expect(pos(crlf)).toEqual(pos(lf));
    expect(pos(lf)).toHaveLength(2);
    // And the fix keeps CRLF line breaks.
    const [f] = lint(crlf, { asOf: AS_OF, rules: [shape] }).findings.filter((x) => x.message.includes('High'));
    applyFix(crlf, f, crlf.replace('overall: High', 'overall: high'));
  });
});
