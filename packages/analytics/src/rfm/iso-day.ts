const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Days since 1970-01-01 (UTC) of an ISO date "YYYY-MM-DD" (any time part after the date is ignored), so that
 * date differences are whole days regardless of time zone — like R's `as.Date` arithmetic.
 * Returns null for text that is not a real calendar date (e.g. "2006-02-30"), so callers can name the bad line.
 * Cost: O(1).
 * @example isoDay("1970-01-02") // 1
 */
export function isoDay(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return ms / 86_400_000;
}
