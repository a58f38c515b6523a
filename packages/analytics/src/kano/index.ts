/** Kano analysis: Berger et al. (1993) evaluation table, better/worse coefficients, strengths and Fong's test. */
export * from "./evaluation-table.ts";
export * from "./fong-test.ts";
export * from "./classify-kano-feature.ts";
