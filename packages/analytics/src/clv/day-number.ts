/**
 * Calendar dates as whole day numbers: pure arithmetic on the proleptic Gregorian calendar, no clock, no time zone.
 */

/**
 * Day number: days since 1970-01-01 of an ISO calendar date "yyyy-mm-dd" (1970-01-01 → 0), or a day number passed
 * through unchanged (any whole number, on whatever origin the caller uses).
 * Reference: Hinnant, H., "chrono-Compatible Low-Level Date Algorithms" (days_from_civil).
 * Cost: O(1).
 * @throws RangeError on a malformed or impossible date (e.g. "1997-02-30") or a fractional day number.
 * @example dayNumber("1997-01-01") // 9862
 */
export function dayNumber(date: string | number): number {
  if (typeof date === "number") {
    if (!Number.isInteger(date)) throw new RangeError(`a day number must be a whole number, got ${date}`);
    return date;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!match) throw new RangeError(`dates must be written yyyy-mm-dd (e.g. 1997-09-30), got "${date}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (month < 1 || month > 12 || day < 1 || day > monthLengths[month - 1]) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
