/** Customer value analysis: importance-weighted relative performance and customer perceived value. */
export * from "./relative-performance.ts";
export * from "./perceived-value.ts";
