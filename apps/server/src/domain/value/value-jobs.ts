/** Background jobs of customer value: the daily recompute of every organisation's figures and tiers. */
import type { JobDefinition } from "../../jobs/job-definition.ts";
import { recomputeValues } from "./recompute-values.ts";

export const RECOMPUTE_VALUES_JOB = "value.recompute";

export const recomputeValuesJob: JobDefinition = {
  kind: RECOMPUTE_VALUES_JOB,
  every: "day",
  async run({ db, orgId, now, log }) {
    const summary = await recomputeValues({ db, orgId, now });
    log.info({ orgId, ...summary, model: undefined }, "customer values recomputed");
    return { customers: summary.customers, buyers: summary.buyers, tierChanges: summary.tierChanges, durationMs: summary.durationMs };
  },
};

export const valueJobDefinitions: JobDefinition[] = [recomputeValuesJob];
