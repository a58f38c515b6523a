import { describe, expect, it } from "vitest";
import {
  choleskyDecomposition,
  choleskySolve,
  correlationMatrix,
  invertSymmetric,
  ordinaryLeastSquares,
  regressionFromCorrelation,
} from "./matrix.ts";

describe("matrix", () => {
  it("computes a correlation matrix (R: cor(cbind(c(1,2,3), c(2,4,7))) = 0.9933993)", () => {
    const r = correlationMatrix(Float64Array.of(1, 2, 3, 2, 4, 7), 3, 2);
    expect(r[1]).toBeCloseTo(0.9933992677987828, 14);
    expect(r[0]).toBe(1);
  });

  it("weights rows like repeated rows", () => {
    const weighted = correlationMatrix(Float64Array.of(1, 2, 3, 2, 4, 7), 3, 2, [2, 0, 1]);
    const repeated = correlationMatrix(Float64Array.of(1, 1, 3, 2, 2, 7), 3, 2);
    expect(weighted[1]).toBeCloseTo(repeated[1], 14);
  });

  it("factors, solves and inverts symmetric positive-definite matrices", () => {
    const a = Float64Array.of(4, 2, 2, 5);
    expect([...choleskyDecomposition(a, 2)]).toEqual([2, 0, 1, 2]);
    expect([...choleskySolve(choleskyDecomposition(a, 2), [6, 7], 2)]).toEqual([1, 1]);
    const inverse = invertSymmetric(a, 2);
    [5 / 16, -2 / 16, -2 / 16, 4 / 16].forEach((v, i) => expect(inverse[i]).toBeCloseTo(v, 14));
    expect(() => choleskyDecomposition(Float64Array.of(1, 1, 1, 1), 2)).toThrow(/not positive definite/);
  });

  it("solves least squares by QR and agrees with the moment solution", () => {
    const beta = ordinaryLeastSquares(Float64Array.of(1, 1, 1, 1, 1, 2, 3, 5), Float64Array.of(3, 5, 7, 11), 4, 2);
    expect(beta[0]).toBeCloseTo(1, 12);
    expect(beta[1]).toBeCloseTo(2, 12);
    // x = (1, 2, 3, 5), y = (2, 3, 7, 9): slope Sxy/Sxx = 16.25/8.75 = 13/7, intercept 5.25 − 2.75·13/7 = 1/7
    const fit = ordinaryLeastSquares(Float64Array.of(1, 1, 1, 1, 1, 2, 3, 5), Float64Array.of(2, 3, 7, 9), 4, 2);
    expect(fit[0]).toBeCloseTo(1 / 7, 12);
    expect(fit[1]).toBeCloseTo(13 / 7, 12);
    expect(() => ordinaryLeastSquares(Float64Array.of(1, 1, 1, 2, 2, 2), Float64Array.of(1, 2, 3), 3, 2)).toThrow(/linear combination/);
    const moments = regressionFromCorrelation(Float64Array.of(1, 0, 0.5, 0, 1, 0.3, 0.5, 0.3, 1), 3, [0, 1], 2);
    expect([...moments.coefficients]).toEqual([0.5, 0.3]);
    expect(moments.rSquared).toBeCloseTo(0.34, 14);
  });
});
