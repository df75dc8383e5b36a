// The English of programme eligibility, by message id (engine/messages.ts syntax). `wording.ts`
// builds messages from these ids and data; the programme/* rules declare them in their
// `meta.messages` (rules/programme/support.ts), so findings, completion and hover render the
// same sentences. The ids are rule-local (`eligBelowThe`, no `.`), as family-shared messages
// are (MESSAGES.md): each programme rule declares them, so a finding's nested reasons resolve
// in its own rule's catalogue (`programme/risk-too-low.eligBelowThe`); the text functions of
// `wording.ts` render them under the prefix `eligibility.`.

export const ELIGIBILITY_MESSAGES: Readonly<Record<string, string>> = {
  // Names.
  eligScore:
    '{key, select, ogrs3_2yr {OGRS3} ovp_2yr {OVP} rsr {RSR} ogp_2yr {OGP} osp_c {OSP/C} osp_i {OSP/I} sara_partner {SARA (partner)} sara_others {SARA (others)} rosh_overall {RoSH} audit {AUDIT} other {{key}}}',
  eligBand: '{band, select, very_high {very high} other {{band}}}',
  eligStrand:
    '{strand, select, general_violence {general violence} intimate_partner_violence {intimate partner violence} sexual_offence {sexual offending} general {general offending} other {{strand}}}',
  eligPlace: '{setting, select, custody {custody} other {the community}}',
  eligProgramme: '{article, select, the {the {name}} other {{name}}}',
  eligWho: '{genders, select, male {men} female {women} other {men and women}}',
  eligCode: '`{code}`',
  eligRange: '{band} ({from}% and over)',
  eligBanded: '{v} ({band})',
  // Lists.
  eligOr2: '{a} or {b}',
  eligAnd2: '{a} and {b}',
  eligComma: '{a}, {b}',
  eligSemi: '{a}; {b}',
  // Who needs it, after a threshold.
  eligNeeds: ' {programme} needs',
  eligAllows: ' {programme} allows',
  eligIsFor: ' {programme} is for',
  eligRequired: ' required',
  eligIsNeeded: ' is needed',
  // Scores.
  eligNeedAtLeast: '{score} {t} or more',
  eligNeedBelow: '{score} below {t}',
  eligNeedUnder: '{score} under {t}',
  eligNeedAtMost: '{score} {t} or less',
  eligNeedBand: '{score} {band}',
  eligNeedBandOrAbove: '{score} {band} or above',
  eligScoreIs: '{score} {v}',
  eligNotRecorded: '{score} is not recorded: record `{path}`',
  eligBelowThe: '{score} is {v}, below the {t}{by}',
  eligNotBelowThe: '{score} is {v}, not below the {t}{by}',
  eligNotUnderThe: '{score} is {v}, not under the {t}{by}',
  eligAboveThe: '{score} is {v}, above the {t}{by}',
  eligNoBands: '{score} has no bands in the risk policy',
  eligBelowBand: '{score} is {v}, below the {band} band{by}',
  eligOutsideBand: '{score} is {v}, outside the {bands} band{by}',
  eligNotForWomen: '{score} is not used for women',
  eligNotAs: '{score} is {v}, not {bands} as{by}',
  // The risk of reoffending.
  eligRooShown: '{level} ({because})',
  eligNeedRooAtLeast: 'a risk of reoffending of {level} or above',
  eligNeedRoo: 'a risk of reoffending of {level}',
  eligNeedRooIn: 'a {levels} risk of reoffending',
  eligRooUnknown: 'no risk score is recorded: record OGRS3 and the other predictor scores under `assessment.scores`',
  eligRooPass: 'risk of reoffending {shown}',
  eligRooBelow: 'the risk of reoffending is {shown}, below the {level}{by}',
  eligRooNotIn: 'the risk of reoffending is {shown}, not {levels} as{by}',
  eligNoRiskScore: 'no risk score is recorded',
  // ERG22+.
  eligNeedErg22: 'a completed ERG22+ assessment',
  eligErg22Done: 'ERG22+ assessment completed',
  eligErg22Missing: 'no completed ERG22+ assessment is recorded, which{by}',
  eligErg22Unknown: 'the ERG22+ assessment is not recorded: record `assessment.erg22_completed`',
  // Completed first.
  eligNeedCompletedFirst: '{programmes} completed first',
  eligCompletedAs: '{programme} completed ({action})',
  eligReliesOn: 'it relies on {action} ({programme}) being completed first',
  eligNeedsFirst: 'it needs {need}: if it was, record it as an action with `status: completed`',
  // Settings and strands.
  eligNeedDelivery: 'delivery in {where}',
  eligSettingUnknown: 'the setting is not recorded: give the action a `phase`',
  eligInSetting: 'in {setting}',
  eligWorkIn: 'the work is in {setting}',
  eligNeedStrand: 'the {strands} strand',
  eligStrandUnknown: 'the strand is not known: give the action a `strand`',
  eligStrandIs: '{strand} strand',
  eligTheStrandIs: 'the strand is {strand}',
  eligForStrand: ' for {strand}',
  eligSettingOnly: '{programme} is delivered{byStrand} in {where} only, and this work is in {place}',
  eligNoSuchStrand: '{programme} has no {strand} strand (`{id}`); its strands are {strands}',
  eligStrandWithId: '{strand} (`{id}`)',
  eligOnStrand: '{strand} strand: {reason}',
  // Gender.
  eligDeliveredTo: 'delivered to {who}',
  eligGenderUnknown: 'the gender is not recorded: record `person.gender`',
  eligForOnly: '{programme} is for {who} only',
  // Offence.
  eligOffenceHistory: 'offence history: {offence}',
  eligOffenceUnknown:
    'the offence is not recorded: record `assessment.offence.index` (and `previous_sexual`, `sexual_motivation`, `gang_affiliation` where they apply)',
  eligOffenceMismatch: '{programme} is for people with {need}, and the plan records {offence}',
  eligIndexIn: 'an index offence of {offences}',
  eligPreviousSexual: 'a previous sexual offence',
  eligSexualMotivation: 'sexual motivation',
  eligGangLinked: 'offending linked to group or gang affiliation',
  eligGroupAffiliation: 'group affiliation',
  eligIndexOffence: 'an index offence of `{index}`',
  eligNoIndex: 'no index offence',
  eligOffenceWith: '{index} with {flags}',
  eligOffenceWithNone: '{index} with no previous sexual offence, sexual motivation or group affiliation recorded',
  // No criteria of its own.
  eligNoOwnCriteria:
    '{reason} (the catalogue has no criteria of its own for it; offending behaviour programmes in general suit a {level} or higher risk of reoffending)',
  // Verdicts.
  eligEligible: 'eligible',
  eligNotEligible: 'not eligible',
  eligUnknown: 'eligibility unknown',
  eligSummary: '{head}: {why}',
  eligUncertain: ' (catalogue value marked uncertain: {values})',
  eligVerdict: '{summary}{uncertain}',
  eligReplacedByForThisPerson: 'replaced by `{id}` for this person',
  eligReplacedBy: 'replaced by {ids}',
  eligWithdrawn: 'withdrawn: {why}',
};
