// The one comparison the criteria language has. Every test of a score (OGRS3 `at_least: 0.5`,
// AUDIT `below: 20`, OVP `band_at_least: high`, OSP/C `in: [medium]`, risk of reoffending
// `at_least: medium`) is an operator applied to a number: the score itself, or the rank of a
// band on the ordinal scale below. Pure: no plan, no policy, no words.

/** How a test compares: `in` is membership, the others order. */
export type Operator = 'at_least' | 'below' | 'at_most' | 'in';

/**
 * Bands and levels in order. The risk levels (`low`, `medium`, `high`) and the three-band
 * scores (OSP/I) are prefixes of the four-band scale, so one ranking serves them all.
 */
export const ORDINAL: readonly string[] = ['low', 'medium', 'high', 'very_high'];

/** The rank of a band or level on `ORDINAL` (-1 for a word that is not on it). */
export const rankOf = (band: string): number => ORDINAL.indexOf(band);

/** `value op operand`: numbers compare as numbers, so bands compare by their ranks. */
export function holds(op: Operator, value: number, operand: number | readonly number[]): boolean {
  switch (op) {
    case 'at_least':
      return value >= (operand as number);
    case 'below':
      return value < (operand as number);
    case 'at_most':
      return value <= (operand as number);
    case 'in':
      return (operand as readonly number[]).includes(value);
  }
}

/** `holds` for bands: `band op operand` by rank. */
export function bandHolds(op: 'at_least' | 'in', band: string, operand: string | readonly string[]): boolean {
  return op === 'in' ? holds('in', rankOf(band), (operand as readonly string[]).map(rankOf)) : holds('at_least', rankOf(band), rankOf(operand as string));
}
