import { describe, expect, it } from "vitest";
import { normalDraw, seededRandom } from "../core/random.ts";
import { type IndicatorSpec, regressionWeights, weightedIndex } from "./index.ts";

const spec: IndicatorSpec = {
  dimensions: [
    { name: "product", weight: 3, items: [{ name: "quality", column: 0 }, { name: "design", column: 1 }] },
    { name: "service", weight: 1, items: [{ name: "speed", column: 2, weight: 1 }, { name: "courtesy", column: 3, weight: 3 }] },
  ],
};

describe("weighted three-level index", () => {
  it("scores a hand-computed example on 0–100", () => {
    const rows = [
      [5, 3, 1, 5],
      [4, 4, 2, 4],
    ];
    const r = weightedIndex(rows, spec, { min: 1, max: 5 });
    // items (0–100): quality 87.5, design 62.5, speed 12.5, courtesy 87.5
    expect(r.dimensions[0].items.map((i) => i.score)).toEqual([87.5, 62.5]);
    expect(r.dimensions[0].score).toBeCloseTo(75, 12);
    expect(r.dimensions[1].score).toBeCloseTo(0.25 * 12.5 + 0.75 * 87.5, 12);
    expect(r.score).toBeCloseTo(0.75 * 75 + 0.25 * 68.75, 12);
    expect(r.dimensions[1].items[1].weight).toBeCloseTo(0.75, 12);
    expect(r.weakest.map((w) => w.name)).toEqual(["speed", "design", "quality", "courtesy"]);
    expect(r.weakest[0].dimension).toBe("service");
  });

  it("re-normalises over answered items ('available') or drops respondents ('exclude'), and refuses 'zero'", () => {
    const rows = [
      [5, null, 1, 5],
      [1, 1, 1, 1],
    ];
    const available = weightedIndex(rows, spec, { min: 1, max: 5 }, "available");
    expect(available.respondents).toBe(2);
    expect(available.dimensions[0].items[1]).toMatchObject({ score: 0, answered: 1 });
    // respondent 1: product = quality only = 100; service = 0.25·0 + 0.75·100 = 75 → 0.75·100 + 0.25·75 = 93.75
    expect(available.score).toBeCloseTo((93.75 + 0) / 2, 12);
    const exclude = weightedIndex(rows, spec, { min: 1, max: 5 }, "exclude");
    expect(exclude.respondents).toBe(1);
    expect(exclude.score).toBe(0);
    expect(() => weightedIndex(rows, spec, { min: 1, max: 5 }, "zero")).toThrow(/not allowed/);
    expect(() => weightedIndex([[6, 1, 1, 1]], spec, { min: 1, max: 5 })).toThrow(/outside the 1–5 scale/);
  });

  it("derives regression weights that recover known importance", () => {
    const random = seededRandom(21);
    const rows: number[][] = [];
    for (let i = 0; i < 2000; i++) {
      const x = [0, 1, 2, 3].map(() => normalDraw(random));
      // overall depends on items with true standardised weights 0.4, 0.1, 0.2, 0.3 (and noise)
      const overall = 0.4 * x[0] + 0.1 * x[1] + 0.2 * x[2] + 0.3 * x[3] + 0.2 * normalDraw(random);
      rows.push([...x, overall]);
    }
    const weighted = regressionWeights(rows, spec, 4);
    expect(weighted.dimensions[0].weight).toBeCloseTo(0.5, 1);
    expect(weighted.dimensions[1].items[1].weight).toBeCloseTo(0.6, 1); // 0.3 of 0.5
    expect(weighted.dimensions[0].items[0].weight).toBeCloseTo(0.8, 1); // 0.4 of 0.5
    const total = weighted.dimensions.reduce((s, d) => s + d.weight!, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});
