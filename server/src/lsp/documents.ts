// Open documents and the latest lint result per document version: features read the
// cached result (parse, model, findings) and never re-parse. Changes are applied here in
// the negotiated position encoding (so UTF-8 clients can sync incrementally).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { ResolvedConfig } from '../engine/config.js';
import { Converter, type PositionEncoding } from './convert.js';
import { hasTopLevelPlanKey, isPlan, PLAN_LANGUAGE_IDS } from '../project/planFiles.js';

export { PLAN_LANGUAGE_IDS };

export interface Linted {
  version: number;
  /** The key the result was computed for (asOf + config identity). */
  key: string;
  result: LintResult;
  conv: Converter;
  /** The options the result was linted with (for fix-all passes). */
  options: LintOptions;
}

export class Doc {
  /** Lines/encoding view of the current text, built lazily. */
  private _conv?: Converter;
  linted?: Linted;

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
  /** Identity of the config object (changes when the config is reloaded). */
  configKey: string;
}

export class Documents {
  private docs = new Map<string, Doc>();

  constructor(public encoding: PositionEncoding = 'utf-16') {}

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
  }

  all(): Doc[] {
    return [...this.docs.values()];
  }

  /** The lint result for the document's current version, computed once per version and inputs. */
  lint(doc: Doc, inputs: LintInputs): Linted {
    const key = `${inputs.asOf}|${inputs.configKey}|${inputs.maxChars}`;
    const l = doc.linted;
    if (l && l.version === doc.version && l.key === key && l.result.parsed.text === doc.text) return l;
    const options: LintOptions = { asOf: inputs.asOf, config: inputs.config, maxChars: inputs.maxChars };
    const result = lint(doc.text, options);
    const conv = result.parsed.lines.text === doc.text ? new Converter(result.parsed.lines, this.encoding) : doc.conv;
    doc.linted = { version: doc.version, key, result, conv, options };
    return doc.linted;
  }
}
