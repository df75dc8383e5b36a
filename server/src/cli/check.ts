// Checking one file's bytes without fixing: decode, lint, and turn findings into the command
// line's view. Pure (no I/O), so the main thread and the worker threads run the same code.

import { ruleSetting, type ResolvedConfig } from '../engine/config.js';
import { daysBetween } from '../engine/dates.js';
import { lint, type LintResult } from '../engine/lint.js';
import { dueDates } from '../engine/obligations.js';
import type { Rule } from '../engine/rule.js';
import { timelineModel, type TimelineModel } from '../engine/timeline.js';
import type { RuleMeta } from '../engine/types.js';
import { decode } from './decode.js';
import { fileLevelFinding, toCliFindings, UPCOMING_DAYS, type CliFinding, type UpcomingDue } from './report.js';

export interface CheckEnv {
  asOf: string;
  maxFileSize: number;
  /** Default: every rule. */
  rules?: readonly Rule[];
  ruleMeta: ReadonlyMap<string, RuleMeta>;
  /** Also compute each plan's timeline (for `--format html`). */
  timeline?: boolean;
}

export interface Checked {
  findings: CliFinding[];
  /** Reviews falling due soon (empty for templates). */
  upcoming: UpcomingDue[];
  /** The plan's timeline, when asked for (never for templates or files that did not parse into a plan). */
  timeline?: TimelineModel;
}

export function checkBytes(bytes: Uint8Array, config: ResolvedConfig, env: CheckEnv): Checked {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const setting = ruleSetting(config.rules, 'meta/encoding', 'error');
    if (setting === 'off') return { findings: [], upcoming: [] };
    return { findings: [{ ...fileLevelFinding('meta/encoding', decoded.message, decoded.line, decoded.column), severity: setting }], upcoming: [] };
  }
  let result: LintResult;
  try {
    result = lint(decoded.text, { asOf: env.asOf, config, maxChars: env.maxFileSize, rules: env.rules });
  } catch (e) {
    return { findings: [internalError(e)], upcoming: [] };
  }
  const checked: Checked = { findings: toCliFindings(result.findings, result.parsed.lines), upcoming: result.isTemplate ? [] : upcomingDues(result.plan, config, env) };
  if (env.timeline) {
    const t = timelineFor(result, config, env.asOf);
    if (t) checked.timeline = t;
  }
  return checked;
}

/** The timeline of a linted plan; undefined for a template or when it cannot be drawn. */
export function timelineFor(result: Pick<LintResult, 'plan' | 'isTemplate'>, config: ResolvedConfig, asOf: string): TimelineModel | undefined {
  if (result.isTemplate) return undefined;
  try {
    return timelineModel(result.plan, asOf, dueDates(result.plan, asOf, config.policy));
  } catch {
    return undefined; // a picture for people; the rules report the plan's real problems
  }
}

/** Reviews not yet due (nor done) whose due date is within UPCOMING_DAYS, for rules that are on. */
export function upcomingDues(plan: LintResult['plan'], config: ResolvedConfig, env: Pick<CheckEnv, 'asOf' | 'ruleMeta'>): UpcomingDue[] {
  try {
    return dueDates(plan, env.asOf, config.policy)
      .filter((o) => o.state === 'upcoming' && env.ruleMeta.has(o.rule) && ruleSetting(config.rules, o.rule, env.ruleMeta.get(o.rule)!.severity) !== 'off')
      .map((o) => ({ rule: o.rule, kind: o.kind, due: o.due, days: daysBetween(env.asOf, o.due) }))
      .filter((u) => u.days >= 0 && u.days <= UPCOMING_DAYS);
  } catch {
    return []; // a listing for people; the review rules report real problems themselves
  }
}

export function internalError(e: unknown): CliFinding {
  return fileLevelFinding(
    'meta/internal-error',
    `planlint failed on this file (${(e as Error)?.name ?? 'Error'}); it was not fully checked. Please report this with the planlint version (never the plan itself).`,
  );
}
