// `planlint explain RULE` prints a rule's page (what it checks, the policy behind it, a
// failing and a passing example, how to configure or silence it), like `ruff rule` or
// `rustc --explain`; `planlint explain --list` lists the rules by family, and
// `planlint explain FAMILY` the rules of one family. Everything comes from the rule
// metadata bundled in the CLI: no network, no files.
import { nearest } from '../engine/config.js';
import type { Rule } from '../engine/rule.js';
import { familyOf, renderRuleSection, ruleDocUrl } from '../docs/render.js';
import { explainLocale, listNote, localeDescription, localeFamilyTitle, ruleSummary } from '../docs/welshPage.js';
import type { MessageCatalogue } from '../engine/messages.js';
import { say } from './messages.js';

export interface ExplainIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The run's catalogue (English when absent): run.ts has chosen the locale and taken `--locale` out. */
  catalogue?: MessageCatalogue;
  /** The environment the locale is chosen from when there is no `--locale` (PLANLINT_LOCALE, LANG). */
  env?: Readonly<Record<string, string | undefined>>;
}


/** A rule id or family name as typed, safe to echo (anything else is not named back). */
const echoable = (s: string): boolean => /^[a-z0-9_*-]{1,40}(\/[a-z0-9_*-]{1,60})?$/i.test(s);

export function explain(args: readonly string[], rules: readonly Rule[], io: ExplainIo): number {
  // `--locale cy`: a summary in that language first (docs/welshPage.ts), then the English page.
  const chosen = explainLocale(args, io.env);
  if ('error' in chosen) {
    io.stderr(chosen.error);
    return 2;
  }
  const locale = io.catalogue?.locale ?? chosen.locale;
  const c = io.catalogue;
  const USAGE = say(c, 'cli.explain.usage');
  const words = chosen.args.filter((a) => a !== '--');
  if (words.length === 0 || words.includes('--help') || words.includes('-h')) {
    (words.length === 0 ? io.stderr : io.stdout)(`${USAGE}\n`);
    return words.length === 0 ? 2 : 0;
  }
  if (words.length > 1 && !(words.length === 2 && words.includes('--list'))) {
    io.stderr(`planlint explain: ${say(c, 'cli.explain.oneAtATime')}\n${USAGE}\n`);
    return 2;
  }
  const families = [...new Set(rules.map((r) => familyOf(r.meta.id)))];
  if (words[0] === '--list' || words[1] === '--list') {
    io.stdout(listNote(locale) + listRules(rules, families, locale, c));
    return 0;
  }
  const want = words[0].trim();
  const rule = rules.find((r) => r.meta.id === want);
  if (rule) {
    io.stdout(ruleSummary(rule, locale) + renderRuleSection(rule).join('\n').replace(/\n+$/, '\n') + `\n${say(c, 'cli.explain.online', { url: ruleDocUrl(rule.meta.id) })}\n`);
    return 0;
  }
  const family = want.replace(/\/\*?$/, '');
  if (families.includes(family)) {
    io.stdout(listNote(locale) + listRules(rules.filter((r) => familyOf(r.meta.id) === family), [family], locale, c) + `\n${say(c, 'cli.explain.family', { family })}\n`);
    return 0;
  }
  const near = nearest(want, [...rules.map((r) => r.meta.id), ...families]);
  const named = echoable(want)
    ? say(c, near ? 'cli.explain.unknownNear' : 'cli.explain.unknown', { id: want, near: near ?? '' })
    : say(c, near ? 'cli.explain.unknownUnnamedNear' : 'cli.explain.unknownUnnamed', { near: near ?? '' });
  io.stderr(`planlint explain: ${named}\n${say(c, 'cli.explain.list')}\n`);
  return 2;
}

function listRules(rules: readonly Rule[], families: readonly string[], locale: string, c: MessageCatalogue | undefined): string {
  const out: string[] = [];
  for (const f of families) {
    const rs = rules.filter((r) => familyOf(r.meta.id) === f);
    if (!rs.length) continue;
    out.push(`${localeFamilyTitle(f, locale)}`);
    const w = Math.max(...rs.map((r) => r.meta.id.length));
    const sev = (r: Rule): string => say(c, 'cli.severity', { severity: r.meta.severity });
    const ws = Math.max(7, ...rs.map((r) => sev(r).length));
    for (const r of rs) out.push(`  ${r.meta.id.padEnd(w)}  ${sev(r).padEnd(ws)}  ${localeDescription(r, locale)}`);
    out.push('');
  }
  return out.join('\n');
}
