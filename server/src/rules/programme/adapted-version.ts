// programme/adapted-version: with a learning disability, use the programme's adapted version (PSI 19/2014 para 2.16).
import type { Rule } from '../../engine/rule.js';
import type { Fix } from '../../engine/types.js';
import { adaptedVersionFor, type Choice } from '../../policy/eligibility/wording.js';
import { label, plannedProgrammes, theName, uncertainNote } from './support.js';

export const adaptedVersion: Rule = {
  meta: {
    id: 'programme/adapted-version',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.16',
    description: 'The person has a learning disability and the programme has an adapted version the plan does not use.',
    fixable: 'fix',
    inTemplates: false,
    docs: {
      rationale:
        'Most accredited programmes need a level of cognitive functioning and literacy to benefit from them; adapted versions exist for people with a learning disability or challenges (PSI 19/2014 para 2.16). OASys flags these, and the plan records it as `person.learning_disability: true`.\n\n' +
        'The adapted equivalents are catalogue data (`adapted_version`): Kaizen → Becoming New Me Plus; the Thinking Skills Programme and Building Better Relationships → New Me Strengths; Horizon → New Me Strengths at OSP/C medium, Becoming New Me Plus at high or very high (the sources disagree: the message says so). Programmes already suited (the New Me programmes, Building Choices, the Healthy Sex Programme) and those decided case by case are not reported.\n\n' +
        'The quick fix swaps the programme id to the adapted one (one fix per candidate when the scores do not settle which). Check the eligibility for the adapted programme afterwards.',
      bad: 'person:\n  learning_disability: true\nactions:\n  - id: ACT-2\n    type: programme\n    programme: kaizen\n    eligibility: passed',
      good: 'person:\n  learning_disability: true\nactions:\n  - id: ACT-2\n    type: programme\n    programme: becoming_new_me_plus\n    eligibility: passed',
    },
  },
  check(ctx) {
    if (ctx.plan.person?.learning_disability !== true) return;
    for (const { action: a, programme: p } of plannedProgrammes(ctx)) {
      const c = adaptedVersionFor(p, ctx.plan, ctx.catalogue, ctx.policy, a.strand);
      if (!c || c.options.some((o) => o.id === p.id)) continue;
      const path = [...a.path, 'programme'];
      const fix = (o: Choice): Fix | undefined => {
        const e = ctx.edit.replaceValue(path, ctx.edit.scalar(o.id, path));
        return e ? { title: `Change to \`${o.id}\` (${o.name}), the adapted version`, edits: [e], fixAll: false } : undefined;
      };
      let which: string;
      let offer: Choice[];
      if (c.chosen) {
        const o = c.options.find((x) => x.id === c.chosen)!;
        offer = [o];
        which = `use its adapted version, ${o.name}${o.because.length ? ` (${o.because.join(', ')})` : ''}, instead`;
      } else {
        const open = c.options.filter((o) => o.result !== false);
        offer = open;
        const unknowns = [...new Set(c.options.flatMap((o) => (o.result === 'unknown' ? o.because : [])))];
        which = open.length
          ? `use its adapted version (${c.options.map((o) => o.name).join(' or ')}) instead${unknowns.length ? `; which one depends on: ${unknowns.join('; ')}` : ''}`
          : `its adapted versions (${c.options.map((o) => o.name).join(', ')}) do not fit the recorded scores: consider a more individualised approach`;
      }
      ctx.report({
        path,
        at: 'value',
        message: `Action ${label(a)}: the person has a learning disability, and ${theName(p.name)} has an adapted version for people who need it (PSI 19/2014 para 2.16): ${which}.${uncertainNote(c.relied)}`,
        related: [{ path: ['person', 'learning_disability'], at: 'value', message: 'Learning disability recorded.' }],
        fixes: offer.map(fix).filter((f): f is Fix => f !== undefined),
      });
    }
  },
};
