/**
 * Descriptive statistics shared by every method.
 * Each function is pure and throws a plain-language error on input it cannot answer for.
 */

function requireData(values: ArrayLike<number>, what: string, minimum = 1): void {
  if (values.length < minimum) {
    throw new RangeError(`${what} requires at least ${minimum} data point${minimum === 1 ? "" : "s"}`);
  }
}

/**
 * Sum, with Kahan–Babuška (Neumaier) compensation so long sums keep their digits.
 * Cost: O(n).
 * @example sum([0.1, 0.2, 0.3]) // 0.6
 */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

/**
 * Arithmetic mean.
 * Cost: O(n). @throws RangeError on an empty input.
 * @example mean([1, 2, 3]) // 2
 */
export function mean(values: ArrayLike<number>): number {
  requireData(values, "mean");
  return sum(values) / values.length;
}

/**
 * Sample variance (denominator n − 1), two-pass for accuracy.
 * Cost: O(n). @throws RangeError with fewer than two values.
 * @example variance([1, 2, 3, 4]) // 1.6666…
 */
export function variance(values: ArrayLike<number>): number {
  requireData(values, "variance", 2);
  const m = mean(values);
  let squares = 0;
  let deviations = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - m;
    squares += d * d;
    deviations += d;
  }
  return (squares - (deviations * deviations) / values.length) / (values.length - 1);
}

/**
 * Sample standard deviation (denominator n − 1).
 * Cost: O(n). @throws RangeError with fewer than two values.
 */
export function standardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(variance(values));
}

/**
 * Quantile by R's default definition (type 7, Hyndman & Fan 1996): linear interpolation between
 * order statistics at h = (n − 1)·p.
 * Reference: R `quantile(x, p, type = 7)`. Cost: O(n log n) for the sort (pass `isSorted` to skip it).
 * @throws RangeError on empty input or p outside [0, 1].
 * @example quantileType7([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileType7(values: ArrayLike<number>, p: number, isSorted = false): number {
  requireData(values, "quantile");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile probability must be in [0, 1], got ${p}`);
  const sorted = isSorted ? values : Float64Array.from(values).sort();
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (h - lower) * (sorted[upper] - sorted[lower]);
}
