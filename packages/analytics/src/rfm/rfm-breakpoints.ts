import { quantileType7 } from "../core/descriptive.ts";

/** How to cut one RFM measure: a number of quantile bins, or custom inner breakpoints in ascending order. */
export type RfmBins = number | readonly number[];

/** The intervals that score one measure: value v falls in bin i when lower[i] ≤ v < upper[i]. */
export interface RfmBinBounds {
  /** Inner breakpoints (for quantile bins: the type-7 quantiles at k/bins, plus 1). */
  breakpoints: number[];
  lower: number[];
  upper: number[];
}

/**
 * RFM bin bounds by the conventions of the R package rfm 0.3.0 (`bins`, `bins_lower`, `bins_upper`):
 * with a number of bins b the inner breakpoints are R's type-7 quantiles at 1/b, 2/b, …, (b − 1)/b **plus 1**;
 * custom breakpoints are used as given. The lower bounds are (min, breakpoints…) and the upper bounds
 * (breakpoints…, max + 1), so a value scores bin i when lower_i ≤ value < upper_i.
 * Reference: rfm 0.3.0, R/utils.R and R/rfm-table-transaction.R (Hebbali, MIT licence). Cost: O(n log n).
 * @throws RangeError on no values, a non-finite value, fewer than 2 bins, or custom breakpoints not ascending.
 * @example rfmBinBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5).breakpoints // [3.8, 5.6, 7.4, 9.2]
 */
export function rfmBinBounds(values: ArrayLike<number>, bins: RfmBins, sortedValues?: Float64Array): RfmBinBounds {
  if (values.length === 0) throw new RangeError("RFM scoring requires at least one customer");
  const sorted = sortedValues ?? Float64Array.from(values).sort();
  if (!Number.isFinite(sorted[0]) || !Number.isFinite(sorted[sorted.length - 1])) {
    throw new RangeError("RFM scoring requires finite recency, frequency and monetary values");
  }
  let breakpoints: number[];
  if (typeof bins === "number") {
    if (!Number.isInteger(bins) || bins < 2) throw new RangeError(`the number of RFM bins must be a whole number ≥ 2, got ${bins}`);
    breakpoints = [];
    for (let k = 1; k < bins; k++) breakpoints.push(quantileType7(sorted, k / bins, true) + 1);
  } else {
    if (bins.length < 1) throw new RangeError("custom RFM breakpoints need at least one value");
    for (let i = 0; i < bins.length; i++) {
      if (!Number.isFinite(bins[i]) || (i > 0 && bins[i] < bins[i - 1])) {
        throw new RangeError(`custom RFM breakpoints must be finite and ascending, got ${bins.join(", ")}`);
      }
    }
    breakpoints = [...bins];
  }
  return {
    breakpoints,
    lower: [sorted[0], ...breakpoints],
    upper: [...breakpoints, sorted[sorted.length - 1] + 1],
  };
}

/**
 * The bin (1-based) a value falls in: the first i with lower_i ≤ value < upper_i; `reverse` numbers bins from the
 * top (rfm's recency score: the most recent customers score highest). Cost: O(bins).
 * @throws RangeError when the value falls in no bin (it lies outside [min, max + 1) of the data the bounds came from).
 * @example rfmBinScore(4, rfmBinBounds([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)) // 2
 */
export function rfmBinScore(value: number, bounds: RfmBinBounds, reverse = false): number {
  const { lower, upper } = bounds;
  for (let i = 0; i < lower.length; i++) {
    if (value >= lower[i] && value < upper[i]) return reverse ? lower.length - i : i + 1;
  }
  throw new RangeError(`the value ${value} lies outside the RFM bins [${lower[0]}, ${upper[upper.length - 1]})`);
}
