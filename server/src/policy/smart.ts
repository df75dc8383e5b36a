// SMART policy data: word lists and thresholds for the smart/* rules (PSI 2.7).
export interface SmartPolicy {
  /** A description shorter than this many words is not specific. */
  min_description_words: number;
}
