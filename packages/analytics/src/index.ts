/**
 * @kexin/analytics — satisfaction, trust, loyalty and customer-value statistics.
 * Pure TypeScript: arrays in, numbers out; no I/O, no clock, no hidden randomness.
 */
export * from "./core/descriptive.ts";
export * from "./core/random.ts";
export * from "./core/matrix.ts";
export * from "./pls/index.ts";
export * from "./core/distributions.ts";
export * from "./scores/index.ts";
export * from "./kano/index.ts";
export * from "./rfm/index.ts";
export * from "./clv/index.ts";
export * from "./indicators/index.ts";
export * from "./ipa/index.ts";
export * from "./servqual/index.ts";
export * from "./value/index.ts";
export * from "./loyalty/index.ts";
export * from "./histograms/index.ts";
