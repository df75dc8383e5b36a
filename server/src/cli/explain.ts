// `planlint explain RULE` prints a rule's page (what it checks, the policy behind it, a
// failing and a passing example, how to configure or silence it), like `ruff rule` or
// `rustc --explain`; `planlint explain --list` lists the rules by family, and
// `planlint explain FAMILY` the rules of one family. Everything comes from the rule
// metadata bundled in the CLI: no network, no files.
import { nearest } from '../engine/config.js';
import type { Rule } from '../engine/rule.js';
import { familyOf, familyTitle, renderRuleSection, ruleDocUrl } from '../docs/render.js';
import type { MessageCatalogue } from '../engine/messages.js';
import { say } from './messages.js';

export interface ExplainIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The run's catalogue (English when absent). */
  catalogue?: MessageCatalogue;
}


/** A rule id or family name as typed, safe to echo (anything else is not named back). */
const echoable = (s: string): boolean => /^[a-z0-9_*-]{1,40}(\/[a-z0-9_*-]{1,60})?$/i.test(s);

export function explain(args: readonly string[], rules: readonly Rule[], io: ExplainIo): number {
  const c = io.catalogue;
  const USAGE = say(c, 'cli.explain.usage');
  const words = args.filter((a) => a !== '--');
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
    io.stdout(listRules(rules, families, c));
    return 0;
  }
  const want = words[0].trim();
  const rule = rules.find((r) => r.meta.id === want);
  if (rule) {
    io.stdout(renderRuleSection(rule).join('\n').replace(/\n+$/, '\n') + `\n${say(c, 'cli.explain.online', { url: ruleDocUrl(rule.meta.id) })}\n`);
    return 0;
  }
  const family = want.replace(/\/\*?$/, '');
  if (families.includes(family)) {
    io.stdout(listRules(rules.filter((r) => familyOf(r.meta.id) === family), [family], c) + `\n${say(c, 'cli.explain.family', { family })}\n`);
    return 0;
  }
  const near = nearest(want, [...rules.map((r) => r.meta.id), ...families]);
  const named = echoable(want)
    ? say(c, near ? 'cli.explain.unknownNear' : 'cli.explain.unknown', { id: want, near: near ?? '' })
    : say(c, near ? 'cli.explain.unknownUnnamedNear' : 'cli.explain.unknownUnnamed', { near: near ?? '' });
  io.stderr(`planlint explain: ${named}\n${say(c, 'cli.explain.list')}\n`);
  return 2;
}

function listRules(rules: readonly Rule[], families: readonly string[], c: MessageCatalogue | undefined): string {
  const out: string[] = [];
  for (const f of families) {
    const rs = rules.filter((r) => familyOf(r.meta.id) === f);
    if (!rs.length) continue;
    out.push(`${familyTitle(f)}`);
    const w = Math.max(...rs.map((r) => r.meta.id.length));
    const sev = (r: Rule): string => say(c, 'cli.severity', { severity: r.meta.severity });
    const ws = Math.max(7, ...rs.map((r) => sev(r).length));
    for (const r of rs) out.push(`  ${r.meta.id.padEnd(w)}  ${sev(r).padEnd(ws)}  ${r.meta.description}`);
    out.push('');
  }
  return out.join('\n');
}
