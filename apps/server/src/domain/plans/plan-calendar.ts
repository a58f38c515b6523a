/**
 * The calendar plans run on: calendar days in the stores' time zone (Asia/Shanghai, as reports and the dashboard
 * read them), and the dates of the holidays a plan can act on — solar (New Year, National Day) or lunar, dated
 * through the lunar calendar (lunar-typescript), so Spring Festival falls on its real day every year.
 */
import type { PlanHoliday } from "@kexin/contracts";
import { Lunar } from "lunar-typescript";

export const PLAN_TIME_ZONE = "Asia/Shanghai";

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: PLAN_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (yyyy-mm-dd) an instant falls on in Asia/Shanghai. */
export function localDay(instant: Date): string {
  return dayFormat.format(instant);
}

/** Midnight starting a calendar day (yyyy-mm-dd) in Asia/Shanghai, as an instant. */
export function startOfDay(day: string): Date {
  // Asia/Shanghai has kept UTC+8, without daylight saving, since 1991.
  return new Date(`${day}T00:00:00+08:00`);
}

/** Midnight starting the Asia/Shanghai day an instant falls on. */
export function startOfLocalDay(instant: Date): Date {
  return startOfDay(localDay(instant));
}

/** The day `days` after a yyyy-mm-dd day (negative for before); pure calendar arithmetic, no time zone. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const SOLAR_HOLIDAYS: Partial<Record<PlanHoliday, [month: number, day: number]>> = {
  new_year: [1, 1],
  national_day: [10, 1],
};
const LUNAR_HOLIDAYS: Partial<Record<PlanHoliday, [month: number, day: number]>> = {
  spring_festival: [1, 1],
  lantern_festival: [1, 15],
  dragon_boat: [5, 5],
  mid_autumn: [8, 15],
};

const pad = (value: number) => String(value).padStart(2, "0");

/** Every plan holiday of one (Gregorian) year, as { day, holiday }; a lunar holiday is dated in the lunar year that starts in it. */
export function holidaysOfYear(year: number): { day: string; holiday: PlanHoliday }[] {
  const result: { day: string; holiday: PlanHoliday }[] = [];
  for (const [holiday, [month, day]] of Object.entries(SOLAR_HOLIDAYS)) {
    result.push({ day: `${year}-${pad(month)}-${pad(day)}`, holiday: holiday as PlanHoliday });
  }
  for (const [holiday, [month, day]] of Object.entries(LUNAR_HOLIDAYS)) {
    result.push({ day: Lunar.fromYmd(year, month, day).getSolar().toYmd(), holiday: holiday as PlanHoliday });
  }
  return result.sort((a, b) => a.day.localeCompare(b.day));
}

/** The plan holidays falling within [from, to] (yyyy-mm-dd, both inclusive). */
export function holidaysBetween(from: string, to: string): { day: string; holiday: PlanHoliday }[] {
  const result: { day: string; holiday: PlanHoliday }[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) result.push(...holidaysOfYear(year));
  return result.filter(({ day }) => day >= from && day <= to);
}
