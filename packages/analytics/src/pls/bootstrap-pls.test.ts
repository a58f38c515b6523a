import { describe, expect, it } from "vitest";
import { seededRandom } from "../core/random.ts";
import { bootstrapPls, drawPlsBootstrap, resampleSeed, summarisePlsBootstrap } from "./bootstrap-pls.ts";
import { compilePlsModel } from "./compile-model.ts";
import { estimatePlsPrepared } from "./estimate-pls.ts";
import { prepareIndicators } from "./prepare-indicators.ts";
import { simulatePlsData } from "./simulate-pls-data.ts";
import type { PlsModel } from "./types.ts";

const model: PlsModel = {
  constructs: [
    { name: "Quality", indicators: ["q1", "q2", "q3"] },
    { name: "Satisfaction", indicators: ["s1", "s2", "s3"] },
    { name: "Loyalty", indicators: ["l1"] },
  ],
  paths: [
    ["Quality", "Satisfaction"],
    ["Satisfaction", "Loyalty"],
    ["Quality", "Loyalty"],
  ],
};
const data = simulatePlsData({ model, pathCoefficients: [0.6, 0.4, 0.1], rows: 300, random: seededRandom(7) });

describe("bootstrapPls", () => {
  it("gives identical results for the same seed and different ones for another seed", () => {
    const first = bootstrapPls(data, model, { resamples: 200, seed: 11 });
    const again = bootstrapPls(data, model, { resamples: 200, seed: 11 });
    const other = bootstrapPls(data, model, { resamples: 200, seed: 12 });
    expect(again).toEqual(first);
    expect(other.paths[0].se).not.toBe(first.paths[0].se);
  });

  it("gives the same draws however the resamples are split (as across workers)", () => {
    const compiled = compilePlsModel(model);
    const prepared = prepareIndicators(data, compiled.indicators);
    const estimate = estimatePlsPrepared(prepared, compiled, { includeScores: false });
    const whole = summarisePlsBootstrap(estimate, compiled, [drawPlsBootstrap(prepared, compiled, {}, 5, 0, 90)]);
    const slices = [
      drawPlsBootstrap(prepared, compiled, {}, 5, 60, 30),
      drawPlsBootstrap(prepared, compiled, {}, 5, 0, 25),
      drawPlsBootstrap(prepared, compiled, {}, 5, 25, 35),
    ];
    expect(summarisePlsBootstrap(estimate, compiled, slices)).toEqual(whole);
  });

  it("reports sensible standard errors, t values and intervals", () => {
    const result = bootstrapPls(data, model, { resamples: 500, seed: 3 });
    const strong = result.paths[0];
    // Large-sample se of a correlation-sized coefficient: (1 − r²)/√n ≈ 0.04 here.
    expect(strong.se).toBeGreaterThan(0.02);
    expect(strong.se).toBeLessThan(0.08);
    expect(strong.t).toBeCloseTo(strong.estimate / strong.se, 12);
    expect(strong.ci[0]).toBeLessThan(strong.estimate);
    expect(strong.ci[1]).toBeGreaterThan(strong.estimate);
    const single = result.loadings.find((l) => l.indicator === "l1")!;
    expect(single).toMatchObject({ estimate: 1, se: 0, t: null, ci: [1, 1] });
    expect(result.failedResamples).toBe(0);
    expect(result.weights).toHaveLength(7);
  });

  it("spreads resample seeds and rejects a bad plan", () => {
    expect(new Set(Array.from({ length: 1000 }, (_, k) => resampleSeed(1, k))).size).toBe(1000);
    expect(() => bootstrapPls(data, model, { resamples: 1, seed: 1 })).toThrow(/at least 2/);
    expect(() => bootstrapPls(data, model, { resamples: 10, seed: 1.5 })).toThrow(/seed must be a whole number/);
  });
});
