// The text of `planlint --help`.

export function helpText(version: string): string {
  return `planlint ${version} — checks UK sentence plans (YAML) against HMPPS policy (PSI 19/2014)

Usage:
  planlint [options] [paths, folders or globs...]     (default: .)
  planlint [options] --stdin [--stdin-filename FILE]
  planlint explain RULE | FAMILY | --list             a rule's page, offline
  planlint checks test [--config FILE] [--as-of DATE]  run the local checks' examples
  planlint impact --config NEW [--baseline-config CUR] [paths...]  what a config change does
  planlint --lsp [--stdio]                            the language server

What is checked:
  A file named on the command line is always checked. Folders and globs select
  plan files: *.plan.yaml, *.plan.yml, and other .yaml/.yml files whose top
  level has a sentence_plan key. node_modules, .git and hidden folders are skipped.

Output:
  -f, --format NAME          stylish (default), json, sarif, junit, github, compact,
                             gitlab (a GitLab code quality report), or html (a page
                             with each plan's timeline)
  -o, --output-file PATH     write the report of the --format before it to PATH;
                             repeat the pair for several reports in one run:
                               --format sarif -o planlint.sarif --format stylish
  -q, --quiet                report errors only (warnings still count for --max-warnings)
      --color, --no-color    force colour on or off (NO_COLOR and FORCE_COLOR work too)

Checking:
      --as-of YYYY-MM-DD     the date to judge deadlines by (default: today)
      --locale en|cy|qps     the language of messages (default: PLANLINT_LOCALE, else the
                             system's when planlint has all of it, else en; cy is partial;
                             qps marks every catalogue message, for testing)
  -c, --config PATH          use this configuration for every file instead of the
                             nearest .planlintrc.yaml / .planlintrc.yml
      --rule RULE:SEVERITY   set a rule's severity: off, info, warning or error;
                             repeatable; RULE may be a family such as smart/*
      --max-file-size SIZE   skip files larger than this (bytes, or 512k, 5M;
                             default 5M) with a meta/file-too-large error
      --stdin                check standard input
      --stdin-filename FILE  the name standard input is reported as (and where its
                             configuration is looked up from)

Large repositories and CI:
      --concurrency N        lint on N worker threads, or auto (default: one per core
                             when there are at least 100 files) or off; the report is
                             the same in every case
      --cache                reuse the findings of files unchanged since the last run
      --cache-location PATH  the cache file (default .planlintcache)
      --baseline             report only findings beyond those recorded in the baseline
      --baseline-write       record today's findings as the baseline
      --baseline-prune       lower the baseline to what still occurs, then as --baseline
      --baseline-file PATH   the baseline (default planlint-baseline.json); also
                             written --baseline=PATH
      --shard I/N            check only the I-th of N shares of the files (1-based),
                             for a CI matrix of N runners

Fixing:
      --fix                  apply every certain fix and write the files (atomically;
                             a file that changed on disk meanwhile is not written)
      --fix-dry-run          show the fixes as a diff without writing anything

Exit status:
      --exit-zero            exit 0 even when there are lint errors
      --max-warnings N       exit 1 when there are more than N warnings
      --no-error-on-unmatched-pattern
                             a folder or glob that selects no plan is not an error
  0  no errors (and warnings within --max-warnings)
  1  lint errors, or too many warnings
  2  usage error, broken configuration, or a file that could not be read or written

Other:
      --print-config FILE    print the configuration that applies to FILE (JSON)
  -v, --version              print the version
  -h, --help                 print this help

Examples:
  planlint plans/
  planlint --format sarif --output-file planlint.sarif --format stylish plans/
  planlint --as-of 2026-11-23 --format json "plans/**/*.yaml"
  cat plan.yaml | planlint --stdin --stdin-filename plans/a.plan.yaml
  planlint --fix-dry-run plans/
  planlint --cache --baseline --shard 2/4 plans/

Documentation: docs/cli.md (the JSON report format), docs/ci.md (CI set-ups),
docs/performance.md (speed, caching, benchmarks).
`;
}
