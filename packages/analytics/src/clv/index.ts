/**
 * Customer lifetime value: buy-till-you-die purchase models (BG/NBD), the Gamma-Gamma spend model, discounted CLV,
 * holdout validation and simulation. Pure functions on arrays; no I/O, no clock, randomness passed in.
 */
export * from "./customer-summary.ts";
export * from "./summarize-transactions.ts";
export * from "./bgnbd-log-likelihood.ts";
export * from "./fit-bgnbd.ts";
export * from "./bgnbd-predict.ts";
export * from "./gamma-gamma.ts";
export * from "./customer-lifetime-value.ts";
export * from "./compare-holdout.ts";
export * from "./simulate.ts";
