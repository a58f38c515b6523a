/**
 * Simulated customers from known BG/NBD and Gamma-Gamma parameters, to test that fits recover them.
 */
import { betaDraw, exponentialDraw, gammaDraw, type Random } from "../core/random.ts";
import { checkBgnbdParameters, type BgnbdParameters } from "./bgnbd-log-likelihood.ts";
import { type GammaGammaParameters } from "./gamma-gamma.ts";

/** Options for {@link simulateBgnbdCustomers}. */
export interface SimulateBgnbdOptions {
  customers: number;
  /** Calibration length T per customer (one number for all, or one per customer), in the model's time unit. */
  age: number | ArrayLike<number>;
  /** Holdout period after T in which purchases are counted separately. Default 0. */
  holdoutLength?: number;
  random: Random;
}

/** Simulated summaries as columns, with holdout purchases. */
export interface SimulatedBgnbdCustomers {
  frequency: Float64Array;
  recency: Float64Array;
  age: Float64Array;
  holdoutFrequency: Float64Array;
}

/**
 * BG/NBD simulation: for each customer draw λ ~ Gamma(r, rate α) and p ~ Beta(a, b); after a first purchase at time 0,
 * purchases arrive as a Poisson process with rate λ and after each repeat purchase the customer drops out with
 * probability p. Repeat purchases up to T give (x, t_x); those in (T, T + holdout] the holdout count.
 * Reference: Fader, Hardie & Lee (2005), Marketing Science 24(2) §2; lifetimes `generate_data.beta_geometric_nbd_model`.
 * Cost: O(n + total purchases).
 * @throws RangeError on invalid parameters, a customer count that is not a whole number ≥ 1, or ages that are not ≥ 0.
 * @example simulateBgnbdCustomers({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { customers: 1000, age: 39, random: seededRandom(1) })
 */
export function simulateBgnbdCustomers(parameters: BgnbdParameters, options: SimulateBgnbdOptions): SimulatedBgnbdCustomers {
  checkBgnbdParameters(parameters);
  const n = options.customers;
  if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`the number of simulated customers must be a whole number ≥ 1, got ${n}`);
  const holdoutLength = options.holdoutLength ?? 0;
  if (!(holdoutLength >= 0) || !Number.isFinite(holdoutLength)) throw new RangeError(`the holdout length must be a number ≥ 0, got ${holdoutLength}`);
  const ages = options.age;
  if (typeof ages !== "number" && ages.length !== n) throw new RangeError(`one age per customer is needed: got ${ages.length} for ${n} customers`);
  const { r, alpha, a, b } = parameters;
  const { random } = options;
  const result: SimulatedBgnbdCustomers = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    age: new Float64Array(n),
    holdoutFrequency: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const T = typeof ages === "number" ? ages : ages[i];
    if (!(T >= 0) || !Number.isFinite(T)) throw new RangeError(`customer ${i} has age ${T}; ages must be numbers ≥ 0`);
    result.age[i] = T;
    const rate = gammaDraw(random, r, alpha);
    const dropout = betaDraw(random, a, b);
    if (!(rate > 0)) continue; // a rate that underflowed to 0 means no purchase ever
    const end = T + holdoutLength;
    let time = 0;
    for (;;) {
      time += exponentialDraw(random, rate);
      if (!(time <= end)) break;
      if (time <= T) {
        result.frequency[i]++;
        result.recency[i] = time;
      } else {
        result.holdoutFrequency[i]++;
      }
      if (random() < dropout) break;
    }
  }
  return result;
}

/**
 * Gamma-Gamma simulation: each customer's scale ν ~ Gamma(q, rate v); the mean of x transactions each Gamma(p, ν) is
 * Gamma(p x, rate x ν), drawn at once. Customers with x = 0 get 0.
 * Reference: Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4), §"Adding monetary value".
 * Cost: O(n).
 * @throws RangeError on non-positive parameters or a frequency that is not a whole number ≥ 0.
 * @example simulateGammaGammaSpend({ p: 6.25, q: 3.74, v: 15.44 }, [2, 0, 5], seededRandom(1)) // Float64Array(3)
 */
export function simulateGammaGammaSpend(parameters: GammaGammaParameters, frequency: ArrayLike<number>, random: Random): Float64Array {
  const { p, q, v } = parameters;
  if (!(p > 0 && q > 0 && v > 0) || ![p, q, v].every(Number.isFinite)) {
    throw new RangeError(`Gamma-Gamma parameters must be positive numbers, got p = ${p}, q = ${q}, v = ${v}`);
  }
  const spend = new Float64Array(frequency.length);
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i];
    if (!(x >= 0) || !Number.isInteger(x)) throw new RangeError(`customer ${i} has frequency ${x}; it must be a whole number ≥ 0`);
    if (x === 0) continue;
    const scale = gammaDraw(random, q, v);
    spend[i] = gammaDraw(random, p * x, x * scale);
  }
  return spend;
}
