import { describe, expect, it } from "vitest";
import { lnGamma } from "../core/special.ts";
import { seededRandom } from "../core/random.ts";
import { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood } from "./gamma-gamma.ts";
import { simulateBgnbdCustomers, simulateGammaGammaSpend } from "./simulate.ts";

const truth = { p: 6, q: 4, v: 15 };

describe("Gamma-Gamma spend model", () => {
  it("recovers known parameters from 40,000 simulated repeat buyers", () => {
    const random = seededRandom(99);
    const frequency = Float64Array.from({ length: 40_000 }, (_, i) => 1 + (i % 6));
    const averageSpend = simulateGammaGammaSpend(truth, frequency, random);
    const fit = fitGammaGamma({ frequency, averageSpend });
    expect(fit.converged).toBe(true);
    expect(fit.customers).toBe(40_000);
    expect(Math.abs(fit.p / truth.p - 1)).toBeLessThan(0.05);
    expect(Math.abs(fit.q / truth.q - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.v / truth.v - 1)).toBeLessThan(0.15);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(gammaGammaLogLikelihood(truth, { frequency, averageSpend }));
  });

  it("fits spend on BG/NBD-simulated customers, ignoring those with x = 0", () => {
    const random = seededRandom(5);
    const customers = simulateBgnbdCustomers({ r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, { customers: 30_000, age: 52, random });
    const averageSpend = simulateGammaGammaSpend(truth, customers.frequency, random);
    const fit = fitGammaGamma({ frequency: customers.frequency, averageSpend });
    const repeatBuyers = customers.frequency.filter((x) => x > 0).length;
    expect(fit.customers).toBe(repeatBuyers);
    // The identifiable quantity is the mean spend p·v/(q − 1).
    expect(Math.abs((fit.p * fit.v) / (fit.q - 1) / ((truth.p * truth.v) / (truth.q - 1)) - 1)).toBeLessThan(0.05);
  });

  it("equals the density written out for one customer", () => {
    const [x, z] = [3, 20];
    const { p, q, v } = truth;
    const direct =
      lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(v) + (p * x - 1) * Math.log(z) + p * x * Math.log(x) -
      (p * x + q) * Math.log(x * z + v);
    expect(gammaGammaLogLikelihood(truth, { frequency: [x, 0], averageSpend: [z, 0] })).toBeCloseTo(direct, 12);
  });

  it("gives the conditional expected spend (v + x z̄) p / (p x + q − 1)", () => {
    expect(gammaGammaExpectedSpend({ p: 6.25, q: 3.74, v: 15.44 }, 2, 22.35)).toBeCloseTo(((15.44 + 2 * 22.35) * 6.25) / (12.5 + 2.74), 12);
    // No repeat purchases: the population mean p v / (q − 1).
    expect(gammaGammaExpectedSpend(truth, 0, 0)).toBeCloseTo(30, 12);
    // Many purchases: close to the customer's own mean.
    expect(gammaGammaExpectedSpend(truth, 10_000, 42)).toBeCloseTo(42, 1);
  });

  it("leaves free repeat orders out only when asked, and counts them", () => {
    const spend = { frequency: [2, 1, 3, 1, 4], averageSpend: [20, 0, 35, 12, 18] };
    expect(() => fitGammaGamma(spend)).toThrow(/repeat buyer 1 has average spend 0/);
    const fit = fitGammaGamma(spend, { zeroSpend: "exclude" });
    expect(fit.excludedZeroSpend).toBe(1);
    expect(fit.customers).toBe(4);
  });

  it("rejects bad input in plain words", () => {
    expect(() => fitGammaGamma({ frequency: [], averageSpend: [] })).toThrow(/at least one repeat buyer/);
    expect(() => fitGammaGamma({ frequency: [0, 0], averageSpend: [0, 0] })).toThrow(/at least one repeat buyer/);
    expect(() => fitGammaGamma({ frequency: [2, 1], averageSpend: [-3, 5] })).toThrow(/positive spend/);
    expect(() => fitGammaGamma({ frequency: [-2], averageSpend: [3] })).toThrow(/whole number ≥ 0/);
    expect(() => fitGammaGamma({ frequency: [2], averageSpend: [3, 4] })).toThrow(/equal length/);
    expect(() => gammaGammaExpectedSpend({ p: 1, q: 0.5, v: 1 }, 0, 0)).toThrow(/infinite/);
    expect(() => gammaGammaExpectedSpend(truth, 1, -5)).toThrow(/≥ 0/);
    expect(() => gammaGammaLogLikelihood({ ...truth, v: 0 }, { frequency: [1], averageSpend: [1] })).toThrow(/v must be a positive/);
  });
});
