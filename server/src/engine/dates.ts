// Calendar dates as `YYYY-MM-DD` strings. Arithmetic goes through date-fns on dates
// built at local midnight and read back with local getters, so no time zone or
// daylight-saving change can move a date by a day. "Today" is never read here:
// callers pass `asOf`.

import { addDays as dfAddDays, addMonths as dfAddMonths, addWeeks as dfAddWeeks, addYears as dfAddYears, differenceInCalendarDays, isValid } from 'date-fns';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(y, mo - 1, d);
  return isValid(dt) && dt.getFullYear() === y && dt.getMonth() === mo - 1 && dt.getDate() === d;
}

function toLocal(s: string): Date {
  const m = DATE_RE.exec(s);
  if (!m) throw new RangeError(`not a calendar date: ${s}`);
  const dt = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Years 0..99 are mapped to 1900.. by the Date constructor; undo that.
  dt.setFullYear(Number(m[1]));
  return dt;
}

function fromLocal(d: Date): string {
  const y = String(d.getFullYear()).padStart(4, '0');
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export const addDays = (s: string, n: number): string => fromLocal(dfAddDays(toLocal(s), n));
export const addWeeks = (s: string, n: number): string => fromLocal(dfAddWeeks(toLocal(s), n));
/** Adds calendar months; the 31st clamps to the month's last day (2025-01-31 + 1 month = 2025-02-28). */
export const addMonths = (s: string, n: number): string => fromLocal(dfAddMonths(toLocal(s), n));
export const addYears = (s: string, n: number): string => fromLocal(dfAddYears(toLocal(s), n));

/** Whole calendar days from `a` to `b` (positive when b is later). */
export const daysBetween = (a: string, b: string): number => differenceInCalendarDays(toLocal(b), toLocal(a));

/** ISO strings of the same shape compare correctly as strings. */
export const isBefore = (a: string, b: string): boolean => a < b;
export const isAfter = (a: string, b: string): boolean => a > b;
export const minDate = (...ds: (string | undefined)[]): string | undefined =>
  ds.filter((d): d is string => d !== undefined).sort()[0];
export const maxDate = (...ds: (string | undefined)[]): string | undefined =>
  ds.filter((d): d is string => d !== undefined).sort().at(-1);

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Today's date in the machine's local calendar, for fronts only (never inside a rule). */
export function todayLocal(now: Date = new Date()): string {
  return fromLocal(now);
}
