/** One indicator (survey item): its display name, its column in the data, and an optional weight. */
export interface IndicatorItem {
  name: string;
  column: number;
  /** Relative weight within its dimension (normalised); equal weights when every item omits it. */
  weight?: number;
}

/** One dimension of the index: its items and an optional weight. */
export interface IndicatorDimension {
  name: string;
  items: readonly IndicatorItem[];
  /** Relative weight in the overall index (normalised); equal weights when every dimension omits it. */
  weight?: number;
}

/** The three-level indicator system: items → dimensions → overall. */
export interface IndicatorSpec {
  dimensions: readonly IndicatorDimension[];
}

/**
 * What to do with a missing answer (null or NaN):
 * - "available": score each respondent on the items they answered, re-normalising the weights over those items
 *   (and over the dimensions with at least one answer); a respondent with no answers at all is dropped;
 * - "exclude": drop every respondent with any missing item (listwise deletion);
 * - "zero": counting a missing answer as the scale minimum biases the index downwards, so it is refused.
 */
export type MissingAnswerPolicy = "available" | "exclude" | "zero";

/** A survey answer; null (or NaN) means missing. */
export type Answer = number | null;

/** Normalises non-negative weights to sum to 1 (equal weights when none are given). @throws RangeError. */
export function normalizeWeights(weights: readonly (number | undefined)[], what: string): number[] {
  const given = weights.filter((w) => w !== undefined).length;
  if (given === 0) return weights.map(() => 1 / weights.length);
  if (given !== weights.length) throw new RangeError(`${what}: give a weight for every entry or for none`);
  let total = 0;
  for (const w of weights as number[]) {
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`${what}: weights must be numbers ≥ 0, got ${w}`);
    total += w;
  }
  if (total === 0) throw new RangeError(`${what}: weights must not all be zero`);
  return (weights as number[]).map((w) => w / total);
}
