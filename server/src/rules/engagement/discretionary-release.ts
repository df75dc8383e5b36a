// engagement/discretionary-release: a person on a discretionary-release sentence who is not engaged is told that this may affect release (PSI 19/2014 para 2.6).
import type { Rule } from '../../engine/rule.js';
import type { FixSpec } from '../../engine/types.js';

const DISCRETIONARY = new Set(['ipp', 'life', 'extended_determinate']);

export const discretionaryRelease: Rule = {
  meta: {
    id: 'engagement/discretionary-release',
    severity: 'error',
    policy: 'PSI 19/2014 paras 2.6, 2.11',
    description: 'On an IPP, life or extended sentence, a person not engaged with the plan has been told this may affect release (`told_noncompliance_affects_release: true`).',
    fixable: 'fix',
    inTemplates: false,
    demandsPlan: true,
    messages: {
      recordedNotTold:
        'On {sentence, select, ipp {an IPP sentence} life {a life sentence} other {an extended determinate sentence}}, release is at the Parole Board\'s discretion, and the person is not engaged with the plan, but the plan records that they have not been told this may affect their release. They must be told ({cite}): tell them, then record `true`.',
      notTold:
        'On {sentence, select, ipp {an IPP sentence} life {a life sentence} other {an extended determinate sentence}}, release is at the Parole Board\'s discretion, and the person is not engaged with the plan. They must be told that not complying with the plan may affect their chances of release ({cite}): once they have been, record `told_noncompliance_affects_release: true`.',
      fixRecordTold: 'Record that the person was told non-compliance may affect release (confirm before saving)',
    },
    docs: {
      rationale:
        'People serving IPP, life or extended determinate sentences are released only when they show the Parole Board that their risk can be managed in the community. When such a person is not fully engaged with the plan, the offender manager or supervisor must make sure they know that not complying may affect their chances of release (PSI 19/2014 para 2.6, mandatory; also para 2.11). Record it with `engagement.told_noncompliance_affects_release: true`.\n\nThe quick fix inserts that key with `true`, for the author to confirm that the conversation took place before saving; it is never applied unattended. When the key is recorded as `false`, no fix is offered: have the conversation, then change the value.',
      bad: 'sentence:\n  type: ipp\nengagement:\n  involved: false\n  discussed_on: 2026-10-02\n  reason: Declined to attend the planning meeting.',
      good: 'sentence:\n  type: ipp\nengagement:\n  involved: false\n  discussed_on: 2026-10-02\n  reason: Declined to attend the planning meeting.\n  told_noncompliance_affects_release: true',
    },
  },
  check(ctx) {
    const type = ctx.plan.sentence?.type;
    const e = ctx.plan.engagement;
    if (!type || !DISCRETIONARY.has(type) || e?.involved !== false) return;
    if (e.told_noncompliance_affects_release === true) return;
    const raw = (ctx.root as { engagement?: Record<string, unknown> } | null)?.engagement?.told_noncompliance_affects_release;
    if (raw !== undefined && raw !== null && typeof raw !== 'boolean') return; // a wrong type is schema/shape's finding
    if (e.told_noncompliance_affects_release === false) {
      ctx.report({
        path: ['engagement', 'told_noncompliance_affects_release'],
        at: 'value',
        messageId: 'recordedNotTold',
        data: { sentence: type },
        cite: 'PSI 19/2014 para 2.6',
      });
      return;
    }
    const fixes: FixSpec[] = [];
    const edit = ctx.edit.insertPair(['engagement'], 'told_noncompliance_affects_release', 'true');
    if (edit) fixes.push({ title: { id: 'fixRecordTold' }, edits: [edit], fixAll: false });
    ctx.report({
      path: ['engagement', 'involved'],
      at: 'value',
      messageId: 'notTold',
      data: { sentence: type },
      cite: 'PSI 19/2014 para 2.6',
      fixes,
    });
  },
};
