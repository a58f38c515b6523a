import { describe, expect, it } from "vitest";
import { seededRandom } from "../core/random.ts";
import { bgnbdLogLikelihood, bgnbdLogLikelihoodChecked } from "./bgnbd-log-likelihood.ts";
import { bgnbdConditionalExpectedPurchases, bgnbdExpectedPurchases, bgnbdProbabilityAlive } from "./bgnbd-predict.ts";
import { checkPurchaseSummaries, purchaseSummaryColumns } from "./customer-summary.ts";
import { fitBgnbd } from "./fit-bgnbd.ts";
import { simulateBgnbdCustomers } from "./simulate.ts";

const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

describe("BG/NBD log-likelihood", () => {
  const sample = simulateBgnbdCustomers(truth, { customers: 500, age: 39, random: seededRandom(7) });

  it("has an analytic gradient that matches central differences", () => {
    const data = checkPurchaseSummaries(sample);
    const at = { r: 0.3, alpha: 3.5, a: 0.9, b: 2.1 };
    const gradient = new Float64Array(4);
    bgnbdLogLikelihoodChecked(at, data, gradient);
    (["r", "alpha", "a", "b"] as const).forEach((name, k) => {
      const h = 1e-6;
      const numeric =
        (bgnbdLogLikelihoodChecked({ ...at, [name]: at[name] + h }, data) - bgnbdLogLikelihoodChecked({ ...at, [name]: at[name] - h }, data)) /
        (2 * h);
      expect(Math.abs(gradient[k] - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
    });
  });

  it("equals the textbook formula for a single customer", () => {
    // FHL (2005) eq. 6 written out directly with Γ ratios for x = 2.
    const { r, alpha, a, b } = truth;
    const [x, tx, T] = [2, 10, 30];
    const gammaRatio = r * (r + 1); // Γ(r + 2)/Γ(r)
    const betaRatio = (b * (b + 1)) / ((a + b) * (a + b + 1)); // B(a, b + 2)/B(a, b)
    const direct =
      betaRatio * gammaRatio * alpha ** r / (alpha + T) ** (r + x) +
      ((a * b) / ((a + b) * (a + b + 1))) * gammaRatio * alpha ** r / (alpha + tx) ** (r + x);
    expect(bgnbdLogLikelihood(truth, { frequency: [x], recency: [tx], age: [T] })).toBeCloseTo(Math.log(direct), 12);
  });

  it("rejects impossible summaries and parameters in plain words", () => {
    expect(() => bgnbdLogLikelihood(truth, { frequency: [], recency: [], age: [] })).toThrow(/at least one customer/);
    expect(() => bgnbdLogLikelihood(truth, { frequency: [-1], recency: [0], age: [5] })).toThrow(/whole number ≥ 0/);
    expect(() => bgnbdLogLikelihood(truth, { frequency: [1.5], recency: [1], age: [5] })).toThrow(/whole number/);
    expect(() => bgnbdLogLikelihood(truth, { frequency: [2], recency: [6], age: [5] })).toThrow(/T must be ≥ t_x/);
    expect(() => bgnbdLogLikelihood(truth, { frequency: [2], recency: [-1], age: [5] })).toThrow(/recency must be ≥ 0/);
    expect(() => bgnbdLogLikelihood(truth, { frequency: [0], recency: [3], age: [5] })).toThrow(/recency must be 0/);
    expect(() => bgnbdLogLikelihood(truth, { frequency: [1, 2], recency: [1], age: [5] })).toThrow(/equal length/);
    expect(() => bgnbdLogLikelihood({ ...truth, alpha: -1 }, sample)).toThrow(/alpha must be a positive number/);
    expect(() => fitBgnbd({ frequency: [], recency: [], age: [] })).toThrow(/at least one customer/);
  });
});

describe("BG/NBD fit on simulated customers", () => {
  it("recovers known parameters from 30,000 customers", () => {
    const ages = Float64Array.from({ length: 30_000 }, (_, i) => 26 + (i % 14)); // cohorts joining over 13 weeks
    const sample = simulateBgnbdCustomers(truth, { customers: ages.length, age: ages, random: seededRandom(2024) });
    const fit = fitBgnbd(sample);
    expect(fit.converged).toBe(true);
    // Sampling error at n = 30,000 is a few percent for r and α, larger for a and b (dropout is seen only indirectly).
    expect(Math.abs(fit.r / truth.r - 1)).toBeLessThan(0.06);
    expect(Math.abs(fit.alpha / truth.alpha - 1)).toBeLessThan(0.08);
    expect(Math.abs(fit.a / truth.a - 1)).toBeLessThan(0.2);
    expect(Math.abs(fit.b / truth.b - 1)).toBeLessThan(0.2);
    // The fit is at least as likely as the truth.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, sample));
  });

  it("is the same from a different start", () => {
    const sample = simulateBgnbdCustomers(truth, { customers: 5000, age: 39, random: seededRandom(3) });
    const one = fitBgnbd(sample);
    const other = fitBgnbd(sample, { start: { r: 2, alpha: 20, a: 0.3, b: 5 } });
    expect(other.logLikelihood).toBeCloseTo(one.logLikelihood, 5);
    expect(other.r).toBeCloseTo(one.r, 4);
  });
});

describe("BG/NBD predictions", () => {
  it("agrees with a Monte Carlo simulation of new customers", () => {
    const sample = simulateBgnbdCustomers(truth, { customers: 100_000, age: 20, random: seededRandom(11) });
    let total = 0;
    for (const x of sample.frequency) total += x;
    const expected = bgnbdExpectedPurchases(truth, 20);
    expect(Math.abs(total / 100_000 - expected)).toBeLessThan(0.02);
  });

  it("agrees with simulated holdout purchases given each history", () => {
    const sample = simulateBgnbdCustomers(truth, { customers: 100_000, age: 30, holdoutLength: 30, random: seededRandom(12) });
    let actual = 0;
    let predicted = 0;
    for (let i = 0; i < sample.frequency.length; i++) {
      if (sample.frequency[i] !== 3) continue;
      actual += sample.holdoutFrequency[i];
      predicted += bgnbdConditionalExpectedPurchases(truth, 30, 3, sample.recency[i], 30);
    }
    expect(Math.abs(predicted / actual - 1)).toBeLessThan(0.05);
  });

  it("reduces to the unconditional expectation for a new customer and is 0 over no time", () => {
    expect(bgnbdConditionalExpectedPurchases(truth, 13, 0, 0, 0)).toBeCloseTo(bgnbdExpectedPurchases(truth, 13), 12);
    expect(bgnbdConditionalExpectedPurchases(truth, 0, 4, 20, 30)).toBe(0);
    expect(bgnbdExpectedPurchases(truth, 0)).toBe(0);
  });

  it("is continuous at a = 1 and finite for extreme histories", () => {
    const near = (a: number) => bgnbdConditionalExpectedPurchases({ ...truth, a }, 39, 2, 30, 39);
    expect(near(1)).toBeCloseTo((near(1 - 1e-4) + near(1 + 1e-4)) / 2, 7);
    const extreme = bgnbdConditionalExpectedPurchases(truth, 10_000, 300, 1, 500);
    expect(Number.isFinite(extreme)).toBe(true);
    expect(extreme).toBeGreaterThanOrEqual(0);
    expect(bgnbdProbabilityAlive(truth, 300, 1, 500)).toBe(0);
    expect(bgnbdProbabilityAlive(truth, 3, 30, 30)).toBeGreaterThan(bgnbdProbabilityAlive(truth, 3, 10, 30));
  });

  it("rejects impossible histories", () => {
    expect(() => bgnbdProbabilityAlive(truth, 2, 40, 30)).toThrow(/must be ≥ recency/);
    expect(() => bgnbdConditionalExpectedPurchases(truth, -1, 2, 10, 30)).toThrow(/span must be a number ≥ 0/);
    expect(() => bgnbdExpectedPurchases(truth, Number.NaN)).toThrow(/span/);
  });

  it("builds columns from customer rows", () => {
    const columns = purchaseSummaryColumns([{ frequency: 2, recency: 30.43, age: 38.86 }]);
    expect(Array.from(columns.age)).toEqual([38.86]);
  });
});
