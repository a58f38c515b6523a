/** SERVQUAL gap analysis (Parasuraman, Zeithaml & Berry 1988). */
export * from "./servqual-gaps.ts";
