import { describe, expect, it } from "vitest";
import { compilePlsModel } from "./compile-model.ts";
import { estimatePls } from "./estimate-pls.ts";
import { PlsInputError, type PlsModel } from "./types.ts";

const buildModel = (overrides: Partial<PlsModel> = {}): PlsModel => ({
  constructs: [
    { name: "Quality", indicators: ["q1", "q2"] },
    { name: "Satisfaction", indicators: ["s1", "s2"] },
    { name: "Loyalty", indicators: ["l1"] },
  ],
  paths: [
    ["Quality", "Satisfaction"],
    ["Satisfaction", "Loyalty"],
  ],
  ...overrides,
});

const buildData = (overrides: Record<string, number[]> = {}) => ({
  q1: [1, 2, 3, 4, 5, 4],
  q2: [2, 2, 3, 5, 5, 3],
  s1: [1, 3, 3, 4, 4, 5],
  s2: [2, 3, 2, 4, 5, 5],
  l1: [1, 2, 4, 4, 5, 5],
  ...overrides,
});

describe("compilePlsModel", () => {
  it("numbers constructs, blocks and paths in causal order", () => {
    const model = compilePlsModel(buildModel({ paths: [["Satisfaction", "Loyalty"], ["Quality", "Satisfaction"]] }));
    expect(model.indicators).toEqual(["q1", "q2", "s1", "s2", "l1"]);
    expect(model.blocks).toEqual([[0, 1], [2, 3], [4]]);
    expect(model.topologicalOrder).toEqual([0, 1, 2]);
    expect(model.predecessors[1]).toEqual([0]);
  });

  it("names the cycle when the model is not acyclic", () => {
    const model = buildModel({ paths: [["Quality", "Satisfaction"], ["Satisfaction", "Loyalty"], ["Loyalty", "Quality"]] });
    expect(() => compilePlsModel(model)).toThrow(/cycle Quality → Satisfaction → Loyalty → Quality/);
    expect(() => compilePlsModel(model)).toThrow(PlsInputError);
  });

  it("rejects unknown indicators, duplicate names, isolated constructs and unknown path ends", () => {
    expect(() => compilePlsModel(buildModel(), ["q1", "q2", "s1", "s2"])).toThrow(/indicator l1 of construct Loyalty is not a column of the data/);
    expect(() =>
      compilePlsModel(buildModel({ constructs: [...buildModel().constructs, { name: "Quality", indicators: ["x"] }] })),
    ).toThrow(/construct Quality is defined twice/);
    expect(() => compilePlsModel(buildModel({ paths: [["Quality", "Satisfaction"]] }))).toThrow(/construct Loyalty has no paths/);
    expect(() => compilePlsModel(buildModel({ paths: [["Quality", "Trust"]] }))).toThrow(/names Trust, which is not a construct/);
    expect(() =>
      compilePlsModel(buildModel({ constructs: [{ name: "Quality", indicators: ["q1"] }, { name: "Satisfaction", indicators: ["q1"] }] })),
    ).toThrow(/q1 is used by both Quality and Satisfaction/);
    expect(() => compilePlsModel(buildModel({ constructs: [{ name: "Quality", indicators: [], mode: "A" }] }))).toThrow(
      /Quality has no indicators/,
    );
  });
});

describe("estimatePls input errors", () => {
  it("says which indicator is constant", () => {
    expect(() => estimatePls(buildData({ s2: [3, 3, 3, 3, 3, 3] }), buildModel())).toThrow(
      "indicator s2 is constant: it has no variance",
    );
  });

  it("says which column is missing from the data", () => {
    const { l1: _dropped, ...data } = buildData();
    expect(() => estimatePls(data, buildModel())).toThrow(/indicator l1 of construct Loyalty is not a column of the data/);
  });

  it("says when an indicator has no answers at all", () => {
    expect(() => estimatePls(buildData({ l1: [-99, -99, -99, -99, -99, -99] }), buildModel(), { missingCode: -99 })).toThrow(
      "indicator l1 has no values: every case is missing",
    );
  });

  it("treats NaN and the missing code as missing, with either strategy", () => {
    const data = buildData({ q1: [1, Number.NaN, 3, 4, 5, 4], s1: [1, 3, -99, 4, 4, 5] });
    const mean = estimatePls(data, buildModel(), { missingCode: -99 });
    expect(mean.cases).toEqual({ total: 6, used: 6, valuesReplaced: 2 });
    expect(mean.indicatorMeans.q1).toBeCloseTo(17 / 5, 12);
    const casewise = estimatePls(data, buildModel(), { missingCode: -99, missingStrategy: "casewise" });
    expect(casewise.cases).toEqual({ total: 6, used: 4, valuesReplaced: 0 });
  });

  it("reports non-convergence instead of failing", () => {
    const result = estimatePls(buildData(), buildModel(), { maxIterations: 1, tolerance: 1e-300 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
  });
});
