/** Latency sampling for benchmarks: sequential calls after a warm-up, summarised by nearest-rank percentiles. */

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
}

/** Nearest-rank percentile of ascending-sorted samples. @throws RangeError on no samples. */
export function percentile(sortedSamples: readonly number[], fraction: number): number {
  if (sortedSamples.length === 0) throw new RangeError("percentile requires at least one sample");
  const rank = Math.max(1, Math.ceil(fraction * sortedSamples.length));
  return sortedSamples[rank - 1];
}

export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/**
 * Runs `call` `warmUp` times unmeasured, then up to `count` times one after another, timing each in milliseconds.
 * Stops early once `budgetMs` has passed (but not before `minimum` samples), so a slow scenario cannot stall a run.
 */
export async function sampleLatency(
  call: () => Promise<unknown>,
  options: { warmUp: number; count: number; budgetMs: number; minimum?: number },
): Promise<LatencySummary> {
  for (let i = 0; i < options.warmUp; i++) await call();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < options.count) {
    const before = performance.now();
    await call();
    samples.push(performance.now() - before);
    if (samples.length >= (options.minimum ?? 20) && performance.now() - started > options.budgetMs) break;
  }
  return summarise(samples);
}
