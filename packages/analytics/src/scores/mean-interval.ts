import { mean, standardDeviation } from "../core/descriptive.ts";
import { studentTQuantile } from "../core/distributions.ts";
import { checkConfidence } from "./check-answers.ts";

/** A t confidence interval for a mean. */
export interface MeanInterval {
  mean: number;
  lower: number;
  upper: number;
  standardError: number;
  degreesOfFreedom: number;
  confidence: number;
}

/**
 * Student t confidence interval for a mean: x̄ ± t_{1−α/2, n−1} · s/√n.
 * Reference: R `t.test(x)$conf.int`; scipy `stats.t.interval`. Cost: O(n).
 * @throws RangeError with fewer than two values, non-finite values, or confidence not in (0, 1).
 * @example meanInterval([1, 2, 3, 4, 5]) // { mean: 3, lower: 1.036756…, upper: 4.963243…, … }
 */
export function meanInterval(values: ArrayLike<number>, confidence = 0.95): MeanInterval {
  checkConfidence(confidence);
  if (values.length < 2) throw new RangeError(`a confidence interval for a mean needs at least 2 values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`value ${i + 1} is ${values[i]}, not a finite number`);
  }
  const m = mean(values);
  const standardError = standardDeviation(values) / Math.sqrt(values.length);
  const degreesOfFreedom = values.length - 1;
  const half = studentTQuantile(1 - (1 - confidence) / 2, degreesOfFreedom) * standardError;
  return { mean: m, lower: m - half, upper: m + half, standardError, degreesOfFreedom, confidence };
}
