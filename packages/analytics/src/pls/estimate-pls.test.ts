import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { constructIndex, constructIndexes } from "./construct-index.ts";
import { estimatePls } from "./estimate-pls.ts";
import { importancePerformanceMap } from "./importance-performance.ts";
import type { PlsModel } from "./types.ts";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const sharedDataFolder = resolve(repositoryRoot, "../shared/data");

/** Absolute path of a reference file, and whether it is there. */
function referenceFile(relative: string): { path: string; exists: boolean } {
  const path = resolve(sharedDataFolder, relative);
  const exists = existsSync(path);
  if (!exists) console.warn(`skipping tests on ${relative}: reference data not found at ${path}`);
  return { path, exists };
}

/** A numeric CSV (header row, comma-separated) as one Float64Array per column. */
function readNumericCsv(path: string): Record<string, Float64Array> {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  const columns = header.map(() => new Float64Array(lines.length - 1));
  lines.slice(1).forEach((line, r) => line.split(",").forEach((cell, c) => (columns[c][r] = Number(cell))));
  return Object.fromEntries(header.map((name, c) => [name, columns[c]]));
}

const range = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/** The ECSI model on the mobi data (Tenenhaus et al. 2005), as in the README. */
const mobiModel: PlsModel = {
  constructs: [
    { name: "Image", indicators: range("IMAG", 5), mode: "A" },
    { name: "Expectation", indicators: range("CUEX", 3), mode: "A" },
    { name: "Quality", indicators: range("PERQ", 7), mode: "A" },
    { name: "Value", indicators: range("PERV", 2), mode: "A" },
    { name: "Satisfaction", indicators: range("CUSA", 3), mode: "A" },
    { name: "Complaints", indicators: ["CUSCO"], mode: "A" },
    { name: "Loyalty", indicators: range("CUSL", 3), mode: "A" },
  ],
  paths: [
    ["Image", "Expectation"],
    ["Image", "Satisfaction"],
    ["Image", "Loyalty"],
    ["Expectation", "Quality"],
    ["Expectation", "Value"],
    ["Expectation", "Satisfaction"],
    ["Quality", "Value"],
    ["Quality", "Satisfaction"],
    ["Value", "Satisfaction"],
    ["Satisfaction", "Complaints"],
    ["Satisfaction", "Loyalty"],
    ["Complaints", "Loyalty"],
  ],
};

/** seminr's smaller test model on the same data. */
const seminrModel: PlsModel = {
  constructs: [
    { name: "Image", indicators: range("IMAG", 5) },
    { name: "Expectation", indicators: range("CUEX", 3) },
    { name: "Value", indicators: range("PERV", 2) },
    { name: "Satisfaction", indicators: range("CUSA", 3) },
  ],
  paths: [
    ["Image", "Satisfaction"],
    ["Expectation", "Satisfaction"],
    ["Value", "Satisfaction"],
  ],
};

const mobi = referenceFile("ecsi-mobi/mobi.csv");
const corporateReputation = referenceFile("corporate-reputation/corp_rep.csv");

// SmartPLS 2.0 results shipped in semPLS tests/SmartPLS/results/ecsi (see shared/data/README.md), in model path order.
const publishedPaths = {
  centroid: [0.50470564, 0.17883348, 0.19535971, 0.55724786, 0.05078755, 0.06442534, 0.55721686, 0.51254524, 0.19181566, 0.52609731, 0.48347472, 0.07123241],
  factorial: [0.50494314, 0.17859267, 0.19581962, 0.55675903, 0.0501781, 0.06494365, 0.55776245, 0.5129747, 0.19144526, 0.52585655, 0.48305917, 0.07031057],
  path: [0.50491393, 0.1787395, 0.19575534, 0.55674896, 0.04998839, 0.06252287, 0.55830438, 0.51202394, 0.1947651, 0.52806625, 0.48547762, 0.06692607],
} as const;

const publishedLoadings = [
  0.74520807, 0.59920038, 0.57635896, 0.76876167, 0.74445242, 0.77076718, 0.69124548, 0.60781262, 0.80317813, 0.63814644,
  0.78374692, 0.76947974, 0.75472136, 0.77464331, 0.77986483, 0.9022112, 0.93962478, 0.79241243, 0.84702146, 0.85669268, 1,
  0.8204132, 0.20202172, 0.91543628,
];
const publishedWeights = [
  0.30131215, 0.25969115, 0.21792305, 0.32850357, 0.32468141, 0.52118068, 0.47367966, 0.44563424, 0.21317504, 0.14472169,
  0.20001771, 0.17939947, 0.17863569, 0.17912074, 0.21548153, 0.47928245, 0.60405602, 0.36486486, 0.38315604, 0.4509612, 1,
  0.46066473, 0.11426953, 0.65431059,
];

function inModelOrder(byConstruct: Record<string, Record<string, number>>): number[] {
  return mobiModel.constructs.flatMap((c) => c.indicators.map((indicator) => byConstruct[c.name][indicator]));
}

function expectClose(actual: readonly number[], expected: readonly number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    if (Math.abs(value - expected[i]) > tolerance) {
      throw new Error(`value ${i}: got ${value}, expected ${expected[i]} (tolerance ${tolerance})`);
    }
  });
}

describe.skipIf(!mobi.exists)("estimatePls on the ECSI mobile-phone data (SmartPLS 2 / semPLS values)", () => {
  const data = mobi.exists ? readNumericCsv(mobi.path) : {};

  for (const scheme of ["centroid", "factorial", "path"] as const) {
    it(`reproduces the published path coefficients under the ${scheme} scheme to 1e-6`, () => {
      const result = estimatePls(data, mobiModel, { scheme });
      expect(result.converged).toBe(true);
      expectClose(result.paths.map((p) => p.estimate), publishedPaths[scheme], 1e-6);
    });
  }

  it("reproduces the published loadings and outer weights (path weighting) to 1e-6", () => {
    const result = estimatePls(data, mobiModel);
    expectClose(inModelOrder(result.loadings), publishedLoadings, 1e-6);
    expectClose(inModelOrder(result.outerWeights), publishedWeights, 1e-6);
  });

  it("gives standardised latent scores whose regression reproduces the paths", () => {
    const result = estimatePls(data, mobiModel);
    const expectation = result.scores?.Expectation as Float64Array;
    const image = result.scores?.Image as Float64Array;
    let ss = 0;
    let cross = 0;
    for (let i = 0; i < image.length; i++) {
      ss += image[i] * image[i];
      cross += image[i] * expectation[i];
    }
    expect(ss / (image.length - 1)).toBeCloseTo(1, 10);
    expect(cross / ss).toBeCloseTo(publishedPaths.path[0], 6);
    expect(result.cases).toEqual({ total: 250, used: 250, valuesReplaced: 0 });
  });

  it("decomposes total effects into direct and indirect", () => {
    const result = estimatePls(data, mobiModel);
    const imageToSatisfaction = result.effects.find((e) => e.from === "Image" && e.to === "Satisfaction");
    const b = Object.fromEntries(result.paths.map((p) => [`${p.from}>${p.to}`, p.estimate]));
    const viaExpectation =
      b["Image>Expectation"] *
      (b["Expectation>Satisfaction"] +
        b["Expectation>Value"] * b["Value>Satisfaction"] +
        b["Expectation>Quality"] * (b["Quality>Satisfaction"] + b["Quality>Value"] * b["Value>Satisfaction"]));
    expect(imageToSatisfaction?.direct).toBeCloseTo(b["Image>Satisfaction"], 12);
    expect(imageToSatisfaction?.indirect).toBeCloseTo(viaExpectation, 12);
    expect(result.effects.some((e) => e.from === "Loyalty")).toBe(false);
  });

  it("computes the ACSI-style index and an importance–performance map", () => {
    const result = estimatePls(data, mobiModel);
    const scale = { scaleMin: 1, scaleMax: 10 };
    const w = result.outerWeights.Value;
    const expected =
      (100 * (w.PERV1 * ((result.indicatorMeans.PERV1 - 1) / 9) + w.PERV2 * ((result.indicatorMeans.PERV2 - 1) / 9))) /
      (w.PERV1 + w.PERV2);
    expect(constructIndex(result, "Value", scale)).toBeCloseTo(expected, 12);
    const indexes = constructIndexes(result, scale);
    for (const value of Object.values(indexes)) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(100);
    }
    const map = importancePerformanceMap(result, "Loyalty", scale);
    expect(map.constructs.map((c) => c.name).sort()).toEqual(
      ["Complaints", "Expectation", "Image", "Quality", "Satisfaction", "Value"],
    );
    const satisfaction = map.constructs.find((c) => c.name === "Satisfaction");
    expect(satisfaction?.importance).toBeCloseTo(publishedPaths.path[10] + publishedPaths.path[9] * publishedPaths.path[11], 5);
  });
});

describe.skipIf(!mobi.exists)("estimatePls on seminr's smaller mobi model (seminr fixtures, 1e-5)", () => {
  const data = mobi.exists ? readNumericCsv(mobi.path) : {};
  const result = mobi.exists ? estimatePls(data, seminrModel) : undefined;

  it("reproduces paths, R² and adjusted R²", () => {
    expectClose(result!.paths.map((p) => p.estimate), [0.447003896753383, 0.171830104491586, 0.316425319256027], 1e-5);
    expect(result!.rSquared.Satisfaction).toBeCloseTo(0.590603320426892, 5);
    expect(result!.rSquaredAdjusted.Satisfaction).toBeCloseTo(0.585610677993074, 5);
    expect(Object.keys(result!.rSquared)).toEqual(["Satisfaction"]);
  });

  it("reproduces α, ρC, AVE and ρA", () => {
    const published = {
      Image: [0.722834595, 0.818325774, 0.477979835, 0.745291554],
      Expectation: [0.451902556, 0.733177802, 0.480507047, 0.461657987],
      Value: [0.823631979, 0.917897282, 0.848310675, 0.857527048],
      Satisfaction: [0.779195022, 0.871457928, 0.693363991, 0.784023594],
    };
    for (const [construct, values] of Object.entries(published)) {
      const r = result!.reliability[construct];
      expectClose([r.alpha, r.rhoC, r.ave, r.rhoA], values, 1e-5);
    }
  });

  it("gives a symmetric HTMT matrix and f² consistent with R²", () => {
    expect(result!.htmt.Image.Value).toBeCloseTo(result!.htmt.Value.Image as number, 12);
    expect(result!.htmt.Image.Image).toBeUndefined();
    for (const path of result!.paths) expect(path.fSquared).toBeGreaterThan(0);
  });
});

describe.skipIf(!corporateReputation.exists)("estimatePls on the corporate reputation data (−99 = missing)", () => {
  const data = corporateReputation.exists ? readNumericCsv(corporateReputation.path) : {};
  const model = {
    constructs: [
      { name: "QUAL", indicators: ["qual_1", "qual_2", "qual_3", "qual_4", "qual_5", "qual_6", "qual_7", "qual_8"], mode: "B" as const },
      { name: "PERF", indicators: ["perf_1", "perf_2", "perf_3", "perf_4", "perf_5"], mode: "B" as const },
      { name: "CSOR", indicators: ["csor_1", "csor_2", "csor_3", "csor_4", "csor_5"], mode: "B" as const },
      { name: "ATTR", indicators: ["attr_1", "attr_2", "attr_3"], mode: "B" as const },
      { name: "COMP", indicators: ["comp_1", "comp_2", "comp_3"] },
      { name: "LIKE", indicators: ["like_1", "like_2", "like_3"] },
      { name: "CUSA", indicators: ["cusa"] },
      { name: "CUSL", indicators: ["cusl_1", "cusl_2", "cusl_3"] },
    ],
    paths: [
      ...["QUAL", "PERF", "CSOR", "ATTR"].flatMap((f) => [[f, "COMP"], [f, "LIKE"]] as [string, string][]),
      ["COMP", "CUSA"], ["COMP", "CUSL"], ["LIKE", "CUSA"], ["LIKE", "CUSL"], ["CUSA", "CUSL"],
    ] as [string, string][],
  };

  it("runs with mean replacement and reports no NaN anywhere", () => {
    const result = estimatePls(data, model, { missingCode: -99, missingStrategy: "mean" });
    expect(result.converged).toBe(true);
    expect(result.cases.used).toBe(344);
    expect(result.cases.valuesReplaced).toBeGreaterThan(0);
    const json = JSON.stringify({ ...result, scores: undefined }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? "BAD" : v));
    expect(json).not.toContain("BAD");
    expect(json).not.toContain("null");
    for (const scores of Object.values(result.scores!)) expect(scores.every(Number.isFinite)).toBe(true);
  });

  it("drops incomplete cases under casewise deletion", () => {
    const result = estimatePls(data, model, { missingCode: -99, missingStrategy: "casewise" });
    expect(result.cases.used).toBeLessThan(344);
    expect(result.cases.valuesReplaced).toBe(0);
    expect(result.paths.every((p) => Number.isFinite(p.estimate))).toBe(true);
  });
});
