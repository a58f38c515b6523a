/**
 * Maintenance plans for the demo organisation: the default plan of every tier, the next week's tasks generated from
 * them, and half a year of past plan calls to the B2B (company) customers of the VIP and 重要 tiers — done with an
 * outcome, on the timeline, most with service figures — so the customer page and the report have a trend to show.
 * One B2B VIP account of 上海静安店 is handed to the demo agent, so the agent's own list has a call that records
 * service figures (the browser journey and a first look both use it).
 * Deterministic: past calls come from a seeded generator of their own.
 */
import { seededRandom, type Random } from "@kexin/analytics";
import { CUSTOMER_TIERS, PlanActionInput } from "@kexin/contracts";
import type { Insertable, Kysely } from "kysely";
import { sql } from "kysely";
import type { DB, InteractionsTable, ServiceFiguresTable, TaskOutcomeValue, TasksTable } from "../../db/schema.ts";
import { generatePlanTasks } from "../plans/generate-plan-tasks.ts";
import { addDays, localDay } from "../plans/plan-calendar.ts";
import { DEFAULT_PLAN_ACTIONS } from "../plans/default-plans.ts";
import { actionColumns } from "../plans/plan-record.ts";
import { outcomeSummary } from "../tasks/update-task.ts";
import { DAY_MS } from "./draws.ts";
import { insertInBatches } from "./insert-in-batches.ts";

/** Weeks of past calls, and how many B2B customers get them (the most valuable first). */
const HISTORY_WEEKS = 26;
const HISTORY_CUSTOMERS = 24;
const ISSUE_NOTES = ["两批次到货延迟，已协调物流", "抽检发现包装破损，已安排补发", "验货标准有分歧，约了下周复核"];

/** A version-4 UUID from the seeded generator, so the past calls' ids repeat with the seed. */
function uuidFrom(random: Random): string {
  let hex = "";
  for (let i = 0; i < 4; i++) hex += Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * Gives every customer a tier when nothing has computed tiers yet: by total spent, the top 5 % VIP, the next 15 %
 * 重要, the next 30 % 质优, the rest 普通. Only a fallback — the value seed (recompute) normally ran first and
 * wins; a later recompute replaces these.
 */
async function assignFallbackTiers(db: Kysely<DB>, orgId: string): Promise<number> {
  const existing = await db.selectFrom("customer_values").select("customer_id").where("org_id", "=", orgId).limit(1).execute();
  if (existing.length > 0) return 0;
  const result = await sql`
    insert into customer_values (customer_id, org_id, tier, computed_tier)
    select id, org_id, tier, tier from (
      select id, org_id,
             case when rank >= 0.95 then 'vip' when rank >= 0.80 then 'important' when rank >= 0.50 then 'quality' else 'ordinary' end as tier
      from (select id, org_id, percent_rank() over (order by total_spent, id) as rank
            from customers where org_id = ${orgId} and erased_at is null) ranked
    ) tiered
    on conflict (customer_id) do nothing
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

interface HistoryCustomer {
  id: string;
  tier: "vip" | "important";
  home_store_id: string | null;
  account_manager_id: string | null;
  action_id: string;
  plan_id: string;
  topic: string;
}

function drawHistory(random: Random, orgId: string, customers: HistoryCustomer[], today: string) {
  const tasks: Insertable<TasksTable>[] = [];
  const figures: Insertable<ServiceFiguresTable>[] = [];
  const interactions: Insertable<InteractionsTable>[] = [];
  for (const customer of customers) {
    let onTime = 86 + random() * 11;
    let inspection = 90 + random() * 9;
    for (let week = HISTORY_WEEKS; week >= 1; week--) {
      // A Monday suits both the VIP (daily) and the 重要 (Monday and Thursday) plans.
      const sameWeekday = addDays(today, -7 * week);
      const weekday = new Date(`${sameWeekday}T00:00:00Z`).getUTCDay();
      const day = addDays(sameWeekday, -((weekday + 6) % 7));
      onTime = clamp(onTime + (random() - 0.45) * 3, 70, 100);
      inspection = clamp(inspection + (random() - 0.45) * 2, 80, 100);
      const roll = random();
      const outcome: TaskOutcomeValue = roll < 0.12 ? "not_reached" : roll < 0.2 ? "issue_found" : "reached";
      const note = outcome === "issue_found" ? ISSUE_NOTES[Math.floor(random() * ISSUE_NOTES.length)] : null;
      const recorded = outcome === "not_reached" ? null : { onTimeDeliveryRate: round1(onTime), inspectionPassRate: round1(inspection) };
      const closedAt = new Date(`${day}T${String(10 + Math.floor(random() * 7)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00+08:00`);
      const taskId = uuidFrom(random);
      tasks.push({
        id: taskId,
        org_id: orgId,
        kind: "call",
        status: "done",
        title: customer.topic,
        customer_id: customer.id,
        store_id: customer.home_store_id,
        assignee_id: customer.account_manager_id,
        source_type: "plan",
        source_id: customer.action_id,
        dedupe_key: `plan:${customer.plan_id}:${customer.action_id}:${customer.id}:${day}`,
        due_at: new Date(`${day}T23:59:59+08:00`),
        outcome,
        outcome_note: note,
        closed_by: customer.account_manager_id,
        closed_at: closedAt,
        created_at: new Date(`${addDays(day, -6)}T02:00:00+08:00`),
      });
      if (recorded) {
        figures.push({
          org_id: orgId,
          customer_id: customer.id,
          store_id: customer.home_store_id,
          task_id: taskId,
          on_time_delivery_rate: recorded.onTimeDeliveryRate,
          inspection_pass_rate: recorded.inspectionPassRate,
          recorded_by: customer.account_manager_id,
          recorded_at: closedAt,
        });
      }
      interactions.push({
        id: uuidFrom(random),
        org_id: orgId,
        customer_id: customer.id,
        store_id: customer.home_store_id,
        user_id: customer.account_manager_id,
        kind: "call",
        summary: outcomeSummary(outcome, note, "zh-CN", { kind: "call", figures: recorded }),
        body: customer.topic,
        occurred_at: closedAt,
      });
    }
  }
  return { tasks, figures, interactions };
}

export async function seedDemoPlans(
  db: Kysely<DB>,
  { orgId, anchorTime, seed, onProgress = () => {} }: { orgId: string; anchorTime: number; seed: number; onProgress?: (message: string) => void },
): Promise<void> {
  const tiered = await assignFallbackTiers(db, orgId);
  if (tiered > 0) onProgress(`gave ${tiered} customers a tier by total spent (no computed tiers yet)`);
  // The default plans, written here with seeded ids (generation would write the same plans with random ones), so
  // the plan tasks' keys — which name the plan and the action — repeat with the seed too.
  const idRandom = seededRandom(seed ^ 0x91a46);
  for (const tier of CUSTOMER_TIERS) {
    const planId = uuidFrom(idRandom);
    await db.insertInto("maintenance_plans").values({ id: planId, org_id: orgId, tier }).execute();
    await db
      .insertInto("plan_actions")
      .values(
        DEFAULT_PLAN_ACTIONS[tier].map((action, position) => ({
          id: uuidFrom(idRandom),
          org_id: orgId,
          plan_id: planId,
          position,
          ...actionColumns(PlanActionInput.parse(action)),
        })),
      )
      .execute();
  }
  // As of the anchor day, or now when the anchor is today.
  const now = new Date(Math.min(Date.now(), anchorTime + DAY_MS - 1));
  const today = localDay(now);

  const agent = await db.selectFrom("users").select("id").where("org_id", "=", orgId).where("role", "=", "agent").orderBy("email").executeTakeFirst();
  const agentStores = agent
    ? (await db.selectFrom("user_stores").select("store_id").where("user_id", "=", agent.id).execute()).map((row) => row.store_id)
    : [];
  if (agent && agentStores.length > 0) {
    const account = await db
      .selectFrom("customers as c")
      .innerJoin("customer_values as v", "v.customer_id", "c.id")
      .select("c.id")
      .where("c.org_id", "=", orgId)
      .where("c.kind", "=", "company")
      .where("c.status", "=", "active")
      .where("c.erased_at", "is", null)
      .where("v.tier", "=", "vip")
      .where("c.home_store_id", "in", agentStores)
      .orderBy("c.total_spent", "desc")
      .orderBy("c.id")
      .executeTakeFirst();
    if (account) await db.updateTable("customers").set({ account_manager_id: agent.id }).where("id", "=", account.id).execute();
  }

  const history = await db
    .selectFrom("customers as c")
    .innerJoin("customer_values as v", "v.customer_id", "c.id")
    .innerJoin("maintenance_plans as p", (join) => join.onRef("p.tier", "=", "v.tier").on("p.org_id", "=", orgId))
    .innerJoin("plan_actions as a", (join) => join.onRef("a.plan_id", "=", "p.id").on("a.position", "=", 0))
    .select(["c.id", "v.tier", "c.home_store_id", "c.account_manager_id", "a.id as action_id", "p.id as plan_id", "a.topic"])
    .where("c.org_id", "=", orgId)
    .where("c.kind", "=", "company")
    .where("c.status", "=", "active")
    .where("c.erased_at", "is", null)
    .where("v.tier", "in", ["vip", "important"])
    .orderBy("c.total_spent", "desc")
    .orderBy("c.id")
    .limit(HISTORY_CUSTOMERS)
    .execute();
  const drawn = drawHistory(seededRandom(seed ^ 0x91a45), orgId, history as HistoryCustomer[], today);
  await insertInBatches(db, "tasks", drawn.tasks);
  await insertInBatches(db, "service_figures", drawn.figures);
  await insertInBatches(db, "interactions", drawn.interactions);
  onProgress(`recorded ${drawn.tasks.length} past plan calls to ${history.length} B2B customers, ${drawn.figures.length} with service figures`);

  const generation = await generatePlanTasks({ db, orgId, now, hasDerivedIds: true });
  onProgress(`generated ${generation.created} plan tasks for ${generation.horizonStart} – ${generation.horizonEnd}`);
}
