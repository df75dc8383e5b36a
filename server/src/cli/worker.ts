// A lint worker thread. It loads the engine and the rules once (the bundle is the CLI itself:
// main.ts starts this when it is not the main thread), receives every configuration the run
// uses once, then answers batches of files with their findings. No I/O: the main thread reads
// the files (it needs their bytes for the cache anyway) and sends them.

import { parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config.js';
import { ALL_RULES } from '../rules/index.js';
import { checkBytes, internalError, type CheckEnv, type Checked } from './check.js';
import { cliCatalogue } from './messages.js';

export interface WorkerInit {
  planlintWorker: 1;
  configs: ResolvedConfig[];
  asOf: string;
  locale?: string;
  maxFileSize: number;
  /** Compute timelines (for `--format html`). */
  timeline: boolean;
}

export interface Job {
  /** The file's index in the run (results go back in the same batch order). */
  i: number;
  bytes: Uint8Array;
  /** Index into WorkerInit.configs. */
  config: number;
}

export type JobResult = Checked & { i: number };

export const isWorkerInit = (d: unknown): d is WorkerInit => typeof d === 'object' && d !== null && (d as WorkerInit).planlintWorker === 1;

/** Structured cloning gives the null-prototype availability map an ordinary prototype: restore it. */
export function restoreConfig(c: ResolvedConfig): ResolvedConfig {
  return { ...c, catalogue: { ...c.catalogue, availability: Object.assign(Object.create(null), c.catalogue.availability) as Record<string, string[]> } };
}

export function workerMain(): void {
  const init = workerData as WorkerInit;
  const configs = init.configs.map(restoreConfig);
  const env: CheckEnv = { asOf: init.asOf, locale: init.locale, maxFileSize: init.maxFileSize, timeline: init.timeline, ruleMeta: new Map(ALL_RULES.map((r) => [r.meta.id, r.meta])) };
  parentPort!.on('message', (batch: Job[]) => {
    const out: JobResult[] = batch.map((j) => {
      try {
        return { i: j.i, ...checkBytes(j.bytes, configs[j.config], env) };
      } catch (e) {
        return { i: j.i, findings: [internalError(e, cliCatalogue(env.locale))], upcoming: [] };
      }
    });
    parentPort!.postMessage(out);
  });
}
