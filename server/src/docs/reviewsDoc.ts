// docs/reviews.md, rendered from docs/src/reviews.md by `npm run docs`: every number the page
// states comes from the review policy (`{{review.…}}` placeholders, policyText.ts), and the worked
// example's table and finding are computed by the engine from the example plan on the page, so a
// change to review.json changes the page and the page never disagrees with what planlint says.
// Pure: the caller reads and writes the files.
import { dueDates } from '../engine/obligations.js';
import { lint } from '../engine/lint.js';
import { defaultConfig, type ResolvedConfig } from '../engine/config.js';
import { ALL_RULES } from '../rules/index.js';
import { renderPolicyText } from './policyText.js';

export const REVIEWS_TEMPLATE = 'docs/src/reviews.md';
export const REVIEWS_PAGE = 'docs/reviews.md';
const HEADER = '<!-- Generated from docs/src/reviews.md by `npm run docs`: edit that file. Its numbers come from server/src/policy/review.json. -->\n';

/** The as-of date of the worked example: the date its text is written for. */
export const EXAMPLE_AS_OF = '2026-11-23';

/** The page, from its template and a configuration's policy (the shipped one by default). */
export function renderReviewsDoc(template: string, config: ResolvedConfig = defaultConfig()): string {
  const example = exampleOf(template);
  const parts = template.split(/(\{\{example (?:obligations|findings)\}\})/);
  const out = parts.map((p) => {
    if (p === '{{example obligations}}') return obligationsTable(example, config);
    if (p === '{{example findings}}') return findingsBlock(example, config);
    return renderPolicyText(p, config.policy);
  });
  return HEADER + out.join('');
}

/** The first YAML block after "## Worked example". */
function exampleOf(template: string): string {
  const at = template.indexOf('## Worked example');
  const m = at >= 0 ? /```yaml\n([\s\S]*?)```/.exec(template.slice(at)) : null;
  if (!m) throw new Error(`${REVIEWS_TEMPLATE}: no yaml block after "## Worked example"`);
  return `sentence_plan: 1\n${m[1]}`;
}

function obligationsTable(yaml: string, config: ResolvedConfig): string {
  const { plan } = lint(yaml, { asOf: EXAMPLE_AS_OF, config, rules: [] });
  if (!plan) throw new Error(`${REVIEWS_TEMPLATE}: the worked example is not a plan`);
  const rows = dueDates(plan, EXAMPLE_AS_OF, config.policy).map((o) => {
    const state = o.state === 'overdue' || o.state === 'late' ? `**${o.state}** (${o.daysPast} days)` : o.state;
    const met = o.metOn ? (o.state === 'late' ? `; the review came on ${o.metOn}` : `; met on ${o.metOn}`) : '';
    return `| ${o.kind} | ${o.due} | ${o.windowStart} – ${o.windowEnd} | ${state} | ${o.basis}${met} |`;
  });
  return ['| obligation | due | window | state | why |', '|---|---|---|---|---|', ...rows].join('\n');
}

function findingsBlock(yaml: string, config: ResolvedConfig): string {
  const rules = ALL_RULES.filter((r) => r.meta.id.startsWith('review/'));
  const fs = lint(yaml, { asOf: EXAMPLE_AS_OF, config, rules }).findings;
  if (!fs.length) return '(nothing)';
  return fs.map((f) => `${f.severity}  ${wrap(f.message, 80, '         ')}\n${' '.repeat(9)}(${f.ruleId})`).join('\n\n');
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}
