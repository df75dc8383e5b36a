// Where a new plan's snippet tab stops are while the analyst types: offset ranges kept up to
// date through edits, the way VS Code's snippet session grows a placeholder as it is typed
// into. Pure (no `vscode` import) so it can be unit-tested; placeholderHold.ts uses it.

/** A tab stop (or a copy of one): `[start, end]` offsets, inclusive at both ends for a cursor. */
export type Range = [start: number, end: number];

export interface Change {
  /** Offset of the replaced text in the document before the change. */
  offset: number;
  /** Length of the replaced text. */
  length: number;
  /** Length of the text put in its place. */
  inserted: number;
}

/**
 * Applies one edit. A range the edit falls within (or touches) grows or shrinks with it;
 * ranges after it move; an edit that straddles a range's edge leaves the range covering the
 * union of both. Changes of one event should be applied from the last to the first.
 */
export function applyChange(ranges: Range[], c: Change): Range[] {
  const cEnd = c.offset + c.length;
  const delta = c.inserted - c.length;
  return ranges.map(([s, e]): Range => {
    if (c.offset >= s && cEnd <= e) return [s, e + delta];
    if (cEnd <= s) return [s + delta, e + delta];
    if (c.offset >= e) return [s, e];
    return [Math.min(s, c.offset), Math.max(e + delta, c.offset + c.inserted)];
  });
}

/** True when `[start, end]` lies within one of the ranges (edges included: a cursor after the last character typed). */
export function within(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start >= s && end <= e);
}

/** True when `[start, end]` overlaps or touches one of the ranges. */
export function touches(ranges: readonly Range[], start: number, end: number): boolean {
  return ranges.some(([s, e]) => start <= e && end >= s);
}
