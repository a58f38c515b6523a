/**
 * Turning answer counts into report numbers, always through @kexin/analytics: this file only shapes what the
 * analytics functions return (percent, nulls instead of errors for too few answers).
 */
import {
  type AnswerScale,
  type Histogram,
  histogramCes,
  histogramCsat,
  histogramMeanInterval,
  histogramNps,
  summarizeHistogram,
  type WaveMetric,
  wilsonInterval,
} from "@kexin/analytics";
import type { CesMetric, CsatMetric, KeyMetricKind, MeanEstimate, NpsMetric, ScaleStats } from "@kexin/contracts";
import type { AnswerTally } from "./load-answer-counts.ts";

export const CSAT_SCALE: AnswerScale = { min: 1, max: 5 };
export const CES_SCALE: AnswerScale = { min: 1, max: 7 };
export const NPS_SCALE: AnswerScale = { min: 0, max: 10 };

/** The answers of a tally that are whole numbers on the scale (anything else, e.g. a hand-edited row, is left out). */
export function histogramOfTally(tally: AnswerTally | undefined, scale: AnswerScale): Histogram {
  const bins: { value: number; count: number }[] = [];
  for (const [answer, count] of tally ?? []) {
    const value = Number(answer);
    if (answer !== "" && Number.isInteger(value) && value >= scale.min && value <= scale.max) bins.push({ value, count });
  }
  return bins.sort((a, b) => a.value - b.value);
}

export const histogramSize = (histogram: Histogram) => histogram.reduce((total, bin) => total + bin.count, 0);

export function meanEstimate(histogram: Histogram): MeanEstimate | null {
  const n = histogramSize(histogram);
  if (n === 0) return null;
  if (n === 1) return { n, mean: summarizeHistogram(histogram).mean, lower: null, upper: null, standardError: null };
  const interval = histogramMeanInterval(histogram);
  return { n, mean: interval.mean, lower: interval.lower, upper: interval.upper, standardError: interval.standardError };
}

export function scaleStats(histogram: Histogram, scale: AnswerScale): ScaleStats {
  const counts = [];
  for (let value = scale.min; value <= scale.max; value++) {
    counts.push({ value, count: histogram.filter((bin) => bin.value === value).reduce((total, bin) => total + bin.count, 0) });
  }
  return { min: scale.min, max: scale.max, n: histogramSize(histogram), counts, mean: meanEstimate(histogram) };
}

export function csatMetric(histogram: Histogram): CsatMetric | null {
  if (histogramSize(histogram) === 0) return null;
  const result = histogramCsat(histogram, CSAT_SCALE, 2);
  const interval = wilsonInterval(result.satisfied, result.n);
  return { n: result.n, satisfied: result.satisfied, percent: result.percent, lower: 100 * interval.lower, upper: 100 * interval.upper };
}

export function npsMetric(histogram: Histogram): NpsMetric | null {
  if (histogramSize(histogram) === 0) return null;
  const { n, promoters, passives, detractors, nps, standardError, lower, upper } = histogramNps(histogram);
  return { n, promoters, passives, detractors, nps, standardError, lower, upper };
}

export function cesMetric(histogram: Histogram): CesMetric | null {
  if (histogramSize(histogram) === 0) return null;
  const ces = histogramCes(histogram, CES_SCALE, 3);
  const mean = meanEstimate(histogram)!;
  return { n: ces.n, mean: ces.mean, lower: mean.lower, upper: mean.upper, easyShare: ces.easyShare, score100: ces.score100 };
}

/** One key metric's value: CSAT percent, NPS points, or a mean, with its interval. */
export function metricValue(
  metric: KeyMetricKind,
  histogram: Histogram,
): { n: number; value: number | null; lower: number | null; upper: number | null } {
  const n = histogramSize(histogram);
  if (n === 0) return { n, value: null, lower: null, upper: null };
  if (metric === "csat") {
    const csat = csatMetric(histogram)!;
    return { n, value: csat.percent, lower: csat.lower, upper: csat.upper };
  }
  if (metric === "nps") {
    const nps = npsMetric(histogram)!;
    return { n, value: nps.nps, lower: nps.lower, upper: nps.upper };
  }
  const mean = meanEstimate(histogram)!;
  return { n, value: mean.mean, lower: mean.lower, upper: mean.upper };
}

/** How waveTrend compares a key metric between two periods. */
export function waveMetricOf(metric: KeyMetricKind, scale: AnswerScale): WaveMetric {
  if (metric === "csat") return { kind: "top-box", scale: CSAT_SCALE, boxes: 2 };
  if (metric === "nps") return { kind: "nps" };
  return { kind: "mean", scale };
}
