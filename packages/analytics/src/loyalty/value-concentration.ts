/** Lorenz curve points, Gini coefficient and top-share of customer value. */
export interface ValueConcentration {
  /** Lorenz curve from (0, 0) to (1, 1): customers sorted from least to most valuable. */
  lorenz: { customerShare: number; valueShare: number }[];
  /** Pareto curve from (0, 0) to (1, 1): customers sorted from most to least valuable. */
  pareto: { customerShare: number; valueShare: number }[];
  /** Gini coefficient, 1 − Σ (X_k − X_{k−1})(Y_k + Y_{k−1}); 0 = equal, → 1 = concentrated. */
  gini: number;
  /** Share of total value from the top `topFraction` of customers (interpolating a part customer). */
  topShare: number;
  topFraction: number;
}

/**
 * Concentration of customer value: Lorenz and Pareto curve points, the Gini coefficient (trapezoid rule on the
 * Lorenz curve, which equals the mean-difference definition Σ|xᵢ − xⱼ|/(2n²x̄)), and the share of value from the top
 * 20% (or `topFraction`) of customers — the "80/20" check.
 * Reference: Gini (1912); Lorenz (1905), JASA 9(70). Cost: O(n log n).
 * @throws RangeError on no values, negative or non-finite values, a zero total, or topFraction outside (0, 1].
 * @example valueConcentration([1, 2, 3, 4]).gini // 0.25
 */
export function valueConcentration(values: ArrayLike<number>, topFraction = 0.2): ValueConcentration {
  const n = values.length;
  if (n === 0) throw new RangeError("value concentration requires at least one customer");
  if (!(topFraction > 0 && topFraction <= 1)) throw new RangeError(`topFraction must be in (0, 1], got ${topFraction}`);
  const sorted = Float64Array.from(values);
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(sorted[i]) && sorted[i] >= 0)) throw new RangeError(`customer value ${i + 1} must be a number ≥ 0, got ${sorted[i]}`);
  }
  sorted.sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i];
  if (total === 0) throw new RangeError("value concentration is undefined when every customer's value is 0");
  const lorenz = [{ customerShare: 0, valueShare: 0 }];
  const pareto = [{ customerShare: 0, valueShare: 0 }];
  let up = 0;
  let down = 0;
  let area = 0;
  for (let k = 1; k <= n; k++) {
    const previous = up;
    up += sorted[k - 1];
    down += sorted[n - k];
    lorenz.push({ customerShare: k / n, valueShare: up / total });
    pareto.push({ customerShare: k / n, valueShare: down / total });
    area += (1 / n) * ((up + previous) / total);
  }
  // Top share: value of the top ⌊f·n⌋ customers plus the fractional part of the next one.
  const exact = topFraction * n;
  const whole = Math.floor(exact);
  let top = 0;
  for (let k = 0; k < whole; k++) top += sorted[n - 1 - k];
  if (whole < n) top += (exact - whole) * sorted[n - 1 - whole];
  return { lorenz, pareto, gini: Math.max(0, 1 - area), topShare: top / total, topFraction };
}
