// The Welsh rule pages: docs/rules/cy/<family>.md are generated (stale pages fail here: run
// `npm run docs`), every rule links to its English page's anchor, the npm package ships them, and
// `planlint explain RULE --locale cy` prints the Welsh summary first and then the English page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explain } from '../../server/src/cli/explain.js';
import { run as runCli } from '../../server/src/cli/run.js';
import { renderFamilyPages, renderRuleSection } from '../../server/src/docs/render.js';
import { ruleText } from '../../server/src/docs/ruleText.js';
import { explainLocale, renderLocaleFamilyPages } from '../../server/src/docs/welshPage.js';
import { ALL_RULES } from '../../server/src/rules/index.js';

function run(args: string[], env?: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = explain(args, ALL_RULES, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}
const rule = (id: string) => ALL_RULES.find((r) => r.meta.id === id)!;

describe('docs/rules/cy (run `npm run docs` if this fails)', () => {
  const pages = renderLocaleFamilyPages(ALL_RULES);
  it('every generated Welsh page is committed and up to date, and there is no other', () => {
    expect(pages.size).toBe(renderFamilyPages(ALL_RULES).size);
    for (const [path, text] of pages) {
      expect(existsSync(path), `${path} is missing`).toBe(true);
      expect(readFileSync(path, 'utf8'), `${path} is stale`).toBe(text);
    }
    const onDisk = readdirSync('docs/rules/cy').map((f) => `docs/rules/cy/${f}`).sort();
    expect(onDisk).toEqual([...pages.keys()].sort());
  });
  it('each rule has its Welsh summary and a link to an anchor the English page has', () => {
    const english = renderFamilyPages(ALL_RULES);
    for (const r of ALL_RULES) {
      const [family, name] = r.meta.id.split('/');
      const page = pages.get(`docs/rules/cy/${family}.md`)!;
      const t = ruleText(r, 'cy');
      expect(page).toContain(`<a id="${name}"></a>\n## \`${r.meta.id}\`\n\n${t.description}\n`);
      expect(page).toContain(`**Beth mae'n ei wirio:** ${t.checks}`);
      expect(page).toContain(`**Beth i'w wneud:** ${t.todo}`);
      expect(page).toContain(`(../${family}.md#${name})`);
      expect(english.get(`docs/rules/${family}.md`)).toContain(`<a id="${name}"></a>`);
    }
    for (const page of pages.values()) expect(page).toContain('swyddog iaith Gymraeg');
  });
  it('the npm package ships them', () => {
    const files = (JSON.parse(readFileSync('package.json', 'utf8')) as { files: string[] }).files;
    expect(files).toContain('docs/rules/cy/*.md');
  });
});

describe('planlint explain --locale cy', () => {
  it('prints the Welsh summary first, a line saying the English page follows, then the whole English page', () => {
    const r = run(['review/pre-release', '--locale', 'cy']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const t = ruleText(rule('review/pre-release'), 'cy');
    expect(r.stdout).toMatch(/^## `review\/pre-release` — Cymraeg\n\n/);
    expect(r.stdout).toContain(`\n${t.description}\n`);
    expect(r.stdout).toContain(`**Beth mae'n ei wirio:** ${t.checks}`);
    expect(r.stdout).toContain(`**Beth i'w wneud:** ${t.todo}`);
    const follows = r.stdout.indexOf("Mae'r dudalen Saesneg lawn yn dilyn");
    const english = r.stdout.indexOf(renderRuleSection(rule('review/pre-release')).join('\n').trimEnd());
    expect(follows).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(follows);
    expect(r.stdout).toContain('awaiting review');
    // The English page is unchanged after the summary.
    expect(r.stdout.slice(english)).toBe(run(['review/pre-release']).stdout);
  });
  it('--locale=cy, and PLANLINT_LOCALE=cy, choose Welsh as the CLI does; English has no summary', () => {
    expect(run(['--locale=cy', 'smart/time-bound']).stdout).toMatch(/^## `smart\/time-bound` — Cymraeg/);
    expect(run(['smart/time-bound'], { PLANLINT_LOCALE: 'cy' }).stdout).toMatch(/^## `smart\/time-bound` — Cymraeg/);
    expect(run(['smart/time-bound', '--locale', 'en'], { PLANLINT_LOCALE: 'cy' }).stdout).toMatch(/^## `smart\/time-bound`\n/);
    expect(run(['smart/time-bound', '--locale', 'qps']).stdout).toMatch(/^## `smart\/time-bound`\n/);
  });
  it('--list and a family list the Welsh descriptions under Welsh family titles', () => {
    const list = run(['--list', '--locale', 'cy']);
    expect(list.code).toBe(0);
    for (const r of ALL_RULES) {
      expect(list.stdout).toMatch(new RegExp(`^  ${r.meta.id.replace('/', '\\/')} +${r.meta.severity} +`, 'm'));
      expect(list.stdout).toContain(ruleText(r, 'cy').description);
    }
    expect(list.stdout).toContain("smart — mae amcanion yn SMART\n");
    expect(list.stdout).not.toContain(rule('smart/time-bound').meta.description);
    const fam = run(['review', '--locale', 'cy']);
    expect(fam.code).toBe(0);
    expect(fam.stdout).toContain(ruleText(rule('review/periodic'), 'cy').description);
    expect(fam.stdout).not.toContain(rule('review/periodic').meta.description);
  });
  it('an unknown locale is a usage error that names the locales, and does not echo a hostile value', () => {
    const r = run(['smart/time-bound', '--locale', 'xx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--locale is one of en, cy/);
    const hostile = explainLocale(['--locale', '\x1b[31mred'], {});
    expect('error' in hostile && hostile.error).not.toContain('\x1b');
    expect(run(['--locale']).code).toBe(2);
  });
  it('through the command line itself: `planlint explain RULE --locale cy`, and PLANLINT_LOCALE from the environment', async () => {
    const cli = async (argv: string[], env: Record<string, string> = {}) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, { cwd: process.cwd(), stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), readStdin: async () => new Uint8Array(), color: false, env, rules: ALL_RULES });
      return { code, stdout, stderr };
    };
    const flagged = await cli(['explain', 'plan/crc-handover', '--locale', 'cy']);
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toMatch(/^## `plan\/crc-handover` — Cymraeg\n\n.*o fewn 12 wythnos/);
    expect(flagged.stdout).toContain(rule('plan/crc-handover').meta.description);
    const fromEnv = await cli(['explain', 'plan/crc-handover'], { PLANLINT_LOCALE: 'cy' });
    expect(fromEnv.stdout).toBe(flagged.stdout);
    expect((await cli(['explain', 'plan/crc-handover'])).stdout).toMatch(/^## `plan\/crc-handover`\n/);
  });
});
