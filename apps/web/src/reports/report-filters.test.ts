import { describe, expect, it } from "vitest";
import { hasFilters, readFilters, readOverviewChoices, reportQuery, writeReportParams } from "./report-filters.ts";

const STORE = "5b0f5f3e-8d8b-4c1e-9f59-2a8f3d0f1c11";

describe("readFilters", () => {
  it("reads well-formed filters from the address", () => {
    const params = new URLSearchParams(`from=2026-01-01&to=2026-03-31&store=${STORE}&channel=kiosk&version=2`);
    expect(readFilters(params)).toEqual({ from: "2026-01-01", to: "2026-03-31", storeId: STORE, channel: "kiosk", version: 2 });
  });

  it("ignores malformed values instead of sending them to the server", () => {
    const params = new URLSearchParams("from=yesterday&to=2026-02-30&store=42&channel=fax&version=0");
    expect(readFilters(params)).toEqual({ from: undefined, to: undefined, storeId: undefined, channel: undefined, version: undefined });
    expect(readFilters(new URLSearchParams("version=1.5")).version).toBeUndefined();
  });

  it("swaps a reversed date range", () => {
    const filters = readFilters(new URLSearchParams("from=2026-05-01&to=2026-04-01"));
    expect(filters).toMatchObject({ from: "2026-04-01", to: "2026-05-01" });
  });
});

describe("readOverviewChoices", () => {
  it("defaults to monthly with no grouping", () => {
    expect(readOverviewChoices(new URLSearchParams())).toEqual({ interval: "month", groupBy: undefined });
  });

  it("accepts the groupings the contract allows, attributes in Chinese included", () => {
    expect(readOverviewChoices(new URLSearchParams("interval=week&groupBy=store"))).toEqual({ interval: "week", groupBy: "store" });
    expect(readOverviewChoices(new URLSearchParams("groupBy=attribute:会员等级")).groupBy).toBe("attribute:会员等级");
    expect(readOverviewChoices(new URLSearchParams("interval=day&groupBy=attribute:")).interval).toBe("month");
    expect(readOverviewChoices(new URLSearchParams("groupBy=attribute:")).groupBy).toBeUndefined();
  });
});

describe("writeReportParams", () => {
  it("sets and clears only the parameters named, keeping the others", () => {
    const start = new URLSearchParams("from=2026-01-01&channel=link&other=x");
    const next = writeReportParams(start, { channel: undefined, storeId: STORE, interval: "week" });
    expect(Object.fromEntries(next)).toEqual({ from: "2026-01-01", other: "x", store: STORE, interval: "week" });
    expect(start.get("channel")).toBe("link");
  });

  it("round-trips through readFilters", () => {
    const filters = { from: "2026-02-01", to: "2026-02-28", storeId: STORE, channel: "email" as const, version: 3 };
    expect(readFilters(writeReportParams(new URLSearchParams(), filters))).toEqual(filters);
  });
});

describe("reportQuery", () => {
  it("adds the locale, and the overview choices only when given", () => {
    expect(reportQuery({ channel: "staff" }, "en")).toEqual({ channel: "staff", locale: "en" });
    expect(reportQuery({}, "zh-TW", { interval: "week", groupBy: "tag" })).toEqual({ locale: "zh-TW", interval: "week", groupBy: "tag" });
  });

  it("knows when any filter is set", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ version: 1 })).toBe(true);
  });
});
