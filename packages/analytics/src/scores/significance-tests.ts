import { mean, variance } from "../core/descriptive.ts";
import { studentTCdf, twoSidedNormalPValue } from "../core/distributions.ts";
import type { NpsResult } from "./nps.ts";

/** Result of a two-sample test of "no change". */
export interface TestResult {
  /** Second sample minus first (proportion, mean or NPS points). */
  difference: number;
  /** z or t statistic. */
  statistic: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Degrees of freedom (Welch test only; Infinity for z-tests). */
  degreesOfFreedom: number;
}

function checkCount(successes: number, n: number, which: string): void {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`the ${which} sample needs at least one answer, got n = ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`the ${which} sample's count must be a whole number from 0 to ${n}, got ${successes}`);
  }
}

/**
 * Two-proportion z-test with the pooled variance: z = (p₂ − p₁) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)). When both samples are
 * all-success or all-failure the difference is 0 and so are z and the evidence (p = 1).
 * Reference: R `prop.test(c(x1, x2), c(n1, n2), correct = FALSE)` (whose X² is z²); statsmodels
 * `proportions_ztest`. Cost: O(1).
 * @throws RangeError on counts outside 0..n or n < 1.
 * @example twoProportionZTest(45, 100, 60, 100).pValue // 0.0339…
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TestResult {
  checkCount(x1, n1, "first");
  checkCount(x2, n2, "second");
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const statistic = se === 0 ? 0 : (p2 - p1) / se;
  return { difference: p2 - p1, statistic, pValue: twoSidedNormalPValue(statistic), degreesOfFreedom: Infinity };
}

/**
 * Welch's unequal-variance t-test of mean(b) − mean(a), with Welch–Satterthwaite degrees of freedom.
 * When both samples have zero variance the test is degenerate: equal means give t = 0, p = 1; different means
 * throw, since no p-value is meaningful.
 * Reference: Welch (1947), Biometrika 34; R `t.test(b, a)`; scipy `ttest_ind(equal_var=False)`. Cost: O(n).
 * @throws RangeError when either sample has fewer than two values, or both are constant with different means.
 * @example welchTTest([1, 2, 3, 4, 5], [2, 4, 6, 8, 10]).statistic // 1.897366…
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>): TestResult {
  if (a.length < 2 || b.length < 2) {
    throw new RangeError(`Welch's t-test needs at least 2 values in each sample, got ${a.length} and ${b.length}`);
  }
  const va = variance(a) / a.length;
  const vb = variance(b) / b.length;
  const difference = mean(b) - mean(a);
  const se2 = va + vb;
  if (se2 === 0) {
    if (difference === 0) return { difference, statistic: 0, pValue: 1, degreesOfFreedom: a.length + b.length - 2 };
    throw new RangeError("Welch's t-test is undefined when both samples are constant but differ");
  }
  const statistic = difference / Math.sqrt(se2);
  const degreesOfFreedom = (se2 * se2) / ((va * va) / (a.length - 1) + (vb * vb) / (b.length - 1));
  const pValue = 2 * studentTCdf(-Math.abs(statistic), degreesOfFreedom);
  return { difference, statistic, pValue, degreesOfFreedom };
}

/**
 * z-test of the change in NPS between two independent samples: z = (NPS₂ − NPS₁) / √(SE₁² + SE₂²), with each SE
 * from the trinomial variance (see netPromoterScore). When both SEs are 0 and the scores are equal, z = 0 and p = 1.
 * Reference: Rocks (2016); the standard unpooled two-sample z-test. Cost: O(1).
 * @throws RangeError when both standard errors are 0 but the scores differ.
 * @example npsDifferenceTest(npsFromCounts(50, 20, 30), npsFromCounts(60, 20, 20)).difference // 20
 */
export function npsDifferenceTest(first: NpsResult, second: NpsResult): TestResult {
  const difference = second.nps - first.nps;
  const se = Math.sqrt(first.standardError ** 2 + second.standardError ** 2);
  if (se === 0) {
    if (difference === 0) return { difference, statistic: 0, pValue: 1, degreesOfFreedom: Infinity };
    throw new RangeError("the NPS difference test is undefined when both samples are unanimous but differ");
  }
  const statistic = difference / se;
  return { difference, statistic, pValue: twoSidedNormalPValue(statistic), degreesOfFreedom: Infinity };
}
