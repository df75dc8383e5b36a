// Plan templates -> VS Code snippets. Pure (no `vscode` import) so it can be unit-tested.
//
// A template is a plan with `kind: template` and `${name}` / `${name:default}` placeholders.
// Each placeholder becomes a snippet tab stop (the same name -> the same tab stop, so its
// copies are edited together); `${today}` / `${date}` and any placeholder whose default is
// `today` (`${sentenced_on:today}`) are filled with today's date. Everything else is escaped
// so VS Code's snippet syntax does not read it (`$`, `}` and `\`). Placeholders inside YAML
// comments are left as they are (they document the syntax), and `kind: template` becomes
// `kind: plan`.

export interface SnippetResult {
  /** The snippet body (VS Code snippet syntax). */
  snippet: string;
  /** Placeholder names in tab-stop order. */
  names: string[];
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

/** Whether YAML text looks like a plan template (`kind: template` at the top level, and `sentence_plan:`). */
export function isTemplateText(text: string): boolean {
  return /(^|\n)kind[ \t]*:[ \t]*["']?template["']?[ \t]*(#.*)?(\r?\n|$)/.test(text) && /(^|\n)["']?sentence_plan["']?[ \t]*:/.test(text);
}

/** The first comment line of a template, without `#` and a leading "Template:", for the quick pick. */
export function templateSummary(text: string): string | undefined {
  const m = /^[ \t]*#[ \t]*(.+)$/m.exec(text.slice(0, 2000));
  return m ? m[1].replace(/^Template:\s*/i, '').trim() : undefined;
}

/** Converts template text to a snippet. `today` is `YYYY-MM-DD`. */
export function templateToSnippet(text: string, today: string): SnippetResult {
  const index = new Map<string, number>();
  const names: string[] = [];
  const lines = text.split(/(\r?\n)/); // keeps the line breaks as separate entries
  let out = '';
  let kindDone = false;
  for (const part of lines) {
    if (part === '\n' || part === '\r\n') {
      out += part;
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
      out += escapeSnippetText(body.slice(last, m.index));
      last = m.index! + m[0].length;
      const name = m[1];
      const def = m[2];
      if (TODAY_NAMES.has(name) && def === undefined) {
        out += escapeSnippetText(today);
        continue;
      }
      let n = index.get(name);
      if (n === undefined) {
        n = index.size + 1;
        index.set(name, n);
        names.push(name);
        const value = def === undefined ? name : def.trim().toLowerCase() === 'today' ? today : def;
        out += `\${${n}:${escapePlaceholder(value)}}`;
      } else {
        out += `\${${n}}`;
      }
    }
    out += escapeSnippetText(body.slice(last)) + escapeSnippetText(comment);
  }
  return { snippet: out.endsWith('\n') ? out + '$0' : out + '\n$0', names };
}
