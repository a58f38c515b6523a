import { describe, expect, it } from "vitest";
import { seededRandom } from "../core/random.ts";
import {
  csat,
  customerEffortScore,
  meanInterval,
  netPromoterScore,
  normalizeScale,
  npsDifferenceTest,
  npsFromCounts,
  satisfactionRatio,
  topBoxShare,
  twoProportionZTest,
  waldInterval,
  waveTrend,
  welchTTest,
  wilsonInterval,
} from "./index.ts";

describe("scales and scores", () => {
  it("normalises any scale to 0–100", () => {
    expect(normalizeScale([1, 3, 5], { min: 1, max: 5 })).toEqual([0, 50, 100]);
    expect(normalizeScale([0, 7, 10], { min: 0, max: 10 })).toEqual([0, 70, 100]);
    expect(() => normalizeScale([6], { min: 1, max: 5 })).toThrow(/outside the 1–5 scale/);
  });

  it("counts top box, top-2 box and CSAT", () => {
    expect(topBoxShare([5, 4, 3, 5], { min: 1, max: 5 }, 2)).toEqual({ count: 3, n: 4, share: 0.75, threshold: 4 });
    expect(topBoxShare([5, 4, 3, 5], { min: 1, max: 5 }).share).toBe(0.5);
    expect(csat([5, 4, 3, 2])).toEqual({ satisfied: 2, n: 4, share: 0.5, percent: 50 });
    expect(csat([7, 6, 5], { min: 1, max: 7 }, 3).percent).toBe(100);
    expect(() => csat([])).toThrow(/at least 1 answer/);
  });

  it("computes CES", () => {
    const ces = customerEffortScore([7, 6, 5, 2]);
    expect(ces.mean).toBe(5);
    expect(ces.score100).toBeCloseTo(66.6667, 3);
    expect(ces.easyShare).toBe(0.75);
  });

  it("computes NPS with passives in the denominator and the trinomial standard error", () => {
    const r = netPromoterScore([10, 10, 9, 9, 8, 7, 6, 5, 3, 10]);
    expect([r.promoters, r.passives, r.detractors, r.n]).toEqual([5, 2, 3, 10]);
    expect(r.nps).toBeCloseTo(20, 12);
    // Var = (0.5 + 0.3 − 0.2²)/10 = 0.076
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt(0.076), 10);
    expect(r.lower).toBeCloseTo(20 - 1.959963984540054 * 100 * Math.sqrt(0.076), 8);
    expect(netPromoterScore([10, 9]).standardError).toBe(0);
    expect(() => netPromoterScore([11])).toThrow(/outside the 0–10 scale/);
  });

  it("reads the satisfaction ratio", () => {
    expect(satisfactionRatio(4.4, 4)).toEqual({ ratio: expect.closeTo(1.1, 12), reading: "regular" });
    expect(satisfactionRatio(4.02, 4).reading).toBe("uncertain");
    expect(satisfactionRatio(3, 4).reading).toBe("rare");
    expect(() => satisfactionRatio(3, 0)).toThrow(/positive expected/);
  });
});

describe("confidence intervals", () => {
  it("Wilson and Wald for 45/100 match statsmodels proportion_confint", () => {
    const w = wilsonInterval(45, 100);
    expect(w.lower).toBeCloseTo(0.3561454, 6);
    expect(w.upper).toBeCloseTo(0.5475539, 6);
    const n = waldInterval(45, 100);
    expect(n.lower).toBeCloseTo(0.45 - 1.959963984540054 * Math.sqrt(0.45 * 0.55 / 100), 12);
    expect(n.upper).toBeCloseTo(0.5475070, 6);
    expect(wilsonInterval(0, 10).lower).toBe(0);
    expect(() => wilsonInterval(11, 10)).toThrow(/from 0 to n = 10/);
  });

  it("t-interval for a mean matches scipy t.interval", () => {
    const r = meanInterval([1, 2, 3, 4, 5]);
    expect(r.lower).toBeCloseTo(1.0367568385224428, 11);
    expect(r.upper).toBeCloseTo(4.963243161477557, 11);
  });

  it("Wilson covers ~95% of simulated proportions with known p", () => {
    const random = seededRandom(7);
    const trueP = 0.3;
    const n = 80;
    let covered = 0;
    const runs = 4000;
    for (let s = 0; s < runs; s++) {
      let x = 0;
      for (let i = 0; i < n; i++) if (random() < trueP) x++;
      const ci = wilsonInterval(x, n);
      if (ci.lower <= trueP && trueP <= ci.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.93);
    expect(covered / runs).toBeLessThan(0.97);
  });

  it("the NPS interval covers the true NPS ~95% of the time", () => {
    const random = seededRandom(11);
    // true shares: promoters 0.4, passives 0.35, detractors 0.25 → NPS 15
    let covered = 0;
    const runs = 3000;
    for (let s = 0; s < runs; s++) {
      const answers: number[] = [];
      for (let i = 0; i < 200; i++) {
        const u = random();
        answers.push(u < 0.4 ? 10 : u < 0.75 ? 8 : 4);
      }
      const r = netPromoterScore(answers);
      if (r.lower <= 15 && 15 <= r.upper) covered++;
    }
    expect(covered / runs).toBeGreaterThan(0.93);
    expect(covered / runs).toBeLessThan(0.97);
  });
});

describe("trend between waves", () => {
  it("Welch t-test matches scipy ttest_ind(equal_var=False)", () => {
    const r = welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]);
    expect(r.statistic).toBeCloseTo(1.8973665961010275, 12);
    expect(r.degreesOfFreedom).toBeCloseTo(5.882352941176471, 12);
    expect(r.pValue).toBeCloseTo(0.10753119493062728, 10);
  });

  it("two-proportion z-test matches prop.test without correction", () => {
    const r = twoProportionZTest(45, 100, 60, 100);
    expect(r.statistic).toBeCloseTo(2.1239769762143657, 12);
    expect(r.pValue).toBeCloseTo(0.033672068856345855, 12);
    expect(twoProportionZTest(10, 10, 5, 5).pValue).toBe(1);
  });

  it("NPS difference z-test uses both standard errors", () => {
    const a = npsFromCounts(50, 20, 30);
    const b = npsFromCounts(60, 20, 20);
    const r = npsDifferenceTest(a, b);
    expect(r.difference).toBeCloseTo(20, 12);
    expect(r.statistic).toBeCloseTo(20 / Math.sqrt(a.standardError ** 2 + b.standardError ** 2), 12);
  });

  it("marks significant changes at alpha", () => {
    const before = Array.from({ length: 200 }, (_, i) => (i % 10 < 4 ? 5 : 3));
    const after = Array.from({ length: 200 }, (_, i) => (i % 10 < 7 ? 5 : 3));
    const t = waveTrend(before, after, { kind: "top-box", scale: { min: 1, max: 5 }, boxes: 2 });
    expect(t.isSignificant).toBe(true);
    expect(t.direction).toBe("up");
    expect(t.previous).toBeCloseTo(0.4, 12);
    const flat = waveTrend([3, 4, 4, 5], [4, 5, 5, 5], { kind: "mean", scale: { min: 1, max: 5 } });
    expect(flat.direction).toBe("flat");
    expect(flat.test).toBe("welch-t");
    const nps = waveTrend([10, 9, 3, 2], [10, 9, 9, 2], { kind: "nps" });
    expect(nps.test).toBe("nps-difference-z");
    expect(Number.isNaN(nps.pValue)).toBe(false);
  });
});
