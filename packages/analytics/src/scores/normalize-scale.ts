import { type AnswerScale, checkScale } from "./check-answers.ts";

/**
 * Rescale a score from any closed scale to 0–100: 100·(x − min)/(max − min). A 1–5 answer of 4 becomes 75;
 * a 1–10 answer of 10 becomes 100. This is the ACSI convention (Fornell et al. 1996) for putting items on
 * one footing.
 * Cost: O(1).
 * @throws RangeError when the scale is empty or the value lies outside it.
 * @example normalizeToHundred(4, { min: 1, max: 5 }) // 75
 */
export function normalizeToHundred(value: number, scale: AnswerScale): number {
  checkScale(scale, "normalizing a score");
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) {
    throw new RangeError(`cannot normalize ${value}: it is outside the ${scale.min}–${scale.max} scale`);
  }
  return (100 * (value - scale.min)) / (scale.max - scale.min);
}

/**
 * Rescale many values to 0–100 (see normalizeToHundred). Cost: O(n).
 * @throws RangeError on the first value outside the scale.
 * @example normalizeScale([1, 3, 5], { min: 1, max: 5 }) // [0, 50, 100]
 */
export function normalizeScale(values: ArrayLike<number>, scale: AnswerScale): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = normalizeToHundred(values[i], scale);
  return out;
}
