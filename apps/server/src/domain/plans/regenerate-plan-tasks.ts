import type { PlanGeneration, PlanRegenerate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import type { Actor } from "../auth/actor.ts";
import { generatePlanTasks } from "./generate-plan-tasks.ts";

/**
 * "Regenerate now": generates the organisation's plan tasks for the next `days` days at once, instead of waiting
 * for the daily job. Set-based, so it answers within the request even for tens of thousands of customers.
 */
export function regeneratePlanTasks({
  db,
  actor,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  input: z.output<typeof PlanRegenerate>;
  now?: Date;
}): Promise<PlanGeneration> {
  return generatePlanTasks({ db, orgId: actor.orgId, now, days: input.days });
}
