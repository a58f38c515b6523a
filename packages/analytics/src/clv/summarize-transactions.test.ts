import { describe, expect, it } from "vitest";
import { dayNumber } from "./day-number.ts";
import { summarizeTransactions, type ClvTransaction } from "./summarize-transactions.ts";

const buildTransaction = (overrides: Partial<ClvTransaction> = {}): ClvTransaction => ({
  customerId: "c1",
  date: "1997-01-01",
  amount: 10,
  ...overrides,
});

describe("dayNumber", () => {
  it("counts days since 1970-01-01 on the Gregorian calendar", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1997-09-30") - dayNumber("1997-01-01")).toBe(272);
    expect(dayNumber("2000-03-01") - dayNumber("2000-02-28")).toBe(2); // 2000 is a leap year
    expect(dayNumber("1900-03-01") - dayNumber("1900-02-28")).toBe(1); // 1900 is not
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber(12345)).toBe(12345);
  });

  it("rejects malformed and impossible dates", () => {
    expect(() => dayNumber("1997-02-29")).toThrow(/not a calendar date/);
    expect(() => dayNumber("19970101")).toThrow(/yyyy-mm-dd/);
    expect(() => dayNumber(1.5)).toThrow(/whole number/);
  });
});

describe("summarizeTransactions", () => {
  const log = [
    buildTransaction({ date: "1997-01-01", amount: 29.33 }),
    buildTransaction({ date: "1997-01-18", amount: 20 }),
    buildTransaction({ date: "1997-01-18", amount: 9.73 }), // same day: one transaction of 29.73
    buildTransaction({ date: "1997-08-02", amount: 14.96 }),
    buildTransaction({ date: "1997-12-12", amount: 26.48 }), // holdout
    buildTransaction({ customerId: "c2", date: "1997-03-01", amount: 5 }),
    buildTransaction({ customerId: "c3", date: "1997-10-05", amount: 7 }), // first purchase after calibration
  ];

  it("computes x, t_x, T and the mean repeat spend in weeks, with holdout counts", () => {
    const result = summarizeTransactions(log, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30" });
    expect(result.customers.map((c) => c.customerId)).toEqual(["c1", "c2"]);
    const [first, second] = result.customers;
    expect(first.frequency).toBe(2);
    expect(first.recency).toBeCloseTo(213 / 7, 12);
    expect(first.age).toBeCloseTo(272 / 7, 12);
    expect(first.averageSpend).toBeCloseTo((29.73 + 14.96) / 2, 12);
    expect(first.holdoutFrequency).toBe(1);
    expect(second).toEqual({ customerId: "c2", frequency: 0, recency: 0, age: 213 / 7, averageSpend: 0, holdoutFrequency: 0 });
    expect(result.excludedCustomers).toBe(1);
    expect(result.holdoutLength).toBeCloseTo(273 / 7, 12);
  });

  it("works in days and with day numbers, and orders rows itself", () => {
    const rows = [
      { customerId: 1, date: 110, amount: 3 },
      { customerId: 1, date: 100, amount: 1 },
      { customerId: 1, date: 104, amount: 2 },
    ];
    const result = summarizeTransactions(rows, { calibrationEnd: 120, period: "day" });
    expect(result.customers[0]).toMatchObject({ frequency: 2, recency: 10, age: 20, averageSpend: 2.5, holdoutFrequency: 0 });
    expect(result.holdoutLength).toBe(0);
  });

  it("leaves transactions after an explicit observation end out and says so", () => {
    const result = summarizeTransactions(log, { calibrationEnd: "1997-09-30", observationEnd: "1997-11-30" });
    expect(result.customers[0].holdoutFrequency).toBe(0);
    expect(result.ignoredTransactions).toBe(1);
  });

  it("rejects bad input in plain words", () => {
    expect(() => summarizeTransactions([], { calibrationEnd: "1997-09-30" })).toThrow(/at least one transaction/);
    expect(() => summarizeTransactions([buildTransaction({ amount: -5 })], { calibrationEnd: "1997-09-30" })).toThrow(/amounts must be numbers ≥ 0/);
    expect(() => summarizeTransactions([buildTransaction({ date: "1997-13-01" })], { calibrationEnd: "1997-09-30" })).toThrow(/not a calendar date/);
    expect(() => summarizeTransactions([buildTransaction({ date: 5 })], { calibrationEnd: "1997-09-30" })).toThrow(/like the transaction dates/);
    expect(() => summarizeTransactions([buildTransaction(), buildTransaction({ date: 5 })], { calibrationEnd: "1997-09-30" })).toThrow(/mixes/);
    expect(() => summarizeTransactions([buildTransaction()], { calibrationEnd: "1996-09-30" })).toThrow(/no customer/);
    expect(() => summarizeTransactions([buildTransaction()], { calibrationEnd: "1997-09-30", observationEnd: "1997-01-01" })).toThrow(
      /observation end/,
    );
  });
});
