// --locale (issue 16 groundwork): findings are rendered in the chosen locale in every format.
// Under the pseudo-locale qps every catalogue message is bracketed, so a finding whose text did
// not come from the catalogue shows up here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeXml } from '../../server/src/engine/timeline.js';
import { parseTemplate } from '../../server/src/engine/messages.js';
import { forTerminal, githubData } from '../../server/src/cli/escape.js';
import { attr, xmlEscape } from '../../server/src/cli/formats/junit.js';
import { CLI_MESSAGES, cliCatalogue, say } from '../../server/src/cli/messages.js';
import { WELSH } from '../../server/src/locales/cy/index.js';
import { completeLocales } from '../../server/src/engine/locales.js';
import { ALL_RULES } from '../../server/src/rules/index.js';
import { AS_OF, cli, removeTree, REPO, tempTree } from './helpers.js';
import { sarifValidator } from './sarifSchema.js';

const BAD = join(REPO, 'samples/bad');
const trees: string[] = [];
afterAll(() => trees.forEach(removeTree));

interface JsonFinding {
  rule: string;
  message: string;
}

describe('planlint --locale', () => {
  it('qps: every finding of every rule on samples/bad comes from the catalogue', async () => {
    const r = await cli(['--locale', 'qps', '--format', 'json', '--as-of', AS_OF, BAD], { rules: ALL_RULES });
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }[]).flatMap((f) => f.findings);
    expect(findings.length).toBeGreaterThan(80);
    const rules = new Set(findings.map((f) => f.rule));
    expect(rules.size).toBeGreaterThan(50);
    const outside = findings.filter((f) => !(f.message.startsWith('⟦') && f.message.endsWith('⟧')));
    expect(outside.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
  it('cy (issue 16 acceptance): no finding on samples/bad is said in English, in json as in stylish', async () => {
    const run = async (locale: string, format: string) => cli(['--locale', locale, '--format', format, '--as-of', AS_OF, BAD], { rules: ALL_RULES });
    type F = JsonFinding & { line: number; column: number };
    const flat = (out: string) => (JSON.parse(out) as { file: string; findings: F[] }[]).flatMap((f) => f.findings.map((x) => ({ ...x, file: f.file })));
    const en = flat((await run('en', 'json')).stdout);
    const cy = flat((await run('cy', 'json')).stdout);
    expect(cy.map((f) => [f.file, f.line, f.column, f.rule])).toEqual(en.map((f) => [f.file, f.line, f.column, f.rule]));
    expect(cy.length).toBeGreaterThan(80);
    const english = cy.filter((f, i) => f.message === en[i].message);
    expect(english.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    // No English sentence of a rule's own: the fixed text between placeholders never appears.
    const stylish = (await run('cy', 'stylish')).stdout;
    for (const f of en) expect(stylish.includes(f.message), `${f.rule} said in English`).toBe(false);
  });
  it("cy: the html report's timeline rows in Welsh (spans, key dates, review obligations)", async () => {
    const file = join(REPO, 'samples/good/determinate.plan.yaml');
    const en = (await cli(['--format', 'html', '--as-of', AS_OF, file], { rules: ALL_RULES })).stdout;
    const cy = (await cli(['--locale', 'cy', '--format', 'html', '--as-of', AS_OF, file], { rules: ALL_RULES })).stdout;
    expect(en).toContain('<title>Initial OASys assessment: due');
    expect(en).toContain('<title>In custody from');
    expect(cy).toContain('<title>Asesiad OASys cychwynnol: yn ddyledus');
    expect(cy).toContain('<title>Yn y ddalfa o');
    for (const english of ['Initial OASys assessment', 'In custody', 'On licence', 'Sentence end', 'after sentencing', 'Pre-release review']) expect(cy).not.toContain(english);
  });
  it('qps in SARIF: message.text in the locale, rule ids unchanged', async () => {
    const r = await cli(['--locale', 'qps', '--format', 'sarif', '--as-of', AS_OF, join(BAD, 'plan-action-owner.plan.yaml')], { rules: ALL_RULES });
    const results = JSON.parse(r.stdout).runs[0].results as { ruleId: string; message: { text: string } }[];
    expect(results.length).toBeGreaterThan(0);
    for (const x of results) {
      expect(x.ruleId).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(x.message.text).toMatch(/^⟦.*⟧$/s);
    }
  });
  it('the default is English; an environment locale planlint has only in part is not taken unasked', async () => {
    const r = await cli(['--format', 'json', '--as-of', AS_OF, join(BAD, 'plan-action-owner.plan.yaml')], { rules: ALL_RULES });
    const [f] = JSON.parse(r.stdout)[0].findings as JsonFinding[];
    expect(f.message).toMatch(/^Action /);
  });
  it('an unknown locale is a usage error (exit 2)', async () => {
    const r = await cli(['--locale', 'fr', 'x.plan.yaml'], { rules: ALL_RULES });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--locale is one of en, cy, qps, not `fr`');
  });
  it('the cache keeps no finding across locales', async () => {
    const d = tempTree({ 'a.plan.yaml': 'sentence_plan: 1\nkind: plan\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Attend.\n' });
    trees.push(d);
    const en = await cli(['--cache', '--format', 'json', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    const qps = await cli(['--cache', '--locale', 'qps', '--format', 'json', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    const first = (s: string) => (JSON.parse(s)[0].findings as JsonFinding[]).map((f) => f.message);
    expect(first(en.stdout).every((m) => !m.startsWith('⟦'))).toBe(true);
    expect(first(qps.stdout).every((m) => m.startsWith('⟦'))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// The command line's own words (cli/messages.ts) in Welsh and under the pseudo-locale, in every
// human format at once (one run writes each format to its own file), on samples/bad with a file
// that is missing (so the unreadable-file chrome shows too).

const HUMAN = ['stylish', 'compact', 'html', 'junit', 'github'] as const;
type Human = (typeof HUMAN)[number];

interface LocaleRun {
  out: Record<Human | 'json' | 'sarif', string>;
  stderr: string;
  code: number;
  findings: (JsonFinding & { policy: string; line: number; column: number })[];
}

const MISSING = join(BAD, 'missing.plan.yaml');

async function runAll(locale: string | undefined): Promise<LocaleRun> {
  const d = tempTree({});
  trees.push(d);
  const files = { compact: 'c.txt', html: 'r.html', junit: 'r.xml', github: 'g.txt', json: 'r.json', sarif: 'r.sarif' } as const;
  const args = [
    ...(locale ? ['--locale', locale] : []),
    '--as-of', AS_OF,
    ...Object.entries(files).flatMap(([f, name]) => ['--format', f, '-o', join(d, name)]),
    '--format', 'stylish',
    BAD, MISSING,
  ];
  const r = await cli(args, { rules: ALL_RULES });
  const out = { stylish: r.stdout } as LocaleRun['out'];
  for (const [f, name] of Object.entries(files)) out[f as keyof typeof files] = readFileSync(join(d, name), 'utf8');
  const findings = (JSON.parse(out.json) as { findings: LocaleRun['findings'] }[]).flatMap((f) => f.findings);
  return { out, stderr: r.stderr, code: r.code, findings };
}

/** Every message of the findings, as each format writes it. */
function writtenAs(format: Human, message: string): string[] {
  const oneLine = message.replace(/\r\n|\r|\n/g, ' ');
  switch (format) {
    case 'stylish':
    case 'compact':
      return [forTerminal(oneLine)];
    case 'github':
      return [githubData(message)];
    case 'html':
      return [escapeXml(message).replace(/`([^`\n]+)`/g, '<code>$1</code>')];
    case 'junit':
      return [attr(message), xmlEscape(message)];
  }
}

/**
 * What is left of a human report once the findings' own messages, the rule ids, policy
 * citations, file names, positions and the formats' syntax are taken out: the CLI's own words.
 * The html report's timeline (an SVG drawn by the engine, engine/timeline.ts) is left out too.
 */
function chrome(format: Human, text: string, run: LocaleRun): string {
  let t = text;
  const messages = [...new Set(run.findings.map((f) => f.message))].sort((a, b) => b.length - a.length);
  for (const m of messages) for (const w of writtenAs(format, m)) t = t.split(w).join(' ');
  const policies = [...new Set(run.findings.map((f) => f.policy).filter(Boolean))].sort((a, b) => b.length - a.length);
  for (const p of policies) t = t.split(format === 'html' || format === 'junit' ? xmlEscape(p) : p).join(' ');
  if (format === 'html') t = t.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<!DOCTYPE html>/, ' ');
  if (format === 'html' || format === 'junit') t = t.replace(/<\?xml[^>]*\?>/, ' ').replace(/<[^>]*>/g, (tag) => ` ${[...tag.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]).join(' ')} `);
  if (format === 'github') t = t.replace(/^::(error|warning|notice) [^\n]*?::/gm, ' ');
  return t
    .replace(/\S*samples\/(bad|good)\/\S*/g, ' ')
    .replace(/\b[a-z]+\/[a-z*-]+\b/g, ' ')
    .replace(/\d+:\d+/g, ' ');
}

/** Text outside ⟦…⟧ (the brackets nest: a message inside a message). */
function outsideBrackets(s: string): string {
  let depth = 0;
  let out = '';
  for (const ch of s) {
    if (ch === '⟦') depth++;
    else if (ch === '⟧') depth = Math.max(0, depth - 1);
    else out += depth === 0 ? ch : '';
  }
  return out;
}

/** The fixed text of the English CLI templates: runs of two words or more outside any placeholder. */
function englishFragments(): string[] {
  type Part = ReturnType<typeof parseTemplate>[number];
  const out = new Set<string>();
  const walk = (parts: Part[]): void => {
    for (const p of parts) {
      if (p.t === 'text') for (const line of p.s.split('\n')) if (/[A-Za-z]{2,}[^A-Za-z\n]+[A-Za-z]{2,}/.test(line.trim())) out.add(line.trim());
      if (p.t === 'plural' || p.t === 'select') for (const b of p.branches.values()) walk(b);
    }
  };
  for (const t of Object.values(CLI_MESSAGES)) walk(parseTemplate(t));
  return [...out];
}

describe("the command line's own words", () => {
  let en: LocaleRun;
  let cy: LocaleRun;
  let qps: LocaleRun;
  beforeAll(async () => {
    [en, cy, qps] = [await runAll(undefined), await runAll('cy'), await runAll('qps')];
  }, 120_000);

  it('every CLI id has a Welsh message, and Welsh plurals follow Intl.PluralRules("cy")', () => {
    expect(Object.keys(CLI_MESSAGES).filter((id) => !(id in WELSH))).toEqual([]);
    const c = cliCatalogue('cy');
    expect([0, 1, 2, 3, 6, 7].map((n) => new Intl.PluralRules('cy').select(n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    expect([1, 2, 3, 6, 12].map((n) => say(c, 'cli.summary.baselined', { n }))).toEqual([
      '1 broblem wedi\'i chuddio gan y llinell sylfaen',
      '2 broblem wedi\'u cuddio gan y llinell sylfaen',
      '3 problem wedi\'u cuddio gan y llinell sylfaen',
      '6 phroblem wedi\'u cuddio gan y llinell sylfaen',
      '12 problem wedi\'u cuddio gan y llinell sylfaen',
    ]);
    expect([0, 1, 2, 12].map((days) => say(c, 'cli.upcoming.item', { kind: 'X', days }))).toEqual(['X (heddiw)', 'X (yfory)', 'X (ymhen 2 ddiwrnod)', 'X (ymhen 12 diwrnod)']);
    expect(say(c, 'cli.upcoming.due', { due: '2026-12-01' })).toBe('1 Rhagfyr 2026');
    // English keeps its exact words (the goldens hold the rest).
    expect([1, 2].map((n) => say(undefined, 'cli.summary.files', { n }))).toEqual(['1 file checked', '2 files checked']);
  });

  it('cy: the same findings and exit status as English, and the unreadable file said in Welsh on stderr', () => {
    expect(cy.code).toBe(2);
    expect(en.code).toBe(2);
    expect(cy.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(en.findings.map((f) => `${f.rule}@${f.line}:${f.column}`));
    expect(en.stderr).toBe(`planlint: cannot read ${MISSING}: no such file or folder\n`);
    expect(cy.stderr).toBe(`planlint: ni ellir darllen ${MISSING}: nid oes ffeil na ffolder o'r fath\n`);
    expect(cy.findings.find((f) => f.rule === 'meta/unreadable')?.message).toBe("Ni ellid darllen y ffeil hon: nid oes ffeil na ffolder o'r fath. Ni chafodd ei gwirio.");
  });

  for (const format of HUMAN) {
    it(`cy, ${format}: no line of the CLI's own English, and no fixed English text of its catalogue`, () => {
      const enChrome = chrome(format, en.out[format], en);
      const cyChrome = chrome(format, cy.out[format], cy);
      const worded = (s: string): string[] => s.split('\n').map((l) => l.trim()).filter((l) => /[A-Za-z]{2,}/.test(l));
      const cyLines = new Set(worded(cyChrome));
      if (format === 'github') {
        // Workflow commands have no words of planlint's own: only the messages, which are the findings'.
        expect(worded(enChrome)).toEqual([]);
      } else {
        expect(worded(enChrome).length).toBeGreaterThan(format === 'compact' ? 50 : 2);
        expect(worded(enChrome).filter((l) => cyLines.has(l))).toEqual([]);
      }
      const flat = cyChrome.replace(/\s+/g, ' ');
      expect(englishFragments().filter((f) => flat.includes(f))).toEqual([]);
    });

    it(`cy, ${format}: a rule message already in Welsh is written in Welsh`, () => {
      // (JUnit writes an unreadable file's reason, not its finding.)
      const welsh = cy.findings.filter((f, i) => f.message !== en.findings[i].message && !(format === 'junit' && f.rule === 'meta/unreadable'));
      expect(welsh.length).toBeGreaterThan(0); // the CLI's own file-level findings at least
      for (const f of welsh) expect(writtenAs(format, f.message).some((w) => cy.out[format].includes(w)), f.rule).toBe(true);
    });
  }

  it('cy: the html page says its language, and its headings and timeline titles are Welsh', () => {
    expect(cy.out.html).toContain('<html lang="cy">');
    expect(cy.out.html).toContain('<th>Llinell</th><th>Difrifoldeb</th><th>Neges</th><th>Rheol</th><th>Polisi</th>');
    expect(cy.out.html).toContain(`Llinell amser y ddedfryd yn ${BAD}/`);
    expect(cy.out.html).not.toContain('Sentence timeline of');
    expect(cy.out.html).toContain('61 ffeil wedi\'u gwirio ar 23 Tachwedd 2026:');
  });

  it('cy in SARIF: valid SARIF 2.1.0, the same rule ids, messages and the notification in Welsh', () => {
    const log = JSON.parse(cy.out.sarif);
    expect(sarifValidator()(log)).toBe(true);
    const enLog = JSON.parse(en.out.sarif);
    const run = log.runs[0];
    expect(run.results.map((x: { ruleId: string }) => x.ruleId)).toEqual(enLog.runs[0].results.map((x: { ruleId: string }) => x.ruleId));
    expect(run.results.map((x: { message: { text: string } }) => x.message.text)).toEqual(cy.findings.map((f) => f.message));
    const note = run.invocations[0].toolExecutionNotifications[0].message.text as string;
    expect(note).toBe(`ni ellir darllen ${MISSING}: nid oes ffeil na ffolder o'r fath`);
    expect(enLog.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(`cannot read ${MISSING}: no such file or folder`);
    // The rules' descriptions too: Welsh summaries (docs/ruleText.ts), the same rule ids.
    type Desc = { id: string; shortDescription: { text: string }; fullDescription: { text: string } };
    const cyRules = run.tool.driver.rules as Desc[];
    const enRules = enLog.runs[0].tool.driver.rules as Desc[];
    expect(cyRules.map((r) => r.id)).toEqual(enRules.map((r) => r.id));
    cyRules.forEach((r, i) => {
      expect(r.shortDescription.text, r.id).not.toBe(enRules[i].shortDescription.text);
      expect(r.fullDescription.text, r.id).not.toBe(enRules[i].fullDescription.text);
    });
  });

  for (const format of HUMAN) {
    it(`qps, ${format}: no text of planlint's own outside ⟦…⟧`, () => {
      const left = outsideBrackets(chrome(format, qps.out[format], qps)).replace(/\u001b\[[0-9;]*m/g, '');
      expect(left.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    });
  }

  it('qps: summaries, upcoming reviews and stderr are bracketed', () => {
    expect(qps.out.stylish).toMatch(/^✖ ⟦\d+ .*⟧$/m);
    expect(qps.out.stylish).toMatch(/^ {2}⟦\d+ .*--fíx⟧$/m);
    expect(qps.out.stylish).toMatch(/^⟦Úpçómíñg révíéwš⟧ ⟦\(dúé wíthíñ 8 wéékš\)⟧$/m);
    expect(outsideBrackets(qps.stderr).replace(/planlint: /g, '').trim()).toBe('');
    const note = JSON.parse(qps.out.sarif).runs[0].invocations[0].toolExecutionNotifications[0].message.text as string;
    expect(note).toMatch(/^⟦.*⟧$/);
  });

  it('qps: --help, usage errors and a clean summary come from the catalogue', async () => {
    const help = await cli(['--locale', 'qps', '--help'], { rules: ALL_RULES });
    expect(help.code).toBe(0);
    expect(outsideBrackets(help.stdout).trim()).toBe('');
    expect(help.stdout.split('⟦').length).toBeGreaterThan(10);
    for (const bad of [['--format', 'nope'], ['--as-of', 'soon'], ['--rule', 'smart/specifc:error'], ['--shard', '9/2'], ['--bogus']]) {
      const r = await cli(['--locale', 'qps', ...bad, 'x.plan.yaml'], { rules: ALL_RULES });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^planlint: ⟦.*⟧\n$/);
    }
    const clean = await cli(['--locale', 'qps', '--as-of', AS_OF, join(REPO, 'samples/good/young-adult.plan.yaml')], { rules: ALL_RULES });
    expect(clean.stdout).toMatch(/^⟦Úpçómíñg/m);
    expect(outsideBrackets(chrome('stylish', clean.stdout, qps)).replace(/✔|\s/g, '')).toBe('');
  });

  it('cy: --help and usage errors in Welsh, PLANLINT_LOCALE=cy as --locale cy', async () => {
    const help = await cli(['--locale', 'cy', '--help'], { rules: ALL_RULES });
    expect(help.stdout).toMatch(/^planlint \S+ — yn gwirio cynlluniau dedfryd/);
    expect(help.stdout).toContain('Defnydd:\n');
    const bad = await cli(['--format', 'nope', 'x.plan.yaml'], { rules: ALL_RULES, env: { PLANLINT_LOCALE: 'cy' } });
    expect(bad.stderr).toBe('planlint: --format anhysbys `nope`; defnyddiwch un o stylish, json, sarif, junit, github, compact, html, gitlab\n');
    const explain = await cli(['explain', '--locale', 'cy', 'smart/nope'], { rules: ALL_RULES });
    expect(explain.code).toBe(2);
    expect(explain.stderr).toContain('nid yw `smart/nope` yn un o reolau na theuluoedd planlint');
  });
});

describe('subcommands speak the locale too (--locale anywhere in their arguments)', () => {
  const CHECKS = join(REPO, 'test/policy/fixtures/mappa.planlintrc.yaml');
  const IMPACT = ['impact', '--config', 'test/cli/fixtures/impact/new.planlintrc.yaml', '--baseline-config', 'test/cli/fixtures/impact/current.planlintrc.yaml', '--as-of', AS_OF, 'samples/'];
  /** Words left outside ⟦…⟧ once rule ids, local check ids, paths, dates and numbers are taken out. */
  const words = (s: string): string[] =>
    outsideBrackets(s)
      .replace(/\S*\.(plan\.ya?ml|planlintrc\.yaml)\b/g, ' ')
      .replace(/\b[a-z]+\/[a-z*-]+\b/g, ' ')
      .match(/[A-Za-z]{2,}/g) ?? [];

  it('checks test: Welsh status words and summary; nothing outside ⟦…⟧ under qps', async () => {
    const cy = await cli(['checks', 'test', '--locale', 'cy', '--config', CHECKS, '--as-of', AS_OF]);
    expect(cy.code).toBe(0);
    expect(cy.stdout).toContain('llwyddo  local/mappa-accommodation  dylai fethu  plans/mappa-no-accommodation.plan.yaml');
    expect(cy.stdout).toContain('rhybudd  local/no-examples  heb enghreifftiau');
    expect(cy.stdout).toContain('3 enghraifft: 3 wedi llwyddo, 0 wedi methu; 1 gwiriad heb enghreifftiau (ar 23 Tachwedd 2026)');
    const qps = await cli(['checks', 'test', '--config', CHECKS, '--as-of', '2027-11-23', '--locale=qps']);
    expect(qps.code).toBe(1); // a failing example: its reason is bracketed too
    expect(words(qps.stdout)).toEqual([]);
  });

  it('explain: the list, a family and the unknown-rule error in Welsh; qps brackets its own chrome', async () => {
    const list = await cli(['explain', '--list', '--locale', 'cy'], { rules: ALL_RULES });
    expect(list.stdout).toMatch(/^ {2}smart\/specific +rhybudd +\S/m);
    const fam = await cli(['explain', 'smart', '--locale', 'cy'], { rules: ALL_RULES });
    expect(fam.stdout).toContain("Mae planlint explain smart/ENW yn dangos tudalen un rheol.");
    const rule = await cli(['explain', 'smart/specific', '--locale', 'qps'], { rules: ALL_RULES });
    expect(rule.stdout).toMatch(/\n⟦Óñlíñé: https:\/\/\S+⟧\n$/);
    const none = await cli(['explain', '--locale', 'qps', 'smart/nope'], { rules: ALL_RULES });
    expect(none.code).toBe(2);
    expect(words(none.stderr).filter((w) => w !== 'planlint' && w !== 'explain')).toEqual([]);
  });

  it('impact: the text and html reports in Welsh, the same numbers; qps leaves no word outside ⟦…⟧', async () => {
    const en = await cli(IMPACT, { cwd: REPO, rules: ALL_RULES });
    const cy = await cli([...IMPACT, '--locale', 'cy'], { cwd: REPO, rules: ALL_RULES });
    expect(cy.code).toBe(0);
    const numbers = (s: string): string => (s.split('\n')[0].replace(/^[^:]*:/, '').match(/[-+]?\d+/g) ?? []).join(' ');
    expect(numbers(cy.stdout)).toBe(numbers(en.stdout));
    expect(numbers(en.stdout).split(' ').length).toBe(5);
    expect(cy.stdout).toMatch(/^Effaith ar 23 Tachwedd 2026: \d+ (cynllun|gynllun|chynllun), \d+ â chanlyniad gwahanol/);
    expect(cy.stdout).toMatch(/^rheol +ychwanegwyd +dilëwyd +ffeiliau$/m);
    const html = await cli([...IMPACT, '--format', 'html', '--locale', 'cy'], { cwd: REPO, rules: ALL_RULES });
    expect(html.stdout).toContain('<html lang="cy">');
    expect(html.stdout).toContain('<h1>Effaith newid i&#39;r ffurfweddiad</h1>'.replace('&#39;', "'"));
    const qps = await cli([...IMPACT, '--locale', 'qps'], { cwd: REPO, rules: ALL_RULES });
    expect(words(qps.stdout)).toEqual([]);
  });
});

describe("the team's default language (`locale:` in the configuration that applies here)", () => {
  const plan = 'sentence_plan: 1\nkind: plan\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Attend.\n';
  const summary = (stdout: string): string => stdout.trim().split('\n').pop()!.trim();

  it('comes after --locale and PLANLINT_LOCALE and before the system locale', async () => {
    const en = tempTree({ '.planlintrc.yaml': 'locale: en\n', 'a.plan.yaml': plan });
    const none = tempTree({ 'a.plan.yaml': plan });
    const explicit = tempTree({ 'team.yaml': 'locale: en\n', 'a.plan.yaml': plan });
    trees.push(en, none, explicit);
    const system = { LANG: 'qps' }; // a complete locale, so the system's choice is taken when nothing comes before it
    const asSystem = await cli(['--as-of', AS_OF, 'a.plan.yaml'], { cwd: none, rules: ALL_RULES, env: system });
    expect(summary(asSystem.stdout)).toMatch(/^⟦.*⟧$/);
    const team = await cli(['--as-of', AS_OF, 'a.plan.yaml'], { cwd: en, rules: ALL_RULES, env: system });
    expect(summary(team.stdout)).toBe('1 file checked');
    const viaConfig = await cli(['--config', 'team.yaml', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: explicit, rules: ALL_RULES, env: system });
    expect(summary(viaConfig.stdout)).toBe('1 file checked');
    const flag = await cli(['--locale', 'qps', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: en, rules: ALL_RULES, env: system });
    expect(summary(flag.stdout)).toMatch(/^⟦.*⟧$/);
    const personal = await cli(['--as-of', AS_OF, 'a.plan.yaml'], { cwd: en, rules: ALL_RULES, env: { ...system, PLANLINT_LOCALE: 'qps' } });
    expect(summary(personal.stdout)).toMatch(/^⟦.*⟧$/);
    // The subcommands and usage errors read it too.
    const usage = await cli(['--format', 'nope'], { cwd: en, rules: ALL_RULES, env: system });
    expect(usage.stderr).toMatch(/^planlint: unknown --format/);
    const explainList = await cli(['explain', 'smart/nope'], { cwd: en, rules: ALL_RULES, env: system });
    expect(explainList.stderr).toContain('is not a planlint rule or family');
  });

  it('locale: cy is taken as a team default once Welsh is complete (until then, as chooseLocale says, English)', async () => {
    const d = tempTree({ '.planlintrc.yaml': 'locale: cy\n', 'a.plan.yaml': plan });
    trees.push(d);
    const r = await cli(['--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    expect(r.stderr).toBe('');
    const welsh = completeLocales().includes('cy');
    expect(summary(r.stdout)).toBe(welsh ? '1 ffeil wedi\'i gwirio' : '1 file checked');
    const asked = await cli(['--locale', 'cy', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    expect(summary(asked.stdout)).toBe('1 ffeil wedi\'i gwirio');
  });

  it('configuration problems are said in the locale', async () => {
    const d = tempTree({ '.planlintrc.yaml': 'rules:\n  smart/specific: loud\n', 'a.plan.yaml': plan });
    trees.push(d);
    const en = await cli(['--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    const qps = await cli(['--locale', 'qps', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d, rules: ALL_RULES });
    expect(en.code).toBe(2);
    expect(qps.code).toBe(2);
    expect(en.stderr).toMatch(/^\.planlintrc\.yaml:2:\d+: [^⟦]+\nplanlint: the configuration above has problems/);
    expect(qps.stderr).toMatch(/^\.planlintrc\.yaml:2:\d+: ⟦.*⟧\nplanlint: ⟦.*⟧\n$/);
  });
});
