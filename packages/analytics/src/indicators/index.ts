/** Weighted three-level indicator system (items → dimensions → overall) on 0–100. */
export * from "./indicator-spec.ts";
export * from "./regression-weights.ts";
export * from "./weighted-index.ts";
