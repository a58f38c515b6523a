/**
 * How plans are stored and read: every organisation has one plan per tier (the defaults, written the first time
 * anything reads or generates plans), each with its ordered actions.
 */
import { CUSTOMER_TIERS, PlanActionInput, type CustomerTier, type Plan } from "@kexin/contracts";
import type { Kysely, Selectable } from "kysely";
import type { DB, PlanActionsTable } from "../../db/schema.ts";
import { toIso } from "../customers/customer-record.ts";
import { DEFAULT_PLAN_ACTIONS } from "./default-plans.ts";

type ActionRow = Selectable<PlanActionsTable>;

/** The columns of an action as stored, from an edited (parsed) action. */
export function actionColumns(action: ReturnType<typeof PlanActionInput.parse>) {
  return {
    kind: action.kind,
    cadence: action.cadence,
    // Only what the cadence reads is kept, so a weekly action turned daily leaves no stray weekdays behind.
    weekdays: action.cadence === "weekly" ? [...action.weekdays].sort((a, b) => a - b) : [],
    month_day: action.cadence === "monthly" ? action.monthDay : null,
    holidays: action.cadence === "holidays" ? action.holidays : [],
    topic: action.topic,
    assign_to: action.assignTo,
    records_service_figures: action.recordsServiceFigures,
  };
}

/**
 * Writes the default plan of every tier the organisation has no plan for yet. Safe to run concurrently: a plan
 * another call inserted first is left alone (unique (org_id, tier)), and only the call that inserted a plan adds
 * its actions.
 */
export async function ensureDefaultPlans(db: Kysely<DB>, orgId: string): Promise<void> {
  const existing = await db.selectFrom("maintenance_plans").select("tier").where("org_id", "=", orgId).execute();
  if (existing.length === CUSTOMER_TIERS.length) return;
  const write = async (trx: Kysely<DB>) => {
    for (const tier of CUSTOMER_TIERS) {
      if (existing.some((plan) => plan.tier === tier)) continue;
      const plan = await trx
        .insertInto("maintenance_plans")
        .values({ org_id: orgId, tier })
        .onConflict((conflict) => conflict.columns(["org_id", "tier"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!plan) continue;
      const actions = DEFAULT_PLAN_ACTIONS[tier].map((action, position) => ({
        org_id: orgId,
        plan_id: plan.id,
        position,
        ...actionColumns(PlanActionInput.parse(action)),
      }));
      if (actions.length > 0) await trx.insertInto("plan_actions").values(actions).execute();
    }
  };
  await (db.isTransaction ? write(db) : db.transaction().execute(write));
}

function presentAction(row: ActionRow): Plan["actions"][number] {
  return {
    id: row.id,
    kind: row.kind,
    cadence: row.cadence,
    weekdays: row.weekdays.map(Number),
    monthDay: row.month_day,
    holidays: row.holidays as Plan["actions"][number]["holidays"],
    topic: row.topic,
    assignTo: row.assign_to,
    recordsServiceFigures: row.records_service_figures,
  };
}

/** The organisation's plans, highest tier first, with how many customers each tier holds and its open tasks from `from` on. */
export async function loadPlans(db: Kysely<DB>, orgId: string, from: Date, tier?: CustomerTier): Promise<Plan[]> {
  let plansQuery = db
    .selectFrom("maintenance_plans as p")
    .leftJoin("users as u", (join) => join.onRef("u.id", "=", "p.updated_by").on("u.org_id", "=", orgId))
    .select(["p.id", "p.tier", "p.is_active", "p.created_at", "p.updated_at", "u.name as updated_by_name"])
    .where("p.org_id", "=", orgId);
  if (tier) plansQuery = plansQuery.where("p.tier", "=", tier);
  const [plans, actions, customers, tasks] = await Promise.all([
    plansQuery.execute(),
    db.selectFrom("plan_actions").selectAll().where("org_id", "=", orgId).orderBy("position").execute(),
    db
      .selectFrom("customer_values as v")
      .innerJoin("customers as c", (join) => join.onRef("c.id", "=", "v.customer_id").on("c.org_id", "=", orgId))
      .select(["v.tier", (eb) => eb.fn.countAll<string>().as("count")])
      .where("v.org_id", "=", orgId)
      .where("c.erased_at", "is", null)
      .where("c.status", "=", "active")
      .groupBy("v.tier")
      .execute(),
    db
      .selectFrom("tasks as t")
      .innerJoin("plan_actions as a", (join) => join.onRef("a.id", "=", "t.source_id").on("a.org_id", "=", orgId))
      .select(["a.plan_id", (eb) => eb.fn.countAll<string>().as("count")])
      .where("t.org_id", "=", orgId)
      .where("t.source_type", "=", "plan")
      .where("t.status", "=", "open")
      .where("t.due_at", ">=", from)
      .groupBy("a.plan_id")
      .execute(),
  ]);
  return CUSTOMER_TIERS.flatMap((key) => {
    const plan = plans.find((row) => row.tier === key);
    if (!plan) return [];
    return [
      {
        id: plan.id,
        tier: key,
        isActive: plan.is_active,
        actions: actions.filter((action) => action.plan_id === plan.id).map(presentAction),
        customerCount: Number(customers.find((row) => row.tier === key)?.count ?? 0),
        openTaskCount: Number(tasks.find((row) => row.plan_id === plan.id)?.count ?? 0),
        // A plan nobody has edited yet shows no "updated" line.
        updatedAt: plan.updated_by_name ? toIso(plan.updated_at) : null,
        updatedByName: plan.updated_by_name,
      },
    ];
  });
}
