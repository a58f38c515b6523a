/** The daily job that keeps every organisation's plan tasks generated a week ahead (and reconciled with tiers). */
import type { JobDefinition } from "../../jobs/job-definition.ts";
import { DEFAULT_HORIZON_DAYS, generatePlanTasks } from "./generate-plan-tasks.ts";

export const generatePlansJob: JobDefinition = {
  kind: "plans.generate",
  every: "day",
  // One transaction, keyed tasks: a run repeated after a crash creates nothing twice.
  run: async ({ db, orgId, now, payload }) => {
    const days = typeof payload.days === "number" && payload.days >= 1 && payload.days <= 31 ? payload.days : DEFAULT_HORIZON_DAYS;
    return { ...(await generatePlanTasks({ db, orgId, now, days })) };
  },
};

export const planJobDefinitions: JobDefinition[] = [generatePlansJob];
