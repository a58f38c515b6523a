/**
 * From a transaction log to per-customer summaries (x, t_x, T, z̄) and holdout counts.
 */
import { dayNumber } from "./day-number.ts";

/** One purchase. Several rows for one customer on one day count as one transaction (amounts summed). */
export interface ClvTransaction {
  customerId: string | number;
  /** ISO calendar date "yyyy-mm-dd" or a whole day number (all rows must use the same kind). */
  date: string | number;
  /** Value of the purchase, ≥ 0. */
  amount: number;
}

/** Time unit of the summaries: a week is 7 days. */
export type ClvPeriodUnit = "week" | "day";

/** Options for {@link summarizeTransactions}. */
export interface SummarizeTransactionsOptions {
  /** Last day of the calibration period (inclusive). */
  calibrationEnd: string | number;
  /** Last day of the holdout period (inclusive). Default: the last transaction date in the log. */
  observationEnd?: string | number;
  /** Default "week". */
  period?: ClvPeriodUnit;
}

/** One customer's calibration summary and holdout count. */
export interface SummarizedCustomer {
  customerId: string | number;
  /** x: repeat transactions (days with a purchase after the first) up to the calibration end. */
  frequency: number;
  /** t_x: periods from the first to the last calibration transaction. */
  recency: number;
  /** T: periods from the first transaction to the calibration end. */
  age: number;
  /** z̄: mean value of the repeat transactions (the first purchase excluded, as in lifetimes); 0 when x = 0. */
  averageSpend: number;
  /** Transactions (distinct days) after the calibration end, up to the observation end. */
  holdoutFrequency: number;
}

/** What {@link summarizeTransactions} returns. */
export interface PurchaseLogSummary {
  /** Customers whose first purchase is on or before the calibration end, in order of first appearance in the log. */
  customers: SummarizedCustomer[];
  period: ClvPeriodUnit;
  /** Calibration and observation ends as day numbers (days since 1970-01-01 for ISO dates). */
  calibrationEnd: number;
  observationEnd: number;
  /** Length of the holdout period (observation end − calibration end) in periods; 0 when there is none. */
  holdoutLength: number;
  /** Customers left out because their first purchase came after the calibration end (the models cannot use them). */
  excludedCustomers: number;
  /** Rows after the observation end, not counted anywhere. */
  ignoredTransactions: number;
}

/**
 * ClvTransaction log summary: per customer, repeat transactions x, recency t_x, age T and mean repeat spend z̄ over the
 * calibration period, and the number of transactions in the holdout period that follows.
 * Follows lifetimes' `calibration_and_holdout_data` / `summary_data_from_transaction_data` with daily resolution:
 * purchases on the same day merge into one transaction, times are day differences divided by 7 for weeks.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2) §3 (CDNOW: calibration ending 1997-09-30 in weeks).
 * Cost: O(n log n) for the sort by customer and day.
 * @throws RangeError on an empty log, a malformed date, ISO dates mixed with day numbers, a negative or non-finite amount, an observation end before
 * the calibration end, or when no customer bought on or before the calibration end.
 * @example
 * summarizeTransactions([
 *   { customerId: 1, date: "1997-01-01", amount: 29.33 },
 *   { customerId: 1, date: "1997-01-18", amount: 29.73 },
 * ], { calibrationEnd: "1997-09-30" }).customers[0] // { frequency: 1, recency: 2.43, age: 38.86, averageSpend: 29.73, … }
 */
export function summarizeTransactions(transactions: readonly ClvTransaction[], options: SummarizeTransactionsOptions): PurchaseLogSummary {
  const n = transactions.length;
  if (n === 0) throw new RangeError("summarizing transactions requires at least one transaction");
  const period = options.period ?? "week";
  if (period !== "week" && period !== "day") throw new RangeError(`period must be "week" or "day", got "${String(period)}"`);
  const unit = period === "week" ? 7 : 1;
  const calibrationEnd = dayNumber(options.calibrationEnd);

  // ISO dates and day numbers have different origins: mixing them would silently shift customers in time.
  const dateKind = typeof transactions[0].date;
  const endKinds = [typeof options.calibrationEnd, options.observationEnd === undefined ? dateKind : typeof options.observationEnd];
  if (endKinds.some((kind) => kind !== dateKind)) {
    throw new RangeError(`the calibration and observation ends must be given like the transaction dates (${dateKind === "string" ? "yyyy-mm-dd" : "day numbers"})`);
  }
  const customerIds: (string | number)[] = [];
  const indexById = new Map<string | number, number>();
  const customerOf = new Int32Array(n);
  const days = new Float64Array(n);
  const amounts = new Float64Array(n);
  let lastDay = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const row = transactions[i];
    let index = indexById.get(row.customerId);
    if (index === undefined) {
      index = customerIds.length;
      indexById.set(row.customerId, index);
      customerIds.push(row.customerId);
    }
    customerOf[i] = index;
    if (typeof row.date !== dateKind) {
      throw new RangeError(`transaction ${i} (customer ${row.customerId}) mixes a ${typeof row.date} date with ${dateKind} dates; use one kind`);
    }
    try {
      days[i] = dayNumber(row.date);
    } catch (error) {
      throw new RangeError(`transaction ${i} (customer ${row.customerId}): ${(error as Error).message}`, { cause: error });
    }
    if (!(row.amount >= 0) || !Number.isFinite(row.amount)) {
      throw new RangeError(`transaction ${i} (customer ${row.customerId}) has amount ${row.amount}; amounts must be numbers ≥ 0`);
    }
    amounts[i] = row.amount;
    lastDay = Math.max(lastDay, days[i]);
  }
  const observationEnd = options.observationEnd === undefined ? Math.max(lastDay, calibrationEnd) : dayNumber(options.observationEnd);
  if (observationEnd < calibrationEnd) throw new RangeError("the observation end must not come before the calibration end");

  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => customerOf[i] - customerOf[j] || days[i] - days[j]);
  const customers: SummarizedCustomer[] = [];
  let excludedCustomers = 0;
  let ignoredTransactions = 0;
  let start = 0;
  while (start < n) {
    const customer = customerOf[order[start]];
    let end = start;
    while (end < n && customerOf[order[end]] === customer) end++;
    const firstDay = days[order[start]];
    if (firstDay > calibrationEnd) {
      excludedCustomers++;
      start = end;
      continue;
    }
    let frequency = 0;
    let lastCalibrationDay = firstDay;
    let repeatSpend = 0;
    let holdoutFrequency = 0;
    let previousDay = Number.NaN;
    for (let k = start; k < end; k++) {
      const day = days[order[k]];
      const amount = amounts[order[k]];
      const isNewDay = day !== previousDay;
      previousDay = day;
      if (day > observationEnd) {
        ignoredTransactions++;
      } else if (day > calibrationEnd) {
        if (isNewDay) holdoutFrequency++;
      } else if (day !== firstDay) {
        if (isNewDay) frequency++;
        repeatSpend += amount;
        lastCalibrationDay = day;
      }
    }
    customers.push({
      customerId: customerIds[customer],
      frequency,
      recency: (lastCalibrationDay - firstDay) / unit,
      age: (calibrationEnd - firstDay) / unit,
      averageSpend: frequency > 0 ? repeatSpend / frequency : 0,
      holdoutFrequency,
    });
    start = end;
  }
  if (customers.length === 0) {
    throw new RangeError("no customer made a first purchase on or before the calibration end: move the calibration end later");
  }
  return {
    customers,
    period,
    calibrationEnd,
    observationEnd,
    holdoutLength: (observationEnd - calibrationEnd) / unit,
    excludedCustomers,
    ignoredTransactions,
  };
}
