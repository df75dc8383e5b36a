// The language server's own words (hover and completion chrome, code action and code lens titles,
// inlay hints, outline details, the timeline's labels, progress and showMessage texts, the citation
// appended to a diagnostic), in English, by id (`lsp.*`). Registered with the engine's catalogue on
// import, so they render in the session's locale (`text(locale, id, data)`) and a translation is a
// table of the same ids (server/src/locales/cy/lsp.json). One id per sentence; the variable parts
// are data. Not here: rule messages (the rules' own), schema descriptions and titles, programme
// names and descriptions, obligation kinds and bases (policy data), all English data.

import { catalogueFor, registerEnglish } from '../engine/l10n.js';
import { ensureLocales } from '../engine/locales.js';
import { msg, renderMsg, type MessageData, type MessageValue, type Msg } from '../engine/messages.js';

const DAYS = '{n, plural, one {# day} other {# days}}';

export const LSP_MESSAGES: Readonly<Record<string, string>> = {
  // Diagnostics: the policy reference the server appends to a finding's message.
  'lsp.citation': '{message} ({policy})',
  'lsp.citation.afterText': '{message}. ({policy})',

  // Hover: findings.
  'lsp.hover.policy': 'Policy: {policy}',
  'lsp.hover.more': '[More…]({href})',
  'lsp.hover.ruleLine': '**{rule}**: {message}',
  'lsp.hover.ruleLineMore': '**{rule}**: {message} [More…]({href})',
  'lsp.hover.moreHere': '{n} more here.',
  'lsp.hover.localFromPack': 'a local check from a policy pack (`{command}`)',
  'lsp.hover.localInConfig': "a local check in this project's configuration (`{command}`)",
  // Hover: ids.
  'lsp.hover.theId': 'the id {id}',
  'lsp.hover.thisId': 'this id',
  'lsp.hover.noOutcome': 'No outcome has {which}.',
  'lsp.hover.noObjective': 'No objective has {which}.',
  'lsp.hover.noAction': 'No action has {which}.',
  'lsp.hover.outcome': '**Outcome {id}**: {facts}',
  'lsp.hover.outcomeNoId': '**Outcome**: {facts}',
  'lsp.hover.objective': '**Objective {id}**: {facts}',
  'lsp.hover.objectiveNoId': '**Objective**: {facts}',
  'lsp.hover.action': '**Action {id}**: {facts}',
  'lsp.hover.actionNoId': '**Action**: {facts}',
  'lsp.hover.objectives': '{n, plural, one {# objective} other {# objectives}}',
  'lsp.hover.actions': '{n, plural, one {# action} other {# actions}}',
  'lsp.hover.serves': 'serves {what}',
  'lsp.hover.anOutcome': 'an outcome',
  'lsp.hover.anObjective': 'an objective',
  'lsp.hover.anAction': 'an action',
  'lsp.hover.need': 'need {need}',
  'lsp.hover.target': 'target {date, date}',
  'lsp.hover.priority': 'priority {n}',
  'lsp.hover.dates': '{start, date} to {end, date}',
  'lsp.hover.after': 'after {ids}',
  // Hover: review obligations, fixed values.
  'lsp.hover.obligations': '**Review obligations**',
  'lsp.hover.oneOf': 'One of: {values}',
  // A status value, in words (the value itself is what a user types).
  'lsp.status':
    '{status, select, future {future} not_started {not started} in_progress {in progress} achieved {achieved} not_achieved {not achieved} no_longer_appropriate {no longer appropriate} cannot_start_yet {cannot start yet} completed {completed} withdrawn {withdrawn} other {{text}}}',
  // A need area (the value itself is what a user types; the schema's `need_area`).
  'lsp.need':
    '{need, select, accommodation {accommodation} education_training_employment {education training employment} finance {finance} relationships {relationships} lifestyle_associates {lifestyle associates} drug_misuse {drug misuse} alcohol_misuse {alcohol misuse} emotional_wellbeing {emotional wellbeing} thinking_behaviour {thinking behaviour} attitudes {attitudes} other {{text}}}',

  // The SMART table of an objective's hover.
  'lsp.smart.header': '| | SMART | |',
  'lsp.smart.specific': '| **S** specific | {cell} |',
  'lsp.smart.measurable': '| **M** measurable | {cell} |',
  'lsp.smart.achievable': '| **A** achievable | {cell} |',
  'lsp.smart.realistic': '| **R** realistic | {cell} |',
  'lsp.smart.timeBound': '| **T** time-bound | {cell} |',
  'lsp.smart.yes': 'yes | {basis}',
  'lsp.smart.no': 'no | {reason}',
  'lsp.smart.noPhrase': 'no | "{phrase}": {reason}',
  'lsp.smart.noDescription': '— | no description',
  'lsp.smart.noMeasure': '— | no measure',
  'lsp.smart.noTargetDate': 'no | no target date',
  'lsp.smart.checkable': 'checkable',
  'lsp.smart.noFinding': 'no finding',
  'lsp.smart.findings': 'no | {n, plural, one {# finding} other {# findings}} ({rules})',
  'lsp.smart.lightVerb': 'names no act anyone could check',
  'lsp.smart.abstract': 'an aim or inner state, not an act',
  'lsp.smart.placeholder': 'stands in for work never named',
  'lsp.smart.disposition': 'a disposition, not an act',
  'lsp.smart.note': 'a note, not an objective',
  'lsp.smart.noAct': 'names no act or result',
  'lsp.smart.opinion': 'rests on an opinion',
  'lsp.smart.noResult': 'a check with no result that counts',
  'lsp.smart.nothingCheckable': 'names nothing checkable',

  // Review obligations (hover, timeline).
  'lsp.obligation.line': '{kind} due {due, date} ({basis}): {state}',
  'lsp.obligation.met': 'met',
  'lsp.obligation.metWhen': 'met ({date, date})',
  'lsp.obligation.metOn': 'met on {date, date}',
  'lsp.obligation.upcoming': 'upcoming',
  'lsp.obligation.late': 'done late',
  'lsp.obligation.lateOn': `done late on {date, date} ({n, plural, one {# day} other {# days}} after the due date)`,
  'lsp.obligation.overdue': 'overdue',
  'lsp.obligation.overdueBy': `overdue by ${DAYS}`,
  'lsp.obligation.pastDefault': "no review yet, past planlint's default date",

  // Programmes (hover, completion documentation).
  'lsp.programme.accredited': 'Accredited programme.',
  'lsp.programme.notAccredited': 'Not an accredited programme.',
  'lsp.programme.for': 'For: {genders}.',
  'lsp.programme.deliveredIn': 'Delivered in: {settings}.',
  'lsp.programme.strands': 'Strands: {strands}.',
  'lsp.programme.minDuration': 'Needs at least {duration} left to serve.',
  'lsp.programme.availableAt': 'Available at: {where}.',
  'lsp.programme.replacedBy': 'No longer delivered: replaced by {ids}.',
  'lsp.programme.dependingOnRisk': '{id} (depending on risk)',
  'lsp.programme.nothing': 'nothing',
  'lsp.programme.or': '{a} or {b}',
  'lsp.programme.forThisPerson': 'For this person: {text}',
  'lsp.programme.notInCatalogue': 'This value is not in the programme catalogue.',

  // Completion.
  'lsp.completion.date': 'date (YYYY-MM-DD)',
  'lsp.completion.type': '{type, select, string {string} integer {integer} number {number} boolean {boolean} array {array} object {object} other {{type}}}',
  'lsp.completion.oneOf': 'one of {n} values',
  'lsp.completion.required': 'required',
  'lsp.completion.newObjective': 'objective (new item)',
  'lsp.completion.newAction': 'action (new item)',
  'lsp.completion.newReview': 'review (new item)',
  'lsp.completion.newOutcome': 'outcome (new item)',
  'lsp.completion.objectiveTarget': 'target date {date, date} (6 months from {asOf, date})',
  'lsp.completion.actionTarget': 'target date {date, date}',
  'lsp.completion.reviewDated': 'dated {date, date}',
  'lsp.completion.refObjective': 'objective',
  'lsp.completion.refOutcome': 'outcome',
  'lsp.completion.refAction': 'action',
  'lsp.completion.eligible': 'eligible',
  'lsp.completion.unknown': 'eligibility unknown',
  'lsp.completion.notEligible': 'not eligible',
  'lsp.completion.withdrawn': 'withdrawn',
  'lsp.completion.verdictReason': '{verdict}: {reason}',
  'lsp.completion.today': 'today (as-of date)',

  // The placeholder texts of completion's new-item snippets (typed over by the user).
  'lsp.snippet.objectiveDescription': 'what the person will achieve',
  'lsp.snippet.objectiveMeasure': 'how progress will be measured',
  'lsp.snippet.actionDescription': 'what will be done, by whom and where',
  'lsp.snippet.outcomeDescription': 'the change the plan works towards',

  // Code actions.
  'lsp.action.fixRule': 'Fix all {rule} problems in this file',
  'lsp.action.disable': 'Disable {rule} for this line',
  'lsp.action.disableReason': 'reason',
  'lsp.action.showDoc': 'Show documentation for {rule}',
  'lsp.action.fixAll': 'Fix all auto-fixable planlint problems',
  'lsp.action.fixAllLabel': 'planlint: fix all',
  'lsp.action.docAt': '{rule}: {url}',

  // Code lens.
  'lsp.lens.allMet': 'Reviews: all {n, plural, one {# obligation} other {# obligations}} met or done',
  'lsp.lens.next': 'Next due: {items}',
  'lsp.lens.item': '{kind} {due, date} ({state})',
  'lsp.lens.upcoming': 'upcoming',
  'lsp.lens.upcomingDefault': "upcoming, planlint's default date",
  'lsp.lens.noReviewYet': 'no review yet',
  'lsp.lens.overdueBy': `overdue by ${DAYS}`,

  // Inlay hints.
  'lsp.hint.today': 'today',
  'lsp.hint.in': 'in {span}',
  'lsp.hint.ago': '{span} ago',
  'lsp.hint.overdue': 'overdue {span}',
  'lsp.hint.withRelease': '{when} · {release}',
  'lsp.hint.beforeRelease': '{span} before release',
  'lsp.hint.onRelease': 'on release',
  'lsp.hint.afterRelease': 'after release',

  // Document symbols: details and fallback names.
  'lsp.symbol.outcomes': '{n, plural, =0 {none} one {# outcome} other {# outcomes}}',
  'lsp.symbol.objectives': '{n, plural, =0 {none} one {# objective} other {# objectives}}',
  'lsp.symbol.looseObjectives': '{n, plural, =0 {none} one {# objective without a known outcome} other {# objectives without a known outcome}}',
  'lsp.symbol.actions': '{n, plural, =0 {none} one {# action} other {# actions}}',
  'lsp.symbol.looseActions': '{n, plural, =0 {none} one {# action without a known objective} other {# actions without a known objective}}',
  'lsp.symbol.reviews': '{n, plural, =0 {none} one {# review} other {# reviews}}',
  'lsp.symbol.events': '{n, plural, =0 {none} one {# event} other {# events}}',
  'lsp.symbol.items': '{n, plural, =0 {none} one {# item} other {# items}}',
  'lsp.symbol.outcome': 'outcome',
  'lsp.symbol.objective': 'objective',
  'lsp.symbol.objectiveTarget': 'objective · target {date, date}',
  'lsp.symbol.action': 'action',
  'lsp.symbol.review': 'review',
  'lsp.symbol.event': 'event',
  'lsp.symbol.unnamed': '(unnamed)',
  'lsp.symbol.unknownKey': 'unknown key',

  // The timeline (planlint/timeline): the chart's title, rows and the next obligation.
  'lsp.timeline.title': 'Sentence timeline of {name}',
  'lsp.timeline.plan': 'plan',
  'lsp.timeline.sentence': 'Sentence',
  'lsp.timeline.reviews': 'Reviews',
  'lsp.timeline.objectives': 'Objectives',
  'lsp.timeline.actions': 'Actions',
  'lsp.timeline.inCustody': 'In custody',
  'lsp.timeline.onLicence': 'On licence',
  'lsp.timeline.inCommunity': 'In the community',
  'lsp.timeline.span': '{label} from {from, date} to {to, date}',
  'lsp.timeline.sentenced': 'Sentenced',
  'lsp.timeline.tariffExpiry': 'Tariff expiry',
  'lsp.timeline.paroleEligibility': 'Parole eligibility (PED)',
  'lsp.timeline.release': 'Release',
  'lsp.timeline.sentenceEnd': 'Sentence end',
  'lsp.timeline.keyDate': '{label}: {date, date}',
  'lsp.timeline.date': '{date, date}',
  'lsp.timeline.obligationTitle': '{kind}: due {due, date} (window {from, date} to {to, date}), {state}. {basis}.',
  'lsp.timeline.obligationNote': 'due {due, date} · {state}',
  'lsp.timeline.objectiveTitle': 'Objective {id}: target date {date, date}',
  'lsp.timeline.objectiveTitleStatus': 'Objective {id}: target date {date, date}, {status}',
  'lsp.timeline.actionTitle': 'Action {id}: target date {date, date}',
  'lsp.timeline.actionTitleStatus': 'Action {id}: target date {date, date}, {status}',
  'lsp.timeline.actionFromTitle': 'Action {id}: from {start, date} target date {date, date}',
  'lsp.timeline.actionFromTitleStatus': 'Action {id}: from {start, date} target date {date, date}, {status}',
  'lsp.timeline.actionStartsTitle': 'Action {id}: starts {start, date}',
  'lsp.timeline.actionStartsTitleStatus': 'Action {id}: starts {start, date}, {status}',
  'lsp.timeline.actionFromStartsTitle': 'Action {id}: from {start, date} starts {start, date}',
  'lsp.timeline.actionFromStartsTitleStatus': 'Action {id}: from {start, date} starts {start, date}, {status}',
  'lsp.timeline.targetNote': 'target {date, date}',
  'lsp.timeline.startsNote': 'starts {date, date}',
  'lsp.timeline.overdue': `{kind} overdue by ${DAYS}`,
  'lsp.timeline.dueToday': '{kind} due today',
  'lsp.timeline.dueTomorrow': '{kind} due tomorrow',
  'lsp.timeline.dueIn': `{kind} due in ${DAYS}`,

  // Lint Workspace.
  'lsp.workspace.title': 'planlint: Lint Workspace',
  'lsp.workspace.finding': 'finding plans',
  'lsp.workspace.progress': '{i} of {n} plans',
  'lsp.workspace.progressFiles': '{i} of {n} files',
  'lsp.workspace.tooLarge': 'This file is {bytes} bytes, over the planlint.maxFileSize setting; it was not checked.',

  // A document whose check the lint worker stopped (lintWorker.ts).
  'lsp.worker.time':
    "planlint stopped checking this file: the check took longer than {seconds} s, the language server's limit per check, so it was not checked. A sentence plan is checked in milliseconds: check that this is the right file. The next edit checks it again.",
  'lsp.worker.memory':
    "planlint stopped checking this file: the check needed more than {mb} MB of memory, the language server's limit per check, so it was not checked. A sentence plan needs far less: check that this is the right file. The next edit checks it again.",
  'lsp.worker.crash':
    "planlint's checker stopped unexpectedly on this file (twice), so it was not checked. Please report this with the planlint version (never the plan itself). The next edit checks it again.",

  // window/showMessage.
  'lsp.config.notRead': 'planlint: configuration {path} was not read: {reason}; using the defaults',

  // Rename refused.
  'lsp.rename.notAnId': 'Only the id of an outcome, objective or action (or a reference to one) can be renamed.',
  'lsp.rename.badId': 'An id is letters, digits, `-`, `_` or `.`, starting with a letter or digit, at most 40 characters.',
  'lsp.rename.taken': '{kind, select, outcome {There is already an outcome with id {id}.} objective {There is already an objective with id {id}.} other {There is already an action with id {id}.}}',
};

registerEnglish(LSP_MESSAGES);

/** A message of the server's, rendered in `locale` (English when the locale is unknown). */
export function text(locale: string | undefined, id: string, data?: MessageData): string {
  return render(locale, msg(id, data));
}

/** Any message (the server's, a shared one, a rule's eligibility wording) rendered in `locale`. */
export function render(locale: string | undefined, m: MessageValue, ruleId = ''): string {
  if (typeof m === 'string') return m;
  if (typeof m === 'number') return String(m);
  if (locale && locale !== 'en') ensureLocales();
  return renderMsg(m as Msg, catalogueFor(locale), ruleId);
}

export { msg, type Msg };
