import { type CustomerTier, type PlanSaved, type PlanUpdate } from "@kexin/contracts";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../app-error.ts";
import type { Actor } from "../auth/actor.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { storedUserId } from "../auth/system-actor.ts";
import { generatePlanTasks } from "./generate-plan-tasks.ts";
import { startOfLocalDay } from "./plan-calendar.ts";
import { actionColumns, ensureDefaultPlans, loadPlans } from "./plan-record.ts";

type Input = z.output<typeof PlanUpdate>;

/**
 * Saves a tier's plan: its actions in the order given (an action sent with its id keeps it, and so keeps its tasks;
 * one left out is removed), then regenerates the organisation's tasks so the edit shows at once — open future
 * tasks the plan no longer asks for are dismissed, new ones created. The save is in the audit log (tier, actions).
 * @throws AppError plan.action_not_found (field actions.<n>.id) for an id that is not one of this plan's actions.
 */
export async function updatePlan({
  db,
  actor,
  tier,
  input,
  now = new Date(),
}: {
  db: Kysely<DB>;
  actor: Actor;
  tier: CustomerTier;
  input: Input;
  now?: Date;
}): Promise<PlanSaved> {
  await ensureDefaultPlans(db, actor.orgId);
  await db.transaction().execute(async (trx) => {
    const plan = await trx
      .updateTable("maintenance_plans")
      .set({ is_active: input.isActive, updated_by: storedUserId(actor), updated_at: now })
      .where("org_id", "=", actor.orgId)
      .where("tier", "=", tier)
      .returning("id")
      .executeTakeFirstOrThrow();
    const existing = await trx.selectFrom("plan_actions").select("id").where("org_id", "=", actor.orgId).where("plan_id", "=", plan.id).execute();
    const existingIds = new Set(existing.map((row) => row.id));
    input.actions.forEach((action, index) => {
      if (action.id && !existingIds.has(action.id)) {
        throw new AppError("plan.action_not_found", "invalid", "this action is not part of the plan; reload the plan and edit again", `actions.${index}.id`);
      }
    });
    const keptIds = input.actions.flatMap((action) => (action.id ? [action.id] : []));
    if (new Set(keptIds).size !== keptIds.length) {
      throw new AppError("plan.action_duplicated", "invalid", "each action may appear once", "actions");
    }
    let removal = trx.deleteFrom("plan_actions").where("org_id", "=", actor.orgId).where("plan_id", "=", plan.id);
    if (keptIds.length > 0) removal = removal.where("id", "not in", keptIds);
    await removal.execute();
    for (const [position, action] of input.actions.entries()) {
      const columns = { ...actionColumns(action), position };
      if (action.id) {
        await trx.updateTable("plan_actions").set(columns).where("org_id", "=", actor.orgId).where("id", "=", action.id).execute();
      } else {
        await trx.insertInto("plan_actions").values({ org_id: actor.orgId, plan_id: plan.id, ...columns }).execute();
      }
    }
    await recordAudit(trx, {
      actor,
      action: "plan.update",
      targetType: "maintenance_plan",
      targetId: plan.id,
      details: { tier, isActive: input.isActive, actions: input.actions.length, removed: existingIds.size - keptIds.length },
    });
  });
  const generation = await generatePlanTasks({ db, orgId: actor.orgId, now });
  const [plan] = await loadPlans(db, actor.orgId, startOfLocalDay(now), tier);
  return { plan, generation };
}
