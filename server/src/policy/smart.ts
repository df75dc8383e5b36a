// SMART policy data: the vocabularies and defaults of the smart/* rules (PSI 19/2014 para 2.7).
// Data in smart.json, schema in schemas/policy/smart.schema.json (each list is described there).
// The analysis that uses them is code: server/src/rules/smart/analysis.ts. Entries are matched
// case-insensitively on whole words, verbs with their inflections and nouns with their plurals;
// configuration may replace any list.
export interface SmartPolicy {
  /** Verbs that name no concrete act on their own ("address", "work on", "engage with"). */
  light_verbs: string[];
  /** Everyday verbs of concrete acts, read as verbs at the start of a terse note ("Open bank account"). */
  action_verbs: string[];
  /** Verbs linking the person to a state ("be", "stay"): specific only with a concrete state. */
  copula_verbs: string[];
  /** States anyone can check ("alcohol-free", "abstinent", "out of"). */
  concrete_states: string[];
  /** Nouns that name no concrete thing: inner states, dispositions, whole need areas. */
  abstract_nouns: string[];
  /** Kinds of work that are concrete only when named or qualified ("interventions", "course"). */
  generic_nouns: string[];
  obtaining_verbs: string[];
  tangible_needs: string[];
  /** Stand-ins for work never named ("appropriate", "as required", "whatever"). */
  placeholders: string[];
  /** Status words that make a verbless note ("ongoing", "discuss"). */
  note_words: string[];
  /** Words of opinion, impression, feeling or unquantified change in a measure. */
  opinion_markers: string[];
  /** Words naming a check or discussion with no result ("monitored", "taken into account"). */
  process_words: string[];
  /** Documents, records and checkable events ("certificate", "payslip", "tag"). */
  evidence_nouns: string[];
  /** Words stating a result or a criterion ("negative", "nil", "below", "every"). */
  result_words: string[];
  /** Verbs that are not a fact by themselves (auxiliaries, "say", "ensure"). */
  fact_verbs_exclude: string[];
  /** Words that may follow a programme name in a bare-name description ("Kaizen programme"). */
  bare_programme_suffixes: string[];
  /** SMART wording for each need area (and `default`), quoted in the messages. */
  examples: Record<string, { specific: string; measurable: string }>;
  /** smart/time-bound's fix proposes a target date this many months after the as-of date. */
  time_bound_default_months: number;
}
