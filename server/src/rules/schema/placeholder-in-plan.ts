// template/placeholder-in-plan: a `${…}` placeholder copied from a template and never filled
// in. Runs only in plans (a template is made of placeholders).

import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { nodeRange } from '../../engine/locate.js';
import type { Rule } from '../../engine/rule.js';
import type { Path } from '../../engine/types.js';
import { PLACEHOLDER_GLOBAL_RE } from './support.js';
import { isQuotableCode } from '../../engine/privacy.js';
import { msg, type MessageValue, type Msg } from '../../engine/messages.js';
import { commaList } from './support.js';

export const placeholderInPlan: Rule = {
  meta: {
    id: 'template/placeholder-in-plan',
    severity: 'error',
    policy: 'Plan format: templates',
    description: 'A `${…}` template placeholder is left in a plan.',
    fixable: 'none',
    inTemplates: false,
    messages: {
      left:
        '{placeholders} {n, plural, one {is a template placeholder} other {are template placeholders}} left in a plan: replace {n, plural, one {it} other {them}} with the real value (or set `kind: template` if this file is a template).',
      named: "`$'{'{name}'}'`",
      namedWithDefault: "`$'{'{name}:…'}'`",
      unnamed: 'a placeholder',
      wordList: '{a}, {b}',
    },
    docs: {
      rationale:
        'Policy teams write templates (`kind: template`) whose values are placeholders such as `${target_date}` or `${owner:key_worker}`. ' +
        'A plan made from a template must have every placeholder replaced by the real value: a placeholder left behind means a date, ' +
        'a score or a name of a team member was never filled in, and the rules that need it cannot check it. ' +
        'Each value that still holds a placeholder is reported. If the file really is a template, set `kind: template`.',
      bad: 'kind: plan\nobjectives:\n  - id: OBJ-1\n    target_date: ${target_date}',
      good: 'kind: plan\nobjectives:\n  - id: OBJ-1\n    target_date: 2025-12-31',
    },
  },
  check(ctx) {
    const root = ctx.doc?.contents as Node | null | undefined;
    if (!root) return;
    const stack: { node: Node; path: Path; depth: number }[] = [{ node: root, path: [], depth: 0 }];
    while (stack.length) {
      const { node, path, depth } = stack.pop()!;
      if (depth > 200 || isAlias(node)) continue;
      if (isScalar(node)) {
        if (typeof node.value !== 'string') continue;
        const found = node.value.match(PLACEHOLDER_GLOBAL_RE);
        const r = nodeRange(node);
        if (!found || !r) continue;
        // The placeholder's name is quoted, never its default (which may be any text).
        const names = [...new Set(found.map(placeholderKey))];
        ctx.report({
          path,
          at: 'value',
          span: { start: r[0], end: r[1] },
          messageId: 'left',
          data: { n: names.length, placeholders: commaList(names.map(placeholderShown)) },
        });
      } else if (isMap(node)) {
        for (const item of node.items) {
          if (!isPair(item) || !item.value) continue;
          const k = isScalar(item.key) ? String(item.key.value) : '?';
          stack.push({ node: item.value as Node, path: [...path, k], depth: depth + 1 });
        }
      } else if (isSeq(node)) {
        node.items.forEach((it, i) => {
          if (it) stack.push({ node: it as Node, path: [...path, i], depth: depth + 1 });
        });
      }
    }
  },
};

/** How a placeholder is shown, as a key that dedupes: `name`, `name:` (with a default), or `` (unquotable). */
function placeholderKey(p: string): string {
  const m = /^\$\{([^:}]*)(:?)/.exec(p);
  const name = m?.[1] ?? '';
  return isQuotableCode(name) ? `${name}${m?.[2] ? ':' : ''}` : '';
}

/** `${name}` or `${name:…}`, or "a placeholder" when the name itself may not be quoted. */
function placeholderShown(key: string): MessageValue {
  if (key === '') return msg('unnamed');
  const m: Msg = key.endsWith(':') ? msg('namedWithDefault', { name: key.slice(0, -1) }) : msg('named', { name: key });
  return m;
}
