/**
 * PLS path modelling (PLS-PM / PLS-SEM), the estimator of the ACSI and ECSI satisfaction indexes.
 */
export * from "./types.ts";
export * from "./compile-model.ts";
export * from "./prepare-indicators.ts";
export * from "./iterate-outer-weights.ts";
export * from "./estimate-inner-model.ts";
export * from "./estimate-pls-core.ts";
export * from "./estimate-pls.ts";
export * from "./reliability.ts";
export * from "./htmt.ts";
export * from "./bootstrap-pls.ts";
export * from "./construct-index.ts";
export * from "./importance-performance.ts";
export * from "./simulate-pls-data.ts";
