import { describe, expect, it } from "vitest";
import { customerPerceivedValue, relativePerformance } from "./index.ts";

describe("customer value analysis", () => {
  it("weights relative performance by importance", () => {
    const r = relativePerformance([
      { name: "quality", importance: 60, ours: 8, competitor: 6 },
      { name: "service", importance: 40, ours: 6, competitor: 6 },
    ]);
    // 0.6 · 8/6 + 0.4 · 1 = 1.2
    expect(r.index).toBeCloseTo(1.2, 12);
    expect(r.ourScore).toBeCloseTo(7.2, 12);
    expect(r.competitorScore).toBeCloseTo(6, 12);
    expect(() => relativePerformance([{ name: "x", importance: 1, ours: 1, competitor: 0 }])).toThrow(/positive competitor score/);
  });

  it("computes perceived value as benefits minus costs", () => {
    const v = customerPerceivedValue({ product: 60, service: 20 }, { monetary: 40, time: 5, energy: 3, psychological: 2 });
    expect(v).toEqual({ totalBenefit: 80, totalCost: 50, value: 30, ratio: 1.6 });
    expect(customerPerceivedValue({ product: 1 }, {}).ratio).toBeNull();
    expect(() => customerPerceivedValue({ product: -1 }, {})).toThrow(/benefit "product"/);
  });
});
