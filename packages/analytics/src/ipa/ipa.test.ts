import { describe, expect, it } from "vitest";
import { importancePerformance } from "./index.ts";

const attributes = [
  { name: "speed", importance: 4.6, performance: 2.8 },
  { name: "price", importance: 4.4, performance: 4.1 },
  { name: "décor", importance: 2.5, performance: 4.3 },
  { name: "music", importance: 2.1, performance: 2.5 },
];

describe("importance–performance analysis", () => {
  it("places attributes with mean cross-hairs", () => {
    const r = importancePerformance(attributes);
    expect(r.importanceCut).toBeCloseTo(3.4, 12);
    expect(r.performanceCut).toBeCloseTo(3.425, 12);
    expect(r.attributes.map((a) => a.quadrant)).toEqual(["concentrate here", "keep up the good work", "possible overkill", "low priority"]);
  });

  it("places attributes with scale-midpoint cross-hairs (ties count as high)", () => {
    const r = importancePerformance([{ name: "x", importance: 3, performance: 2.9 }], { kind: "midpoint", min: 1, max: 5 });
    expect(r.importanceCut).toBe(3);
    expect(r.attributes[0].quadrant).toBe("concentrate here");
    expect(() => importancePerformance([])).toThrow(/at least one attribute/);
  });
});
