// schema/yaml-syntax: every YAML syntax problem, in plain English, at its position.
// The problems are collected by engine/parse.ts (and lint.ts for the alias limit); this
// rule words them for a practitioner. It never quotes plan content beyond a key or tag.

import type { MessageData } from '../../engine/messages.js';
import { MAX_ALIAS_COUNT, type SyntaxProblem } from '../../engine/parse.js';
import { isQuotableCode } from '../../engine/privacy.js';
import type { Rule } from '../../engine/rule.js';
import { allKnownKeys } from '../../engine/schema.js';
import { dict, truncate } from './support.js';

/** planlint's own notices, already worded for people. */
const OWN = new Set(['MULTIPLE_DOCUMENTS', 'ALIAS_LIMIT', 'TOO_DEEP', 'DUPLICATE_DIRECTIVE']);
/** Problems that are always their own finding. */
const KEEP_APART = new Set(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED', ...OWN]);
/** How generic a code's wording is: on one line, the most specific problem is the one shown. */
const GENERIC: Record<string, number> = dict({ MULTILINE_IMPLICIT_KEY: 1, MISSING_CHAR: 2, UNEXPECTED_TOKEN: 3 });

/** The span of the key starting at `start`: a quoted key to its closing quote, a plain one to its `:`. */
export function keySpan(text: string, start: number): { start: number; end: number } | undefined {
  const q = text[start];
  if (q === '"' || q === "'") {
    for (let i = start + 1; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) {
      if (text[i] === '\\' && q === '"') i++;
      else if (text[i] === q) {
        if (q === "'" && text[i + 1] === "'") i++;
        else return { start, end: i + 1 };
      }
    }
    return undefined;
  }
  const m = /^[^\r\n]*?(?=\s*:(\s|$))/.exec(text.slice(start, start + 1100));
  return m && m[0].length ? { start, end: start + m[0].length } : undefined;
}

/** Source text of a problem's span, unquoted, for naming a key or tag (never a value). */
function sourceName(text: string, p: SyntaxProblem): string {
  const raw = text.slice(p.span.start, p.span.end).trim();
  const unq = /^(["'])(.*)\1$/s.exec(raw);
  return truncate(unq ? unq[2] : raw);
}

/** Every sentence schema/yaml-syntax can say, by message id. */
const MESSAGES: Readonly<Record<string, string>> = {
  duplicateKey: 'Duplicate key `{key}`: a key may appear once in a mapping; the second one would silently win. Merge the two or remove one.',
  duplicateKeyUnnamed: 'Duplicate key: a key may appear once in a mapping; the second one would silently win. Merge the two or remove one.',
  tag: 'This tag is not supported: planlint never executes, includes or loads anything a tag names, so the value is read as plain text. Remove the tag and write the value itself.',
  flowIndent:
    "A `[ … ]` or `'{' … '}'` list or mapping is not closed here, or its next lines are not indented enough: close the bracket, or indent the continuation lines further than the key.",
  badIndent:
    'The indentation here does not line up: all keys of one mapping must start in the same column, and list items (`- `) at the same indentation. Check the spaces at the start of this line.',
  tab: 'A tab is used for indentation here, and YAML only allows spaces: replace the tab with spaces (two per level).',
  unclosedQuote: 'A quoted value is not closed: add the matching closing quote, or remove the opening one.',
  unclosedBracket: "A `[ … ]` or `'{' … '}'` is not closed: add the closing bracket.",
  missingChar: 'Something is missing here: a closing quote or bracket, a comma between items, or the `:` after a key.',
  twoPairs:
    'Two `key: value` pairs on one line: a value that contains `: ` must be quoted, and a nested key goes on its own line, indented under its parent.',
  multilineKey:
    'A key must fit on one line: the line before probably lost its `:`, or a long value that wraps onto this line needs to be quoted or indented further.',
  unexpected: 'Unexpected text here: it does not fit the structure around it. Check its indentation, and that each line is `key: value` or `- item`.',
  badStart: 'A value cannot start with `@`, a backtick or `%` unquoted: put the whole value in quotes.',
  badEscape:
    'Unknown escape sequence (a backslash) inside a double-quoted value: use single quotes instead, or write the backslash twice (`\\\\`).',
  blockInFlow:
    "A block list or mapping (`- item`, or `key:` on its own line) cannot sit inside `[ … ]` or `'{' … '}'`: use one style or the other.",
  anchors: 'A value can carry only one `&anchor`: remove the extra one.',
  tags: 'A value can carry only one `!tag`: remove the extra one (sentence plans need no tags).',
  propOrder: 'An anchor (`&name`) or tag is misplaced: it goes just before the value it names, and an alias (`*name`) cannot have one.',
  badAlias:
    'This alias (`*name`) is not valid: check that it names an anchor (`&name`) defined earlier. Plans rarely need aliases: writing the value out is clearer.',
  longKey: 'This key is over 1024 characters long, which YAML does not allow for a `key:` without a `?`; the line probably lost a line break or a `:`.',
  badDirective: 'Unknown `%` directive: remove it (a sentence plan needs no YAML directives).',
  nonStringKey: 'Keys must be plain words: a list or mapping used as a key cannot be read.',
  collectionType: 'The tag on this value does not match its kind (a list tagged as a mapping, or the other way round): remove the tag.',
  exhausted: 'The document is too complex to read safely (too many aliases or too deep); it was not read further.',
  unreadable: 'This YAML could not be read ({code}): check the quoting and indentation on this line.',
  placeholderInFlow:
    "A `$'{'placeholder'}'` inside `'{' … '}'` or `[ … ]` must be quoted, because `'{'` and `'}'` are YAML brackets there: write `\"$'{'name'}'\"`, or use one `key: value` per line.",
  // planlint's own problems (engine/parse.ts, lint.ts), worded the same there.
  multipleDocuments: 'This file holds more than one YAML document (`---`); a sentence plan is one document, so only the first is checked.',
  tooDeep:
    'This file is nested too deeply to read (thousands of levels), so it was not checked. A sentence plan is a few levels deep: check that this is the right file.',
  duplicateDirective:
    'A second `%YAML` directive before the same document: a document may have only one. Remove this line (a sentence plan needs no directives).',
  aliasLimit: 'Too many alias expansions (more than {max}): the document may be an alias bomb, so it is not read further.',
  notData: 'The document could not be read as data.',
};

/** The message id and data for a syntax problem. */
export function syntaxMessage(text: string, p: SyntaxProblem): { messageId: string; data?: MessageData } {
  switch (p.code) {
    case 'DUPLICATE_KEY': {
      // Only a key the format defines is named: any other key may be text a person typed (a name).
      const key = sourceName(text, p);
      return allKnownKeys().has(key) ? { messageId: 'duplicateKey', data: { key } } : { messageId: 'duplicateKeyUnnamed' };
    }
    case 'TAG_RESOLVE_FAILED':
      // A tag (`!Name`) may be anything a person typed: never quoted; the finding is on it.
      return { messageId: 'tag' };
    case 'BAD_INDENT':
      return { messageId: /flow/i.test(p.message) ? 'flowIndent' : 'badIndent' };
    case 'TAB_AS_INDENT':
      return { messageId: 'tab' };
    case 'MISSING_CHAR':
      return { messageId: /quote/i.test(p.message) ? 'unclosedQuote' : /[\]}]/.test(p.message) ? 'unclosedBracket' : 'missingChar' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { messageId: 'twoPairs' };
    case 'MULTILINE_IMPLICIT_KEY':
      return { messageId: 'multilineKey' };
    case 'UNEXPECTED_TOKEN':
      return { messageId: 'unexpected' };
    case 'BAD_SCALAR_START':
      return { messageId: 'badStart' };
    case 'BAD_DQ_ESCAPE':
      return { messageId: 'badEscape' };
    case 'BLOCK_IN_FLOW':
      return { messageId: 'blockInFlow' };
    case 'MULTIPLE_ANCHORS':
      return { messageId: 'anchors' };
    case 'MULTIPLE_TAGS':
      return { messageId: 'tags' };
    case 'BAD_PROP_ORDER':
    case 'ALIAS_PROPS':
      return { messageId: 'propOrder' };
    case 'BAD_ALIAS':
      return { messageId: 'badAlias' };
    case 'KEY_OVER_1024_CHARS':
      return { messageId: 'longKey' };
    case 'BAD_DIRECTIVE':
      return { messageId: 'badDirective' };
    case 'NON_STRING_KEY':
      return { messageId: 'nonStringKey' };
    case 'BAD_COLLECTION_TYPE':
      return { messageId: 'collectionType' };
    case 'RESOURCE_EXHAUSTION':
      return { messageId: 'exhausted' };
    case 'MULTIPLE_DOCUMENTS':
      return { messageId: 'multipleDocuments' };
    case 'TOO_DEEP':
      return { messageId: 'tooDeep' };
    case 'DUPLICATE_DIRECTIVE':
      return { messageId: 'duplicateDirective' };
    case 'ALIAS_LIMIT':
      // lint.ts raises this when expanding aliases fails (the limit) or the tree cannot be converted.
      return /alias/.test(p.message) ? { messageId: 'aliasLimit', data: { max: MAX_ALIAS_COUNT } } : { messageId: 'notData' };
    default:
      return { messageId: 'unreadable', data: { code: isQuotableCode(p.code) ? p.code : 'unknown' } };
  }
}

export const yamlSyntax: Rule = {
  meta: {
    id: 'schema/yaml-syntax',
    severity: 'error',
    policy: 'YAML 1.2; Plan format',
    description: 'The file is valid YAML: one finding per syntax problem, at its position.',
    fixable: 'none',
    inTemplates: true,
    messages: MESSAGES,
    docs: {
      rationale:
        'A sentence plan is a YAML 1.2 document, and a syntax error can change what the plan says without anyone noticing: ' +
        'a repeated key silently replaces the first, a bad indent moves a value under the wrong heading. ' +
        'Each problem is reported where it is, in plain words; the other rules still check whatever could be read.\n\n' +
        'Custom tags such as `!include` or `!!js/function` are never executed or followed: planlint reads plans as data only, ' +
        'so such a tag is reported and its value read as plain text.',
      bad: 'sentence:\n  establishment: !include establishments/leeds.yaml',
      good: 'sentence:\n  establishment: HMP Leeds',
    },
  },
  check(ctx) {
    const { lines, text } = ctx.parsed;
    // yaml often reports several problems for one broken line (a stray token, then the
    // key it left without a value…). The first usually causes the rest, so each line gets
    // one finding; duplicate keys, tags and planlint's own notices always get their own.
    const perLine = new Map<number, SyntaxProblem>();
    const out: SyntaxProblem[] = [];
    for (const p of [...ctx.parsed.problems].sort((a, b) => a.span.start - b.span.start)) {
      if (KEEP_APART.has(p.code)) {
        out.push({ ...p, span: { ...p.span } });
        continue;
      }
      const line = lines.positionAt(p.span.start).line;
      const prev = perLine.get(line);
      if (!prev) {
        const copy = { ...p, span: { ...p.span } };
        perLine.set(line, copy);
        out.push(copy);
        continue;
      }
      prev.span = { start: prev.span.start, end: Math.max(prev.span.end, Math.min(p.span.end, lines.lineEnd(line))) };
      if ((GENERIC[p.code] ?? 0) < (GENERIC[prev.code] ?? 0)) {
        prev.code = p.code;
        prev.message = p.message;
      }
    }
    for (const p of out) {
      if (p.code === 'DUPLICATE_KEY') p.span = keySpan(text, p.span.start) ?? p.span;
      const lineText = lines.lineText(lines.positionAt(p.span.start).line);
      const m = !OWN.has(p.code) && /[[{][^#]*\$\{/.test(lineText) ? { messageId: 'placeholderInFlow' } : syntaxMessage(text, p);
      ctx.report({ path: [], span: p.span, ...m });
    }
  },
};
