// The command line's own words (issue 15 item 4, issue 16): help, summaries, errors and
// warnings, report chrome, explain, impact and `checks test`. One id a sentence (a help
// section is one id), English here, other locales in server/src/locales/<locale>/cli.json.
// Templates use the syntax of engine/messages.ts; the variable parts (file names, rule ids,
// numbers, dates) are data, never text built in code, so a translation can reorder them.
// Rendering: `say(catalogue, id, data)`; the catalogue is `cliCatalogue(locale)`.

import { catalogueFor, registerEnglish } from '../engine/l10n.js';
import { ensureLocales } from '../engine/locales.js';
import { msg, renderMsg, type MessageCatalogue, type MessageData, type Msg } from '../engine/messages.js';

export const CLI_MESSAGES = {
  // --- Help -------------------------------------------------------------------------------
  'cli.help.header': 'planlint {version} — checks UK sentence plans (YAML) against HMPPS policy (PSI 19/2014)\n',
  'cli.help.usage':
    'Usage:\n' +
    '  planlint [options] [paths, folders or globs...]     (default: .)\n' +
    '  planlint [options] --stdin [--stdin-filename FILE]\n' +
    "  planlint explain RULE | FAMILY | --list             a rule's page, offline\n" +
    "  planlint checks test [--config FILE] [--as-of DATE]  run the local checks' examples\n" +
    '  planlint impact --config NEW [--baseline-config CUR] [paths...]  what a config change does\n' +
    '  planlint --lsp [--stdio]                            the language server\n',
  'cli.help.checked':
    'What is checked:\n' +
    '  A file named on the command line is always checked. Folders and globs select\n' +
    '  plan files: *.plan.yaml, *.plan.yml, and other .yaml/.yml files whose top\n' +
    '  level has a sentence_plan key. node_modules, .git and hidden folders are skipped.\n',
  'cli.help.output':
    'Output:\n' +
    '  -f, --format NAME          stylish (default), json, sarif, junit, github, compact,\n' +
    '                             gitlab (a GitLab code quality report), or html (a page\n' +
    "                             with each plan's timeline)\n" +
    '  -o, --output-file PATH     write the report of the --format before it to PATH;\n' +
    '                             repeat the pair for several reports in one run:\n' +
    '                               --format sarif -o planlint.sarif --format stylish\n' +
    '  -q, --quiet                report errors only (warnings still count for --max-warnings)\n' +
    '      --color, --no-color    force colour on or off (NO_COLOR and FORCE_COLOR work too)\n',
  'cli.help.checking':
    'Checking:\n' +
    '      --as-of YYYY-MM-DD     the date to judge deadlines by (default: today)\n' +
    '      --locale en|cy|qps     the language of messages (default: PLANLINT_LOCALE, else the\n' +
    "                             system's when planlint has all of it, else en; cy is partial;\n" +
    '                             qps marks every catalogue message, for testing)\n' +
    '  -c, --config PATH          use this configuration for every file instead of the\n' +
    '                             nearest .planlintrc.yaml / .planlintrc.yml\n' +
    "      --rule RULE:SEVERITY   set a rule's severity: off, info, warning or error;\n" +
    '                             repeatable; RULE may be a family such as smart/*\n' +
    '      --max-file-size SIZE   skip files larger than this (bytes, or 512k, 5M;\n' +
    '                             default 5M) with a meta/file-too-large error\n' +
    '      --stdin                check standard input\n' +
    '      --stdin-filename FILE  the name standard input is reported as (and where its\n' +
    '                             configuration is looked up from)\n',
  'cli.help.large':
    'Large repositories and CI:\n' +
    '      --concurrency N        lint on N worker threads, or auto (default: one per core\n' +
    '                             when there are at least 100 files) or off; the report is\n' +
    '                             the same in every case\n' +
    '      --cache                reuse the findings of files unchanged since the last run\n' +
    '      --cache-location PATH  the cache file (default .planlintcache)\n' +
    '      --baseline             report only findings beyond those recorded in the baseline\n' +
    "      --baseline-write       record today's findings as the baseline\n" +
    '      --baseline-prune       lower the baseline to what still occurs, then as --baseline\n' +
    '      --baseline-file PATH   the baseline (default planlint-baseline.json); also\n' +
    '                             written --baseline=PATH\n' +
    '      --shard I/N            check only the I-th of N shares of the files (1-based),\n' +
    '                             for a CI matrix of N runners\n',
  'cli.help.fixing':
    'Fixing:\n' +
    '      --fix                  apply every certain fix and write the files (atomically;\n' +
    '                             a file that changed on disk meanwhile is not written)\n' +
    '      --fix-dry-run          show the fixes as a diff without writing anything\n',
  'cli.help.exit':
    'Exit status:\n' +
    '      --exit-zero            exit 0 even when there are lint errors\n' +
    '      --max-warnings N       exit 1 when there are more than N warnings\n' +
    '      --no-error-on-unmatched-pattern\n' +
    '                             a folder or glob that selects no plan is not an error\n' +
    '  0  no errors (and warnings within --max-warnings)\n' +
    '  1  lint errors, or too many warnings\n' +
    '  2  usage error, broken configuration, or a file that could not be read or written\n',
  'cli.help.other':
    'Other:\n' +
    '      --print-config FILE    print the configuration that applies to FILE (JSON)\n' +
    '  -v, --version              print the version\n' +
    '  -h, --help                 print this help\n',
  'cli.help.examples':
    'Examples:\n' +
    '  planlint plans/\n' +
    '  planlint --format sarif --output-file planlint.sarif --format stylish plans/\n' +
    '  planlint --as-of 2026-11-23 --format json "plans/**/*.yaml"\n' +
    '  cat plan.yaml | planlint --stdin --stdin-filename plans/a.plan.yaml\n' +
    '  planlint --fix-dry-run plans/\n' +
    '  planlint --cache --baseline --shard 2/4 plans/\n',
  'cli.help.docs':
    'Documentation: docs/cli.md (the JSON report format), docs/ci.md (CI set-ups),\n' +
    'docs/performance.md (speed, caching, benchmarks).\n',

  // --- Usage errors (exit 2) ---------------------------------------------------------------
  'cli.usage.oneStdout':
    'only one --format can write to standard output, but {formats} have no --output-file: give each of the others an --output-file after it',
  'cli.usage.asOf': '--as-of must be a calendar date written YYYY-MM-DD (for example 2026-11-23), not `{value}`',
  'cli.usage.ruleForm': '--rule takes RULE:SEVERITY (for example --rule smart/specific:error), not `{value}`',
  'cli.usage.ruleSeverity': '--rule {id}: `{severity}` is not a severity; use off, info, warning or error',
  'cli.usage.ruleUnknown': '--rule: `{id}` is not a planlint rule',
  'cli.usage.ruleUnknownNear': '--rule: `{id}` is not a planlint rule — did you mean `{near}`?',
  'cli.usage.stdinFilename': '--stdin-filename only makes sense with --stdin',
  'cli.usage.stdinFix': '--fix cannot write to standard input; use --fix-dry-run to see what would change',
  'cli.usage.fixBoth': 'use either --fix (write the fixes) or --fix-dry-run (show them), not both',
  'cli.usage.stdinPaths': 'give either --stdin or file paths, not both',
  'cli.usage.baselineModes': 'use one of --baseline, --baseline-write and --baseline-prune, not {modes}',
  'cli.usage.baselineFileAlone': '--baseline-file only makes sense with --baseline, --baseline-write or --baseline-prune',
  'cli.usage.baselineFileEmpty': '--baseline-file needs a file name',
  'cli.usage.baselineFix': '--fix and --fix-dry-run cannot be combined with a baseline option: fix first, then record or check the baseline',
  'cli.usage.cacheLocationAlone': '--cache-location only makes sense with --cache',
  'cli.usage.cacheLocationEmpty': '--cache-location needs a file name',
  'cli.usage.cacheStdin': '--cache works on files; it cannot be used with --stdin',
  'cli.usage.shardStdin': '--shard splits a list of files; it cannot be used with --stdin',
  'cli.usage.formatUnknown': 'unknown --format `{name}`; use one of {names}',
  'cli.usage.formatUnknownNear': 'unknown --format `{name}` — did you mean `{near}`?; use one of {names}',
  'cli.usage.outputFileEmpty': '--output-file needs a file name',
  'cli.usage.concurrency': '--concurrency takes auto, off or a number of threads from 1 to 256 (for example --concurrency 4), not `{value}`',
  'cli.usage.shard': '--shard takes INDEX/COUNT with 1 <= INDEX <= COUNT (for example --shard 2/4 for the second of four shards), not `{value}`',
  'cli.usage.wholeNumber': '{flag} takes a whole number of 0 or more, not `{value}`',
  'cli.usage.maxFileSize': '--max-file-size takes a size in bytes above 0 (for example 5000000, 512k or 5M), not `{value}`',
  'cli.usage.unknownOption': 'unknown option {flag} (see planlint --help)',
  'cli.usage.unknownOptionNear': 'unknown option {flag} — did you mean {near}? (see planlint --help)',
  'cli.usage.needsValue': '{flag} needs a value (see planlint --help)',
  'cli.usage.parse': '{detail} (see planlint --help)',
  'cli.usage.locale': '--locale is one of {locales}, not `{value}`',
  /** Two items of a list joined ("sarif and json"); longer lists join pairwise. */
  'cli.list.and': '{a} and {b}',

  // --- Run messages on stderr ---------------------------------------------------------------
  'cli.warning': 'warning: {message}',
  'cli.configProblems': 'the configuration above has problems; fix them and run again.',
  'cli.readFailed': 'cannot read {file}: {reason}',
  'cli.reportWriteFailed': 'cannot write the {format} report to {file}: {reason}',
  'cli.stdoutFailed': 'cannot write to standard output ({code})',
  'cli.internalError': 'internal error: {detail}',
  'cli.discover.unmatched': 'no plan files match `{pattern}` (plans are *.plan.yaml, *.plan.yml, or YAML with a top-level sentence_plan key)',
  'cli.discover.none': 'no plan files to check',
  'cli.maxWarnings': '{n, plural, other {# warnings}}, more than --max-warnings {max} allows.',
  'cli.baseline.unusable': 'cannot use the baseline {file}: {reason}',
  'cli.baseline.missing': 'it does not exist (create it with --baseline-write)',
  'cli.baseline.unreadable': 'it cannot be read ({code})',
  'cli.baseline.notBaseline': "it is not a planlint baseline (expected '{'\"files\": '{'\"path\": '{'\"rule\": count'}}}'); write a new one with --baseline-write",
  'cli.baseline.hidden': '{n, plural, one {# finding} other {# findings}} hidden by the baseline {file}',
  'cli.baseline.writeFailed': 'cannot write the baseline {file} ({error})',
  'cli.baseline.written':
    '{mode, select, write {wrote} other {pruned}} the baseline {file}: {findings, plural, one {# finding} other {# findings}} in {files, plural, one {# file} other {# files}}',
  'cli.cache.unreadable': 'cannot read the cache {file} ({code}); checking every file',
  'cli.cache.notCache': 'the cache {file} is not a planlint cache (damaged or from another tool); ignoring it and checking every file',
  'cli.cache.writeFailed': 'cannot write the cache {file} ({error}); the next run checks every file again',

  // --- Why a file could not be read (data of other messages) --------------------------------
  'cli.io.reason':
    '{code, select, ENOENT {no such file or folder} EACCES {permission denied} EPERM {permission denied} EISDIR {it is a folder, not a file} ELOOP {too many levels of symbolic links} ENOTDIR {a part of the path is not a folder} EMFILE {too many open files} ENFILE {too many open files} none {cannot be read} other {cannot be read ({code})}}',
  'cli.io.brokenLink': 'a broken symbolic link (its target does not exist)',
  'cli.io.notRegular': 'not a regular file (a device, pipe or socket)',

  // --- Findings the command line reports about a file (meta/*) -------------------------------
  'cli.finding.unreadable': 'This file could not be read: {reason}. It was not checked.',
  'cli.finding.tooLarge':
    'This file is {size} bytes, over the limit of {max} bytes, so it was not checked. A sentence plan is far smaller: check that this is the right file, or raise the limit with --max-file-size.',
  'cli.finding.utf32':
    'This file is encoded as UTF-32, not UTF-8, so it was not checked. Save it as UTF-8 (without a byte-order mark, or with the UTF-8 one) and run planlint again.',
  'cli.finding.utf16':
    'This file is encoded as UTF-16 ({order, select, little {little-endian} other {big-endian}}), not UTF-8, so it was not checked. Save it as UTF-8 (without a byte-order mark, or with the UTF-8 one) and run planlint again.',
  'cli.finding.nul':
    'This file contains NUL bytes, so it is a binary file (or text in UTF-16 or UTF-32 without a byte-order mark), not a YAML sentence plan; it was not checked. If it is a plan, save it as UTF-8.',
  'cli.finding.invalidUtf8':
    'This file is not valid UTF-8 (the first bad byte is on line {line}), so it was not checked. It may have been saved in another encoding such as Windows-1252: Save it as UTF-8 (without a byte-order mark, or with the UTF-8 one) and run planlint again.',
  'cli.finding.internalError':
    'planlint failed on this file ({error}); it was not fully checked. Please report this with the planlint version (never the plan itself).',
  'cli.finding.notFixed': 'This file was not fixed: {reason}.',

  // --- --fix and --fix-dry-run --------------------------------------------------------------
  'cli.fix.refused': 'fixes for {file} were not applied: the result would have had more errors than the original.',
  'cli.fix.wouldFix': 'would fix {file}: {fixes}',
  'cli.fix.fixed': 'fixed {file}: {fixes}',
  'cli.fix.notFixed': '{file} was not fixed: {reason}',
  'cli.fix.count': '{n, plural, one {# fix} other {# fixes}} ({rules})',
  'cli.fix.diffFixed': '{file} (fixed)',
  'cli.write.outsideRoots': 'it is reached through a symbolic link to a file outside the folders this run checks, so --fix does not rewrite it',
  'cli.write.hardLinks': 'it has {n} hard links, and rewriting it would split them; fix it by hand (planlint --fix-dry-run shows the changes)',
  'cli.write.readOnly': 'it is read-only (its mode has no write permission), so --fix leaves it alone',
  'cli.write.noPermission': 'planlint has no permission to write it',
  'cli.write.changed': 'the file changed on disk while planlint was checking it; not written (run planlint --fix again)',
  'cli.write.cannotCheck': 'cannot check the file before writing ({code})',
  'cli.write.owner':
    'planlint could not keep its {what, select, owner {owner} other {group}} (the rewritten file would change it); fix it by hand (planlint --fix-dry-run shows the changes)',
  'cli.write.cannotWrite': 'cannot write the fixed file ({code}); the original is unchanged',

  // --- Report chrome ------------------------------------------------------------------------
  'cli.severity': '{severity, select, error {error} warning {warning} other {info}}',
  'cli.summary.problems':
    '{total, plural, one {# problem} other {# problems}} ({errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}, {infos, plural, one {# info} other {# infos}})',
  'cli.summary.fixable': '{n} fixable with --fix',
  'cli.summary.files': '{n, plural, one {# file} other {# files}} checked',
  'cli.summary.clean': '{n, plural, one {# file} other {# files}} checked: no problems',
  'cli.summary.cleanBaseline': '{n, plural, one {# file} other {# files}} checked: no problems beyond the baseline',
  'cli.summary.baselined': '{n, plural, one {# problem} other {# problems}} hidden by the baseline',
  'cli.upcoming.title': 'Upcoming reviews',
  'cli.upcoming.within': '(due within {weeks, plural, one {# week} other {# weeks}})',
  'cli.upcoming.due': '{due, date}',
  'cli.upcoming.item': '{kind} ({days, plural, =0 {today} =1 {tomorrow} other {in # days}})',
  'cli.upcoming.defaultDate': "{kind}, planlint's default date",
  'cli.count.errors': '{n, plural, one {# error} other {# errors}}',
  'cli.count.warnings': '{n, plural, one {# warning} other {# warnings}}',
  'cli.count.infos': '{n, plural, one {# info} other {# infos}}',
  'cli.html.title': 'planlint report',
  'cli.html.checked': '{n, plural, one {# file} other {# files}} checked:',
  'cli.html.checkedAsOf': '{n, plural, one {# file} other {# files}} checked as of {asOf, date}:',
  'cli.html.noProblems': 'no problems',
  'cli.html.fixableCount': '({n} fixable with --fix)',
  'cli.html.baselined': '({n, plural, one {# problem} other {# problems}} hidden by the baseline)',
  'cli.html.failed': 'Some files could not be checked.',
  'cli.html.files': 'Files',
  'cli.html.timeline': 'Sentence timeline of {file}',
  'cli.html.noTimeline': 'No timeline: this is a template, or it has no plan to draw.',
  'cli.html.colLine': 'Line',
  'cli.html.colSeverity': 'Severity',
  'cli.html.colMessage': 'Message',
  'cli.html.colRule': 'Rule',
  'cli.html.colPolicy': 'Policy',
  'cli.html.fixable': '(fixable with --fix)',
  'cli.html.footer': "planlint {version}. This report holds file names, positions, rule ids and messages, and each plan's dates and ids; no plan text.",
  'cli.junit.detail': '{severity} at line {line}, column {column}: {message} ({rule})',
  'cli.junit.detailPolicy': '{severity} at line {line}, column {column}: {message} ({rule}; {policy})',

  // --- explain ------------------------------------------------------------------------------
  'cli.explain.usage': 'usage: planlint explain RULE | FAMILY | --list   (for example: planlint explain smart/time-bound)',
  'cli.explain.oneAtATime': 'give one rule or family at a time',
  'cli.explain.online': 'Online: {url}',
  'cli.explain.family': "planlint explain {family}/NAME shows one rule's page.",
  'cli.explain.unknown': '`{id}` is not a planlint rule or family',
  'cli.explain.unknownNear': '`{id}` is not a planlint rule or family — did you mean `{near}`?',
  'cli.explain.unknownUnnamed': 'that is not a planlint rule or family',
  'cli.explain.unknownUnnamedNear': 'that is not a planlint rule or family — did you mean `{near}`?',
  'cli.explain.list': 'planlint explain --list lists every rule.',
  'cli.explain.localUsage': 'usage: planlint explain local/NAME [--config FILE]',
  'cli.explain.notLocal': '{id} is not a local check in {file}',
  'cli.explain.notLocalList': '{id} is not a local check in {file} (its checks: {checks})',
  'cli.explain.thatId': 'that id',
  'cli.local.from': 'Local check from {file}. Default severity: {severity}.',
  'cli.local.policy': 'Policy: {policy}',
  'cli.local.message': 'Message: {message}',
  'cli.local.definition': 'Definition:',
  'cli.local.examples': 'Examples (run them with `planlint checks test`):',
  'cli.local.noExamples': 'Examples: none (`planlint checks test` warns about this).',
  'cli.local.configure': 'Configure it like any rule:',
  'cli.local.configureComment': '# or info, warning, error',
  'cli.local.silence': 'Silence it on one line with a comment: # planlint-disable-next-line {id} -- reason',

  // --- checks test --------------------------------------------------------------------------
  'cli.checks.usage': 'usage: planlint checks test [--config FILE] [--as-of YYYY-MM-DD]',
  'cli.checks.needsValue': '{flag} needs a value',
  'cli.checks.asOf': '--as-of needs a date (YYYY-MM-DD)',
  'cli.checks.unexpected': 'unexpected argument `{arg}`',
  'cli.checks.unexpectedUnnamed': 'unexpected argument',
  'cli.checks.noConfig': 'no .planlintrc.yaml here or above; give one with --config',
  'cli.checks.none': 'No local checks in this configuration.',
  'cli.checks.noExamples': 'has no examples: add examples.fails and examples.passes so this check is tested',
  'cli.checks.warning': 'warning',
  'cli.checks.pass': 'pass',
  'cli.checks.fail': 'FAIL',
  'cli.checks.shouldFail': 'should fail',
  'cli.checks.shouldPass': 'should pass',
  'cli.checks.summary':
    '{examples, plural, one {# example} other {# examples}}: {passed} passed, {failed} failed; {checks, plural, one {# check} other {# checks}} without examples (as of {asOf, date})',
  'cli.checks.cannotRead': 'cannot read it ({reason})',
  'cli.checks.cannotDecode': 'cannot decode it (line {line})',
  'cli.checks.budget': 'the check ran out of its step budget on this plan',
  'cli.checks.expectedFinding': 'expected a finding, got none',
  'cli.checks.expectedNone': 'expected no finding, got {n} ({where})',

  // --- impact -------------------------------------------------------------------------------
  'cli.impact.usage': 'usage: planlint impact --config NEW [--baseline-config CURRENT] [--as-of YYYY-MM-DD] [--format text|json|html] [paths...]',
  'cli.impact.unknownOption': 'unknown option `{flag}`',
  'cli.impact.unknownOptionUnnamed': 'unknown option',
  'cli.impact.needsConfig': '--config NEW is required (the configuration to measure)',
  'cli.impact.asOf': '--as-of needs a date (YYYY-MM-DD)',
  'cli.impact.format': '--format is text, json or html',
  'cli.impact.tooLarge': 'too large',
  'cli.impact.notText': 'not valid text',
  'cli.impact.summary':
    'Impact as of {asOf, date}: {files, plural, one {# plan} other {# plans}}, {changed} with a different result; findings {before} -> {after} ({delta})',
  'cli.impact.none': 'No finding is added or removed.',
  'cli.impact.colRule': 'rule',
  'cli.impact.colAdded': 'added',
  'cli.impact.colRemoved': 'removed',
  'cli.impact.colFiles': 'files',
  'cli.impact.notRead': 'not read: {what}',
  'cli.impact.htmlTitle': 'planlint impact',
  'cli.impact.htmlHeading': 'Impact of a configuration change',
  'cli.impact.htmlProposed': 'Proposed: {config}.',
  'cli.impact.htmlProposedPacks': 'Proposed: {config} (packs: {packs}).',
  'cli.impact.htmlPack': '{name} {version} (effective {from, date})',
  'cli.impact.htmlBaseline': 'Baseline: {config}.',
  'cli.impact.htmlBaselineCurrent': "Baseline: each plan's current configuration.",
  'cli.impact.htmlAsOf': 'As of {asOf, date}.',
  'cli.impact.htmlSummary': '{files, plural, one {{count} plan} other {{count} plans}}, {changed} with a different result; findings {before} {arrow} {after} ({delta}).',
  'cli.impact.htmlColRule': 'Rule',
  'cli.impact.htmlColAdded': 'Added',
  'cli.impact.htmlColRemoved': 'Removed',
  'cli.impact.htmlColFiles': 'Files',
  'cli.impact.htmlSamples': 'Sample locations',
  'cli.impact.htmlNotRead': 'Not read',
  'cli.impact.htmlFooter': 'planlint impact. This page holds rule ids, file names and positions only: no plan text and no finding messages.',
} as const satisfies Record<string, string>;

registerEnglish(CLI_MESSAGES);

export type CliMessageId = keyof typeof CLI_MESSAGES;

/** A command-line message by id, to render later in the run's locale. */
export const cliMsg = (id: CliMessageId, data?: MessageData): Msg => msg(id, data);

/** The catalogue of a locale (English when none or unknown), with planlint's locales registered. */
export function cliCatalogue(locale?: string): MessageCatalogue {
  ensureLocales();
  return catalogueFor(locale ?? 'en');
}

/** Render a command-line message in a catalogue (English by default). */
export function say(c: MessageCatalogue | undefined, id: CliMessageId, data?: MessageData): string {
  return renderMsg(msg(id, data), c ?? cliCatalogue());
}

/** Render a message that may already be text (a reason handed on as data). */
export function sayMsg(c: MessageCatalogue | undefined, m: string | Msg): string {
  return typeof m === 'string' ? m : renderMsg(m, c ?? cliCatalogue());
}

/** `a`, `a and b`, `a and b and c`: items joined in the locale's words. */
export function andList(c: MessageCatalogue | undefined, items: readonly string[]): string {
  return items.length ? items.reduce((a, b) => say(c, 'cli.list.and', { a, b })) : '';
}
