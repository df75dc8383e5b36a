// sequence/cycle: the `after` graph has no cycle.
import type { Rule } from '../../engine/rule.js';
import type { MessageValue } from '../../engine/messages.js';
import { actionsById, afterLinks, label, type AfterLink } from './support.js';

export const cycle: Rule = {
  meta: {
    id: 'sequence/cycle',
    severity: 'error',
    policy: 'PSI 19/2014 paras 2.12, 2.13',
    description: 'The `after` links between actions contain no cycle (the message names the cycle).',
    fixable: 'none',
    inTemplates: true,
    demandsPlan: true,
    messages: {
      self: '{action} is listed in its own `after` ({loop}), so it can never start. Remove it from `after` ({cite}).',
      cycle: 'The `after` links form a cycle: {loop} (each action waits for the next), so none of them can start. Remove the link that is wrong ({cite}).',
      arrow: '{a} → {b}',
      relatedAfter: '{action} comes after {prerequisite}.',
    },
    docs: {
      rationale:
        'Actions are sequenced logically, each step following on from the one it depends on (PSI 19/2014 paras 2.12, 2.13). `after` lists the actions that must come first; if those links loop back (ACT-1 after ACT-3, ACT-3 after ACT-1, or an action after itself), none of the actions in the loop can ever start.\n\n' +
        'The message names the loop, e.g. `ACT-1 → ACT-3 → ACT-1`, where each arrow reads "comes after". Each loop is reported once, at the first link. Remove the link that is wrong.',
      bad: 'actions:\n  - { id: ACT-1, after: [ACT-3] }\n  - { id: ACT-2 }\n  - { id: ACT-3, after: [ACT-1] }',
      good: 'actions:\n  - { id: ACT-1 }\n  - { id: ACT-2 }\n  - { id: ACT-3, after: [ACT-1] }',
    },
  },
  check(ctx) {
    const acts = ctx.plan.actions;
    const byId = actionsById(acts);
    const links = new Map<string, AfterLink[]>();
    for (const [id, a] of byId) links.set(id, afterLinks(ctx, a).filter((l) => byId.has(l.id)));

    // Tarjan's strongly connected components (iterative, so a long chain cannot overflow the stack).
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const sccs: string[][] = [];
    let counter = 0;
    for (const root of byId.keys()) {
      if (index.has(root)) continue;
      const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
      index.set(root, counter);
      low.set(root, counter++);
      stack.push(root);
      onStack.add(root);
      while (work.length) {
        const top = work[work.length - 1];
        const out = links.get(top.v)!;
        if (top.i < out.length) {
          const w = out[top.i++].id;
          if (!index.has(w)) {
            index.set(w, counter);
            low.set(w, counter++);
            stack.push(w);
            onStack.add(w);
            work.push({ v: w, i: 0 });
          } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
          continue;
        }
        work.pop();
        if (work.length) {
          const parent = work[work.length - 1].v;
          low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
        }
        if (low.get(top.v) === index.get(top.v)) {
          const comp: string[] = [];
          let w: string;
          do {
            w = stack.pop()!;
            onStack.delete(w);
            comp.push(w);
          } while (w !== top.v);
          sccs.push(comp);
        }
      }
    }

    const listPos = (id: string): number => byId.get(id)!.path[1] as number;
    for (const comp of sccs) {
      const members = new Set(comp);
      const start = [...comp].sort((a, b) => listPos(a) - listPos(b))[0];
      const self = links.get(start)!.find((l) => l.id === start);
      if (comp.length === 1 && !self) continue;
      // A shortest path back to the start inside the component (breadth first).
      const path = self ? [start, start] : loopFrom(start, members, links);
      const hops = path.slice(0, -1).map((id, k) => links.get(id)!.find((l) => l.id === path[k + 1])!);
      const name = (id: string): MessageValue => label(byId.get(id)!);
      ctx.report({
        path: hops[0].path,
        at: 'value',
        messageId: path.length === 2 ? 'self' : 'cycle',
        data: { action: name(start), loop: arrows(path.map(name)) },
        cite: 'PSI 19/2014 para 2.12',
        related: hops.slice(1).map((h, k) => ({
          path: h.path,
          at: 'value' as const,
          message: { id: 'relatedAfter', data: { action: name(path[k + 1]), prerequisite: name(path[k + 2]) } },
        })),
      });
    }
  },
};

/** "ACT-1 → ACT-3 → ACT-1", nested as a balanced tree (a long loop renders without deep recursion). */
function arrows(xs: readonly MessageValue[]): MessageValue {
  if (xs.length === 1) return xs[0];
  const mid = Math.ceil(xs.length / 2);
  return { id: 'arrow', data: { a: arrows(xs.slice(0, mid)), b: arrows(xs.slice(mid)) } };
}

function loopFrom(start: string, members: Set<string>, links: Map<string, AfterLink[]>): string[] {
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const l of links.get(v)!) {
      if (!members.has(l.id)) continue;
      if (l.id === start) {
        const path = [start];
        for (let x = v; x !== start; x = prev.get(x)!) path.splice(1, 0, x);
        return [...path, start];
      }
      if (!prev.has(l.id)) {
        prev.set(l.id, v);
        queue.push(l.id);
      }
    }
  }
  return [start, start];
}
