import { describe, expect, it } from "vitest";
import { minimizeBfgs, minimizeNelderMead, withNumericGradient } from "./optimize.ts";

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;
const rosenbrockWithGradient = (x: Float64Array, gradient: Float64Array): number => {
  gradient[0] = -400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]);
  gradient[1] = 200 * (x[1] - x[0] ** 2);
  return rosenbrock(x);
};

describe("minimizeBfgs", () => {
  it("finds the Rosenbrock minimum with an analytic gradient", () => {
    const result = minimizeBfgs(rosenbrockWithGradient, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
  });
  it("finds it with a numeric gradient too", () => {
    const result = minimizeBfgs(withNumericGradient(rosenbrock), [-1.2, 1], { gradientTolerance: 1e-6 });
    expect(result.point[0]).toBeCloseTo(1, 4);
    expect(result.point[1]).toBeCloseTo(1, 4);
  });
  it("backs off where the objective is not finite", () => {
    // ln-barrier: undefined for x ≤ 0; minimum at x = 1.
    const result = minimizeBfgs(withNumericGradient((x) => x[0] - Math.log(x[0])), [5]);
    expect(result.point[0]).toBeCloseTo(1, 5);
  });
  it("refuses a start where the objective is not finite", () => {
    expect(() => minimizeBfgs(withNumericGradient(() => Number.NaN), [0])).toThrow(/finite at the starting point/);
  });
});

describe("minimizeNelderMead", () => {
  it("finds the minimum of a quadratic and of Rosenbrock", () => {
    const quadratic = minimizeNelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2 + 3, [0, 0]);
    expect(quadratic.converged).toBe(true);
    expect(quadratic.point[0]).toBeCloseTo(1, 5);
    expect(quadratic.point[1]).toBeCloseTo(-2, 5);
    expect(quadratic.value).toBeCloseTo(3, 9);
    const banana = minimizeNelderMead(rosenbrock, [-1.2, 1], { maxIterations: 2000 });
    expect(banana.point[0]).toBeCloseTo(1, 4);
  });
  it("refuses a start where the objective is not finite", () => {
    expect(() => minimizeNelderMead(() => Number.POSITIVE_INFINITY, [0])).toThrow(/finite at the starting point/);
  });
});
