// Plan templates -> VS Code snippets. Pure (no `vscode` import) so it can be unit-tested.
//
// A template is a plan with `kind: template` and `${name}` / `${name:default}` placeholders.
// Each placeholder becomes a snippet tab stop (the same name -> the same tab stop, so its
// copies are edited together). A stop starts with its default, or with the placeholder itself
// when there is none (`${release_date}`), so a value never filled in stays visible and is
// reported once the analyst leaves the snippet. `${today}` / `${date}` and any placeholder
// whose default is `today` (`${sentenced_on:today}`) are filled with today's date; values
// known beforehand (the prison number) are inserted as text. Everything else is escaped so
// VS Code's snippet syntax does not read it (`$`, `}` and `\`). Placeholders inside YAML
// comments are left as they are, template-only comments and the `title:` are dropped, and
// `kind: template` becomes `kind: plan`.

export interface TabStop {
  /** Tab stop number (1-based; copies of a placeholder share it). */
  index: number;
  /** Where the stop's text starts in the expanded text: 0-based line and UTF-16 column. */
  line: number;
  character: number;
  /** Length of the stop's initial text. */
  length: number;
}

export interface SnippetResult {
  /** The snippet body (VS Code snippet syntax). */
  snippet: string;
  /** Placeholder names in tab-stop order. */
  names: string[];
  /** The text the snippet inserts when every tab stop keeps its initial text. */
  text: string;
  /** Every tab stop and copy, in document order. */
  stops: TabStop[];
}

export interface SnippetOptions {
  /** Values known before the snippet starts (e.g. the prison number typed in a prompt): inserted as text, not as tab stops. */
  values?: Record<string, string>;
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)(?::([^}\r\n]*))?\}/g;
const TODAY_NAMES = new Set(['today', 'date', 'current_date', 'today_date']);

/** Escapes text so that a snippet inserts it literally. */
export function escapeSnippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Escapes text for use inside a `${n:…}` placeholder (also `,` and `|` are fine; `}` `$` `\` are not). */
const escapePlaceholder = escapeSnippetText;

/** Where a YAML comment starts on a line (a `#` at the start or after white space, outside quotes), or -1. */
export function commentStart(line: string): number {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (quote === "'" && c === "'" && line[i + 1] === "'") i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/** Whether YAML text says `kind: template` at the top level. */
export function hasTemplateKind(text: string): boolean {
  return /(^|\n)kind[ \t]*:[ \t]*["']?template["']?[ \t]*(#.*)?(\r?\n|$)/.test(text);
}

/**
 * Whether YAML text is a plan template: `kind: template`, and a plan by the one plan test,
 * which the client does not hold: `isPlanText` is the server's answer (planlint/isPlan).
 */
export function isTemplateText(text: string, isPlanText: (text: string) => boolean): boolean {
  return hasTemplateKind(text) && isPlanText(text);
}

/** The first comment line of a template, without `#` and a leading "Template:" (for templates with no `title:`). */
export function templateSummary(text: string): string | undefined {
  const m = /^[ \t]*#[ \t]*(.+)$/m.exec(text.slice(0, 2000));
  return m ? m[1].replace(/^Template:\s*/i, '').trim() : undefined;
}

/** The sentence types, in the order the quick pick lists them (their names: templateCommand.ts, localised). */
export const SENTENCE_TYPES = ['determinate', 'extended_determinate', 'life', 'ipp', 'community_order', 'suspended_sentence_order'] as const;

export interface TemplateInfo {
  /** The top-level `title:` (one line), if any. */
  title?: string;
  /** `sentence.type`, when it is written as a plain value (not a placeholder). */
  sentenceType?: string;
  /** The placeholder name at `person.prison_number` (the person's id), if that value is a placeholder. */
  idPlaceholder?: string;
}

function scalarText(raw: string): string {
  const c = commentStart(raw);
  let v = (c === -1 ? raw : raw.slice(0, c)).trim();
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) {
    v = v[0] === "'" ? v.slice(1, -1).replace(/''/g, "'") : v.slice(1, -1).replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  }
  return v;
}

/** The lines of a top-level block (`key:` then indented lines), or undefined. */
function block(lines: string[], key: string): string[] | undefined {
  const at = lines.findIndex((l) => new RegExp(`^${key}[ \\t]*:[ \\t]*(#.*)?$`).test(l));
  if (at < 0) return undefined;
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && (/^[ \t]/.test(lines[i]) || /^[ \t]*(#.*)?$/.test(lines[i])); i++) out.push(lines[i]);
  return out;
}

/** The value of `key` at the first indentation level of a block. */
function blockValue(lines: string[] | undefined, key: string): string | undefined {
  if (!lines) return undefined;
  const indent = lines.find((l) => /^[ \t]+[^ \t#]/.test(l))?.match(/^[ \t]+/)?.[0];
  if (!indent) return undefined;
  for (const l of lines) {
    const m = new RegExp(`^${indent}${key}[ \\t]*:(.*)$`).exec(l);
    if (m) return scalarText(m[1]);
  }
  return undefined;
}

/** What the quick pick shows about a template: its title, sentence type and the person's id placeholder. Reads lines, not YAML (the client stays thin). */
export function templateInfo(text: string): TemplateInfo {
  const lines = text.slice(0, 256 * 1024).split(/\r?\n/);
  const info: TemplateInfo = {};
  for (const l of lines) {
    const m = /^title[ \t]*:(.*)$/.exec(l);
    if (m) {
      const t = scalarText(m[1]).replace(/\s+/g, ' ');
      if (t && !/^[|>]/.test(t)) info.title = t.length > 200 ? t.slice(0, 199) + '…' : t;
      break;
    }
  }
  const type = blockValue(block(lines, 'sentence'), 'type');
  if (type && /^[a-z_]+$/.test(type)) info.sentenceType = type;
  const id = blockValue(block(lines, 'person'), 'prison_number');
  const pm = id ? /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)(?::[^}]*)?\}$/.exec(id) : null;
  if (pm) info.idPlaceholder = pm[1];
  return info;
}

const DIRECTIVE = /^#\s*(yaml-language-server:|planlint-)/;
const TEMPLATE_NOTE = /^#\s*template\s*:/i;

/**
 * Drops what is only for template readers: the header (comment and blank lines before the first
 * data line, except directives such as `# yaml-language-server:` or `# planlint-disable`), any
 * comment starting `# Template:` (a whole line, or after a value), and the top-level `title:`
 * (it describes the template, not the plan). Other comments stay: they are for practitioners.
 */
export function stripTemplateOnly(text: string): string {
  const parts = text.split(/(\r?\n)/);
  const out: string[] = [];
  let header = true;
  let inTitle = false;
  for (let i = 0; i < parts.length; i += 2) {
    const line = parts[i];
    const eol = parts[i + 1] ?? '';
    const trimmed = line.trim();
    if (header) {
      if (trimmed === '' || (trimmed.startsWith('#') && !DIRECTIVE.test(trimmed))) continue;
      header = false;
    }
    if (inTitle) {
      if (/^[ \t]+\S/.test(line) || trimmed === '') continue;
      inTitle = false;
    }
    if (/^title[ \t]*:/.test(line)) {
      inTitle = true;
      continue;
    }
    if (trimmed.startsWith('#') && TEMPLATE_NOTE.test(trimmed)) continue;
    const c = commentStart(line);
    const kept = c > 0 && TEMPLATE_NOTE.test(line.slice(c)) ? line.slice(0, c).replace(/[ \t]+$/, '') : line;
    out.push(kept + eol);
  }
  return out.join('');
}

/** Converts template text to a snippet. `today` is `YYYY-MM-DD`. Template-only comments and the title are dropped. */
export function templateToSnippet(text: string, today: string, options: SnippetOptions = {}): SnippetResult {
  const index = new Map<string, number>();
  const initial = new Map<number, string>();
  const names: string[] = [];
  const stopsAt: { index: number; offset: number; length: number }[] = [];
  const values = options.values ?? {};
  const lines = stripTemplateOnly(text).split(/(\r?\n)/); // keeps the line breaks as separate entries
  let out = '';
  let plain = '';
  const literal = (s: string): void => {
    out += escapeSnippetText(s);
    plain += s;
  };
  let kindDone = false;
  for (const part of lines) {
    if (part === '\n' || part === '\r\n') {
      out += part;
      plain += part;
      continue;
    }
    let line = part;
    if (!kindDone && /^kind[ \t]*:[ \t]*["']?template["']?(?=[ \t]*(#|$))/.test(line)) {
      line = line.replace(/^kind([ \t]*:[ \t]*)["']?template["']?/, 'kind$1plan');
      kindDone = true;
    }
    const c = commentStart(line);
    const body = c === -1 ? line : line.slice(0, c);
    const comment = c === -1 ? '' : line.slice(c);
    let last = 0;
    for (const m of body.matchAll(PLACEHOLDER)) {
      literal(body.slice(last, m.index));
      last = m.index! + m[0].length;
      const name = m[1];
      const def = m[2];
      if (Object.prototype.hasOwnProperty.call(values, name)) {
        literal(values[name]);
        continue;
      }
      if (TODAY_NAMES.has(name) && def === undefined) {
        literal(today);
        continue;
      }
      let n = index.get(name);
      if (n === undefined) {
        n = index.size + 1;
        index.set(name, n);
        names.push(name);
        // No default: the stop shows the placeholder itself, so a value never filled in is still
        // a placeholder (template/placeholder-in-plan reports it), not a word that passes as a value.
        const value = def === undefined ? `\${${name}}` : def.trim().toLowerCase() === 'today' ? today : def;
        initial.set(n, value);
        out += `\${${n}:${escapePlaceholder(value)}}`;
      } else {
        out += `\${${n}}`;
      }
      const value = initial.get(n)!;
      stopsAt.push({ index: n, offset: plain.length, length: value.length });
      plain += value;
    }
    literal(body.slice(last));
    literal(comment);
  }
  const end = plain.endsWith('\n') ? '' : '\n';
  // Offsets -> line/column, so the stops hold whatever line ends the editor uses.
  const stops: TabStop[] = [];
  let line = 0;
  let lineStart = 0;
  let k = 0;
  for (const s of stopsAt) {
    for (; k < s.offset; k++) {
      if (plain[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    stops.push({ index: s.index, line, character: s.offset - lineStart, length: s.length });
  }
  return { snippet: out + end + '$0', names, text: plain + end, stops };
}
