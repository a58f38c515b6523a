/**
 * From per-customer purchase aggregates to value figures, in one pass over typed columns. Every statistic comes from
 * @kexin/analytics: RFM scores and segments (rfm 0.3.0), the BG/NBD and Gamma-Gamma fits, P(alive), expected
 * purchases and discounted CLV, and the median interval. What this file adds is bookkeeping: the summaries each model
 * takes, ranks as "top percent", the churn status and the annual value.
 */
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdProbabilityAlive,
  customerLifetimeValue,
  fitBgnbd,
  fitGammaGamma,
  gammaGammaExpectedSpend,
  quantileType7,
  scoreRfm,
  WEEKS_PER_MONTH,
  type BgnbdParameters,
  type GammaGammaParameters,
} from "@kexin/analytics";

/** Per-customer aggregates, one slot per customer; only customers with at least one purchase. */
export interface PurchaseAggregates {
  ids: string[];
  /** Purchases (transactions). */
  orders: Float64Array;
  /** Distinct days with a purchase: BG/NBD counts one transaction per day, as lifetimes does. */
  purchaseDays: Float64Array;
  /** Day numbers (days since 1970-01-01 in the business's time zone). */
  firstDay: Float64Array;
  lastDay: Float64Array;
  revenue: Float64Array;
  /** Revenue of the first purchase day (Gamma-Gamma leaves the first purchase out of the mean spend). */
  firstDayRevenue: Float64Array;
  /** Revenue of the 365 days up to the analysis day. */
  annualSpend: Float64Array;
  /** Σ (amount − cost) over purchases with a known cost; NaN when no purchase of the customer has one. */
  grossProfit: Float64Array;
}

export interface ChurnThresholds {
  atRiskIntervalMultiple: number;
  lostIntervalMultiple: number;
  atRiskAliveBelow: number;
  lostAliveBelow: number;
}

export type ChurnStatus = "active" | "at_risk" | "lost";

export interface ValueFiguresResult {
  /** Per customer, in the order of the aggregates; NaN where a figure is unknown. */
  recencyDays: Float64Array;
  rfmR: Int16Array;
  rfmF: Int16Array;
  rfmM: Int16Array;
  rfmSegment: string[];
  repeatPurchases: Float64Array;
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array;
  clvTopPercent: Float64Array;
  profitTopPercent: Float64Array;
  expectedIntervalDays: Float64Array;
  annualValue: Float64Array;
  churnStatus: (ChurnStatus | null)[];
  bgnbd: BgnbdParameters | null;
  gammaGamma: GammaGammaParameters | null;
  /** Why a model is missing, in plain words; null when both fitted. */
  note: string | null;
  /** Whether profitTopPercent ranks gross profit (some costs known) or revenue (no costs at all). */
  isProfitRankedByRevenue: boolean;
}

/** The CLV horizon: 12 months of 4.345 weeks, 1% discount a month (lifetimes' defaults). */
export const CLV_OPTIONS = { horizon: 12, discountRate: 0.01, periodLength: WEEKS_PER_MONTH } as const;
/** Expected purchases are counted over the next year, in weeks. */
export const EXPECTED_PURCHASES_WEEKS = 52;

/**
 * "Top percent" of each value: the rank from the top (ties share the better rank) over the customers with a value,
 * as a percentage of them: the best of 200 is 0.5, the last 100. NaN values stay NaN. Cost: O(n log n).
 */
export function topPercent(values: Float64Array): Float64Array {
  const result = new Float64Array(values.length).fill(Number.NaN);
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) order.push(i);
  order.sort((i, j) => values[j] - values[i]);
  let rank = 0;
  for (let k = 0; k < order.length; k++) {
    if (k === 0 || values[order[k]] !== values[order[k - 1]]) rank = k + 1;
    result[order[k]] = (rank / order.length) * 100;
  }
  return result;
}

/**
 * Value figures of every buyer on `analysisDay`. Models are fitted on the organisation's own customers; when a fit
 * fails (too few customers or repeat buyers to identify it) its figures are NaN and `note` says why.
 * Cost: O(n log n) for the RFM bins and ranks, plus about 40 BG/NBD likelihood passes and 13 series evaluations per
 * customer for CLV and expected purchases.
 */
export function computeValueFigures(data: PurchaseAggregates, analysisDay: number, thresholds: ChurnThresholds): ValueFiguresResult {
  const n = data.ids.length;
  const nan = () => new Float64Array(n).fill(Number.NaN);
  const result: ValueFiguresResult = {
    recencyDays: new Float64Array(n),
    rfmR: new Int16Array(n),
    rfmF: new Int16Array(n),
    rfmM: new Int16Array(n),
    rfmSegment: new Array<string>(n),
    repeatPurchases: new Float64Array(n),
    pAlive: nan(),
    expectedPurchases: nan(),
    clv: nan(),
    clvTopPercent: nan(),
    profitTopPercent: nan(),
    expectedIntervalDays: nan(),
    annualValue: nan(),
    churnStatus: new Array<ChurnStatus | null>(n).fill(null),
    bgnbd: null,
    gammaGamma: null,
    note: null,
    isProfitRankedByRevenue: false,
  };
  if (n === 0) return { ...result, note: "no customer has bought anything yet" };
  const notes: string[] = [];

  // RFM as R's rfm: recency in days, frequency = orders, monetary = revenue.
  const rfm = scoreRfm(
    data.ids.map((id, i) => ({ id, recencyDays: analysisDay - data.lastDay[i], frequency: data.orders[i], monetary: data.revenue[i] })),
  );
  for (let i = 0; i < n; i++) {
    const scored = rfm.customers[i];
    result.recencyDays[i] = scored.recencyDays;
    result.rfmR[i] = scored.r;
    result.rfmF[i] = scored.f;
    result.rfmM[i] = scored.m;
    result.rfmSegment[i] = scored.segment;
  }

  // Buy-till-you-die summaries in weeks: x repeat purchase days, t_x first → last, T first → analysis day.
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  const averageSpend = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    frequency[i] = data.purchaseDays[i] - 1;
    recency[i] = frequency[i] > 0 ? (data.lastDay[i] - data.firstDay[i]) / 7 : 0;
    age[i] = (analysisDay - data.firstDay[i]) / 7;
    // Refunds can make a mean negative; the spend model only takes positive means (zero ones are left out).
    averageSpend[i] = frequency[i] > 0 ? Math.max(0, (data.revenue[i] - data.firstDayRevenue[i]) / frequency[i]) : 0;
    result.repeatPurchases[i] = frequency[i];
  }
  try {
    const fit = fitBgnbd({ frequency, recency, age });
    result.bgnbd = { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b };
  } catch (error) {
    notes.push(`BG/NBD could not be fitted: ${(error as Error).message}`);
  }
  try {
    const fit = fitGammaGamma({ frequency, averageSpend }, { zeroSpend: "exclude" });
    if (fit.q <= 1) throw new RangeError("the fitted spend distribution has no finite mean (q ≤ 1)");
    result.gammaGamma = { p: fit.p, q: fit.q, v: fit.v };
  } catch (error) {
    notes.push(`Gamma-Gamma could not be fitted: ${(error as Error).message}`);
  }
  if (result.bgnbd && !canPredict(result.bgnbd, frequency, age)) {
    notes.push(
      `the BG/NBD fit is degenerate (a = ${result.bgnbd.a.toPrecision(3)}, b = ${result.bgnbd.b.toPrecision(3)}): ` +
        "its predictions cannot be evaluated, so P(alive) and CLV are left out",
    );
    result.bgnbd = null;
  }
  const { bgnbd, gammaGamma } = result;
  let failures = 0;
  if (bgnbd) {
    for (let i = 0; i < n; i++) {
      try {
        result.pAlive[i] = bgnbdProbabilityAlive(bgnbd, frequency[i], recency[i], age[i]);
        result.expectedPurchases[i] = bgnbdConditionalExpectedPurchases(bgnbd, EXPECTED_PURCHASES_WEEKS, frequency[i], recency[i], age[i]);
        if (gammaGamma) {
          const spend = gammaGammaExpectedSpend(gammaGamma, frequency[i], averageSpend[i]);
          result.clv[i] = customerLifetimeValue(bgnbd, { frequency: frequency[i], recency: recency[i], age: age[i] }, spend, CLV_OPTIONS);
        }
      } catch {
        // One customer whose prediction cannot be evaluated must not stop the other 199,999: left unknown, counted.
        failures++;
        result.expectedPurchases[i] = Number.NaN;
        result.clv[i] = Number.NaN;
      }
    }
  }
  if (failures > 0) notes.push(`CLV could not be evaluated for ${failures} customers`);
  result.clvTopPercent = topPercent(result.clv);
  let hasAnyCost = false;
  for (let i = 0; i < n && !hasAnyCost; i++) hasAnyCost = !Number.isNaN(data.grossProfit[i]);
  result.isProfitRankedByRevenue = !hasAnyCost;
  result.profitTopPercent = topPercent(hasAnyCost ? data.grossProfit : data.revenue);

  // Expected interval between purchases: the customer's own mean gap, or the organisation's median gap for one-time buyers.
  const ownIntervals: number[] = [];
  for (let i = 0; i < n; i++) {
    if (frequency[i] > 0) {
      result.expectedIntervalDays[i] = (data.lastDay[i] - data.firstDay[i]) / frequency[i];
      ownIntervals.push(result.expectedIntervalDays[i]);
    }
  }
  const medianInterval = ownIntervals.length > 0 ? quantileType7(ownIntervals, 0.5) : Number.NaN;
  if (ownIntervals.length === 0) notes.push("no repeat buyer yet: churn is judged by P(alive) only");
  for (let i = 0; i < n; i++) {
    if (frequency[i] === 0) result.expectedIntervalDays[i] = medianInterval;
    const interval = result.expectedIntervalDays[i];
    const span = data.lastDay[i] - data.firstDay[i] + (Number.isNaN(interval) ? 0 : interval);
    result.annualValue[i] = (data.revenue[i] * 365) / Math.max(365, span);
    result.churnStatus[i] = churnStatus(result.recencyDays[i], interval, result.pAlive[i], thresholds);
  }
  result.note = notes.length > 0 ? notes.join("; ") : null;
  return result;
}

/**
 * Whether the fitted model's predictions can be evaluated: a fit that runs off to the edge of the parameter space
 * (a, b → ∞) makes the hypergeometric series behind expected purchases diverge, one million terms per customer
 * before it gives up. One probe at the most demanding history (most repeat purchases, oldest customer) finds out.
 */
function canPredict(parameters: BgnbdParameters, frequency: Float64Array, age: Float64Array): boolean {
  let maxFrequency = 0;
  let maxAge = 0;
  for (let i = 0; i < frequency.length; i++) {
    maxFrequency = Math.max(maxFrequency, frequency[i]);
    maxAge = Math.max(maxAge, age[i]);
  }
  try {
    for (const x of [0, maxFrequency]) {
      const value = bgnbdConditionalExpectedPurchases(parameters, EXPECTED_PURCHASES_WEEKS, x, 0, maxAge);
      if (!Number.isFinite(value)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Lost: no purchase for longer than `lostIntervalMultiple` × the expected interval, or P(alive) below
 * `lostAliveBelow`; at risk: the same with the at-risk thresholds; otherwise active. Unknown figures (NaN) count as
 * not past their threshold.
 */
export function churnStatus(recencyDays: number, intervalDays: number, pAlive: number, thresholds: ChurnThresholds): ChurnStatus {
  const isOverdue = (multiple: number) => intervalDays > 0 && recencyDays > multiple * intervalDays;
  if (isOverdue(thresholds.lostIntervalMultiple) || pAlive < thresholds.lostAliveBelow) return "lost";
  if (isOverdue(thresholds.atRiskIntervalMultiple) || pAlive < thresholds.atRiskAliveBelow) return "at_risk";
  return "active";
}
