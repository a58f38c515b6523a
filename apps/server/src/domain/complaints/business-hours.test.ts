import { describe, expect, it } from "vitest";
import {
  addBusinessMinutes,
  businessMinutesBetween,
  clockOf,
  DEFAULT_BUSINESS_CALENDAR,
  minuteOfDay,
  type BusinessCalendar,
} from "./business-hours.ts";

/** A Shanghai wall-clock time (UTC+8, no daylight saving) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);
const shanghai = DEFAULT_BUSINESS_CALENDAR; // Mon–Fri 09:00–18:00

describe("addBusinessMinutes (Shanghai, Mon–Fri 09:00–18:00)", () => {
  it.each([
    ["within the day", "2026-03-02T10:00:00", 60, "2026-03-02T11:00:00"], // Monday
    ["up to closing exactly", "2026-03-02T17:00:00", 60, "2026-03-02T18:00:00"],
    ["across the night", "2026-03-02T17:30:00", 60, "2026-03-03T09:30:00"],
    ["before opening", "2026-03-02T07:00:00", 30, "2026-03-02T09:30:00"],
    ["after closing", "2026-03-02T21:15:00", 30, "2026-03-03T09:30:00"],
    ["across the weekend", "2026-03-06T17:00:00", 120, "2026-03-09T10:00:00"], // Friday → Monday
    ["filed on a Sunday", "2026-03-08T12:00:00", 15, "2026-03-09T09:15:00"],
    ["several days (24 business hours)", "2026-03-04T12:00:00", 24 * 60, "2026-03-06T18:00:00"], // Wed 6 h + Thu 9 h + Fri 9 h
    ["several days past a weekend", "2026-03-04T12:00:00", 25 * 60, "2026-03-09T10:00:00"],
    ["a fraction of a minute", "2026-03-02T10:00:00", 0.5, "2026-03-02T10:00:30"],
  ])("%s", (_label, start, minutes, due) => {
    expect(addBusinessMinutes(shanghai, sh(start), minutes).toISOString()).toBe(sh(due).toISOString());
  });

  it("returns the start for zero or negative minutes", () => {
    expect(addBusinessMinutes(shanghai, sh("2026-03-07T03:00:00"), 0).toISOString()).toBe(sh("2026-03-07T03:00:00").toISOString());
  });

  it("skips holidays and counts weekend days worked in lieu (调休)", () => {
    const calendar: BusinessCalendar = {
      ...shanghai,
      holidays: ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
      extraWorkdays: ["2026-10-10"], // a Saturday
    };
    // Wednesday 30 Sep 17:00 + 2 h: one hour on Wednesday, then Thursday 1 … Wednesday 7 October off, Thursday 8th.
    expect(addBusinessMinutes(calendar, sh("2026-09-30T17:00:00"), 120).toISOString()).toBe(sh("2026-10-08T10:00:00").toISOString());
    // Friday 9 October 17:00 + 2 h: Saturday 10th is worked.
    expect(addBusinessMinutes(calendar, sh("2026-10-09T17:00:00"), 120).toISOString()).toBe(sh("2026-10-10T10:00:00").toISOString());
    expect(businessMinutesBetween(calendar, sh("2026-09-30T17:00:00"), sh("2026-10-08T10:00:00"))).toBe(120);
  });

  it("follows daylight saving in a zone that has it (New York, DST starts Sunday 8 March 2026)", () => {
    const newYork: BusinessCalendar = { ...shanghai, timeZone: "America/New_York" };
    // Friday 17:00 EST (22:00Z) + 2 h → Monday 10:00 EDT, which is 14:00Z (not 15:00Z).
    const due = addBusinessMinutes(newYork, new Date("2026-03-06T22:00:00Z"), 120);
    expect(due.toISOString()).toBe("2026-03-09T14:00:00.000Z");
  });

  it("refuses a calendar without working time", () => {
    expect(() => addBusinessMinutes({ ...shanghai, workDays: [] }, sh("2026-03-02T10:00:00"), 10)).toThrow(/at least one working day/);
    expect(() => addBusinessMinutes({ ...shanghai, opensMinute: 600, closesMinute: 600 }, sh("2026-03-02T10:00:00"), 10)).toThrow(
      /open before they close/,
    );
    expect(() => addBusinessMinutes({ ...shanghai, timeZone: "Mars/Olympus" }, sh("2026-03-02T10:00:00"), 10)).toThrow(/time zone/);
  });

  it("counts a 24-hour, seven-day calendar as plain minutes", () => {
    const always: BusinessCalendar = { ...shanghai, workDays: [1, 2, 3, 4, 5, 6, 7], opensMinute: 0, closesMinute: 1440 };
    const start = sh("2026-03-06T23:50:00");
    expect(addBusinessMinutes(always, start, 60 * 24 * 3).getTime() - start.getTime()).toBe(3 * 86_400_000);
  });
});

describe("businessMinutesBetween", () => {
  it.each([
    ["same window", "2026-03-02T10:00:00", "2026-03-02T10:45:00", 45],
    ["over a night", "2026-03-02T17:00:00", "2026-03-03T10:00:00", 120],
    ["over a weekend", "2026-03-06T17:00:00", "2026-03-09T10:00:00", 120],
    ["a whole week", "2026-03-02T00:00:00", "2026-03-09T00:00:00", 5 * 9 * 60],
    ["entirely off hours", "2026-03-07T08:00:00", "2026-03-08T20:00:00", 0],
  ])("%s", (_label, start, end, minutes) => {
    expect(businessMinutesBetween(shanghai, sh(start), sh(end))).toBe(minutes);
  });

  it("is negative when the end comes first", () => {
    expect(businessMinutesBetween(shanghai, sh("2026-03-09T10:00:00"), sh("2026-03-06T17:00:00"))).toBe(-120);
  });

  it("undoes addBusinessMinutes from any start", () => {
    const starts = ["2026-03-02T08:59:00", "2026-03-04T13:07:00", "2026-03-06T17:59:00", "2026-03-07T11:00:00", "2026-12-31T16:00:00"];
    for (const start of starts) {
      for (const minutes of [1, 59, 60, 540, 541, 1440, 2400, 10_000]) {
        const due = addBusinessMinutes(shanghai, sh(start), minutes);
        expect(businessMinutesBetween(shanghai, sh(start), due), `${start} + ${minutes}`).toBeCloseTo(minutes, 6);
      }
    }
  });
});

describe("clock conversions", () => {
  it("reads and writes HH:MM", () => {
    expect(minuteOfDay("09:30")).toBe(570);
    expect(minuteOfDay("24:00")).toBe(1440);
    expect(clockOf(570)).toBe("09:30");
    expect(clockOf(1440)).toBe("24:00");
  });
});
