/**
 * The calendar of occasions: lunar holidays converted with lunar-typescript (Spring Festival 正月初一, Dragon Boat
 * 五月初五, Mid-Autumn 八月十五), National Day (10-01), and per customer the birthday in a given year.
 */
import { Lunar } from "lunar-typescript";
import type { RuleOccasion } from "@kexin/contracts";

export type HolidayOccasion = Extract<RuleOccasion, "spring_festival" | "dragon_boat" | "mid_autumn" | "national_day">;
export const HOLIDAY_OCCASIONS: readonly HolidayOccasion[] = ["spring_festival", "dragon_boat", "mid_autumn", "national_day"];

const LUNAR_DATES: Partial<Record<HolidayOccasion, [month: number, day: number]>> = {
  spring_festival: [1, 1],
  dragon_boat: [5, 5],
  mid_autumn: [8, 15],
};

/**
 * The Gregorian date (yyyy-mm-dd) of a holiday in a Gregorian year. Lunar holidays fall in the lunar year that
 * starts in the same Gregorian year (Spring Festival is always between 21 January and 20 February).
 * @throws RangeError outside 1901–2099, where the lunar tables are not checked.
 */
export function holidayDate(occasion: HolidayOccasion, year: number): string {
  if (!Number.isInteger(year) || year < 1901 || year > 2099) {
    throw new RangeError(`holidayDate requires a year from 1901 to 2099, got ${year}`);
  }
  const lunar = LUNAR_DATES[occasion];
  if (!lunar) return `${year}-10-01`;
  return Lunar.fromYmd(year, lunar[0], lunar[1]).getSolar().toYmd();
}

/** Every holiday of a Gregorian year, in date order. */
export function occasionDatesOfYear(year: number): { occasion: HolidayOccasion; date: string }[] {
  return HOLIDAY_OCCASIONS.map((occasion) => ({ occasion, date: holidayDate(occasion, year) })).sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** Whether a Gregorian year has 29 February. */
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The day a birthday (yyyy-mm-dd, any birth year) is celebrated in `year`: the same month and day, and 28 February
 * for someone born on 29 February in a common year.
 */
export function birthdayIn(birthday: string, year: number): string {
  const month = birthday.slice(5, 7);
  const day = birthday.slice(8, 10);
  if (month === "02" && day === "29" && !isLeapYear(year)) return `${year}-02-28`;
  return `${year}-${month}-${day}`;
}
