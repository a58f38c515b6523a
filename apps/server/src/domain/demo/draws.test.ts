import { seededRandom } from "@kexin/analytics";
import { describe, expect, it } from "vitest";
import { parseAnchorDate, poissonDraw, weightedPicker } from "./draws.ts";

describe("demo draws", () => {
  it("draws Poisson counts with the asked-for mean and variance, below and above the normal switch", () => {
    for (const mean of [0.7, 4, 45]) {
      const random = seededRandom(3);
      const draws = Array.from({ length: 20_000 }, () => poissonDraw(random, mean));
      const average = draws.reduce((sum, x) => sum + x, 0) / draws.length;
      const variance = draws.reduce((sum, x) => sum + (x - average) ** 2, 0) / (draws.length - 1);
      expect(average).toBeCloseTo(mean, mean < 10 ? 1 : 0);
      expect(variance / mean).toBeGreaterThan(0.93);
      expect(variance / mean).toBeLessThan(1.07);
    }
  });

  it("picks weighted items in proportion to their weights", () => {
    const pickLetter = weightedPicker(["a", "b", "c"] as const, (letter) => ({ a: 1, b: 2, c: 7 })[letter]);
    const random = seededRandom(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 50_000; i++) counts[pickLetter(random)]++;
    expect(counts.a / 50_000).toBeCloseTo(0.1, 2);
    expect(counts.c / 50_000).toBeCloseTo(0.7, 2);
  });

  it("accepts only real dates as anchors", () => {
    expect(parseAnchorDate("2024-02-29")).toBe(Date.UTC(2024, 1, 29));
    expect(() => parseAnchorDate("2025-02-29")).toThrow(/real date/);
    expect(() => parseAnchorDate("30/06/2025")).toThrow(/yyyy-mm-dd/);
  });
});
