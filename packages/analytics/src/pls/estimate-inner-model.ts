import { regressionFromCorrelation } from "../core/matrix.ts";
import type { CompiledPlsModel } from "./compile-model.ts";
import { PlsInputError } from "./types.ts";

/** The structural (inner) model estimated from the latent correlations. Arrays are indexed like the model. */
export interface InnerModelEstimate {
  /** One standardised coefficient per model path, in the model's path order. */
  pathCoefficients: Float64Array;
  /** R² per construct (0 for exogenous constructs). */
  rSquared: Float64Array;
  /** Adjusted R², 1 − (1 − R²)(n − 1)/(n − k − 1), per construct (0 for exogenous constructs). */
  rSquaredAdjusted: Float64Array;
  /** Cohen's f² per model path: (R²_included − R²_excluded) / (1 − R²_included). */
  fSquared: Float64Array;
  /** Direct effects, m × m row-major: direct[from·m + to]. */
  direct: Float64Array;
  /** Total effects (direct + every indirect route), m × m row-major: total[from·m + to]. */
  total: Float64Array;
}

/**
 * Path coefficients as OLS of each endogenous latent score on its antecedents, with R², adjusted R², f² and the
 * total effects Σₖ Bᵏ of the acyclic path matrix B.
 * Reference: Hair et al. (2022), A Primer on PLS-SEM, 3rd ed., ch. 6. Cost: O(constructs⁴) at most — tiny.
 * @throws PlsInputError when the antecedents of a construct are perfectly collinear.
 * @example estimateInnerModel(model, latentCorrelation, 250).pathCoefficients
 */
export function estimateInnerModel(model: CompiledPlsModel, latent: Float64Array, rows: number): InnerModelEstimate {
  const m = model.constructs.length;
  const rSquared = new Float64Array(m);
  const rSquaredAdjusted = new Float64Array(m);
  const direct = new Float64Array(m * m);
  const coefficientOf = new Map<number, number>();
  const regress = (predictors: number[], target: number) => {
    try {
      return regressionFromCorrelation(latent, m, predictors, target);
    } catch {
      throw new PlsInputError(
        `the antecedents of ${model.constructs[target]} (${predictors.map((k) => model.constructs[k]).join(", ")}) are perfectly collinear`,
      );
    }
  };
  for (let j = 0; j < m; j++) {
    const predecessors = model.predecessors[j];
    if (predecessors.length === 0) continue;
    const { coefficients, rSquared: r2 } = regress(predecessors, j);
    predecessors.forEach((k, a) => {
      direct[k * m + j] = coefficients[a];
      coefficientOf.set(k * m + j, coefficients[a]);
    });
    rSquared[j] = r2;
    const freedom = rows - predecessors.length - 1;
    rSquaredAdjusted[j] = freedom > 0 ? 1 - ((1 - r2) * (rows - 1)) / freedom : r2;
  }
  const pathCoefficients = Float64Array.from(model.paths, ([from, to]) => coefficientOf.get(from * m + to) ?? 0);
  const fSquared = Float64Array.from(model.paths, ([from, to]) => {
    const included = rSquared[to];
    const others = model.predecessors[to].filter((k) => k !== from);
    const excluded = others.length === 0 ? 0 : regress(others, to).rSquared;
    const unexplained = 1 - included;
    return unexplained > 1e-15 ? (included - excluded) / unexplained : Number.MAX_VALUE;
  });
  // B + B² + … terminates because the graph is acyclic: B^m = 0.
  const total = Float64Array.from(direct);
  let power = Float64Array.from(direct);
  for (let step = 1; step < m; step++) {
    const next = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        const pab = power[a * m + b];
        if (pab === 0) continue;
        for (let c = 0; c < m; c++) next[a * m + c] += pab * direct[b * m + c];
      }
    }
    power = next;
    let any = false;
    for (let i = 0; i < m * m; i++) {
      total[i] += next[i];
      if (next[i] !== 0) any = true;
    }
    if (!any) break;
  }
  return { pathCoefficients, rSquared, rSquaredAdjusted, fSquared, direct, total };
}
