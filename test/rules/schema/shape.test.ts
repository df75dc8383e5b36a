// schema/shape: the plan JSON Schema, one plain-English finding per defect, on the exact node.
// The findings are a rule-tester table (message ids, data, spans, fixes); a second table checks
// that the English rendered from the catalogue is the English planlint has always written.
import { describe, expect, it } from 'vitest';
import { lint } from '../../../server/src/engine/lint.js';
import { shape } from '../../../server/src/rules/schema/shape.js';
import { ruleTester } from '../tester.js';
import { AS_OF, EXAMPLE, applyFix, at, edit, findings, run } from './fixtures.js';

const ID = 'schema/shape';
const shapeOf = (text: string) => findings(text, ID);
const code = (c: string) => ({ id: 'wordCode', data: { code: c } });
const path = (p: string) => ({ id: 'wordPath', data: { path: p } });
const nth = (n: number, noun: string, cap = false) => ({ id: cap ? 'wordNthItemCap' : 'wordNthItem', data: { noun, ord: { id: 'wordOrdinal', data: { n } } } });
const SCORES = 'scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34 }';
const audit = (n: string) => edit(EXAMPLE, SCORES, `scores: { ogrs3_2yr: 0.61, ovp_2yr: 0.34, audit: ${n} }`);
const mappa = (v: string) => edit(EXAMPLE, '  offence: { index: acquisitive }', `  offence: { index: acquisitive }\n  mappa: { level: ${v} }`);
const target = (v: string) => edit(EXAMPLE, 'target_date: 2025-12-31', `target_date: ${v}`);
const overall = (v: string) => edit(EXAMPLE, 'overall: medium', `overall: ${v}`);
const withRequirements = (v: string) => edit(EXAMPLE, '  setting: custody\n', `  setting: custody\n  requirements: ${v}\n`);

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

ruleTester(shape).run({
  valid: [
    { name: 'the format example', plan: EXAMPLE },
    // A date written as a quoted string is still a date: YAML 1.2 reads an unquoted one as text too.
    { name: 'a target date written as a quoted string', plan: target('"2025-12-31"') },
    { name: '29 February in a leap year', plan: target('2028-02-29') },
    { name: 'an empty optional key reads as not given', plan: edit(EXAMPLE, '  gender: male', '  gender:') },
    { name: 'an empty reviews list', plan: edit(EXAMPLE, 'reviews:\n  - { date: 2025-03-05, type: initial, by: prison_offender_manager }', 'reviews:') },
    // Keys whose absence a policy rule reports are that rule's (one defect, one finding).
    { name: 'outcomes written empty is plan/outcomes-required\'s', plan: edit(EXAMPLE, 'outcomes:\n  - id: OUT-1\n    description: Lives free of illicit drugs and stays out of acquisitive offending.', 'outcomes:') },
    { name: 'an empty plan owner is plan/owner-required\'s', plan: edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner:') },
    { name: 'an empty target date is smart/time-bound\'s', plan: target('') },
    { name: 'an empty measure is smart/measurable\'s', plan: edit(EXAMPLE, '    measure: All sessions attended and negative drug tests for 12 consecutive weeks.', '    measure:') },
    { name: 'no plan owner at all', plan: edit(EXAMPLE, '  plan_owner: prison_offender_manager\n', '') },
    { name: 'an AUDIT score of 0', plan: audit('0') },
    { name: 'an AUDIT score of 40', plan: audit('40') },
    ...['48', '"48%"', '-0.1', '150', '"0.5"'].map((v) => ({ name: `score ${v} is schema/score-range's`, plan: edit(EXAMPLE, 'ogrs3_2yr: 0.61', `ogrs3_2yr: ${v}`) })),
    { name: 'a template with placeholders', plan: TEMPLATE },
    { name: 'community requirements a court commonly sets', plan: withRequirements('[unpaid_work, curfew]') },
  ],
  invalid: [
    {
      name: 'a misspelt key, on the key, with a quick-fix rename',
      plan: edit(EXAMPLE, '  prison_offender_manager: POM Leeds 3', '  prison_offender_managr: POM Leeds 3'),
      errors: [
        {
          messageId: 'unknownKey',
          data: { key: 'prison_offender_managr', near: 'prison_offender_manager', tail: 'near', where: { id: 'whereIn', data: { node: path('team') } } },
          text: 'prison_offender_managr',
          suggestions: [EXAMPLE],
        },
      ],
      output: null,
    },
    {
      name: "the brief's example: key_workr in team",
      plan: edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner: prison_offender_manager\n  key_workr: Wing B'),
      errors: [{ messageId: 'unknownKey', data: { key: 'key_workr', near: 'key_worker' }, suggestions: [edit(EXAMPLE, '  plan_owner: prison_offender_manager', '  plan_owner: prison_offender_manager\n  key_worker: Wing B')] }],
    },
    { name: 'a quoted key keeps its quotes', plan: edit(EXAMPLE, '  gender: male', '  "gendr": male'), errors: [{ messageId: 'unknownKey', suggestions: [edit(EXAMPLE, '  gender: male', '  "gender": male')] }] },
    { name: 'no rename when the right key is already there', plan: edit(EXAMPLE, '  gender: male', '  gender: male\n  gendr: male'), errors: [{ messageId: 'unknownKey', data: { tail: 'given' }, suggestions: [] }] },
    {
      name: 'nothing near: the allowed keys are listed and the key is not quoted (it may be a name)',
      plan: edit(EXAMPLE, '    status: in_progress', '    status: in_progress\n    colour: blue'),
      errors: [{ messageId: 'unknownKeyAt', data: { line: 43, tail: 'list', where: { id: 'whereIn', data: { node: { id: 'wordNamedItem', data: { noun: 'objective', id: 'OBJ-1' } } } } }, text: 'colour', suggestions: [] }],
    },
    { name: 'an unknown top-level key', plan: EXAMPLE + 'notes: none\n', errors: [{ messageId: 'unknownKeyAt', data: { where: { id: 'whereTop' }, tail: 'many' } }] },
    { name: '`__proto__` is an unknown key', plan: edit(EXAMPLE, '  gender: male', '  gender: male\n  __proto__: { polluted: true }'), errors: [{ messageId: 'unknownKeyAt', data: { line: 6 }, text: '__proto__' }] },
    { name: '`constructor` and `toString` are unknown keys', plan: EXAMPLE + 'constructor: 1\ntoString: x\n', errors: [{ messageId: 'unknownKeyAt', text: 'constructor' }, { messageId: 'unknownKeyAt', text: 'toString' }] },
    {
      name: 'text where a number belongs, on the value',
      plan: edit(EXAMPLE, 'length_months: 48', 'length_months: forty-eight'),
      errors: [{ messageId: 'wrongType', data: { name: path('length_months'), kind: { id: 'wordKind', data: { kind: 'text' } }, tail: 'none' }, text: 'forty-eight', suggestions: [] }],
    },
    { name: 'a quoted number is unquoted by fix-all', plan: edit(EXAMPLE, 'length_months: 48', 'length_months: "48"'), errors: [{ messageId: 'wrongType', data: { tail: 'unquote' }, suggestions: [EXAMPLE] }], output: EXAMPLE },
    { name: 'a quoted boolean is unquoted by fix-all', plan: edit(EXAMPLE, 'learning_disability: false', "learning_disability: 'false'"), errors: [{ messageId: 'wrongType', data: { tail: 'unquote' }, suggestions: [EXAMPLE] }], output: EXAMPLE },
    {
      name: 'yes/no is text in YAML 1.2: a quick fix only',
      plan: edit(EXAMPLE, 'learning_disability: false', 'learning_disability: no'),
      errors: [{ messageId: 'wrongType', data: { tail: 'yaml11', text: 'no', value: 'false' }, suggestions: [EXAMPLE] }],
      output: null,
    },
    {
      name: 'a single value where a list belongs becomes a one-item list',
      plan: withRequirements('unpaid_work'),
      errors: [{ messageId: 'wrongType', data: { tail: 'list', item: '…' }, suggestions: [withRequirements('[unpaid_work]')] }],
      output: withRequirements('[unpaid_work]'),
    },
    { name: 'a whole number is required for priority', plan: edit(EXAMPLE, 'priority: 1', 'priority: 1.5'), errors: [{ messageId: 'notWhole', data: { value: '1.5' } }] },
    {
      name: 'a mapping where a list belongs is reported once (no cascade)',
      plan: edit(EXAMPLE, 'reviews:\n  - { date: 2025-03-05, type: initial, by: prison_offender_manager }', 'reviews:\n  date: 2025-03-05'),
      errors: [{ messageId: 'wrongType', data: { kind: { id: 'wordKind', data: { kind: 'mapping' } } } }],
    },
    { name: 'an empty required key', plan: edit(EXAMPLE, '  - id: ACT-1', '  - id:'), errors: [{ messageId: 'noValue', data: { name: path('id') } }] },
    { name: 'an empty file', plan: '', errors: [{ messageId: 'emptyFile' }] },
    { name: 'a list at the top level', plan: '- a\n- b\n', errors: [{ messageId: 'notMapping', data: { kind: { id: 'wordKind', data: { kind: 'list' } } } }] },
    {
      name: 'a missing id, on the item, with an example id',
      plan: edit(EXAMPLE, '  - id: OBJ-1\n    outcome: OUT-1', '  - outcome: OUT-1'),
      errors: [{ messageId: 'missing', data: { key: 'id', subject: nth(1, 'objective', true), example: { id: 'hintSuchAs', data: { id: 'OBJ-1' } } }, text: 'outcome: OUT-1' }],
    },
    {
      name: 'a review needs a date and a type',
      plan: edit(EXAMPLE, '{ date: 2025-03-05, type: initial, by: prison_offender_manager }', '{ by: prison_offender_manager }'),
      errors: [
        { messageId: 'missing', data: { key: 'date', subject: nth(1, 'review', true) } },
        { messageId: 'missing', data: { key: 'type' } },
      ],
    },
    { name: 'a need needs an area', plan: edit(EXAMPLE, '{ area: drug_misuse, linked_to_offending: true, severity: high }', '{ linked_to_offending: true, severity: high }'), errors: [{ messageId: 'missing', data: { key: 'area', oneOf: { id: 'wordNothing' } } }] },
    { name: 'sentence_plan is required, with a quick fix at the top', plan: edit(EXAMPLE, 'sentence_plan: 1\n', ''), errors: [{ messageId: 'noVersion', line: 1, column: 1, suggestions: [EXAMPLE] }], output: null },
    { name: 'sentence_plan must be 1', plan: edit(EXAMPLE, 'sentence_plan: 1', 'sentence_plan: 2'), errors: [{ messageId: 'badVersion', data: { want: '1', shown: code('2') }, suggestions: [] }] },
    { name: 'sentence_plan written "1" is fixed', plan: edit(EXAMPLE, 'sentence_plan: 1', 'sentence_plan: "1"'), errors: [{ messageId: 'badVersion', suggestions: [EXAMPLE] }], output: EXAMPLE },
    {
      name: "the brief's example: High for RoSH, fixed by fix-all",
      plan: overall('High'),
      errors: [{ messageId: 'notAllowed', data: { subject: code('High'), title: { id: 'planSchema.assessment.rosh.overall.title' }, suggestion: { id: 'wordNothing' } }, text: 'High', suggestions: [overall('high')] }],
      output: overall('high'),
    },
    ...['very high', 'veryhigh', 'Very-High', 'VERY_HIGH', ' very  high'].map((v) => ({
      name: `"${v}" is certainly very_high`,
      plan: overall(`"${v}"`),
      errors: [{ messageId: 'notAllowed', suggestions: [overall('"very_high"')] }],
      output: overall('"very_high"'),
    })),
    {
      name: 'a spelling guess is a quick fix only',
      plan: edit(EXAMPLE, 'type: substance_misuse', 'type: substance_misuze'),
      errors: [{ messageId: 'notAllowed', data: { suggestion: { id: 'didYouMean', data: { guess: 'substance_misuse' } } }, suggestions: [EXAMPLE] }],
      output: null,
    },
    { name: 'nothing near: no fix', plan: edit(EXAMPLE, 'setting: custody', 'setting: hospital'), errors: [{ messageId: 'notAllowed', data: { subject: { id: 'valueOf', data: { name: path('setting') } } }, suggestions: [] }] },
    {
      name: 'a name typed as the plan owner is not quoted back',
      plan: edit(EXAMPLE, 'plan_owner: prison_offender_manager', 'plan_owner: Jane Example'),
      errors: [{ messageId: 'notAllowed', data: { subject: { id: 'valueOf', data: { name: path('plan_owner') } }, title: { id: 'planSchema.team.plan_owner.title' } }, text: 'Jane Example' }],
    },
    { name: 'a MAPPA level of 4', plan: mappa('4'), errors: [{ messageId: 'notAllowed', data: { subject: code('4'), title: { id: 'planSchema.assessment.mappa.level.title' } } }] },
    { name: 'a MAPPA level written "2"', plan: mappa('"2"'), errors: [{ messageId: 'notAllowed', suggestions: [mappa('2')] }], output: mappa('2') },
    { name: "the brief's example: 2025-02-30 is not a calendar date", plan: target('2025-02-30'), errors: [{ messageId: 'noSuchDay', data: { subject: code('2025-02-30'), name: path('target_date') }, text: '2025-02-30' }] },
    { name: '29 February outside a leap year', plan: target('2027-02-29'), errors: [{ messageId: 'noSuchDay' }] },
    { name: 'an unpadded date is padded by fix-all', plan: target('2025-12-1'), errors: [{ messageId: 'pad', data: { date: '2025-12-01' }, suggestions: [target('2025-12-01')] }], output: target('2025-12-01') },
    { name: 'a date with a time: a quick fix keeps the date', plan: target('2025-12-31T10:00:00'), errors: [{ messageId: 'hasTime', suggestions: [target('2025-12-31')] }], output: null },
    { name: 'a UK-style date is explained, not guessed', plan: target('31/12/2025'), errors: [{ messageId: 'notDate', data: { subject: code('31/12/2025') }, suggestions: [] }] },
    { name: 'free text in a date field is not quoted back', plan: target('when Sam is released'), errors: [{ messageId: 'notDate', data: { subject: path('target_date') } }] },
    { name: 'a date of birth is never echoed', plan: edit(EXAMPLE, 'date_of_birth: 1994-05-17', 'date_of_birth: 1994-02-30'), errors: [{ messageId: 'noSuchDay', data: { subject: path('date_of_birth') } }] },
    { name: 'a prison number in lower case is fixed, never echoed', plan: edit(EXAMPLE, 'prison_number: A1234BC', 'prison_number: a1234bc'), errors: [{ messageId: 'prisonNumberCase', suggestions: [EXAMPLE] }], output: EXAMPLE },
    { name: 'a prison number in the wrong form', plan: edit(EXAMPLE, 'prison_number: A1234BC', 'prison_number: AB12345'), errors: [{ messageId: 'prisonNumber', suggestions: [] }] },
    {
      name: 'an id with a space gets a quick fix',
      plan: edit(EXAMPLE, '  - id: ACT-1', '  - id: ACT 1'),
      errors: [{ messageId: 'badId', data: { what: { id: 'idOf', data: { node: nth(1, 'action') } } }, suggestions: [EXAMPLE] }],
      output: null,
    },
    { name: 'priority from 1', plan: edit(EXAMPLE, 'priority: 1', 'priority: 0'), errors: [{ messageId: 'range', data: { bounds: 'min', min: 1, priority: 'yes', shown: code('0') } }] },
    { name: 'AUDIT from 0 to 40', plan: audit('41'), errors: [{ messageId: 'range', data: { bounds: 'both', min: 0, max: 40, title: { id: 'titleAside', data: { title: { id: 'planSchema.assessment.scores.audit.title' } } } } }] },
    { name: 'a score that is not a number at all', plan: edit(EXAMPLE, 'ogrs3_2yr: 0.61', 'ogrs3_2yr: high'), errors: [{ messageId: 'wrongType', data: { name: path('ogrs3_2yr') } }] },
    {
      name: 'a template is still strict about keys and required ids',
      plan: edit(TEMPLATE, '  - id: ACT-1\n', '  - descripton: x\n'),
      errors: [
        { messageId: 'unknownKey', data: { key: 'descripton', near: 'description' } },
        { messageId: 'missing', data: { key: 'id', example: { id: 'hintSuchAs', data: { id: 'ACT-1' } } } },
      ],
    },
    { name: 'a placeholder inside a longer value is checked', plan: edit(TEMPLATE, 'release_date: ${release_date}', 'release_date: on ${release_date}'), errors: 1 },
    {
      name: 'one finding per value even when several keywords fail',
      plan: edit(edit(edit(EXAMPLE, 'priority: 1', 'priority: [1]'), 'phase: custody', 'phase: 7'), 'target_date: 2025-04-30', 'target_date: 20250430'),
      errors: [
        { messageId: 'wrongType', text: '[1]' },
        { messageId: 'notAllowed', text: '7' },
        { messageId: 'wrongType', text: '20250430' },
      ],
    },
    {
      name: 'an unknown community requirement is a warning with a did-you-mean',
      plan: withRequirements('[unpaid_wrok]'),
      errors: [{ messageId: 'unknownRequirement', data: { guess: 'unpaid_work' }, severity: 'warning' }],
    },
  ],
});

/** The English each message renders, exactly as planlint has always written it (rendered from the catalogue). */
describe('schema/shape renders the English it always has', () => {
  it.each([
    [edit(EXAMPLE, '  prison_offender_manager: POM Leeds 3', '  prison_offender_managr: POM Leeds 3'), 'Unknown key `prison_offender_managr` in `team` — did you mean `prison_offender_manager`?'],
    [edit(EXAMPLE, 'length_months: 48', 'length_months: forty-eight'), '`length_months` should be a number, not text.'],
    [edit(EXAMPLE, 'priority: 1', 'priority: 1.5'), '`priority` should be a whole number, not 1.5.'],
    [edit(EXAMPLE, 'reviews:\n  - { date: 2025-03-05, type: initial, by: prison_offender_manager }', 'reviews:\n  date: 2025-03-05'), '`reviews` should be a list, not a mapping.'],
    [edit(EXAMPLE, '  - id: ACT-1', '  - id:'), '`id` has no value: give text, or remove the key.'],
    [edit(EXAMPLE, '  - id: OBJ-1\n    outcome: OUT-1', '  - outcome: OUT-1'), 'The 1st objective is missing `id`: give it an id that is unique in the plan so that other items can refer to it (such as `OBJ-1`).'],
    [edit(EXAMPLE, '{ area: drug_misuse, linked_to_offending: true, severity: high }', '{ linked_to_offending: true, severity: high }'), 'The 1st need is missing `area`: say which need area it is.'],
    [overall('High'), '`High` is not a valid RoSH level: use one of low, medium, high, very_high.'],
    [
      edit(EXAMPLE, 'type: substance_misuse', 'type: substance_misuze'),
      '`substance_misuze` is not a valid action type: use one of programme, assessment, intervention, education, employment, substance_misuse, accommodation, behaviour, rotl, pipe, transfer, other. Did you mean `substance_misuse`?',
    ],
    [edit(EXAMPLE, 'plan_owner: prison_offender_manager', 'plan_owner: Jane Example'), 'The value of `plan_owner` is not a valid plan owner: use one of prison_offender_manager, community_offender_manager, crc_offender_manager, unpaid_work_provider.'],
    [mappa('4'), '`4` is not a valid MAPPA level: use one of 1, 2, 3.'],
    [target('2025-02-30'), '`2025-02-30` is not a calendar date (YYYY-MM-DD): that day does not exist. Check `target_date`.'],
    [target('31/12/2025'), '`31/12/2025` is not a calendar date: write `target_date` as YYYY-MM-DD (for example 2025-03-05).'],
    [target('when Sam is released'), '`target_date` is not a calendar date: write `target_date` as YYYY-MM-DD (for example 2025-03-05).'],
    [edit(EXAMPLE, 'prison_number: A1234BC', 'prison_number: AB12345'), '`prison_number` is not in the form A1234BC (one letter, four digits, two letters).'],
    [edit(EXAMPLE, 'priority: 1', 'priority: 0'), '`priority` must be 1 or more (1 is the highest priority); it is `0`.'],
    [audit('41'), '`audit` (AUDIT score) must be from 0 to 40; it is `41`.'],
    [edit(EXAMPLE, 'phase: custody', 'phase: 7'), '`7` is not a valid phase: use one of custody, community.'],
  ])('%#', (text, message) => {
    expect(shapeOf(text).map((f) => f.message)).toEqual([message]);
  });

  it('two findings in a template, and the review with neither date nor type', () => {
    expect(shapeOf(edit(TEMPLATE, '  - id: ACT-1\n', '  - descripton: x\n')).map((f) => f.message)).toEqual([
      'Unknown key `descripton` in the 1st action — did you mean `description`?',
      'The 1st action is missing `id`: give it an id that is unique in the plan so that other items can refer to it (such as `ACT-1`).',
    ]);
    expect(shapeOf(edit(EXAMPLE, '{ date: 2025-03-05, type: initial, by: prison_offender_manager }', '{ by: prison_offender_manager }')).map((f) => f.message)).toEqual([
      'The 1st review is missing `date`: add the date (YYYY-MM-DD).',
      'The 1st review is missing `type`: add its type (one of initial, periodic, significant_event, pre_release, pre_tariff, pre_parole or termination).',
    ]);
    const [f] = shapeOf(edit(EXAMPLE, '  - id: ACT-1', '  - id: ACT 1'));
    expect(f.fixes[0].title).toBe('Change to `ACT-1`');
    expect(f.message).toContain('The id of the 1st action is not a valid id');
  });
});

describe('schema/shape: prototype keys, odd keys, fix-all and CRLF', () => {
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

  it('fix-all over a file with several near misses leaves no shape finding', async () => {
    const { fixAll } = await import('../../../server/src/engine/fix.js');
    const text = edit(edit(EXAMPLE, 'overall: medium', 'overall: Medium'), 'gender: male', 'gender: MALE');
    const r = fixAll(text, { asOf: AS_OF, rules: [shape] });
    expect(r.text).toBe(EXAMPLE);
    expect(r.remaining).toEqual([]);
  });

  it('in a plan a placeholder is reported once, by template/placeholder-in-plan', () => {
    const text = edit(EXAMPLE, 'target_date: 2025-12-31', 'target_date: ${target_date}');
    const r = run(text);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['template/placeholder-in-plan']);
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
