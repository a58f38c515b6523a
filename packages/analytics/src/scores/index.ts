/** Survey scores: scales, top-box, CSAT, NPS, CES, satisfaction ratio, confidence intervals and wave trends. */
export * from "./check-answers.ts";
export * from "./normalize-scale.ts";
export * from "./top-box.ts";
export * from "./csat.ts";
export * from "./ces.ts";
export * from "./nps.ts";
export * from "./satisfaction-ratio.ts";
export * from "./proportion-interval.ts";
export * from "./mean-interval.ts";
export * from "./significance-tests.ts";
export * from "./wave-trend.ts";
