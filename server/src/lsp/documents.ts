// Open documents and the latest lint result per document version: features read the
// cached result (parse, model, findings) and never re-parse. Changes are applied here in
// the negotiated position encoding (so UTF-8 clients can sync incrementally).
//
// With a lint worker (lintWorker.ts, the server's normal case) the rule checks of a large text
// run in a worker thread; the main thread parses it only when a feature asks for the parsed
// document (hover, completion, symbols...), once per version, and not at all past
// FEATURES_MAX_CHARS. Realistic plans (under WORKER_MIN_CHARS) and every document without a
// worker (in-process tests) are linted here, as before.

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { Finding } from '../engine/types.js';
import { Converter, type PositionEncoding } from './convert.js';
import { stoppedFinding, type Checker } from './checker.js';
import { hasTopLevelPlanKey, isPlan, PLAN_LANGUAGE_IDS } from '../project/planFiles.js';

export { PLAN_LANGUAGE_IDS };

export interface Linted {
  version: number;
  /** The key the result was computed for (asOf + config identity). */
  key: string;
  /** The text that was linted. */
  text?: string;
  /** The findings, without parsing anything on this thread (set when they came from the worker). */
  findings?: Finding[];
  /** The findings and the parsed document (from a worker: parsed here when first read). */
  result: LintResult;
  conv: Converter;
  /** The options the result was linted with (for fix-all passes). */
  options: LintOptions;
}

export class Doc {
  /** Lines/encoding view of the current text, built lazily. */
  private _conv?: Converter;
  linted?: Linted;
  /** A check in the worker for this version and key, shared by every request that needs it. */
  pending?: { version: number; key: string; text: string; promise: Promise<Linted | undefined> };

  constructor(
    readonly uri: string,
    public languageId: string,
    public version: number,
    public text: string,
    private readonly encoding: PositionEncoding,
  ) {}

  get conv(): Converter {
    if (!this._conv) this._conv = new Converter(this.text, this.encoding);
    return this._conv;
  }

  /**
   * Apply a didChange batch, all or nothing: every change is checked (a `text` string; a range
   * of whole non-negative numbers, start not after end) and applied to a copy, and the
   * document changes only when all of them are good. A bad batch throws `BadChange` naming
   * which change is wrong (never the text) and leaves the document as it was.
   */
  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    if (!Array.isArray(changes)) throw new BadChange('contentChanges is not a list');
    changes.forEach((c, i) => {
      const why = badChange(c);
      if (why) throw new BadChange(`change ${i + 1} of ${changes.length}: ${why}`);
    });
    let text = this.text;
    let conv: Converter | undefined = this._conv;
    for (const c of changes) {
      if ('range' in c && c.range) {
        conv ??= new Converter(text, this.encoding);
        const span = conv.toSpan(c.range);
        text = text.slice(0, span.start) + c.text + text.slice(span.end);
      } else {
        text = c.text;
      }
      conv = undefined;
    }
    this.text = text;
    this._conv = conv;
    this.version = version;
  }

  /** Whether this document is a sentence plan we should check. */
  isPlan(): boolean {
    // The one plan test (project/planFiles.ts), remembered for the text it was asked about.
    if (this.planMemo?.text !== this.text || this.planMemo.languageId !== this.languageId) {
      this.planMemo = { text: this.text, languageId: this.languageId, value: isPlan(this.uri, this.text, this.languageId) };
    }
    return this.planMemo.value;
  }
  private planMemo?: { text: string; languageId: string; value: boolean };
}

/** A didChange batch that was not applied (the document is unchanged). */
export class BadChange extends Error {
  override name = 'BadChange';
}

const isPos = (p: unknown): p is { line: number; character: number } =>
  typeof p === 'object' && p !== null && Number.isSafeInteger((p as { line: unknown }).line) && Number.isSafeInteger((p as { character: unknown }).character) && (p as { line: number }).line >= 0 && (p as { character: number }).character >= 0;

/** Why one content change is malformed, or undefined. */
function badChange(c: unknown): string | undefined {
  if (typeof c !== 'object' || c === null) return 'not an object';
  const ch = c as { text?: unknown; range?: unknown };
  if (typeof ch.text !== 'string') return 'no text';
  if (ch.range === undefined || ch.range === null) return undefined;
  const r = ch.range as { start?: unknown; end?: unknown };
  if (typeof r !== 'object' || !isPos(r.start) || !isPos(r.end)) return 'a range that is not two positions of whole non-negative numbers';
  if (r.end.line < r.start.line || (r.end.line === r.start.line && r.end.character < r.start.character)) return 'a range whose end is before its start';
  return undefined;
}

/** A top-level `sentence_plan` key (the plan format's marker; project/planFiles.ts). */
export const hasPlanKey = hasTopLevelPlanKey;

export interface LintInputs {
  asOf: string;
  config: ResolvedConfig;
  maxChars: number;
  /** The locale messages are rendered in. */
  locale?: string;
  /** Identity of the config object (changes when the config is reloaded). */
  configKey: string;
}

/**
 * Plans up to this many characters are checked on the main thread, as before the worker: a
 * realistic plan (5,000 lines is about 150,000 characters) gets its diagnostics and its parsed
 * document in one step, so the first hover after an edit costs nothing more. Larger texts go to
 * the worker, where a time or memory budget can stop them. PLANLINT_LSP_LINT_WORKER_MIN_CHARS
 * overrides it (0: every document in the worker).
 */
export const WORKER_MIN_CHARS = 200_000;

/**
 * Over this many characters the main thread does not parse a document for hover, completion,
 * outline and the like (the worker still checks it): parsing such a file would block the server
 * for seconds after each edit. No realistic plan comes near it.
 */
export const FEATURES_MAX_CHARS = 1_000_000;

function minCharsFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const n = Number(env.PLANLINT_LSP_LINT_WORKER_MIN_CHARS);
  return env.PLANLINT_LSP_LINT_WORKER_MIN_CHARS !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : WORKER_MIN_CHARS;
}

export class Documents {
  private docs = new Map<string, Doc>();
  private readonly workerMinChars: number;

  constructor(
    public encoding: PositionEncoding = 'utf-16',
    /** Where the rule checks run; without it, in this thread. */
    private readonly worker?: Checker,
    /** The host's environment (PLANLINT_LSP_LINT_WORKER_MIN_CHARS); none in the browser. */
    env: Readonly<Record<string, string | undefined>> = typeof process === 'undefined' ? {} : process.env,
  ) {
    this.workerMinChars = minCharsFromEnv(env);
  }

  open(uri: string, languageId: string, version: number, text: string): Doc {
    const d = new Doc(uri, languageId, version, text, this.encoding);
    this.docs.set(uri, d);
    return d;
  }

  get(uri: string): Doc | undefined {
    return this.docs.get(uri);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.worker?.cancel(uri);
  }

  all(): Doc[] {
    return [...this.docs.values()];
  }

  /**
   * The lint result for the document's current version, computed once per version and inputs.
   * A result for a version that is no longer current is returned to its caller (who checks the
   * version) but never kept; undefined when a newer check of the document superseded this one.
   */
  lint(doc: Doc, inputs: LintInputs): Promise<Linted | undefined> {
    const key = `${inputs.asOf}|${inputs.configKey}|${inputs.maxChars}|${inputs.locale ?? 'en'}`;
    const l = doc.linted;
    if (l && l.version === doc.version && l.key === key && (l.text ?? l.result.parsed.text) === doc.text) return Promise.resolve(l);
    const options: LintOptions = { asOf: inputs.asOf, config: inputs.config, maxChars: inputs.maxChars, ...(inputs.locale && inputs.locale !== 'en' ? { locale: inputs.locale } : {}) };
    if (!this.worker || doc.text.length < this.workerMinChars) {
      const result = lint(doc.text, options);
      const conv = result.parsed.lines.text === doc.text ? new Converter(result.parsed.lines, this.encoding) : doc.conv;
      doc.linted = { version: doc.version, key, result, conv, options };
      return Promise.resolve(doc.linted);
    }
    const p = doc.pending;
    if (p && p.version === doc.version && p.key === key && p.text === doc.text) return p.promise;
    const { version, text } = doc;
    const conv = doc.conv;
    const promise = this.worker.check({ key: doc.uri, text, options: { ...options, config: inputs.config }, configKey: inputs.configKey }).then((o) => {
      if (doc.pending?.promise === promise) doc.pending = undefined;
      if (o.kind === 'superseded') return undefined;
      const stopped = o.kind === 'stopped';
      const findings = stopped ? [stoppedFinding(o, conv.lines.lineEnd(0), inputs.locale)] : o.findings;
      const linted = workerLinted(version, key, text, findings, options, conv, stopped || text.length > FEATURES_MAX_CHARS);
      if (doc.version === version && doc.text === text) doc.linted = linted;
      return linted;
    });
    doc.pending = { version, key, text, promise };
    return promise;
  }
}

/**
 * A worker's findings with the parsed document behind them: parsed on this thread the first
 * time a feature reads `result` (the rules are not run again). A document whose check was
 * stopped is not parsed here at all: features see an empty document.
 */
function workerLinted(version: number, key: string, text: string, findings: Finding[], options: LintOptions, conv: Converter, stopped: boolean): Linted {
  let result: LintResult | undefined;
  return {
    version,
    key,
    text,
    conv,
    options,
    findings,
    get result(): LintResult {
      if (!result) {
        const config = options.config ? { ...options.config, checks: [] } : undefined;
        const parsedOnly = lint(stopped ? '' : text, { ...options, config, rules: [] });
        result = { ...parsedOnly, findings };
      }
      return result;
    },
  };
}
