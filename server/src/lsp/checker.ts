// What the language server needs from whatever runs the rule checks of a large text: the
// lint worker thread in Node (lintWorker.ts), nothing in the browser (documents are checked
// in the server's own thread there). No Node import here: the browser server bundles it.

import { text } from './messages.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { LintOptions } from '../engine/lint.js';
import type { Finding } from '../engine/types.js';

export interface LintBudget {
  /** Wall-clock time one check may take in the worker. */
  timeMs: number;
  /** The worker's old-generation heap (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb: number;
}

/** Far above any real plan (milliseconds) and the largest file under the work budget (1.4 s idle, 5 s on a loaded machine). */
export const DEFAULT_BUDGET: LintBudget = { timeMs: 20_000, memoryMb: 1024 };

/** The budget, overridable for tests and constrained machines: PLANLINT_LSP_LINT_TIMEOUT_MS, PLANLINT_LSP_LINT_MEMORY_MB. */
export function budgetFromEnv(env: Readonly<Record<string, string | undefined>>): LintBudget {
  const num = (v: string | undefined, min: number, max: number, d: number): number => {
    const n = Number(v);
    return v !== undefined && Number.isFinite(n) && n >= min && n <= max ? Math.floor(n) : d;
  };
  return { timeMs: num(env.PLANLINT_LSP_LINT_TIMEOUT_MS, 10, 600_000, DEFAULT_BUDGET.timeMs), memoryMb: num(env.PLANLINT_LSP_LINT_MEMORY_MB, 16, 16_384, DEFAULT_BUDGET.memoryMb) };
}

export type CheckOutcome =
  | { kind: 'ok'; findings: Finding[] }
  /** The check was stopped: over the time or memory budget, or the thread failed twice. */
  | { kind: 'stopped'; why: 'time' | 'memory' | 'crash'; budget: LintBudget }
  /** A newer check of the same document was queued: this one was not run. */
  | { kind: 'superseded' };

export interface CheckRequest {
  /** The document (a newer request for the same key supersedes a queued one). */
  key: string;
  text: string;
  options: LintOptions & { config: ResolvedConfig };
  /** Identifies the configuration: sent to a thread once per thread. */
  configKey: string;
}

/** Runs checks off the server's thread (Node: lintWorker.ts). */
export interface Checker {
  /** Check a document's text. Never rejects. */
  check(req: CheckRequest): Promise<CheckOutcome>;
  /** Drop the queued check of a document (it was closed): its caller gets `superseded`. */
  cancel(key: string): void;
}

/** The one diagnostic a document gets when its check was stopped: which limit, never content (in the session's locale). */
export function stoppedFinding(o: Extract<CheckOutcome, { kind: 'stopped' }>, firstLineEnd: number, locale?: string): Finding {
  const seconds = (o.budget.timeMs / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  const message =
    o.why === 'time'
      ? text(locale, 'lsp.worker.time', { seconds })
      : o.why === 'memory'
        ? text(locale, 'lsp.worker.memory', { mb: o.budget.memoryMb.toLocaleString('en-GB') })
        : text(locale, 'lsp.worker.crash');
  return {
    ruleId: o.why === 'crash' ? 'meta/internal-error' : 'meta/too-complex',
    severity: 'error',
    message,
    policy: '',
    span: { start: 0, end: firstLineEnd },
    fixes: [],
    related: [],
  };
}
