// Pipeline stage 4, check: a file's findings, from the cache when it holds this file's bytes
// under this configuration, else from cli/check.ts (in this thread or a worker, the scheduler
// decides) or, under --fix, from fixFile.ts. The baseline is applied by the sink.

import type { ResolvedConfig } from '../../engine/config.js';
import type { Checked } from '../check.js';
import { sha256, type ConfigHasher, type LintCache } from '../cache.js';
import type { FileReport } from '../report.js';
import type { ReadSnapshot } from '../write.js';
import type { Item } from './discover.js';
import { unreadReport } from './source.js';
import type { MessageCatalogue } from '../../engine/messages.js';

/** One file on its way through the pipeline. */
export interface Prepared {
  report: FileReport;
  /** A failure to report on stderr when the file is written out (exit 2). */
  failMsg?: string;
  /** Set while the file still has to be linted. */
  job?: { snapshot: ReadSnapshot; config: ResolvedConfig; cacheKey?: string };
}

export interface CheckStageOptions {
  /** The run's catalogue (what is said of a file that was not read). */
  catalogue?: MessageCatalogue;
  asOf: string;
  maxFileSize: number;
  cache?: LintCache;
  hasher: ConfigHasher;
  /** --fix: a cached file with fixable findings is linted again, so its fixes are applied. */
  fix: boolean;
  /** --fix-dry-run never uses the cache (its diff needs the text). */
  fixDryRun: boolean;
  /** An html report: the timeline is needed too. */
  wantTimeline: boolean;
  /** The stylish report shows reviews falling due soon. */
  showUpcoming: boolean;
}

export class CheckStage {
  constructor(private readonly o: CheckStageOptions) {}

  /** Read the item; answer it from the cache when possible, else leave a job to lint. */
  async prepare(it: Item, config: ResolvedConfig): Promise<Prepared> {
    const { o } = this;
    const r = await it.read();
    const report: FileReport = { file: it.display, absolute: it.absolute, findings: [] };
    const unread = unreadReport(it.display, report, r, o.maxFileSize, o.catalogue);
    if (unread || r.kind !== 'ok') return { report, ...unread };
    let cacheKey: string | undefined;
    if (o.cache && it.absolute !== undefined && !o.fixDryRun) {
      cacheKey = `${sha256(r.snapshot.bytes)}:${o.hasher.hash(config)}`;
      const hit = o.cache.get(it.absolute, cacheKey);
      // Under --fix a file with fixable findings is linted again so its fixes are applied.
      // An html report needs the timeline too, drawn for today's as-of date.
      const timelineOk = !o.wantTimeline || hit?.timeline === null || hit?.timeline?.asOf === o.asOf;
      if (hit && timelineOk && !(o.fix && hit.findings.some((f) => f.fixable))) {
        report.findings = hit.findings; // never mutated: --quiet and --baseline filter into new arrays
        if (o.showUpcoming && hit.upcoming.length) report.upcoming = hit.upcoming;
        if (o.wantTimeline && hit.timeline) report.timeline = hit.timeline;
        return { report };
      }
    }
    return { report, job: { snapshot: r.snapshot, config, cacheKey } };
  }

  /** Store a lint's results in the file's report (and the cache), and let the bytes go. */
  finish(it: Item, p: Prepared, checked: Checked): void {
    const { o } = this;
    p.report.findings = checked.findings;
    if (o.showUpcoming && checked.upcoming.length) p.report.upcoming = checked.upcoming;
    if (checked.timeline) p.report.timeline = checked.timeline;
    if (o.cache && p.job?.cacheKey !== undefined && it.absolute !== undefined)
      o.cache.set(it.absolute, { key: p.job.cacheKey, findings: checked.findings, upcoming: checked.upcoming, ...(o.wantTimeline ? { timeline: checked.timeline ?? null } : {}) });
    p.job = undefined;
  }

  /** A file --fix rewrote: its report shows what is left, and it is not cached (its new content is linted next time). */
  rewritten(it: Item, p: Prepared, checked: Checked): void {
    p.report.findings = checked.findings;
    if (this.o.showUpcoming && checked.upcoming.length) p.report.upcoming = checked.upcoming;
    if (checked.timeline) p.report.timeline = checked.timeline;
    if (it.absolute !== undefined) this.o.cache?.delete(it.absolute);
    p.job = undefined;
  }
}
