import { describe, expect, it } from "vitest";
import { bgnbdConditionalExpectedPurchases } from "./bgnbd-predict.ts";
import { compareHoldout } from "./compare-holdout.ts";
import { customerLifetimeValue, WEEKS_PER_MONTH } from "./customer-lifetime-value.ts";
import { seededRandom } from "../core/random.ts";
import { simulateBgnbdCustomers } from "./simulate.ts";

const model = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const customer = { frequency: 2, recency: 30.43, age: 38.86 };

describe("customerLifetimeValue", () => {
  it("without discounting is expected purchases over the horizon times spend", () => {
    const value = customerLifetimeValue(model, customer, 25, { horizon: 12, discountRate: 0, periodLength: WEEKS_PER_MONTH });
    const purchases = bgnbdConditionalExpectedPurchases(model, 12 * WEEKS_PER_MONTH, 2, 30.43, 38.86);
    expect(value).toBeCloseTo(purchases * 25, 10);
  });

  it("discounts each period's purchases by (1 + d)^i (lifetimes' convention)", () => {
    const horizon = 3;
    const d = 0.05;
    let expected = 0;
    for (let i = 1; i <= horizon; i++) {
      const inPeriod =
        bgnbdConditionalExpectedPurchases(model, i * 4, 2, 30.43, 38.86) - bgnbdConditionalExpectedPurchases(model, (i - 1) * 4, 2, 30.43, 38.86);
      expected += (inPeriod * 10) / (1 + d) ** i;
    }
    expect(customerLifetimeValue(model, customer, 10, { horizon, discountRate: d, periodLength: 4 })).toBeCloseTo(expected, 12);
    expect(customerLifetimeValue(model, customer, 10, { horizon, discountRate: d, periodLength: 4 })).toBeLessThan(
      customerLifetimeValue(model, customer, 10, { horizon, discountRate: 0, periodLength: 4 }),
    );
  });

  it("rejects bad options in plain words", () => {
    expect(() => customerLifetimeValue(model, customer, 10, { horizon: 0 })).toThrow(/horizon/);
    expect(() => customerLifetimeValue(model, customer, 10, { horizon: 2.5 })).toThrow(/horizon/);
    expect(() => customerLifetimeValue(model, customer, 10, { discountRate: -1 })).toThrow(/discount rate/);
    expect(() => customerLifetimeValue(model, customer, 10, { periodLength: 0 })).toThrow(/period length/);
    expect(() => customerLifetimeValue(model, customer, -10)).toThrow(/spend/);
    expect(() => customerLifetimeValue(model, { frequency: 2, recency: 40, age: 38 }, 10)).toThrow(/recency/);
  });
});

describe("compareHoldout", () => {
  it("matches simulated holdout purchases when the model is the truth", () => {
    const truth = { r: 0.3, alpha: 4, a: 0.8, b: 2.5 };
    const sample = simulateBgnbdCustomers(truth, { customers: 20_000, age: 39, holdoutLength: 39, random: seededRandom(8) });
    const customers = Array.from(sample.frequency, (frequency, i) => ({
      frequency,
      recency: sample.recency[i],
      age: sample.age[i],
      holdoutFrequency: sample.holdoutFrequency[i],
    }));
    const comparison = compareHoldout(truth, customers, 39);
    expect(Math.abs(comparison.total.predictedTotal / comparison.total.actualTotal - 1)).toBeLessThan(0.04);
    expect(comparison.byFrequency.reduce((sum, row) => sum + row.customers, 0)).toBe(20_000);
    expect(comparison.byFrequency[7].frequency).toBe("7+");
  });

  it("shows zeros, not NaN, for empty groups, and rejects bad input", () => {
    const comparison = compareHoldout(model, [{ frequency: 0, recency: 0, age: 10, holdoutFrequency: 1 }], 10);
    expect(comparison.byFrequency[3]).toMatchObject({ customers: 0, actualMean: 0, predictedMean: 0, meanAbsoluteError: 0 });
    expect(comparison.total.meanAbsoluteError).toBeCloseTo(Math.abs(1 - comparison.total.predictedTotal), 12);
    expect(() => compareHoldout(model, [], 10)).toThrow(/at least one customer/);
    expect(() => compareHoldout(model, [{ frequency: 0, recency: 0, age: 10, holdoutFrequency: -1 }], 10)).toThrow(/holdout frequency/);
    expect(() => compareHoldout(model, [{ frequency: 0, recency: 0, age: 10, holdoutFrequency: 0 }], -1)).toThrow(/holdout length/);
  });
});
