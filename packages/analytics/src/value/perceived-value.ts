/** Total customer benefit, by source (any subset; all on one money-equivalent or points scale). */
export interface CustomerBenefits {
  product?: number;
  service?: number;
  personnel?: number;
  image?: number;
}

/** Total customer cost, by kind. */
export interface CustomerCosts {
  monetary?: number;
  time?: number;
  energy?: number;
  psychological?: number;
}

/** Customer perceived (delivered) value. */
export interface PerceivedValue {
  totalBenefit: number;
  totalCost: number;
  /** totalBenefit − totalCost. */
  value: number;
  /** totalBenefit ÷ totalCost; null when the total cost is 0. */
  ratio: number | null;
}

/**
 * Customer perceived value = total customer benefit − total customer cost, where cost counts monetary, time,
 * energy and psychological costs (Kotler's "customer delivered value").
 * Reference: Kotler & Keller, *Marketing Management* (customer-perceived value); Zeithaml (1988), J. Marketing 52(3).
 * Cost: O(1).
 * @throws RangeError when a component is negative or not finite.
 * @example customerPerceivedValue({ product: 60, service: 20 }, { monetary: 40, time: 10 }).value // 30
 */
export function customerPerceivedValue(benefits: CustomerBenefits, costs: CustomerCosts): PerceivedValue {
  const total = (parts: object, what: string) =>
    Object.entries(parts).reduce((s, [k, v]) => {
      if (v === undefined) return s;
      if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`the ${what} "${k}" must be a number ≥ 0, got ${v}`);
      return s + (v as number);
    }, 0);
  const totalBenefit = total(benefits, "benefit");
  const totalCost = total(costs, "cost");
  return { totalBenefit, totalCost, value: totalBenefit - totalCost, ratio: totalCost === 0 ? null : totalBenefit / totalCost };
}
