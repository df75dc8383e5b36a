// Checking one file's bytes: decode, lint, and turn findings into the command line's view.
// Pure (no I/O), so the main thread, the worker threads and --fix (pipeline/fixFile.ts, which
// checks with checkText before fixing) run the same code.

import { ruleSetting, type ResolvedConfig } from '../engine/config.js';
import { daysBetween } from '../engine/dates.js';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import { dueDates, type Obligation } from '../engine/obligations.js';
import type { Rule } from '../engine/rule.js';
import { timelineModel, type TimelineModel } from '../engine/timeline.js';
import { localiseModel } from '../lsp/timeline.js';
import type { RuleMeta } from '../engine/types.js';
import { decode } from './decode.js';
import { renderMsg, type MessageCatalogue } from '../engine/messages.js';
import { kindMsg } from '../rules/review/support.js';
import { cliCatalogue, say } from './messages.js';
import { fileLevelFinding, toCliFindings, UPCOMING_DAYS, type CliFinding, type UpcomingDue } from './report.js';

export interface CheckEnv {
  asOf: string;
  /** The locale messages are rendered in (engine/locales.ts chooseLocale); default English. */
  locale?: string;
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
  const decoded = decodeForCheck(bytes, config, env.locale);
  if (!decoded.ok) return decoded.checked;
  return checkText(decoded.text, config, env).checked;
}

/** The file's text, or (when it is not text planlint can read) what its check reports. */
export function decodeForCheck(bytes: Uint8Array, config: ResolvedConfig, locale?: string): { ok: true; text: string; bom: boolean } | { ok: false; checked: Checked } {
  const decoded = decode(bytes);
  if (decoded.ok) return { ok: true, text: decoded.text, bom: decoded.bom };
  const setting = ruleSetting(config.rules, 'meta/encoding', 'error');
  if (setting === 'off') return { ok: false, checked: { findings: [], upcoming: [] } };
  return { ok: false, checked: { findings: [{ ...fileLevelFinding('meta/encoding', renderMsg(decoded.msg, cliCatalogue(locale)), decoded.line, decoded.column), severity: setting }], upcoming: [] } };
}

/** Lint decoded text: what a report shows of it, and the engine's result (undefined when the engine failed). */
export function checkText(text: string, config: ResolvedConfig, env: CheckEnv): { checked: Checked; result?: LintResult } {
  let result: LintResult;
  try {
    result = lint(text, lintOptions(config, env));
  } catch (e) {
    return { checked: { findings: [internalError(e, cliCatalogue(env.locale))], upcoming: [] } };
  }
  return { checked: { findings: toCliFindings(result.findings, result.parsed.lines), ...extras(result, config, env) }, result };
}

/** The engine's options for a file with this configuration (the same for checking and fixing). */
export const lintOptions = (config: ResolvedConfig, env: Pick<CheckEnv, 'asOf' | 'maxFileSize' | 'rules' | 'locale'>): LintOptions => ({ asOf: env.asOf, config, maxChars: env.maxFileSize, rules: env.rules, ...(env.locale ? { locale: env.locale } : {}) });

/**
 * What reports show beside the findings: the reviews falling due soon and, when asked for,
 * the plan's timeline. Both come from one `dueDates`; neither exists for a template. They are
 * for people, so a failure here leaves them out (the review rules report real problems).
 */
export function extras(result: Pick<LintResult, 'plan' | 'isTemplate'>, config: ResolvedConfig, env: Pick<CheckEnv, 'asOf' | 'ruleMeta' | 'timeline' | 'locale'>): Omit<Checked, 'findings'> {
  if (result.isTemplate) return { upcoming: [] };
  let obligations: Obligation[];
  try {
    obligations = dueDates(result.plan, env.asOf, config.policy);
  } catch {
    return { upcoming: [] };
  }
  // Reviews not yet due (nor done) whose due date is within UPCOMING_DAYS, for rules that are on.
  const c = cliCatalogue(env.locale);
  const upcoming = obligations
    .filter((o) => o.state === 'upcoming' && env.ruleMeta.has(o.rule) && ruleSetting(config.rules, o.rule, env.ruleMeta.get(o.rule)!.severity) !== 'off')
    .map((o) => ({ rule: o.rule, kind: upcomingKind(o, config, c), due: o.due, days: daysBetween(env.asOf, o.due) }))
    .filter((u) => u.days >= 0 && u.days <= UPCOMING_DAYS);
  if (!env.timeline) return { upcoming };
  try {
    // The rows in the run's locale (the editor's timeline words them the same way).
    return { upcoming, timeline: localiseModel(timelineModel(result.plan, env.asOf, obligations), result.plan, obligations, env.locale, config.policy) };
  } catch {
    return { upcoming };
  }
}

export function internalError(e: unknown, c?: MessageCatalogue): CliFinding {
  return fileLevelFinding('meta/internal-error', say(c, 'cli.finding.internalError', { error: (e as Error)?.name ?? 'Error' }));
}

/** What the upcoming list calls an obligation: the review family's label, in the run's locale. */
function upcomingKind(o: Obligation, config: ResolvedConfig, c: MessageCatalogue): string {
  const label = kindMsg(o, config.policy);
  const kind = typeof label === 'object' ? renderMsg(label, c, o.rule) : String(label);
  return o.defaultDeadline ? say(c, 'cli.upcoming.defaultDate', { kind }) : kind;
}
