/**
 * @kexin/analytics — satisfaction, trust, loyalty and customer-value statistics.
 * Pure TypeScript: arrays in, numbers out; no I/O, no clock, no hidden randomness.
 */
export * from "./core/descriptive.ts";
export * from "./core/random.ts";
