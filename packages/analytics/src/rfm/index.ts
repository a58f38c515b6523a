/** RFM (recency, frequency, monetary) scoring and segmentation, following R's rfm 0.3.0 conventions. */
export * from "./rfm-breakpoints.ts";
export * from "./rfm-segments.ts";
export * from "./score-rfm.ts";
export * from "./iso-day.ts";
export * from "./rfm-accumulator.ts";
