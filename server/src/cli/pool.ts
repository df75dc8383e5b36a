// Worker threads for `--concurrency`: one engine per thread, loaded once; files go out in
// batches and come back with their findings. The caller keeps the order (results are stored
// by file index), so the report is the same as a run on one thread.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult, WorkerInit } from './worker.js';

/** Below this many files per thread, starting threads (~50 ms each) costs more than it saves. */
export const FILES_PER_THREAD = 50;

/** How many worker threads to use: 0 means lint in the main thread. */
export function threadCount(setting: 'auto' | 'off' | number, files: number, cores = availableParallelism()): number {
  if (setting === 'off' || files === 0) return 0;
  if (setting === 'auto') {
    const n = Math.min(cores, Math.floor(files / FILES_PER_THREAD));
    return n >= 2 ? n : 0;
  }
  return Math.max(1, Math.min(setting, files));
}

export class LintPool {
  /** Started on first use, so a run whose files all come from the cache starts no thread. */
  private readonly workers: (Worker | undefined)[];
  private broken = false;

  constructor(
    private readonly script: string,
    count: number,
    private readonly init: WorkerInit,
  ) {
    this.workers = new Array(count).fill(undefined);
  }

  get size(): number {
    return this.workers.length;
  }

  private worker(slot: number): Worker {
    let w = this.workers[slot];
    if (!w) {
      // A 16 MB young generation (V8's default here is about 48 MB): parsing makes much
      // short-lived garbage, and a smaller nursery keeps each thread's memory down at no
      // measured cost in speed (docs/performance.md). The old generation is not limited, so a
      // large file cannot run a thread out of memory.
      w = new Worker(this.script, { workerData: this.init, stdout: false, stderr: false, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
      w.on('error', () => (this.broken = true));
      this.workers[slot] = w;
    }
    return w;
  }

  /** Lint a batch on worker `slot` (each slot has at most one batch in flight). Rejects if the worker fails. */
  lint(slot: number, batch: Job[]): Promise<JobResult[]> {
    if (this.broken) return Promise.reject(new Error('a worker thread failed'));
    let w: Worker;
    try {
      w = this.worker(slot);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return new Promise((resolve, reject) => {
      const onMessage = (m: JobResult[]): void => {
        cleanup();
        resolve(m);
      };
      const onError = (e: Error): void => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`a worker thread exited (${code})`));
      };
      const cleanup = (): void => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(batch);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w?.terminate()));
  }
}
