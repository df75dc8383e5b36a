// Programme eligibility: the API the programme/* rules, completion and hover use. A thin
// re-export of the three modules it is made of (see ARCHITECTURE.md, policy/):
//
// - eligibility/criteria.ts: criteria evaluation, pure and wordless (a plan and a
//   programme's criteria in, a per-test, per-aspect, per-strand result out), with the one
//   operator of eligibility/operators.ts for every numeric, band and AUDIT test;
// - eligibility/catalogue.ts: catalogue queries (which programmes exist, where they are
//   available, adapted versions, legacy replacements, whether one suits this person);
// - eligibility/wording.ts: those results as messages (ids and data; the English in
//   eligibility/messages.ts) and rendered in English ("eligible: OGRS3 61%").

export {
  ASPECTS, assessRiskOfReoffending, bandOf, evaluateActionEligibility, evaluateCriterion, evaluateEligibility, inferStrand, resolveStrand, settingOf, settingsFor,
  type Aspect, type EligibilityOptions, type EligibilityResult, type StrandSource, type Tri,
} from './eligibility/criteria.js';
export { adaptedVersions, availabilityAt, establishmentsDelivering, findProgramme, programmeStanding, replacements } from './eligibility/catalogue.js';
export {
  ENGLISH_ELIGIBILITY, actionEligibilityMessages, adaptedVersionFor, choiceMessages, eligibilityMessages, verdictMessages, checkActionEligibility, checkEligibility, describeNeeds,
  eligibilitySummary, pct, programmeEligibilityText, programmeVerdict, replacementFor, riskOfReoffending, theName,
  type AspectResult, type Choice, type ChoiceMessages, type ChoiceResult, type Eligibility, type EligibilityMessages, type ProgrammeVerdict, type RiskOfReoffending,
} from './eligibility/wording.js';
export { ELIGIBILITY_MESSAGES } from './eligibility/messages.js';
