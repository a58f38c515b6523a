/**
 * Discounted customer lifetime value from a BG/NBD purchase model and an expected spend per transaction.
 */
import { type BgnbdParameters } from "./bgnbd-log-likelihood.ts";
import { bgnbdConditionalExpectedPurchases } from "./bgnbd-predict.ts";
import { type PurchaseSummary } from "./customer-summary.ts";

/** Options for {@link customerLifetimeValue}. */
export interface CustomerLifetimeValueOptions {
  /** Number of discounting periods to sum over. Default 12 (a year of months). */
  horizon?: number;
  /** Discount rate per period (0.01 = 1 % a period). Default 0.01, as lifetimes. */
  discountRate?: number;
  /**
   * Length of one discounting period in the model's time unit. Default 1. lifetimes discounts by month: use
   * {@link WEEKS_PER_MONTH} (4.345) for a model fitted in weeks, {@link DAYS_PER_MONTH} (30) for one fitted in days.
   */
  periodLength?: number;
}

/** Weeks per month in lifetimes' `customer_lifetime_value` (freq "W"). */
export const WEEKS_PER_MONTH = 4.345;
/** Days per month in lifetimes' `customer_lifetime_value` (freq "D"). */
export const DAYS_PER_MONTH = 30;

/**
 * Customer lifetime value: CLV = Σᵢ₌₁..H (E[Y(i·L)] − E[Y((i − 1)·L)]) · spend / (1 + d)ⁱ, where E[Y(t)] is the
 * BG/NBD conditional expected number of purchases in (T, T + t] given the customer's history, L the period length in
 * model time units, H the horizon in periods, d the discount rate per period and spend the expected value of one
 * transaction (e.g. the Gamma-Gamma {@link gammaGammaExpectedSpend}). Purchases expected in period i are discounted
 * by the full i periods (end-of-period convention).
 * Reference: lifetimes `utils._customer_lifetime_value` (monthly steps, discount per month); Fader, Hardie & Lee
 * (2005), "RFM and CLV", JMR 42(4).
 * Cost: O(H) evaluations of the 2F1 series.
 * @throws RangeError on invalid parameters or history, a horizon that is not a whole number ≥ 1, a discount rate
 * ≤ −1, a period length ≤ 0, or a negative spend.
 * @example
 * customerLifetimeValue(cdnowFit, { frequency: 2, recency: 30.43, age: 38.86 }, 24.66,
 *   { horizon: 12, discountRate: 0.01, periodLength: WEEKS_PER_MONTH })
 */
export function customerLifetimeValue(
  parameters: BgnbdParameters,
  customer: PurchaseSummary,
  expectedSpend: number,
  options: CustomerLifetimeValueOptions = {},
): number {
  const horizon = options.horizon ?? 12;
  const discountRate = options.discountRate ?? 0.01;
  const periodLength = options.periodLength ?? 1;
  if (!(horizon >= 1) || !Number.isInteger(horizon)) throw new RangeError(`the CLV horizon must be a whole number of periods ≥ 1, got ${horizon}`);
  if (!(discountRate > -1) || !Number.isFinite(discountRate)) throw new RangeError(`the discount rate must be a number above −1, got ${discountRate}`);
  if (!(periodLength > 0) || !Number.isFinite(periodLength)) throw new RangeError(`the period length must be a positive number, got ${periodLength}`);
  if (!(expectedSpend >= 0) || !Number.isFinite(expectedSpend)) throw new RangeError(`the expected spend must be a number ≥ 0, got ${expectedSpend}`);
  const { frequency, recency, age } = customer;
  let value = 0;
  let previous = 0;
  for (let i = 1; i <= horizon; i++) {
    const cumulative = bgnbdConditionalExpectedPurchases(parameters, i * periodLength, frequency, recency, age);
    value += ((cumulative - previous) * expectedSpend) / Math.pow(1 + discountRate, i);
    previous = cumulative;
  }
  return value;
}
