// SMART policy data: word lists and thresholds for the smart/* rules (PSI 19/2014 para 2.7).
// Data in smart.json, schema in schemas/policy/smart.schema.json. Lists are matched
// case-insensitively on whole words; configuration may replace any of them.
export interface SmartPolicy {
  /** A description shorter than this many words is not specific (smart/specific). */
  min_description_words: number;
  /** Verbs and phrases that say nothing concrete on their own ("address offending behaviour", "engage"). */
  vague_phrases: string[];
  /**
   * Words that carry no object on their own (articles, pronouns, "issues", "behaviour"…). A description
   * made only of vague phrases and these words is not specific.
   */
  filler_words: string[];
  /** Words that may follow a programme name in a bare-name description ("Kaizen programme"). */
  bare_programme_suffixes: string[];
  /** Words that name something observable in a `measure`: a completion, a qualification, a test, attendance… */
  observable_words: string[];
  /** Words and phrases that cannot be observed on their own in a `measure` ("improved", "shows insight"). */
  vague_measure_phrases: string[];
  /** smart/time-bound's fix proposes a target date this many months after the as-of date. */
  time_bound_default_months: number;
}
