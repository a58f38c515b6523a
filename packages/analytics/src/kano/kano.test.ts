import { describe, expect, it } from "vitest";
import { seededRandom } from "../core/random.ts";
import { classifyKanoAnswer, classifyKanoFeature, fongTest, kanoFromCounts } from "./index.ts";

describe("Kano evaluation table (Berger et al. 1993)", () => {
  it("classifies all 25 answer pairs", () => {
    const expected = [
      "Q A A A O",
      "R I I I M",
      "R I I I M",
      "R I I I M",
      "R R R R Q",
    ].map((row) => row.split(" "));
    for (let f = 1; f <= 5; f++) {
      for (let d = 1; d <= 5; d++) expect(classifyKanoAnswer(f, d), `functional ${f}, dysfunctional ${d}`).toBe(expected[f - 1][d - 1]);
    }
  });

  it("rejects answers outside 1–5", () => {
    expect(() => classifyKanoAnswer(0, 3)).toThrow(/functional Kano answer must be a whole number from 1 to 5, got 0/);
    expect(() => classifyKanoAnswer(2, 6)).toThrow(/dysfunctional/);
    expect(() => classifyKanoFeature([1, 1], [5, 7])).toThrow(/answer pair 2/);
  });
});

describe("Kano feature classification", () => {
  it("computes counts, better/worse, strengths and the label", () => {
    // 3 × O (1,5), 2 × A (1,3), 1 × M (3,5), 1 × I (3,3), 1 × Q (1,1)
    const r = classifyKanoFeature([1, 1, 1, 1, 1, 3, 3, 1], [5, 5, 5, 3, 3, 5, 3, 1]);
    expect(r.counts).toEqual({ A: 2, O: 3, M: 1, I: 1, R: 0, Q: 1 });
    expect(r.category).toBe("O");
    expect(r.categoryName).toBe("performance");
    expect(r.categoryLabel).toBe("绩效");
    expect(r.better).toBeCloseTo(5 / 7, 12);
    expect(r.worse).toBeCloseTo(-4 / 7, 12);
    expect(r.strength.total).toBeCloseTo(6 / 8, 12);
    expect(r.strength.category).toBeCloseTo(1 / 8, 12);
    expect(r.significance.runnerUp).toBe("A");
  });

  it("breaks ties M > O > A > I, and R or Q only win when strictly most frequent", () => {
    expect(kanoFromCounts({ A: 5, O: 5, M: 5, I: 5, R: 5, Q: 5 }).category).toBe("M");
    expect(kanoFromCounts({ A: 5, O: 5, M: 1, I: 5, R: 0, Q: 0 }).category).toBe("O");
    expect(kanoFromCounts({ A: 5, O: 1, M: 1, I: 5, R: 0, Q: 0 }).category).toBe("A");
    expect(kanoFromCounts({ A: 1, O: 1, M: 1, I: 5, R: 5, Q: 5 }).category).toBe("I");
    expect(kanoFromCounts({ A: 1, O: 1, M: 1, I: 2, R: 6, Q: 0 }).category).toBe("R");
    const q = kanoFromCounts({ A: 0, O: 0, M: 0, I: 0, R: 0, Q: 3 });
    expect(q.category).toBe("Q");
    expect(q.better).toBeNull();
    expect(q.worse).toBeNull();
  });

  it("applies Fong's test", () => {
    // 1.65·√(60·140/200) = 10.693…
    expect(fongTest(40, 20, 100).criticalValue).toBeCloseTo(1.65 * Math.sqrt((60 * 140) / 200), 12);
    expect(fongTest(40, 20, 100).isSignificant).toBe(true);
    expect(fongTest(30, 25, 100).isSignificant).toBe(false);
    expect(() => fongTest(60, 50, 100)).toThrow(/a \+ b ≤ n/);
  });

  it("recovers a known must-be feature from simulated answers", () => {
    const random = seededRandom(3);
    const functional: number[] = [];
    const dysfunctional: number[] = [];
    for (let i = 0; i < 300; i++) {
      const u = random();
      if (u < 0.55) { functional.push(2 + Math.floor(random() * 3)); dysfunctional.push(5); } // M
      else if (u < 0.75) { functional.push(1); dysfunctional.push(5); } // O
      else if (u < 0.9) { functional.push(3); dysfunctional.push(3); } // I
      else { functional.push(1); dysfunctional.push(2 + Math.floor(random() * 3)); } // A
    }
    const r = classifyKanoFeature(functional, dysfunctional);
    expect(r.category).toBe("M");
    expect(r.significance.isSignificant).toBe(true);
    expect(r.counts.M / r.n).toBeGreaterThan(0.48);
    expect(r.counts.M / r.n).toBeLessThan(0.62);
  });
});
