// Running the check stage over every item: in this thread (reading a few files ahead while
// linting one at a time; --fix always runs here), or in worker threads (files go out in
// batches). Either way each file's result lands in `prepared[i]` and the sink writes files in
// order as they become ready, so the report is the same whichever ran.

import type { ResolvedConfig } from '../../engine/config.js';
import { checkBytes, type CheckEnv } from '../check.js';
import { LintPool } from '../pool.js';
import type { Job, JobResult } from '../worker.js';
import type { CheckStage, Prepared } from './check.js';
import type { Item } from './discover.js';
import { fixFile, type FixEnv } from './fixFile.js';
import type { Sink } from './sink.js';

const READ_AHEAD = 8;

export interface ScheduleInput {
  items: readonly Item[];
  configs: readonly ResolvedConfig[];
  stage: CheckStage;
  sink: Sink;
  /** Filled in as files are read and checked (the sink lets written slots go). */
  prepared: (Prepared | undefined)[];
  checkEnv: CheckEnv;
  /** Set under --fix or --fix-dry-run: every file goes through fixFile, in this thread. */
  fix?: FixEnv;
  /** Worker threads to use (0: this thread) and the script they run. */
  threads: number;
  workerScript?: string;
}

export async function checkAll(s: ScheduleInput): Promise<void> {
  if (s.threads > 0 && s.workerScript && !s.fix && (await inWorkers(s, s.workerScript))) return;
  await inThisThread(s);
}

async function inThisThread(s: ScheduleInput): Promise<void> {
  const { items, stage, prepared } = s;
  const reads: (Promise<Prepared> | undefined)[] = [];
  let next = 0;
  const kick = (): void => {
    if (next < items.length) {
      const i = next++;
      reads.push(stage.prepare(items[i], s.configs[i]));
    }
  };
  for (let i = 0; i < READ_AHEAD; i++) kick();
  for (let i = 0; i < items.length; i++) {
    s.sink.drain(prepared);
    const p = (prepared[i] = (await reads[i])!);
    reads[i] = undefined; // the slot in `prepared` is what keeps the report, until it is written
    kick();
    if (!p.job) continue;
    if (!s.fix) {
      stage.finish(items[i], p, checkBytes(p.job.snapshot.bytes, p.job.config, s.checkEnv));
      continue;
    }
    const out = await fixFile(items[i], p.job.snapshot, p.job.config, s.fix);
    if (out.changed) stage.rewritten(items[i], p, out);
    else stage.finish(items[i], p, out);
  }
}

/** False when the threads could not be started (the caller lints here instead). */
async function inWorkers(s: ScheduleInput, script: string): Promise<boolean> {
  const { items, stage, prepared, checkEnv } = s;
  const configs: ResolvedConfig[] = [];
  const configIndex = new Map<ResolvedConfig, number>();
  for (const c of s.configs) if (!configIndex.has(c)) configIndex.set(c, configs.push(c) - 1);
  let pool: LintPool;
  try {
    pool = new LintPool(script, s.threads, { planlintWorker: 1, configs, asOf: checkEnv.asOf, locale: checkEnv.locale, maxFileSize: checkEnv.maxFileSize, timeline: !!checkEnv.timeline });
  } catch {
    return false;
  }
  const batchSize = Math.max(1, Math.min(32, Math.ceil(items.length / (s.threads * 8))));
  let next = 0;
  const takeBatch = (): Promise<number[]> | undefined => {
    if (next >= items.length) return undefined;
    const idx: number[] = [];
    for (let k = 0; k < batchSize && next < items.length; k++) idx.push(next++);
    return Promise.all(idx.map(async (i) => ((prepared[i] = await stage.prepare(items[i], s.configs[i])), i)));
  };
  const slot = async (k: number): Promise<void> => {
    let ahead = takeBatch();
    while (ahead) {
      const idx = await ahead;
      s.sink.drain(prepared); // files answered from the cache may be ready to write
      ahead = takeBatch(); // read the next batch while this one is linted
      const jobs: Job[] = idx.filter((i) => prepared[i]!.job).map((i) => ({ i, bytes: prepared[i]!.job!.snapshot.bytes, config: configIndex.get(prepared[i]!.job!.config)! }));
      if (!jobs.length) continue;
      let results: JobResult[];
      try {
        results = await pool.lint(k, jobs);
      } catch {
        // A worker that fails does not lose files: lint its batch here.
        results = jobs.map((j) => ({ i: j.i, ...checkBytes(j.bytes, prepared[j.i]!.job!.config, checkEnv) }));
      }
      for (const res of results) stage.finish(items[res.i], prepared[res.i]!, res);
      s.sink.drain(prepared);
    }
  };
  try {
    await Promise.all(Array.from({ length: pool.size }, (_, k) => slot(k)));
  } finally {
    await pool.close();
  }
  return true;
}
