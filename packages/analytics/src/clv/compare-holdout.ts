/**
 * Holdout validation: purchases the BG/NBD model predicts for the holdout period against those that happened.
 */
import { type BgnbdParameters } from "./bgnbd-log-likelihood.ts";
import { bgnbdConditionalExpectedPurchases } from "./bgnbd-predict.ts";
import { type PurchaseSummary } from "./customer-summary.ts";

/** A customer's calibration summary with the purchases made in the holdout period. */
export interface HoldoutCustomer extends PurchaseSummary {
  holdoutFrequency: number;
}

/** Actual against predicted holdout purchases for one group of customers. */
export interface HoldoutRow {
  /** Calibration frequency of the group: "0" … "6", and "7+" for 7 or more; "total" for everyone. */
  frequency: string;
  customers: number;
  actualMean: number;
  predictedMean: number;
  actualTotal: number;
  predictedTotal: number;
  /** Mean over the group's customers of |predicted − actual|. */
  meanAbsoluteError: number;
}

/** What {@link compareHoldout} returns. */
export interface HoldoutComparison {
  /** Holdout length in model time units. */
  holdoutLength: number;
  /** One row per calibration frequency 0 … 6 and 7+ (groups without customers show zeros). */
  byFrequency: HoldoutRow[];
  total: HoldoutRow;
}

/** Frequencies at or above this share the last bucket ("7+"), as in Fader, Hardie & Lee (2005) Figure 4. */
export const HOLDOUT_TOP_BUCKET = 7;

/**
 * Holdout comparison: for each customer, E[Y(t) | x, t_x, T] over the holdout length t against the purchases actually
 * made then, averaged per calibration frequency (0, 1, …, 6, 7+) and overall, with the mean absolute error.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2) §4 (Figure 4: conditional expectations by frequency).
 * Cost: O(n) evaluations of the 2F1 series.
 * @throws RangeError on no customers, a negative or non-whole holdout frequency, a holdout length that is not a
 * number ≥ 0, or invalid parameters or histories.
 * @example compareHoldout(cdnowFit, cdnowCustomers, 39).total // { actualTotal: 1788, predictedTotal: ≈ 1760, … }
 */
export function compareHoldout(parameters: BgnbdParameters, customers: readonly HoldoutCustomer[], holdoutLength: number): HoldoutComparison {
  if (customers.length === 0) throw new RangeError("holdout comparison requires at least one customer");
  if (!(holdoutLength >= 0) || !Number.isFinite(holdoutLength)) throw new RangeError(`the holdout length must be a number ≥ 0, got ${holdoutLength}`);
  const groups = Array.from({ length: HOLDOUT_TOP_BUCKET + 1 }, () => ({ customers: 0, actual: 0, predicted: 0, absoluteError: 0 }));
  customers.forEach((customer, index) => {
    const actual = customer.holdoutFrequency;
    if (!(actual >= 0) || !Number.isInteger(actual)) {
      throw new RangeError(`customer ${index} has holdout frequency ${actual}; it must be a whole number ≥ 0`);
    }
    const predicted = bgnbdConditionalExpectedPurchases(parameters, holdoutLength, customer.frequency, customer.recency, customer.age);
    const group = groups[Math.min(customer.frequency, HOLDOUT_TOP_BUCKET)];
    group.customers++;
    group.actual += actual;
    group.predicted += predicted;
    group.absoluteError += Math.abs(predicted - actual);
  });
  const row = (frequency: string, group: (typeof groups)[number]): HoldoutRow => ({
    frequency,
    customers: group.customers,
    actualMean: group.customers > 0 ? group.actual / group.customers : 0,
    predictedMean: group.customers > 0 ? group.predicted / group.customers : 0,
    actualTotal: group.actual,
    predictedTotal: group.predicted,
    meanAbsoluteError: group.customers > 0 ? group.absoluteError / group.customers : 0,
  });
  const everyone = groups.reduce(
    (sum, group) => ({
      customers: sum.customers + group.customers,
      actual: sum.actual + group.actual,
      predicted: sum.predicted + group.predicted,
      absoluteError: sum.absoluteError + group.absoluteError,
    }),
    { customers: 0, actual: 0, predicted: 0, absoluteError: 0 },
  );
  return {
    holdoutLength,
    byFrequency: groups.map((group, x) => row(x === HOLDOUT_TOP_BUCKET ? `${x}+` : String(x), group)),
    total: row("total", everyone),
  };
}
