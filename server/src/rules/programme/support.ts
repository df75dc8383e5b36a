// Shared by the programme/* rules. Not a rule: index.ts lists the rules.

import { isSeq, type Node } from 'yaml';
import { nodeRange } from '../../engine/locate.js';
import type { MessageValue } from '../../engine/messages.js';
import type { Action, Plan } from '../../engine/model.js';
import type { RuleContext } from '../../engine/rule.js';
import { isQuotableId } from '../../engine/privacy.js';
import type { Path, TextEdit } from '../../engine/types.js';
import { findProgramme } from '../../policy/eligibility/catalogue.js';
import { actionEligibilityMessages, type EligibilityMessages } from '../../policy/eligibility/wording.js';
import type { Programme } from '../../policy/programmes.js';
import { isPlaceholder, rawAt } from '../plan/support.js';

/**
 * How a message names an action: its id ("ACT-3"), or `common.action` ("action 3") when it has
 * no id, one that may not be quoted (engine/privacy.ts) or a template placeholder.
 */
export function label(a: Action): MessageValue {
  if (isQuotableId(a.id) && !isPlaceholder(a.id)) return a.id;
  return { id: 'common.action', data: { n: Number(a.path[a.path.length - 1]) + 1 } };
}

/** Distinct messages (by id and data), the first of each kept. */
export function uniqueMsgs<T extends MessageValue>(xs: readonly T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = JSON.stringify(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "a or b or c", with the rule's own `{a} or {b}` message `or`. */
export function orEach(xs: readonly MessageValue[], or: string): MessageValue {
  return xs.reduceRight<MessageValue>((b, a) => (b === '' ? a : { id: or, data: { a, b } }), '');
}

/** A programme action (`type: programme`) or an assessment for a programme (`type: assessment` with `programme`). */
export function isProgrammeRelated(a: Action): boolean {
  return a.type === 'programme' || (a.type === 'assessment' && a.programme !== undefined);
}

/** Still to happen: not completed, withdrawn or no longer appropriate. */
export function isFuture(a: Action): boolean {
  return a.status !== 'completed' && a.status !== 'withdrawn' && a.status !== 'no_longer_appropriate';
}

/** The programme id written on an action, unless it is a template placeholder. */
export function programmeId(a: Action): string | undefined {
  return a.programme !== undefined && !isPlaceholder(a.programme) ? a.programme : undefined;
}

/**
 * Future `type: programme` actions naming a catalogue programme, with the entry: what the
 * eligibility rules judge. An action already marked `not_eligible` is left to
 * programme/not-eligible-listed.
 */
export function plannedProgrammes(ctx: RuleContext): { action: Action; programme: Programme }[] {
  const out: { action: Action; programme: Programme }[] = [];
  for (const a of ctx.plan.actions) {
    if (a.type !== 'programme' || !isFuture(a) || a.eligibility === 'not_eligible') continue;
    const id = programmeId(a);
    if (!id) continue;
    const f = findProgramme(id, ctx.catalogue);
    if (f?.kind === 'programme') out.push({ action: a, programme: f.programme });
  }
  return out;
}

export { commaMsg, orMsg, programmeMsg, semiMsg, uncertainMsg } from '../../policy/eligibility/wording.js';

/** True when a value is written at `path` but does not read as a valid value (schema/shape reports it). */
export function invalidValue(ctx: RuleContext, path: Path, modelValue: unknown): boolean {
  const raw = rawAt(ctx.root, path);
  return raw !== undefined && raw !== null && modelValue === undefined;
}

/** True when the value at `path` is a template placeholder. */
export function placeholderAt(ctx: RuleContext, path: Path): boolean {
  return isPlaceholder(rawAt(ctx.root, path));
}

/** Actions (other than `a`) that name `a` in their `after`. */
export function dependants(plan: Plan, a: Action): Action[] {
  return a.id ? plan.actions.filter((b) => b !== a && (b.after ?? []).includes(a.id!)) : [];
}

/**
 * Insert a new block-map item before item `index` of the block sequence at `seqPath` (and
 * before the comment lines just above it). `lines[0]` follows the dash. Undefined when the
 * layout is unusual (a flow list, an item not starting on its dash line).
 */
export function insertItemBefore(ctx: RuleContext, seqPath: Path, index: number, lines: readonly string[]): TextEdit | undefined {
  const loc = ctx.locate(seqPath);
  if (!loc.found || !isSeq(loc.node) || loc.node.flow) return undefined;
  const item = loc.node.items[index] as Node | undefined;
  const r = nodeRange(item);
  if (!r) return undefined;
  const pt = ctx.parsed;
  const dash = pt.text.lastIndexOf('-', r[0]);
  if (dash < 0) return undefined;
  const dashPos = pt.lines.positionAt(dash);
  const itemPos = pt.lines.positionAt(r[0]);
  if (itemPos.line !== dashPos.line || itemPos.character <= dashPos.character) return undefined;
  if (pt.lines.lineText(dashPos.line).slice(0, dashPos.character).trim() !== '') return undefined;
  let line = dashPos.line;
  while (line > 0 && /^\s*#/.test(pt.lines.lineText(line - 1))) line--;
  const pad = ' '.repeat(dashPos.character);
  const inner = ' '.repeat(itemPos.character);
  const body = [`${pad}-${' '.repeat(itemPos.character - dashPos.character - 1)}${lines[0]}`, ...lines.slice(1).map((l) => (l === '' ? '' : inner + l))];
  const at = pt.lines.starts[line];
  return { start: at, end: at, newText: body.join(pt.eol) + pt.eol };
}

/** A fresh action id after the pattern of `like` ("ACT-7" -> "ACT-<max+1>"), unused in the plan. */
export function freshActionId(plan: Plan, like: string | undefined): string {
  const ids = new Set(plan.actions.map((a) => a.id).filter((x): x is string => x !== undefined));
  const m = like ? /^(.*?)(\d+)$/.exec(like) : null;
  const prefix = m ? m[1] : 'ACT-';
  let n = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) n = Math.max(n, Number(rest));
  }
  let id = `${prefix}${n + 1}`;
  while (ids.has(id)) id = `${prefix}${++n + 1}`;
  return id;
}

// One eligibility check per action and lint: several rules read different aspects of it. The
// plan model (and so each action object) is built once per lint, so the action is the key.
const checked = new WeakMap<Action, { programme: Programme; ctx: object; e: EligibilityMessages }>();

/** The eligibility of an action, as messages, computed once per lint and shared by the rules. */
export function eligibilityOf(ctx: RuleContext, a: Action, p: Programme): EligibilityMessages {
  const hit = checked.get(a);
  // Same programme, and the same plan, catalogue and policy objects (one lint).
  const key = { plan: ctx.plan, catalogue: ctx.catalogue, policy: ctx.policy };
  if (hit && hit.programme === p && sameKey(hit.ctx as typeof key, key)) return hit.e;
  const e = actionEligibilityMessages(a, p, ctx.plan, ctx.catalogue, ctx.policy);
  checked.set(a, { programme: p, ctx: key, e });
  return e;
}
const sameKey = (x: { plan: unknown; catalogue: unknown; policy: unknown }, y: { plan: unknown; catalogue: unknown; policy: unknown }): boolean =>
  x.plan === y.plan && x.catalogue === y.catalogue && x.policy === y.policy;

export const PSI = 'PSI 19/2014';
