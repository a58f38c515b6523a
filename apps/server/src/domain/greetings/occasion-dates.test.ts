import { describe, expect, it } from "vitest";
import { birthdayIn, holidayDate, occasionDatesOfYear } from "./occasion-dates.ts";
import { isInQuietHours, zonedParts, zonedTimeToInstant } from "./zoned-time.ts";

// Published dates (国务院办公厅 holiday notices and the Hong Kong Observatory's Gregorian–lunar tables).
const SPRING_FESTIVAL: Record<number, string> = {
  2024: "2024-02-10",
  2025: "2025-01-29",
  2026: "2026-02-17",
  2027: "2027-02-06",
  2028: "2028-01-26",
  2029: "2029-02-13",
  2030: "2030-02-03",
};
const MID_AUTUMN: Record<number, string> = {
  2024: "2024-09-17",
  2025: "2025-10-06",
  2026: "2026-09-25",
  2027: "2027-09-15",
  2028: "2028-10-03",
  2029: "2029-09-22",
  2030: "2030-09-12",
};
const DRAGON_BOAT: Record<number, string> = {
  2024: "2024-06-10",
  2025: "2025-05-31",
  2026: "2026-06-19",
  2027: "2027-06-09",
  2028: "2028-05-28",
};

describe("holiday dates", () => {
  it.each(Object.entries(SPRING_FESTIVAL))("Spring Festival %s is %s", (year, date) => {
    expect(holidayDate("spring_festival", Number(year))).toBe(date);
  });
  it.each(Object.entries(MID_AUTUMN))("Mid-Autumn %s is %s", (year, date) => {
    expect(holidayDate("mid_autumn", Number(year))).toBe(date);
  });
  it.each(Object.entries(DRAGON_BOAT))("Dragon Boat %s is %s", (year, date) => {
    expect(holidayDate("dragon_boat", Number(year))).toBe(date);
  });

  it("lists a year's holidays in date order, National Day on 1 October", () => {
    expect(occasionDatesOfYear(2028)).toEqual([
      { occasion: "spring_festival", date: "2028-01-26" },
      { occasion: "dragon_boat", date: "2028-05-28" },
      { occasion: "national_day", date: "2028-10-01" },
      { occasion: "mid_autumn", date: "2028-10-03" },
    ]);
  });

  it("refuses years outside the checked lunar tables", () => {
    expect(() => holidayDate("spring_festival", 1800)).toThrow(RangeError);
  });
});

describe("birthdays", () => {
  it("moves 29 February to 28 February in common years only", () => {
    expect(birthdayIn("1992-02-29", 2027)).toBe("2027-02-28");
    expect(birthdayIn("1992-02-29", 2028)).toBe("2028-02-29");
    expect(birthdayIn("1985-07-14", 2027)).toBe("2027-07-14");
  });
});

describe("zoned time", () => {
  const shanghai = { timeZone: "Asia/Shanghai", quietStart: "21:00", quietEnd: "09:00" };
  it("converts a Shanghai wall-clock time to the instant", () => {
    expect(zonedTimeToInstant("2027-02-06", "09:00", "Asia/Shanghai").toISOString()).toBe("2027-02-06T01:00:00.000Z");
    expect(zonedParts(new Date("2027-02-05T17:30:00Z"), "Asia/Shanghai")).toMatchObject({
      date: "2027-02-06",
      minuteOfDay: 90,
    });
  });
  it("settles across a daylight-saving change", () => {
    expect(zonedTimeToInstant("2027-07-01", "09:00", "Europe/Berlin").toISOString()).toBe("2027-07-01T07:00:00.000Z");
    expect(zonedTimeToInstant("2027-01-01", "09:00", "Europe/Berlin").toISOString()).toBe("2027-01-01T08:00:00.000Z");
  });
  it("keeps quiet hours that span midnight", () => {
    expect(isInQuietHours(new Date("2027-02-06T13:00:00Z"), shanghai)).toBe(true); // 21:00
    expect(isInQuietHours(new Date("2027-02-05T20:59:00Z"), shanghai)).toBe(true); // 04:59
    expect(isInQuietHours(new Date("2027-02-06T01:00:00Z"), shanghai)).toBe(false); // 09:00
    expect(isInQuietHours(new Date("2027-02-06T12:59:00Z"), shanghai)).toBe(false); // 20:59
    expect(isInQuietHours(new Date("2027-02-06T12:59:00Z"), { ...shanghai, quietStart: "12:00", quietEnd: "14:00" })).toBe(
      false,
    );
    expect(isInQuietHours(new Date("2027-02-06T04:30:00Z"), { ...shanghai, quietStart: "12:00", quietEnd: "14:00" })).toBe(
      true,
    );
    expect(isInQuietHours(new Date("2027-02-06T04:30:00Z"), { ...shanghai, quietStart: "00:00", quietEnd: "00:00" })).toBe(
      false,
    );
  });
});
