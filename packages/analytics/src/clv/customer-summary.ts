/**
 * Per-customer purchase summaries, the input of every buy-till-you-die model.
 * Names follow lifetimes; Fader–Hardie–Lee notation in brackets:
 * frequency [x] = repeat transactions in the calibration period, recency [t_x] = time of the last transaction since
 * the first, age [T] = calibration end since the first transaction, all in one time unit (weeks or days).
 */

/** Summaries as parallel columns, the fast form for fitting a million customers. */
export interface PurchaseSummaryColumns {
  /** x: repeat transactions (whole numbers ≥ 0). */
  frequency: ArrayLike<number>;
  /** t_x: time from the first to the last transaction (0 when x = 0). */
  recency: ArrayLike<number>;
  /** T: time from the first transaction to the end of calibration (≥ recency). */
  age: ArrayLike<number>;
}

/** One customer's summary. */
export interface PurchaseSummary {
  frequency: number;
  recency: number;
  age: number;
}

/** Summaries checked once and stored as typed arrays, ready for tight likelihood loops. */
export interface CheckedPurchaseSummaries {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  /** Largest frequency, to size per-frequency tables. */
  maxFrequency: number;
  /** How many customers have each frequency 0..maxFrequency. */
  countByFrequency: Float64Array;
}

/**
 * Turns an array of customer summaries into columns.
 * Cost: O(n).
 * @example purchaseSummaryColumns([{ frequency: 2, recency: 30.43, age: 38.86 }]).frequency // Float64Array [2]
 */
export function purchaseSummaryColumns(customers: readonly PurchaseSummary[]): { frequency: Float64Array; recency: Float64Array; age: Float64Array } {
  const n = customers.length;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    frequency[i] = customers[i].frequency;
    recency[i] = customers[i].recency;
    age[i] = customers[i].age;
  }
  return { frequency, recency, age };
}

/**
 * Checks summaries and copies them into typed arrays (kept as they are when already Float64Array).
 * Rules: same lengths, at least one customer, frequency a whole number ≥ 0, 0 ≤ recency ≤ age, recency 0 when
 * frequency is 0, everything finite.
 * Cost: O(n).
 * @throws RangeError naming the first offending customer (by position) and what is wrong.
 * @example checkPurchaseSummaries({ frequency: [0], recency: [0], age: [10] }).maxFrequency // 0
 */
export function checkPurchaseSummaries(columns: PurchaseSummaryColumns, what = "the model"): CheckedPurchaseSummaries {
  const n = columns.frequency.length;
  if (columns.recency.length !== n || columns.age.length !== n) {
    throw new RangeError(
      `${what} needs frequency, recency and age of equal length (got ${n}, ${columns.recency.length}, ${columns.age.length})`,
    );
  }
  if (n === 0) throw new RangeError(`${what} requires at least one customer summary`);
  const frequency = columns.frequency instanceof Float64Array ? columns.frequency : Float64Array.from(columns.frequency);
  const recency = columns.recency instanceof Float64Array ? columns.recency : Float64Array.from(columns.recency);
  const age = columns.age instanceof Float64Array ? columns.age : Float64Array.from(columns.age);
  let maxFrequency = 0;
  for (let i = 0; i < n; i++) {
    const x = frequency[i];
    const tx = recency[i];
    const T = age[i];
    if (!(x >= 0) || !Number.isInteger(x)) {
      throw new RangeError(`${what}: customer ${i} has frequency ${x}; frequency counts repeat purchases, a whole number ≥ 0`);
    }
    if (!(tx >= 0) || !Number.isFinite(tx)) throw new RangeError(`${what}: customer ${i} has recency ${tx}; recency must be ≥ 0`);
    if (!(T >= tx) || !Number.isFinite(T)) {
      throw new RangeError(`${what}: customer ${i} has age T = ${T} below recency t_x = ${tx}; T must be ≥ t_x`);
    }
    if (x === 0 && tx !== 0) {
      throw new RangeError(`${what}: customer ${i} has no repeat purchases but recency ${tx}; recency must be 0 when frequency is 0`);
    }
    if (x > maxFrequency) maxFrequency = x;
  }
  const countByFrequency = new Float64Array(maxFrequency + 1);
  for (let i = 0; i < n; i++) countByFrequency[frequency[i]]++;
  return { frequency, recency, age, maxFrequency, countByFrequency };
}
