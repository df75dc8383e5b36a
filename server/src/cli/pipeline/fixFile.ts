// --fix and --fix-dry-run for one file: check it (cli/check.ts, as every other file), apply
// every certain fix (the engine's fixAll, whose fix guard refuses to make the file worse), and
// write the result only if the file is unchanged on disk and is the run's to write (write.ts).

import { ruleSetting, type ResolvedConfig } from '../../engine/config.js';
import { fixAll, type FixAllResult } from '../../engine/fix.js';
import { LineIndex } from '../../engine/lines.js';
import { checkText, decodeForCheck, extras, internalError, lintOptions, type CheckEnv, type Checked } from '../check.js';
import { unifiedDiff } from '../diff.js';
import { forTerminal } from '../escape.js';
import { fileLevelFinding, toCliFindings } from '../report.js';
import { writeIfUnchanged, type ReadSnapshot } from '../write.js';
import type { Item } from './discover.js';
import type { MessageCatalogue } from '../../engine/messages.js';
import { cliCatalogue, say, sayMsg } from '../messages.js';

export interface FixEnv {
  check: CheckEnv;
  /** --fix-dry-run: print what would change, write nothing. */
  dryRun: boolean;
  /** The run's roots: --fix writes only under them. */
  roots: readonly string[];
  /** A note for people (stdout for the stylish and compact reports, else stderr). */
  note: (s: string) => void;
  /** A failure (exit 2). */
  fail: (msg: string) => void;
}

/** The file's findings after fixing; `changed` when its text was (or would be) rewritten. */
export async function fixFile(it: Item, snap: ReadSnapshot, config: ResolvedConfig, env: FixEnv): Promise<Checked & { changed: boolean }> {
  const c = cliCatalogue(env.check.locale);
  const decoded = decodeForCheck(snap.bytes, config, env.check.locale);
  if (!decoded.ok) return { ...decoded.checked, changed: false };
  const text = decoded.text;
  const { checked, result } = checkText(text, config, env.check);
  const same = { ...checked, changed: false };
  if (!result) return same;

  let fixed: FixAllResult;
  try {
    fixed = fixAll(text, lintOptions(config, env.check));
  } catch (e) {
    return { ...checked, findings: [...checked.findings, internalError(e, c)], changed: false };
  }
  // The fix guard inside fixAll refused to make the file worse (more syntax errors or errors).
  if (!fixed.changed && fixed.refused) env.note(`planlint: ${say(c, 'cli.fix.refused', { file: forTerminal(it.display) })}\n`);
  if (!fixed.changed) return same;
  const remaining = toCliFindings(fixed.remaining, new LineIndex(fixed.text));
  const what = describeFixes(fixed.applied.map((a) => a.ruleId), c);
  // The timeline drawn is the fixed plan's.
  const fixedTimeline = (): Checked['timeline'] => (env.check.timeline ? extras(fixed.result, config, { ...env.check, timeline: true }).timeline : checked.timeline);
  if (env.dryRun) {
    const timeline = fixedTimeline();
    env.note(`planlint: ${say(c, 'cli.fix.wouldFix', { file: forTerminal(it.display), fixes: what })}\n`);
    env.note(unifiedDiff(text, fixed.text, forTerminal(it.display), say(c, 'cli.fix.diffFixed', { file: forTerminal(it.display) })));
    return { findings: remaining, upcoming: checked.upcoming, timeline, changed: true };
  }
  if (!it.writable || it.absolute === undefined) return same;
  const outcome = await writeIfUnchanged(it.absolute, snap, (decoded.bom ? '\uFEFF' : '') + fixed.text, env.roots);
  if (outcome.written) {
    const timeline = fixedTimeline();
    env.note(`planlint: ${say(c, 'cli.fix.fixed', { file: forTerminal(it.display), fixes: what })}\n`);
    return { findings: remaining, upcoming: checked.upcoming, timeline, changed: true };
  }
  if (outcome.refused) {
    const reason = sayMsg(c, outcome.reason);
    env.note(`planlint: ${say(c, 'cli.fix.notFixed', { file: forTerminal(it.display), reason })}\n`);
    const setting = ruleSetting(config.rules, 'meta/not-fixed', 'warning');
    if (setting === 'off') return same;
    return { ...checked, findings: [...checked.findings, { ...fileLevelFinding('meta/not-fixed', say(c, 'cli.finding.notFixed', { reason })), severity: setting }], changed: false };
  }
  if (outcome.ioError) env.fail(`${forTerminal(it.display)}: ${sayMsg(c, outcome.reason)}`);
  else env.note(`planlint: ${forTerminal(it.display)}: ${sayMsg(c, outcome.reason)}\n`);
  return same;
}

/** "3 fixes (meta/unused-disable ×2, schema/score-range)" — rule ids only, never content. */
export function describeFixes(ruleIds: readonly string[], c?: MessageCatalogue): string {
  const counts = new Map<string, number>();
  for (const id of ruleIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const parts = [...counts].map(([id, n]) => (n > 1 ? `${id} ×${n}` : id));
  return say(c, 'cli.fix.count', { n: ruleIds.length, rules: parts.join(', ') });
}
