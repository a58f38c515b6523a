import { describe, expect, it } from "vitest";
import {
  chiSquareCdf,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
  studentTCdf,
  studentTQuantile,
  twoSidedNormalPValue,
} from "./distributions.ts";

// Reference values from scipy.stats 1.17 (norm, t, chi2, beta) and R's qt/qnorm.
describe("distributions", () => {
  it("normal quantile and CDF match R / scipy", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 11);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 15);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(normalCdf(-8) / 6.220960574271784e-16).toBeCloseTo(1, 10);
    expect(twoSidedNormalPValue(1.959963984540054)).toBeCloseTo(0.05, 14);
  });

  it("Student t quantile 0.975 with 10 df is 2.228138851986", () => {
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228138851986, 11);
    expect(studentTQuantile(0.025, 3.5)).toBeCloseTo(-2.9400886379827296, 10);
    expect(studentTQuantile(0.995, 1)).toBeCloseTo(63.65674116287399, 8);
    expect(studentTCdf(-1.5, 3.7)).toBeCloseTo(0.10679908460100675, 12);
    expect(studentTCdf(0, 5)).toBe(0.5);
  });

  it("chi-square, incomplete beta and gamma match scipy", () => {
    expect(chiSquareCdf(7.3, 4)).toBeCloseTo(0.8791412511787876, 12);
    expect(chiSquareCdf(3.841458820694124, 1)).toBeCloseTo(0.95, 12);
    expect(regularizedIncompleteBeta(0.3, 2.5, 7.1)).toBeCloseTo(0.6490225790210132, 12);
    expect(regularizedIncompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 14);
    expect(regularizedLowerGamma(1, 1)).toBeCloseTo(1 - Math.exp(-1), 14);
  });

  it("rejects arguments outside the domain in plain words", () => {
    expect(() => normalQuantile(1)).toThrow(/strictly between 0 and 1/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/degrees of freedom/);
    expect(() => chiSquareCdf(-1, 2)).toThrow(/x ≥ 0/);
  });
});
