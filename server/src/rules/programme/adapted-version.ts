// programme/adapted-version: with a learning disability, use the programme's adapted version (PSI 19/2014 para 2.16).
import type { Rule } from '../../engine/rule.js';
import type { MessageValue } from '../../engine/messages.js';
import type { FixSpec } from '../../engine/types.js';
import { adaptedVersions } from '../../policy/eligibility/catalogue.js';
import { choiceMessages, type ChoiceMessages } from '../../policy/eligibility/wording.js';
import { commaMsg, label, orEach, plannedProgrammes, programmeMsg, semiMsg, uncertainMsg, uniqueMsgs } from './support.js';

export const adaptedVersion: Rule = {
  meta: {
    id: 'programme/adapted-version',
    severity: 'warning',
    policy: 'PSI 19/2014 para 2.16',
    description: 'The person has a learning disability and the programme has an adapted version the plan does not use.',
    fixable: 'fix',
    inTemplates: false,
    messages: {
      adapted:
        'Action {action}: the person has a learning disability, and {programme} has an adapted version for people who need it ({cite}): {which}.{uncertain}',
      useAdapted: 'use its adapted version, {name}{because}, instead',
      because: ' ({list})',
      useOneOf: 'use its adapted version ({names}) instead{depends}',
      dependsOn: '; which one depends on: {list}',
      noneFits: 'its adapted versions ({names}) do not fit the recorded scores: consider a more individualised approach',
      or: '{a} or {b}',
      relatedLearningDisability: 'Learning disability recorded.',
      fixAdapted: 'Change to `{id}` ({name}), the adapted version',
    },
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
      const v = adaptedVersions(p, ctx.plan, ctx.catalogue, ctx.policy, a.strand);
      if (!v || v.options.some((o) => o.id === p.id)) continue;
      const c = choiceMessages(v);
      type Option = ChoiceMessages['options'][number];
      const path = [...a.path, 'programme'];
      const fix = (o: Option): FixSpec | undefined => {
        const e = ctx.edit.replaceValue(path, ctx.edit.scalar(o.id, path));
        return e ? { title: { id: 'fixAdapted', data: { id: o.id, name: o.name } }, edits: [e], fixAll: false } : undefined;
      };
      let which: MessageValue;
      let offer: Option[];
      if (c.chosen) {
        const o = c.options.find((x) => x.id === c.chosen)!;
        offer = [o];
        which = { id: 'useAdapted', data: { name: o.name, because: o.because.length ? { id: 'because', data: { list: commaMsg(o.because) } } : '' } };
      } else {
        const open = c.options.filter((o) => o.result !== false);
        offer = open;
        const unknowns = uniqueMsgs(c.options.flatMap((o) => (o.result === 'unknown' ? o.because : [])));
        which = open.length
          ? { id: 'useOneOf', data: { names: orEach(c.options.map((o) => o.name), 'or'), depends: unknowns.length ? { id: 'dependsOn', data: { list: semiMsg(unknowns) } } : '' } }
          : { id: 'noneFits', data: { names: commaMsg(c.options.map((o) => o.name)) } };
      }
      ctx.report({
        path,
        at: 'value',
        messageId: 'adapted',
        data: { action: label(a), programme: programmeMsg(p.name), which, uncertain: uncertainMsg(c.relied) },
        cite: 'PSI 19/2014 para 2.16',
        related: [{ path: ['person', 'learning_disability'], at: 'value', message: { id: 'relatedLearningDisability' } }],
        fixes: offer.map(fix).filter((f): f is FixSpec => f !== undefined),
      });
    }
  },
};

