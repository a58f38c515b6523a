/** Survey scores from counts (histograms, Kano pair counts) for reports aggregated in the database. */
export * from "./histogram-scores.ts";
export * from "./kano-from-pairs.ts";
