// Privacy (issue 7 item 5): a plan carrying a planted name, prison number and free-text marker
// in every personal field, in comments, and in wrong-typed places (a name typed into
// `plan_owner`, `gender` or a date, an unknown key's value, a bad status). No report format,
// no log line, no diagnostic, hover or outline carries any of them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../../server/src/cli/formats/index.js';
import { lint } from '../../server/src/engine/lint.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { cli, removeTree, tempTree } from '../cli/helpers.js';
import { startClient, type TestClient } from '../lsp/harness.js';

const AS_OF = '2026-11-23';
const NAME = 'Zqxjette Quillfeather';
const SURNAME = 'Quillfeather';
const PRISON_NUMBER = 'Q9876ZZ';
const MARKER = 'PLANTEDFREETEXT7391';
const PLANTED = [NAME, SURNAME, PRISON_NUMBER, MARKER];

const GOOD = readFileSync(join(__dirname, '../../samples/good/community.plan.yaml'), 'utf8');

/** The community sample with personal data planted everywhere a person could type it. */
const PLANTED_PLAN = GOOD.replace('name: Sample Person Three', `name: ${NAME}`)
  .replace('prison_number: C0003CC', `prison_number: ${PRISON_NUMBER}   # ${NAME} ${MARKER}`)
  .replace('# Every name and number below', `# ${NAME} (${PRISON_NUMBER}) ${MARKER}\n# Every name and number below`)
  // Wrong-typed places: a name as plan owner and gender, a prison number as a date, free text as a status and need.
  .replace('plan_owner: crc_offender_manager', `plan_owner: ${NAME}`)
  .replace('gender: female', `gender: ${SURNAME}`)
  .replace('date_of_birth: 1996-01-22', `date_of_birth: ${PRISON_NUMBER}`)
  .replace('target_date: 2027-03-31\n    status: in_progress', `target_date: ${MARKER}\n    status: ${MARKER} ${NAME}`)
  .replace('need: finance', `need: ${SURNAME}`)
  .replace('programme: thinking_skills_programme', `programme: ${SURNAME}`)
  // Free text: descriptions, measures, views, an unknown key's value, a quoted key-like value.
  .replace('description: Find paid work', `description: ${NAME} ${MARKER} find paid work`)
  .replace('measure: A written job offer', `measure: ${MARKER} ${PRISON_NUMBER} a written job offer`)
  .replace('views: Wants a job', `views: ${NAME} says ${MARKER}; wants a job`)
  .replace('engagement:\n', `engagement:\n  nickname: "${NAME} ${PRISON_NUMBER}"\n`)
  .replace('reviews:', `notes: ${MARKER} about ${NAME}\nreviews:`)
  .replace('  requirements: [rehabilitation_activity, unpaid_work]', `  requirements: [rehabilitation_activity, ${SURNAME}]`);

/**
 * Issue 18 item 1: the same data planted where the tool treats text as a name: ids (with spaces,
 * id-shaped but a prison number, a bare surname), references to them, unknown and duplicate keys
 * (plain and quoted), custom tags, and unknown words in a disable comment.
 */
const NAMED_PLAN = GOOD.replace('  - id: OBJ-1\n', `  - id: "${NAME} ${PRISON_NUMBER}"\n`)
  .replace('  - id: OBJ-2\n', `  - id: ${PRISON_NUMBER}\n`)
  .replace('  - id: OBJ-3\n', `  - id: ${SURNAME}\n`)
  .replace('  - id: ACT-3\n', `  - id: "${NAME}"\n`)
  .replace('    objective: OBJ-2\n', `    objective: ${SURNAME}_${PRISON_NUMBER}\n    after: ["${NAME}", ${PRISON_NUMBER}, ${SURNAME}]\n`)
  .replace('    objective: OBJ-3\n', `    objective: ${PRISON_NUMBER}\n`)
  .replace('person:\n', `person:\n  ${SURNAME}: yes\n  "${NAME} ${PRISON_NUMBER}": 1\n`)
  .replace('engagement:\n', `${SURNAME}_${PRISON_NUMBER}: 1\n${SURNAME}_${MARKER}: a\n${SURNAME}_${MARKER}: b\n# planlint-disable-next-line ${SURNAME} ${PRISON_NUMBER} smart/${SURNAME}, smart/specifc -- ${NAME} asked\nengagement:\n`)
  .replace('  views: Wants a job', `  views: !${SURNAME} Wants a job`)
  .replace('  discussed_on: 2026-08-03', `  discussed_on: !${PRISON_NUMBER} 2026-08-03`);

const leaks = (s: string): string[] => PLANTED.filter((p) => s.includes(p));

describe('the engine', () => {
  it('the planted plan has many findings, none carrying the planted data', () => {
    for (const p of PLANTED) expect(PLANTED_PLAN).toContain(p);
    const r = lint(PLANTED_PLAN, { asOf: AS_OF });
    // The plan is broken in many ways, so the test exercises many messages.
    expect(new Set(r.findings.map((f) => f.ruleId)).size).toBeGreaterThanOrEqual(3);
    expect(r.findings.length).toBeGreaterThanOrEqual(8);
    for (const f of r.findings) {
      expect(leaks(f.message), `${f.ruleId}: ${f.message}`).toEqual([]);
      for (const rel of f.related) expect(leaks(rel.message)).toEqual([]);
      for (const fix of f.fixes) expect(leaks(fix.title), `${f.ruleId} fix: ${fix.title}`).toEqual([]);
    }
  });
});

describe('ids, keys, references, tags and comments (issue 18)', () => {
  const r = lint(NAMED_PLAN, { asOf: AS_OF });

  it('the plan really plants every kind of place, and each is reported', () => {
    for (const p of PLANTED) expect(NAMED_PLAN).toContain(p);
    const rules = new Set(r.findings.map((f) => f.ruleId));
    for (const id of ['schema/shape', 'schema/dangling-reference', 'schema/yaml-syntax', 'meta/unused-disable']) expect(rules, id).toContain(id);
    // Unknown keys, a duplicate key, two tags, dangling references, an id that is not valid.
    expect(r.findings.filter((f) => /unknown key/i.test(f.message)).length).toBeGreaterThanOrEqual(4);
    expect(r.findings.some((f) => /^Duplicate key/.test(f.message))).toBe(true);
    expect(r.findings.filter((f) => /^This tag is not supported/.test(f.message))).toHaveLength(2);
    expect(r.findings.filter((f) => f.ruleId === 'schema/dangling-reference').length).toBeGreaterThanOrEqual(4);
    expect(r.findings.filter((f) => /^A word in this comment is not a planlint rule\.$/.test(f.message))).toHaveLength(3);
    // A near miss of a rule id is still named, with its correction.
    expect(r.findings.map((f) => f.message)).toContain('`smart/specifc` is not a planlint rule — did you mean `smart/specific`?');
  });

  it('no message, related message or fix title carries any of it', () => {
    for (const f of r.findings) {
      expect(leaks(f.message), `${f.ruleId}: ${f.message}`).toEqual([]);
      for (const rel of f.related) expect(leaks(rel.message), `${f.ruleId} related: ${rel.message}`).toEqual([]);
      for (const fix of f.fixes) expect(leaks(fix.title), `${f.ruleId} fix: ${fix.title}`).toEqual([]);
    }
  });

  it('items are named by kind and position instead, and an unknown key by its line', () => {
    const messages = r.findings.map((f) => f.message);
    const line = NAMED_PLAN.split('\n').findIndex((l) => l.startsWith(`${SURNAME}_${PRISON_NUMBER}:`)) + 1;
    expect(messages).toContain(`An unknown key at line ${line} at the top level of the plan. The plan format lists the keys allowed here (planlint explain schema/shape).`);
    expect(messages.some((m) => /^The id of the 1st objective is not a valid id/.test(m))).toBe(true);
    expect(messages.some((m) => /^The 1st entry of `after` in action ACT-1 is not a valid id/.test(m))).toBe(true);
    expect(messages.some((m) => /^Action ACT-1 names an id in `objective`/.test(m))).toBe(true);
  });

  it('a near miss of a known key is still quoted, with its correction', () => {
    const t = GOOD.replace('  gender: female', '  gendr: female');
    const f = lint(t, { asOf: AS_OF }).findings.find((x) => x.ruleId === 'schema/shape' && /gendr/.test(x.message));
    expect(f?.message).toMatch(/^Unknown key `gendr` in `person` — did you mean `gender`\?/);
  });
});

describe('the privacy sanitiser (engine/privacy.ts)', () => {
  it('quotes short id-shaped values with a digit, and nothing shaped like a personal identifier', async () => {
    const { isQuotableId, looksPersonal, redactMessage } = await import('../../server/src/engine/privacy.js');
    for (const ok of ['OBJ-1', 'ACT-12', 'OUT-3', 'obj.2', 'A-1']) expect(isQuotableId(ok), ok).toBe(true);
    for (const bad of [
      'A1234BC', // prison number
      'obj_a1234bc', // inside an id, lower case
      '2001/0012345X', // PNC (and a slash)
      '01-12345X',
      'QQ123456C', // National Insurance number
      'QQ123456C-1',
      'Zebedee Quirkfeather', // spaces
      'Quirkfeather', // a single word could be a surname: no digit
      'OBJ-1\u001b[2J',
      'x'.repeat(20) + '-123456', // too long
    ])
      expect(isQuotableId(bad), bad).toBe(false);
    for (const s of ['A1234BC', '2001/0012345X', '01/12345X', '123456/01A', 'SF01/123456A', 'QQ123456C']) expect(looksPersonal(s), s).toBe(true);
    // The safety net withholds only what is in the plan, never planlint's own example or policy citations.
    expect(redactMessage('x Q9876ZZ y', 'id: Q9876ZZ')).toBe('x (withheld) y');
    expect(redactMessage('in the form A1234BC (PSI 19/2014 para 2.7)', 'prison_number: A1234BC')).toBe('in the form A1234BC (PSI 19/2014 para 2.7)');
    expect(redactMessage('x Q9876ZZ y', 'nothing')).toBe('x Q9876ZZ y');
  });
});

describe('every command-line output format', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempTree({ [`${'plan'}.plan.yaml`]: PLANTED_PLAN, 'named.plan.yaml': NAMED_PLAN });
  });
  afterAll(() => removeTree(dir));

  for (const format of FORMAT_NAMES) {
    it(`--format ${format}: stdout and stderr carry none of the planted data`, async () => {
      const r = await cli(['--format', format, '--as-of', AS_OF, 'plan.plan.yaml', 'named.plan.yaml'], { cwd: dir, rules: ALL_RULES });
      expect(r.code).toBe(1);
      expect(r.stdout.length).toBeGreaterThan(100);
      expect(leaks(r.stdout)).toEqual([]);
      expect(leaks(r.stderr)).toEqual([]);
      // The html report draws the plan's timeline: make sure it really did.
      if (format === 'html') expect(r.stdout).toContain('<svg');
    });
  }

  it('--fix-dry-run: the report and summary carry none; the diff of the user\'s own file shows only the changed lines and their context', async () => {
    const r = await cli(['--fix-dry-run', '--format', 'json', '--as-of', AS_OF, 'plan.plan.yaml'], { cwd: dir, rules: ALL_RULES });
    // The JSON report is on stdout; the diff goes to stderr when stdout is JSON.
    expect(leaks(r.stdout)).toEqual([]);
    // The diff is the user's own file, shown to them: it may show a changed line's context, by design
    // (docs/reliability.md). It never shows lines far from a change.
    const shown = r.stderr.split('\n').filter((l) => /^[ +-]/.test(l) && !/^(---|\+\+\+) /.test(l)).map((l) => l.slice(1));
    const lines = PLANTED_PLAN.split('\n');
    expect(shown.length).toBeLessThan(lines.length / 2);
  });

  it('--fix: the "fixed" summary carries none of the planted data', async () => {
    const d = tempTree({ 'plan.plan.yaml': PLANTED_PLAN });
    try {
      const r = await cli(['--fix', '--as-of', AS_OF, 'plan.plan.yaml'], { cwd: d, rules: ALL_RULES });
      expect(leaks(r.stdout)).toEqual([]);
      expect(leaks(r.stderr)).toEqual([]);
    } finally {
      removeTree(d);
    }
  });

  it('the cache and the baseline carry none, and are readable by their owner only (0600)', async () => {
    const d = tempTree({ 'plan.plan.yaml': PLANTED_PLAN, 'named.plan.yaml': NAMED_PLAN });
    try {
      const files = ['plan.plan.yaml', 'named.plan.yaml'];
      const r = await cli(['--cache', '--baseline-write', '--format', 'json', '--as-of', AS_OF, ...files], { cwd: d, rules: ALL_RULES });
      expect(r.stderr).toMatch(/wrote the baseline/);
      const cache = readFileSync(join(d, '.planlintcache'), 'utf8');
      // The cache really holds the findings' messages.
      expect(cache).toMatch(/unknown key at line/);
      expect(leaks(cache)).toEqual([]);
      const baselineFile = readdirSync(d).find((n) => /baseline/i.test(n))!;
      const baseline = readFileSync(join(d, baselineFile), 'utf8');
      expect(baseline).toContain('schema/shape');
      expect(leaks(baseline)).toEqual([]);
      if (process.platform !== 'win32') {
        expect(statSync(join(d, '.planlintcache')).mode & 0o777).toBe(0o600);
        expect(statSync(join(d, baselineFile)).mode & 0o777).toBe(0o600);
      }
      // A second run (from the cache, against the baseline) carries none either.
      const again = await cli(['--cache', '--baseline', '--format', 'json', '--as-of', AS_OF, ...files], { cwd: d, rules: ALL_RULES });
      expect(leaks(again.stdout + again.stderr)).toEqual([]);
    } finally {
      removeTree(d);
    }
  });

  it('errors about the file (unreadable, too large) carry none either', async () => {
    const r = await cli(['--format', 'json', '--max-file-size', '100', '--as-of', AS_OF, 'plan.plan.yaml', 'missing.plan.yaml'], { cwd: dir, rules: ALL_RULES });
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
  });
});

describe('the language server', () => {
  let c: TestClient;
  beforeAll(async () => {
    ({ client: c } = await startClient());
  }, 60_000);
  afterAll(() => c.stop());

  it.each([
    ['the planted plan', 'file:///ws/planted.plan.yaml', PLANTED_PLAN],
    ['ids, keys, references, tags and comments', 'file:///ws/named.plan.yaml', NAMED_PLAN],
  ])('%s: diagnostics, related information, hovers, outline, lenses, code actions, logs and stderr carry none of the planted data', async (_what, uri, PLANTED_PLAN) => {
    c.open(uri, PLANTED_PLAN, 'sentence-plan');
    const diags = await c.diagnostics(uri, 1);
    expect(diags.length).toBeGreaterThan(5);
    for (const d of diags) {
      expect(leaks(d.message), `${d.code}: ${d.message}`).toEqual([]);
      for (const r of d.relatedInformation ?? []) expect(leaks(r.message)).toEqual([]);
    }
    // Hover on every line where something was planted, at the key and at the value.
    const lines = PLANTED_PLAN.split('\n');
    for (const [i, l] of lines.entries()) {
      if (!leaks(l).length) continue;
      for (const character of [l.search(/\S/), l.indexOf(':') + 2, l.length - 1]) {
        const h = (await c.request('textDocument/hover', { textDocument: { uri }, position: { line: i, character: Math.max(0, character) } })) as { contents: { value: string } } | null;
        if (h) expect(leaks(h.contents.value), `hover line ${i + 1}`).toEqual([]);
      }
    }
    const symbols = JSON.stringify(await c.request('textDocument/documentSymbol', { textDocument: { uri } }));
    expect(leaks(symbols)).toEqual([]);
    const lenses = JSON.stringify(await c.request('textDocument/codeLens', { textDocument: { uri } }));
    expect(leaks(lenses)).toEqual([]);
    // Code action titles (their edits change the user's own text, so they may carry it).
    const actions = (await c.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
      context: { diagnostics: diags },
    })) as { title: string }[];
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(leaks(a.title)).toEqual([]);
    // A malformed request on the planted document: its failure is logged without content.
    await c.request('textDocument/hover', { textDocument: { uri }, position: 'nonsense' });
    await new Promise((r) => setTimeout(r, 200));
    expect(c.logs.length).toBeGreaterThan(0);
    expect(leaks(c.logs.join('\n'))).toEqual([]);
    expect(leaks(c.stderr)).toEqual([]);
  });
});
