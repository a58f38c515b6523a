import { describe, expect, it } from "vitest";
import { regressionFromCorrelation } from "../core/matrix.ts";
import { seededRandom } from "../core/random.ts";
import { estimatePls } from "./estimate-pls.ts";
import { simulatePlsData } from "./simulate-pls-data.ts";
import type { PlsModel } from "./types.ts";

const items = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

const model: PlsModel = {
  constructs: [
    { name: "Image", indicators: items("im", 4) },
    { name: "Quality", indicators: items("qu", 5) },
    { name: "Satisfaction", indicators: items("sa", 4) },
    { name: "Loyalty", indicators: items("lo", 4) },
  ],
  paths: [
    ["Image", "Quality"],
    ["Image", "Satisfaction"],
    ["Quality", "Satisfaction"],
    ["Satisfaction", "Loyalty"],
    ["Image", "Loyalty"],
  ],
};
const truePaths = [0.5, 0.2, 0.55, 0.6, 0.15];

describe("PLS recovers known parameters from simulated data", () => {
  const loadings = Object.fromEntries(model.constructs.flatMap((c) => c.indicators.map((name, i) => [name, 0.95 - 0.03 * i])));
  const data = simulatePlsData({ model, pathCoefficients: truePaths, loadings, rows: 20_000, random: seededRandom(2024) });

  for (const scheme of ["path", "centroid", "factorial"] as const) {
    it(`recovers path coefficients within 0.05, attenuated as PLS theory says (${scheme} scheme)`, () => {
      const result = estimatePls(data, model, { scheme });
      result.paths.forEach((path, i) => expect(Math.abs(path.estimate - truePaths[i])).toBeLessThan(0.05));
      // PLS composites carry measurement error, so strong paths come out a little low (Dijkstra & Henseler 2015).
      expect(result.paths[0].estimate).toBeLessThan(truePaths[0]);
    });
  }

  it("recovers the true paths within 0.015 once latent correlations are disattenuated by ρA (PLSc)", () => {
    const result = estimatePls(data, model);
    const names = result.constructs;
    const m = names.length;
    const corrected = new Float64Array(m * m);
    names.forEach((a, j) =>
      names.forEach((b, k) => {
        const reliability = Math.sqrt(result.reliability[a].rhoA * result.reliability[b].rhoA);
        corrected[j * m + k] = j === k ? 1 : result.latentCorrelations[a][b] / reliability;
      }),
    );
    model.paths.forEach(([from, to], i) => {
      const antecedents = model.paths.filter((p) => p[1] === to).map((p) => names.indexOf(p[0]));
      const { coefficients } = regressionFromCorrelation(corrected, m, antecedents, names.indexOf(to));
      expect(Math.abs(coefficients[antecedents.indexOf(names.indexOf(from))] - truePaths[i])).toBeLessThan(0.015);
    });
  });

  it("recovers loadings within 0.05 (PLS overstates them slightly) and keeps their order", () => {
    const result = estimatePls(data, model);
    for (const [name, loading] of Object.entries(loadings)) {
      const construct = model.constructs.find((c) => c.indicators.includes(name))!.name;
      expect(Math.abs(result.loadings[construct][name] - loading)).toBeLessThan(0.05);
    }
    const quality = Object.values(result.loadings.Quality);
    expect([...quality].sort((a, b) => b - a)).toEqual(quality);
  });

  it("estimates Mode B blocks close to Mode A when the items are reflective", () => {
    const formative: PlsModel = { ...model, constructs: model.constructs.map((c) => (c.name === "Image" ? { ...c, mode: "B" } : c)) };
    const result = estimatePls(data, formative);
    expect(result.converged).toBe(true);
    result.paths.forEach((path, i) => expect(Math.abs(path.estimate - truePaths[i])).toBeLessThan(0.05));
  });

  it("rejects an impossible population", () => {
    expect(() => simulatePlsData({ model, pathCoefficients: [0.9, 0.9, 0.9, 0.5, 0.5], rows: 10, random: seededRandom(1) })).toThrow(
      /explain .* of its variance/,
    );
  });
});
