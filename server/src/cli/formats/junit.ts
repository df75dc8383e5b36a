// `--format junit`: JUnit XML as Jenkins, GitLab and Azure Pipelines read it. One <testsuite>
// per file; one <testcase> per finding (errors and warnings fail, infos pass with their
// message as output); a file with no findings has one passing test case; a file that could
// not be read has one test case with an <error>.
import type { CliFinding } from '../report.js';
import type { FormatContext, Formatter } from './index.js';
import { say } from '../messages.js';

/** Escape text for XML content and attribute values; drop characters XML 1.0 cannot hold. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Escape for an attribute value, keeping line breaks and tabs (which XML would turn into spaces). */
export const attr = (s: string): string => xmlEscape(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

const caseName = (f: CliFinding): string => `${f.line}:${f.column} ${f.rule}`;
const detail = (f: CliFinding, c: FormatContext['catalogue']): string =>
  say(c, f.policy ? 'cli.junit.detailPolicy' : 'cli.junit.detail', {
    severity: say(c, 'cli.severity', { severity: f.severity }),
    line: f.line,
    column: f.column,
    message: f.message,
    rule: f.rule,
    policy: f.policy,
  });

export const junit: Formatter = (reports, ctx) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of reports) {
    const file = attr(r.file);
    const cases: string[] = [];
    let sFailures = 0;
    let sErrors = 0;
    if (r.readError !== undefined) {
      sErrors++;
      const f = r.findings[0];
      cases.push(
        `    <testcase name="${attr(f ? caseName(f) : 'read')}" classname="${file}">\n      <error message="${attr(r.readError)}" type="${attr(f?.rule ?? 'meta/unreadable')}">${xmlEscape(r.readError)}</error>\n    </testcase>`,
      );
    } else if (!r.findings.length) {
      cases.push(`    <testcase name="planlint" classname="${file}"/>`);
    } else {
      for (const f of r.findings) {
        const head = `    <testcase name="${attr(caseName(f))}" classname="${file}">`;
        if (f.severity === 'info') {
          cases.push(`${head}\n      <system-out>${xmlEscape(detail(f, ctx.catalogue))}</system-out>\n    </testcase>`);
        } else {
          sFailures++;
          cases.push(
            `${head}\n      <failure message="${attr(f.message)}" type="${f.severity}">${xmlEscape(detail(f, ctx.catalogue))}</failure>\n    </testcase>`,
          );
        }
      }
    }
    tests += cases.length;
    failures += sFailures;
    errors += sErrors;
    suites.push(
      `  <testsuite name="${file}" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="planlint" tests="${tests}" failures="${failures}" errors="${errors}">\n` +
    (suites.length ? suites.join('\n') + '\n' : '') +
    `</testsuites>\n`
  );
};
