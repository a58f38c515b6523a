/**
 * Wall-clock time in the organisation's time zone (Asia/Shanghai by default): which calendar day it is there, what
 * instant "09:00 on 2027-02-06" is, and whether a moment falls in the quiet hours. Built on Intl only.
 */

export interface ZonedParts {
  /** yyyy-mm-dd in the zone. */
  date: string;
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows this IANA zone name. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's calendar day and clock time at `at`. Intl's formatToParts costs tens of microseconds, and a campaign asks
 * for several dates per letter, so the zone's offset is kept per quarter of an hour: offsets change only at whole
 * quarter hours of UTC in practice, and a quarter whose two ends disagree is not cached but asked of Intl each time.
 */
export function zonedParts(at: Date, timeZone: string): ZonedParts {
  const time = at.getTime();
  const offset = cachedOffsetMs(time, timeZone);
  if (offset === null) return exactZonedParts(at, timeZone);
  const local = new Date(time + offset);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  return {
    date: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    year,
    month,
    day,
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
  };
}

/** zonedParts straight from Intl, uncached (the reference the cached path is tested against). */
export function exactZonedParts(at: Date, timeZone: string): ZonedParts {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    year,
    month,
    day,
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const OFFSET_PERIOD_MS = 15 * 60_000;
const MAX_CACHED_OFFSETS = 100_000;
/** `${timeZone} ${quarter-hour number}` → the zone's offset through that quarter hour, or null when it changes in it. */
const offsets = new Map<string, number | null>();

function cachedOffsetMs(time: number, timeZone: string): number | null {
  const period = Math.floor(time / OFFSET_PERIOD_MS);
  const key = `${timeZone} ${period}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = offsetMs(new Date(period * OFFSET_PERIOD_MS), timeZone);
    const end = offsetMs(new Date((period + 1) * OFFSET_PERIOD_MS - 1), timeZone);
    offset = start === end && start % 1000 === 0 ? start : null;
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** Offset of the zone from UTC at `at`, in milliseconds (e.g. +8 h for Asia/Shanghai). */
function offsetMs(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(at).map((part) => [part.type, part.value]));
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which the zone's clock shows `time` (HH:MM) on `date` (yyyy-mm-dd). */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes settle the offset across a daylight-saving change.
  let instant = wallClock - offsetMs(new Date(wallClock), timeZone);
  instant = wallClock - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

export const clockToMinutes = (time: string): number => {
  const [hour, minute] = time.split(":").map(Number);
  return hour * 60 + minute;
};

/**
 * Whether `at` falls in the quiet hours [start, end) of the zone's clock. A window may span midnight
 * (21:00–09:00); equal start and end means no quiet hours.
 */
export function isInQuietHours(at: Date, quiet: { timeZone: string; quietStart: string; quietEnd: string }): boolean {
  const minute = zonedParts(at, quiet.timeZone).minuteOfDay;
  const start = clockToMinutes(quiet.quietStart);
  const end = clockToMinutes(quiet.quietEnd);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** yyyy-mm-dd plus `days` (negative for earlier), in calendar arithmetic. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
