/** Loyalty and trust: satisfaction → repurchase, behavioural × attitudinal segments, value concentration. */
export * from "./repurchase-curve.ts";
export * from "./loyalty-segments.ts";
export * from "./value-concentration.ts";
