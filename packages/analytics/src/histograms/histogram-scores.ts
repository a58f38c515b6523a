/**
 * Survey scores from histograms (how many answered each point of a scale) instead of arrays of answers, so a
 * report over a million answers reads a few dozen counts from the database. Every function returns exactly what
 * its array-based twin returns on the expanded answers (tests check this), reusing the twin's count-based core
 * where one exists (npsFromCounts, wilsonInterval, twoProportionZTest, npsDifferenceTest).
 */
import { studentTCdf, studentTQuantile } from "../core/distributions.ts";
import { type AnswerScale, checkConfidence, checkScale } from "../scores/check-answers.ts";
import type { CesResult } from "../scores/ces.ts";
import type { CsatResult } from "../scores/csat.ts";
import type { MeanInterval } from "../scores/mean-interval.ts";
import { npsFromCounts, type NpsResult } from "../scores/nps.ts";
import { npsDifferenceTest, type TestResult, twoProportionZTest } from "../scores/significance-tests.ts";
import type { TopBoxResult } from "../scores/top-box.ts";
import { checkAlpha, concludeWaveTrend, type WaveMetric, type WaveTrend } from "../scores/wave-trend.ts";

/** How many answers gave one value. */
export interface HistogramBin {
  value: number;
  count: number;
}

/** Counts per answer value; values may come in any order and repeat (repeats add up). */
export type Histogram = readonly HistogramBin[];

/** Size, mean and sample variance of a sample, the sufficient statistics of a t-test. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample variance (n − 1); NaN when n < 2. */
  variance: number;
}

/**
 * Checks a histogram: finite values (inside the scale when one is given), whole non-negative counts, and at least
 * `minimum` answers in all. Cost: O(bins).
 * @throws RangeError naming the first bad bin, or when there are fewer than `minimum` answers.
 * @returns the number of answers.
 */
export function checkHistogram(histogram: Histogram, what: string, scale?: AnswerScale, minimum = 1): number {
  if (scale) checkScale(scale, what);
  let n = 0;
  for (const { value, count } of histogram) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`${what}: the count of ${value} must be a whole number ≥ 0, got ${count}`);
    if (count === 0) continue;
    if (!Number.isFinite(value)) throw new RangeError(`${what}: answer ${value} is not a finite number`);
    if (scale && (value < scale.min || value > scale.max)) {
      throw new RangeError(`${what}: answer ${value} is outside the ${scale.min}–${scale.max} scale`);
    }
    n += count;
  }
  if (n < minimum) throw new RangeError(`${what} requires at least ${minimum} answer${minimum === 1 ? "" : "s"}, got ${n}`);
  return n;
}

/**
 * The histogram of an array of answers, values ascending. Cost: O(n + k log k) for k distinct values.
 * @example histogramOf([5, 4, 5]) // [{ value: 4, count: 1 }, { value: 5, count: 2 }]
 */
export function histogramOf(values: ArrayLike<number>): HistogramBin[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) counts.set(values[i], (counts.get(values[i]) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).map(([value, count]) => ({ value, count }));
}

/**
 * Size, mean and sample variance (two-pass, denominator n − 1) of the answers a histogram counts.
 * Equals mean() and variance() of the expanded answers. Cost: O(bins).
 * @throws RangeError on a bad histogram or no answers.
 * @example summarizeHistogram([{ value: 1, count: 1 }, { value: 3, count: 1 }]) // { n: 2, mean: 2, variance: 2 }
 */
export function summarizeHistogram(histogram: Histogram, what = "a histogram summary"): SampleSummary {
  const n = checkHistogram(histogram, what);
  let total = 0;
  for (const { value, count } of histogram) total += value * count;
  const mean = total / n;
  if (n < 2) return { n, mean, variance: Number.NaN };
  let squares = 0;
  let deviations = 0;
  for (const { value, count } of histogram) {
    const d = value - mean;
    squares += count * d * d;
    deviations += count * d;
  }
  return { n, mean, variance: (squares - (deviations * deviations) / n) / (n - 1) };
}

/**
 * Student t confidence interval for the mean of the answers a histogram counts (see meanInterval).
 * Reference: R `t.test(rep(values, counts))$conf.int`. Cost: O(bins).
 * @throws RangeError with fewer than two answers, a bad histogram, or confidence not in (0, 1).
 * @example histogramMeanInterval([{ value: 1, count: 1 }, { value: 2, count: 1 }, { value: 3, count: 1 }]).mean // 2
 */
export function histogramMeanInterval(histogram: Histogram, confidence = 0.95): MeanInterval {
  checkConfidence(confidence);
  const n = checkHistogram(histogram, "a confidence interval for a mean");
  if (n < 2) throw new RangeError(`a confidence interval for a mean needs at least 2 values, got ${n}`);
  const { mean, variance } = summarizeHistogram(histogram);
  const standardError = Math.sqrt(variance) / Math.sqrt(n);
  const degreesOfFreedom = n - 1;
  const half = studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom) * standardError;
  return { mean, lower: mean - half, upper: mean + half, standardError, degreesOfFreedom, confidence };
}

/**
 * Top-box share from a histogram (see topBoxShare). Cost: O(bins).
 * @throws RangeError on no answers, answers off the scale, or boxes not a whole number from 1 to the scale width.
 * @example histogramTopBox([{ value: 5, count: 3 }, { value: 3, count: 1 }], { min: 1, max: 5 }, 2).share // 0.75
 */
export function histogramTopBox(histogram: Histogram, scale: AnswerScale, boxes = 1): TopBoxResult {
  const n = checkHistogram(histogram, "top-box share", scale);
  if (!Number.isInteger(boxes) || boxes < 1 || boxes > scale.max - scale.min + 1) {
    throw new RangeError(`top-box share needs a whole number of boxes from 1 to ${scale.max - scale.min + 1}, got ${boxes}`);
  }
  const threshold = scale.max - boxes + 1;
  let count = 0;
  for (const bin of histogram) if (bin.value >= threshold) count += bin.count;
  return { count, n, share: count / n, threshold };
}

/**
 * CSAT (top-2-box percentage of a 1–5 scale by default) from a histogram (see csat). Cost: O(bins).
 * @throws RangeError as histogramTopBox.
 * @example histogramCsat([{ value: 5, count: 1 }, { value: 2, count: 1 }]).percent // 50
 */
export function histogramCsat(histogram: Histogram, scale: AnswerScale = { min: 1, max: 5 }, boxes = 2): CsatResult {
  const top = histogramTopBox(histogram, scale, boxes);
  return { satisfied: top.count, n: top.n, share: top.share, percent: 100 * top.share };
}

/**
 * Net Promoter Score from a histogram of 0–10 answers (see netPromoterScore). Cost: O(bins).
 * @throws RangeError on no answers, answers outside 0–10, or confidence not in (0, 1).
 * @example histogramNps([{ value: 10, count: 5 }, { value: 8, count: 2 }, { value: 3, count: 3 }]).nps // 20
 */
export function histogramNps(histogram: Histogram, confidence = 0.95): NpsResult {
  checkHistogram(histogram, "net promoter score", { min: 0, max: 10 });
  checkConfidence(confidence);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const { value, count } of histogram) {
    if (value >= 9) promoters += count;
    else if (value <= 6) detractors += count;
    else passives += count;
  }
  return npsFromCounts(promoters, passives, detractors, confidence);
}

/**
 * Customer effort score from a histogram of 1–7 answers (see customerEffortScore). Cost: O(bins).
 * @throws RangeError on no answers, answers off the scale, or an impossible number of easy boxes.
 * @example histogramCes([{ value: 7, count: 1 }, { value: 3, count: 1 }]).mean // 5
 */
export function histogramCes(histogram: Histogram, scale: AnswerScale = { min: 1, max: 7 }, easyBoxes = 3): CesResult {
  const n = checkHistogram(histogram, "customer effort score", scale);
  if (!Number.isInteger(easyBoxes) || easyBoxes < 1 || easyBoxes > scale.max - scale.min + 1) {
    throw new RangeError(`customer effort score needs a whole number of "easy" boxes from 1 to ${scale.max - scale.min + 1}, got ${easyBoxes}`);
  }
  const { mean } = summarizeHistogram(histogram);
  const threshold = scale.max - easyBoxes + 1;
  let easy = 0;
  for (const bin of histogram) if (bin.value >= threshold) easy += bin.count;
  return { n, mean, score100: (100 * (mean - scale.min)) / (scale.max - scale.min), easyShare: easy / n };
}

/**
 * Welch's unequal-variance t-test of mean(b) − mean(a) from the two samples' sizes, means and variances
 * (see welchTTest, which gives the same result on the raw answers). Cost: O(1).
 * @throws RangeError when either sample has fewer than two values, or both are constant with different means.
 * @example welchTTestFromSummaries({ n: 5, mean: 3, variance: 2.5 }, { n: 5, mean: 6, variance: 10 }).statistic // 1.897…
 */
export function welchTTestFromSummaries(a: SampleSummary, b: SampleSummary): TestResult {
  if (a.n < 2 || b.n < 2) throw new RangeError(`Welch's t-test needs at least 2 values in each sample, got ${a.n} and ${b.n}`);
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const difference = b.mean - a.mean;
  const se2 = va + vb;
  if (se2 === 0) {
    if (difference === 0) return { difference, statistic: 0, pValue: 1, degreesOfFreedom: a.n + b.n - 2 };
    throw new RangeError("Welch's t-test is undefined when both samples are constant but differ");
  }
  const statistic = difference / Math.sqrt(se2);
  const degreesOfFreedom = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const pValue = 2 * studentTCdf(-Math.abs(statistic), degreesOfFreedom);
  return { difference, statistic, pValue, degreesOfFreedom };
}

/**
 * Trend between two survey waves given as histograms (see waveTrend): Welch's t-test for means, the pooled
 * two-proportion z-test for top-box shares, the NPS difference z-test for NPS; significant when p < alpha.
 * Cost: O(bins).
 * @throws RangeError on answers off the scale, too few answers, or alpha not in (0, 1).
 * @example histogramWaveTrend(previous, current, { kind: "nps" }).direction // "up" | "down" | "flat"
 */
export function histogramWaveTrend(previous: Histogram, current: Histogram, metric: WaveMetric, alpha = 0.05): WaveTrend {
  checkAlpha(alpha);
  if (metric.kind === "mean") {
    checkHistogram(previous, "previous wave", metric.scale, 2);
    checkHistogram(current, "current wave", metric.scale, 2);
    const a = summarizeHistogram(previous);
    const b = summarizeHistogram(current);
    return concludeWaveTrend(welchTTestFromSummaries(a, b), metric, a.mean, b.mean, "welch-t", alpha);
  }
  if (metric.kind === "top-box") {
    const a = histogramTopBox(previous, metric.scale, metric.boxes);
    const b = histogramTopBox(current, metric.scale, metric.boxes);
    return concludeWaveTrend(twoProportionZTest(a.count, a.n, b.count, b.n), metric, a.share, b.share, "two-proportion-z", alpha);
  }
  const a = histogramNps(previous);
  const b = histogramNps(current);
  return concludeWaveTrend(npsDifferenceTest(a, b), metric, a.nps, b.nps, "nps-difference-z", alpha);
}
