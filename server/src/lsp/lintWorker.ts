// The language server's lint worker: the rule checks run in a worker thread, so a long check
// (a 10,000-objective plan took 1.4 s on the main thread) never blocks hover, completion or
// another document's diagnostics. One thread, one check at a time, in order; a check waiting
// for a document that has a newer one queued is dropped (its result would be stale).
//
// Every check runs under a time budget (the thread is terminated when it passes it) and a
// memory budget (V8's old generation of the thread, `resourceLimits`); either way, and when
// the thread crashes, the caller gets a `stopped` outcome and the next check starts a fresh
// thread. The worker is the server bundle itself (main.ts starts `lintWorkerMain` when it is
// not the main thread): no second copy of the engine ships.

import { parentPort, Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config.js';
import { lint, type LintOptions } from '../engine/lint.js';
import { text } from './messages.js';
import type { Finding } from '../engine/types.js';
import { DEFAULT_BUDGET, type Checker, type CheckOutcome, type CheckRequest, type LintBudget } from './checker.js';

// The checker's types live in checker.ts (the browser server has no worker threads).
export { budgetFromEnv, DEFAULT_BUDGET, stoppedFinding, type CheckOutcome, type CheckRequest, type LintBudget } from './checker.js';

interface WorkerInit {
  planlintLspWorker: 1;
}
interface ToWorker {
  id: number;
  text: string;
  asOf: string;
  maxChars?: number;
  locale?: string;
  configKey: string;
  /** Sent the first time this thread sees `configKey`. */
  config?: ResolvedConfig;
}
type FromWorker = { ready: true } | { id: number; findings: Finding[] } | { id: number; failed: string };

export const isLintWorkerData = (d: unknown): d is WorkerInit => typeof d === 'object' && d !== null && (d as WorkerInit).planlintLspWorker === 1;

interface Pending {
  req: CheckRequest;
  resolve: (o: CheckOutcome) => void;
  /** Tries so far (a crash is retried once on a fresh thread). */
  tries: number;
}

export class LintWorker implements Checker {
  private thread?: Worker;
  private configsSent = new Set<string>();
  private queue: Pending[] = [];
  private running?: { p: Pending; id: number; timer: NodeJS.Timeout };
  private nextId = 1;
  /** The thread has loaded the engine (the time budget counts from then, not from start-up). */
  private ready = false;
  private failedStarts = 0;
  /** Threads cannot be started or cannot load here: check in this thread, as the server did before. */
  private inThisThread = false;
  private closed = false;
  /** Threads started so far (the first, and each replacement). */
  started = 0;

  constructor(
    private readonly script: string,
    readonly budget: LintBudget = DEFAULT_BUDGET,
  ) {}

  /** Check a document's text in the worker. Never rejects. */
  check(req: CheckRequest): Promise<CheckOutcome> {
    return new Promise((resolve) => {
      if (this.closed) return resolve({ kind: 'superseded' });
      for (const q of this.queue.filter((x) => x.req.key === req.key)) q.resolve({ kind: 'superseded' });
      this.queue = this.queue.filter((x) => x.req.key !== req.key);
      this.queue.push({ req, resolve, tries: 0 });
      this.pump();
    });
  }

  /** Drop the queued check of a document (it was closed): its caller gets `superseded`. */
  cancel(key: string): void {
    for (const q of this.queue.filter((x) => x.req.key === key)) q.resolve({ kind: 'superseded' });
    this.queue = this.queue.filter((x) => x.req.key !== key);
  }

  /** The live thread, if any (tests kill it to check recovery). */
  get current(): Worker | undefined {
    return this.thread;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue) q.resolve({ kind: 'superseded' });
    this.queue = [];
    if (this.running) this.settle({ kind: 'superseded' });
    const t = this.thread;
    this.thread = undefined;
    await t?.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(this.script, {
      workerData: { planlintLspWorker: 1 } satisfies WorkerInit,
      stdout: false,
      stderr: false,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.memoryMb, maxYoungGenerationSizeMb: 16 },
    });
    this.started++;
    // The thread never keeps the server alive on its own.
    w.unref();
    w.on('message', (m: FromWorker) => {
      if ('ready' in m) {
        if (this.thread === w) {
          this.ready = true;
          this.failedStarts = 0;
        }
        return this.pump();
      }
      if (!this.running || this.running.id !== m.id || this.thread !== w) return;
      this.settle('findings' in m ? { kind: 'ok', findings: m.findings } : { kind: 'stopped', why: 'crash', budget: this.budget });
    });
    w.on('error', (e: Error & { code?: string }) => this.lost(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash'));
    w.on('exit', () => this.lost(w, 'crash'));
    this.configsSent = new Set();
    this.ready = false;
    return w;
  }

  /** The thread stopped (out of memory, an error, or it exited): the running check is answered or retried. */
  private lost(w: Worker, why: 'memory' | 'crash'): void {
    if (this.thread !== w) return;
    this.thread = undefined;
    const r = this.running;
    if (!r) {
      // It died before it was ready (it could not load): after two such, check in this thread.
      if (!this.ready && ++this.failedStarts >= 2) this.inThisThread = true;
      return this.pump();
    }
    clearTimeout(r.timer);
    this.running = undefined;
    if (why === 'crash' && r.p.tries < 2 && !this.closed) this.queue.unshift(r.p);
    else r.p.resolve({ kind: 'stopped', why, budget: this.budget });
    this.pump();
  }

  private settle(o: CheckOutcome): void {
    const r = this.running!;
    clearTimeout(r.timer);
    this.running = undefined;
    r.p.resolve(o);
    this.pump();
  }

  private pump(): void {
    if (this.running || this.closed || !this.queue.length) return;
    let w: Worker | undefined;
    if (!this.inThisThread) {
      try {
        w = this.thread ??= this.spawn();
      } catch {
        this.inThisThread = true;
      }
    }
    if (!w) {
      const first = this.queue.shift()!;
      first.resolve(checkHere(first.req));
      return this.pump();
    }
    if (!this.ready) return; // pumped again when the thread says it is ready
    const p = this.queue.shift()!;
    p.tries++;
    const id = this.nextId++;
    const { req } = p;
    const msg: ToWorker = { id, text: req.text, asOf: req.options.asOf, maxChars: req.options.maxChars, locale: req.options.locale, configKey: req.configKey };
    if (!this.configsSent.has(req.configKey)) {
      msg.config = req.options.config;
      this.configsSent.add(req.configKey);
    }
    const timer = setTimeout(() => {
      // Over the time budget: stop the thread; the next check starts a fresh one.
      if (this.running?.id !== id) return;
      this.thread = undefined;
      void w.terminate();
      this.settle({ kind: 'stopped', why: 'time', budget: this.budget });
    }, this.budget.timeMs);
    this.running = { p, id, timer };
    w.postMessage(msg);
  }
}

function checkHere(req: CheckRequest): CheckOutcome {
  try {
    return { kind: 'ok', findings: lint(req.text, req.options).findings };
  } catch {
    return { kind: 'stopped', why: 'crash', budget: DEFAULT_BUDGET };
  }
}

/** Structured cloning gives the null-prototype availability map an ordinary prototype: restore it. */
function restoreConfig(c: ResolvedConfig): ResolvedConfig {
  return { ...c, catalogue: { ...c.catalogue, availability: Object.assign(Object.create(null), c.catalogue.availability) as Record<string, string[]> } };
}

/** A made-up plan with an objective and an action: every family of rules runs on it once. */
const WARM_UP_PLAN = 'sentence_plan: 1\nkind: plan\nobjectives:\n  - id: OBJ-1\n    description: Attend every weekly appointment and find paid work by the end of the order\nactions:\n  - id: ACT-1\n    objective: OBJ-1\n    description: Apply for two jobs each week\n';

/** The worker thread: lint each text it is sent, with the configuration sent once per key. */
export function lintWorkerMain(): void {
  const configs = new Map<string, ResolvedConfig>();
  // Warm up before saying ready: the rules' lazy parts (the SMART analysis's language model)
  // load now, so the time budget measures checking, not loading.
  try {
    lint(WARM_UP_PLAN, { asOf: '2026-01-01' });
  } catch {
    // a failure here shows again, and is reported, on the first real check
  }
  parentPort!.postMessage({ ready: true } satisfies FromWorker);
  parentPort!.on('message', (m: ToWorker) => {
    try {
      if (m.config) configs.set(m.configKey, restoreConfig(m.config));
      const config = configs.get(m.configKey);
      if (!config) throw new Error('unknown configuration');
      const { findings } = lint(m.text, { asOf: m.asOf, config, maxChars: m.maxChars, ...(m.locale ? { locale: m.locale } : {}) });
      parentPort!.postMessage({ id: m.id, findings } satisfies FromWorker);
    } catch (e) {
      parentPort!.postMessage({ id: m.id, failed: (e as Error)?.name ?? 'Error' } satisfies FromWorker);
    }
  });
}
