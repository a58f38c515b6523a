/**
 * Business time: the working minutes of an organisation's calendar (working weekdays, one open–close window a day,
 * in its time zone, minus holidays, plus weekend days worked in lieu — 调休). SLA targets are counted in these
 * minutes, so a complaint filed on Friday evening is due on Monday, not overnight.
 *
 * Pure: instants in, instants or numbers out; no clock. Days are walked one at a time in the calendar's own time
 * zone (Intl), so daylight-saving changes and any zone work, not only Asia/Shanghai (UTC+8, no DST).
 */

export interface BusinessCalendar {
  /** An IANA time zone, e.g. "Asia/Shanghai". */
  timeZone: string;
  /** ISO weekdays that are working days: 1 Monday … 7 Sunday. */
  workDays: readonly number[];
  /** Minutes after local midnight the day's window opens and closes (0–1440, opens before closes). */
  opensMinute: number;
  closesMinute: number;
  /** yyyy-mm-dd days off, even on a working weekday. */
  holidays: readonly string[];
  /** yyyy-mm-dd days worked although their weekday is not a working day. */
  extraWorkdays: readonly string[];
}

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: "Asia/Shanghai",
  workDays: [1, 2, 3, 4, 5],
  opensMinute: 9 * 60,
  closesMinute: 18 * 60,
  holidays: [],
  extraWorkdays: [],
};

/** How far ahead a due time is looked for before the calendar is declared to have no working time. */
const MAX_DAYS = 3700;
const MINUTE_MS = 60_000;

interface CivilDay {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let cached = formatters.get(timeZone);
  if (!cached) {
    cached = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, cached);
  }
  return cached;
}

/** Whether Intl knows this time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function localParts(timeZone: string, instantMs: number) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The zone's offset from UTC at an instant, in milliseconds (UTC+8 → 28,800,000). */
function offsetMs(timeZone: string, instantMs: number): number {
  const p = localParts(timeZone, instantMs);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant a local wall-clock time happens (minuteOfDay may be 1440: the next midnight). */
function localToInstant(timeZone: string, day: CivilDay, minuteOfDay: number): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day, 0, minuteOfDay);
  const first = wall - offsetMs(timeZone, wall);
  const second = wall - offsetMs(timeZone, first);
  return second;
}

function civilDayOf(timeZone: string, instantMs: number): CivilDay {
  const p = localParts(timeZone, instantMs);
  return { year: p.year, month: p.month, day: p.day };
}

function nextDay(day: CivilDay): CivilDay {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

const isoDay = (day: CivilDay) =>
  `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;

/** ISO weekday of a civil day: 1 Monday … 7 Sunday. */
function isoWeekday(day: CivilDay): number {
  const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

function isWorkingDay(calendar: BusinessCalendar, day: CivilDay): boolean {
  const key = isoDay(day);
  if (calendar.holidays.includes(key)) return false;
  if (calendar.extraWorkdays.includes(key)) return true;
  return calendar.workDays.includes(isoWeekday(day));
}

/** The day's working window as instants, or null on a day off. */
function windowOf(calendar: BusinessCalendar, day: CivilDay): [number, number] | null {
  if (!isWorkingDay(calendar, day)) return null;
  return [localToInstant(calendar.timeZone, day, calendar.opensMinute), localToInstant(calendar.timeZone, day, calendar.closesMinute)];
}

/** @throws RangeError when the calendar cannot have working time (no working day, or a window that never opens). */
function checkCalendar(calendar: BusinessCalendar): void {
  if (!(calendar.opensMinute >= 0 && calendar.closesMinute <= 1440 && calendar.opensMinute < calendar.closesMinute)) {
    throw new RangeError("business hours must open before they close, within the day (00:00–24:00)");
  }
  if (calendar.workDays.length === 0 && calendar.extraWorkdays.length === 0) {
    throw new RangeError("the business calendar needs at least one working day");
  }
  if (!isValidTimeZone(calendar.timeZone)) throw new RangeError(`unknown time zone ${calendar.timeZone}`);
}

/**
 * The instant `minutes` business minutes after `start`: time outside the working windows does not count. Starting
 * outside a window counts from the next opening; a due time that lands exactly on closing stays at closing.
 * Cost: O(days spanned).
 * @throws RangeError for a calendar without working time, or when none is found within ten years.
 * @example addBusinessMinutes(DEFAULT_BUSINESS_CALENDAR, new Date("2026-03-06T09:00:00Z"), 120)
 *   // Friday 17:00 in Shanghai + 2 h → Monday 2026-03-09 10:00 Shanghai (02:00Z)
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  checkCalendar(calendar);
  if (!(minutes > 0)) return new Date(start.getTime());
  let remaining = minutes * MINUTE_MS;
  const startMs = start.getTime();
  let day = civilDayOf(calendar.timeZone, startMs);
  for (let index = 0; index < MAX_DAYS; index++) {
    const window = windowOf(calendar, day);
    if (window) {
      const from = Math.max(window[0], startMs);
      if (from < window[1]) {
        const available = window[1] - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    day = nextDay(day);
  }
  throw new RangeError("the business calendar has no working time in the next ten years");
}

/**
 * Business minutes from `start` to `end` (negative when end is before start), with fractions.
 * Cost: O(days spanned).
 * @throws RangeError for a calendar without working time.
 * @example businessMinutesBetween(DEFAULT_BUSINESS_CALENDAR, fridayAt17Shanghai, mondayAt10Shanghai) // 120
 */
export function businessMinutesBetween(calendar: BusinessCalendar, start: Date, end: Date): number {
  checkCalendar(calendar);
  const startMs = start.getTime();
  const endMs = end.getTime();
  if (endMs < startMs) return -businessMinutesBetween(calendar, end, start);
  let total = 0;
  let day = civilDayOf(calendar.timeZone, startMs);
  const lastDay = isoDay(civilDayOf(calendar.timeZone, endMs));
  for (let index = 0; index <= MAX_DAYS * 10; index++) {
    const window = windowOf(calendar, day);
    if (window) total += Math.max(0, Math.min(window[1], endMs) - Math.max(window[0], startMs));
    if (isoDay(day) >= lastDay) break;
    day = nextDay(day);
  }
  return total / MINUTE_MS;
}

/** "09:30" → 570; "24:00" → 1440. */
export const minuteOfDay = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
/** 570 → "09:30". */
export const clockOf = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
