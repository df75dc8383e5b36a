// plan/need-coverage: every need linked to offending has an objective (PSI 19/2014 para 2.8).
import type { Rule } from '../../engine/rule.js';

export const needCoverage: Rule = {
  meta: {
    id: 'plan/need-coverage',
    severity: 'warning',
    policy: 'PSI 19/2014 paras 1.2, 2.8',
    description: 'Every need the assessment links to offending is addressed by at least one objective.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      uncovered:
        'The assessment links `{need}` to offending, but no objective addresses it. The plan\'s objectives should follow the needs most strongly linked to offending ({cite}): add an objective with `need: {need}`, or record why it is not addressed now.',
    },
    docs: {
      rationale:
        'The plan exists to address the needs and risks the assessment found (PSI 19/2014 para 1.2), and its objectives are prioritised by the areas most strongly linked to offending (para 2.8). A need recorded with `linked_to_offending: true` that no objective addresses (`need:` on the objective) is a gap in the plan. An objective marked `no_longer_appropriate` does not count.',
      bad: 'assessment:\n  needs:\n    - { area: accommodation, linked_to_offending: true, severity: high }\nobjectives:\n  - id: OBJ-1\n    need: drug_misuse',
      good: 'assessment:\n  needs:\n    - { area: accommodation, linked_to_offending: true, severity: high }\nobjectives:\n  - id: OBJ-1\n    need: drug_misuse\n  - id: OBJ-2\n    need: accommodation',
    },
  },
  check(ctx) {
    const needs = ctx.plan.assessment?.needs ?? [];
    const covered = new Set(ctx.plan.objectives.filter((o) => o.status !== 'no_longer_appropriate' && o.need).map((o) => o.need));
    const seen = new Set<string>();
    for (const n of needs) {
      if (!n.area || n.linked_to_offending !== true || covered.has(n.area) || seen.has(n.area)) continue;
      seen.add(n.area);
      ctx.report({
        path: [...n.path, 'area'],
        at: 'value',
        messageId: 'uncovered',
        data: { need: n.area },
        cite: 'PSI 19/2014 para 2.8',
      });
    }
  },
};
