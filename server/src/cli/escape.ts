// The one escaping mechanism for what the command line prints to a terminal or a CI log.
// File names and (rarely) values come from users; printed raw they could:
//   - drive the terminal: ESC/BEL/CSI sequences retitle the window, clear the screen, hide text;
//   - forge CI commands: GitHub's runner reads a line starting `::` as a workflow command
//     (`::error …`, `::stop-commands::`, `::add-mask::`), and a legacy `##[command]` anywhere.
// So every name or value echoed, on stdout and stderr, in every format, goes through here:
// C0 and C1 controls (and DEL) are rendered visibly (`\x1b`), `##[` is broken as `##\x5b`, and a
// `::` starting a line as `\x3a:`. Each format applies the variant that fits its own syntax
// (text, JSON, XML/HTML, GitHub's workflow commands), so the rendered file name still reads the
// same to a person, and a JSON or XML reader decodes it back to the exact name.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string): string => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** Controls as visible text (`\x1b`, `\n`); nothing else changes. */
export const visibleControls = (s: string): string => s.replace(CONTROL, (c) => NAMED[c] ?? hex(c));

/** `##[` anywhere and a leading `::`, neutralised (for text that may start a line). */
const neutraliseCommands = (s: string): string => s.replace(/##\[/g, '##\\x5b').replace(/^(\s*)::/, '$1\\x3a:');

/** One value for a text report line or a stderr message: one line, no controls, no CI command. */
export const forTerminal = (s: string): string => neutraliseCommands(visibleControls(s));

/**
 * Whole text that planlint itself wrote for stderr (or a text note), whose own line breaks are
 * kept: every line made safe as by `forTerminal`. A trailing newline is kept.
 */
export function linesForTerminal(text: string): string {
  return text
    .split('\n')
    .map((l) => {
      // A CRLF file's diff line keeps no CR; any other control is shown.
      const line = visibleControls(l);
      return line.replace(/##\[/g, '##\\x5b').replace(/^(\s*)::/, '$1\\x3a:');
    })
    .join('\n');
}

/** GitHub workflow-command data (after `::`): GitHub's own `%`, CR, LF escaping, then the rest. */
export const githubData = (s: string): string =>
  visibleControls(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')).replace(/##\[/g, '##\\x5b');

/** A GitHub workflow-command property value (`file=…`): data escaping plus `:` and `,`. */
export const githubProperty = (s: string): string => githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * Serialised JSON made safe to print: C1 controls, DEL and the Unicode line separators as
 * `\u` escapes (JSON.stringify escapes only C0), and `##[` as `##\u005b`. A JSON reader gets
 * the exact same strings back.
 */
export function jsonForTerminal(json: string): string {
  return json
    .replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '##\\u005b');
}

/**
 * Escaped XML or HTML made safe to print: C1 controls and DEL as character references, `##[`
 * as `##&#91;`, and a `::` starting a line as `&#58;:`. An XML reader gets the same text back.
 */
export function markupForTerminal(xml: string): string {
  return xml
    // XML 1.0 cannot reference C0 controls other than tab, LF and CR: those are shown as text.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, hex)
    .replace(/[\t\r\u007f-\u009f]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`)
    .replace(/##\[/g, '##&#91;')
    .replace(/^(\s*)::/gm, '$1&#58;:');
}
