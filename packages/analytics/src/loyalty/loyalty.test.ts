import { describe, expect, it } from "vitest";
import { seededRandom } from "../core/random.ts";
import { loyaltySegments, repurchaseCurve, valueConcentration } from "./index.ts";

describe("loyalty", () => {
  it("recovers known repurchase rates by satisfaction level", () => {
    const random = seededRandom(9);
    const truth: Record<number, number> = { 1: 0.1, 2: 0.2, 3: 0.3, 4: 0.5, 5: 0.85 };
    const sat: number[] = [];
    const bought: boolean[] = [];
    for (let i = 0; i < 5000; i++) {
      const level = 1 + Math.floor(random() * 5);
      sat.push(level);
      bought.push(random() < truth[level]);
    }
    const curve = repurchaseCurve(sat, bought);
    expect(curve.map((p) => p.level)).toEqual([1, 2, 3, 4, 5]);
    for (const p of curve) {
      expect(p.lower).toBeLessThanOrEqual(truth[p.level] + 0.02);
      expect(p.upper).toBeGreaterThanOrEqual(truth[p.level] - 0.02);
      expect(Math.abs(p.rate - truth[p.level])).toBeLessThan(0.05);
    }
  });

  it("segments true, latent, spurious and no loyalty", () => {
    const r = loyaltySegments([0.8, 0.1, 0.9, 0.2, 0.5], [6, 6, 2, 2, 5], { behavioural: 0.5, attitudinal: 5 });
    expect(r.segments).toEqual(["true", "latent", "spurious", "none", "true"]);
    expect(r.counts).toEqual({ true: 2, latent: 1, spurious: 1, none: 1 });
    expect(r.shares.true).toBeCloseTo(0.4, 12);
  });

  it("computes Lorenz points, Gini and the top-20% share", () => {
    const r = valueConcentration([1, 2, 3, 4]);
    expect(r.gini).toBeCloseTo(0.25, 12); // Σ|xi − xj| / (2 n² x̄) = 20 / 80
    expect(r.lorenz.map((p) => +p.valueShare.toFixed(10))).toEqual([0, 0.1, 0.3, 0.6, 1]);
    // top 20% of 4 customers = 0.8 of the best one: 0.8·4/10
    expect(r.topShare).toBeCloseTo(0.32, 12);
    expect(valueConcentration([5, 5, 5]).gini).toBeCloseTo(0, 12);
    expect(valueConcentration([0, 0, 0, 0, 10]).topShare).toBe(1);
    expect(() => valueConcentration([0, 0])).toThrow(/every customer's value is 0/);
  });
});
