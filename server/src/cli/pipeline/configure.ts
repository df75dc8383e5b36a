// Pipeline stage 2, configs: every item's configuration, resolved before anything is checked,
// so a broken configuration stops the run (as ESLint does) with its problems located.

import { join } from 'node:path';
import type { ResolvedConfig } from '../../engine/config.js';
import type { RuleMeta } from '../../engine/types.js';
import { localRules } from '../../policy/checks.js';
import type { ConfigResolver } from '../configs.js';
import { forTerminal } from '../escape.js';
import type { Item } from './discover.js';
import type { MessageCatalogue } from '../../engine/messages.js';
import { say } from '../messages.js';
import { problemText } from '../../engine/l10n.js';

/** Print the resolver's problems to stderr; true when there were any (the run stops with 2). */
export function reportConfigProblems(configs: Pick<ConfigResolver, 'problems'>, stderr: (s: string) => void, c?: MessageCatalogue): boolean {
  if (!configs.problems.length) return false;
  for (const p of configs.problems) stderr(`${forTerminal(p.file)}:${p.line}:${p.column}: ${forTerminal(problemText(p, c?.locale))}\n`);
  stderr(`planlint: ${say(c, 'cli.configProblems')}\n`);
  return true;
}

/**
 * One configuration per item (standard input without a name is configured as `<stdin>` in the
 * working directory); undefined when a configuration has problems (already printed). Local
 * checks are rules too: their metadata joins `ruleMeta`, so reports (SARIF's rule list) describe them.
 */
export async function configureItems(items: readonly Item[], configs: ConfigResolver, cwd: string, ruleMeta: Map<string, RuleMeta>, stderr: (s: string) => void, c?: MessageCatalogue): Promise<ResolvedConfig[] | undefined> {
  const out: ResolvedConfig[] = [];
  for (const it of items) out.push(await configs.forFile(it.absolute ?? join(cwd, '<stdin>')));
  if (reportConfigProblems(configs, stderr, c)) return undefined;
  for (const c of out) for (const r of localRules(c.checks)) if (!ruleMeta.has(r.meta.id)) ruleMeta.set(r.meta.id, r.meta);
  return out;
}
