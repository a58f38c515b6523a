/** Importance–performance analysis (Martilla & James 1977). */
export * from "./importance-performance.ts";
