/**
 * BG/NBD predictions: expected purchases (for a new customer and given a history) and the probability of being alive.
 */
import { hypergeometric2F1 } from "../core/special.ts";
import { checkBgnbdParameters, type BgnbdParameters } from "./bgnbd-log-likelihood.ts";

function checkHistory(frequency: number, recency: number, age: number): void {
  if (!(frequency >= 0) || !Number.isInteger(frequency)) {
    throw new RangeError(`frequency counts repeat purchases, a whole number ≥ 0; got ${frequency}`);
  }
  if (!(recency >= 0) || !Number.isFinite(recency)) throw new RangeError(`recency must be ≥ 0, got ${recency}`);
  if (!(age >= recency) || !Number.isFinite(age)) throw new RangeError(`age T = ${age} must be ≥ recency t_x = ${recency}`);
}

function checkDuration(duration: number): void {
  if (!(duration >= 0) || !Number.isFinite(duration)) throw new RangeError(`the prediction span must be a number ≥ 0, got ${duration}`);
}

/**
 * (a + b + x − 1)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) · 2F1(r + x, b + x; a + b + x − 1; z)],
 * z = t/(α + T + t): the numerator of eq. 10 in FHL (2005). Euler's transformation turns the product into
 * ((α + T)/(α + T + t))^(a − 1) · 2F1(a + b − 1 − r, a − 1; a + b + x − 1; z), whose terms stay bounded for any x
 * (lifetimes switches to the same form when the direct one overflows). At a = 1 the expression is 0/0: within 1e-6
 * of it, the value is interpolated linearly between a = 1 ± 1e-5 (smooth in a, so the error is about 1e-10).
 */
const NEAR_ONE_STEP = 1e-5;
function expectedPurchasesNumerator(parameters: BgnbdParameters, frequency: number, age: number, duration: number): number {
  const { r, alpha, a, b } = parameters;
  if (duration === 0) return 0;
  if (Math.abs(a - 1) < 1e-6) {
    const below = expectedPurchasesNumerator({ ...parameters, a: 1 - NEAR_ONE_STEP }, frequency, age, duration);
    const above = expectedPurchasesNumerator({ ...parameters, a: 1 + NEAR_ONE_STEP }, frequency, age, duration);
    return below + ((above - below) * (a - 1 + NEAR_ONE_STEP)) / (2 * NEAR_ONE_STEP);
  }
  const c = a + b + frequency - 1;
  const z = duration / (alpha + age + duration);
  const logOneMinusZ = Math.log(alpha + age) - Math.log(alpha + age + duration);
  const hypergeometric = hypergeometric2F1(a + b - 1 - r, a - 1, c, z);
  const tail = hypergeometric * Math.exp((a - 1) * logOneMinusZ);
  return ((a + b + frequency - 1) / (a - 1)) * (1 - tail);
}

/**
 * Probability alive: P(τ > T | x, t_x, T), the chance that a customer with this history has not dropped out.
 * P = 1 / (1 + [x > 0] · a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x)), evaluated in logs so it never overflows.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 11; lifetimes
 * `BetaGeoFitter.conditional_probability_alive`.
 * Cost: O(1).
 * @throws RangeError on invalid parameters or history.
 * @example bgnbdProbabilityAlive(cdnowFit, 2, 30.43, 38.86) // ≈ 0.72
 */
export function bgnbdProbabilityAlive(parameters: BgnbdParameters, frequency: number, recency: number, age: number): number {
  checkBgnbdParameters(parameters);
  checkHistory(frequency, recency, age);
  if (frequency === 0) return 1;
  const { r, alpha, a, b } = parameters;
  const logOdds =
    Math.log(a) - Math.log(b + frequency - 1) + (r + frequency) * (Math.log(alpha + age) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected purchases of a new customer: E[X(t)], the repeat purchases expected in (0, t] after a first purchase at 0.
 * E[X(t)] = (a + b − 1)/(a − 1) · [1 − (α/(α + t))^r · 2F1(r, b; a + b − 1; t/(α + t))].
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 9; lifetimes
 * `BetaGeoFitter.expected_number_of_purchases_up_to_time`.
 * Cost: O(terms of the 2F1 series), O(1) for t small next to α.
 * @throws RangeError on invalid parameters or a negative t.
 * @example bgnbdExpectedPurchases({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }, 39) // ≈ 1.195
 */
export function bgnbdExpectedPurchases(parameters: BgnbdParameters, duration: number): number {
  checkBgnbdParameters(parameters);
  checkDuration(duration);
  return expectedPurchasesNumerator(parameters, 0, 0, duration);
}

/**
 * Conditional expected purchases: E[Y(t) | x, t_x, T], the purchases expected in (T, T + t] from a customer with
 * history (x, t_x, T): eq. 10 of FHL (2005): the expected purchases of a customer still alive weighted by the probability alive.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2), eq. 10; lifetimes
 * `BetaGeoFitter.conditional_expected_number_of_purchases_up_to_time`.
 * Cost: O(terms of the 2F1 series).
 * @throws RangeError on invalid parameters, history or t.
 * @example bgnbdConditionalExpectedPurchases(cdnowFit, 39, 2, 30.43, 38.86) // 1.226
 */
export function bgnbdConditionalExpectedPurchases(
  parameters: BgnbdParameters,
  duration: number,
  frequency: number,
  recency: number,
  age: number,
): number {
  checkBgnbdParameters(parameters);
  checkDuration(duration);
  checkHistory(frequency, recency, age);
  return expectedPurchasesNumerator(parameters, frequency, age, duration) * bgnbdProbabilityAlive(parameters, frequency, recency, age);
}
