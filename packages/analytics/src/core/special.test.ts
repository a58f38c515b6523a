import { describe, expect, it } from "vitest";
import { digamma, hypergeometric2F1, lnBeta, lnGamma } from "./special.ts";

describe("lnGamma", () => {
  it("matches known values (R lgamma)", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(lnGamma(0.2426)).toBeCloseTo(1.3197854750907918, 13); // Python math.lgamma
    expect(lnGamma(171.5)).toBeCloseTo(709.1431630309282, 10);
    expect(lnGamma(1e-8)).toBeCloseTo(18.42068073818021, 12);
    expect(lnGamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
  });
  it("rejects poles", () => {
    expect(() => lnGamma(0)).toThrow(/undefined at zero/);
    expect(() => lnGamma(-3)).toThrow(/negative integers/);
    expect(() => lnGamma(Number.NaN)).toThrow(/finite/);
  });
});

describe("lnBeta and digamma", () => {
  it("match closed forms", () => {
    expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
    expect(digamma(10)).toBeCloseTo(2.251752589066721, 13); // scipy.special.digamma
    expect(digamma(-0.5)).toBeCloseTo(0.03648997397857651, 13); // scipy.special.digamma
    expect(() => lnBeta(0, 1)).toThrow(/positive/);
    expect(() => digamma(0)).toThrow(/undefined/);
  });
  it("digamma is the derivative of lnGamma", () => {
    for (const x of [0.3, 1.7, 4.2, 25]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 7);
    }
  });
});

describe("hypergeometric2F1", () => {
  it("matches closed forms", () => {
    for (const z of [0.1, 0.5, 0.9, 0.99]) {
      expect(hypergeometric2F1(1, 1, 2, z)).toBeCloseTo(-Math.log(1 - z) / z, 11); // A&S 15.1.3
      expect(hypergeometric2F1(2.5, 0.7, 0.7, z)).toBeCloseTo((1 - z) ** -2.5, 9); // 2F1(a, b; b; z) = (1 − z)^−a
    }
    expect(hypergeometric2F1(0.5, 1, 1.5, -1)).toBeCloseTo(Math.PI / 4, 12); // arctan(1)/1
    expect(hypergeometric2F1(0.5, 1, 1.5, -9)).toBeCloseTo(Math.atan(3) / 3, 12);
    expect(hypergeometric2F1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (2 * 1 * 3 * 4 * 0.25) / (4 * 5 * 2), 14); // terminates
    expect(hypergeometric2F1(3, 4, 5, 0)).toBe(1);
  });
  it("rejects arguments it cannot sum", () => {
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(/z < 1/);
    expect(() => hypergeometric2F1(1, 1, -2, 0.5)).toThrow(/undefined for c/);
    expect(() => hypergeometric2F1(1, 1, 2, 0.9999999, { maxTerms: 100 })).toThrow(/did not converge/);
  });
});
