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
  checkAlpha(alpha);
  if (metric.kind === "mean") {
    checkAnswers(previous, metric.scale, "previous wave", 2);
    checkAnswers(current, metric.scale, "current wave", 2);
    return concludeWaveTrend(welchTTest(previous, current), metric, mean(previous), mean(current), "welch-t", alpha);
  }
  if (metric.kind === "top-box") {
    const a = topBoxShare(previous, metric.scale, metric.boxes);
    const b = topBoxShare(current, metric.scale, metric.boxes);
    return concludeWaveTrend(twoProportionZTest(a.count, a.n, b.count, b.n), metric, a.share, b.share, "two-proportion-z", alpha);
  }
  const a = netPromoterScore(previous);
  const b = netPromoterScore(current);
  return concludeWaveTrend(npsDifferenceTest(a, b), metric, a.nps, b.nps, "nps-difference-z", alpha);
}

/** @throws RangeError when alpha is not strictly between 0 and 1. */
export function checkAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be strictly between 0 and 1, got ${alpha}`);
}

/**
 * A wave comparison's test result read at alpha: significant when p < alpha, the direction from the sign of the
 * difference. Shared by `waveTrend` (answers) and `histogramWaveTrend` (counts), so both conclude alike.
 */
export function concludeWaveTrend(
  result: TestResult,
  metric: WaveMetric,
  previous: number,
  current: number,
  test: WaveTrend["test"],
  alpha: number,
): WaveTrend {
  const isSignificant = result.pValue < alpha;
  const direction = !isSignificant ? "flat" : result.difference > 0 ? "up" : "down";
  return { ...result, metric: metric.kind, previous, current, direction, isSignificant, alpha, test };
}
