// The eligibility wording is a message catalogue (policy/eligibility/messages.ts): every
// template parses, every id the wording builds is in it, and a locale that translates the ids
// translates the reasons nested in a programme finding (no English is baked into the data).
import { describe, expect, it } from 'vitest';
import { registerLocale } from '../../../server/src/engine/l10n.js';
import { lint } from '../../../server/src/engine/lint.js';
import { isMsg, parseTemplate, type MessageValue } from '../../../server/src/engine/messages.js';
import { ELIGIBILITY_MESSAGES } from '../../../server/src/policy/eligibility/messages.js';
import { NOTE_MESSAGES } from '../../../server/src/policy/eligibility/wording.js';
import { rules } from '../../../server/src/rules/programme/index.js';
import { AS_OF, plan } from '../../rules/programme/helpers.js';

/** Every message id nested in a value. */
function ids(v: MessageValue | undefined, out: Set<string> = new Set()): Set<string> {
  if (v !== undefined && isMsg(v)) {
    out.add(v.id);
    for (const x of Object.values(v.data ?? {})) ids(x, out);
  }
  return out;
}

describe('eligibility messages', () => {
  it('every template parses', () => {
    for (const t of Object.values(ELIGIBILITY_MESSAGES)) expect(() => parseTemplate(t)).not.toThrow();
  });

  it('every id nested in the programme findings of varied plans is declared', () => {
    const texts = [
      plan({ assessment: { scores: { ogrs3_2yr: 0.31 } } }),
      plan({ person: { gender: 'female' }, assessment: { scores: { ogrs3_2yr: 0.3, osp_c: 'high' } } }, { programme: 'building_choices_moderate' }),
      plan({ assessment: { scores: { ovp_2yr: 0.59 }, offence: { index: 'violence' } } }, { programme: 'kaizen' }),
      plan({ person: { learning_disability: true }, assessment: { offence: { index: 'sexual' } } }, { programme: 'horizon' }),
      plan({}, { programme: 'core_sotp' }),
      plan({ assessment: { offence: { index: 'violence' } } }, { programme: 'horizon', phase: 'community' }),
    ];
    const seen = new Set<string>();
    for (const t of texts) for (const f of lint(t, { asOf: AS_OF, rules }).findings) for (const v of Object.values(f.data ?? {})) ids(v, seen);
    const eligibility = [...seen].filter((id) => id.startsWith('eligibility.'));
    expect(eligibility.length).toBeGreaterThan(10);
    for (const id of eligibility) expect(ELIGIBILITY_MESSAGES[id] ?? NOTE_MESSAGES[id], id).toBeDefined();
  });

  it('a locale translates the reasons nested in a finding', () => {
    registerLocale('x-test', {
      'programme/risk-too-low.tooLow': '[{action}] {why} / {programme}',
      'eligibility.belowThe': '{score}={v} < {t}{by}',
      'eligibility.needs': ' ({programme})',
      'eligibility.programme': '<{name}>',
    });
    const t = plan({ assessment: { scores: { ogrs3_2yr: 0.31 } } });
    const [f] = lint(t, { asOf: AS_OF, rules, locale: 'x-test' }).findings.filter((x) => x.ruleId === 'programme/risk-too-low');
    expect(f.message).toBe('[ACT-2] OGRS3=31% < 50% (<Thinking Skills Programme>) / <Thinking Skills Programme>');
    // The same finding in English is unchanged.
    const [en] = lint(t, { asOf: AS_OF, rules }).findings.filter((x) => x.ruleId === 'programme/risk-too-low');
    expect(en.message).toMatch(/^Action ACT-2: OGRS3 is 31%, below the 50% the Thinking Skills Programme needs\. /);
    expect(en.messageId).toBe('programme/risk-too-low.tooLow');
    expect(en.cite).toBe('PSI 19/2014 paras 2.8, 2.15');
  });
});
