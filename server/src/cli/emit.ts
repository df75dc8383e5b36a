// Writing reports. Streaming formats (stylish, json, github, compact) are written file by file
// as findings arrive, in file order, so a large run holds no finding after it is written and
// its first results appear at once. A report file is written to a temporary file in the same
// folder and renamed into place at the end, so a reader never sees half a report and a run
// that is killed leaves the previous report alone. Whole-document formats (sarif, junit,
// html) are written at the end from every file's report.

import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { OutputSpec } from './args.js';
import { forTerminal } from './escape.js';
import { ioReason } from './files.js';
import { FORMATTERS, STREAMING, type FileUpcoming, type FormatContext, type StreamingFormatter } from './formats/index.js';
import type { FileReport } from './report.js';
import type { MessageCatalogue } from '../engine/messages.js';
import { say } from './messages.js';

export type BaseContext = Omit<FormatContext, 'summary' | 'color' | 'executionFailed'> & { color: boolean };

interface Sink {
  spec: OutputSpec;
  /** Colour applies to standard output only. */
  color: boolean;
  write(text: string): void;
  /** Finish: rename the temporary file into place. Returns false when the report could not be written. */
  close(): boolean;
}

/** Whether every requested format can be written file by file. */
export const allStreaming = (outputs: readonly OutputSpec[]): boolean => outputs.every((o) => STREAMING[o.format] !== undefined);

function openSink(spec: OutputSpec, cwd: string, stdout: (s: string) => void, color: boolean, fail: (msg: string) => void, catalogue?: MessageCatalogue): Sink {
  if (spec.file === undefined) return { spec, color, write: stdout, close: () => true };
  const path = resolve(cwd, spec.file);
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  let broken = false;
  const failWith = (e: unknown): void => {
    if (broken) return;
    broken = true;
    fail(say(catalogue, 'cli.reportWriteFailed', { format: spec.format, file: forTerminal(spec.file!), reason: ioReason(e) }));
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already reported
      }
      fd = undefined;
    }
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to remove
    }
  };
  try {
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(tmp, 'w', 0o644);
  } catch (e) {
    failWith(e);
  }
  return {
    spec,
    color: false,
    write(text) {
      if (broken || fd === undefined || !text) return;
      try {
        writeSync(fd, text);
      } catch (e) {
        failWith(e);
      }
    },
    close() {
      if (broken || fd === undefined) return false;
      try {
        closeSync(fd);
        fd = undefined;
        renameSync(tmp, path);
        return true;
      } catch (e) {
        failWith(e);
        return false;
      }
    },
  };
}

/** Streaming reports: `head` at once, `file` per file in order, `finish` with the summary. */
export class ReportStream {
  private readonly sinks: { sink: Sink; f: StreamingFormatter }[];
  private files = 0;
  private readonly upcoming: FileUpcoming[] = [];

  constructor(
    outputs: readonly OutputSpec[],
    private readonly base: BaseContext,
    stdout: (s: string) => void,
    fail: (msg: string) => void,
  ) {
    this.sinks = outputs.map((spec) => {
      const sink = openSink(spec, base.cwd, stdout, spec.file === undefined && base.color, fail, base.catalogue);
      const f = STREAMING[spec.format]!;
      sink.write(f.head(this.ctx(sink)));
      return { sink, f };
    });
  }

  private ctx(sink: Sink): Omit<FormatContext, 'summary'> {
    return { ...this.base, color: sink.color, executionFailed: false };
  }

  file(report: FileReport): void {
    for (const { sink, f } of this.sinks) sink.write(f.file(report, this.files, this.ctx(sink)));
    for (const u of report.upcoming ?? []) this.upcoming.push({ file: report.file, ...u });
    this.files++;
  }

  finish(summary: FormatContext['summary'], executionFailed: boolean): void {
    for (const { sink, f } of this.sinks) {
      sink.write(f.tail({ ...this.ctx(sink), summary, executionFailed }, this.files, this.upcoming));
      sink.close();
    }
  }
}

/** Whole reports, written at the end (formats that are one document). */
export function writeWhole(
  outputs: readonly OutputSpec[],
  reports: readonly FileReport[],
  base: BaseContext,
  summary: FormatContext['summary'],
  executionFailed: () => boolean,
  stdout: (s: string) => void,
  fail: (msg: string) => void,
): void {
  for (const spec of outputs) {
    const sink = openSink(spec, base.cwd, stdout, spec.file === undefined && base.color, fail, base.catalogue);
    const ctx: FormatContext = { ...base, color: sink.color, summary, executionFailed: executionFailed() };
    sink.write(FORMATTERS[spec.format](reports, ctx));
    sink.close();
  }
}
