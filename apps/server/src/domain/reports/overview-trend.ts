/**
 * Key metrics by week or month, each period tested against the one before it by analytics' wave trend
 * (Welch t for means, two-proportion z for CSAT, the NPS difference z-test). Periods without answers are kept
 * (value null) so a chart shows the gap; no change is claimed across a gap.
 */
import { histogramWaveTrend, type Histogram } from "@kexin/analytics";
import type { PeriodChange, TrendSeries } from "@kexin/contracts";
import { type KeyMetricSpec, type MetricCounts, metricHistograms } from "./key-metrics.ts";
import { metricValue, waveMetricOf } from "./report-metrics.ts";

function change(previous: Histogram | undefined, current: Histogram | undefined, spec: KeyMetricSpec): PeriodChange | null {
  if (!previous?.length || !current?.length) return null;
  try {
    const trend = histogramWaveTrend(previous, current, waveMetricOf(spec.metric, spec.scale));
    return {
      previous: trend.previous,
      difference: trend.difference,
      pValue: trend.pValue,
      direction: trend.direction,
      isSignificant: trend.isSignificant,
      test: trend.test,
    };
  } catch (error) {
    // Too few answers in a period (one answer has no variance) or a degenerate test: no claim either way.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

export function trendSeries(counts: MetricCounts): TrendSeries[] {
  const byPeriod = metricHistograms(counts, (values) => (values[0] === null ? null : String(values[0])));
  const starts = counts.periods;
  return counts.metrics.map((spec) => {
    const key = spec.entry.question.key;
    const histograms = starts.map((start) => byPeriod.get(start)?.get(key));
    return {
      question: key,
      metric: spec.metric,
      periods: starts.map((start, index) => ({
        start,
        ...metricValue(spec.metric, histograms[index] ?? []),
        change: index === 0 ? null : change(histograms[index - 1], histograms[index], spec),
      })),
    };
  });
}
