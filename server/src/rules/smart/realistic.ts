// smart/realistic: target dates fall within the sentence, and accredited programmes fit before release (PSI 19/2014 paras 2.7, 2.9).
import type { Rule } from '../../engine/rule.js';
import { addDays, addMonths, addWeeks, addYears } from '../../engine/dates.js';
import type { Action, Phase } from '../../engine/model.js';
import { msg, type MessageValue } from '../../engine/messages.js';
import { itemLabel } from '../../engine/privacy.js';
import { isLiveAction, liveObjectives } from '../plan/support.js';
import { isCustodyPhase } from './phase.js';

/** A programme's minimum typical duration, read defensively from the catalogue entry. */
export interface Duration {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
  /** Sessions, when the catalogue counts them (the weeks are then an estimate). */
  sessions?: number;
  /** Human wording, e.g. "6 months", "19 sessions (about 10 weeks)". */
  text: string;
  uncertain: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pos = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined);
const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * Read `min_duration` as the catalogue writes it: `{ months: 6 }`, `{ weeks: 10 }`,
 * `{ sessions: 19, weeks_estimate: 10 }`, per setting `{ custody: {…}, community: {…} }`,
 * or a string like "6 months". Sessions without a week estimate cannot be placed on a
 * calendar, so they give no duration.
 */
export function readDuration(raw: unknown, phase: Phase | undefined): Duration | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day)s?\b/i.exec(raw);
    if (!m) return undefined;
    const n = Number(m[1]);
    const unit = m[2].toLowerCase();
    return { [`${unit}s`]: n, text: plural(n, unit), uncertain: /uncertain/i.test(raw) } as Duration;
  }
  if (!isObj(raw)) return undefined;
  if (isObj(raw.custody) || isObj(raw.community) || typeof raw.custody === 'string' || typeof raw.community === 'string') {
    const pick = phase ? raw[phase] : undefined;
    const d = readDuration(pick, undefined);
    if (!d) return undefined;
    return { ...d, uncertain: d.uncertain || raw.uncertain === true };
  }
  const uncertain = raw.uncertain === true || typeof raw.uncertain === 'string';
  const years = pos(raw.years);
  const months = pos(raw.months);
  const days = pos(raw.days);
  const sessions = pos(raw.sessions);
  const weeks = pos(raw.weeks) ?? pos(raw.weeks_estimate);
  if (years === undefined && months === undefined && weeks === undefined && days === undefined) return undefined;
  const parts: string[] = [];
  if (years) parts.push(plural(years, 'year'));
  if (months) parts.push(plural(months, 'month'));
  if (weeks) parts.push(plural(weeks, 'week'));
  if (days) parts.push(plural(days, 'day'));
  const text = sessions ? `${plural(sessions, 'session')} (about ${parts.join(' ')})` : parts.join(' ');
  return { years, months, weeks, days, ...(sessions ? { sessions } : {}), text, uncertain };
}

/** A duration as a message ("6 months", "19 sessions (about 10 weeks)"), worded by the locale. */
export function durationMsg(d: Duration): MessageValue {
  const parts: MessageValue[] = [];
  if (d.years) parts.push(msg('common.years', { n: d.years }));
  if (d.months) parts.push(msg('common.months', { n: d.months }));
  if (d.weeks) parts.push(msg('common.weeks', { n: d.weeks }));
  if (d.days) parts.push(msg('common.days', { n: d.days }));
  let out: MessageValue = parts[parts.length - 1] ?? '';
  for (let i = parts.length - 2; i >= 0; i--) out = msg('wordSpace', { a: parts[i], b: out });
  return d.sessions ? msg('sessions', { n: d.sessions, about: out }) : out;
}

export function addDuration(start: string, d: Duration): string {
  let out = start;
  if (d.years) out = addYears(out, Math.round(d.years));
  if (d.months) out = addMonths(out, Math.round(d.months));
  if (d.weeks) out = addWeeks(out, Math.round(d.weeks));
  if (d.days) out = addDays(out, Math.round(d.days));
  return out;
}

export const realistic: Rule = {
  meta: {
    id: 'smart/realistic',
    severity: 'error',
    policy: 'PSI 19/2014 paras 2.7, 2.9',
    description: 'Target dates fall within the sentence (and before release for custody work); an accredited programme\'s typical duration fits before release.',
    fixable: 'none',
    inTemplates: false,
    demandsPlan: true,
    usesAsOf: true,
    messages: {
      afterEnd:
        "Objective {objective}'s target date ({target, date}) is after the end of the sentence ({end, date}). Plans must be realistic ({cite}): set a target date within the sentence.",
      afterRelease:
        'Objective {objective} is custody work (all its actions are `phase: custody`) but its target date ({target, date}) is after the release date ({release, date}). Plans must be realistic ({cite}): bring the target date forward, or plan the rest for after release.',
      tooLong:
        'Action {action}: {programme} takes at least {duration}, so {from, select, start {from its start date ({start, date})} notStarted {starting no earlier than the as-of date ({start, date}), as it has not started} other {from the as-of date ({start, date}), as it has no start date}} it would end around {finish, date}, after {phase, select, custody {the release date ({limit, date})} other {the end of the sentence ({limit, date})}}. Work that cannot be delivered within the sentence should not be planned ({cite}): choose an achievable alternative or revise the dates.{uncertain, select, note { The catalogue marks {note} as uncertain; this is the value relied on.} duration { The catalogue marks this duration as uncertain; it is the value relied on.} other {}}',
      endOfSentence: 'End of the sentence.',
      releaseDate: 'Release date.',
      sessions: '{n, plural, one {# session} other {# sessions}} (about {about})',
      wordSpace: '{a} {b}',
    },
    docs: {
      rationale:
        'Plans must be realistic (PSI 19/2014 para 2.7), and must not include work that cannot be delivered within the sentence, which is a particular risk in shorter determinate sentences (para 2.9). planlint checks:\n\n' +
        '- an objective\'s `target_date` is on or before `sentence.sentence_end_date`;\n' +
        '- for custody-phase objectives (every live action serving it is `phase: custody`), the target date is on or before `sentence.release_date`;\n' +
        '- an accredited programme action (`type: programme`, not completed or withdrawn) can run its minimum typical duration (the catalogue\'s `min_duration`) between its start and the release date. The start is the action\'s `start_date`, or the as-of date when it has none or when a planned start has passed without the work starting; community-phase programmes must fit before the end of the sentence. A programme already `in_progress` without a start date is not judged. Where the catalogue marks a duration uncertain, the message says so.\n\n' +
        'A target date after the end of the sentence is certain to be unrealistic: an error (para 2.7: plans *must* be realistic). The other two are judgements (a custody objective may carry on after release; a programme\'s duration is typical, not fixed): warnings.\n\n' +
        'When the work cannot fit, look for an alternative that can be completed in time (para 2.9). Objectives that are `achieved` or `no_longer_appropriate` are not judged.',
      bad: 'sentence:\n  release_date: 2027-02-15\nactions:\n  - id: ACT-2\n    type: programme\n    programme: kaizen\n    phase: custody\n    start_date: 2026-12-01',
      good: 'sentence:\n  release_date: 2027-02-15\nactions:\n  - id: ACT-2\n    type: programme\n    programme: thinking_skills_programme\n    phase: custody\n    start_date: 2026-12-01',
    },
  },
  check(ctx) {
    const s = ctx.plan.sentence;
    const end = s?.sentence_end_date;
    const release = s?.release_date;

    for (const o of liveObjectives(ctx.plan)) {
      if (!o.target_date || o.status === 'achieved') continue;
      const name = itemLabel(o, 'objective');
      const path = [...o.path, 'target_date'];
      if (end && o.target_date > end) {
        ctx.report({
          path,
          at: 'value',
          messageId: 'afterEnd',
          data: { objective: name, target: o.target_date, end },
          cite: 'PSI 19/2014 paras 2.7, 2.9',
          related: [{ path: ['sentence', 'sentence_end_date'], at: 'value', message: msg('endOfSentence') }],
        });
        continue;
      }
      if (release && o.target_date > release && isCustodyPhase(ctx.plan, o)) {
        ctx.report({
          path,
          at: 'value',
          severity: 'warning',
          messageId: 'afterRelease',
          data: { objective: name, target: o.target_date, release },
          cite: 'PSI 19/2014 paras 2.7, 2.9',
          related: [{ path: ['sentence', 'release_date'], at: 'value', message: msg('releaseDate') }],
        });
      }
    }

    const phaseOf = (a: Action): Phase | undefined => a.phase ?? s?.setting;
    for (const a of ctx.plan.actions) {
      if (a.type !== 'programme' || !a.programme || !isLiveAction(a) || a.status === 'completed') continue;
      const prog = ctx.catalogue.programmes.find((p) => p.id === a.programme);
      if (!prog || prog.accredited === false) continue;
      const phase = phaseOf(a);
      const limit = phase === 'custody' ? release : phase === 'community' ? end : undefined;
      if (!limit) continue;
      if (a.status === 'in_progress' && !a.start_date) continue;
      const dur = readDuration(prog.min_duration, phase);
      if (!dur) continue;
      // Work not yet started cannot start before today, whatever its planned start date says.
      const started = a.status === 'in_progress';
      const start = a.start_date && (started || a.start_date >= ctx.asOf) ? a.start_date : ctx.asOf;
      const finish = addDuration(start, dur);
      if (finish <= limit) continue;
      const from = start === a.start_date ? 'start' : a.start_date ? 'notStarted' : 'none';
      const note = prog.uncertain?.min_duration;
      const uncertain = note ? 'note' : dur.uncertain ? 'duration' : 'no';
      ctx.report({
        path: [...a.path, 'programme'],
        at: 'value',
        severity: 'warning',
        messageId: 'tooLong',
        data: {
          action: itemLabel(a, 'action'),
          programme: prog.name,
          duration: durationMsg(dur),
          from,
          start,
          finish,
          phase: phase === 'custody' ? 'custody' : 'community',
          limit,
          uncertain,
          ...(note ? { note } : {}),
        },
        cite: 'PSI 19/2014 para 2.9',
        related: [{ path: ['sentence', phase === 'custody' ? 'release_date' : 'sentence_end_date'], at: 'value', message: msg(phase === 'custody' ? 'releaseDate' : 'endOfSentence') }],
      });
    }
  },
};
