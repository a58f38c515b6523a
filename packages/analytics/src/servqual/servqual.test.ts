import { describe, expect, it } from "vitest";
import { SERVQUAL_DIMENSIONS, servqualGaps } from "./index.ts";

describe("SERVQUAL gaps", () => {
  it("computes item, dimension, overall and weighted gaps with the 22-item default", () => {
    // perception 5 everywhere; expectations 6 for reliability (items 5–9), 5 elsewhere
    const P = [Array(22).fill(5), Array(22).fill(5)];
    const E = [Array.from({ length: 22 }, (_, i) => (i >= 4 && i <= 8 ? 6 : 5)), Array.from({ length: 22 }, (_, i) => (i >= 4 && i <= 8 ? 7 : 5))];
    const r = servqualGaps(P, E, SERVQUAL_DIMENSIONS, { tangibles: 10, reliability: 30, responsiveness: 20, assurance: 20, empathy: 20 });
    expect(r.items[4].gap).toBeCloseTo(-1.5, 12);
    expect(r.items[0].gap).toBe(0);
    expect(r.dimensions.map((d) => d.name)).toEqual(["tangibles", "reliability", "responsiveness", "assurance", "empathy"]);
    expect(r.dimensions[1].gap).toBeCloseTo(-1.5, 12);
    expect(r.overall).toBeCloseTo(-0.3, 12);
    expect(r.weighted).toBeCloseTo(-0.45, 12);
    expect(r.dimensions[1].weight).toBeCloseTo(0.3, 12);
  });

  it("accepts a custom assignment and rejects bad input", () => {
    const r = servqualGaps([[4, 5, 3]], [[5, 5, 5]], [{ name: "a", items: [0, 1] }, { name: "b", items: [2] }]);
    expect(r.dimensions.map((d) => d.gap)).toEqual([-0.5, -2]);
    expect(r.weighted).toBeCloseTo(-1.25, 12);
    expect(() => servqualGaps([[4, 5]], [[5, 5, 5]], [{ name: "a", items: [0] }])).toThrow(/has 3 items, expected 2/);
    expect(() => servqualGaps([[4]], [[5]], [{ name: "a", items: [3] }])).toThrow(/names item 4/);
  });
});
