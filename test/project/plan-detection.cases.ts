// The one table of plan-detection cases, run against every front: the pure test
// (project/planFiles.ts), the CLI's discovery over a temp folder, the language server over the
// protocol (linted or not) and the VS Code client's decision (client/src/planService.ts, which
// asks the server). Each `text` holds the plan key somewhere, so a file wrongly taken for a
// plan gets findings and a file wrongly skipped gets none.

export interface DetectionCase {
  /** What the case is about. */
  name: string;
  /** The file name (in a folder of its own). */
  file: string;
  text: string;
  plan: boolean;
  /** The editor's language for the document (default: yaml). */
  languageId?: string;
}

const MINIMAL = 'sentence_plan: 1\nkind: plan\n';
/** A comment longer than the head detection reads. */
const LONG_COMMENT = ('# ' + 'x'.repeat(98) + '\n').repeat(170);
/** Text with two-byte UTF-8 characters, so that the plan key is past 16 KB of bytes but inside the head in characters. */
const WIDE_COMMENT = ('# ' + 'é'.repeat(98) + '\n').repeat(100);

export const DETECTION_CASES: DetectionCase[] = [
  { name: 'the key on line 1', file: 'a.yaml', text: MINIMAL, plan: true },
  { name: 'a byte-order mark before the key', file: 'bom.yaml', text: '\uFEFF' + MINIMAL, plan: true },
  { name: 'a double-quoted key (valid YAML)', file: 'q.yaml', text: '"sentence_plan": 1\nkind: plan\n', plan: true },
  { name: 'a single-quoted key', file: 'sq.yaml', text: "'sentence_plan': 1\nkind: plan\n", plan: true },
  { name: 'the key not on line 1', file: 'later.yaml', text: 'kind: plan\nperson:\n  id: A1234BC\nsentence_plan: 1\n', plan: true },
  { name: 'a comment and a blank line before the key', file: 'comment.yaml', text: '# the plan for A1234BC\n\n' + MINIMAL, plan: true },
  { name: 'a directive and a document start before the key', file: 'directive.yaml', text: '%YAML 1.2\n---\n' + MINIMAL, plan: true },
  { name: 'an explicit key', file: 'explicit.yaml', text: '? sentence_plan\n: 1\nkind: plan\n', plan: true },
  { name: 'CRLF line ends', file: 'crlf.yaml', text: '# plan\r\nkind: plan\r\nsentence_plan: 1\r\n', plan: true },
  { name: 'a flow mapping at the top level', file: 'flow.yaml', text: '{ kind: plan, sentence_plan: 1 }\n', plan: true },
  { name: 'the .yml suffix', file: 'b.yml', text: MINIMAL, plan: true },
  { name: 'a .plan.yaml name, whatever the text', file: 'named.plan.yaml', text: 'notes: no sentence_plan key here\n', plan: true },
  { name: 'a .plan.yml name', file: 'named.plan.yml', text: 'notes: no sentence_plan key here\n', plan: true },
  { name: 'a .PLAN.YAML name (any case)', file: 'UPPER.PLAN.YAML', text: 'notes: no sentence_plan key here\n', plan: true },
  { name: 'a `#` and a space in the name (a path, not a URI fragment)', file: 'a #1.plan.yaml', text: 'notes: no key here\n', plan: true },
  { name: 'the key past a long head in bytes, inside it in characters', file: 'wide.yaml', text: WIDE_COMMENT + MINIMAL, plan: true },
  { name: 'an indented key (nested, not top level)', file: 'nested.yaml', text: 'person:\n  sentence_plan: 1\n', plan: false },
  { name: 'the key inside a literal block scalar', file: 'block.yaml', text: 'notes: |\n  sentence_plan: 1\n  kind: plan\n', plan: false },
  { name: 'the key inside a folded block scalar', file: 'folded.yaml', text: 'notes: >-\n  sentence_plan: 1\n', plan: false },
  { name: 'the key inside a multi-line quoted string', file: 'string.yaml', text: 'notes: "a\n  sentence_plan: 1"\n', plan: false },
  { name: 'a document that is a block scalar', file: 'scalar-doc.yaml', text: '--- |\nsentence_plan: 1\n', plan: false },
  { name: 'a flow sequence, not a mapping', file: 'seq.yaml', text: '[sentence_plan: 1]\n', plan: false },
  { name: 'no space after the colon (a plain scalar, not a key)', file: 'nospace.yaml', text: 'sentence_plan:1\n', plan: false },
  { name: 'the key only in a comment', file: 'commented.yaml', text: '# sentence_plan: 1\nservices: {}\n', plan: false },
  { name: 'the key past the head detection reads', file: 'far.yaml', text: LONG_COMMENT + MINIMAL, plan: false },
  { name: '.planlintrc.yaml is a config, not a plan', file: '.planlintrc.yaml', text: MINIMAL, plan: false },
  { name: '.planlintrc.yml is a config, not a plan', file: '.planlintrc.yml', text: MINIMAL, plan: false },
  { name: 'not a YAML file', file: 'notes.txt', text: MINIMAL, plan: false, languageId: 'plaintext' },
];
