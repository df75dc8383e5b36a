// The English of programme eligibility, by message id (engine/messages.ts syntax). `wording.ts`
// builds messages from these ids and data; the programme/* rules nest them in their findings'
// data, and completion and hover render them too, so every front says the same sentences. The
// ids are full (`eligibility.belowThe`): one entry in the catalogue for the whole family, so a
// translation lists each once (engine/l10n.ts adds them to English as a family catalogue).

export const ELIGIBILITY_MESSAGES: Readonly<Record<string, string>> = {
  // Names.
  'eligibility.score':
    '{key, select, ogrs3_2yr {OGRS3} ovp_2yr {OVP} rsr {RSR} ogp_2yr {OGP} osp_c {OSP/C} osp_i {OSP/I} sara_partner {SARA (partner)} sara_others {SARA (others)} rosh_overall {RoSH} audit {AUDIT} other {{key}}}',
  'eligibility.band': '{band, select, very_high {very high} other {{band}}}',
  'eligibility.strand':
    '{strand, select, general_violence {general violence} intimate_partner_violence {intimate partner violence} sexual_offence {sexual offending} general {general offending} other {{strand}}}',
  'eligibility.place': '{setting, select, custody {custody} other {the community}}',
  'eligibility.programme': '{article, select, the {the {name}} other {{name}}}',
  'eligibility.who': '{genders, select, male {men} female {women} other {men and women}}',
  'eligibility.code': '`{code}`',
  'eligibility.range': '{band} ({from}% and over)',
  'eligibility.banded': '{v} ({band})',
  // Lists.
  'eligibility.or2': '{a} or {b}',
  'eligibility.and2': '{a} and {b}',
  'eligibility.comma': '{a}, {b}',
  'eligibility.semi': '{a}; {b}',
  // Who needs it, after a threshold.
  'eligibility.needs': ' {programme} needs',
  'eligibility.allows': ' {programme} allows',
  'eligibility.isFor': ' {programme} is for',
  'eligibility.required': ' required',
  'eligibility.isNeeded': ' is needed',
  // Scores.
  'eligibility.needAtLeast': '{score} {t} or more',
  'eligibility.needBelow': '{score} below {t}',
  'eligibility.needUnder': '{score} under {t}',
  'eligibility.needAtMost': '{score} {t} or less',
  'eligibility.needBand': '{score} {band}',
  'eligibility.needBandOrAbove': '{score} {band} or above',
  'eligibility.scoreIs': '{score} {v}',
  'eligibility.notRecorded': '{score} is not recorded: record `{path}`',
  'eligibility.belowThe': '{score} is {v}, below the {t}{by}',
  'eligibility.notBelowThe': '{score} is {v}, not below the {t}{by}',
  'eligibility.notUnderThe': '{score} is {v}, not under the {t}{by}',
  'eligibility.aboveThe': '{score} is {v}, above the {t}{by}',
  'eligibility.noBands': '{score} has no bands in the risk policy',
  'eligibility.belowBand': '{score} is {v}, below the {band} band{by}',
  'eligibility.outsideBand': '{score} is {v}, outside the {bands} band{by}',
  'eligibility.notForWomen': '{score} is not used for women',
  'eligibility.notAs': '{score} is {v}, not {bands} as{by}',
  // The risk of reoffending.
  'eligibility.rooShown': '{level} ({because})',
  'eligibility.needRooAtLeast': 'a risk of reoffending of {level} or above',
  'eligibility.needRoo': 'a risk of reoffending of {level}',
  'eligibility.needRooIn': 'a {levels} risk of reoffending',
  'eligibility.rooUnknown': 'no risk score is recorded: record OGRS3 and the other predictor scores under `assessment.scores`',
  'eligibility.rooPass': 'risk of reoffending {shown}',
  'eligibility.rooBelow': 'the risk of reoffending is {shown}, below the {level}{by}',
  'eligibility.rooNotIn': 'the risk of reoffending is {shown}, not {levels} as{by}',
  'eligibility.noRiskScore': 'no risk score is recorded',
  // ERG22+.
  'eligibility.needErg22': 'a completed ERG22+ assessment',
  'eligibility.erg22Done': 'ERG22+ assessment completed',
  'eligibility.erg22Missing': 'no completed ERG22+ assessment is recorded, which{by}',
  'eligibility.erg22Unknown': 'the ERG22+ assessment is not recorded: record `assessment.erg22_completed`',
  // Completed first.
  'eligibility.needCompletedFirst': '{programmes} completed first',
  'eligibility.completedAs': '{programme} completed ({action})',
  'eligibility.reliesOn': 'it relies on {action} ({programme}) being completed first',
  'eligibility.needsFirst': 'it needs {need}: if it was, record it as an action with `status: completed`',
  // Settings and strands.
  'eligibility.needDelivery': 'delivery in {where}',
  'eligibility.settingUnknown': 'the setting is not recorded: give the action a `phase`',
  'eligibility.inSetting': 'in {setting}',
  'eligibility.workIn': 'the work is in {setting}',
  'eligibility.needStrand': 'the {strands} strand',
  'eligibility.strandUnknown': 'the strand is not known: give the action a `strand`',
  'eligibility.strandIs': '{strand} strand',
  'eligibility.theStrandIs': 'the strand is {strand}',
  'eligibility.forStrand': ' for {strand}',
  'eligibility.settingOnly': '{programme} is delivered{byStrand} in {where} only, and this work is in {place}',
  'eligibility.noSuchStrand': '{programme} has no {strand} strand (`{id}`); its strands are {strands}',
  'eligibility.strandWithId': '{strand} (`{id}`)',
  'eligibility.onStrand': '{strand} strand: {reason}',
  // Gender.
  'eligibility.deliveredTo': 'delivered to {who}',
  'eligibility.genderUnknown': 'the gender is not recorded: record `person.gender`',
  'eligibility.forOnly': '{programme} is for {who} only',
  // Offence.
  'eligibility.offenceHistory': 'offence history: {offence}',
  'eligibility.offenceUnknown':
    'the offence is not recorded: record `assessment.offence.index` (and `previous_sexual`, `sexual_motivation`, `gang_affiliation` where they apply)',
  'eligibility.offenceMismatch': '{programme} is for people with {need}, and the plan records {offence}',
  'eligibility.indexIn': 'an index offence of {offences}',
  'eligibility.previousSexual': 'a previous sexual offence',
  'eligibility.sexualMotivation': 'sexual motivation',
  'eligibility.gangLinked': 'offending linked to group or gang affiliation',
  'eligibility.groupAffiliation': 'group affiliation',
  'eligibility.indexOffence': 'an index offence of `{index}`',
  'eligibility.noIndex': 'no index offence',
  'eligibility.offenceWith': '{index} with {flags}',
  'eligibility.offenceWithNone': '{index} with no previous sexual offence, sexual motivation or group affiliation recorded',
  // No criteria of its own.
  'eligibility.noOwnCriteria':
    '{reason} (the catalogue has no criteria of its own for it; offending behaviour programmes in general suit a {level} or higher risk of reoffending)',
  // Verdicts.
  'eligibility.eligible': 'eligible',
  'eligibility.notEligible': 'not eligible',
  'eligibility.unknown': 'eligibility unknown',
  'eligibility.summary': '{head}: {why}',
  'eligibility.uncertain': ' (catalogue value marked uncertain: {values})',
  'eligibility.verdict': '{summary}{uncertain}',
  'eligibility.replacedByForThisPerson': 'replaced by `{id}` for this person',
  'eligibility.replacedBy': 'replaced by {ids}',
  'eligibility.withdrawn': 'withdrawn: {why}',
};
