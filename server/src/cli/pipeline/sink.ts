// Pipeline stage 5, sink: per file, in order, the baseline hides what it records, --quiet keeps
// the errors and the summary counts what is left; then the reports are written (streamed file
// by file when every format allows it, else whole at the end), a baseline being written or
// pruned is written, and the exit status is decided.

import type { CliOptions } from '../args.js';
import { applyBaseline, baselineName, baselineText, countFindings, countTotal, nextBaseline, writeBaseline, type Baseline, type readBaseline } from '../baseline.js';
import { allStreaming, ReportStream, writeWhole, type BaseContext } from '../emit.js';
import { forTerminal } from '../escape.js';
import { addToSummary, type FileReport, type RunSummary } from '../report.js';
import type { Prepared } from './check.js';
import type { MessageCatalogue, Msg } from '../../engine/messages.js';
import { say, sayMsg } from '../messages.js';

export type SinkOptions = Pick<CliOptions, 'outputs' | 'baseline' | 'quiet' | 'exitZero' | 'maxWarnings'>;

export class Sink {
  readonly summary: RunSummary = { files: 0, errors: 0, warnings: 0, infos: 0, fixable: 0 };
  private warningsBeforeQuiet = 0;
  private baselined = 0;
  private readonly stream?: ReportStream;
  private readonly streamBaseline?: Baseline;
  /** Files written so far (streaming); their slots in `prepared` are let go. */
  private emitted = 0;

  constructor(
    private readonly opts: SinkOptions,
    private readonly base: BaseContext,
    private readonly io: { stdout(s: string): void; stderr(s: string): void },
    /** The absolute path of --baseline, and what was read from it. */
    private readonly bpath: string,
    private readonly oldBaseline: Awaited<ReturnType<typeof readBaseline>> | undefined,
    /** --fix prints notes between files: those runs write their reports at the end. */
    fixing: boolean,
    private readonly failure: Failure,
  ) {
    // Writing or pruning a baseline needs every file's counts first: also written at the end.
    const streaming = !fixing && allStreaming(opts.outputs) && (!opts.baseline || opts.baseline.mode === 'filter');
    if (streaming) this.stream = new ReportStream(opts.outputs, base, io.stdout, (m) => this.fail(m));
    this.streamBaseline = opts.baseline && oldBaseline?.ok ? oldBaseline.baseline : undefined;
  }

  get streaming(): boolean {
    return this.stream !== undefined;
  }

  private fail(msg: string): void {
    this.failure.fail(msg);
  }

  private settle(report: FileReport, baseline: Baseline | undefined): void {
    if (baseline) this.baselined += applyBaseline([report], baseline, this.bpath);
    for (const f of report.findings) if (f.severity === 'warning') this.warningsBeforeQuiet++;
    if (this.opts.quiet) report.findings = report.findings.filter((f) => f.severity === 'error');
    addToSummary(this.summary, report);
  }

  /** Streaming: write every file that is ready, in order, and let its report go. */
  drain(prepared: (Prepared | undefined)[]): void {
    if (!this.stream) return;
    while (this.emitted < prepared.length) {
      const p = prepared[this.emitted];
      if (!p || p.job) return;
      if (p.failMsg) this.fail(p.failMsg);
      this.settle(p.report, this.streamBaseline);
      this.stream.file(p.report);
      prepared[this.emitted] = WRITTEN;
      this.emitted++;
    }
  }

  /** Every file is checked: write what is left, then the exit status. */
  async end(prepared: (Prepared | undefined)[], beforeReports: () => Promise<void>): Promise<number> {
    const { opts, io } = this;
    this.drain(prepared);
    const reports: FileReport[] = this.stream ? [] : prepared.map((p) => p!.report);
    if (!this.stream) for (const p of prepared) if (p!.failMsg) this.fail(p!.failMsg);
    await beforeReports();
    if (!this.stream) {
      // The baseline: hide what it records, or record today's findings (and hide them).
      const baseline = await this.baselineFor(reports);
      for (const r of reports) this.settle(r, baseline);
    }
    if (opts.baseline) this.summary.baselined = this.baselined;
    // The stylish summary says how many findings the baseline hid; other formats keep their contract.
    if (opts.baseline && this.baselined > 0 && !opts.outputs.some((o) => o.file === undefined && o.format === 'stylish')) {
      io.stderr(`planlint: ${say(this.base.catalogue, 'cli.baseline.hidden', { n: this.baselined, file: forTerminal(opts.baseline.file) })}\n`);
    }
    if (this.stream) this.stream.finish(this.summary, this.failure.failed);
    else writeWhole(opts.outputs, reports, this.base, this.summary, () => this.failure.failed, io.stdout, (m) => this.fail(m));

    if (this.failure.failed) return 2;
    if (opts.exitZero) return 0;
    if (this.summary.errors > 0) return 1;
    if (opts.maxWarnings !== undefined && this.warningsBeforeQuiet > opts.maxWarnings) {
      io.stderr(`planlint: ${say(this.base.catalogue, 'cli.maxWarnings', { n: this.warningsBeforeQuiet, max: opts.maxWarnings })}\n`);
      return 1;
    }
    return 0;
  }

  private async baselineFor(reports: readonly FileReport[]): Promise<Baseline | undefined> {
    const { opts, oldBaseline, bpath } = this;
    if (!opts.baseline || !oldBaseline) return undefined;
    const mode = opts.baseline.mode;
    if (mode === 'filter') return oldBaseline.ok ? oldBaseline.baseline : { files: {} };
    const oldCounts = oldBaseline.ok ? oldBaseline.baseline.files : {};
    const today = countFindings(reports, bpath);
    const checked = new Set(reports.filter((r) => r.absolute !== undefined && r.readError === undefined).map((r) => baselineName(bpath, r.absolute!)));
    const nextCounts = await nextBaseline(mode, oldCounts, today, checked, bpath);
    if (mode === 'write' || baselineText(nextCounts) !== baselineText(oldCounts)) {
      const err = await writeBaseline(bpath, nextCounts);
      const file = forTerminal(opts.baseline.file);
      if (err) this.fail(say(this.base.catalogue, 'cli.baseline.writeFailed', { file, error: err }));
      else this.io.stderr(`planlint: ${say(this.base.catalogue, 'cli.baseline.written', { mode, file, findings: countTotal(nextCounts), files: Object.keys(nextCounts).length })}\n`);
    }
    return { files: nextCounts };
  }
}

/** A run's failures (exit 2): said on stderr as they happen, remembered for the exit status. */
export class Failure {
  failed = false;
  constructor(
    private readonly stderr: (s: string) => void,
    /** The run's catalogue: a failure given by id is said in its locale. */
    private readonly catalogue?: MessageCatalogue,
  ) {}
  fail = (msg: string | Msg): void => {
    this.failed = true;
    this.stderr(`planlint: ${sayMsg(this.catalogue, msg)}\n`);
  };
}

/** What a written file's slot holds: its report is let go. */
const WRITTEN: Prepared = { report: { file: '', findings: [] } };
