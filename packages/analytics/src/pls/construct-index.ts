import type { PlsResult } from "./estimate-pls.ts";
import { PlsInputError } from "./types.ts";

/** The answer scale of the items, e.g. 1–10 for the ACSI/ECSI questionnaires. */
export interface IndexScale {
  scaleMin: number;
  scaleMax: number;
}

function requireScale({ scaleMin, scaleMax }: IndexScale): void {
  if (!Number.isFinite(scaleMin) || !Number.isFinite(scaleMax) || !(scaleMax > scaleMin)) {
    throw new PlsInputError(`the index scale needs a minimum below its maximum, got ${scaleMin} to ${scaleMax}`);
  }
}

/**
 * Outer weights of one construct normalised to sum to 1 (the weights the ACSI index uses).
 * Cost: O(k).
 * @throws PlsInputError when the construct is unknown or its weights sum to zero.
 * @example normalisedWeights(result, "Value") // { PERV1: 0.442, PERV2: 0.558 }
 */
export function normalisedWeights(result: PlsResult, construct: string): Record<string, number> {
  const weights = result.outerWeights[construct];
  if (!weights) throw new PlsInputError(`construct ${construct} is not in the model (constructs: ${result.constructs.join(", ")})`);
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  if (!(Math.abs(total) > 1e-12)) throw new PlsInputError(`the weights of ${construct} sum to zero: its index is undefined`);
  return Object.fromEntries(Object.entries(weights).map(([indicator, w]) => [indicator, w / total]));
}

/**
 * Rescaled mean of one indicator, 100 · (mean − min) / (max − min): its performance on a 0–100 scale.
 * Cost: O(1).
 * @throws PlsInputError when the indicator is unknown or the scale is empty.
 * @example indicatorPerformance(result, "CUSA1", { scaleMin: 1, scaleMax: 10 }) // 0–100
 */
export function indicatorPerformance(result: PlsResult, indicator: string, scale: IndexScale): number {
  requireScale(scale);
  const m = result.indicatorMeans[indicator];
  if (m === undefined) throw new PlsInputError(`indicator ${indicator} is not in the model`);
  return (100 * (m - scale.scaleMin)) / (scale.scaleMax - scale.scaleMin);
}

/**
 * ACSI-style 0–100 index of a construct: each item rescaled (x − min)/(max − min), weighted by its outer weight
 * normalised to sum to 1, averaged over the cases used, × 100. Equal to the weighted sum of the items' rescaled
 * means. With negative weights the index can leave 0–100.
 * Reference: Fornell, Johnson, Anderson, Cha & Bryant (1996), Journal of Marketing 60(4):7–18.
 * Cost: O(k).
 * @throws PlsInputError when the construct is unknown, its weights sum to zero or the scale is empty.
 * @example constructIndex(result, "Satisfaction", { scaleMin: 1, scaleMax: 10 }) // ≈ 75
 */
export function constructIndex(result: PlsResult, construct: string, scale: IndexScale): number {
  const weights = normalisedWeights(result, construct);
  let index = 0;
  for (const [indicator, w] of Object.entries(weights)) index += w * indicatorPerformance(result, indicator, scale);
  return index;
}

/**
 * The index of every construct.
 * Cost: O(indicators).
 * @throws PlsInputError as `constructIndex`.
 * @example constructIndexes(result, { scaleMin: 1, scaleMax: 10 }).Loyalty
 */
export function constructIndexes(result: PlsResult, scale: IndexScale): Record<string, number> {
  return Object.fromEntries(result.constructs.map((name) => [name, constructIndex(result, name, scale)]));
}
