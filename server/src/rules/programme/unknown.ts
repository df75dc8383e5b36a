// programme/unknown: a programme action names a programme that is in the catalogue (PSI 19/2014 para 2.8).
import { distance } from 'fastest-levenshtein';
import type { Rule } from '../../engine/rule.js';
import type { MessageValue } from '../../engine/messages.js';
import type { FixSpec } from '../../engine/types.js';
import { findProgramme } from '../../policy/eligibility/catalogue.js';
import type { Catalogue, Programme } from '../../policy/programmes.js';
import { isProgrammeRelated, label, programmeId } from './support.js';

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');

/** Up to three catalogue programmes nearest to `word`, by id or by name ("did you mean"). */
export function nearestProgrammes(word: string, catalogue: Catalogue, max = 3): Programme[] {
  const w = norm(word);
  if (!w) return [];
  const scored: { p: Programme; d: number }[] = [];
  for (const p of catalogue.programmes) {
    const keys = [p.id, norm(p.name)];
    let best = Infinity;
    // Initials of the name: "tsp", "bbr", "hsp".
    const initials = p.name.split(/[^A-Za-z]+/).filter((x) => x !== '' && !/^(of|for|the|and)$/i.test(x)).map((x) => x[0].toLowerCase()).join('');
    if (initials.length >= 2 && w.replace(/_/g, '') === initials) best = 0.5;
    for (const k of keys) {
      const d = distance(w, k);
      const limit = Math.max(2, Math.floor(Math.max(w.length, k.length) * 0.4));
      if (d <= limit) best = Math.min(best, d);
      // A fragment or misspelt start of the id or name ("thinking_skils", "horizon_programme").
      else if (w.length >= 4 && (k.includes(w) || w.includes(k))) best = Math.min(best, Math.abs(k.length - w.length) / 2 + 1);
      else if (w.length >= 5) {
        const dp = distance(w, k.slice(0, w.length));
        if (dp <= Math.max(1, Math.floor(w.length / 5))) best = Math.min(best, dp + 1 + (k.length - w.length) / 10);
      }
    }
    if (best < Infinity) scored.push({ p, d: best });
  }
  return scored.sort((a, b) => a.d - b.d || a.p.id.localeCompare(b.p.id)).slice(0, max).map((x) => x.p);
}

/** Quote back only what looks like an id a person typed, never free text. */
// Only an id-shaped value is quoted back: lower case, digits, `_`, `.`, `-` (as catalogue ids
// are). A capitalised word or a phrase may be a person's name typed into the wrong field, and
// a name must never reach a report (design.md invariant 7).
const showable = (s: string): boolean => /^[a-z0-9_.\-]{1,40}$/.test(s);

export const unknown: Rule = {
  meta: {
    id: 'programme/unknown',
    severity: 'error',
    policy: 'PSI 19/2014 para 2.8; programme catalogue',
    description: 'A programme action (or an assessment for a programme) names a programme that is not in the catalogue.',
    fixable: 'fix',
    inTemplates: true,
    messages: {
      unknown:
        "Action {action}: {what} is not a programme in the catalogue, so the person's eligibility for it cannot be checked ({cite}).{mean} Use a catalogue id, or add a local programme under `programmes:` in .planlintrc.yaml.",
      id: '`{id}`',
      valueOfProgramme: 'the value of `programme`',
      didYouMean: ' Did you mean {options}?',
      option: '`{id}` ({name})',
      orOption: '{a}, or {b}',
      fixChange: 'Change to `{id}` ({name})',
    },
    docs: {
      rationale:
        'Programme eligibility is checked against the programme catalogue (policy data; see docs/programmes.md), so an action must name its programme by catalogue id: `thinking_skills_programme`, not "TSP" or "Thinking skills". Before a programme is put on a plan, the person\'s eligibility for it has to be considered (PSI 19/2014 para 2.8), and planlint can only do that for programmes it knows.\n\n' +
        'The rule looks at actions of `type: programme`, and at `type: assessment` actions that name a `programme`. Withdrawn programmes (Enhanced Thinking Skills, SOTP, …) are known too: `programme/legacy` reports them. A local programme can be added to the catalogue in `.planlintrc.yaml` under `programmes:`.\n\n' +
        'The quick fixes offer the nearest catalogue ids by id or name ("did you mean"); they are never applied unattended, because only the author knows which programme was meant.',
      bad: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skils\n    eligibility: passed',
      good: 'actions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    eligibility: passed',
    },
  },
  check(ctx) {
    for (const a of ctx.plan.actions) {
      if (!isProgrammeRelated(a)) continue;
      const id = programmeId(a);
      if (id === undefined || id.trim() === '' || findProgramme(id, ctx.catalogue)) continue;
      const path = [...a.path, 'programme'];
      const near = nearestProgrammes(id, ctx.catalogue);
      const fixes: FixSpec[] = [];
      for (const p of near) {
        const e = ctx.edit.replaceValue(path, ctx.edit.scalar(p.id, path));
        if (e) fixes.push({ title: { id: 'fixChange', data: { id: p.id, name: p.name } }, edits: [e], fixAll: false });
      }
      const what: MessageValue = showable(id) ? { id: 'id', data: { id } } : { id: 'valueOfProgramme' };
      const options = near.map((p): MessageValue => ({ id: 'option', data: { id: p.id, name: p.name } }));
      const mean: MessageValue = near.length ? { id: 'didYouMean', data: { options: options.reduceRight<MessageValue>((b, a) => (b === '' ? a : { id: 'orOption', data: { a, b } }), '') } } : '';
      ctx.report({
        path,
        at: 'value',
        messageId: 'unknown',
        data: { action: label(a), what, mean },
        cite: 'PSI 19/2014 para 2.8',
        fixes,
      });
    }
  },
};
