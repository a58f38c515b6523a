import type { RfmCustomerInput } from "./score-rfm.ts";

/** Streaming per-customer aggregation of orders for RFM. */
export interface RfmAccumulator {
  /** Adds one order: the customer, the order day (days since 1970-01-01, see isoDay) and its revenue. */
  add(customerId: string, orderDay: number, amount: number): void;
  /** Number of orders added so far. */
  readonly orderCount: number;
  /** Number of distinct customers so far. */
  readonly customerCount: number;
  /**
   * Per-customer recency (analysis day − last order day), frequency (number of orders) and monetary (sum of
   * revenue), sorted by customer id (code-point order).
   */
  customers(): RfmCustomerInput[];
}

/**
 * A streaming RFM accumulator: feed orders one at a time; memory grows with the number of customers, not orders
 * (a Map from id to a slot in growable typed arrays), so ten million orders aggregate in flat memory.
 * Matches rfm 0.3.0's summary: most recent date = max(order date), amount = sum(revenue), count = n().
 * Cost: O(1) amortised per order; customers() is O(c log c).
 * @throws RangeError from add() on a non-finite day or amount.
 * @example const acc = createRfmAccumulator(isoDay("2006-12-31")!); acc.add("a", isoDay("2006-12-01")!, 20);
 */
export function createRfmAccumulator(analysisDay: number): RfmAccumulator {
  if (!Number.isFinite(analysisDay)) throw new RangeError(`the analysis day must be a finite number, got ${analysisDay}`);
  const slots = new Map<string, number>();
  let capacity = 1024;
  let lastDay = new Float64Array(capacity);
  let amount = new Float64Array(capacity);
  let count = new Float64Array(capacity);
  let orders = 0;
  const grow = () => {
    capacity *= 2;
    const next = (old: Float64Array) => {
      const a = new Float64Array(capacity);
      a.set(old);
      return a;
    };
    lastDay = next(lastDay);
    amount = next(amount);
    count = next(count);
  };
  return {
    add(customerId, orderDay, revenue) {
      if (!Number.isFinite(orderDay)) throw new RangeError(`order ${orders + 1} has no valid date`);
      if (!Number.isFinite(revenue)) throw new RangeError(`order ${orders + 1} has a non-numeric amount: ${revenue}`);
      orders++;
      let slot = slots.get(customerId);
      if (slot === undefined) {
        slot = slots.size;
        if (slot >= capacity) grow();
        // Store a flat copy of the id: an id sliced out of a large text chunk would otherwise keep the whole chunk
        // alive for as long as the Map lives, and memory would grow with the input instead of the customers.
        slots.set((" " + customerId).slice(1), slot);
        lastDay[slot] = orderDay;
        amount[slot] = revenue;
        count[slot] = 1;
        return;
      }
      if (orderDay > lastDay[slot]) lastDay[slot] = orderDay;
      amount[slot] += revenue;
      count[slot]++;
    },
    get orderCount() {
      return orders;
    },
    get customerCount() {
      return slots.size;
    },
    customers() {
      const ids = [...slots.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return ids.map((id) => {
        const slot = slots.get(id)!;
        return { id, recencyDays: analysisDay - lastDay[slot], frequency: count[slot], monetary: amount[slot] };
      });
    },
  };
}
