// Rules the lint loop itself reports (suppression hygiene, internal failures, refused files).
// Their checks are empty: the engine raises them; they are here for metadata, docs and config.
import type { Rule } from '../../engine/rule.js';

export const rules: Rule[] = [
  {
    meta: {
      id: 'meta/unused-disable',
      severity: 'warning',
      policy: '',
      description: 'A suppression comment that silences nothing, names an unknown rule, or gives no reason.',
      fixable: 'fix-all',
      inTemplates: true,
      messages: {
        noReason: 'This suppression has no reason: add one after ` -- ` so reviewers know why the rule does not apply here.',
        unknownRule: '`{rule}` is not a planlint rule{hint}',
        unknownWord: 'A word in this comment is not a planlint rule{hint}',
        didYouMean: ' — did you mean `{near}`?',
        period: '.',
        unused: 'Unused suppression: {what} reports nothing {where, select, file {in this file} other {on the line it covers}}. Remove it{partial, select, yes { or those rules from it} other {}}.',
        anyRule: 'any rule',
        ruleCode: '`{rule}`',
        wordList: '{a}, {b}',
        fixRemove: 'Remove this suppression comment',
      },
      docs: {
        rationale:
          'Suppressions (`# planlint-disable-next-line RULE -- reason`) are for the rare case where a rule does not fit a plan. Each must say why after ` -- `, so a reviewer can judge it, and one that no longer silences anything should go, so it cannot hide a future problem. The fix removes an unused suppression.',
        bad: 'objectives:\n  # planlint-disable-next-line smart/specific\n  - id: OBJ-1\n    description: Complete the Thinking Skills Programme and apply it on the wing.',
        good: 'objectives:\n  - id: OBJ-1\n    description: Complete the Thinking Skills Programme and apply it on the wing.',
      },
    },
    check: () => undefined,
  },
  {
    meta: {
      id: 'meta/internal-error',
      severity: 'error',
      policy: '',
      description: 'A planlint rule failed on this file; its checks are missing from the report.',
      fixable: 'none',
      inTemplates: true,
      messages: {
        failed: "planlint's rule `{rule}` failed on this file ({error}); its checks are missing. Please report this with the rule id.",
      },
      docs: {
        rationale:
          'If one of planlint\'s rules fails on a file, the other rules still run and the failure is reported on the first line, naming the rule. Please report it with the rule id (never the plan itself).',
        bad: '',
        good: '',
      },
    },
    check: () => undefined,
  },
  {
    meta: {
      id: 'meta/file-too-large',
      severity: 'error',
      policy: '',
      description: 'The file is over the size limit and was not checked.',
      fixable: 'none',
      inTemplates: true,
      messages: {
        tooLarge:
          'This file is {length} characters long, over the limit of {max}; it was not checked. A sentence plan is far smaller: check that this is the right file, or raise the limit (--max-file-size).',
      },
      docs: {
        rationale:
          'A sentence plan is a few hundred lines. A file of several megabytes is almost certainly not a plan, and reading it would slow every front, so planlint refuses it with this finding. The limit is configurable on the command line (`--max-file-size`).',
        bad: '',
        good: '',
      },
    },
    check: () => undefined,
  },
  {
    meta: {
      id: 'meta/too-complex',
      severity: 'error',
      policy: '',
      description: 'Part of the file is too complex to check within the work budget, or it has more problems than are listed.',
      fixable: 'none',
      inTemplates: true,
      messages: {
        complex:
          "{whole, select, yes {This file is too complex to check within planlint's work budget} other {This part of the file is too complex to check within planlint's work budget}}: " +
          '{limit, select, depth {it is nested more than {max} levels deep} nodes {it holds more than {max} values} aliases {it has more than {max} aliases (`*name`)} other {it uses lists or mappings as keys, too large to read}}' +
          ' (line {line}), so {whole, select, yes {only its YAML syntax was checked} other {the top-level section it is in was left out and everything else was checked}}. A sentence plan is a few levels deep with a few thousand values: check that this is the right file.',
        tooMany:
          'This file has more than {max} problems: the first {max} are listed and {dropped} more were not. Fix the first ones (often one mistake repeated) and check again.',
        tooManyLines:
          "This file is too complex to check within planlint's work budget: it has more than {max} lines and list items, so it was not read. A sentence plan is a few hundred lines: check that this is the right file.",
      },
      docs: {
        rationale:
          'A file well under the size limit can still be built to make a checker slow: thousands of nested brackets, tens of thousands of aliases, a million values, or one mistake repeated on every line. planlint bounds the work instead of the input, so every file gets an answer quickly, in the editor as on the command line. ' +
          'A file of more than 100,000 lines and list items is not read at all (the YAML parser\'s own time and memory grow with them). ' +
          'When a top-level section nests more than 64 levels deep, or uses lists or mappings as keys beyond what can be read, that section is left out and the rest of the plan is checked; when the whole file holds more than 1,000,000 values or more than 1,000 aliases (`*name`), only its YAML syntax is checked. ' +
          'Either way this finding says which limit was passed and on which line, never what the file says. A file with more than 1,000 problems lists the first 1,000, and this finding, on line 1, says how many more there were. ' +
          'A sentence plan is a few levels deep with a few thousand values and never comes near these limits: check that this is the right file.',
        bad: '',
        good: '',
      },
    },
    check: () => undefined,
  },
  {
    meta: {
      id: 'meta/encoding',
      severity: 'error',
      policy: '',
      description: 'The file is not UTF-8 text (UTF-16, invalid UTF-8 or binary) and was not checked.',
      fixable: 'none',
      inTemplates: true,
      docs: {
        rationale:
          'planlint reads plans as UTF-8, the encoding YAML tools and version control expect. A file saved as UTF-16, one with bytes that are not valid UTF-8, or a binary file (one with NUL bytes) cannot be read reliably, so planlint reports it once, on the first bad line where it can tell, and checks nothing else in it. `--fix` never writes such a file. Re-save the file as UTF-8 (a UTF-8 byte-order mark is fine); Windows line endings (CRLF) are fine too.',
        bad: '',
        good: '',
      },
    },
    check: () => undefined,
  },
  {
    meta: {
      id: 'meta/unreadable',
      severity: 'error',
      policy: '',
      description: 'The command line could not read the file (missing, a broken link, no permission); it was not checked.',
      fixable: 'none',
      inTemplates: true,
      docs: {
        rationale:
          'When a file named on the command line (or found in a folder) cannot be read, planlint says so on standard error and as an entry in every report that can hold one, checks the other files, and exits with status 2, because a check that did not run must not look like a pass.',
        bad: '',
        good: '',
      },
    },
    check: () => undefined,
  },
  {
    meta: {
      id: 'meta/not-fixed',
      severity: 'warning',
      policy: '',
      description: '`--fix` had fixes for the file but would not rewrite it (a link out of the tree, read-only, several hard links, or an owner it cannot keep).',
      fixable: 'none',
      inTemplates: true,
      docs: {
        rationale:
          '`--fix` rewrites only files that are the run\'s to rewrite: a file reached through a symbolic link whose real path is outside the folders the run checks, a read-only file (no write bit in its mode), a file with several hard links (replacing it would split them) and a file whose owner or group the rewritten copy could not keep are left as they are. The finding says which, the other findings of the file are still reported, and `--fix-dry-run` shows the changes to make by hand.',
        bad: '',
        good: '',
      },
    },
    check: () => undefined,
  },
];
