import { mean, standardDeviation } from "../core/descriptive.ts";
import type { Answer, IndicatorSpec } from "./indicator-spec.ts";

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) {
      throw new RangeError("the items are collinear (one is a combination of others), so regression weights are not identified");
    }
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= factor * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/**
 * Derived importance weights: regress the overall-satisfaction answer on all items (standardised OLS on the
 * respondents who answered everything), set negative coefficients to 0 (an item cannot lower satisfaction by
 * being better — negative signs come from collinearity), and normalise. Each item gets its share within its
 * dimension; each dimension gets the sum of its items' shares. Returns a copy of the spec with the weights set.
 * Reference: the "derived importance" approach of satisfaction studies (e.g. Grisaffe 1993; Hair et al.,
 * *Multivariate Data Analysis*, standardised coefficients). Cost: O(n·p² + p³).
 * @throws RangeError with fewer complete respondents than items + 2, a constant item or overall answer,
 * collinear items, or no positive coefficient.
 * @example regressionWeights(rows, spec, overallColumn).dimensions[0].weight // e.g. 0.62
 */
export function regressionWeights(rows: readonly (readonly Answer[])[], spec: IndicatorSpec, overallColumn: number): IndicatorSpec {
  const columns = spec.dimensions.flatMap((d) => d.items.map((i) => i.column));
  const complete = rows.filter((r) => [...columns, overallColumn].every((c) => r[c] !== null && Number.isFinite(r[c])));
  if (complete.length < columns.length + 2) {
    throw new RangeError(`regression weights need at least ${columns.length + 2} respondents who answered every item, got ${complete.length}`);
  }
  const standardise = (c: number): number[] => {
    const v = complete.map((r) => r[c] as number);
    const m = mean(v);
    const s = standardDeviation(v);
    if (s === 0) throw new RangeError(`column ${c + 1} has the same answer from everyone, so it cannot carry a regression weight`);
    return v.map((x) => (x - m) / s);
  };
  const z = columns.map(standardise);
  const y = standardise(overallColumn);
  const p = columns.length;
  const xtx = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => z[i].reduce((s, v, k) => s + v * z[j][k], 0)));
  const xty = z.map((col) => col.reduce((s, v, k) => s + v * y[k], 0));
  const beta = solve(xtx, xty).map((b) => Math.max(0, b));
  const total = beta.reduce((s, b) => s + b, 0);
  if (total === 0) throw new RangeError("no item has a positive regression coefficient on overall satisfaction");
  let k = 0;
  return {
    dimensions: spec.dimensions.map((d) => {
      const shares = d.items.map(() => beta[k++] / total);
      const dimensionShare = shares.reduce((s, v) => s + v, 0);
      return {
        ...d,
        weight: dimensionShare,
        items: d.items.map((item, i) => ({ ...item, weight: dimensionShare === 0 ? 1 : shares[i] / dimensionShare })),
      };
    }),
  };
}
