import { mean } from "../core/descriptive.ts";
import { type AnswerScale, checkAnswers } from "./check-answers.ts";
import { netPromoterScore } from "./nps.ts";
import { npsDifferenceTest, type TestResult, twoProportionZTest, welchTTest } from "./significance-tests.ts";
import { topBoxShare } from "./top-box.ts";

/** Which score to compare between two survey waves. */
export type WaveMetric =
  | { kind: "mean"; scale: AnswerScale }
  | { kind: "top-box"; scale: AnswerScale; boxes: number }
  | { kind: "nps" };

/** The change of one score between two waves and whether it is statistically significant. */
export interface WaveTrend extends TestResult {
  metric: WaveMetric["kind"];
  previous: number;
  current: number;
  /** "up" / "down" when significant at alpha, otherwise "flat". */
  direction: "up" | "down" | "flat";
  isSignificant: boolean;
  alpha: number;
  /** The test used. */
  test: "welch-t" | "two-proportion-z" | "nps-difference-z";
}

/**
 * Trend between two survey waves with a significance test chosen by metric: Welch's t-test for means,
 * the pooled two-proportion z-test for top-box / CSAT shares, and the NPS difference z-test for NPS.
 * A change is significant when p < alpha. Waves are independent samples.
 * Reference: see welchTTest, twoProportionZTest, npsDifferenceTest. Cost: O(n₁ + n₂).
 * @throws RangeError on answers off the scale, too few answers, or alpha not in (0, 1).
 * @example waveTrend([3, 4, 4, 5], [4, 5, 5, 5], { kind: "mean", scale: { min: 1, max: 5 } }).direction // "flat"
 */
export function waveTrend(previous: ArrayLike<number>, current: ArrayLike<number>, metric: WaveMetric, alpha = 0.05): WaveTrend {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be strictly between 0 and 1, got ${alpha}`);
  let result: TestResult;
  let before: number;
  let after: number;
  let test: WaveTrend["test"];
  if (metric.kind === "mean") {
    checkAnswers(previous, metric.scale, "previous wave", 2);
    checkAnswers(current, metric.scale, "current wave", 2);
    result = welchTTest(previous, current);
    before = mean(previous);
    after = mean(current);
    test = "welch-t";
  } else if (metric.kind === "top-box") {
    const a = topBoxShare(previous, metric.scale, metric.boxes);
    const b = topBoxShare(current, metric.scale, metric.boxes);
    result = twoProportionZTest(a.count, a.n, b.count, b.n);
    before = a.share;
    after = b.share;
    test = "two-proportion-z";
  } else {
    const a = netPromoterScore(previous);
    const b = netPromoterScore(current);
    result = npsDifferenceTest(a, b);
    before = a.nps;
    after = b.nps;
    test = "nps-difference-z";
  }
  const isSignificant = result.pValue < alpha;
  const direction = !isSignificant ? "flat" : result.difference > 0 ? "up" : "down";
  return { ...result, metric: metric.kind, previous: before, current: after, direction, isSignificant, alpha, test };
}
