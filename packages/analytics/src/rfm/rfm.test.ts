import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { quantileType7 } from "../core/descriptive.ts";
import { seededRandom } from "../core/random.ts";
import {
  createRfmAccumulator,
  DEFAULT_RFM_SEGMENTS,
  isoDay,
  rfmBinBounds,
  rfmBinScore,
  rfmSegment,
  scoreRfm,
} from "./index.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const ordersFile = path.resolve(repoRoot, "../shared/data", "rfm-orders/orders.csv");
const hasShared = existsSync(ordersFile);
if (!hasShared) console.warn(`skipping RFM reference-data tests: ${ordersFile} is absent (a fresh clone has no ../shared)`);

describe("RFM bins (rfm 0.3.0 conventions)", () => {
  it("uses type-7 quantiles plus 1, min as first lower bound and max + 1 as last upper bound", () => {
    const bounds = rfmBinBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    // type-7 quantiles of 1..10 at .2/.4/.6/.8 are 2.8, 4.6, 6.4, 8.2
    expect(bounds.breakpoints.map((b) => +b.toFixed(10))).toEqual([3.8, 5.6, 7.4, 9.2]);
    expect(bounds.lower[0]).toBe(1);
    expect(bounds.upper[4]).toBe(11);
    // value 3 < 3.8 → bin 1; 3.8 ≤ 4 < 5.6 → bin 2; 10 → bin 5; recency reversed.
    expect([3, 4, 10].map((v) => rfmBinScore(v, bounds))).toEqual([1, 2, 5]);
    expect([3, 4, 10].map((v) => rfmBinScore(v, bounds, true))).toEqual([5, 4, 1]);
  });

  it("scores a hand-computed example", () => {
    const customers = [
      { id: "a", recencyDays: 5, frequency: 10, monetary: 1000 },
      { id: "b", recencyDays: 50, frequency: 1, monetary: 20 },
      { id: "c", recencyDays: 20, frequency: 4, monetary: 300 },
      { id: "d", recencyDays: 300, frequency: 2, monetary: 80 },
      { id: "e", recencyDays: 100, frequency: 6, monetary: 500 },
    ];
    // recency sorted 5,20,50,100,300: q.2=17 q.4=38 q.6=70 q.8=140 → +1: 18, 39, 71, 141
    // frequency 1,2,4,6,10 → 1.8, 3.2, 4.8, 6.8 → +1; monetary 20,80,300,500,1000 → 68, 212, 380, 600 → +1
    const r = scoreRfm(customers);
    expect(r.breakpoints.recency.map((b) => +b.toFixed(10))).toEqual([18, 39, 71, 141]);
    expect(r.breakpoints.frequency.map((b) => +b.toFixed(10))).toEqual([2.8, 4.2, 5.8, 7.8]);
    expect(r.breakpoints.monetary.map((b) => +b.toFixed(10))).toEqual([69, 213, 381, 601]);
    const byId = Object.fromEntries(r.customers.map((c) => [c.id, c]));
    expect([byId.a.r, byId.a.f, byId.a.m, byId.a.score, byId.a.segment]).toEqual([5, 5, 5, 555, "Champions"]);
    expect([byId.b.r, byId.b.f, byId.b.m]).toEqual([3, 1, 1]); // 33 ≤ 50 < 71 → bin 3 → R = 3
    expect([byId.d.r, byId.d.f, byId.d.m, byId.d.segment]).toEqual([1, 1, 2, "Lost"]);
    expect(byId.b.segment).toBe("About To Sleep");
    expect([byId.c.r, byId.c.f, byId.c.m, byId.c.segment]).toEqual([4, 2, 3, "Loyal Customers"]);
  });

  it("takes custom breakpoints and the first matching segment rule", () => {
    const r = scoreRfm(
      [
        { id: "x", recencyDays: 100, frequency: 4, monetary: 300 },
        { id: "y", recencyDays: 500, frequency: 9, monetary: 900 },
      ],
      { recencyBins: [115, 181, 297, 482], frequencyBins: [4, 5, 6, 8], monetaryBins: [256, 382, 506, 666] },
    );
    expect(r.customers[0]).toMatchObject({ r: 5, f: 2, m: 2, score: 522, segment: "New Customers" });
    expect(r.customers[1]).toMatchObject({ r: 1, f: 5, m: 5, segment: "At Risk" });
    expect(rfmSegment(1, 3, 5)).toBe("Can't Lose Them"); // also matches At Risk, but comes first
    expect(rfmSegment(1, 1, 1, DEFAULT_RFM_SEGMENTS.slice(0, 3))).toBe("Others");
    expect(() => scoreRfm([{ id: "x", recencyDays: 1, frequency: 1, monetary: 1 }], { recencyBins: [5, 2] })).toThrow(/ascending/);
  });

  it("accumulates orders per customer in a stream", () => {
    const acc = createRfmAccumulator(isoDay("2006-12-31")!);
    acc.add("b", isoDay("2006-12-01")!, 10);
    acc.add("a", isoDay("2006-01-01")!, 5);
    acc.add("b", isoDay("2006-12-21")!, 2.5);
    acc.add("b", isoDay("2006-11-30")!, 1);
    expect(acc.orderCount).toBe(4);
    expect(acc.customers()).toEqual([
      { id: "a", recencyDays: 364, frequency: 1, monetary: 5 },
      { id: "b", recencyDays: 10, frequency: 3, monetary: 13.5 },
    ]);
    expect(isoDay("2006-02-30")).toBeNull();
    expect(isoDay("31/12/2006")).toBeNull();
  });

  it("scores simulated customers on a wide scale into near-equal quintiles (the +1 shift is negligible there)", () => {
    const random = seededRandom(5);
    const customers = Array.from({ length: 1000 }, (_, i) => ({
      id: `c${i}`, recencyDays: Math.floor(random() * 3650), frequency: 1 + Math.floor(random() * 20), monetary: random() * 100_000,
    }));
    const r = scoreRfm(customers);
    for (const key of ["r", "m"] as const) {
      const counts = [0, 0, 0, 0, 0];
      for (const c of r.customers) counts[c[key] - 1]++;
      for (const n of counts) expect(n).toBeGreaterThanOrEqual(195);
      for (const n of counts) expect(n).toBeLessThanOrEqual(205);
    }
    // the most recent fifth scores R = 5
    const sorted = [...r.customers].sort((a, b) => a.recencyDays - b.recencyDays);
    expect(sorted[0].r).toBe(5);
    expect(sorted[999].r).toBe(1);
  });
});

describe.skipIf(!hasShared)("RFM on rfm's rfm_data_orders (shared/data/rfm-orders/orders.csv)", () => {
  const scored = () => {
    const lines = readFileSync(ordersFile, "utf8").trim().split("\n").slice(1);
    const acc = createRfmAccumulator(isoDay("2006-12-31")!);
    for (const line of lines) {
      const [customer, date, revenue] = line.split(",");
      acc.add(customer, isoDay(date)!, Number(revenue));
    }
    return { acc, result: scoreRfm(acc.customers()) };
  };

  it("breakpoints equal the type-7 quantiles + 1 and every score obeys lower ≤ value < upper", () => {
    const { acc, result } = scored();
    expect(acc.orderCount).toBe(4906);
    expect(result.customers).toHaveLength(995);
    const values = {
      recency: result.customers.map((c) => c.recencyDays),
      frequency: result.customers.map((c) => c.frequency),
      monetary: result.customers.map((c) => c.monetary),
    };
    for (const key of ["recency", "frequency", "monetary"] as const) {
      expect(result.breakpoints[key]).toEqual([0.2, 0.4, 0.6, 0.8].map((p) => quantileType7(values[key], p) + 1));
    }
    // rfm's own documentation prints these thresholds (rounded) for this data set.
    expect(result.breakpoints.frequency).toEqual([4, 5, 6, 8]);
    expect(result.breakpoints.recency[0]).toBe(115);
    for (const c of result.customers) {
      const b = result.bounds;
      expect(c.recencyDays).toBeGreaterThanOrEqual(b.recency.lower[5 - c.r]);
      expect(c.recencyDays).toBeLessThan(b.recency.upper[5 - c.r]);
      expect(c.frequency).toBeGreaterThanOrEqual(b.frequency.lower[c.f - 1]);
      expect(c.frequency).toBeLessThan(b.frequency.upper[c.f - 1]);
      expect(c.monetary).toBeGreaterThanOrEqual(b.monetary.lower[c.m - 1]);
      expect(c.monetary).toBeLessThan(b.monetary.upper[c.m - 1]);
      expect(c.score).toBe(c.r * 100 + c.f * 10 + c.m);
    }
  });

  it("reproduces the rows and segment summary published in rfm 0.3.0's vignette", () => {
    const { result } = scored();
    const byId = new Map(result.customers.map((c) => [c.id, c]));
    const published: [string, number, number, number, number, string][] = [
      ["Abbey O'Reilly", 205, 6, 472, 343, "Potential Loyalist"],
      ["Add Senger", 140, 3, 340, 412, "New Customers"],
      ["Aden Lesch", 194, 4, 405, 323, "Loyal Customers"],
      ["Aden Murphy", 98, 7, 596, 544, "Potential Loyalist"],
      ["Admiral Senger", 132, 5, 448, 433, "Potential Loyalist"],
      ["Agness O'Keefe", 90, 9, 843, 555, "Champions"],
      ["Aileen Barton", 84, 9, 763, 555, "Champions"],
      ["Ailene Hermann", 281, 8, 699, 355, "Potential Loyalist"],
      ["Aiyanna Bruen", 246, 4, 157, 321, "About To Sleep"],
      ["Akeelah Walsh", 160, 7, 779, 445, "Potential Loyalist"],
    ];
    for (const [id, recencyDays, frequency, monetary, score, segment] of published) {
      expect(byId.get(id), id).toMatchObject({ recencyDays, frequency, monetary, score, segment });
    }
    // rfm_segment_summary(): customers, orders, revenue per segment
    const summary: Record<string, [number, number, number]> = {};
    for (const c of result.customers) {
      const s = (summary[c.segment] ??= [0, 0, 0]);
      s[0]++;
      s[1] += c.frequency;
      s[2] += c.monetary;
    }
    expect(summary).toEqual({
      "About To Sleep": [102, 283, 23449],
      "At Risk": [28, 216, 22227],
      "Can't Lose Them": [47, 274, 32446],
      Champions: [35, 316, 31646],
      Lost: [148, 393, 35324],
      "Loyal Customers": [170, 799, 76562],
      "Need Attention": [10, 57, 4562],
      "New Customers": [104, 329, 28837],
      "Potential Loyalist": [342, 2211, 204856],
      Promising: [9, 28, 4249],
    });
  });
});
