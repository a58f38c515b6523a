import { mean } from "../core/descriptive.ts";

/** A SERVQUAL dimension and the (0-based) item columns that measure it. */
export interface ServqualDimension {
  name: string;
  items: readonly number[];
}

/**
 * The standard 22-item assignment (Parasuraman, Zeithaml & Berry 1988/1991): tangibles items 1–4, reliability
 * 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22 (here 0-based columns).
 */
export const SERVQUAL_DIMENSIONS: readonly ServqualDimension[] = [
  { name: "tangibles", items: [0, 1, 2, 3] },
  { name: "reliability", items: [4, 5, 6, 7, 8] },
  { name: "responsiveness", items: [9, 10, 11, 12] },
  { name: "assurance", items: [13, 14, 15, 16] },
  { name: "empathy", items: [17, 18, 19, 20, 21] },
];

/** SERVQUAL gap scores P − E. */
export interface ServqualResult {
  items: { item: number; perception: number; expectation: number; gap: number }[];
  dimensions: { name: string; gap: number; weight: number }[];
  /** Mean of the dimension gaps. */
  overall: number;
  /** Σ weight · dimension gap, with importance points normalised to sum to 1 (equal weights if none given). */
  weighted: number;
}

function columnMeans(rows: readonly (readonly number[])[], what: string, width: number): number[] {
  if (rows.length === 0) throw new RangeError(`SERVQUAL needs at least one respondent's ${what}`);
  const columns: number[][] = Array.from({ length: width }, () => []);
  rows.forEach((row, r) => {
    if (row.length !== width) throw new RangeError(`${what} of respondent ${r + 1} has ${row.length} items, expected ${width}`);
    row.forEach((v, i) => {
      if (!Number.isFinite(v)) throw new RangeError(`${what} of respondent ${r + 1}, item ${i + 1} is not a number`);
      columns[i].push(v);
    });
  });
  return columns.map((c) => mean(c));
}

/**
 * SERVQUAL gap analysis: per item mean perception − mean expectation, per dimension the mean of its item gaps,
 * overall the mean of the dimension gaps (unweighted SERVQUAL score), and the importance-weighted score with each
 * dimension's importance points (e.g. of 100) normalised to sum to 1.
 * Reference: Parasuraman, Zeithaml & Berry (1988), "SERVQUAL", J. Retailing 64(1); (1991) J. Retailing 67(4).
 * Cost: O(respondents · items).
 * @throws RangeError on ragged or empty matrices, non-finite answers, an item outside the matrix, or
 * importance points that are negative, missing a dimension, or all zero.
 * @example servqualGaps(perceptions, expectations).dimensions[1] // { name: "reliability", gap: −0.8, weight: 0.2 }
 */
export function servqualGaps(
  perceptions: readonly (readonly number[])[],
  expectations: readonly (readonly number[])[],
  dimensions: readonly ServqualDimension[] = SERVQUAL_DIMENSIONS,
  importance?: Readonly<Record<string, number>>,
): ServqualResult {
  const width = perceptions[0]?.length ?? 0;
  const p = columnMeans(perceptions, "perceptions", width);
  const e = columnMeans(expectations, "expectations", width);
  const items = p.map((perception, item) => ({ item, perception, expectation: e[item], gap: perception - e[item] }));
  let totalPoints = 0;
  const points = dimensions.map((d) => {
    const v = importance ? importance[d.name] : 1;
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`importance points for dimension "${d.name}" must be a number ≥ 0, got ${v}`);
    totalPoints += v;
    return v;
  });
  if (totalPoints === 0) throw new RangeError("importance points must not all be zero");
  const dims = dimensions.map((d, k) => {
    if (d.items.length === 0) throw new RangeError(`dimension "${d.name}" has no items`);
    const gaps = d.items.map((i) => {
      if (!(i >= 0 && i < width)) throw new RangeError(`dimension "${d.name}" names item ${i + 1}, but there are only ${width} items`);
      return items[i].gap;
    });
    return { name: d.name, gap: mean(gaps), weight: points[k] / totalPoints };
  });
  return {
    items,
    dimensions: dims,
    overall: mean(dims.map((d) => d.gap)),
    weighted: dims.reduce((s, d) => s + d.weight * d.gap, 0),
  };
}
