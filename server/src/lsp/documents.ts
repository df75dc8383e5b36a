// Open documents and the latest lint result per document version: features read the
// cached result (parse, model, findings) and never re-parse. Changes are applied here in
// the negotiated position encoding (so UTF-8 clients can sync incrementally).

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';
import type { ResolvedConfig } from '../engine/config.js';
import { Converter, type PositionEncoding } from './convert.js';

export const PLAN_LANGUAGE_IDS = ['sentence-plan', 'yaml'];

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

  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const c of changes) {
      if ('range' in c && c.range) {
        const span = this.conv.toSpan(c.range);
        this.text = this.text.slice(0, span.start) + c.text + this.text.slice(span.end);
      } else {
        this.text = c.text;
      }
      this._conv = undefined;
    }
    this.version = version;
  }

  /** Whether this document is a sentence plan we should check. */
  isPlan(): boolean {
    if (this.languageId === 'sentence-plan') return true;
    if (!PLAN_LANGUAGE_IDS.includes(this.languageId)) return false;
    if (/\.plan\.ya?ml$/i.test(this.uri.split('?')[0])) return true;
    return hasPlanKey(this.text);
  }
}

/** A top-level `sentence_plan:` key (the plan format's marker). */
export function hasPlanKey(text: string): boolean {
  return /(^\uFEFF?|[\r\n])["']?sentence_plan["']?[ \t]*:/.test(text);
}

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
