/**
 * Shapes shared by the PLS path-modelling functions (PLS-PM / PLS-SEM, the ACSI/ECSI estimator).
 */

/** Outer estimation mode: "A" (reflective, correlation weights) or "B" (formative, regression weights). */
export type PlsMode = "A" | "B";

/** Inner weighting scheme of the PLS algorithm (Lohmöller 1989). */
export type PlsScheme = "path" | "centroid" | "factorial";

/** What to do with missing answers: replace by the indicator's mean, or drop the whole case. */
export type PlsMissingStrategy = "mean" | "casewise";

/** A construct (latent variable) measured by a block of indicators (columns of the data). */
export interface PlsConstruct {
  name: string;
  indicators: readonly string[];
  /** Defaults to "A". */
  mode?: PlsMode;
}

/** A path model: constructs and the directed paths between them, `[from, to]`. */
export interface PlsModel {
  constructs: readonly PlsConstruct[];
  paths: readonly (readonly [string, string])[];
}

/** Survey data by column name: one array of numbers per indicator, all the same length. */
export type PlsData = Readonly<Record<string, ArrayLike<number>>>;

/** How missing values are recognised and handled. NaN is always missing. */
export interface PlsMissingOptions {
  /** A code meaning "no answer", e.g. −99. */
  missingCode?: number;
  /** Defaults to "mean". */
  missingStrategy?: PlsMissingStrategy;
}

/** Settings of the iterative algorithm. */
export interface PlsAlgorithmOptions {
  /** Defaults to "path". */
  scheme?: PlsScheme;
  /** Stop when the largest change of an outer weight is below this. Defaults to 1e-7. */
  tolerance?: number;
  /** Give up (converged: false) after this many iterations. Defaults to 300. */
  maxIterations?: number;
}

/** Every option of `estimatePls`. */
export interface PlsOptions extends PlsMissingOptions, PlsAlgorithmOptions {
  /** Compute the latent scores of every case (one extra pass over the data). Defaults to true. */
  includeScores?: boolean;
}

/** A problem with the model or the data given to PLS, explained in plain language. */
export class PlsInputError extends Error {
  override readonly name = "PlsInputError";
}
