// The engine's own types. Nothing here knows about LSP, VS Code or the file system:
// positions are UTF-16 offsets into the text that was linted (JavaScript string indices),
// and the fronts convert them at their edge (CLI: 1-based line/column; LSP: Position).

import type { MessageData, Msg } from './messages.js';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A half-open range of UTF-16 offsets into the linted text. */
export interface Span {
  start: number;
  end: number;
}

/** Replace text[start, end) with newText. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** What the fix does, shown as the quick-fix title: "Change `High` to `high`". */
  title: string;
  edits: TextEdit[];
  /**
   * True when the fix is certain and content-preserving, so the CLI's `--fix` and the
   * editor's "fix all" may apply it unattended. False: offered only as a quick fix.
   */
  fixAll: boolean;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The message, rendered in the lint's locale from `messageId` and `data`. */
  message: string;
  /** Full message id (`plan/action-owner.missing`), stable across locales. */
  messageId?: string;
  /** The values the message was rendered from (id-shaped values only: engine/privacy.ts). */
  data?: MessageData;
  /** The policy paragraph this finding cites in its message, when it cites one (data, not text). */
  cite?: string;
  /** The policy paragraph behind the rule, e.g. "PSI 19/2014 para 2.7". */
  policy: string;
  span: Span;
  fixes: Fix[];
  related: RelatedLocation[];
}

/** A path into the plan document: keys and sequence indices. */
export type Path = readonly (string | number)[];

export type Fixability = 'none' | 'fix' | 'fix-all';

export interface RuleDocs {
  /** Why the rule exists, in the project's own words (Markdown). */
  rationale: string;
  /** A YAML fragment that breaks the rule. */
  bad: string;
  /** The same fragment, corrected. */
  good: string;
}

export interface RuleMeta {
  /** Stable id, `family/name`. */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** Policy reference, e.g. "PSI 19/2014 para 2.7; PRT". */
  policy: string;
  /** One line, shown in the README table and in hover. */
  description: string;
  /**
   * The rule's messages by id, in English (engine/messages.ts syntax): what `report` refers to
   * by `messageId`, and what a fix title or related message refers to by `{ id }`.
   */
  messages?: Readonly<Record<string, string>>;
  fixable: Fixability;
  /** Whether the rule runs in `kind: template` files (rules judging a real person do not). */
  inTemplates: boolean;
  /** Whether the rule depends on the as-of date (caching keys on asOf for these). */
  usesAsOf?: boolean;
  /**
   * True for a rule that demands plan content (outcomes, an owner, engagement, SMART objectives,
   * reviews, sequencing): it does not run on a file for which no plan is needed (PSI 19/2014
   * paras 1.2, 1.7), where `plan/not-required` says why instead.
   */
  demandsPlan?: boolean;
  docs: RuleDocs;
}

/** Where on a node a finding points. */
export type Anchor = 'key' | 'value' | 'pair';

/** A fix as a rule reports it: the title is a message by id. */
export interface FixSpec {
  title: Msg;
  edits: TextEdit[];
  fixAll: boolean;
}

export interface ReportDescriptor {
  /** The node the finding is about. A missing path falls back to its nearest existing ancestor. */
  path: Path;
  /** Point at the key (default for maps), the value, or key and value together. */
  at?: Anchor;
  /** One of the rule's `meta.messages` (or a full id `family/rule.id`, `common.x`). */
  messageId: string;
  data?: MessageData;
  /** The policy paragraph the message cites: fills `{cite}` and is kept on the finding. */
  cite?: string;
  fixes?: FixSpec[];
  related?: { path: Path; at?: Anchor; message: Msg }[];
  /** An explicit span overrides `path`/`at`. */
  span?: Span;
  /**
   * This finding's severity when it differs from the rule's default (e.g. a review "done late"
   * is a warning where "overdue" is an error). Ignored when configuration sets the rule's severity.
   */
  severity?: Severity;
}
